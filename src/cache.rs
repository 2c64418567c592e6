//! What the program works out the same way every time, kept in the user's cache folder in
//! a compact form: the built-in frameworks, parsed and validated, and the built-in
//! templates, compiled.
//!
//! Parsing and validating a built-in framework, or compiling the templates of a report,
//! takes most of the time of a short command, and gives the same result every time for one
//! build of the program. So the first command to need one writes it to
//! `$XDG_CACHE_HOME/readiness/` (or `~/.cache/readiness/`), encoded with postcard, and later
//! commands read it back instead. The file's name holds what it keeps and the build's
//! fingerprint (of the rule files, the templates, the program's source and its locked
//! dependencies, worked out when the program is built), so a program reads only what a
//! program built the same way wrote; the content is checked against a CRC-32 and the name
//! stored within it before it is used. Anything amiss (no cache folder, a file that cannot
//! be read, written or decoded) only means the work is done again, as without a cache.
//! `READINESS_CACHE=off` turns the cache off.

use std::path::{Path, PathBuf};

use serde::Serialize;
use serde::de::DeserializeOwned;

/// The fingerprint of this build, from `build.rs`.
const FINGERPRINT: &str = env!("READINESS_BUILD_FINGERPRINT");

/// What a cache file starts with, before the CRC-32 and the encoded name and value.
const MAGIC: &[u8; 8] = b"rdnss\x00c2";

/// The cache folder, from the environment; `None` when the cache is off or there is no
/// home to put it in.
pub(crate) fn folder() -> Option<PathBuf> {
    if std::env::var_os("READINESS_CACHE").is_some_and(|v| v == "off" || v == "0") {
        return None;
    }
    let base = match std::env::var_os("XDG_CACHE_HOME").filter(|v| !v.is_empty()) {
        Some(dir) => PathBuf::from(dir),
        None => PathBuf::from(std::env::var_os("HOME").filter(|v| !v.is_empty())?).join(".cache"),
    };
    Some(base.join("readiness"))
}

/// The file that holds what is kept as `name` for this build.
fn file(folder: &Path, name: &str) -> PathBuf {
    folder.join(format!("{name}-{FINGERPRINT}.bin"))
}

/// What this build kept in `folder` as `name`, if it is there intact.
pub(crate) fn read<T: DeserializeOwned>(folder: &Path, name: &str) -> Option<T> {
    let bytes = std::fs::read(file(folder, name)).ok()?;
    let rest = bytes.strip_prefix(MAGIC.as_slice())?;
    let (crc, payload) = rest.split_first_chunk::<4>()?;
    if u32::from_le_bytes(*crc) != crc32fast::hash(payload) {
        return None;
    }
    let (stored_name, value): (String, T) = postcard::from_bytes(payload).ok()?;
    (stored_name == name).then_some(value)
}

