//! A respondent's own summary: what they answered (grouped under the phases), what is
//! left, the timeline's dates, and where their answers alone place the organization.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};

use super::app::{Client, Shared};
use super::pages;
use super::respondent::{heading_data, link, open, question_url};
use super::sequence::Sequence;
use crate::answers::AnswerValue;
use crate::rules::AnswerKind;
use crate::survey::{Heading, heading};

/// `GET /r/TOKEN/done`: the respondent's own answers, what is left, and where their
/// answers alone place the organization.
pub async fn done(State(state): State<Shared>, Path(token): Path<String>, client: Client) -> Response {
    let (found, answers) = match open(&state, client, &token) {
        Ok(opened) => opened,
        Err(r) => return r.into_response(),
    };
    let framework = state.store.framework();
    let sequence = Sequence::new(&state, &found.manifest, &answers);
    let remaining: Vec<Value> = sequence
        .ids
        .iter()
        .filter(|id| answers.get(id).is_none())
        .map(|id| json!({ "title": framework.questions[id].title, "url": question_url(&token, id) }))
        .collect();
    let mut groups: Vec<Value> = Vec::new();
    let mut current_key = String::new();
    for id in sequence.ids.iter().filter(|id| answers.get(id).is_some()) {
        let q = &framework.questions[id];
        let h = heading(framework, id);
        let key = h.as_ref().map(Heading::key).unwrap_or_default();
        if groups.is_empty() || key != current_key {
            let label = heading_data(h)
                .get("label")
                .and_then(Value::as_str)
                .unwrap_or("Other questions")
                .to_string();
            groups.push(json!({ "heading": label, "answers": [] }));
            current_key = key;
        }
        let value = answers.get(id).map(AnswerValue::as_text).unwrap_or_default();
        let shown = match q.kind {
            AnswerKind::Choice => q.label(&value).to_string(),
            _ => value.clone(),
        };
        if let Some(Value::Array(list)) = groups.last_mut().and_then(|g| g.get_mut("answers")) {
            list.push(json!({
                "title": q.title,
                "answer": shown,
                "note": answers.notes.get(id),
                "url": question_url(&token, id),
            }));
        }
    }
    let answered = sequence.answered(&answers);
    let stands = (answered > 0).then(|| {
        let a = crate::assess::assess(framework, &answers);
        if a.complete {
            "every phase met".to_string()
        } else {
            a.phase.name.to_string()
        }
    });
    let timeline = framework.timeline.as_ref().map(|t| {
        json!({
            "dated": answers.timeline.len(),
            "total": t.activities.len(),
            "url": link(&token, "/timeline"),
        })
    });
    let data = json!({
        "title": "Your answers",
        "timeline": timeline,
        "answered": answered,
        "total": sequence.ids.len(),
        "remaining": remaining,
        "groups": groups,
        "stands": stands,
        "organization": found.manifest.organization,
    });
    pages::page(StatusCode::OK, "done", &data)
}
