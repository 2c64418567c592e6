//! Reading a user's file (or standard input) into memory, with a short reason on failure.

use std::io::Read;
use std::path::Path;

/// A file read into memory, named as messages show it.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// The name shown in messages: a path as the user gave it, `<stdin>`, or `built-in:rules/...`.
    pub name: String,
    /// The file's text.
    pub text: String,
}

/// Reads a file from disk; on failure, says why in a few words.
pub fn read_disk(path: &Path) -> Result<SourceFile, String> {
    match std::fs::read_to_string(path) {
        Ok(text) => Ok(SourceFile {
            name: path.display().to_string(),
            text,
        }),
        Err(err) => Err(io_reason(&err)),
    }
}

/// Reads an input named on the command line: a file, or standard input for `-`. The error
/// names the file and says why.
pub fn read_input(path: &Path, stdin: &mut dyn Read) -> Result<SourceFile, String> {
    if path.as_os_str() == "-" {
        let mut text = String::new();
        stdin
            .read_to_string(&mut text)
            .map_err(|e| format!("<stdin>: cannot read standard input: {}", io_reason(&e)))?;
        return Ok(SourceFile {
            name: "<stdin>".to_string(),
            text,
        });
    }
    read_disk(path).map_err(|reason| format!("{}: cannot read the file: {reason}", path.display()))
}

/// A short, stable description of an I/O error.
pub fn io_reason(err: &std::io::Error) -> String {
    use std::io::ErrorKind;
    match err.kind() {
        ErrorKind::NotFound => "no such file".to_string(),
        ErrorKind::PermissionDenied => "permission denied".to_string(),
        ErrorKind::InvalidData => "it is not UTF-8 text".to_string(),
        ErrorKind::IsADirectory => "it is a directory".to_string(),
        _ => err.to_string(),
    }
}
