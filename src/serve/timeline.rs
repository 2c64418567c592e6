//! A respondent's implementation timeline: the dates of the framework's timeline
//! activities, on one page, saved in the `[timeline]` table of their answers file.
//!
//! As the terminal survey offers the dates after the question the timeline counts toward
//! (`how.timeline` in the built-in framework), so does the web survey: saving that
//! question's answer leads here, and the respondent's summary links here at any time.
//! Each activity takes a first and a last day (the last may be left empty for one day);
//! emptying both removes the activity's dates. Every date is checked before anything is
//! written: one bad date shows the page again with the problem beside it, and nothing is
//! saved. Once saved, the page says what the dates show (out of order, too soon, in the
//! past), in the words of the report.

use axum::extract::rejection::FormRejection;
use axum::extract::{Form, Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};

use super::app::{Client, Shared};
use super::pages;
use super::respondent::{find, link, open, question_url, read};
use super::sequence::Sequence;
use super::storage::{Found, StoreError};
use super::{reports, security, tokens};
use crate::answers::{Answers, Dates};
use crate::rules::{Framework, Timeline};
use crate::survey::parse_day;

/// The most characters a date field may hold (a date has ten).
const MAX_DATE: usize = 40;

/// The framework's timeline, or the page that says there is none.
fn timeline_of(framework: &Framework) -> Result<&Timeline, Box<Response>> {
    framework.timeline.as_ref().ok_or_else(|| Box::new(pages::not_found()))
}

/// The field names of an activity's first and last day.
fn field_names(id: &str) -> (String, String) {
    (format!("{id}.start"), format!("{id}.end"))
}

/// What the page shows of one activity besides its title: what was typed and what is wrong.
#[derive(Default, Clone)]
struct Typed {
    start: String,
    end: String,
    error: Option<String>,
}

/// What an activity's two fields mean: dates, nothing (both empty), or the sentence that
/// says what is wrong.
fn dates_of(start: &str, end: &str) -> Result<Option<Dates>, String> {
    let day = |t: &str, which: &str| {
        parse_day(t).ok_or_else(|| {
            format!(
                "The {which} day, \u{201c}{}\u{201d}, is not a date: write it as YYYY-MM-DD.",
                t.trim()
            )
        })
    };
    match (start.trim().is_empty(), end.trim().is_empty()) {
        (true, true) => Ok(None),
        (true, false) => Err("Give the first day too (for one day, give only the first).".into()),
        (false, true) => Ok(Some(Dates::day(day(start, "first")?))),
        (false, false) => {
            let (first, last) = (day(start, "first")?, day(end, "last")?);
            if last < first {
                return Err(format!("The last day ({last}) is before the first ({first})."));
            }
            Ok(Some(Dates {
                start: first,
                end: last,
                done: false,
                location: None,
            }))
        }
    }
}

/// Where the respondent goes after the timeline: the first question without an answer
/// after the one the timeline counts toward, or their summary.
fn onward(state: &Shared, found: &Found, token: &str, answers: &Answers) -> String {
    let framework = state.store.framework();
    let after = framework
        .timeline
        .as_ref()
        .and_then(|t| t.counts_toward.as_ref())
        .map(|c| c.question.as_str());
    let sequence = Sequence::new(state, &found.manifest, answers);
    match sequence.next_unanswered(framework, answers, after) {
        Some(next) => question_url(token, &next),
        None => link(token, "/done"),
    }
}

