//! The JSON Schema of an answers file for a framework: each question with its allowed
//! values, for editors with a TOML language server.

use serde_json::{Map, Value, json};

use super::{META_SECTION, PLAN_SECTION, RESPONDENT_SECTION, TEAM_SECTION, TIMELINE_SECTION};
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
                "assessed": {"type": "string", "format": "date", "description": "The day the answers were given, YYYY-MM-DD (a TOML date such as 2026-01-15): the date `compare` and `assess --since` show."},
            },
        }),
    );
    let who = |file: bool| {
        let mut properties = json!({
            "name": {"type": "string", "description": "The respondent's name."},
            "role": {"type": "string", "description": "The respondent's role (superintendent, principal, ...)."},
        });
        if file {
            properties["file"] = json!({"type": "string", "description": "The file their answers were read from."});
        }
        properties
    };
    sections.insert(
        RESPONDENT_SECTION.to_string(),
        json!({
            "type": "object",
            "additionalProperties": false,
            "description": "Who gave these answers (optional): a team's combined report names each respondent.",
            "properties": who(false),
        }),
    );
    for q in framework.questions.values() {
        let (section, key) = q.id.split_once('.').unwrap_or((q.id.as_ref(), ""));
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
        let mut description = q.title.to_string();
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
    let plan_entry = json!({
        "type": "object",
        "additionalProperties": false,
        "properties": {
            "owner": {"type": "string", "description": "Who sees to it."},
            "due": {"type": "string", "format": "date", "description": "The day it is due, YYYY-MM-DD (a TOML date such as 2026-03-01)."},
            "status": {"type": "string", "description": "Where it stands, in the owner's words."},
        },
    });
    let plan_properties: Map<String, Value> = super::plan::plan_ids(framework)
        .into_iter()
        .map(|id| (id.to_string(), plan_entry.clone()))
        .collect();
    sections.insert(
        PLAN_SECTION.to_string(),
        json!({
            "type": "object",
            "additionalProperties": false,
            "description": "The action plan (optional): an owner, a due date and a status for any important task (`[action_plan.\"how.recruitment\"]`) or recommendation (`[action_plan.how-support-model]`).",
            "properties": plan_properties,
        }),
    );
    if let Some(timeline) = &framework.timeline {
        let date = json!({"type": "string", "format": "date"});
        let range = json!({
            "type": "object",
            "additionalProperties": false,
            "properties": {
                "date": {"type": "string", "format": "date", "description": "The day (instead of start and end)."},
                "start": {"type": "string", "format": "date", "description": "The first day."},
                "end": {"type": "string", "format": "date", "description": "The last day."},
                "done": {"type": "boolean", "description": "The activity is done."},
                "location": {"type": "string", "description": "Where it happens."},
            },
        });
        let activities: Map<String, Value> = timeline
            .activities
            .iter()
            .map(|a| {
                let mut description = a.title.to_string();
                if let Some(help) = &a.help {
                    description.push_str(&format!(" ({help})"));
                }
                (
                    a.id.to_string(),
                    json!({"anyOf": [date.clone(), range.clone()], "description": description}),
                )
            })
            .collect();
        sections.insert(
            TIMELINE_SECTION.to_string(),
            json!({
                "type": "object",
                "additionalProperties": false,
                "description": "The implementation timeline's dates (optional): a date, or { start = ..., end = ... }, per activity.",
                "properties": activities,
            }),
        );
    }
    // A team's combined file (`readiness combine`): each respondent's own answers.
    let mut member = who(true);
    for (name, section) in &sections {
        if ![META_SECTION, RESPONDENT_SECTION, PLAN_SECTION, TIMELINE_SECTION].contains(&name.as_str()) {
            let mut section = section.clone();
            if let Some(o) = section.as_object_mut() {
                o.remove("required");
            }
            member[name] = section;
        }
    }
    let team = json!({
        "type": "array",
        "description": "In a team's combined answers file (`readiness combine`): each respondent's own answers, which keep the spread of answers.",
        "items": {"type": "object", "additionalProperties": false, "properties": member},
    });
    let required: Vec<String> = sections
        .iter()
        .filter(|(_, v)| v["required"].as_array().is_some_and(|r| !r.is_empty()))
        .map(|(k, _)| k.clone())
        .collect();
    let mut properties = sections;
    properties.insert(TEAM_SECTION.to_string(), team);
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": format!("readiness answers for {} ({} {})", framework.name, framework.id, framework.version),
        "description": "A question id `section.name` is the key `name` of the table `[section]`.",
        "type": "object",
        "additionalProperties": false,
        "properties": properties,
        "required": required,
    })
}
