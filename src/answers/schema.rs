//! The JSON Schema of an answers file for a framework: each question with its allowed
//! values, for editors with a TOML language server.

use serde_json::{Map, Value, json};

use super::META_SECTION;
use crate::rules::{AnswerKind, Framework};

/// The JSON Schema of an answers file for a framework: each question with its allowed values.
pub fn schema(framework: &Framework) -> Value {
    let mut sections: Map<String, Value> = Map::new();
    sections.insert(
        META_SECTION.to_string(),
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
        let property = match q.kind {
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
            AnswerKind::Choice => json!({
                "enum": q.values().collect::<Vec<_>>()
            }),
        };
        // The answer alone, or `{ answer = ..., note = "..." }`.
        let with_note = json!({
            "type": "object",
            "additionalProperties": false,
            "required": ["answer"],
            "properties": {
                "answer": property.clone(),
                "note": {"type": "string", "description": "Why this answer, what evidence."},
            },
        });
        let mut property = json!({"anyOf": [property, with_note]});
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
