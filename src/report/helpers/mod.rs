//! The helpers report templates can use: Handlebars' own, and ours, one file per group,
//! listed and registered here, in one place.

mod css;
mod lists;
mod numbers;
mod text;

use handlebars::{Handlebars, HelperDef};

pub use css::quoted as css_quoted;
pub use text::{MAX_WIDTH, linked};

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
        ("add", Box::new(numbers::ADD)),
        ("mul", Box::new(numbers::MUL)),
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
    use proptest::prelude::*;
    use serde_json::{Value, json};

    /// A registry set up as reports have it: strict, with our helpers.
    fn registry() -> Handlebars<'static> {
        let mut registry = Handlebars::new();
        registry.set_strict_mode(true);
        register(&mut registry, Settings::default());
        registry
    }

    /// Values at the edges: huge and negative numbers, long and odd text, the wrong types.
    fn extreme() -> impl Strategy<Value = Value> {
        prop_oneof![
            Just(json!(null)),
            any::<bool>().prop_map(Value::from),
            any::<i64>().prop_map(Value::from),
            any::<u64>().prop_map(Value::from),
            any::<f64>().prop_map(|f| serde_json::Number::from_f64(f).map_or(json!(0), Value::Number)),
            prop::sample::select(vec![
                json!(0),
                json!(-1),
                json!(65_535),
                json!(65_536),
                json!(1_000),
                json!(1_001),
                json!(i64::MAX),
                json!(i64::MIN),
                json!(u64::MAX),
                json!(1e300),
                json!(""),
                json!("x".repeat(100_000)),
                json!("\u{1b}]0;title\u{7}\u{1b}[2J"),
                json!([]),
                json!([1, "a", null, {"k": "v"}]),
                json!({}),
                json!({"name": "x", "field": [1, 2]}),
            ]),
            ".{0,20}".prop_map(Value::from),
            prop::collection::vec(".{0,5}".prop_map(Value::from), 0..5).prop_map(Value::Array),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 128, failure_persistence: None, ..ProptestConfig::default() })]

        /// Every helper, called with any arguments, renders or fails with a render error:
        /// it never panics, never loops, never writes more than its width limit allows.
        #[test]
        fn every_helper_renders_or_fails_cleanly_on_any_arguments(
            args in prop::collection::vec(extreme(), 0..4),
            width in extreme(),
            indent in extreme(),
        ) {
            let registry = registry();
            let data = json!({"a": args, "width": width, "indent": indent});
            let params: String = (0..args.len()).map(|i| format!(" a.[{i}]")).collect();
            for name in names() {
                for template in [
                    format!("{{{{{name}{params}}}}}"),
                    format!("{{{{#{name}{params} width=width indent=indent}}}}body {{{{a.[0]}}}}{{{{/{name}}}}}"),
                    format!("{{{{{name}{params} width=width}}}}"),
                ] {
                    if let Ok(out) = registry.render_template(&template, &data) {
                        prop_assert!(out.len() < 2_000_000, "{name}: {} bytes", out.len());
                    }
                }
            }
        }
    }

    #[test]
    fn widths_past_the_limit_are_template_errors_not_crashes() {
        let registry = registry();
        for template in [
            "{{pad \"x\" 65536}}",
            "{{lpad \"x\" 1001}}",
            "{{pad \"x\" -1}}",
            "{{pad \"x\" \"wide\"}}",
            "{{pad \"x\"}}",
        ] {
            let err = registry.render_template(template, &json!({})).unwrap_err();
            assert!(
                err.to_string()
                    .contains("the width must be a whole number from 0 to 1000"),
                "{template}: {err}"
            );
        }
        assert_eq!(registry.render_template("{{lpad \"x\" 3}}", &json!({})).unwrap(), "  x");
        let err = registry
            .render_template("{{#wrap width=0}}x{{/wrap}}", &json!({}))
            .unwrap_err();
        assert!(err.to_string().contains("from 1 to 1000"), "{err}");
        let err = registry
            .render_template("{{add 9223372036854775807 1}}", &json!({}))
            .unwrap_err();
        assert!(err.to_string().contains("too large"), "{err}");
        let err = registry.render_template("{{mul \"a\" 1}}", &json!({})).unwrap_err();
        assert!(err.to_string().contains("two whole numbers"), "{err}");
    }

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
