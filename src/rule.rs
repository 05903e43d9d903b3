//! The names of the rules: what found each mention and each quote's speaker.
//!
//! Every mention and every quote carries the [`Rule`] that decided it, so that a reader can weigh
//! it, and every rule can be switched off ([`AnnotatorBuilder::disable_rule`]) to see what it is
//! worth. The order in which the rules are tried lives with the rules themselves: the name
//! rules' catalogue in `entity/catalogue.rs`, the attribution sieve in `quote/attribute.rs`.
//! DESIGN.md lists both, with an example and the measured contribution of each rule.
//!
//! [`AnnotatorBuilder::disable_rule`]: crate::AnnotatorBuilder::disable_rule

use std::fmt;
use std::str::FromStr;

/// A rule of newsnlp: a gazetteer, a name rule or an attribution rule.
///
/// Its [`name`](Rule::name) is what the JSON `rule` field says and what
/// `--disable-rule` takes.
///
/// ```
/// use newsnlp::Rule;
/// let rule: Rule = "compass-region".parse().unwrap();
/// assert_eq!(rule, Rule::CompassRegion);
/// assert_eq!(rule.name(), "compass-region");
/// assert!("no-such-rule".parse::<Rule>().is_err());
/// ```
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Rule {
    // ----- where names come from -----
    /// `gazetteer`: a name of the embedded lists.
    Gazetteer,
    /// `user-gazetteer`: a name of a list the user gave.
    UserGazetteer,

    // ----- names: before chunking -----
    /// `capital-lines`: the names in a line written in capitals (a headline, a dateline) are read
    /// as in a mixed-case line ("LONDON 1996-08-30").
    CapitalLines,
    /// `surname-first`: a name written surname first, as reading lists write it ("Twain, Mark.").
    SurnameFirst,

    // ----- names: the words around a chunk -----
    /// `org-type-word`: names right after a lowercase organization type word are organizations
    /// ("the law firm Perkins Coie").
    OrgTypeWord,
    /// `species-name`: a genus before the species word of a binomial is no name ("Formica fusca").
    SpeciesName,
    /// `vehicle-name`: names before a vehicle or instrument word are no names ("the Hubble
    /// telescope").
    VehicleName,
    /// `called-nickname`: a name after a naming verb and a pronoun is a nickname ("they called
    /// him The Birdman").
    CalledNickname,
    /// `prison-list`: names coordinated before a plural prison word are each a prison ("the
    /// Northfield and Eastbrook detention centres").
    PrisonList,

    // ----- names: what opens a chunk -----
    /// `sentence-opener`: an ordinary English word opening a sentence is no name ("Recently").
    SentenceOpener,
    /// `leading-article`: a capitalised article is outside a name ("The Ferrer case").
    LeadingArticle,
    /// `compass-region`: a compass word alone after "the" is a region ("the West").
    CompassRegion,
    /// `town-of`: a name after "town of", "city of", "village of"… is a place ("the town of
    /// Oban").
    TownOf,
    /// `town-comma-place`: a lone word before a comma and a known place that ends the phrase is a
    /// town ("Irving, Texas").
    TownCommaPlace,
    /// `name-before-title`: a listed name before a title is a mention of its own ("UK Foreign
    /// Secretary David Miliband").
    NameBeforeTitle,
    /// `title`: a title or role before a name is outside it, and evidence of a person
    /// ("Congresswoman María Elvira Salazar").
    Title,

    // ----- names: what the chunk is -----
    /// `demonym-phrase`: a demonym of several words is no name ("Puerto Rican").
    DemonymPhrase,
    /// `shared-family-name`: a lone name and "and" before a full name is a person of that family
    /// ("Bill and Hillary Clinton").
    SharedFamilyName,
    /// `east-asian-name`: a family name and a hyphenated given name is a person ("Moon Jae-in").
    EastAsianName,
    /// `particle-name`: a capitalised name particle before a name word is part of a person's name
    /// ("Wilfried Van Moer").
    ParticleName,
    /// `award-or-law`: an award or a law is no entity, whoever it is named after ("Nobel Prize",
    /// "Dodd-Frank Act").
    AwardOrLaw,
    /// `demonym-group`: demonyms joined by "and" are no name ("Republicans and Democrats").
    DemonymGroup,
    /// `split-around-head`: a joined chunk is cut at "in", "at" or "to" around its head word
    /// ("Caitlyn Jenner to Trump Tower").
    SplitAroundHead,
    /// `head-word`: the rightmost head word labels the whole name ("Patriotic Union of Cuba",
    /// "Evin Prison").
    HeadWord,
    /// `org-of-place`: a known organization followed by "of" names a branch of it ("Democratic
    /// Front of Camagüey").
    OrgOfPlace,
    /// `speaking-place-name`: a one-word place that is also a person's name, next to a reporting
    /// verb, is a person ("Jordan said").
    SpeakingPlaceName,
    /// `prison-town`: a town that a known prison is named after is the prison where the sentence
    /// speaks of detention ("inmates at Tadmor").
    PrisonTown,
    /// `club-by-place`: in a story about sport, a town that is no country names its club
    /// ("Barcelona beat Porto 2-1").
    ClubByPlace,
    /// `score-line`: in a story about sport, the two names of a result line are clubs ("Barcelona 3
    /// Porto 1").
    ScoreLine,
    /// `company-context`: a name before the words of a company's shares or management is a
    /// company ("Bre-X shares").
    CompanyContext,
    /// `ambiguous-place`: a one-word listed place that opens a sentence as an ordinary word, or
    /// names a person, is no place ("Reading is fun").
    AmbiguousPlace,
    /// `founded-org`: a name before "was founded" is an organization ("Kalameh Sabz was
    /// founded in 2009").
    FoundedOrg,
    /// `titled-person`: name-like words after a title are a person ("Mr. Toccafondi").
    TitledPerson,
    /// `given-name-first`: a known given name before a surname or an unknown word is a person
    /// ("Eliécer Góngora").
    GivenNameFirst,
    /// `known-name-words`: words that are all known given names and surnames are a person.
    KnownNameWords,
    /// `unknown-words`: two to four capitalised words that no list knows are a person
    /// ("Romelu Lukaku").
    UnknownWords,
    /// `the-org-head`: an organization head word alone after "the" is an organization ("The
    /// Post reported").
    TheOrgHead,
    /// `camel-case-org`: a lone camel-case word is an organization ("WikiLeaks").
    CamelCaseOrg,
    /// `addressed-name`: a known given name that someone is called by is a person ("Hey Frank,").
    AddressedName,
    /// `speaking-name`: a lone capitalised word next to a reporting verb is a person ("Garin
    /// said").
    SpeakingName,
    /// `person-at-end`: in a chunk that is no name as a whole, a person's name at its end is a
    /// person ("Islamic Relations Alia Salem").
    PersonAtEnd,
    /// `split-at-joiners`: a chunk with joiners that is no name as a whole is read piece by piece
    /// ("Cuba and the United States").
    SplitAtJoiners,

    // ----- names: after the chunk -----
    /// `prison-word`: a lowercase prison word after a name makes a prison, the word included
    /// ("Mar Verde prison").
    PrisonWord,
    /// `numbered-prison`: a numbered colony, camp or prison is a prison, its number included
    /// ("Penal Colony No. 6", "IK-6").
    NumberedPrison,
    /// `quoted-org-part`: a quoted name after an organization is part of it ("Civic Resistance
    /// Front 'Orlando Zapata Tamayo'").
    QuotedOrgPart,
    /// `quoted-nickname`: a quoted name after a person is their nickname ("Jorge Luis García
    /// Pérez “Antúnez”").
    QuotedNickname,
    /// `bracketed-acronym`: an all-capitals word in brackets after an organization is its alias
    /// ("(UNPACU)").
    BracketedAcronym,
    /// `quoted-org`: a quoted name after an organization type word is an organization ("the
    /// civic platform ‘Cuba Decide’").
    QuotedOrg,

    // ----- names: short forms, when the document is clustered -----
    /// `short-form`: a lone word that shortens a name met before is a mention of it ("Ferrer").
    ShortForm,
    /// `lone-known-name`: a lone known given name or surname that is no English word is a person
    /// ("Gorbachev").
    LoneKnownName,
    /// `early-short-form`: a lone word met before the full name that it shortens is a mention of
    /// it (a caption's "Braverman").
    EarlyShortForm,

    // ----- quotes -----
    /// `after-cue-speaker`: quote, cue, speaker ("“…,” said Nick Witney").
    AfterCueSpeaker,
    /// `after-speaker-cue`: quote, speaker, cue ("“…,” Trump said").
    AfterSpeakerCue,
    /// `according-to`: "according to" a speaker in the quote's sentence.
    AccordingTo,
    /// `before-speaker-cue`: speaker, cue, quote in one sentence ("Smith said: “…”").
    BeforeSpeakerCue,
    /// `colon`: a speaker (and cue) before a colon ("Caddell continued: “…”").
    Colon,
    /// `signature`: a dash and a name after the quote close its paragraph ("“…” ― Pamela
    /// Padilla").
    Signature,
    /// `interrupted`: a quote right after an attributed one in the same sentence ("“…,” he said,
    /// “…”").
    Interrupted,
    /// `continued`: a quote opening a sentence or paragraph after an attributed quote nearby.
    Continued,
    /// `previous-sentence`: a quote opening a sentence after a sentence whose subject reports
    /// speech.
    PreviousSentence,
    /// `long-quote`: four words or more in quotation marks that are no name, title or term are a
    /// quote, even when no speaker is found.
    LongQuote,
}

