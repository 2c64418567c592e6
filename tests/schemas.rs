//! The JSON Schemas shipped in `schemas/` are exactly what `readiness schema` generates,
//! and every shipped TOML file points to the right one with a `#:schema` directive.

mod common;

use std::path::{Path, PathBuf};

use common::root;

use readiness::answers::schema as answers;
use readiness::report::json;
use readiness::rules::schema::{SchemaKind, file_schema};
use readiness::rules::{RulesLocation, built_in_ids, load};

fn shipped(name: &str) -> String {
    let path = root().join("schemas").join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn assert_current(name: &str, generated: &str, command: &str) {
    assert!(
        shipped(name) == generated,
        "schemas/{name} is out of date: regenerate it with `cargo run -- {command} > schemas/{name}`"
    );
}

#[test]
fn rule_file_schemas_are_current() {
    for (kind, name) in [
        (SchemaKind::Framework, "framework"),
        (SchemaKind::Questionnaire, "questionnaire"),
        (SchemaKind::Recommendations, "recommendations"),
        (SchemaKind::Resources, "resources"),
        (SchemaKind::Tests, "tests"),
        (SchemaKind::Feedback, "feedback"),
        (SchemaKind::Rules, "rules"),
    ] {
        let schema = file_schema(kind).expect("a rule-file kind has a fixed schema");
        assert_current(
            &format!("{name}.schema.json"),
            &json(&schema),
            &format!("schema {name}"),
        );
    }
}

#[test]
fn answers_schemas_are_current() {
    for id in built_in_ids() {
        let framework = load(&RulesLocation::BuiltIn(id.into())).unwrap().framework;
        let generated = json(&answers(&framework));
        assert_current(
            &format!("answers-{id}.schema.json"),
            &generated,
            &format!("schema answers --framework {id}"),
        );
        // Every question is in the schema, under its section.
        let value: serde_json::Value = serde_json::from_str(&generated).unwrap();
        for question in framework.questions.keys() {
            let (section, key) = question.split_once('.').unwrap();
            assert!(
                value["properties"][section]["properties"].get(key).is_some(),
                "{id}: {question} is missing from the answers schema"
            );
        }
    }
}

fn toml_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            toml_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "toml") {
            out.push(path);
        }
    }
}

/// The schema a shipped file should point to, from where it lives.
fn expected_schema(relative: &Path) -> String {
    let top = relative.components().next().unwrap().as_os_str().to_str().unwrap();
    let name = relative.file_name().unwrap().to_str().unwrap();
    match (top, name) {
        ("rules", "framework.toml") => "framework".into(),
        ("rules", "recommendations.toml") => "recommendations".into(),
        ("rules", "resources.toml") => "resources".into(),
        ("rules", "tests.toml") => "tests".into(),
        ("questionnaires", "feedback.toml") => "feedback".into(),
        ("questionnaires", _) => "questionnaire".into(),
        ("samples", _) => "answers-ctq".into(),
        other => panic!("no schema known for {other:?}"),
    }
}

#[test]
fn every_shipped_file_points_to_its_schema() {
    let mut files = Vec::new();
    for dir in ["rules", "questionnaires", "samples"] {
        toml_files(&root().join(dir), &mut files);
    }
    assert!(files.len() >= 16, "found only {} files", files.len());
    for path in files {
        let relative = path.strip_prefix(root()).unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        let first = text.lines().next().unwrap_or_default();
        let target = first
            .strip_prefix("#:schema ")
            .unwrap_or_else(|| panic!("{}: the first line is not a #:schema directive", relative.display()));
        let expected = format!("{}.schema.json", expected_schema(relative));
        assert!(
            target.ends_with(&format!("schemas/{expected}")),
            "{}: points to {target}, expected schemas/{expected}",
            relative.display()
        );
        let resolved = path.parent().unwrap().join(target);
        assert!(resolved.is_file(), "{}: {target} does not exist", relative.display());
    }
}
