//! Writing files safely: through a temporary file in the same folder, then a rename, so a
//! reader never sees half a file and an error never leaves one behind.

use std::io::Write;
use std::path::Path;

use crate::source::io_reason;

/// Whether an existing file may be replaced.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Existing {
    /// Refuse to write when the file exists.
    Keep,
    /// Replace the file.
    Replace,
}

/// Writes `contents` to `path` atomically. With [`Existing::Keep`], an existing file is
/// left untouched and the write fails.
pub fn write_atomic(path: &Path, contents: &[u8], existing: Existing) -> Result<(), String> {
    let name = path.display();
    if existing == Existing::Keep && path.exists() {
        return Err(format!(
            "{name}: the file exists; it is left as it is (choose another name or remove it first)"
        ));
    }
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut temp = tempfile::Builder::new()
        .prefix(".readiness-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(|e| {
            format!(
                "{name}: cannot create a temporary file in {}: {}",
                dir.display(),
                io_reason(&e)
            )
        })?;
    temp.write_all(contents)
        .and_then(|()| temp.as_file().sync_all())
        .map_err(|e| format!("{name}: cannot write: {}", io_reason(&e)))?;
    let result = match existing {
        Existing::Keep => temp.persist_noclobber(path),
        Existing::Replace => temp.persist(path),
    };
    result.map(|_| ()).map_err(|e| {
        if e.error.kind() == std::io::ErrorKind::AlreadyExists {
            format!("{name}: the file exists; it is left as it is (choose another name or remove it first)")
        } else {
            format!("{name}: cannot write: {}", io_reason(&e.error))
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keep_refuses_to_replace_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("answers.toml");
        std::fs::write(&path, "mine").unwrap();
        let err = write_atomic(&path, b"new", Existing::Keep).unwrap_err();
        assert!(err.contains("exists"), "{err}");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "mine");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn writes_a_new_file_and_replaces_when_asked() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.txt");
        write_atomic(&path, b"one", Existing::Keep).unwrap();
        write_atomic(&path, b"two", Existing::Replace).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "two");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
