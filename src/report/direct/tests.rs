//! The direct renderer against Handlebars: the same text wherever it renders.

use proptest::prelude::*;
use serde_json::{Value as Json, json};

use super::to_value;
use crate::answers::{Syntax, parse};
use crate::io::SourceFile;
use crate::report::format::{Detail, Format, Section};
use crate::report::helpers::Settings;
use crate::report::templates::{Compiled, registry};
use crate::report::{ReportOptions, built_in, context};

/// Both renderers on `entry`: Handlebars' result, and the direct renderer's text (`None`
/// where it leaves the template to Handlebars).
fn both(compiled: &Compiled, entry: &str, data: &impl serde::Serialize) -> (Result<String, String>, Option<String>) {
    let handlebars = compiled.registry().render(entry, data).map_err(|e| e.to_string());
    let direct = to_value(data).ok().and_then(|v| compiled.direct.render(entry, &v));
    (handlebars, direct)
}

/// Every built-in report and section, in every template format, at two widths and with
/// terminal links, over every shipped sample: rendered directly, as Handlebars renders it.
#[test]
fn built_in_reports_render_directly_as_handlebars_renders_them() {
    let framework = crate::test_support::ctq();
    let entries: Vec<&str> = std::iter::once("report")
        .chain(Section::ALL.iter().map(|s| s.name()))
        .collect();
    let settings = [
        Settings::default(),
        Settings {
            width: 40,
            hyperlinks: true,
        },
    ];
    let mut rendered = 0;
    for sample in crate::test_support::samples() {
        let file = SourceFile {
            name: sample.display().to_string(),
            text: std::fs::read_to_string(&sample).unwrap(),
        };
        let answers = parse(&framework, &file, Syntax::Toml).unwrap();
        let assessment = crate::assess::assess(&framework, &answers);
        for detail in [Detail::default(), Detail::All] {
            let options = ReportOptions {
                detail,
                ids: detail == Detail::All,
                paper: None,
            };
            let data = context(&framework, &answers, &assessment, "2026-01-15", &options, None);
            for format in [Format::Text, Format::Markdown, Format::Html] {
                for settings in settings {
                    for entry in &entries {
                        let compiled = built_in::stored_or_compiled(None, format, settings, entry).unwrap();
                        let (handlebars, direct) = both(&compiled, entry, &data);
                        let shown = format!("{} {format:?} {entry} {detail:?} width {}", file.name, settings.width);
                        match handlebars {
                            Ok(text) => {
                                assert_eq!(Some(text), direct, "{shown}");
                                rendered += 1;
                            }
                            // A section whose data the sample has not (a team's).
                            Err(err) => assert_eq!(direct, None, "{shown}: {err}"),
                        }
                    }
                }
            }
        }
    }
    assert!(rendered >= 5 * 2 * 3 * 2 * 7, "{rendered}");
}

/// Names the random templates and data share, so that lookups find something.
const NAMES: &[&str] = &["a", "b", "list", "obj", "0", "1"];

/// Random data: objects keyed by [`NAMES`], lists, text with characters each format
/// escapes, numbers of every kind.
fn data() -> impl Strategy<Value = Json> {
    let leaf = prop_oneof![
        Just(json!(null)),
        any::<bool>().prop_map(Json::from),
        (-3i64..40).prop_map(Json::from),
        prop::sample::select(vec![
            json!(0.0),
            json!(2.5),
            json!(-1.5),
            json!(u64::MAX),
            json!(i64::MIN)
        ]),
        prop::sample::select(vec![
            "",
            "x",
            "two words",
            "<b>&\"'",
            "*_[]`#",
            "\u{1b}[2J",
            "line\nbreak",
            "ünï",
            "3"
        ])
        .prop_map(Json::from),
    ];
    let any = leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Json::Array),
            prop::collection::vec((prop::sample::select(NAMES), inner), 0..4)
                .prop_map(|pairs| Json::Object(pairs.into_iter().map(|(k, v)| (k.to_string(), v)).collect())),
        ]
    });
    // Mostly an object with every name set, as a report's context has its fields.
    prop_oneof![
        1 => any.clone(),
        4 => (any.clone(), any.clone(), prop::collection::vec(any.clone(), 0..4), any)
            .prop_map(|(a, b, list, obj)| json!({"a": a, "b": b, "list": list, "obj": obj, "0": "zero"})),
    ]
}

