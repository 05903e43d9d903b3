//! Rules on what makes words one name, and where a chunk holds several: listed names, head words,
//! and the cuts at prepositions and joiners.

use super::chunk::Chunk;
use super::decision::{ChunkRule, Decision, Example, Piece, Reading, Reads};
use super::reader::{Found, Reader};
use super::units::{Part, Unit};
use crate::label::Label;
use crate::rule::Rule;

/// A chunk that is one listed name keeps its label ("Havana", "Amnesty International"); a place
/// after a title is left to the person rules ("Mr. Jordan"). Credited to the list the name
/// comes from, which is why it has no rule of its own.
pub(crate) const LISTED_NAME: ChunkRule = ChunkRule {
    rule: Rule::Gazetteer,
    reads: Reads::Listed,
    decide: listed_name,
    examples: &[
        Example::Finds("Delegates met in [Havana] on Monday.", Label::Place),
        Example::Ignores("Delegates met in the town of Quorville."),
    ],
};

fn listed_name(r: &Reader<'_, '_>, c: &Chunk<'_>) -> Option<Decision> {
    let unit = c.lone()?;
    let hit = unit.hit?;
    let keep = r.hit_label(hit) == Label::Person || !c.titled;
    keep.then(|| Decision::Name(r.listed(unit, hit).with(c.sex, c.titled)))
}

/// `head-word`: the rightmost head word or phrase labels the whole stretch ("Patriotic Union of
/// Cuba", "Evin Prison", "Tinguaro Detention Center", "Scottish Prison Service", "Gulf of
/// Batabanó"); a head inside a listed name is no head ("New York" in "New York University"),
/// but a listed head word that ends the name is ("Texas Senate", "Lincoln Memorial").
pub(crate) const HEAD_WORD: ChunkRule = ChunkRule {
    rule: Rule::HeadWord,
    reads: Reads::Any,
    decide: head_word,
    examples: &[
        Example::Finds("He is held at the [Tinguaro Detention Center] now.", Label::Prison),
        Example::Finds("The [Quorvish Liberation Front] met.", Label::Org),
        Example::Ignores("She studied at New York University."),
    ],
};

fn head_word(r: &Reader<'_, '_>, c: &Chunk<'_>) -> Option<Decision> {
    let label = r.rightmost_head(c.units, !c.joined)?;
    let named = c.units.len() >= 2 || label == Label::Prison && c.units[0].hit.is_some();
    named.then(|| Decision::Name(Found::name(c.first(), c.last(), label)))
}

/// `split-around-head`: a joined chunk is cut at "in", "at" or "to" (a "the" may follow), or at
/// a lone "the" after a listed name, before the first piece with a head word ("Caitlyn Jenner
/// to Trump Tower", "in Iran the Afghanistan Council paid"), or at "in"/"at" after a place's
/// head when a listed place follows ("Trump Tower in New York"); not "Committee to Protect
/// Journalists", "University of Texas at Austin", "Meet the Press".
pub(crate) const SPLIT_AROUND_HEAD: ChunkRule = ChunkRule {
    rule: Rule::SplitAroundHead,
    reads: Reads::Joined,
    decide: split_around_head,
    examples: &[
        Example::Finds("She took Tobias Wendle to the [Quorville Tower] on Sunday.", Label::Place),
        Example::Finds("He was held at the Quorvo Correctional Facility in [Fresno] for a year.", Label::Place),
        Example::Ignores("The Committee to Protect Journalists objected."),
    ],
};

fn split_around_head(r: &Reader<'_, '_>, c: &Chunk<'_>) -> Option<Decision> {
    if !c.joined {
        return None;
    }
    r.split_around_head(c.parts).map(Decision::Pieces)
}

