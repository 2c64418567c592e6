//! Human-readable reports, rendered through Handlebars templates.
//!
//! Each format (text, Markdown, HTML) has a set of named templates in `templates/FORMAT/`,
//! built into the binary: `report` (the full report), one per embeddable section
//! (`summary`, `phases`, `tasks`, `recommendations`, `resources`), and partials for the
//! pieces people reuse (`phase`, `task`, `recommendation`, `resource`; in HTML also
//! `chart` and `style`). Every template is also a partial, so a custom template can
//! include any of them with `{{> name}}`. `--templates DIR` replaces or adds templates
//! by file name (`DIR/NAME.hbs`); `--template FILE` renders the user's own template.
//! Templates render in strict mode: a field that does not exist is an error.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use handlebars::{Handlebars, RenderError, RenderErrorReason, TemplateError};

use super::ReportContext;
use super::escape::{html_escape, markdown_escape, text_escape};
use super::format::{Format, Section};
use super::helpers;
use super::partials;
use crate::diagnostic::{Diagnostic, Diagnostics, closest};
use crate::io::{io_reason, read_disk};

macro_rules! templates {
    ($($format:literal: [$($name:literal),* $(,)?]),* $(,)?) => {
        &[$($(($format, $name, include_str!(concat!("../../templates/", $format, "/", $name, ".hbs")))),*),*]
    };
}

/// Every built-in template: format folder, name, text.
pub const BUILT_IN: &[(&str, &str, &str)] = templates![
    "text": ["report", "summary", "phases", "tasks", "recommendations", "resources", "phase", "task", "recommendation", "resource", "team", "since"],
    "markdown": ["report", "summary", "phases", "tasks", "recommendations", "resources", "phase", "task", "recommendation", "resource", "team", "since"],
    "html": ["report", "summary", "phases", "tasks", "recommendations", "resources", "phase", "task", "recommendation", "resource", "chart", "style", "team", "since"],
];

/// What to render.
#[derive(Debug, Clone, Default)]
pub struct RenderOptions {
    /// A folder whose `NAME.hbs` files replace or add templates by name.
    pub templates_dir: Option<PathBuf>,
    /// The user's own template, rendered instead of the report.
    pub template_file: Option<PathBuf>,
    /// Render only this section.
    pub section: Option<Section>,
}

/// A template and where it came from, for messages.
struct Source {
    name: String,
    file: String,
    text: String,
}

/// Reads the templates of `dir`, by file stem; every `.hbs` file is one template.
fn read_dir(dir: &Path) -> Result<Vec<Source>, Diagnostic> {
    let shown = dir.display().to_string();
    let entries = std::fs::read_dir(dir)
        .map_err(|e| Diagnostic::error(&shown, None, format!("cannot read the folder: {}", io_reason(&e))))?;
    let mut paths: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "hbs"))
        .collect();
    paths.sort();
    if paths.is_empty() {
        return Err(Diagnostic::error(&shown, None, "holds no templates").with_help(
            "name each template NAME.hbs after the template it replaces, e.g. report.hbs or recommendation.hbs",
        ));
    }
    paths.iter().map(|p| read_template(p)).collect()
}

fn read_template(path: &Path) -> Result<Source, Diagnostic> {
    let file = read_disk(path).map_err(|reason| {
        Diagnostic::error(
            path.display().to_string(),
            None,
            format!("cannot read the template: {reason}"),
        )
    })?;
    let name = path
        .file_stem()
        .map(|s| s.to_string_lossy().to_string())
        .unwrap_or_default();
    Ok(Source {
        name,
        file: file.name,
        text: file.text,
    })
}

fn template_error(source: &Source, err: &TemplateError) -> Diagnostic {
    let pos = err.pos();
    Diagnostic::error(&source.file, pos, format!("template syntax error: {}", err.reason()))
}

