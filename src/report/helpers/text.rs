//! Text helpers: `wrap`, `link`, `pad`, `lpad`, `capitalize`.

use handlebars::{
    Context, Handlebars, Helper, HelperDef, HelperResult, JsonRender, Output, RenderContext, RenderErrorReason,
    Renderable, StringOutput,
};

use crate::report::wrap::wrapped;

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
        let width = h
            .hash_get("width")
            .and_then(|v| v.value().as_u64())
            .unwrap_or(self.width as u64) as usize;
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
        if self.enabled && !url.is_empty() && !url.chars().any(char::is_control) {
            out.write(&format!("\x1b]8;;{url}\x1b\\{text}\x1b]8;;\x1b\\"))?;
        } else {
            out.write(&text)?;
        }
        Ok(())
    }
}

fn param_str(h: &Helper, i: usize) -> String {
    h.param(i).map(|p| p.value().render()).unwrap_or_default()
}

fn param_u64(h: &Helper, i: usize) -> u64 {
    h.param(i).and_then(|p| p.value().as_u64()).unwrap_or(0)
}

/// `{{pad value width}}`: the value, padded with spaces on the right to `width` characters.
pub(super) fn pad(
    h: &Helper,
    _: &Handlebars,
    _: &Context,
    _: &mut RenderContext,
    out: &mut dyn Output,
) -> HelperResult {
    let text = param_str(h, 0);
    let width = param_u64(h, 1) as usize;
    out.write(&format!("{text:<width$}"))?;
    Ok(())
}

/// `{{lpad value width}}`: the value, padded with spaces on the left to `width` characters.
pub(super) fn lpad(
    h: &Helper,
    _: &Handlebars,
    _: &Context,
    _: &mut RenderContext,
    out: &mut dyn Output,
) -> HelperResult {
    let text = param_str(h, 0);
    let width = param_u64(h, 1) as usize;
    out.write(&format!("{text:>width$}"))?;
    Ok(())
}

// `{{capitalize text}}`: the text with its first letter in upper case.
handlebars::handlebars_helper!(
    capitalize: |s: str| {
        let mut chars = s.chars();
        chars.next().map(|c| c.to_uppercase().collect::<String>() + chars.as_str()).unwrap_or_default()
    }
);
