//! List helpers: `join`, `max_len`.

use handlebars::{Context, Handlebars, Helper, HelperResult, JsonRender, Output, RenderContext};
use serde_json::Value;

/// `{{join list ", "}}` joins strings; `{{join list ", " "field"}}` joins a field of objects.
pub(super) fn join(
    h: &Helper,
    _: &Handlebars,
    _: &Context,
    _: &mut RenderContext,
    out: &mut dyn Output,
) -> HelperResult {
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

// `{{max_len list "field"}}`: the length in characters of the longest `field` of the list's objects.
handlebars::handlebars_helper!(
    max_len: |list: Value, field: str| {
        list.as_array().map_or(0, |items| items.iter().filter_map(|i| i.get(field)).map(|v| v.render().chars().count()).max().unwrap_or(0))
    }
);
