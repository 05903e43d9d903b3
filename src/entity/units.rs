//! Name units and the parts of a chunk: the pieces the chunker cuts a capitalised stretch into,
//! and the closed lists of words that join them.

use std::borrow::Cow;

/// Lowercase words that join the parts of a person's or place's name.
pub(crate) const PARTICLES: &[&str] = &[
    "de", "del", "la", "las", "los", "da", "das", "do", "dos", "di", "du", "van", "von", "der", "den", "ter", "ten",
    "le", "bin", "ibn", "bint", "abu", "y", "e", "zu", "st",
];

/// Lowercase words that join the parts of an organization's name, never a person's.
pub(crate) const JOINERS: &[&str] =
    &["of", "for", "and", "the", "on", "in", "at", "to", "against", "des", "et", "für", "und"];

/// Arabic articles written before a hyphen: "al-Hathloul", "el-Sisi", "ash-Shaykh".
pub(crate) const ARTICLES: &[&str] = &["al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "ul"];

/// Weekdays: capitalised, never names.
pub(crate) const WEEKDAYS: &[&str] = &["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/// Months, and their abbreviations: not names next to a number.
pub(crate) const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
];

/// One name unit of a chunk: tokens `first..=last`, and the gazetteer hit it is, if any.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Unit {
    pub first: usize,
    pub last: usize,
    pub hit: Option<usize>,
}

/// A piece of a chunk: a name unit, or the connector words before the next unit.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Part {
    Unit(Unit),
    /// Connector tokens; `joiner` when one of them is an organization joiner.
    Link {
        joiner: bool,
    },
}

/// The index of the next unit part after part `index`.
pub(crate) fn next_unit(parts: &[Part], index: usize) -> usize {
    let mut next = index + 1;
    while let Some(Part::Link { .. }) = parts.get(next) {
        next += 1;
    }
    next
}

/// The units of `parts`, on the stack when there are few (nearly every chunk: a name has a few
/// words), in a vector otherwise.
pub(crate) fn units_of<'b>(parts: &[Part], buffer: &'b mut [Unit; UNITS_ON_STACK]) -> Cow<'b, [Unit]> {
    let units = parts.iter().filter_map(|p| match p {
        Part::Unit(u) => Some(*u),
        Part::Link { .. } => None,
    });
    if parts.len() > UNITS_ON_STACK {
        return Cow::Owned(units.collect());
    }
    let mut count = 0;
    for (slot, unit) in buffer.iter_mut().zip(units) {
        *slot = unit;
        count += 1;
    }
    Cow::Borrowed(&buffer[..count])
}

/// Chunks of up to this many parts list their units on the stack.
pub(crate) const UNITS_ON_STACK: usize = 6;

/// A placeholder to fill a stack buffer of units with.
pub(crate) const EMPTY_UNIT: Unit = Unit { first: 0, last: 0, hit: None };

/// Whether a word is a name with an elided particle written onto it: "d'Ettorre", "d’Alembert"
/// (the particle lowercase, the name capitalised).
pub(crate) fn is_elided_particle_name(word: &str) -> bool {
    let rest = word.strip_prefix("d'").or_else(|| word.strip_prefix("d’"));
    rest.is_some_and(|r| {
        r.chars().next().is_some_and(char::is_uppercase) && r.chars().nth(1).is_some_and(char::is_lowercase)
    })
}