/// What a rule decides.
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RuleKind {
    /// A list of names: the embedded gazetteer or a user's.
    Gazetteer,
    /// A name rule: whether words are a name, and of what.
    Name,
    /// A quote rule: whether quoted words are a quote, and who said them.
    Quote,
}

impl Rule {
    /// Every rule, in the order of the catalogues in DESIGN.md.
    pub const ALL: &'static [Rule] = &[
        Rule::Gazetteer,
        Rule::UserGazetteer,
        Rule::CapitalLines,
        Rule::SurnameFirst,
        Rule::OrgTypeWord,
        Rule::SpeciesName,
        Rule::VehicleName,
        Rule::CalledNickname,
        Rule::PrisonList,
        Rule::SentenceOpener,
        Rule::LeadingArticle,
        Rule::CompassRegion,
        Rule::TownOf,
        Rule::TownCommaPlace,
        Rule::NameBeforeTitle,
        Rule::Title,
        Rule::DemonymPhrase,
        Rule::SharedFamilyName,
        Rule::EastAsianName,
        Rule::ParticleName,
        Rule::AwardOrLaw,
        Rule::DemonymGroup,
        Rule::SplitAroundHead,
        Rule::HeadWord,
        Rule::OrgOfPlace,
        Rule::SpeakingPlaceName,
        Rule::PrisonTown,
        Rule::ClubByPlace,
        Rule::ScoreLine,
        Rule::CompanyContext,
        Rule::AmbiguousPlace,
        Rule::FoundedOrg,
        Rule::TitledPerson,
        Rule::GivenNameFirst,
        Rule::KnownNameWords,
        Rule::UnknownWords,
        Rule::TheOrgHead,
        Rule::CamelCaseOrg,
        Rule::AddressedName,
        Rule::SpeakingName,
        Rule::PersonAtEnd,
        Rule::SplitAtJoiners,
        Rule::PrisonWord,
        Rule::NumberedPrison,
        Rule::QuotedOrgPart,
        Rule::QuotedNickname,
        Rule::BracketedAcronym,
        Rule::QuotedOrg,
        Rule::ShortForm,
        Rule::LoneKnownName,
        Rule::EarlyShortForm,
        Rule::AfterCueSpeaker,
        Rule::AfterSpeakerCue,
        Rule::AccordingTo,
        Rule::BeforeSpeakerCue,
        Rule::Colon,
        Rule::Signature,
        Rule::Interrupted,
        Rule::Continued,
        Rule::PreviousSentence,
        Rule::LongQuote,
    ];

    /// The rule's name, as the JSON `rule` field and `--disable-rule` write it.
    pub const fn name(self) -> &'static str {
        self.about().0
    }

    /// What the rule decides, in one line.
    pub const fn description(self) -> &'static str {
        self.about().1
    }

    /// Whether the rule is a gazetteer, a name rule or a quote rule.
    pub const fn kind(self) -> RuleKind {
        match self {
            Rule::Gazetteer | Rule::UserGazetteer => RuleKind::Gazetteer,
            Rule::AfterCueSpeaker
            | Rule::AfterSpeakerCue
            | Rule::AccordingTo
            | Rule::BeforeSpeakerCue
            | Rule::Colon
            | Rule::Signature
            | Rule::Interrupted
            | Rule::Continued
            | Rule::PreviousSentence
            | Rule::LongQuote => RuleKind::Quote,
            _ => RuleKind::Name,
        }
    }

    /// The rule's position in [`ALL`](Self::ALL), for sets of rules.
    pub(crate) const fn index(self) -> usize {
        self as usize
    }

    /// The name and the one-line description.
    const fn about(self) -> (&'static str, &'static str) {
        match self {
            Rule::Gazetteer => ("gazetteer", "a name of the embedded lists"),
            Rule::UserGazetteer => ("user-gazetteer", "a name of a list the user gave"),
            Rule::CapitalLines => {
                ("capital-lines", "the names in a line written in capitals are read as in a mixed-case line")
            }
            Rule::SurnameFirst => ("surname-first", "a name written surname first, as reading lists write it"),
            Rule::OrgTypeWord => {
                ("org-type-word", "names right after a lowercase organization type word are organizations")
            }
            Rule::SpeciesName => ("species-name", "a genus before the species word of a binomial is no name"),
            Rule::VehicleName => ("vehicle-name", "names before a vehicle or instrument word are no names"),
            Rule::PrisonList => ("prison-list", "names coordinated before a plural prison word are each a prison"),
            Rule::CalledNickname => ("called-nickname", "a name after a naming verb and a pronoun is a nickname"),
            Rule::SentenceOpener => ("sentence-opener", "an ordinary English word opening a sentence is no name"),
            Rule::LeadingArticle => ("leading-article", "a capitalised article is outside a name"),
            Rule::CompassRegion => ("compass-region", "a compass word alone after \"the\" is a region"),
            Rule::TownOf => ("town-of", "a name after \"town of\", \"city of\", \"village of\"... is a place"),
            Rule::TownCommaPlace => {
                ("town-comma-place", "a lone word before a comma and a known place that ends the phrase is a town")
            }
            Rule::NameBeforeTitle => ("name-before-title", "a listed name before a title is a mention of its own"),
            Rule::Title => ("title", "a title or role before a name is outside it, and evidence of a person"),
            Rule::DemonymPhrase => ("demonym-phrase", "a demonym of several words is no name"),
            Rule::SharedFamilyName => {
                ("shared-family-name", "a lone name and \"and\" before a full name is a person of that family")
            }
            Rule::ParticleName => {
                ("particle-name", "a capitalised name particle before a name word is part of a person's name")
            }
            Rule::EastAsianName => ("east-asian-name", "a family name and a hyphenated given name is a person"),
            Rule::AwardOrLaw => ("award-or-law", "an award or a law is no entity, whoever it is named after"),
            Rule::DemonymGroup => ("demonym-group", "demonyms joined by \"and\" are no name"),
            Rule::SplitAroundHead => {
                ("split-around-head", "a joined chunk is cut at \"in\", \"at\" or \"to\" around its head word")
            }
            Rule::HeadWord => ("head-word", "the rightmost head word labels the whole name"),
            Rule::OrgOfPlace => ("org-of-place", "a known organization followed by \"of\" names a branch of it"),
            Rule::PrisonTown => (
                "prison-town",
                "a town that a known prison is named after is the prison where the sentence speaks of detention",
            ),
            Rule::SpeakingPlaceName => (
                "speaking-place-name",
                "a one-word place that is also a person's name, next to a reporting verb, is a person",
            ),
            Rule::CompanyContext => {
                ("company-context", "a name before the words of a company's shares or management is a company")
            }
            Rule::ScoreLine => ("score-line", "in a story about sport, the two names of a result line are clubs"),
            Rule::ClubByPlace => ("club-by-place", "in a story about sport, a town that is no country names its club"),
            Rule::AmbiguousPlace => (
                "ambiguous-place",
                "a one-word listed place that opens a sentence as an ordinary word, or names a person, is no place",
            ),
            Rule::FoundedOrg => ("founded-org", "a name before \"was founded\" is an organization"),
            Rule::TitledPerson => ("titled-person", "name-like words after a title are a person"),
            Rule::GivenNameFirst => {
                ("given-name-first", "a known given name before a surname or an unknown word is a person")
            }
            Rule::KnownNameWords => {
                ("known-name-words", "words that are all known given names and surnames are a person")
            }
            Rule::UnknownWords => ("unknown-words", "two to four capitalised words that no list knows are a person"),
            Rule::TheOrgHead => ("the-org-head", "an organization head word alone after \"the\" is an organization"),
            Rule::CamelCaseOrg => ("camel-case-org", "a lone camel-case word is an organization"),
            Rule::AddressedName => ("addressed-name", "a known given name that someone is called by is a person"),
            Rule::SpeakingName => ("speaking-name", "a lone capitalised word next to a reporting verb is a person"),
            Rule::PersonAtEnd => {
                ("person-at-end", "in a chunk that is no name as a whole, a person's name at its end is a person")
            }
            Rule::SplitAtJoiners => {
                ("split-at-joiners", "a chunk with joiners that is no name as a whole is read piece by piece")
            }
            Rule::NumberedPrison => {
                ("numbered-prison", "a numbered colony, camp or prison is a prison, its number included")
            }
            Rule::PrisonWord => {
                ("prison-word", "a lowercase prison word after a name makes a prison, the word included")
            }
            Rule::QuotedOrgPart => ("quoted-org-part", "a quoted name after an organization is part of it"),
            Rule::QuotedNickname => ("quoted-nickname", "a quoted name after a person is their nickname"),
            Rule::BracketedAcronym => {
                ("bracketed-acronym", "an all-capitals word in brackets after an organization is its alias")
            }
            Rule::QuotedOrg => ("quoted-org", "a quoted name after an organization type word is an organization"),
            Rule::ShortForm => ("short-form", "a lone word that shortens a name met before is a mention of it"),
            Rule::LoneKnownName => {
                ("lone-known-name", "a lone known given name or surname that is no English word is a person")
            }
            Rule::EarlyShortForm => {
                ("early-short-form", "a lone word met before the full name that it shortens is a mention of it")
            }
            Rule::AfterCueSpeaker => ("after-cue-speaker", "quote, reporting verb, speaker"),
            Rule::AfterSpeakerCue => ("after-speaker-cue", "quote, speaker, reporting verb"),
            Rule::AccordingTo => ("according-to", "\"according to\" a speaker in the quote's sentence"),
            Rule::BeforeSpeakerCue => ("before-speaker-cue", "speaker, reporting verb, quote, in one sentence"),
            Rule::Colon => ("colon", "a speaker (and reporting verb) before a colon"),
            Rule::Signature => ("signature", "a dash and a name after the quote close its paragraph"),
            Rule::Interrupted => ("interrupted", "a quote right after an attributed one in the same sentence"),
            Rule::Continued => {
                ("continued", "a quote opening a sentence or paragraph after an attributed quote nearby")
            }
            Rule::PreviousSentence => {
                ("previous-sentence", "a quote opening a sentence after a sentence whose subject reports speech")
            }
            Rule::LongQuote => (
                "long-quote",
                "four words or more in quotation marks that are no name, title or term are a quote, speaker or not",
            ),
        }
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Rule {
    type Err = UnknownRule;

    fn from_str(name: &str) -> Result<Rule, UnknownRule> {
        Rule::ALL.iter().copied().find(|rule| rule.name() == name).ok_or_else(|| UnknownRule(name.to_string()))
    }
}

/// The error of parsing a name that is no rule's. Its message lists the valid names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownRule(String);

impl fmt::Display for UnknownRule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown rule '{}'; the rules are:", self.0)?;
        for rule in Rule::ALL {
            write!(f, " {}", rule.name())?;
        }
        Ok(())
    }
}

