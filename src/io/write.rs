//! Writing files safely: through a temporary file in the same folder, then a rename, so a
//! reader never sees half a file and an error never leaves one behind.
//!
//! A new file gets the permissions any program's new file gets (read and write for all,
//! less the umask: 0644 under the usual umask 022); a replaced file keeps its own.
//!
//! Only a regular file is ever replaced: a directory, a FIFO, a device or a socket is an
//! error, whatever `--force` says. A symbolic link is written through: its target gets the
//! new contents and the link stays a link (a link to nothing is an error). The temporary
//! file is `.readiness-PID-RANDOM.tmp` beside the target (see [`super::cleanup`]).

use std::io::Write;
use std::path::{Path, PathBuf};

use super::cleanup;
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

/// The file a write to `path` changes: `path` itself, or the file a symbolic link at `path`
/// points to. An error when that is not a regular file or the link points to nothing.
pub fn destination(path: &Path) -> Result<PathBuf, String> {
    let name = path.display();
    let target = match std::fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => std::fs::canonicalize(path).map_err(|e| {
            format!(
                "{name}: it is a symbolic link to a file that cannot be reached ({}); readiness writes through links, so make it point to a file or remove it",
                io_reason(&e)
            )
        })?,
        _ => path.to_path_buf(),
    };
    match std::fs::metadata(&target) {
        Ok(meta) if meta.is_dir() => Err(format!("{name}: it is a directory")),
        Ok(meta) if !meta.is_file() => Err(format!(
            "{name}: it is not a regular file (a FIFO, a device or a socket); only a regular file is replaced"
        )),
        _ => Ok(target),
    }
}

/// Writes `contents` to `path` atomically. With [`Existing::Keep`], an existing file is
/// left untouched and the write fails.
pub fn write_atomic(path: &Path, contents: &[u8], existing: Existing) -> Result<(), String> {
    let mut file = AtomicFile::create(path, existing)?;
    file.write_all(contents)
        .map_err(|e| format!("{}: cannot write: {}", path.display(), io_reason(&e)))?;
    file.commit()
}

/// A file written atomically as it goes, for output too large to hold in memory: it is
/// written to a temporary file beside its destination, and [`AtomicFile::commit`] renames
/// it into place. Dropped without a commit, or stopped by a signal, it leaves nothing
/// behind.
pub struct AtomicFile {
    /// The path as the user gave it, for messages.
    path: PathBuf,
    /// Where the file goes: `path`, or the target of a link at `path`.
    target: PathBuf,
    /// The temporary file; taken when it is put in place.
    temp: Option<tempfile::NamedTempFile>,
    existing: Existing,
}

impl AtomicFile {
    /// Starts writing `path`. With [`Existing::Keep`], an existing file is an error, now
    /// and again when the file is committed. Only a regular file is ever replaced, and a
    /// link is written through (see [`destination`]).
    pub fn create(path: &Path, existing: Existing) -> Result<AtomicFile, String> {
        let name = path.display();
        let target = destination(path)?;
        let old = std::fs::metadata(&target).ok();
        if existing == Existing::Keep && (old.is_some() || std::fs::symlink_metadata(path).is_ok()) {
            return Err(exists_message(&name));
        }
        let dir = match target.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        cleanup::remove_stale(dir);
        let prefix = cleanup::temporary_prefix();
        let mut builder = tempfile::Builder::new();
        builder.prefix(&prefix).suffix(".tmp");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            // The mode a new file asks for; the operating system takes the umask off it.
            builder.permissions(std::fs::Permissions::from_mode(0o666));
        }
        let temp = builder.tempfile_in(dir).map_err(|e| {
            format!(
                "{name}: cannot create a temporary file in {}: {}",
                dir.display(),
                io_reason(&e)
            )
        })?;
        cleanup::remember(temp.path());
        if let Some(old) = &old {
            let _ = temp.as_file().set_permissions(old.permissions());
        }
        Ok(AtomicFile {
            path: path.to_path_buf(),
            target,
            temp: Some(temp),
            existing,
        })
    }

    /// Puts the file in place.
    pub fn commit(mut self) -> Result<(), String> {
        let name = self.path.display();
        let Some(temp) = self.temp.take() else {
            return Ok(());
        };
        let temp_path = temp.path().to_path_buf();
        let result = temp
            .as_file()
            .sync_all()
            .map_err(|e| format!("{name}: cannot write: {}", io_reason(&e)))
            .and_then(|()| {
                let persisted = match self.existing {
                    Existing::Keep => temp.persist_noclobber(&self.target),
                    Existing::Replace => temp.persist(&self.target),
                };
                persisted.map(|_| ()).map_err(|e| {
                    if e.error.kind() == std::io::ErrorKind::AlreadyExists {
                        exists_message(&name)
                    } else {
                        format!("{name}: cannot write: {}", io_reason(&e.error))
                    }
                })
            });
        cleanup::forget(&temp_path);
        result
    }
}

impl Drop for AtomicFile {
    fn drop(&mut self) {
        // Not committed: the temporary file goes with `temp`.
        if let Some(temp) = &self.temp {
            cleanup::forget(temp.path());
        }
    }
}

impl Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match &mut self.temp {
            Some(temp) => temp.write(buf),
            None => Err(std::io::Error::other("the file is already in place")),
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        match &mut self.temp {
            Some(temp) => temp.flush(),
            None => Ok(()),
        }
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
    fn only_regular_files_are_replaced_and_links_are_written_through() {
        let dir = tempfile::tempdir().unwrap();
        // A directory, a device, a FIFO: never replaced, even when replacing is allowed.
        let err = write_atomic(dir.path(), b"x", Existing::Replace).unwrap_err();
        assert!(err.contains("it is a directory"), "{err}");
        let err = write_atomic(Path::new("/dev/null"), b"x", Existing::Replace).unwrap_err();
        assert!(err.contains("not a regular file"), "{err}");
        let fifo = dir.path().join("fifo");
        assert!(
            std::process::Command::new("mkfifo")
                .arg(&fifo)
                .status()
                .unwrap()
                .success()
        );
        let err = write_atomic(&fifo, b"x", Existing::Replace).unwrap_err();
        assert!(err.contains("not a regular file"), "{err}");
        // A link: the target changes, the link stays a link.
        let target = dir.path().join("target.toml");
        std::fs::write(&target, "old").unwrap();
        let link = dir.path().join("link.toml");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        assert!(write_atomic(&link, b"new", Existing::Keep).is_err());
        write_atomic(&link, b"new", Existing::Replace).unwrap();
        assert!(std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "new");
        // A link to nothing is an error, not a new file somewhere.
        let dangling = dir.path().join("dangling.toml");
        std::os::unix::fs::symlink(dir.path().join("nowhere"), &dangling).unwrap();
        let err = write_atomic(&dangling, b"x", Existing::Replace).unwrap_err();
        assert!(err.contains("symbolic link"), "{err}");
        assert!(!dir.path().join("nowhere").exists());
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
