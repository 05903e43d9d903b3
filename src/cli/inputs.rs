//! The documents a run reads: PATHs expanded into files, and each file read into bytes.

use std::ffi::OsString;
use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

/// Documents larger than this are refused rather than read into memory whole.
const MAX_FILE_BYTES: u64 = 1 << 30;

/// The environment variable that lowers [`MAX_FILE_BYTES`], for tests of the limit that should
/// not write a gigabyte (`NEWSNLP_MAX_FILE_BYTES=100`). Not meant for users: a value above the
/// built-in limit is ignored.
const MAX_FILE_BYTES_VARIABLE: &str = "NEWSNLP_MAX_FILE_BYTES";

/// One input of the run, in the run's order.
#[derive(Debug)]
pub enum Input {
    /// Standard input (`-`).
    Stdin,
    /// A file named on the command line or found in a directory. Named on the command line it
    /// may be a FIFO or a device: it is read as a stream, like `-`.
    File(PathBuf),
    /// A path that gives no document, with why. It takes its place in the input order, so that
    /// its message comes in order with the others.
    Problem { path: PathBuf, reason: String, failure: bool },
}

impl Input {
    /// The document's id: its file name without `.txt`, `-` for standard input.
    pub fn id(&self) -> String {
        match self {
            Input::Stdin => "-".to_string(),
            Input::File(path) | Input::Problem { path, .. } => {
                let name = path.file_name().map_or_else(|| path.to_string_lossy(), |n| n.to_string_lossy());
                name.strip_suffix(".txt").unwrap_or(&name).to_string()
            }
        }
    }

    /// The path as given (a file name that is not UTF-8 is shown with U+FFFD where its bad bytes are).
    pub fn path(&self) -> String {
        match self {
            Input::Stdin => "-".to_string(),
            Input::File(path) | Input::Problem { path, .. } => path.to_string_lossy().into_owned(),
        }
    }
}

/// Expands the PATHs into inputs: a directory gives its `*.txt` regular files, sorted by name
/// (and, with `recursive`, those of the directories inside it, in the same order); anything
/// else inside a directory that ends in `.txt` (a FIFO, a socket, a device) is skipped with a
/// message, since opening a FIFO waits for a writer that may never come.
pub fn expand(paths: &[OsString], recursive: bool) -> Vec<Input> {
    let mut inputs = Vec::new();
    for raw in paths {
        if raw == "-" {
            inputs.push(Input::Stdin);
            continue;
        }
        let path = PathBuf::from(raw);
        if !path.is_dir() {
            inputs.push(Input::File(path));
            continue;
        }
        let before = inputs.len();
        let found = list(&path, recursive, &mut inputs);
        if found == 0 && inputs.len() == before {
            let reason = if recursive {
                "directory has no .txt files, nor its subdirectories"
            } else {
                "directory has no .txt files"
            };
            inputs.push(Input::Problem { path, reason: reason.to_string(), failure: true });
        }
    }
    inputs
}

/// Adds the documents of `dir` to `inputs`; returns how many files it added.
fn list(dir: &Path, recursive: bool, inputs: &mut Vec<Input>) -> usize {
    let entries = match fs::read_dir(dir).and_then(|entries| entries.collect::<io::Result<Vec<_>>>()) {
        Ok(entries) => entries,
        Err(error) => {
            inputs.push(Input::Problem { path: dir.to_path_buf(), reason: describe(&error), failure: true });
            return 0;
        }
    };
    let mut entries: Vec<(OsString, PathBuf, Option<fs::FileType>)> =
        entries.into_iter().map(|entry| (entry.file_name(), entry.path(), entry.file_type().ok())).collect();
    entries.sort_by(|a, b| a.0.cmp(&b.0));
    let mut found = 0;
    for (name, path, kind) in entries {
        let Some(kind) = kind else { continue };
        // A symbolic link to a file counts as the file; a link to a directory is not followed
        // (it could lead back up the tree).
        let kind = if kind.is_symlink() { fs::metadata(&path).map(|m| m.file_type()).ok() } else { Some(kind) };
        let Some(kind) = kind else { continue };
        if kind.is_dir() {
            if recursive && !fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink()) {
                found += list(&path, recursive, inputs);
            }
            continue;
        }
        if Path::new(&name).extension().is_none_or(|e| e != "txt") {
            continue;
        }
        if kind.is_file() {
            inputs.push(Input::File(path));
            found += 1;
        } else {
            let reason = "not a regular file, skipped".to_string();
            inputs.push(Input::Problem { path, reason, failure: false });
        }
    }
    found
}