/// A path a template may read.
fn path() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(NAMES).prop_map(str::to_string),
        prop::sample::select(vec![
            "this",
            "a.b",
            "obj.a",
            "list.0",
            "list.1",
            "list.a",
            "../a",
            "../../a",
            "../list",
            "@root.a",
            "@root.list",
            "@index",
            "@key",
            "@first",
            "@last",
            "@../index",
            "item",
            "item.a",
            "key",
            "this.a",
            "../item",
        ])
        .prop_map(str::to_string),
    ]
}

/// An argument: a path, a literal or a sub-expression.
fn arg() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => path(),
        1 => prop::sample::select(vec!["1", "0", "\"a\"", "\"3\"", "true", "null", "2.5", "-1", "\", \""]).prop_map(str::to_string),
        1 => (prop::sample::select(vec!["eq", "ne", "gt", "lt", "and", "or", "add", "lookup"]), path(), path())
            .prop_map(|(h, a, b)| format!("({h} {a} {b})")),
        1 => (prop::sample::select(vec!["not", "len", "capitalize", "join"]), path()).prop_map(|(h, a)| format!("({h} {a})")),
    ]
}

/// A random template over the helpers and paths reports use.
fn template() -> impl Strategy<Value = String> {
    let leaf = prop_oneof![
        prop::sample::select(vec!["", " ", "text ", "\n", "a\n  b\n", "<&>", "  "]).prop_map(str::to_string),
        path().prop_map(|p| format!("{{{{{p}}}}}")),
        path().prop_map(|p| format!("{{{{{{{p}}}}}}}")),
        (
            prop::sample::select(vec![
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
                "pad",
                "lpad",
                "add",
                "mul",
                "lookup",
                "capitalize",
                "css_string",
                "max_len",
                "link",
                "if",
                "log",
            ]),
            prop::collection::vec(arg(), 0..3),
        )
            .prop_map(|(h, args)| format!("{{{{{h} {}}}}}", args.join(" "))),
        // The partial `p` (see [`with_partial`]), given a context, a hash or both.
        (prop::option::of(path()), prop::option::of(arg())).prop_map(|(context, width)| format!(
            "{{{{> p{}{}}}}}",
            context.map(|c| format!(" {c}")).unwrap_or_default(),
            width.map(|w| format!(" width={w} a=1")).unwrap_or_default()
        )),
    ];
    leaf.prop_recursive(4, 40, 4, |inner| {
        let body = prop::collection::vec(inner, 0..4).prop_map(|parts| parts.concat());
        (
            prop::sample::select(vec![
                "if",
                "unless",
                "each",
                "with",
                "eq",
                "not",
                "wrap width=12 indent=\"> \"",
                "wrap",
                "each_pair",
                "with_as",
            ]),
            arg(),
            body.clone(),
            prop::option::of(body),
        )
            .prop_map(|(helper, arg, body, inverse)| {
                let (open, close) = match helper {
                    "each_pair" => (format!("each {arg} as |item key|"), "each"),
                    "with_as" => (format!("with {arg} as |item|"), "with"),
                    h if h.starts_with("wrap") => (h.to_string(), "wrap"),
                    "eq" => (format!("eq {arg} a"), "eq"),
                    h => (format!("{h} {arg}"), h),
                };
                let inverse = inverse.map(|i| format!("{{{{else}}}}{i}")).unwrap_or_default();
                format!("{{{{#{open}}}}}{body}{inverse}{{{{/{close}}}}}")
            })
    })
}