fn render_error(sources: &[Source], err: &RenderError) -> Diagnostic {
    let source = err
        .template_name
        .as_ref()
        .and_then(|n| sources.iter().find(|s| &s.name == n));
    let file = source.map_or_else(
        || err.template_name.clone().unwrap_or_else(|| "template".into()),
        |s| s.file.clone(),
    );
    let pos = match (err.line_no, err.column_no) {
        (Some(l), Some(c)) => Some((l, c)),
        _ => None,
    };
    let (message, help) = match err.reason() {
        RenderErrorReason::MissingVariable(Some(path)) => (
            format!("no field `{path}` in the report context"),
            Some("`readiness context --answers FILE` prints every field".to_string()),
        ),
        RenderErrorReason::PartialNotFound(name) => (
            format!("unknown partial `{name}`"),
            Some(format!(
                "{}the partials are the built-in templates ({}) and the .hbs files of --templates",
                closest(name, sources.iter().map(|s| s.name.as_str()))
                    .map(|best| format!("did you mean `{best}`? "))
                    .unwrap_or_default(),
                sources
                    .iter()
                    .filter(|s| s.file.starts_with("built-in:"))
                    .map(|s| s.name.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            )),
        ),
        RenderErrorReason::HelperNotFound(name) => (
            format!("unknown helper `{name}`"),
            Some(format!("helpers: {}", helpers::names().join(", "))),
        ),
        other => (format!("cannot render: {other}"), None),
    };
    let mut d = Diagnostic::error(&file, pos, message);
    if let Some(help) = help {
        d = d.with_help(help);
    }
    d
}

/// A compiled set of templates for one format, and where each came from.
struct Compiled {
    registry: Handlebars<'static>,
    sources: Vec<Source>,
}

/// Compiles `sources` into a registry for `format`: every template is checked for nesting
/// and compiled once.
fn compile(format: Format, sources: Vec<Source>) -> Result<Compiled, Diagnostics> {
    let mut registry = Handlebars::new();
    registry.set_strict_mode(true);
    match format {
        Format::Html => registry.register_escape_fn(html_escape),
        Format::Markdown => registry.register_escape_fn(markdown_escape),
        Format::Text | Format::Json | Format::Csv => registry.register_escape_fn(text_escape),
    }
    helpers::register(&mut registry);
    let mut problems = Vec::new();
    for source in &sources {
        if let Some(at) = partials::too_deep(&source.text, partials::MAX_NESTING) {
            problems.push(Diagnostic::error(
                &source.file,
                Some(crate::diagnostic::line_col(&source.text, at)),
                format!(
                    "blocks and sub-expressions nest more than {} levels deep here",
                    partials::MAX_NESTING
                ),
            ));
        } else if let Err(err) = registry.register_template_string(&source.name, &source.text) {
            problems.push(template_error(source, &err));
        }
    }
    if !problems.is_empty() {
        return Err(Diagnostics(problems));
    }
    Ok(Compiled { registry, sources })
}

/// The built-in templates of a format folder, as sources.
fn built_in_sources(dir: &str) -> Vec<Source> {
    BUILT_IN
        .iter()
        .filter(|(f, _, _)| *f == dir)
        .map(|(f, name, text)| Source {
            name: (*name).to_string(),
            file: format!("built-in:templates/{f}/{name}.hbs"),
            text: (*text).to_string(),
        })
        .collect()
}

/// The built-in templates of `format`, compiled once per process: a report with neither
/// `--templates` nor `--template` reuses them.
fn built_in(format: Format) -> Result<&'static Compiled, Diagnostics> {
    static TEXT: OnceLock<Result<Compiled, Diagnostics>> = OnceLock::new();
    static MARKDOWN: OnceLock<Result<Compiled, Diagnostics>> = OnceLock::new();
    static HTML: OnceLock<Result<Compiled, Diagnostics>> = OnceLock::new();
    let cell = match format {
        Format::Html => &HTML,
        Format::Markdown => &MARKDOWN,
        Format::Text | Format::Json | Format::Csv => &TEXT,
    };
    cell.get_or_init(|| compile(format, built_in_sources(format.templates_dir().unwrap_or("text"))))
        .as_ref()
        .map_err(Clone::clone)
}

/// Renders a report (or one section of it) in `format`, one of the formats rendered
/// through templates (not JSON). The built-in templates are compiled once per process;
/// `--templates` and `--template` are read and compiled on every call.
pub fn render(format: Format, context: &ReportContext, options: &RenderOptions) -> Result<String, Diagnostics> {
    let entry = if options.template_file.is_some() {
        None
    } else if let Some(section) = options.section {
        Some(section.name().to_string())
    } else {
        Some("report".to_string())
    };
    if options.templates_dir.is_none()
        && let Some(entry) = &entry
    {
        return render_with(built_in(format)?, entry, context);
    }
    let mut sources = built_in_sources(format.templates_dir().unwrap_or("text"));
    if let Some(dir) = &options.templates_dir {
        for own in read_dir(dir).map_err(|d| Diagnostics(vec![d]))? {
            match sources.iter_mut().find(|s| s.name == own.name) {
                Some(existing) => *existing = own,
                None => sources.push(own),
            }
        }
    }
    let entry = match (entry, &options.template_file) {
        (Some(entry), _) => entry,
        (None, Some(path)) => {
            let mut own = read_template(path).map_err(|d| Diagnostics(vec![d]))?;
            // The user's template must not shadow a partial it may include.
            own.name = format!("custom:{}", own.name);
            let name = own.name.clone();
            sources.push(own);
            name
        }
        (None, None) => "report".to_string(),
    };
    render_with(&compile(format, sources)?, &entry, context)
}

/// Renders `entry` from a compiled set, after checking that no partial includes itself.
fn render_with(compiled: &Compiled, entry: &str, context: &ReportContext) -> Result<String, Diagnostics> {
    let Compiled { registry, sources } = compiled;
    partials::check_recursion(entry, |name| {
        let template = registry.get_template(name)?;
        let file = sources.iter().find(|s| s.name == name)?.file.as_str();
        Some((template, file))
    })
    .map_err(Diagnostics::one)?;
    registry
        .render(entry, context)
        .map_err(|err| Diagnostics(vec![render_error(sources, &err)]))
}