/// `split-at-joiners`: a chunk with joiners that is no name as a whole is read piece by piece
/// ("Cuba and the United States", "Senator Ana Quirós and Sen. Quirós").
pub(crate) const SPLIT_AT_JOINERS: ChunkRule = ChunkRule {
    rule: Rule::SplitAtJoiners,
    reads: Reads::Joined,
    decide: split_at_joiners,
    examples: &[
        Example::Finds("[Tobias Baker] and Alia Quillane met.", Label::Person),
        Example::Ignores("The Patriotic Union of Eastern Cuba met."),
    ],
};

fn split_at_joiners(_: &Reader<'_, '_>, c: &Chunk<'_>) -> Option<Decision> {
    if !c.joined {
        return None;
    }
    let mut pieces = Vec::new();
    let mut piece_start = 0;
    for (index, part) in c.parts.iter().enumerate() {
        if let Part::Link { joiner: true } = part {
            if index > piece_start {
                pieces.push(Piece { parts: piece_start..index, reading: Reading::Chunk });
            }
            piece_start = index + 1;
        }
    }
    if piece_start < c.parts.len() {
        pieces.push(Piece { parts: piece_start..c.parts.len(), reading: Reading::Chunk });
    }
    Some(Decision::Pieces(pieces))
}

impl Reader<'_, '_> {
    /// The pieces of a joined chunk cut at "in", "at" or "to" (or a lone "the" after a listed
    /// name), if the chunk's heads say so: at every such link before the first head, or at the
    /// first "in"/"at" after a place's or a prison's last head when a listed place follows. One
    /// pass over the parts, and each piece is read once more at most: linear however long the
    /// chunk.
    fn split_around_head(&self, parts: &[Part]) -> Option<Vec<Piece>> {
        // The first and the last part with a head word, and the label of the last.
        // A head phrase covers its words ("Convention Center" is no "Center").
        let (mut first_head, mut last_head, mut covered_to) = (None, None, 0);
        for (index, part) in parts.iter().enumerate() {
            if let Part::Unit(u) = part
                && u.hit.is_none()
            {
                self.heads_in(*u, &mut covered_to, |label| {
                    first_head.get_or_insert(index);
                    last_head = Some((index, label));
                });
            }
        }
        let (first_head, (last_head, label)) = (first_head?, last_head?);
        // The connector of the link at `index`: "in", "at", "to", or "the" alone right after a
        // name ("in Iran the Afghanistan Council paid").
        let connector = |index: usize| -> Option<&str> {
            let (Part::Link { joiner: true }, Some(Part::Unit(next))) = (&parts[index], parts.get(index + 1)) else {
                return None;
            };
            let mut p = self.doc.previous_solid(next.first)?;
            if self.word(p) == "the" {
                let q = self.doc.previous_solid(p)?;
                if self.doc.tokens[q].is_capitalized() {
                    return Some("the");
                }
                p = q;
            }
            let word = self.word(p);
            matches!(word, "in" | "at" | "to").then_some(word)
        };
        let mut pieces = Vec::new();
        let mut piece_start = 0;
        for index in 1..first_head {
            match connector(index) {
                // "the" alone splits only after a name a list knows ("Meet the Press" is one).
                Some("the") if !matches!(parts[piece_start..index], [Part::Unit(Unit { hit: Some(_), .. })]) => {}
                Some(_) => {
                    pieces.push(Piece { parts: piece_start..index, reading: Reading::Chunk });
                    piece_start = index + 1;
                }
                None => {}
            }
        }
        if !pieces.is_empty() {
            pieces.push(Piece { parts: piece_start..parts.len(), reading: Reading::Chunk });
            return Some(pieces);
        }
        if !matches!(label, Label::Place | Label::Prison) {
            return None;
        }
        let place_after = (last_head + 1..parts.len()).find(|&index| {
            matches!(connector(index), Some("in" | "at"))
                && matches!(parts.get(index + 1), Some(Part::Unit(Unit { hit: Some(h), .. })) if self.hit_label(*h) == Label::Place)
        })?;
        Some(vec![
            Piece { parts: 0..place_after, reading: Reading::Chunk },
            Piece { parts: place_after + 1..parts.len(), reading: Reading::Chunk },
        ])
    }
}