/// Registers the partial `p` the random templates include: it reads the context it is
/// given, the hash's keys and the blocks around it.
fn with_partial(registry: &mut handlebars::Handlebars<'static>) {
    let p = "[{{this}}|{{a}}|{{#if width}}{{width}}{{/if}}|{{@index}}|{{#each list}}{{../a}}{{/each}}]";
    registry.register_template("p", handlebars::Template::compile(p).unwrap());
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1500, failure_persistence: None, ..ProptestConfig::default() })]

    /// Random templates over random data, in each format: wherever the direct renderer
    /// renders, Handlebars renders the same text.
    #[test]
    fn random_templates_render_directly_as_handlebars_renders_them(
        text in template(),
        data in data(),
        format in prop::sample::select(vec![Format::Text, Format::Markdown, Format::Html]),
        hyperlinks in any::<bool>(),
    ) {
        let Ok(template) = handlebars::Template::compile_with_name(&text, "t".to_string()) else {
            return Ok(());
        };
        let settings = Settings { width: 30, hyperlinks };
        let mut registry = registry(format, settings);
        registry.register_template("t", template);
        with_partial(&mut registry);
        let compiled = Compiled::new(registry, Vec::new(), format, settings);
        let (handlebars, direct) = both(&compiled, "t", &data);
        if let Some(direct) = direct {
            prop_assert_eq!(handlebars, Ok(direct), "{}", text);
        }
    }
}

/// The random templates are not all left to Handlebars: most that Handlebars renders, the
/// direct renderer renders too (else the property above would prove little).
#[test]
fn most_random_templates_render_directly() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let (mut handlebars_ok, mut direct_ok) = (0, 0);
    for _ in 0..400 {
        let text = template().new_tree(&mut runner).unwrap().current();
        let data = data().new_tree(&mut runner).unwrap().current();
        let Ok(template) = handlebars::Template::compile_with_name(&text, "t".to_string()) else {
            continue;
        };
        let settings = Settings::default();
        let mut registry = registry(Format::Html, settings);
        registry.register_template("t", template);
        with_partial(&mut registry);
        let compiled = Compiled::new(registry, Vec::new(), Format::Html, settings);
        let (handlebars, direct) = both(&compiled, "t", &data);
        handlebars_ok += usize::from(handlebars.is_ok());
        direct_ok += usize::from(direct.is_some());
    }
    assert!(handlebars_ok >= 100, "{handlebars_ok}");
    assert!(direct_ok * 10 >= handlebars_ok * 8, "{direct_ok} of {handlebars_ok}");
}

#[test]
fn the_helpers_known_are_those_registered() {
    use super::program::Helper;
    for name in crate::report::helpers::names() {
        assert!(!matches!(Helper::named(name), None | Some(Helper::Other)), "{name}");
    }
    // A name that is not a helper is a value; a helper's name is a helper call.
    let settings = Settings::default();
    let mut registry = registry(Format::Text, settings);
    for (name, text) in [("value", "{{value}}"), ("log", "{{log}}"), ("raw", "{{raw}}")] {
        registry.register_template(name, handlebars::Template::compile(text).unwrap());
    }
    let compiled = Compiled::new(registry, Vec::new(), Format::Text, settings);
    let data = json!({"value": "v", "log": "l", "raw": "r"});
    assert_eq!(both(&compiled, "value", &data).1.as_deref(), Some("v"));
    for helper in ["log", "raw"] {
        let (handlebars, direct) = both(&compiled, helper, &data);
        assert_ne!(
            handlebars.as_deref(),
            Ok(data[helper].as_str().unwrap()),
            "{helper} is a helper"
        );
        assert_eq!(direct, None, "{helper} is left to Handlebars");
    }
}

#[test]
fn templates_with_inline_partials_are_left_to_handlebars() {
    let settings = Settings::default();
    let mut registry = registry(Format::Text, settings);
    let t = "{{#if a}}{{#*inline \"p\"}}inline{{/inline}}{{/if}}{{> p}}";
    registry.register_template("t", handlebars::Template::compile(t).unwrap());
    registry.register_template("p", handlebars::Template::compile("registered").unwrap());
    let compiled = Compiled::new(registry, Vec::new(), Format::Text, settings);
    for a in [true, false] {
        let (handlebars, direct) = both(&compiled, "t", &json!({ "a": a }));
        assert!(handlebars.is_ok(), "{handlebars:?}");
        assert_eq!(direct, None);
    }
}
