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
use std::sync::{Mutex, OnceLock, PoisonError};

use handlebars::{Handlebars, RenderError, RenderErrorReason, TemplateError};

use super::ReportContext;
use super::built_in;
use super::direct;
use super::escape::{html_escape_into, markdown_escape_into, text_escape_into};
use super::format::{Format, Section};
use super::frozen;
use super::helpers;
use super::partials;
use super::pieces;
use crate::diagnostic::{Diagnostic, Diagnostics, closest};
use crate::io::{io_reason, read_disk};

macro_rules! templates {
    ($($format:literal: [$($name:literal),* $(,)?]),* $(,)?) => {
        &[$($(($format, $name, include_str!(concat!("../../templates/", $format, "/", $name, ".hbs")))),*),*]
    };
}

/// Every built-in template: format folder, name, text.
pub const BUILT_IN: &[(&str, &str, &str)] = templates![
    "text": ["report", "summary", "phases", "actions", "later", "appendix", "resources", "phase", "action", "task", "resource", "brief", "team", "since", "plan", "plan-document"],
    "markdown": ["report", "summary", "phases", "actions", "later", "appendix", "resources", "phase", "action", "task", "resource", "explain", "team", "since", "plan", "plan-document"],
    "html": ["report", "summary", "phases", "actions", "later", "appendix", "resources", "phase", "action", "task", "resource", "chart", "style", "explain", "team", "since", "plan", "plan-document", "plan-style", "gantt"],
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
    /// Render this built-in template instead of the report (e.g. `plan-document`).
    pub entry: Option<String>,
    /// The width plain text wraps at; `None` for 78 columns.
    pub width: Option<usize>,
    /// Write terminal hyperlinks (OSC 8) in plain text.
    pub hyperlinks: bool,
}

/// A template and where it came from, for messages.
pub(super) struct Source {
    pub(super) name: String,
    file: String,
    text: String,
    /// Built into the binary: compiled in pieces ([`pieces`]), which gives the same template.
    built_in: bool,
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
        built_in: false,
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

/// Renders a report (or one section of it) in `format`, one of the formats rendered
/// through templates (not JSON or DOCX; a PDF's HTML).
pub fn render(format: Format, context: &ReportContext, options: &RenderOptions) -> Result<String, Diagnostics> {
    render_data(format, None, context, options)
}

/// Renders the built-in template `name` of `format` (or the report, a section or the
/// user's template, as `options` say, when `name` is `None`) with any data. The built-in
/// templates an entry needs are compiled once per process for each format, helper settings
/// and entry; `--templates` and `--template` are read and compiled on every call.
pub fn render_data(
    format: Format,
    name: Option<&str>,
    data: &impl serde::Serialize,
    options: &RenderOptions,
) -> Result<String, Diagnostics> {
    let settings = helpers::Settings {
        width: options.width.unwrap_or(super::wrap::WIDTH),
        hyperlinks: options.hyperlinks && matches!(format, Format::Text),
    };
    let entry = if let Some(name) = name {
        Some(name.to_string())
    } else if options.template_file.is_some() {
        None
    } else if let Some(entry) = &options.entry {
        Some(entry.clone())
    } else if let Some(section) = options.section {
        Some(section.name().to_string())
    } else {
        Some("report".to_string())
    };
    if options.templates_dir.is_none()
        && let Some(entry) = &entry
    {
        return render_with(&*built_in::compiled(format, settings, entry)?, entry, data);
    }
    let mut sources = built_in_sources(format);
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
    render_with(&compile(format, settings, sources, None)?, &entry, data)
}

/// Builds a Handlebars registry when it is first needed.
type Compile = Box<dyn FnOnce() -> Handlebars<'static> + Send>;

/// A compiled set of templates, and where each came from.
pub(super) struct Compiled {
    /// The templates for Handlebars; for templates read back from the cache, compiled by
    /// `compile` when first needed (the direct renderer renders most reports without them).
    registry: OnceLock<Handlebars<'static>>,
    compile: Mutex<Option<Compile>>,
    pub(super) sources: Vec<Source>,
    /// The same templates for the direct renderer, which renders what it can without
    /// Handlebars.
    pub(super) direct: direct::Program,
    /// The built-in templates, none of which includes itself (a test checks every entry):
    /// not checked before rendering.
    built_in: bool,
    /// The entries found to include no partial within itself (a set kept for the process
    /// is checked once per entry).
    checked: Mutex<Vec<String>>,
}

impl Compiled {
    /// A compiled set of templates from its registry (made by [`registry`] for `format`
    /// and `settings`) and their sources.
    pub(super) fn new(
        registry: Handlebars<'static>,
        sources: Vec<Source>,
        format: Format,
        settings: helpers::Settings,
    ) -> Compiled {
        let direct = direct::Program::new(
            registry
                .get_templates()
                .iter()
                .filter_map(|(name, t)| Some((name.clone(), frozen::mirror(t)?))),
            escape_into(format),
            settings,
        );
        let built_in = !sources.is_empty() && sources.iter().all(|s| s.built_in);
        Compiled {
            registry: OnceLock::from(registry),
            compile: Mutex::default(),
            sources,
            direct,
            built_in,
            checked: Mutex::default(),
        }
    }

