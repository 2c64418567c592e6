//! Loading a framework: read the manifest and the files it names, and parse each one.
//!
//! Parsing only checks each file on its own; validation then checks the references
//! between them and builds the [`Framework`](super::Framework).

use serde::de::DeserializeOwned;

use super::embedded::{EMBEDDED_FRAMEWORKS, Embedded, built_in_ids};
use super::files::{ManifestFile, Parsed, RawFramework, TestsFile};
use super::source::{Disk, FileSource, resolve};
pub use super::validate::Loaded;
use crate::cache;
use crate::diagnostic::{Diagnostic, Diagnostics, Severity};
use crate::io::SourceFile;

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

/// Loads, parses and validates a framework, reporting every problem found.
pub fn load(location: &RulesLocation) -> Result<Loaded, Diagnostics> {
    load_with(location, true)
}

/// [`load`] for commands that do not run the golden test cases: a built-in framework's
/// cases (checked when the program is tested) are then neither parsed nor validated, and
/// the framework has none. A rule set on disk is loaded in full, so that every problem in
/// it is still reported.
///
/// A built-in framework is read from the cache when this build put it there, and put
/// there otherwise (the README's *Files and limits* says where); read from the cache, it
/// comes without its warnings (`readiness check` loads it in full to show them).
pub fn load_without_cases(location: &RulesLocation) -> Result<Loaded, Diagnostics> {
    let RulesLocation::BuiltIn(id) = location else {
        return load_with(location, false);
    };
    let folder = cache::folder();
    if let Some(mut framework) = folder.as_deref().and_then(|f| cache::read::<super::Framework>(f, id)) {
        // The indices are kept; the ids each test shares with its question are not.
        framework.resolve_indices();
        return Ok(Loaded {
            framework,
            warnings: Vec::new(),
        });
    }
    let loaded = load_with(location, false)?;
    if let Some(folder) = folder {
        cache::write(&folder, id, &loaded.framework);
    }
    Ok(loaded)
}

fn load_with(location: &RulesLocation, cases: bool) -> Result<Loaded, Diagnostics> {
    let raw = match location {
        RulesLocation::BuiltIn(id) => {
            let Some((_, manifest)) = EMBEDDED_FRAMEWORKS.iter().find(|(fid, _)| fid == id) else {
                let known = built_in_ids().join(", ");
                return Err(Diagnostics(vec![
                    Diagnostic::error(id.as_str(), None, format!("there is no built-in framework `{id}`"))
                        .with_help(format!("built-in frameworks: {known}")),
                ]));
            };
            parse_all(&Embedded, manifest, cases)?
        }
        RulesLocation::Path(path) => {
            let manifest = if path.is_dir() {
                path.join("framework.toml")
            } else {
                path.clone()
            };
            parse_all(&Disk, &manifest.to_string_lossy(), true)?
        }
    };
    super::validate::validate(raw)
}

/// Reads and parses every file of a framework; with `cases` false, the golden test files
/// are read (their text is part of the framework's digest) but not parsed.
fn parse_all(source: &dyn FileSource, manifest_path: &str, cases: bool) -> Result<RawFramework, Diagnostics> {
    let manifest: Parsed<ManifestFile> = parse_file(source, manifest_path).map_err(|d| Diagnostics(vec![d]))?;
    let mut problems = Vec::new();
    let header = &manifest.data.framework;
    let questionnaires = parse_listed(source, manifest_path, &header.questionnaires, &manifest, &mut problems);
    let recommendations = parse_listed(source, manifest_path, &header.recommendations, &manifest, &mut problems);
    let resources = parse_listed(source, manifest_path, &header.resources, &manifest, &mut problems);
    let tests = if cases {
        parse_listed(source, manifest_path, &header.tests, &manifest, &mut problems)
    } else {
        read_listed(source, manifest_path, &header.tests, &manifest, &mut problems)
            .into_iter()
            .map(|file| Parsed {
                file,
                data: TestsFile { cases: Vec::new() },
            })
            .collect()
    };
    let feedback = parse_listed(
        source,
        manifest_path,
        header.feedback.as_slice(),
        &manifest,
        &mut problems,
    )
    .into_iter()
    .next();
    if !problems.is_empty() {
        return Err(Diagnostics(problems));
    }
    Ok(RawFramework {
        manifest,
        questionnaires,
        recommendations,
        resources,
        tests,
        feedback,
    })
}

fn parse_listed<T: DeserializeOwned>(
    source: &dyn FileSource,
    manifest_path: &str,
    paths: &[toml::Spanned<String>],
    manifest: &Parsed<ManifestFile>,
    problems: &mut Vec<Diagnostic>,
) -> Vec<Parsed<T>> {
    read_listed(source, manifest_path, paths, manifest, problems)
        .into_iter()
        .filter_map(|file| parse_text(file).map_err(|d| problems.push(d)).ok())
        .collect()
}

fn read_listed(
    source: &dyn FileSource,
    manifest_path: &str,
    paths: &[toml::Spanned<String>],
    manifest: &Parsed<ManifestFile>,
    problems: &mut Vec<Diagnostic>,
) -> Vec<SourceFile> {
    let mut out = Vec::new();
    for path in paths {
        let resolved = resolve(manifest_path, path.get_ref());
        match source.read(&resolved) {
            Ok(file) => out.push(file),
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
            let message = err.message().trim_end().to_string();
            Err(match err.span() {
                Some(span) => Diagnostic::at(Severity::Error, &file, span, message),
                None => Diagnostic::error(&file.name, None, message),
            })
        }
    }
}