impl std::error::Error for UnknownRule {}

/// A set of rules, one bit each.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct RuleSet(u64);

impl RuleSet {
    /// Adds a rule.
    pub fn insert(&mut self, rule: Rule) {
        self.0 |= 1 << rule.index();
    }

    /// Whether the set holds the rule.
    #[inline]
    pub fn contains(self, rule: Rule) -> bool {
        self.0 & (1 << rule.index()) != 0
    }

    /// The rules of the set, in the order of [`Rule::ALL`].
    pub fn iter(self) -> impl Iterator<Item = Rule> {
        Rule::ALL.iter().copied().filter(move |&rule| self.contains(rule))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_is_listed_once_in_order_with_a_unique_kebab_case_name() {
        for (index, rule) in Rule::ALL.iter().enumerate() {
            assert_eq!(rule.index(), index, "{rule:?} is out of order in Rule::ALL");
            let name = rule.name();
            assert!(
                name.bytes().all(|b| b.is_ascii_lowercase() || b == b'-') && !name.starts_with('-'),
                "{name:?} is not kebab-case"
            );
            assert_eq!(name.parse::<Rule>(), Ok(*rule));
            assert!(!rule.description().is_empty());
        }
        // A set holds every rule: one bit each.
        assert!(Rule::ALL.len() <= 64);
    }

    #[test]
    fn an_unknown_name_lists_the_valid_ones() {
        let error = "titles".parse::<Rule>().unwrap_err().to_string();
        assert!(error.starts_with("unknown rule 'titles'; the rules are: gazetteer user-gazetteer"), "{error}");
        assert!(error.ends_with("long-quote"), "{error}");
    }
}
