//! JSON Schemas of the file formats, for editors with a TOML language server.
//!
//! The rule-file schemas come from the Rust types; the answers schema comes from a
//! framework's questions, so it lists each question and its allowed values.

use clap::ValueEnum;
use serde_json::{Map, Value, json};

use crate::framework::{AnswerKind, Framework};
use crate::model::{ManifestFile, QuestionnaireFile, RecommendationsFile, ResourcesFile, TestsFile};

/// The files a schema can describe.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SchemaKind {
    /// A framework manifest (`framework.toml`).
    Framework,
    /// A questionnaire file.
    Questionnaire,
    /// A recommendation rules file.
    Recommendations,
    /// A resource catalogue file.
    Resources,
    /// A golden test file.
    Tests,
    /// Any rule file: a manifest, recommendations, resources or tests.
    Rules,
    /// An answers file for the chosen framework.
    Answers,
}

impl SchemaKind {
    /// Every kind, in the order listed in help.
    pub const ALL: [SchemaKind; 7] = [
        SchemaKind::Framework,
        SchemaKind::Questionnaire,
        SchemaKind::Recommendations,
        SchemaKind::Resources,
        SchemaKind::Tests,
        SchemaKind::Rules,
        SchemaKind::Answers,
    ];

    /// The kind's name on the command line and in `schemas/NAME.schema.json`.
    pub fn name(self) -> &'static str {
        match self {
            SchemaKind::Framework => "framework",
            SchemaKind::Questionnaire => "questionnaire",
            SchemaKind::Recommendations => "recommendations",
            SchemaKind::Resources => "resources",
            SchemaKind::Tests => "tests",
            SchemaKind::Rules => "rules",
            SchemaKind::Answers => "answers",
        }
    }
}

/// The JSON Schema of a rule file or questionnaire, from the types it is read into;
/// `None` for [`SchemaKind::Answers`], which depends on a framework (see [`answers`]).
pub fn file_schema(kind: SchemaKind) -> Option<Value> {
    Some(match kind {
        SchemaKind::Framework => schemars::schema_for!(ManifestFile).to_value(),
        SchemaKind::Questionnaire => schemars::schema_for!(QuestionnaireFile).to_value(),
        SchemaKind::Recommendations => schemars::schema_for!(RecommendationsFile).to_value(),
        SchemaKind::Resources => schemars::schema_for!(ResourcesFile).to_value(),
        SchemaKind::Tests => schemars::schema_for!(TestsFile).to_value(),
        SchemaKind::Rules => {
            // One document: the sub-schemas' definitions move to the root, where their
            // `#/$defs/...` references point.
            let mut defs = Map::new();
            let mut any_of = Vec::new();
            for part in [
                SchemaKind::Framework,
                SchemaKind::Recommendations,
                SchemaKind::Resources,
                SchemaKind::Tests,
            ] {
                let mut sub = file_schema(part)?;
                let object = sub.as_object_mut()?;
                object.remove("$schema");
                if let Some(Value::Object(d)) = object.remove("$defs") {
                    defs.extend(d);
                }
                any_of.push(sub);
            }
            json!({
                "$schema": "https://json-schema.org/draft/2020-12/schema",
                "title": "readiness rule file",
                "description": "Any rule file of a framework: a manifest, recommendations, resources or golden tests.",
                "anyOf": any_of,
                "$defs": defs,
            })
        }
        SchemaKind::Answers => return None,
    })
}

/// The JSON Schema of an answers file for a framework: each question with its allowed values.
pub fn answers(framework: &Framework) -> Value {
    let mut sections: Map<String, Value> = Map::new();
    sections.insert(
        crate::answers::META_SECTION.to_string(),
        json!({
            "type": "object",
            "additionalProperties": false,
            "description": "The framework these answers were written for (optional).",
            "properties": {
                "id": {"const": framework.id, "description": "The framework's id."},
                "version": {"type": "string", "description": format!("The framework version; this one is {}.", framework.version)},
            },
        }),
    );
    for q in framework.questions.values() {
        let (section, key) = q.id.split_once('.').unwrap_or((q.id.as_str(), ""));
        let entry = sections.entry(section.to_string()).or_insert_with(
            || json!({"type": "object", "additionalProperties": false, "properties": {}, "required": []}),
        );
        let mut property = match q.kind {
            AnswerKind::Text => json!({"type": "string"}),
            AnswerKind::Integer => {
                let mut p = json!({"type": "integer"});
                if let Some(min) = q.min {
                    p["minimum"] = json!(min);
                }
                if let Some(max) = q.max {
                    p["maximum"] = json!(max);
                }
                p
            }
            AnswerKind::Choice => json!({"enum": q.choices.keys().collect::<Vec<_>>()}),
        };
        let mut description = q.title.clone();
        if let Some(when) = &q.when {
            description.push_str(&format!(" (asked only when {when})"));
        }
        property["description"] = json!(description);
        entry["properties"][key] = property;
        if q.required {
            entry["required"]
                .as_array_mut()
                .expect("required is a list")
                .push(json!(key));
        }
    }
    let required: Vec<String> = sections
        .iter()
        .filter(|(_, v)| v["required"].as_array().is_some_and(|r| !r.is_empty()))
        .map(|(k, _)| k.clone())
        .collect();
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": format!("readiness answers for {} ({} {})", framework.name, framework.id, framework.version),
        "description": "A question id `section.name` is the key `name` of the table `[section]`.",
        "type": "object",
        "additionalProperties": false,
        "properties": sections,
        "required": required,
    })
}
