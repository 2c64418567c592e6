//! JSON Schemas of the file formats, for editors with a TOML language server.
//!
//! The rule-file schemas come from the Rust types they are read into. The answers schema
//! comes from a framework's questions ([`crate::answers::schema()`]).

use clap::ValueEnum;
use serde_json::{Map, Value, json};

use super::files::{FeedbackFile, ManifestFile, QuestionnaireFile, RecommendationsFile, ResourcesFile, TestsFile};

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
    /// A participant feedback survey file.
    Feedback,
    /// Any rule file: a manifest, recommendations, resources or tests.
    Rules,
    /// An answers file for the chosen framework.
    Answers,
}

impl SchemaKind {
    /// Every kind, in the order listed in help.
    pub const ALL: [SchemaKind; 8] = [
        SchemaKind::Framework,
        SchemaKind::Questionnaire,
        SchemaKind::Recommendations,
        SchemaKind::Resources,
        SchemaKind::Tests,
        SchemaKind::Feedback,
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
            SchemaKind::Feedback => "feedback",
            SchemaKind::Rules => "rules",
            SchemaKind::Answers => "answers",
        }
    }
}

/// The JSON Schema of a rule file or questionnaire, from the types it is read into;
/// `None` for [`SchemaKind::Answers`], which depends on a framework (see
/// [`crate::answers::schema()`]).
pub fn file_schema(kind: SchemaKind) -> Option<Value> {
    Some(match kind {
        SchemaKind::Framework => schemars::schema_for!(ManifestFile).to_value(),
        SchemaKind::Questionnaire => schemars::schema_for!(QuestionnaireFile).to_value(),
        SchemaKind::Recommendations => schemars::schema_for!(RecommendationsFile).to_value(),
        SchemaKind::Resources => schemars::schema_for!(ResourcesFile).to_value(),
        SchemaKind::Tests => schemars::schema_for!(TestsFile).to_value(),
        SchemaKind::Feedback => schemars::schema_for!(FeedbackFile).to_value(),
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