    /// The built-in templates of `format`, read back from the cache as `templates`, in the
    /// direct renderer's form; Handlebars' are made by `compile` when first needed (where
    /// the direct renderer leaves a report to Handlebars, or for its error).
    pub(super) fn stored(
        templates: direct::Templates,
        format: Format,
        settings: helpers::Settings,
        compile: impl FnOnce() -> Handlebars<'static> + Send + 'static,
    ) -> Compiled {
        Compiled {
            direct: direct::Program::ready(templates, escape_into(format), settings),
            registry: OnceLock::new(),
            compile: Mutex::new(Some(Box::new(compile))),
            sources: built_in_sources(format),
            built_in: true,
            checked: Mutex::default(),
        }
    }

    /// The templates for Handlebars.
    pub(super) fn registry(&self) -> &Handlebars<'static> {
        self.registry.get_or_init(|| {
            let compile = self.compile.lock().unwrap_or_else(PoisonError::into_inner).take();
            compile.map_or_else(Handlebars::new, |compile| compile())
        })
    }

    /// The registry and sources, to change the templates before compiling them again.
    pub(super) fn into_parts(self) -> (Handlebars<'static>, Vec<Source>) {
        let _ = self.registry();
        let Compiled { registry, sources, .. } = self;
        (registry.into_inner().unwrap_or_default(), sources)
    }
}

/// The built-in templates of a format, as sources.
pub(super) fn built_in_sources(format: Format) -> Vec<Source> {
    let dir = format.templates_dir().unwrap_or("text");
    BUILT_IN
        .iter()
        .filter(|(f, _, _)| *f == dir)
        .map(|(f, name, text)| Source {
            name: (*name).to_string(),
            file: format!("built-in:templates/{f}/{name}.hbs"),
            text: (*text).to_string(),
            built_in: true,
        })
        .collect()
}

/// How templates of `format` escape the values they write, at the end of a string.
pub(super) fn escape_into(format: Format) -> fn(&str, &mut String) {
    match format {
        Format::Html | Format::Pdf => html_escape_into,
        Format::Markdown => markdown_escape_into,
        Format::Text | Format::Json | Format::Csv | Format::Docx => text_escape_into,
    }
}

/// A registry for `format`: strict, with the format's escaping and the helpers.
pub(super) fn registry(format: Format, settings: helpers::Settings) -> Handlebars<'static> {
    let mut registry = Handlebars::new();
    registry.set_strict_mode(true);
    let escape = escape_into(format);
    registry.register_escape_fn(move |text: &str| {
        let mut out = String::with_capacity(text.len());
        escape(text, &mut out);
        out
    });
    helpers::register(&mut registry, settings);
    registry
}

