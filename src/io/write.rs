//! Writing files safely: through a temporary file in the same folder, then a rename, so a
//! reader never sees half a file and an error never leaves one behind.
//!
//! A new file gets the permissions any program's new file gets (read and write for all,
//! less the umask: 0644 under the usual umask 022); a replaced file keeps its own.

use std::io::Write;
use std::path::Path;

use super::io_reason;

/// Whether an existing file may be replaced.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Existing {
    /// Refuse to write when the file exists.
    Keep,
    /// Replace the file.
    Replace,
}

fn exists_message(name: &std::path::Display<'_>) -> String {
    format!("{name}: the file exists; it is left as it is (choose another name or remove it first)")
}

/// Writes `contents` to `path` atomically. With [`Existing::Keep`], an existing file is
/// left untouched and the write fails.
pub fn write_atomic(path: &Path, contents: &[u8], existing: Existing) -> Result<(), String> {
    let name = path.display();
    let old = std::fs::metadata(path).ok();
    if existing == Existing::Keep && old.is_some() {
        return Err(exists_message(&name));
    }
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".readiness-").suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // The mode a new file asks for; the operating system takes the umask off it.
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut temp = builder.tempfile_in(dir).map_err(|e| {
        format!(
            "{name}: cannot create a temporary file in {}: {}",
            dir.display(),
            io_reason(&e)
        )
    })?;
    if let Some(old) = &old {
        let _ = temp.as_file().set_permissions(old.permissions());
    }
    temp.write_all(contents)
        .and_then(|()| temp.as_file().sync_all())
        .map_err(|e| format!("{name}: cannot write: {}", io_reason(&e)))?;
    let result = match existing {
        Existing::Keep => temp.persist_noclobber(path),
        Existing::Replace => temp.persist(path),
    };
    result.map(|_| ()).map_err(|e| {
        if e.error.kind() == std::io::ErrorKind::AlreadyExists {
            exists_message(&name)
        } else {
            format!("{name}: cannot write: {}", io_reason(&e.error))
        }
    })
}

/// A file written atomically as it goes, for output too large to hold in memory: it is
/// written to a temporary file in the same folder, and [`AtomicFile::commit`] renames it
/// into place. Dropped without a commit, it leaves nothing behind.
pub struct AtomicFile {
    path: std::path::PathBuf,
    temp: tempfile::NamedTempFile,
    existing: Existing,
}

impl AtomicFile {
    /// Starts writing `path`. With [`Existing::Keep`], an existing file is an error, now
    /// and again when the file is committed.
    pub fn create(path: &Path, existing: Existing) -> Result<AtomicFile, String> {
        let name = path.display();
        let old = std::fs::metadata(path).ok();
        if existing == Existing::Keep && old.is_some() {
            return Err(exists_message(&name));
        }
        let dir = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        let mut builder = tempfile::Builder::new();
        builder.prefix(".readiness-").suffix(".tmp");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            builder.permissions(std::fs::Permissions::from_mode(0o666));
        }
        let temp = builder.tempfile_in(dir).map_err(|e| {
            format!(
                "{name}: cannot create a temporary file in {}: {}",
                dir.display(),
                io_reason(&e)
            )
        })?;
        if let Some(old) = &old {
            let _ = temp.as_file().set_permissions(old.permissions());
        }
        Ok(AtomicFile {
            path: path.to_path_buf(),
            temp,
            existing,
        })
    }

    /// Puts the file in place.
    pub fn commit(self) -> Result<(), String> {
        let name = self.path.display();
        self.temp
            .as_file()
            .sync_all()
            .map_err(|e| format!("{name}: cannot write: {}", io_reason(&e)))?;
        let result = match self.existing {
            Existing::Keep => self.temp.persist_noclobber(&self.path),
            Existing::Replace => self.temp.persist(&self.path),
        };
        result.map(|_| ()).map_err(|e| {
            if e.error.kind() == std::io::ErrorKind::AlreadyExists {
                exists_message(&name)
            } else {
                format!("{name}: cannot write: {}", io_reason(&e.error))
            }
        })
    }
}

impl Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.temp.write(buf)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.temp.flush()
    }
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
    fn an_atomic_file_appears_only_when_committed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("portfolio.csv");
        let mut file = AtomicFile::create(&path, Existing::Keep).unwrap();
        file.write_all(b"a,b\n").unwrap();
        assert!(!path.exists());
        file.commit().unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "a,b\n");
        assert!(AtomicFile::create(&path, Existing::Keep).is_err());
        drop(AtomicFile::create(&path, Existing::Replace).unwrap());
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

    #[cfg(unix)]
    #[test]
    fn a_new_file_is_readable_by_others_and_a_replaced_one_keeps_its_mode() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("report.html");
        write_atomic(&path, b"one", Existing::Keep).unwrap();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        // Linux says the umask in /proc; elsewhere assume the usual 022.
        let umask = std::fs::read_to_string("/proc/self/status")
            .ok()
            .and_then(|s| {
                s.lines()
                    .find_map(|l| l.strip_prefix("Umask:").map(|u| u.trim().to_string()))
            })
            .and_then(|u| u32::from_str_radix(&u, 8).ok())
            .unwrap_or(0o022);
        assert_eq!(mode, 0o666 & !umask, "mode {mode:o}, umask {umask:o}");
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
        write_atomic(&path, b"two", Existing::Replace).unwrap();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o640);
    }
}
