//! An advisory lock on a file a program edits for a while, such as the answers file of a
//! survey, so that two programs never edit it at once and neither loses the other's work.
//!
//! The file itself is replaced on every save (a new file renamed over it), so the lock is
//! taken on a lock file beside it, `.readiness-NAME.lock`, which lives as long as the lock
//! is held. The lock is the operating system's (`flock` on Unix): it goes with the process,
//! so a killed process never leaves the file locked.

use std::fs::{File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};

use super::{cleanup, io_reason};

/// A lock held on a file until dropped.
#[derive(Debug)]
pub struct FileLock {
    path: PathBuf,
    _file: File,
}

/// Why a lock cannot be had.
#[derive(Debug)]
pub enum LockError {
    /// Another process holds it.
    InUse(PathBuf),
    /// The lock file cannot be made: why, in a few words.
    Io(String),
}

/// The lock file of `target`: `.readiness-NAME.lock` beside it.
pub fn lock_path(target: &Path) -> PathBuf {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    target.with_file_name(format!(".readiness-{name}.lock"))
}

impl FileLock {
    /// Locks `target` (a file that may not exist yet), or says that another process has it.
    pub fn acquire(target: &Path) -> Result<FileLock, LockError> {
        let path = lock_path(target);
        // The holder removes the lock file when it is done, and a process that opened it just
        // before may then lock a file no longer there: so check, and try again.
        for _ in 0..10 {
            let file = OpenOptions::new()
                .create(true)
                .truncate(false)
                .write(true)
                .open(&path)
                .map_err(|e| LockError::Io(io_reason(&e)))?;
            match file.try_lock() {
                Ok(()) => {}
                Err(TryLockError::WouldBlock) => return Err(LockError::InUse(path)),
                Err(TryLockError::Error(e)) => return Err(LockError::Io(io_reason(&e))),
            }
            if same_file(&file, &path) {
                cleanup::remember(&path);
                return Ok(FileLock { path, _file: file });
            }
        }
        Err(LockError::InUse(path))
    }
}

#[cfg(unix)]
fn same_file(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), std::fs::symlink_metadata(path)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn same_file(_: &File, path: &Path) -> bool {
    path.exists()
}

impl Drop for FileLock {
    fn drop(&mut self) {
        // Removed while still locked; the lock goes when the file is closed, just after.
        let _ = std::fs::remove_file(&self.path);
        cleanup::forget(&self.path);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_lock_on_the_same_file_is_refused_until_the_first_is_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("answers.toml");
        let first = FileLock::acquire(&target).unwrap();
        assert!(lock_path(&target).exists());
        match FileLock::acquire(&target) {
            Err(LockError::InUse(path)) => assert_eq!(path, dir.path().join(".readiness-answers.toml.lock")),
            other => panic!("{other:?}"),
        }
        // Another file in the same folder has its own lock.
        let other = FileLock::acquire(&dir.path().join("other.toml")).unwrap();
        drop(first);
        assert!(!lock_path(&target).exists(), "the lock file goes with the lock");
        let again = FileLock::acquire(&target).unwrap();
        drop((again, other));
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    }
}