/// Keeps `value` in `folder` as `name` for later commands (atomically, so that a command
/// reading it at the same time sees the whole file or none), and removes what other builds
/// kept as `name`. Failures are ignored: the cache only saves time.
pub(crate) fn write<T: Serialize>(folder: &Path, name: &str, value: &T) {
    let Ok(payload) = postcard::to_allocvec(&(name, value)) else {
        return;
    };
    let mut bytes = Vec::with_capacity(MAGIC.len() + 4 + payload.len());
    bytes.extend_from_slice(MAGIC);
    bytes.extend_from_slice(&crc32fast::hash(&payload).to_le_bytes());
    bytes.extend_from_slice(&payload);
    if std::fs::create_dir_all(folder).is_err() {
        return;
    }
    let path = file(folder, name);
    // A link in the cache's place is replaced, not written through: the cache writes only
    // in its own folder.
    if std::fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink())
        && std::fs::remove_file(&path).is_err()
    {
        return;
    }
    if crate::io::write_atomic(&path, &bytes, crate::io::Existing::Replace).is_err() {
        return;
    }
    // Files other builds wrote for this name are of no more use.
    let prefix = format!("{name}-");
    if let Ok(entries) = std::fs::read_dir(folder) {
        for entry in entries.flatten() {
            let file_name = entry.file_name();
            let file_name = file_name.to_string_lossy();
            let other_build = file_name
                .strip_prefix(&prefix)
                .and_then(|rest| rest.strip_suffix(".bin"))
                .is_some_and(|print| print.len() == FINGERPRINT.len() && print.bytes().all(|b| b.is_ascii_hexdigit()));
            if other_build && entry.path() != path {
                let _ = std::fs::remove_file(entry.path());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::{EMBEDDED_FRAMEWORKS, Framework, RulesLocation, load};

    #[test]
    fn a_built_in_framework_reads_back_as_it_was_written() {
        let dir = tempfile::tempdir().unwrap();
        for (id, _) in EMBEDDED_FRAMEWORKS {
            // Loaded from its files (`load` never reads the cache), without the golden
            // cases, which the cache does not keep.
            let mut framework = load(&RulesLocation::BuiltIn((*id).to_string())).unwrap().framework;
            framework.cases.clear();
            assert!(read::<Framework>(dir.path(), id).is_none(), "nothing is cached yet");
            write(dir.path(), id, &framework);
            let cached: Framework = read(dir.path(), id).expect("the framework just written");
            assert_eq!(format!("{cached:?}"), format!("{framework:?}"), "{id}");
        }
    }

    #[test]
    fn a_framework_read_back_and_resolved_shares_each_tested_question_id() {
        let dir = tempfile::tempdir().unwrap();
        let mut framework = crate::test_support::ctq();
        framework.cases.clear();
        write(dir.path(), "ctq", &framework);
        let mut cached: Framework = read(dir.path(), "ctq").expect("the framework just written");
        cached.resolve_indices();
        for fw in [&framework, &cached] {
            let conditions = fw
                .questions
                .values()
                .filter_map(|q| q.when.as_ref())
                .chain(fw.phases.iter().flat_map(|p| p.gates.iter().map(|g| &g.condition)))
                .chain(fw.recommendations.iter().filter_map(|r| r.when.as_ref()));
            let mut tests = 0;
            for condition in conditions {
                for test in condition.tests() {
                    let (_, question) = fw.questions.get_index(test.index).expect("resolved");
                    // The same id in memory, not only the same text: finding the answer
                    // compares pointers.
                    assert!(
                        std::sync::Arc::ptr_eq(&question.id, &test.question),
                        "{}",
                        test.question
                    );
                    tests += 1;
                }
            }
            assert!(tests > 50, "only {tests} tests");
        }
    }

    #[test]
    fn a_damaged_or_foreign_file_is_not_read() {
        let dir = tempfile::tempdir().unwrap();
        let framework = crate::test_support::ctq();
        write(dir.path(), "ctq", &framework);
        let path = file(dir.path(), "ctq");
        let good = std::fs::read(&path).unwrap();
        let mut flipped = good.clone();
        let last = flipped.len() - 1;
        flipped[last] ^= 1;
        for bad in [
            flipped,
            good[..good.len() / 2].to_vec(),
            b"not a cache file".to_vec(),
            Vec::new(),
        ] {
            std::fs::write(&path, &bad).unwrap();
            assert!(read::<Framework>(dir.path(), "ctq").is_none());
        }
        // A file for one framework, named for another, is not taken for it.
        std::fs::write(file(dir.path(), "dp"), &good).unwrap();
        assert!(read::<Framework>(dir.path(), "dp").is_none());
    }

    #[test]
    fn a_link_in_the_cache_is_replaced_not_written_through() {
        let dir = tempfile::tempdir().unwrap();
        let elsewhere = dir.path().join("elsewhere.txt");
        std::fs::write(&elsewhere, b"the user's own file").unwrap();
        let folder = dir.path().join("cache");
        std::fs::create_dir(&folder).unwrap();
        std::os::unix::fs::symlink(&elsewhere, file(&folder, "ctq")).unwrap();
        write(&folder, "ctq", &crate::test_support::ctq());
        assert_eq!(std::fs::read(&elsewhere).unwrap(), b"the user's own file");
        assert!(std::fs::symlink_metadata(file(&folder, "ctq")).unwrap().is_file());
        assert!(read::<Framework>(&folder, "ctq").is_some());
    }

    #[test]
    fn what_other_builds_wrote_is_removed_and_nothing_else() {
        let dir = tempfile::tempdir().unwrap();
        let old = dir.path().join("ctq-0123456789abcdef.bin");
        let other_framework = file(dir.path(), "dp");
        let unrelated = dir.path().join("ctq-notes.txt");
        for path in [&old, &other_framework, &unrelated] {
            std::fs::write(path, b"x").unwrap();
        }
        write(dir.path(), "ctq", &crate::test_support::ctq());
        assert!(!old.exists());
        assert!(other_framework.exists() && unrelated.exists());
        assert!(read::<Framework>(dir.path(), "ctq").is_some());
    }
}
