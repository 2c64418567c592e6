//! The built-in frameworks, compiled into the binary.

use super::source::FileSource;
use crate::io::SourceFile;

macro_rules! embed {
    ($($path:literal),* $(,)?) => {
        &[$(($path, include_str!(concat!("../../", $path)))),*]
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
    "questionnaires/ctq/feedback.toml",
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

/// The ids of the built-in frameworks, the default first.
pub fn built_in_ids() -> Vec<&'static str> {
    EMBEDDED_FRAMEWORKS.iter().map(|(id, _)| *id).collect()
}

/// Reads the files compiled into the binary.
pub(super) struct Embedded;

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_built_in_framework_manifest_is_embedded() {
        for (_, manifest) in EMBEDDED_FRAMEWORKS {
            assert!(Embedded.read(manifest).is_ok(), "{manifest}");
        }
    }
}
