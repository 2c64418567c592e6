//! A respondent's pages: the welcome and one question per page (their summary is in
//! [`super::summary`], the timeline's dates in [`super::timeline`]).
//!
//! The survey's order and skip logic are the terminal survey's ([`crate::survey`]): the
//! questions that apply to the answers so far, in framework order, with the same wording,
//! labels, rubrics, help and resources ([`super::sequence`]). Over the web there is no
//! session: where a respondent goes next is worked out from their answers file alone, so
//! closing the page and opening the link again goes on where they stopped. The
//! organization's identity answers, set by the admin, are not asked.

use axum::extract::rejection::FormRejection;
use axum::extract::{Form, Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use serde_json::{Value, json};

use super::app::{Client, Shared};
use super::pages::Refusal;
use super::sequence::Sequence;
use super::storage::{Found, StoreError};
use super::{pages, security, tokens};
use crate::answers::{AnswerValue, Answers};
use crate::report::in_words;
use crate::rules::{AnswerKind, DONT_KNOW, NOT_APPLICABLE, Question, is_web_link};
use crate::survey::{Heading, heading, parse_input, progress};

/// The fields of a question's form.
#[derive(Debug, Deserialize)]
pub struct AnswerForm {
    /// The CSRF value of the page.
    csrf: Option<String>,
    /// The answer: a choice's value, a number or text.
    answer: Option<String>,
    /// The note on the answer.
    note: Option<String>,
    /// `next`, `back` or `skip`.
    action: Option<String>,
}

/// Query of a question's page: the answers the last save removed.
#[derive(Debug, Deserialize)]
pub struct Shown {
    /// Question ids, comma-separated.
    dropped: Option<String>,
}

pub(super) fn link(token: &str, rest: &str) -> String {
    format!("/r/{token}{rest}")
}

pub(super) fn question_url(token: &str, id: &str) -> String {
    link(token, &format!("/q/{id}"))
}

/// Finds the respondent of a link, counting a failure when there is none.
pub(super) fn find(state: &Shared, client: Client, token: &str) -> Result<Found, Refusal> {
    let mut found = None;
    state.gate(client.0, || {
        found = state.store.respondent(token);
        found.is_some()
    })?;
    found.ok_or(Refusal::NotFound)
}

/// The respondent of a link and their answers as their file holds them now.
pub(super) fn open(state: &Shared, client: Client, token: &str) -> Result<(Found, Answers), Refusal> {
    let found = find(state, client, token)?;
    let answers = read(state, &found)?;
    Ok((found, answers))
}

pub(super) fn read(state: &Shared, found: &Found) -> Result<Answers, Refusal> {
    state
        .store
        .read_answers(&found.assessment, &found.respondent.id)
        .map_err(|_| Refusal::CannotRead)
}

/// How long the survey takes, in words.
fn length(remaining: usize, total: usize) -> String {
    // About half a minute a question, a little more to read the help now and then.
    let minutes = (remaining * 40).div_ceil(60).max(1);
    if remaining == total {
        format!(
            "{total} questions apply to you now (the answers you give may add or remove a few): about {minutes} minutes."
        )
    } else {
        format!("{remaining} of {total} questions are left: about {minutes} minutes.")
    }
}

/// `GET /r/TOKEN`: what the survey is, and the way in.
pub async fn welcome(State(state): State<Shared>, Path(token): Path<String>, client: Client) -> Response {
    let (found, answers) = match open(&state, client, &token) {
        Ok(opened) => opened,
        Err(r) => return r.into_response(),
    };
    let framework = state.store.framework();
    let sequence = Sequence::new(&state, &found.manifest, &answers);
    let answered = sequence.answered(&answers);
    let next = sequence.next_unanswered(framework, &answers, None);
    let phases: Vec<Value> = framework
        .phases
        .iter()
        .map(|p| json!({ "name": p.name, "goal": p.goal }))
        .collect();
    let data = json!({
        "title": framework.name,
        "framework": { "name": framework.name },
        "respondent": found.respondent.name,
        "organization": found.manifest.organization,
        "phases": phases,
        "length": length(sequence.ids.len() - answered, sequence.ids.len()),
        "next_url": next.as_deref().map(|id| question_url(&token, id)),
        "start_label": if answered == 0 { "Start" } else { "Continue" },
        "answered": answered,
        "done_url": link(&token, "/done"),
    });
    pages::page(StatusCode::OK, "welcome", &data)
}

/// What a question's page shows besides the question: an error, the answer typed, the
/// answers the last save removed.
#[derive(Default)]
struct Extra {
    error: Option<String>,
    typed: Option<String>,
    note: Option<String>,
    dropped: Vec<String>,
}

pub(super) fn heading_data(h: Option<Heading<'_>>) -> Value {
    match h {
        Some(Heading::Phase { number, of, phase }) => json!({
            "label": format!("Phase {number} of {of}: {}", phase.name),
            "goal": phase.goal,
        }),
        Some(Heading::Questionnaire(q)) => json!({ "label": q.title, "goal": q.intro }),
        None => Value::Null,
    }
}

fn question_page(
    state: &Shared,
    token: &str,
    found: &Found,
    answers: &Answers,
    q: &Question,
    extra: Extra,
) -> Response {
    let framework = state.store.framework();
    let sequence = Sequence::new(state, &found.manifest, answers);
    let current = answers.get(&q.id);
    let chosen = extra
        .typed
        .clone()
        .or_else(|| current.map(AnswerValue::as_text))
        .unwrap_or_default();
    let mut values: Vec<(&str, &str, bool)> = q.choices.iter().map(|(v, l)| (v.as_str(), l.as_str(), false)).collect();
    if q.not_applicable {
        values.push((NOT_APPLICABLE, "Not applicable", true));
    }
    if q.dont_know {
        values.push((DONT_KNOW, "Don't know", true));
    }
    let options: Vec<Value> = values
        .iter()
        .map(|(value, label, special)| {
            json!({
                "value": value,
                "label": label,
                "rubric": q.rubric.get(*value),
                "checked": *value == chosen,
                "special": special,
            })
        })
        .collect();
    let resources: Vec<Value> = q
        .resources
        .iter()
        .filter_map(|id| framework.resources.get(id))
        .map(|r| {
            json!({
                "title": r.title,
                "type_label": r.kind.label(),
                "duration": r.duration,
                "url": r.url,
                "clickable": r.url.as_deref().is_some_and(is_web_link),
            })
        })
        .collect();
    let kind = match q.kind {
        AnswerKind::Choice => "choice",
        AnswerKind::Integer => "integer",
        AnswerKind::Text => "text",
    };
    let position = progress(framework, answers, &q.id).map_or_else(String::new, |_| {
        let at = sequence.ids.iter().position(|id| **id == *q.id).map_or(0, |i| i + 1);
        format!("{at} of {}", sequence.ids.len())
    });
    let dropped: Vec<&str> = extra
        .dropped
        .iter()
        .filter_map(|id| framework.questions.get(id))
        .map(|q| q.title.as_ref())
        .collect();
    let note = extra
        .note
        .clone()
        .or_else(|| answers.notes.get(&*q.id).cloned())
        .unwrap_or_default();
    let data = json!({
        "title": q.title,
        "heading": heading_data(heading(framework, &q.id)),
        "progress": position,
        "error": extra.error,
        "dropped": dropped,
        "action": question_url(token, &q.id),
        "csrf": tokens::csrf(state.store.admin_token(), token),
        "question": {
            "id": q.id,
            "title": q.title,
            "help": q.help,
            "kind": kind,
            "options": options,
            "min": q.min,
            "max": q.max,
            "value": if q.kind == AnswerKind::Choice { String::new() } else { chosen.clone() },
            "expected": format!("Enter {}.", q.expected()),
            "asked_when": q.when.as_ref().map(|c| in_words(framework, c)),
            "resources": resources,
        },
        "note": note,
        "max_answer": security::MAX_ANSWER,
        "max_note": security::MAX_NOTE,
        "can_back": sequence.previous(framework, &q.id).is_some(),
        "done_url": link(token, "/done"),
    });
    let status = if extra.error.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    pages::page(status, "question", &data)
}

/// The page for a question that is not asked of this respondent now.
fn not_asked(token: &str) -> Response {
    pages::error_with_link(
        StatusCode::CONFLICT,
        "This question is not asked now",
        "Your other answers mean this question does not apply (or it is answered for the whole team). Nothing was saved.",
        (&link(token, ""), "Go on with your survey"),
    )
}

/// `GET /r/TOKEN/q/QUESTION`: one question.
pub async fn question(
    State(state): State<Shared>,
    Path((token, id)): Path<(String, String)>,
    Query(shown): Query<Shown>,
    client: Client,
) -> Response {
    let (found, answers) = match open(&state, client, &token) {
        Ok(opened) => opened,
        Err(r) => return r.into_response(),
    };
    let framework = state.store.framework();
    let Some(q) = framework.questions.get(&id) else {
        return pages::not_found();
    };
    if !Sequence::new(&state, &found.manifest, &answers).contains(&id) {
        return not_asked(&token);
    }
    let dropped = shown
        .dropped
        .map(|d| d.split(',').take(50).map(str::to_string).collect())
        .unwrap_or_default();
    question_page(
        &state,
        &token,
        &found,
        &answers,
        q,
        Extra {
            dropped,
            ..Extra::default()
        },
    )
}

/// What a form's answer means for a question, or the sentence that says why it is not one.
fn interpret(q: &Question, typed: &str) -> Result<AnswerValue, String> {
    match q.kind {
        AnswerKind::Choice => {
            if q.values().any(|v| v == typed) {
                crate::answers::from_text(q, typed).map_err(|e| format!("This is not one of the answers: {e}."))
            } else {
                Err("This is not one of the answers: choose one of those listed.".to_string())
            }
        }
        AnswerKind::Integer | AnswerKind::Text => parse_input(q, typed).map_err(|e| {
            let mut s = e;
            if let Some(first) = s.get_mut(0..1) {
                first.make_ascii_uppercase();
            }
            format!("{s}.")
        }),
    }
}

/// `POST /r/TOKEN/q/QUESTION`: saves the answer (for `next`, and `back` when one is given)
/// and goes on.
pub async fn answer(
    State(state): State<Shared>,
    Path((token, id)): Path<(String, String)>,
    client: Client,
    headers: HeaderMap,
    form: Result<Form<AnswerForm>, FormRejection>,
) -> Response {
    let found = match find(&state, client, &token) {
        Ok(f) => f,
        Err(r) => return r.into_response(),
    };
    let form = match security::accept(state.store.admin_token(), &token, &headers, form, |f: &AnswerForm| {
        f.csrf.as_deref()
    }) {
        Ok(form) => form,
        Err(page) => return *page,
    };
    let answers = match read(&state, &found) {
        Ok(a) => a,
        Err(r) => return r.into_response(),
    };
    let framework = state.store.framework();
    let Some(q) = framework.questions.get(&id) else {
        return pages::not_found();
    };
    let sequence = Sequence::new(&state, &found.manifest, &answers);
    if !sequence.contains(&id) {
        return not_asked(&token);
    }
    let typed = form.answer.as_deref().map(str::trim).unwrap_or_default().to_string();
    let note = form.note.as_deref().map(str::trim).unwrap_or_default().to_string();
    let again = |error: String| {
        question_page(
            &state,
            &token,
            &found,
            &answers,
            q,
            Extra {
                error: Some(error),
                typed: Some(typed.clone()),
                note: Some(note.clone()),
                dropped: Vec::new(),
            },
        )
    };
    let action = form.action.as_deref().unwrap_or("next");
    if !matches!(action, "next" | "back" | "skip") {
        return pages::error(
            StatusCode::BAD_REQUEST,
            "Unknown button",
            "The form was sent with a button this page does not have. Nothing was saved. Use Save and continue, Back or Skip for now.",
        );
    }
    if typed.chars().count() > security::MAX_ANSWER {
        return again(format!(
            "The answer is too long: at most {} characters. Nothing was saved.",
            security::MAX_ANSWER
        ));
    }
    if note.chars().count() > security::MAX_NOTE {
        return again(format!(
            "The note is too long: at most {} characters. Nothing was saved.",
            security::MAX_NOTE
        ));
    }
    let onward = |answers: &Answers, dropped: &[String]| {
        let sequence = Sequence::new(&state, &found.manifest, answers);
        let to = match sequence.next_unanswered(framework, answers, Some(&id)) {
            Some(next) => question_url(&token, &next),
            None => link(&token, "/done"),
        };
        if dropped.is_empty() || to.ends_with("/done") {
            to
        } else {
            format!("{to}?dropped={}", dropped.join(","))
        }
    };
    if action == "skip" {
        return pages::see_other(&onward(&answers, &[]));
    }
    let value = if typed.is_empty() {
        if action == "back" {
            None
        } else if note.is_empty() {
            return again(
                "Choose an answer, or press Skip for now to come back to it later. Nothing was saved.".into(),
            );
        } else {
            return again(
                "Choose an answer to keep your note with: a note goes with an answer. Nothing was saved.".into(),
            );
        }
    } else {
        match interpret(q, &typed) {
            Ok(v) => Some(v),
            Err(message) => return again(format!("{message} Nothing was saved.")),
        }
    };
    let mut dropped = Vec::new();
    let mut answers = answers.clone();
    if let Some(value) = value {
        let saver = std::sync::Arc::clone(&state);
        let (aid, rid, qid) = (found.assessment.clone(), found.respondent.id.clone(), id.clone());
        let note_saved = (!note.is_empty()).then(|| note.clone());
        let saved_value = value.clone();
        let result = tokio::task::spawn_blocking(move || {
            saver
                .store
                .save_answer(&aid, &rid, &qid, saved_value, note_saved.as_deref())
        })
        .await
        .unwrap_or_else(|e| Err(StoreError::Io(format!("the save stopped: {e}"))));
        match result {
            Ok(removed) => {
                dropped = removed;
                crate::survey::set_answer(framework, &mut answers, &id, value);
            }
            Err(StoreError::NotAsked) => return not_asked(&token),
            Err(StoreError::Busy(_)) => {
                return pages::error(
                    StatusCode::SERVICE_UNAVAILABLE,
                    "Your answers are being edited elsewhere",
                    "Another program is editing your answers file just now, so this answer was not saved. Go back, wait a moment and send it again.",
                );
            }
            Err(StoreError::Io(_) | StoreError::Limit(_)) => {
                return pages::error(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "The answer was not saved",
                    "The server could not save this answer; your earlier answers are as they were. Go back and send it again; if it fails again, tell the person who sent you the link.",
                );
            }
        }
    }
    // As the terminal survey does, the timeline's dates are offered once its question
    // is answered.
    let timeline_question = framework
        .timeline
        .as_ref()
        .and_then(|t| t.counts_toward.as_ref())
        .is_some_and(|c| c.question == id);
    if action == "next" && timeline_question && !typed.is_empty() && dropped.is_empty() {
        return pages::see_other(&link(&token, "/timeline"));
    }
    if action == "back" {
        let sequence = Sequence::new(&state, &found.manifest, &answers);
        let to = sequence.previous(framework, &id).unwrap_or(id.clone());
        return pages::see_other(&question_url(&token, &to));
    }
    pages::see_other(&onward(&answers, &dropped))
}
