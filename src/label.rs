//! The four kinds of names newsnlp finds.

use std::fmt;
use std::str::FromStr;

/// The kind of a named entity (SPEC.md, "What counts").
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Label {
    /// A named person, nicknames included.
    Person,
    /// A company, party, movement, NGO, government body, church, court, outlet, university, team.
    Org,
    /// A country, city, region, province or geographic area.
    Place,
    /// A prison, jail, penal colony, detention or immigration-detention centre, labour camp.
    Prison,
}

impl Label {
    /// The label as written in JSON and gazetteer files: `PERSON`, `ORG`, `PLACE`, `PRISON`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Label::Person => "PERSON",
            Label::Org => "ORG",
            Label::Place => "PLACE",
            Label::Prison => "PRISON",
        }
    }
}

impl Label {
    /// Every label, in the order of their codes ([`code`](Self::code)).
    pub(crate) const ALL: [Label; 4] = [Label::Person, Label::Org, Label::Place, Label::Prison];

    /// The label's position in [`ALL`](Self::ALL): how the compiled gazetteer stores it.
    pub(crate) fn code(self) -> u8 {
        match self {
            Label::Person => 0,
            Label::Org => 1,
            Label::Place => 2,
            Label::Prison => 3,
        }
    }
}

impl fmt::Display for Label {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Label {
    type Err = UnknownLabel;

    fn from_str(s: &str) -> Result<Label, UnknownLabel> {
        match s {
            "PERSON" => Ok(Label::Person),
            "ORG" => Ok(Label::Org),
            "PLACE" => Ok(Label::Place),
            "PRISON" => Ok(Label::Prison),
            _ => Err(UnknownLabel),
        }
    }
}

/// The error of parsing a string that is not one of the four labels.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct UnknownLabel;

impl fmt::Display for UnknownLabel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("unknown label (expected PERSON, ORG, PLACE or PRISON)")
    }
}

impl std::error::Error for UnknownLabel {}
