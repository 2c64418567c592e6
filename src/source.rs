//! Where a framework's files come from: the copy built into the binary, or a folder on disk.

use std::path::{Component, Path, PathBuf};

/// A file of a framework, read into memory.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// The name shown in messages: a path as the user gave it, or `built-in:rules/...`.
    pub name: String,
    /// The file's text.
    pub text: String,
}

/// Reads the files of a framework, resolving paths relative to the manifest.
pub trait FileSource {
    /// Reads the file at `path` (relative to the source's root, `/`-separated and normalised);
    /// on failure, says why in a few words.
    fn read(&self, path: &str) -> Result<SourceFile, String>;
}

/// The built-in frameworks, compiled into the binary.
pub struct Embedded;

macro_rules! embed {
    ($($path:literal),* $(,)?) => {
        &[$(($path, include_str!(concat!("../", $path)))),*]
    };
}

/// Every file of the built-in frameworks, by path from the repository root.
pub const EMBEDDED_FILES: &[(&str, &str)] = embed![
    "rules/ctq/framework.toml",
    "rules/ctq/recommendations.toml",
    "rules/ctq/resources.toml",
    "rules/ctq/tests.toml",
    "questionnaires/ctq/survey.toml",
    "questionnaires/ctq/checklists.toml",
    "rules/dp/framework.toml",
    "rules/dp/recommendations.toml",
    "rules/dp/resources.toml",
    "rules/dp/tests.toml",
    "questionnaires/dp/survey.toml",
    "questionnaires/dp/checklists.toml",
];

/// The built-in frameworks: id and manifest path. The first is the default.
pub const EMBEDDED_FRAMEWORKS: &[(&str, &str)] =
    &[("ctq", "rules/ctq/framework.toml"), ("dp", "rules/dp/framework.toml")];

impl FileSource for Embedded {
    fn read(&self, path: &str) -> Result<SourceFile, String> {
        EMBEDDED_FILES
            .iter()
            .find(|(p, _)| *p == path)
            .map(|(p, text)| SourceFile {
                name: format!("built-in:{p}"),
                text: (*text).to_string(),
            })
            .ok_or_else(|| "no such built-in file".to_string())
    }
}

/// Files on disk; paths are relative to the current directory or absolute.
pub struct Disk;

impl FileSource for Disk {
    fn read(&self, path: &str) -> Result<SourceFile, String> {
        read_disk(Path::new(path))
    }
}

/// Reads a file from disk into a [`SourceFile`]; on failure, says why in a few words.
pub fn read_disk(path: &Path) -> Result<SourceFile, String> {
    match std::fs::read_to_string(path) {
        Ok(text) => Ok(SourceFile {
            name: path.display().to_string(),
            text,
        }),
        Err(err) => Err(io_reason(&err)),
    }
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

/// Resolves `relative` against the folder of `base`, lexically (`..` pops a folder).
pub fn resolve(base: &str, relative: &str) -> String {
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

    #[test]
    fn every_built_in_framework_manifest_is_embedded() {
        for (_, manifest) in EMBEDDED_FRAMEWORKS {
            assert!(Embedded.read(manifest).is_ok(), "{manifest}");
        }
    }
}
