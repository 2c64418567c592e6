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

use handlebars::{
    Context, Handlebars, Helper, HelperDef, HelperResult, JsonRender, Output, RenderContext, RenderError,
    RenderErrorReason, Renderable, StringOutput, TemplateError,
};
use serde_json::Value;

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::report::ReportContext;

/// The report formats rendered through templates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportFormat {
    /// Plain text for a terminal.
    Text,
    /// GitHub-flavoured Markdown.
    Markdown,
    /// A self-contained HTML page, or an HTML fragment for a section.
    Html,
}

impl ReportFormat {
    /// The folder of `templates/` holding the format's templates.
    pub fn dir(self) -> &'static str {
        match self {
            ReportFormat::Text => "text",
            ReportFormat::Markdown => "markdown",
            ReportFormat::Html => "html",
        }
    }
}

/// The sections `--section` can render on their own.
pub const SECTIONS: [&str; 5] = ["summary", "phases", "tasks", "recommendations", "resources"];

macro_rules! templates {
    ($($format:literal: [$($name:literal),* $(,)?]),* $(,)?) => {
        &[$($(($format, $name, include_str!(concat!("../templates/", $format, "/", $name, ".hbs")))),*),*]
    };
}

/// Every built-in template: format folder, name, text.
pub const BUILT_IN: &[(&str, &str, &str)] = templates![
    "text": ["report", "summary", "phases", "tasks", "recommendations", "resources", "phase", "task", "recommendation", "resource"],
    "markdown": ["report", "summary", "phases", "tasks", "recommendations", "resources", "phase", "task", "recommendation", "resource"],
    "html": ["report", "summary", "phases", "tasks", "recommendations", "resources", "phase", "task", "recommendation", "resource", "chart", "style"],
];

/// What to render.
#[derive(Debug, Clone, Default)]
pub struct RenderOptions {
    /// A folder whose `NAME.hbs` files replace or add templates by name.
    pub templates_dir: Option<PathBuf>,
    /// The user's own template, rendered instead of the report.
    pub template_file: Option<PathBuf>,
    /// Render only this section.
    pub section: Option<String>,
}

/// A template and where it came from, for messages.
struct Source {
    name: String,
    file: String,
    text: String,
}

/// Escapes text for Markdown: no HTML can get in, and no character changes the layout.
/// `&` is escaped only where it would start an entity such as `&amp;`.
fn markdown_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, c) in text.char_indices() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' if starts_entity(&text[i + 1..]) => out.push_str("&amp;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '#' => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

/// Whether the text after a `&` makes it an HTML entity (`amp;`, `#38;`, `#x26;`).
fn starts_entity(rest: &str) -> bool {
    let name: String = rest
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '#')
        .collect();
    !name.is_empty() && rest[name.len()..].starts_with(';')
}

/// Reads the templates of `dir`, by file stem; every `.hbs` file is one template.
fn read_dir(dir: &Path) -> Result<Vec<Source>, Diagnostic> {
    let shown = dir.display().to_string();
    let entries = std::fs::read_dir(dir).map_err(|e| {
        Diagnostic::error(
            &shown,
            None,
            format!("cannot read the folder: {}", crate::source::io_reason(&e)),
        )
    })?;
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
    let file = crate::source::read_disk(path).map_err(|reason| {
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
                crate::diagnostic::closest(name, sources.iter().map(|s| s.name.as_str()))
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
            Some(format!("helpers: {}", HELPERS.join(", "))),
        ),
        other => (format!("cannot render: {other}"), None),
    };
    let mut d = Diagnostic::error(&file, pos, message);
    if let Some(help) = help {
        d = d.with_help(help);
    }
    d
}

/// The helpers templates can use, built-in and ours, for messages and the README.
pub const HELPERS: &[&str] = &[
    "if",
    "unless",
    "each",
    "with",
    "lookup",
    "eq",
    "ne",
    "gt",
    "gte",
    "lt",
    "lte",
    "and",
    "or",
    "not",
    "len",
    "join",
    "wrap",
    "pad",
    "lpad",
    "max_len",
    "add",
    "mul",
    "capitalize",
];

/// `{{#wrap indent="  "}}…{{/wrap}}`: renders the block, then wraps it at 78 columns (`width=N` to change).
struct WrapHelper;

impl HelperDef for WrapHelper {
    fn call<'reg: 'rc, 'rc>(
        &self,
        h: &Helper<'rc>,
        r: &'reg Handlebars<'reg>,
        ctx: &'rc Context,
        rc: &mut RenderContext<'reg, 'rc>,
        out: &mut dyn Output,
    ) -> HelperResult {
        let indent = h.hash_get("indent").map(|v| v.value().render()).unwrap_or_default();
        let width = h.hash_get("width").and_then(|v| v.value().as_u64()).unwrap_or(78) as usize;
        let mut inner = StringOutput::new();
        if let Some(t) = h.template() {
            t.render(r, ctx, rc, &mut inner)?;
        }
        let text = inner
            .into_string()
            .map_err(|e| RenderErrorReason::Other(e.to_string()))?;
        out.write(&crate::render::wrapped(&text, &indent, width))?;
        Ok(())
    }
}

fn param_str(h: &Helper, i: usize) -> String {
    h.param(i).map(|p| p.value().render()).unwrap_or_default()
}