/// The timeline page: every activity with its dates (as typed, when `typed` is given),
/// and, when nothing is wrong with the form, what the saved dates show.
fn timeline_page(
    state: &Shared,
    found: &Found,
    token: &str,
    answers: &Answers,
    typed: Option<&[Typed]>,
    saved: bool,
) -> Response {
    let framework = state.store.framework();
    let Some(timeline) = &framework.timeline else {
        return pages::not_found();
    };
    let today = reports::today();
    let check = crate::assess::timeline::check(framework, answers, today.parse().ok());
    let activities: Vec<Value> = timeline
        .activities
        .iter()
        .enumerate()
        .map(|(i, activity)| {
            let (start_name, end_name) = field_names(&activity.id);
            let current = answers.timeline.get(&*activity.id);
            let shown = match typed {
                Some(typed) => typed[i].clone(),
                None => Typed {
                    start: current.map(|d| d.start.to_string()).unwrap_or_default(),
                    end: current
                        .filter(|d| d.end != d.start)
                        .map(|d| d.end.to_string())
                        .unwrap_or_default(),
                    error: None,
                },
            };
            json!({
                "id": activity.id,
                "title": activity.title,
                "help": activity.help,
                "ours": activity.ours,
                "start_name": start_name,
                "end_name": end_name,
                "start": shown.start,
                "end": shown.end,
                "error": shown.error,
                "done": current.is_some_and(|d| d.done),
            })
        })
        .collect();
    let has_errors = typed.is_some_and(|t| t.iter().any(|t| t.error.is_some()));
    let findings: Vec<&str> = if has_errors {
        Vec::new()
    } else {
        check
            .as_ref()
            .map(|c| c.findings.iter().map(|f| f.message.as_str()).collect())
            .unwrap_or_default()
    };
    let dated = answers.timeline.len();
    let data = json!({
        "title": "The implementation timeline",
        "action": link(token, "/timeline"),
        "csrf": tokens::csrf(state.store.admin_token(), token),
        "activities": activities,
        "error": has_errors.then_some("Some dates need correcting (see below). Nothing was saved."),
        "saved": saved && !has_errors,
        "findings": findings,
        "today": today,
        "dated": dated,
        "total": timeline.activities.len(),
        "done_url": link(token, "/done"),
        "next_url": onward(state, found, token, answers),
    });
    let status = if has_errors {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    pages::page(status, "timeline", &data)
}

/// `GET /r/TOKEN/timeline`: the timeline's dates, to enter or change.
pub async fn show(State(state): State<Shared>, Path(token): Path<String>, client: Client) -> Response {
    let (found, answers) = match open(&state, client, &token) {
        Ok(opened) => opened,
        Err(r) => return r.into_response(),
    };
    if let Err(page) = timeline_of(state.store.framework()) {
        return *page;
    }
    timeline_page(&state, &found, &token, &answers, None, false)
}

/// `POST /r/TOKEN/timeline`: checks every date, saves them all in one write (`save`), or
/// saves nothing (`skip`), then goes on with the survey.
pub async fn save(
    State(state): State<Shared>,
    Path(token): Path<String>,
    client: Client,
    headers: HeaderMap,
    form: Result<Form<Vec<(String, String)>>, FormRejection>,
) -> Response {
    let found = match find(&state, client, &token) {
        Ok(f) => f,
        Err(r) => return r.into_response(),
    };
    let fields = match security::accept(
        state.store.admin_token(),
        &token,
        &headers,
        form,
        |f: &Vec<(String, String)>| f.iter().find(|(k, _)| k == "csrf").map(|(_, v)| v.as_str()),
    ) {
        Ok(fields) => fields,
        Err(page) => return *page,
    };
    let answers = match read(&state, &found) {
        Ok(a) => a,
        Err(r) => return r.into_response(),
    };
    let framework = state.store.framework();
    let timeline = match timeline_of(framework) {
        Ok(t) => t,
        Err(page) => return *page,
    };
    let field = |name: &str| fields.iter().find(|(k, _)| k == name).map_or("", |(_, v)| v.as_str());
    match field("action") {
        "save" => {}
        "skip" => return pages::see_other(&onward(&state, &found, &token, &answers)),
        _ => {
            return pages::error(
                StatusCode::BAD_REQUEST,
                "Unknown button",
                "The form was sent with a button this page does not have. Nothing was saved. Use Save the dates or Skip the dates for now.",
            );
        }
    }
    let mut typed = Vec::new();
    let mut changes = Vec::new();
    for activity in &timeline.activities {
        let (start_name, end_name) = field_names(&activity.id);
        let (start, end) = (field(&start_name), field(&end_name));
        let mut shown = Typed {
            start: start.to_string(),
            end: end.to_string(),
            error: None,
        };
        if start.chars().count() > MAX_DATE || end.chars().count() > MAX_DATE {
            shown.error = Some("This is too long to be a date: write YYYY-MM-DD.".into());
        } else {
            match dates_of(start, end) {
                Ok(dates) => {
                    let current = answers.timeline.get(&*activity.id);
                    let same = match (&dates, current) {
                        (Some(new), Some(old)) => new.start == old.start && new.end == old.end,
                        (None, None) => true,
                        _ => false,
                    };
                    if !same {
                        changes.push((activity.id.to_string(), dates));
                    }
                }
                Err(message) => shown.error = Some(message),
            }
        }
        typed.push(shown);
    }
    if typed.iter().any(|t| t.error.is_some()) {
        return timeline_page(&state, &found, &token, &answers, Some(&typed), false);
    }
    if !changes.is_empty() {
        let saver = std::sync::Arc::clone(&state);
        let (aid, rid) = (found.assessment.clone(), found.respondent.id.clone());
        let result = tokio::task::spawn_blocking(move || saver.store.save_timeline(&aid, &rid, &changes))
            .await
            .unwrap_or_else(|e| Err(StoreError::Io(format!("the save stopped: {e}"))));
        match result {
            Ok(()) => {}
            Err(StoreError::Busy(_)) => {
                return pages::error(
                    StatusCode::SERVICE_UNAVAILABLE,
                    "Your answers are being edited elsewhere",
                    "Another program is editing your answers file just now, so the dates were not saved. Go back, wait a moment and send them again.",
                );
            }
            Err(_) => {
                return pages::error(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "The dates were not saved",
                    "The server could not save the dates; your earlier answers are as they were. Go back and send them again; if it fails again, tell the person who sent you the link.",
                );
            }
        }
    }
    let answers = match read(&state, &found) {
        Ok(a) => a,
        Err(r) => return r.into_response(),
    };
    // Dates that raise questions are shown before going on; otherwise the survey goes on.
    let check = crate::assess::timeline::check(framework, &answers, reports::today().parse().ok());
    if check.is_some_and(|c| !c.findings.is_empty()) {
        return timeline_page(&state, &found, &token, &answers, None, true);
    }
    pages::see_other(&onward(&state, &found, &token, &answers))
}
