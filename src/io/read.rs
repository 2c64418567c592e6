//! Reading a user's file (or standard input) into memory, with a short reason on failure.
//!
//! Every input goes through here: answers files, rule files, templates. Only regular files
//! are read (a FIFO or a device could block or never end; standard input is read when the
//! name is `-`), and none larger than [`MAX_INPUT`].

use std::io::Read;
use std::path::Path;

/// The largest input read, in bytes (16 MiB): an answers file, a rule file, a template or
/// standard input. Real ones are a few kilobytes.
pub const MAX_INPUT: u64 = 16 * 1024 * 1024;

/// A file read into memory, named as messages show it.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// The name shown in messages: a path as the user gave it, `<stdin>`, or `built-in:rules/...`.
    pub name: String,
    /// The file's text.
    pub text: String,
}

fn too_large() -> String {
    format!(
        "it is larger than {} MiB, the most readiness reads",
        MAX_INPUT / 1024 / 1024
    )
}

/// Reads at most [`MAX_INPUT`] bytes of UTF-8 text.
fn read_bounded(source: impl Read) -> Result<String, String> {
    let mut bytes = Vec::new();
    source
        .take(MAX_INPUT + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| io_reason(&e))?;
    if bytes.len() as u64 > MAX_INPUT {
        return Err(too_large());
    }
    String::from_utf8(bytes).map_err(|_| "it is not UTF-8 text".to_string())
}

/// Reads a file from disk, or `None` when there is no such file; on failure, says why in a
/// few words.
pub fn read_existing(path: &Path) -> Result<Option<SourceFile>, String> {
    // Look before opening: opening a FIFO would wait for a writer.
    let meta = match std::fs::metadata(path) {
        Ok(meta) => meta,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(err) => return Err(io_reason(&err)),
    };
    check_kind(&meta)?;
    if meta.len() > MAX_INPUT {
        return Err(too_large());
    }
    let file = std::fs::File::open(path).map_err(|e| io_reason(&e))?;
    // The same check on what was opened, in case the file was replaced in between.
    check_kind(&file.metadata().map_err(|e| io_reason(&e))?)?;
    let text = read_bounded(file)?;
    Ok(Some(SourceFile {
        name: path.display().to_string(),
        text,
    }))
}

fn check_kind(meta: &std::fs::Metadata) -> Result<(), String> {
    if meta.is_dir() {
        Err("it is a directory".to_string())
    } else if !meta.is_file() {
        Err("it is not a regular file (a FIFO, a device or a socket)".to_string())
    } else {
        Ok(())
    }
}

/// Reads a file from disk; on failure, says why in a few words.
pub fn read_disk(path: &Path) -> Result<SourceFile, String> {
    read_existing(path)?.ok_or_else(|| "no such file".to_string())
}

/// Reads an input named on the command line: a file, or standard input for `-`. The error
/// names the file and says why.
pub fn read_input(path: &Path, stdin: &mut dyn Read) -> Result<SourceFile, String> {
    if path.as_os_str() == "-" {
        let text = read_bounded(stdin).map_err(|reason| format!("<stdin>: cannot read standard input: {reason}"))?;
        return Ok(SourceFile {
            name: "<stdin>".to_string(),
            text,
        });
    }
    read_disk(path).map_err(|reason| {
        let hint = if reason.starts_with("it is not a regular file") {
            "\n  help: to read standard input, give `-` as the file name"
        } else {
            ""
        };
        format!("{}: cannot read the file: {reason}{hint}", path.display())
    })
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn large_inputs_are_refused_before_they_are_read_whole() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.toml");
        let file = std::fs::File::create(&path).unwrap();
        file.set_len(MAX_INPUT + 1).unwrap();
        let err = read_disk(&path).unwrap_err();
        assert!(err.contains("larger than 16 MiB"), "{err}");
        // Standard input has the same bound, and an endless one ends.
        let err = read_input(Path::new("-"), &mut std::io::repeat(b'a')).unwrap_err();
        assert!(
            err.starts_with("<stdin>: ") && err.contains("larger than 16 MiB"),
            "{err}"
        );
        let ok = read_input(Path::new("-"), &mut std::io::repeat(b'a').take(MAX_INPUT)).unwrap();
        assert_eq!(ok.text.len() as u64, MAX_INPUT);
    }

    #[cfg(unix)]
    #[test]
    fn only_regular_files_are_read() {
        let err = read_input(Path::new("/dev/zero"), &mut std::io::empty()).unwrap_err();
        assert!(err.contains("not a regular file"), "{err}");
        assert!(err.contains("give `-`"), "{err}");
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(read_disk(dir.path()).unwrap_err(), "it is a directory");
        assert_eq!(read_existing(&dir.path().join("none")).unwrap().map(|f| f.text), None);
        // A FIFO is refused at once, never opened (opening one waits for a writer).
        let fifo = dir.path().join("fifo");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status().unwrap();
        assert!(made.success());
        let err = read_disk(&fifo).unwrap_err();
        assert!(err.contains("not a regular file"), "{err}");
    }
}