fn param_u64(h: &Helper, i: usize) -> u64 {
    h.param(i).and_then(|p| p.value().as_u64()).unwrap_or(0)
}

/// `{{join list ", "}}` joins strings; `{{join list ", " "field"}}` joins a field of objects.
fn join_helper(h: &Helper, _: &Handlebars, _: &Context, _: &mut RenderContext, out: &mut dyn Output) -> HelperResult {
    let separator = h.param(1).map_or_else(|| ", ".to_string(), |p| p.value().render());
    let field = h.param(2).map(|p| p.value().render());
    let items: Vec<String> = match h.param(0).map(|p| p.value()) {
        Some(Value::Array(items)) => items
            .iter()
            .map(|item| match &field {
                Some(f) => item.get(f).map(JsonRender::render).unwrap_or_default(),
                None => item.render(),
            })
            .collect(),
        _ => Vec::new(),
    };
    out.write(&items.join(&separator))?;
    Ok(())
}

/// `{{pad value width}}`: the value, padded with spaces on the right to `width` characters.
fn pad_helper(h: &Helper, _: &Handlebars, _: &Context, _: &mut RenderContext, out: &mut dyn Output) -> HelperResult {
    let text = param_str(h, 0);
    let width = param_u64(h, 1) as usize;
    out.write(&format!("{text:<width$}"))?;
    Ok(())
}

/// `{{lpad value width}}`: the value, padded with spaces on the left to `width` characters.
fn lpad_helper(h: &Helper, _: &Handlebars, _: &Context, _: &mut RenderContext, out: &mut dyn Output) -> HelperResult {
    let text = param_str(h, 0);
    let width = param_u64(h, 1) as usize;
    out.write(&format!("{text:>width$}"))?;
    Ok(())
}

/// Helpers written with `handlebars_helper!`: `max_len`, `add`, `mul`, `capitalize`.
mod simple {
    use handlebars::JsonRender;
    use serde_json::Value;

    handlebars::handlebars_helper!(max_len: |list: Value, field: str| {
        list.as_array().map_or(0, |items| items.iter().filter_map(|i| i.get(field)).map(|v| v.render().chars().count()).max().unwrap_or(0))
    });
    handlebars::handlebars_helper!(add: |a: i64, b: i64| a + b);
    handlebars::handlebars_helper!(mul: |a: i64, b: i64| a * b);
    handlebars::handlebars_helper!(capitalize: |s: str| {
        let mut chars = s.chars();
        chars.next().map(|c| c.to_uppercase().collect::<String>() + chars.as_str()).unwrap_or_default()
    });
}

/// Renders a report (or one section of it) in `format`.
pub fn render(format: ReportFormat, context: &ReportContext, options: &RenderOptions) -> Result<String, Diagnostics> {
    let mut sources: Vec<Source> = BUILT_IN
        .iter()
        .filter(|(f, _, _)| *f == format.dir())
        .map(|(f, name, text)| Source {
            name: (*name).to_string(),
            file: format!("built-in:templates/{f}/{name}.hbs"),
            text: (*text).to_string(),
        })
        .collect();
    if let Some(dir) = &options.templates_dir {
        for own in read_dir(dir).map_err(|d| Diagnostics(vec![d]))? {
            match sources.iter_mut().find(|s| s.name == own.name) {
                Some(existing) => *existing = own,
                None => sources.push(own),
            }
        }
    }
    let entry = if let Some(path) = &options.template_file {
        let mut own = read_template(path).map_err(|d| Diagnostics(vec![d]))?;
        // The user's template must not shadow a partial it may include.
        own.name = format!("custom:{}", own.name);
        let name = own.name.clone();
        sources.push(own);
        name
    } else if let Some(section) = &options.section {
        if !SECTIONS.contains(&section.as_str()) {
            return Err(Diagnostics(vec![
                Diagnostic::error("--section", None, format!("unknown section `{section}`"))
                    .with_help(format!("sections: {}", SECTIONS.join(", "))),
            ]));
        }
        section.clone()
    } else {
        "report".to_string()
    };

    let mut registry = Handlebars::new();
    registry.set_strict_mode(true);
    match format {
        ReportFormat::Html => registry.register_escape_fn(handlebars::html_escape),
        ReportFormat::Markdown => registry.register_escape_fn(markdown_escape),
        ReportFormat::Text => registry.register_escape_fn(handlebars::no_escape),
    }
    registry.register_helper("wrap", Box::new(WrapHelper));
    registry.register_helper("join", Box::new(join_helper));
    registry.register_helper("pad", Box::new(pad_helper));
    registry.register_helper("lpad", Box::new(lpad_helper));
    registry.register_helper("max_len", Box::new(simple::max_len));
    registry.register_helper("add", Box::new(simple::add));
    registry.register_helper("mul", Box::new(simple::mul));
    registry.register_helper("capitalize", Box::new(simple::capitalize));
    let mut problems = Vec::new();
    for source in &sources {
        if let Err(err) = registry.register_template_string(&source.name, &source.text) {
            problems.push(template_error(source, &err));
        }
    }
    if !problems.is_empty() {
        return Err(Diagnostics(problems));
    }
    registry
        .render(&entry, context)
        .map_err(|err| Diagnostics(vec![render_error(&sources, &err)]))
}
