//! The error returned when building an [`Annotator`](crate::Annotator) fails, and the warnings
//! that building may give without failing.
//!
//! Only building can fail: annotating text never does. The error is opaque (its kind is private,
//! so new kinds are not breaking changes); its message says where the problem is, down to the
//! file and line of a user gazetteer.

use std::fmt;
use std::path::{Path, PathBuf};

/// An error from building an annotator: an unreadable or malformed user gazetteer, or the name of
/// a rule to switch off that is no rule's.
///
/// Its message names the file (or `<gazetteer>` for a list given as text) and, for a malformed
/// line, the line: `lists/prisons.tsv:12: unknown label (expected PERSON, ORG, PLACE or PRISON),
/// found "JAIL"`. Every malformed line of the user lists is reported, one a line of the message.
#[derive(Debug)]
pub struct Error {
    kind: ErrorKind,
}

#[derive(Debug)]
enum ErrorKind {
    /// A gazetteer file could not be read.
    Read { path: PathBuf, source: std::io::Error },
    /// A gazetteer file is not one the builder will read (too large, not UTF-8 text).
    File { path: PathBuf, message: String },
    /// A gazetteer line is malformed; `source` names the file, or `<gazetteer>` for in-memory text.
    Line { source: String, line: usize, message: String },
    /// A rule to switch off has a name that is no rule's.
    Rule(crate::rule::UnknownRule),
    /// Several problems (every malformed line of the user lists), one a line.
    Many(Vec<Error>),
}

impl Error {
    pub(crate) fn read(path: &Path, source: std::io::Error) -> Error {
        Error { kind: ErrorKind::Read { path: path.to_path_buf(), source } }
    }

    pub(crate) fn file(path: &Path, message: impl Into<String>) -> Error {
        Error { kind: ErrorKind::File { path: path.to_path_buf(), message: message.into() } }
    }

    pub(crate) fn line(source: &str, line: usize, message: impl Into<String>) -> Error {
        Error { kind: ErrorKind::Line { source: source.to_string(), line, message: message.into() } }
    }

    pub(crate) fn rule(unknown: crate::rule::UnknownRule) -> Error {
        Error { kind: ErrorKind::Rule(unknown) }
    }

    /// Several errors as one, each on its line (a single one stays itself).
    pub(crate) fn many(mut errors: Vec<Error>) -> Error {
        if errors.len() == 1 {
            return errors.remove(0);
        }
        let flat = errors
            .into_iter()
            .flat_map(|error| match error.kind {
                ErrorKind::Many(inner) => inner,
                kind => vec![Error { kind }],
            })
            .collect();
        Error { kind: ErrorKind::Many(flat) }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            ErrorKind::Read { path, source } => write!(f, "{}: {}", path.display(), describe_io(source)),
            ErrorKind::File { path, message } => write!(f, "{}: {message}", path.display()),
            ErrorKind::Line { source, line, message } => write!(f, "{source}:{line}: {message}"),
            ErrorKind::Rule(unknown) => unknown.fmt(f),
            ErrorKind::Many(errors) => {
                for (index, error) in errors.iter().enumerate() {
                    if index > 0 {
                        f.write_str("\n")?;
                    }
                    error.fmt(f)?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &self.kind {
            ErrorKind::Read { source, .. } => Some(source),
            ErrorKind::Rule(unknown) => Some(unknown),
            ErrorKind::File { .. } | ErrorKind::Line { .. } | ErrorKind::Many(_) => None,
        }
    }
}

/// A short, lowercase reason for an I/O error, without the "(os error N)" suffix:
/// "no such file or directory", "permission denied", "is a directory".
pub(crate) fn describe_io(error: &std::io::Error) -> String {
    let text = error.to_string();
    let reason = text.split(" (os error").next().unwrap_or(&text);
    let mut chars = reason.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => "input/output error".to_string(),
    }
}

/// A problem in a user gazetteer that does not stop the build: a duplicate entry, or a name
/// already taken by an entry with another label. Its message names the file and line:
/// `lists/prisons.tsv:14: warning: duplicate entry PRISON "Kilo 8" (first on line 3)`.
///
/// [`Annotator::warnings`](crate::Annotator::warnings) lists the warnings of a build.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Warning {
    source: String,
    line: usize,
    message: String,
}

impl Warning {
    pub(crate) fn new(source: &str, line: usize, message: impl Into<String>) -> Warning {
        Warning { source: source.to_string(), line, message: message.into() }
    }

    /// The file the warning is about (`<gazetteer>` for a list given as text).
    pub fn source(&self) -> &str {
        &self.source
    }

    /// The 1-based line the warning is about.
    pub fn line(&self) -> usize {
        self.line
    }

    /// What is wrong, without the file and line.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: warning: {}", self.source, self.line, self.message)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn io_reasons_are_short_and_lowercase() {
        let error = std::io::Error::from_raw_os_error(2);
        assert_eq!(describe_io(&error), "no such file or directory");
        let error = std::io::Error::from_raw_os_error(21);
        assert_eq!(describe_io(&error), "is a directory");
        let error = std::io::Error::other("Something odd");
        assert_eq!(describe_io(&error), "something odd");
    }

    #[test]
    fn messages_name_file_and_line() {
        let error = Error::line("lists/a.tsv", 12, "empty name");
        assert_eq!(error.to_string(), "lists/a.tsv:12: empty name");
        let warning = Warning::new("lists/a.tsv", 14, "duplicate entry");
        assert_eq!(warning.to_string(), "lists/a.tsv:14: warning: duplicate entry");
        assert_eq!((warning.source(), warning.line(), warning.message()), ("lists/a.tsv", 14, "duplicate entry"));
    }
}