/// Why a document gives no annotations.
#[derive(Debug)]
pub struct Refusal {
    pub reason: String,
    /// A failure makes the exit code 2; a skipped binary file does not.
    pub failure: bool,
}

impl Refusal {
    pub fn failure(reason: impl Into<String>) -> Refusal {
        Refusal { reason: reason.into(), failure: true }
    }
}

/// Reads an input whole, up to the size limit. Binary files (with a NUL byte, as grep decides)
/// and UTF-16 are refused with their reason.
pub fn read(input: &Input) -> Result<Vec<u8>, Refusal> {
    let limit = max_file_bytes();
    let too_large = || Refusal::failure(format!("larger than the limit of {} for one document", size_text(limit)));
    let mut bytes = Vec::new();
    match input {
        Input::Stdin => {
            io::stdin().lock().take(limit + 1).read_to_end(&mut bytes).map_err(|e| Refusal::failure(describe(&e)))?;
        }
        Input::Problem { reason, failure, .. } => return Err(Refusal { reason: reason.clone(), failure: *failure }),
        Input::File(path) => {
            let file = fs::File::open(path).map_err(|e| Refusal::failure(describe(&e)))?;
            let metadata = file.metadata().map_err(|e| Refusal::failure(describe(&e)))?;
            if metadata.is_dir() {
                return Err(Refusal::failure("is a directory"));
            }
            // Refused before reading when its size is known; FIFOs and devices are read as streams
            // up to the limit.
            if metadata.is_file() && metadata.len() > limit {
                return Err(too_large());
            }
            file.take(limit + 1).read_to_end(&mut bytes).map_err(|e| Refusal::failure(describe(&e)))?;
        }
    }
    if bytes.len() as u64 > limit {
        return Err(too_large());
    }
    if let Some(encoding) = newsnlp::text::utf16_bom(&bytes) {
        let reason = format!("{encoding} text (by its byte-order mark) is not supported: convert it to UTF-8");
        return Err(Refusal::failure(reason));
    }
    if is_binary(&bytes) {
        return Err(Refusal { reason: "binary file, skipped".to_string(), failure: false });
    }
    Ok(bytes)
}

/// Whether `bytes` are not text: they hold a NUL byte, which no text file has and nearly every
/// executable, image and archive has (grep's test). Invalid UTF-8 alone is not binary: a Latin-1
/// article is annotated with a warning.
pub fn is_binary(bytes: &[u8]) -> bool {
    bytes.contains(&0)
}

/// The document size limit: [`MAX_FILE_BYTES`], or lower if [`MAX_FILE_BYTES_VARIABLE`] says so.
pub fn max_file_bytes() -> u64 {
    std::env::var(MAX_FILE_BYTES_VARIABLE)
        .ok()
        .and_then(|v| v.parse::<u64>().ok())
        .map_or(MAX_FILE_BYTES, |limit| limit.min(MAX_FILE_BYTES))
}

/// A size for messages: "1 GiB", "64 MiB", "100 bytes".
pub fn size_text(bytes: u64) -> String {
    match bytes {
        b if b >= 1 << 30 && b % (1 << 30) == 0 => format!("{} GiB", b >> 30),
        b if b >= 1 << 20 && b % (1 << 20) == 0 => format!("{} MiB", b >> 20),
        1 => "1 byte".to_string(),
        b => format!("{b} bytes"),
    }
}

/// A short, lowercase reason for an I/O error, without the "(os error N)" suffix: "no such
/// file or directory", "permission denied", "no space left on device".
pub fn describe(error: &io::Error) -> String {
    match error.kind() {
        io::ErrorKind::NotFound => "no such file or directory".to_string(),
        io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        io::ErrorKind::IsADirectory => "is a directory".to_string(),
        _ => {
            let text = error.to_string();
            let reason = text.split(" (os error").next().unwrap_or(&text);
            let mut chars = reason.chars();
            chars.next().map_or_else(String::new, |first| first.to_lowercase().chain(chars).collect())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_file_stems() {
        assert_eq!(Input::File(PathBuf::from("a/b/x.txt")).id(), "x");
        assert_eq!(Input::File(PathBuf::from("notes")).id(), "notes");
        assert_eq!(Input::Stdin.id(), "-");
    }

    #[test]
    fn nul_bytes_make_a_file_binary_and_bad_utf8_does_not() {
        assert!(is_binary(b"\x7fELF\x02\x01\x01\x00\x00"));
        assert!(!is_binary(b"caf\xe9 \xff"));
        assert!(!is_binary("“Quoted”".as_bytes()));
    }
}
