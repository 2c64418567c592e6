//! The helpers report templates can use: Handlebars' own, and ours, one file per group,
//! listed and registered here, in one place.

mod css;
mod lists;
mod numbers;
mod text;

use handlebars::{Handlebars, HelperDef};

/// Handlebars' own helpers that templates may use.
const HANDLEBARS: &[&str] = &[
    "if", "unless", "each", "with", "lookup", "eq", "ne", "gt", "gte", "lt", "lte", "and", "or", "not", "len",
];

/// How the helpers that depend on the output write.
#[derive(Debug, Clone, Copy)]
pub struct Settings {
    /// The width `wrap` wraps at when the template gives none.
    pub width: usize,
    /// Whether `link` writes terminal hyperlinks (OSC 8).
    pub hyperlinks: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            width: crate::report::wrap::WIDTH,
            hyperlinks: false,
        }
    }
}

/// Our helpers, by name.
fn ours(settings: Settings) -> Vec<(&'static str, Box<dyn HelperDef + Send + Sync>)> {
    vec![
        ("join", Box::new(lists::join)),
        ("wrap", Box::new(text::Wrap { width: settings.width })),
        (
            "link",
            Box::new(text::Link {
                enabled: settings.hyperlinks,
            }),
        ),
        ("pad", Box::new(text::pad)),
        ("lpad", Box::new(text::lpad)),
        ("max_len", Box::new(lists::max_len)),
        ("add", Box::new(numbers::add)),
        ("mul", Box::new(numbers::mul)),
        ("capitalize", Box::new(text::capitalize)),
        ("css_string", Box::new(css::css_string)),
    ]
}

/// Every helper a template can use, Handlebars' own first, for messages and the README.
pub fn names() -> Vec<&'static str> {
    HANDLEBARS
        .iter()
        .copied()
        .chain(ours(Settings::default()).into_iter().map(|(name, _)| name))
        .collect()
}

/// Registers our helpers.
pub fn register(registry: &mut Handlebars<'_>, settings: Settings) {
    for (name, helper) in ours(settings) {
        registry.register_helper(name, helper);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_helper_listed_is_known_to_a_registry() {
        let mut registry = Handlebars::new();
        register(&mut registry, Settings::default());
        for name in names() {
            let template = format!("{{{{#{name} 1 2}}}}x{{{{/{name}}}}}");
            if let Err(err) = registry.render_template(&template, &serde_json::json!({})) {
                assert!(
                    !matches!(err.reason(), handlebars::RenderErrorReason::HelperNotFound(_)),
                    "{name}: {err}"
                );
            }
        }
    }
}
