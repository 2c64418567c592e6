//! Text helpers: `wrap`, `link`, `pad`, `lpad`, `capitalize`.

use handlebars::{
    Context, Handlebars, Helper, HelperDef, HelperResult, JsonRender, Output, RenderContext, RenderErrorReason,
    Renderable, StringOutput,
};

use crate::report::wrap::wrapped;

/// The widest `pad`, `lpad` and `wrap` go, in characters; a wider one is a template error.
pub const MAX_WIDTH: u64 = 1000;

/// A width given to a helper: a whole number from `min` to [`MAX_WIDTH`].
fn width(value: Option<&serde_json::Value>, helper: &str, min: u64) -> Result<usize, RenderErrorReason> {
    match value.and_then(serde_json::Value::as_u64) {
        Some(n) if (min..=MAX_WIDTH).contains(&n) => Ok(n as usize),
        _ => Err(RenderErrorReason::Other(format!(
            "`{helper}`: the width must be a whole number from {min} to {MAX_WIDTH}, found {}",
            value.map_or("nothing".to_string(), shown)
        ))),
    }
}

/// A value as a message shows it: short, on one line.
fn shown(value: &serde_json::Value) -> String {
    let text = value.to_string();
    if text.chars().count() > 40 {
        format!("{}…", text.chars().take(40).collect::<String>())
    } else {
        text
    }
}

/// `{{#wrap indent="  "}}…{{/wrap}}`: renders the block, then wraps it at the report's width
/// (78 columns, or the terminal's; `width=N` to change).
pub(super) struct Wrap {
    /// The width when the template gives none.
    pub width: usize,
}

impl HelperDef for Wrap {
    fn call<'reg: 'rc, 'rc>(
        &self,
        h: &Helper<'rc>,
        r: &'reg Handlebars<'reg>,
        ctx: &'rc Context,
        rc: &mut RenderContext<'reg, 'rc>,
        out: &mut dyn Output,
    ) -> HelperResult {
        let indent = h.hash_get("indent").map(|v| v.value().render()).unwrap_or_default();
        if indent.chars().count() as u64 > MAX_WIDTH {
            return Err(
                RenderErrorReason::Other(format!("`wrap`: the indent is longer than {MAX_WIDTH} characters")).into(),
            );
        }
        let width = match h.hash_get("width") {
            Some(w) => width(Some(w.value()), "wrap", 1)?,
            None => self.width,
        };
        let mut inner = StringOutput::new();
        if let Some(t) = h.template() {
            t.render(r, ctx, rc, &mut inner)?;
        }
        let text = inner
            .into_string()
            .map_err(|e| RenderErrorReason::Other(e.to_string()))?;
        out.write(&wrapped(&text, &indent, width))?;
        Ok(())
    }
}

/// `{{link url text}}`: the text, made a hyperlink (OSC 8) on a terminal that shows them;
/// the text alone elsewhere, or when the link is null.
pub(super) struct Link {
    /// Whether to write terminal hyperlinks.
    pub enabled: bool,
}

impl HelperDef for Link {
    fn call<'reg: 'rc, 'rc>(
        &self,
        h: &Helper<'rc>,
        _: &'reg Handlebars<'reg>,
        _: &'rc Context,
        _: &mut RenderContext<'reg, 'rc>,
        out: &mut dyn Output,
    ) -> HelperResult {
        let url = h.param(0).and_then(|p| p.value().as_str()).unwrap_or_default();
        let text = param_str(h, 1);
        // An address with a control character could end the sequence early: never linked.
        out.write(&linked(self.enabled, url, &text))?;
        Ok(())
    }
}

/// `text` linked to `url` with a terminal hyperlink (OSC 8) when `enabled` and the address
/// is safe to write; `text` alone otherwise.
pub fn linked(enabled: bool, url: &str, text: &str) -> String {
    if enabled && !url.is_empty() && !url.chars().any(char::is_control) {
        format!("\x1b]8;;{url}\x1b\\{text}\x1b]8;;\x1b\\")
    } else {
        text.to_string()
    }
}

fn param_str(h: &Helper, i: usize) -> String {
    h.param(i).map(|p| p.value().render()).unwrap_or_default()
}

/// `{{pad value width}}`: the value, padded with spaces on the right to `width` characters
/// (at most [`MAX_WIDTH`]).
pub(super) fn pad(
    h: &Helper,
    _: &Handlebars,
    _: &Context,
    _: &mut RenderContext,
    out: &mut dyn Output,
) -> HelperResult {
    let text = param_str(h, 0);
    let width = width(h.param(1).map(|p| p.value()), "pad", 0)?;
    out.write(&format!("{text:<width$}"))?;
    Ok(())
}

/// `{{lpad value width}}`: the value, padded with spaces on the left to `width` characters
/// (at most [`MAX_WIDTH`]).
pub(super) fn lpad(
    h: &Helper,
    _: &Handlebars,
    _: &Context,
    _: &mut RenderContext,
    out: &mut dyn Output,
) -> HelperResult {
    let text = param_str(h, 0);
    let width = width(h.param(1).map(|p| p.value()), "lpad", 0)?;
    out.write(&format!("{text:>width$}"))?;
    Ok(())
}

// `{{capitalize text}}`: the text with its first letter in upper case.
handlebars::handlebars_helper!(
    capitalize: |s: str| crate::words::capitalized(s)
);