/// Compiles `sources` for `format`: every template is checked for nesting, then compiled.
/// With `entry`, only that template and those it includes (directly or through others)
/// are compiled: rendering it needs no other.
pub(super) fn compile(
    format: Format,
    settings: helpers::Settings,
    sources: Vec<Source>,
    entry: Option<&str>,
) -> Result<Compiled, Diagnostics> {
    let mut registry = registry(format, settings);
    let mut problems = Vec::new();
    let mut register = |registry: &mut Handlebars<'static>, source: &Source| {
        if let Some(at) = partials::too_deep(&source.text, partials::MAX_NESTING) {
            problems.push(Diagnostic::error(
                &source.file,
                Some(crate::diagnostic::line_col(&source.text, at)),
                format!(
                    "blocks and sub-expressions nest more than {} levels deep here",
                    partials::MAX_NESTING
                ),
            ));
        } else {
            let compiled = if source.built_in {
                pieces::compile(&source.name, &source.text)
            } else {
                handlebars::Template::compile_with_name(&source.text, source.name.clone())
            };
            match compiled {
                Ok(template) => registry.register_template(&source.name, template),
                Err(err) => problems.push(template_error(source, &err)),
            }
        }
    };
    match entry {
        None => sources.iter().for_each(|source| register(&mut registry, source)),
        Some(entry) => {
            let mut todo = vec![entry.to_string()];
            while let Some(name) = todo.pop() {
                if registry.has_template(&name) {
                    continue;
                }
                let Some(source) = sources.iter().find(|s| s.name == name) else {
                    continue; // An inline partial, or an unknown one (reported when rendering).
                };
                register(&mut registry, source);
                if let Some(template) = registry.get_template(&name) {
                    todo.extend(partials::included(template));
                }
            }
        }
    }
    if !problems.is_empty() {
        return Err(Diagnostics(problems));
    }
    Ok(Compiled::new(registry, sources, format, settings))
}

/// Renders `entry` from a compiled set, after checking that no partial includes itself.
pub(super) fn render_with(
    compiled: &Compiled,
    entry: &str,
    data: &impl serde::Serialize,
) -> Result<String, Diagnostics> {
    let Compiled {
        sources,
        direct,
        built_in,
        checked,
        ..
    } = compiled;
    if !built_in {
        let mut checked = checked.lock().unwrap_or_else(PoisonError::into_inner);
        if !checked.iter().any(|e| e == entry) {
            let registry = compiled.registry();
            partials::check_recursion(entry, |name| {
                let template = registry.get_template(name)?;
                let file = sources.iter().find(|s| s.name == name)?.file.as_str();
                Some((template, file))
            })
            .map_err(Diagnostics::one)?;
            checked.push(entry.to_string());
        }
    }
    // The direct renderer gives the same text where it can render; Handlebars renders the
    // rest, and gives the errors.
    if let Some(text) = direct::to_value(data)
        .ok()
        .and_then(|value| direct.render(entry, &value))
    {
        return Ok(text);
    }
    compiled
        .registry()
        .render(entry, data)
        .map_err(|err| Diagnostics(vec![render_error(sources, &err)]))
}

/// Templates of other HTML documents than reports (the web pages of `readiness serve`),
/// compiled once with the reports' helpers and HTML escaping, in strict mode.
pub struct Pages(Compiled);

impl Pages {
    /// Compiles the templates given as (name, file shown in messages, text); each is also a
    /// partial of the others.
    pub fn compile(templates: &[(&str, &str, &str)]) -> Result<Pages, Diagnostics> {
        let sources = templates
            .iter()
            .map(|(name, file, text)| Source {
                name: (*name).to_string(),
                file: (*file).to_string(),
                text: (*text).to_string(),
                built_in: false,
            })
            .collect();
        compile(Format::Html, helpers::Settings::default(), sources, None).map(Pages)
    }

    /// Renders the template `name` with `data`.
    pub fn render(&self, name: &str, data: &impl serde::Serialize) -> Result<String, Diagnostics> {
        render_with(&self.0, name, data)
    }
}
