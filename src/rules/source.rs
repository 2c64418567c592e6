//! Where a framework's files are read from, and how the paths a manifest names resolve.

use std::path::{Component, Path, PathBuf};

use crate::io::{SourceFile, read_disk};

/// Reads the files of a framework, resolving paths relative to the manifest.
pub(super) trait FileSource {
    /// Reads the file at `path` (relative to the source's root, `/`-separated and normalized);
    /// on failure, says why in a few words.
    fn read(&self, path: &str) -> Result<SourceFile, String>;
}

/// Files on disk; paths are relative to the current directory or absolute.
pub(super) struct Disk;

impl FileSource for Disk {
    fn read(&self, path: &str) -> Result<SourceFile, String> {
        read_disk(Path::new(path))
    }
}

/// Resolves `relative` against the folder of `base`, lexically (`..` pops a folder).
pub(super) fn resolve(base: &str, relative: &str) -> String {
    let mut out = PathBuf::new();
    let joined = Path::new(base).parent().unwrap_or(Path::new("")).join(relative);
    for component in joined.components() {
        match component {
            Component::ParentDir => {
                let at_start = out.as_os_str().is_empty() || out.ends_with("..");
                if at_start {
                    out.push("..");
                } else {
                    out.pop();
                }
            }
            Component::CurDir => {}
            other => out.push(other.as_os_str()),
        }
    }
    out.to_string_lossy().replace('\\', "/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_relative_to_the_manifest() {
        assert_eq!(
            resolve("rules/ctq/framework.toml", "resources.toml"),
            "rules/ctq/resources.toml"
        );
        assert_eq!(
            resolve("rules/ctq/framework.toml", "../../questionnaires/ctq/survey.toml"),
            "questionnaires/ctq/survey.toml"
        );
        assert_eq!(resolve("/tmp/x/framework.toml", "./a.toml"), "/tmp/x/a.toml");
        assert_eq!(resolve("framework.toml", "../../a.toml"), "../../a.toml");
    }
}
