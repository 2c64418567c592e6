//! Files this process has made and must not leave behind: the temporary file of a write in
//! progress, the lock beside an answers file a survey holds. When a signal stops the
//! program, [`remove_pending`] removes them.
//!
//! A temporary file is named `.readiness-PID-RANDOM.tmp`, beside the file it becomes. If a
//! process is killed outright (SIGKILL, a power cut), the next write to the same folder
//! recognises the file by its name and removes it once its process is gone.

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, SystemTime};

static PENDING: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

fn pending() -> std::sync::MutexGuard<'static, Vec<PathBuf>> {
    PENDING.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Notes a file to remove if the program is stopped before [`forget`] is called.
pub(crate) fn remember(path: &Path) {
    pending().push(path.to_path_buf());
}

/// The file is dealt with: renamed into place, or removed.
pub(crate) fn forget(path: &Path) {
    pending().retain(|p| p != path);
}

/// Removes every file noted as pending and not yet dealt with. For a signal handler:
/// the program is about to stop.
pub fn remove_pending() {
    for path in pending().drain(..) {
        let _ = std::fs::remove_file(path);
    }
}

/// The prefix of temporary files: `.readiness-PID-`.
pub(crate) fn temporary_prefix() -> String {
    format!(".readiness-{}-", std::process::id())
}

/// Where the operating system says which processes run (Linux).
const PROC: &str = "/proc";

/// How old a temporary file must be to count as stale when there is no way to tell
/// whether its process still runs.
const STALE_AFTER: Duration = Duration::from_secs(3600);

/// The process id in a temporary file's name `.readiness-PID-RANDOM.tmp`, if it is one.
fn temporary_pid(name: &str) -> Option<u32> {
    let rest = name.strip_prefix(".readiness-")?.strip_suffix(".tmp")?;
    let (pid, random) = rest.split_once('-')?;
    if random.is_empty() || !random.chars().all(|c| c.is_ascii_alphanumeric()) {
        return None;
    }
    pid.parse().ok()
}

/// Removes the temporary files left in `dir` by earlier runs that were killed: those whose
/// process is gone (or, where that cannot be told, older than an hour).
pub(crate) fn remove_stale(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let can_tell = Path::new(PROC).join("self").exists();
    let own = std::process::id();
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(pid) = name.to_str().and_then(temporary_pid) else {
            continue;
        };
        if pid == own {
            continue;
        }
        let stale = if can_tell {
            !Path::new(PROC).join(pid.to_string()).exists()
        } else {
            entry
                .metadata()
                .and_then(|m| m.modified())
                .ok()
                .and_then(|t| SystemTime::now().duration_since(t).ok())
                .is_some_and(|age| age > STALE_AFTER)
        };
        if stale && entry.file_type().is_ok_and(|t| t.is_file()) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn temporary_files_are_known_by_their_names() {
        assert_eq!(temporary_pid(".readiness-123-aB9xYz.tmp"), Some(123));
        assert_eq!(temporary_pid(".readiness-123-.tmp"), None);
        assert_eq!(temporary_pid(".readiness-x-abc.tmp"), None);
        assert_eq!(temporary_pid("readiness-123-abc.tmp"), None);
        assert_eq!(temporary_pid(".readiness-123-abc.toml"), None);
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn stale_temporary_files_of_dead_processes_are_removed_and_others_kept() {
        let dir = tempfile::tempdir().unwrap();
        // A process that has ended: its id is free (for a while at least).
        let mut child = std::process::Command::new("true").spawn().unwrap();
        let dead = child.id();
        child.wait().unwrap();
        let stale = dir.path().join(format!(".readiness-{dead}-abc123.tmp"));
        let live = dir.path().join(format!(".readiness-{}-abc123.tmp", std::process::id()));
        let other = dir.path().join(".readiness-notes.tmp");
        for p in [&stale, &live, &other] {
            std::fs::write(p, "x").unwrap();
        }
        remove_stale(dir.path());
        assert!(!stale.exists());
        assert!(live.exists());
        assert!(other.exists());
    }
}
