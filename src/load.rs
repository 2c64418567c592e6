//! Loading a framework: read the manifest and the files it names, and parse each one.
//!
//! Parsing only checks each file on its own; [`crate::validate`] then checks the
//! references between them and builds the [`Framework`].

use std::ops::Range;

use serde::de::DeserializeOwned;

use crate::diagnostic::{Diagnostic, Diagnostics, line_col};
use crate::framework::Framework;
use crate::model::{ManifestFile, QuestionnaireFile, RecommendationsFile, ResourcesFile, TestsFile};
use crate::source::{Disk, EMBEDDED_FRAMEWORKS, Embedded, FileSource, SourceFile, resolve};

/// A parsed file and the text it came from (for line numbers).
#[derive(Debug)]
pub struct Parsed<T> {
    /// The file.
    pub file: SourceFile,
    /// What it holds.
    pub data: T,
}

impl<T> Parsed<T> {
    /// Line and column of a byte range's start in this file.
    pub fn pos(&self, span: Range<usize>) -> Option<(usize, usize)> {
        Some(line_col(&self.file.text, span.start))
    }

    /// An error at a byte range of this file.
    pub fn error(&self, span: Range<usize>, message: impl Into<String>) -> Diagnostic {
        Diagnostic::error(&self.file.name, self.pos(span), message)
    }

    /// A warning at a byte range of this file.
    pub fn warning(&self, span: Range<usize>, message: impl Into<String>) -> Diagnostic {
        Diagnostic::warning(&self.file.name, self.pos(span), message)
    }
}

/// Every file of a framework, parsed but not yet cross-checked.
#[derive(Debug)]
pub struct RawFramework {
    /// The manifest.
    pub manifest: Parsed<ManifestFile>,
    /// The questionnaire files, in manifest order.
    pub questionnaires: Vec<Parsed<QuestionnaireFile>>,
    /// The recommendation files.
    pub recommendations: Vec<Parsed<RecommendationsFile>>,
    /// The resource catalogue files.
    pub resources: Vec<Parsed<ResourcesFile>>,
    /// The golden test files.
    pub tests: Vec<Parsed<TestsFile>>,
}

/// A framework ready to use, with the warnings found while checking it.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The framework.
    pub framework: Framework,
    /// Problems that do not stop the framework from working.
    pub warnings: Vec<Diagnostic>,
}

/// Which framework to load.
#[derive(Debug, Clone)]
pub enum RulesLocation {
    /// A framework built into the binary, by id.
    BuiltIn(String),
    /// A manifest file on disk, or a folder holding `framework.toml`.
    Path(std::path::PathBuf),
}

impl Default for RulesLocation {
    fn default() -> Self {
        RulesLocation::BuiltIn(EMBEDDED_FRAMEWORKS[0].0.to_string())
    }
}

/// The ids of the built-in frameworks.
pub fn built_in_ids() -> Vec<&'static str> {
    EMBEDDED_FRAMEWORKS.iter().map(|(id, _)| *id).collect()
}

/// Loads, parses and validates a framework, reporting every problem found.
pub fn load(location: &RulesLocation) -> Result<Loaded, Diagnostics> {
    let raw = match location {
        RulesLocation::BuiltIn(id) => {
            let Some((_, manifest)) = EMBEDDED_FRAMEWORKS.iter().find(|(fid, _)| fid == id) else {
                let known = built_in_ids().join(", ");
                return Err(Diagnostics(vec![
                    Diagnostic::error(id.as_str(), None, format!("there is no built-in framework `{id}`"))
                        .with_help(format!("built-in frameworks: {known}")),
                ]));
            };
            parse_all(&Embedded, manifest)?
        }
        RulesLocation::Path(path) => {
            let manifest = if path.is_dir() {
                path.join("framework.toml")
            } else {
                path.clone()
            };
            parse_all(&Disk, &manifest.to_string_lossy())?
        }
    };
    crate::validate::validate(raw)
}

fn parse_all(source: &dyn FileSource, manifest_path: &str) -> Result<RawFramework, Diagnostics> {
    let manifest: Parsed<ManifestFile> = parse_file(source, manifest_path).map_err(|d| Diagnostics(vec![d]))?;
    let mut problems = Vec::new();
    let header = &manifest.data.framework;
    let questionnaires = parse_listed(source, manifest_path, &header.questionnaires, &manifest, &mut problems);
    let recommendations = parse_listed(source, manifest_path, &header.recommendations, &manifest, &mut problems);
    let resources = parse_listed(source, manifest_path, &header.resources, &manifest, &mut problems);
    let tests = parse_listed(source, manifest_path, &header.tests, &manifest, &mut problems);
    if !problems.is_empty() {
        return Err(Diagnostics(problems));
    }
    Ok(RawFramework {
        manifest,
        questionnaires,
        recommendations,
        resources,
        tests,
    })
}

fn parse_listed<T: DeserializeOwned>(
    source: &dyn FileSource,
    manifest_path: &str,
    paths: &[toml::Spanned<String>],
    manifest: &Parsed<ManifestFile>,
    problems: &mut Vec<Diagnostic>,
) -> Vec<Parsed<T>> {
    let mut out = Vec::new();
    for path in paths {
        let resolved = resolve(manifest_path, path.get_ref());
        match source.read(&resolved) {
            Ok(file) => match parse_text(file) {
                Ok(parsed) => out.push(parsed),
                Err(d) => problems.push(d),
            },
            Err(reason) => problems.push(manifest.error(
                path.span(),
                format!("cannot read `{}` ({resolved}): {reason}", path.get_ref()),
            )),
        }
    }
    out
}

fn parse_file<T: DeserializeOwned>(source: &dyn FileSource, path: &str) -> Result<Parsed<T>, Diagnostic> {
    let file = source
        .read(path)
        .map_err(|reason| Diagnostic::error(path, None, format!("cannot read the file: {reason}")))?;
    parse_text(file)
}

/// Parses one TOML file into a format struct, turning a syntax or shape error into a diagnostic.
pub fn parse_text<T: DeserializeOwned>(file: SourceFile) -> Result<Parsed<T>, Diagnostic> {
    match toml::from_str::<T>(&file.text) {
        Ok(data) => Ok(Parsed { file, data }),
        Err(err) => {
            let pos = err.span().map(|s| line_col(&file.text, s.start));
            Err(Diagnostic::error(&file.name, pos, err.message().trim_end().to_string()))
        }
    }
}

/// The two-phase framework in `tests/fixtures/mini/`, for unit tests of the engine.
#[cfg(test)]
pub(crate) fn mini_fixture() -> crate::framework::Framework {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mini");
    load(&RulesLocation::Path(path))
        .expect("the mini framework loads")
        .framework
}
