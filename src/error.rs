//! The error returned when building an [`Annotator`](crate::Annotator) fails.
//!
//! Only building can fail: annotating text never does. The error is opaque (its kind is private,
//! so new kinds are not breaking changes); its message says where the problem is, down to the
//! file and line of a user gazetteer.

use std::fmt;
use std::path::{Path, PathBuf};

/// An error from building an annotator: an unreadable or malformed user gazetteer.
#[derive(Debug)]
pub struct Error {
    kind: ErrorKind,
}

#[derive(Debug)]
enum ErrorKind {
    /// A gazetteer file could not be read.
    Read { path: PathBuf, source: std::io::Error },
    /// A gazetteer line is malformed; `source` names the file, or `<gazetteer>` for in-memory text.
    Line { source: String, line: usize, message: String },
}

impl Error {
    pub(crate) fn read(path: &Path, source: std::io::Error) -> Error {
        Error { kind: ErrorKind::Read { path: path.to_path_buf(), source } }
    }

    pub(crate) fn line(source: &str, line: usize, message: impl Into<String>) -> Error {
        Error { kind: ErrorKind::Line { source: source.to_string(), line, message: message.into() } }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            ErrorKind::Read { path, source } => write!(f, "{}: {}", path.display(), source),
            ErrorKind::Line { source, line, message } => write!(f, "{source}:{line}: {message}"),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &self.kind {
            ErrorKind::Read { source, .. } => Some(source),
            ErrorKind::Line { .. } => None,
        }
    }
}
