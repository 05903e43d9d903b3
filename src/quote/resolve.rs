//! Resolving a speaker mention to the entity it names: entities are themselves; pronouns and
//! descriptions take the previous compatible speaker nearby, else the nearest earlier compatible
//! mention (see [`Attributor::resolve`]).

use super::attribute::{Attributor, LOOK_BACK};
use super::speaker::{MentionKind, SpeakerMention};
use crate::label::Label;
use crate::lexicon::Sex;
use crate::token::{Case, TokenKind};

impl Attributor<'_, '_> {
    /// Resolves a speaker mention to an entity: entities are themselves; pronouns and
    /// descriptions take the previous compatible speaker nearby, else the nearest earlier
    /// compatible mention; each search looks at most [`LOOK_BACK`] mentions or speakers back.
    pub fn resolve(&self, mention: &SpeakerMention, recent: &[(usize, usize)]) -> Option<usize> {
        let (label, sex) = match mention.kind {
            MentionKind::Entity(cluster) => return Some(cluster),
            MentionKind::Unlisted => return None,
            MentionKind::Pronoun { sex, plural, org } => {
                if org || plural {
                    (Label::Org, Sex::Unknown)
                } else {
                    if self.word(mention.first).eq_ignore_ascii_case("i")
                        || self.word(mention.first).eq_ignore_ascii_case("we")
                    {
                        return None;
                    }
                    (Label::Person, sex)
                }
            }
            // "his profile reads", "her statement said": the words are the owner's.
            MentionKind::Description { .. }
                if matches!(self.word(mention.first), "his" | "His" | "her" | "Her")
                    && self.speakers.lexicon.is_cue_noun(&self.word(mention.last).to_ascii_lowercase()) =>
            {
                let sex = if self.word(mention.first).eq_ignore_ascii_case("his") { Sex::Male } else { Sex::Female };
                (Label::Person, sex)
            }
            MentionKind::Description { label, sex, plural } => {
                // Plurals are groups, and an indefinite description introduces someone new
                // ("added another New Hampshire Democrat", "one user wrote"): neither is an
                // entity named before.
                let indefinite =
                    ["a", "an", "another", "one", "some", "several", "many", "two", "three", "any", "each"]
                        .iter()
                        .any(|d| d.eq_ignore_ascii_case(self.word(mention.first)));
                // "the ACU": an unknown acronym names itself.
                let acronym = self.doc().tokens[mention.last].kind == TokenKind::Word(Case::Upper);
                if plural || indefinite || acronym {
                    return None;
                }
                (label, sex)
            }
        };
        let entities = &self.speakers.names.entities;
        let fits = |cluster: usize| {
            let c = &entities[cluster];
            c.label == label && (sex == Sex::Unknown || c.sex == Sex::Unknown || c.sex == sex)
        };
        let paragraph = self.doc().paragraph_of(mention.first);
        // A pronoun opening its sentence most often takes up the subject of the sentence before
        // ("UK citizen Jim Swire … believes al-Megrahi was not guilty. He described …").
        if let MentionKind::Pronoun { org: false, plural: false, .. } = mention.kind
            && self.doc().is_sentence_initial(mention.first)
            && let Some(subject) = self.previous_subject(mention.first)
            && fits(subject)
        {
            return Some(subject);
        }
        let mentions = &self.speakers.names.mentions;
        let before = mentions.partition_point(|m| m.last < mention.first);
        // The nearest earlier compatible mention in subject position, in this paragraph or the one
        // before ("Tsvangirai said his party … “…,” he said").
        let near_start = self.doc().paragraphs[paragraph.saturating_sub(1)].tokens.start;
        if let Some(m) = mentions[..before]
            .iter()
            .rev()
            .take_while(|m| m.first >= near_start)
            .take(LOOK_BACK)
            .find(|m| fits(m.entity) && !self.governed(m.first, m.last, 0))
        {
            return Some(m.entity);
        }
        // The speaker of a recent quote (within two paragraphs).
        for &(cluster, at) in recent.iter().rev().take(LOOK_BACK) {
            let at_paragraph = self.doc().paragraph_of(at);
            if paragraph.saturating_sub(at_paragraph) > 2 {
                break;
            }
            if fits(cluster) {
                return Some(cluster);
            }
        }
        // The nearest earlier mention, within three paragraphs.
        let window_start = self.doc().paragraphs[paragraph.saturating_sub(3)].tokens.start;
        mentions[..before]
            .iter()
            .rev()
            .take_while(|m| m.first >= window_start)
            .take(LOOK_BACK)
            .map(|m| m.entity)
            .find(|&c| fits(c))
    }

    /// The entity of the first person named in the sentence before token `first`'s sentence
    /// (in this paragraph or the one before), outside quotes and prepositional phrases. Only the
    /// first [`LOOK_BACK`] tokens are read: a subject comes early, and the cost stays bounded.
    fn previous_subject(&self, first: usize) -> Option<usize> {
        let doc = self.doc();
        let index = (doc.sentence_of[first] as usize).checked_sub(1)?;
        let sentence = &doc.sentences[index];
        let paragraph = doc.sentences[doc.sentence_of[first] as usize].paragraph;
        if paragraph.saturating_sub(sentence.paragraph) > 1 {
            return None;
        }
        let start = sentence.tokens.start;
        sentence.tokens.clone().take(LOOK_BACK).find_map(|j| {
            let m = self.speakers.names.mention_at_token(j).filter(|m| m.first == j)?;
            (m.label == Label::Person && !self.governed(m.first, m.last, start) && !self.inside_quote(j))
                .then_some(m.entity)
        })
    }
}
