//! The admin's pages: the assessments, and one assessment with its respondents and the
//! team's combined assessment. The report, its downloads and the comparison with an
//! earlier assessment are in [`super::downloads`].

use std::collections::HashMap;

use axum::extract::rejection::FormRejection;
use axum::extract::{Form, Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use indexmap::IndexMap;
use serde_json::{Value, json};

use super::app::{Client, Shared};
use super::manifest::Manifest;
use super::reports::{self, TeamResult};
use super::sequence::progress_of;
use super::storage::{StoreError, organization_question};
use super::{pages, security, tokens};
use crate::answers::combine::is_identity;
use crate::report::Section;
use crate::rules::AnswerKind;

/// A form's fields by name.
type Fields = HashMap<String, String>;

fn admin(state: &Shared, client: Client, token: &str) -> Result<(), pages::Refusal> {
    state.gate(client.0, || state.store.is_admin(token))
}

/// The assessment `id`, for the admin's token.
pub(super) fn assessment_of(state: &Shared, client: Client, token: &str, id: &str) -> Result<Manifest, pages::Refusal> {
    admin(state, client, token)?;
    state.store.assessment(id).ok_or(pages::Refusal::NotFound)
}

/// Runs a page's work (files, reports, Chromium) off the threads that serve requests.
pub(super) async fn blocking(work: impl FnOnce() -> Response + Send + 'static) -> Response {
    tokio::task::spawn_blocking(work).await.unwrap_or_else(|_| {
        pages::error(
            StatusCode::INTERNAL_SERVER_ERROR,
            "The page cannot be shown",
            "The server could not make this page. Nothing was changed. Try again.",
        )
    })
}

pub(super) fn home_url(token: &str) -> String {
    format!("/admin/{token}")
}

pub(super) fn assessment_url(token: &str, id: &str) -> String {
    format!("/admin/{token}/a/{id}")
}

pub(super) fn day(created: &str) -> &str {
    created.get(..10).unwrap_or(created)
}

fn framework_data(state: &Shared) -> Value {
    let f = state.store.framework();
    json!({ "name": f.name, "id": f.id, "version": f.version })
}

/// The identity questions the admin may set for every respondent (other than the
/// organization's name): the choice questions every respondent of a team must answer alike.
fn identity_questions(state: &Shared) -> Vec<&crate::rules::Question> {
    let organization = organization_question(state.store.framework());
    state
        .store
        .framework()
        .questions
        .values()
        .filter(|q| is_identity(q) && q.kind == AnswerKind::Choice && Some(q.id.as_ref()) != organization)
        .collect()
}

fn home_page(
    state: &Shared,
    token: &str,
    status: StatusCode,
    error: Option<&str>,
    form: &HashMap<String, String>,
) -> Response {
    let assessments: Vec<Value> = state
        .store
        .assessments()
        .iter()
        .map(|(id, m)| {
            json!({
                "url": assessment_url(token, id),
                "organization": m.organization,
                "created": m.created,
                "created_day": day(&m.created),
                "respondents": m.respondents.len(),
            })
        })
        .collect();
    let identity: Vec<Value> = identity_questions(state)
        .iter()
        .map(|q| {
            let chosen = form.get(&*q.id).map(String::as_str).unwrap_or_default();
            json!({
                "name": q.id,
                "field_id": q.id.replace('.', "-"),
                "title": q.title,
                "options": q.choices.iter().map(|(v, l)| json!({ "value": v, "label": l, "selected": v == chosen })).collect::<Vec<_>>(),
            })
        })
        .collect();
    let data = json!({
        "title": "Assessments",
        "framework": framework_data(state),
        "error": error,
        "assessments": assessments,
        "create_url": format!("/admin/{token}/assessments"),
        "csrf": tokens::csrf(state.store.admin_token(), token),
        "organization": form.get("organization").map(String::as_str).unwrap_or_default(),
        "identity": identity,
        "max_name": security::MAX_NAME,
    });
    pages::page(status, "home", &data)
}

/// `GET /admin/ADMIN`: the assessments, and the form that creates one.
pub async fn home(State(state): State<Shared>, Path(token): Path<String>, client: Client) -> Response {
    if let Err(r) = admin(&state, client, &token) {
        return r.into_response();
    }
    home_page(&state, &token, StatusCode::OK, None, &HashMap::new())
}

fn limit_or_error(e: StoreError) -> (StatusCode, String) {
    match e {
        StoreError::Limit(message) => (StatusCode::UNPROCESSABLE_ENTITY, format!("Not done: {message}.")),
        StoreError::Busy(message) | StoreError::Io(message) => (
            StatusCode::INTERNAL_SERVER_ERROR,
            format!("Not done: the server cannot write its data: {message}"),
        ),
        StoreError::NotAsked => (StatusCode::INTERNAL_SERVER_ERROR, "Not done.".to_string()),
    }
}

/// `POST /admin/ADMIN/assessments`: creates an assessment.
pub async fn create(
    State(state): State<Shared>,
    Path(token): Path<String>,
    client: Client,
    headers: HeaderMap,
    form: Result<Form<HashMap<String, String>>, FormRejection>,
) -> Response {
    if let Err(r) = admin(&state, client, &token) {
        return r.into_response();
    }
    let form = match security::accept(state.store.admin_token(), &token, &headers, form, |f: &Fields| {
        f.get("csrf").map(String::as_str)
    }) {
        Ok(form) => form,
        Err(page) => return *page,
    };
    let refuse = |message: String| home_page(&state, &token, StatusCode::UNPROCESSABLE_ENTITY, Some(&message), &form);
    let organization = match security::field(
        "Organization",
        form.get("organization").map(String::as_str),
        true,
        security::MAX_NAME,
    ) {
        Ok(Some(o)) => o,
        Ok(None) => return refuse("Organization: write its name.".into()),
        Err(message) => return refuse(format!("{message}. Nothing was created.")),
    };
    let mut identity = IndexMap::new();
    for q in identity_questions(&state) {
        let Some(value) = form.get(&*q.id).map(|v| v.trim()).filter(|v| !v.is_empty()) else {
            continue;
        };
        if !q.choices.contains_key(value) {
            return refuse(format!(
                "{}: choose one of the answers listed. Nothing was created.",
                q.title
            ));
        }
        identity.insert(q.id.to_string(), value.to_string());
    }
    let saver = std::sync::Arc::clone(&state);
    let result = tokio::task::spawn_blocking(move || saver.store.create_assessment(&organization, identity))
        .await
        .unwrap_or_else(|e| Err(StoreError::Io(e.to_string())));
    match result {
        Ok(id) => pages::see_other(&assessment_url(&token, &id)),
        Err(e) => {
            let (status, message) = limit_or_error(e);
            home_page(&state, &token, status, Some(&message), &form)
        }
    }
}

/// The assessment's page, with an error and the add form's fields when a form failed.
fn assessment_page(
    state: &Shared,
    token: &str,
    id: &str,
    manifest: &Manifest,
    problem: Option<(StatusCode, &str)>,
    form: &HashMap<String, String>,
    base: &str,
) -> Response {
    let (status, error) = match problem {
        Some((status, message)) => (status, Some(message)),
        None => (StatusCode::OK, None),
    };
    let framework = state.store.framework();
    let respondents: Vec<Value> = manifest
        .respondents
        .iter()
        .map(|r| {
            let (progress, problem) = match state.store.read_answers(id, &r.id) {
                Ok(answers) => {
                    let (answered, total) = progress_of(state, manifest, &answers);
                    (format!("{answered} of {total} answered"), None)
                }
                Err(_) => (String::new(), Some("the answers file cannot be read")),
            };
            json!({
                "name": r.name,
                "role": r.role,
                "progress": progress,
                "problem": problem,
                "address": format!("{base}/r/{}", r.token),
            })
        })
        .collect();
    let team = match reports::team(&state.store, id, manifest) {
        Err(problem) => json!({ "problem": problem, "empty": false }),
        Ok(None) => json!({ "problem": null, "empty": true }),
        Ok(Some(team)) => team_view(state, &team, &format!("{}/report", assessment_url(token, id))),
    };
    let pdf = reports::pdf_browser();
    let downloads: Vec<Value> = [
        ("html", "Report (HTML)"),
        ("md", "Report (Markdown)"),
        ("docx", "Report (Word)"),
        ("pdf", "Report (PDF)"),
        ("json", "Assessment (JSON)"),
        ("csv", "Action items (CSV)"),
    ]
    .iter()
    .map(|(ext, label)| {
        if *ext == "pdf" && pdf.is_err() {
            json!({ "label": label, "url": null, "why": "PDF needs Chromium or Google Chrome on the server" })
        } else {
            json!({ "label": label, "url": format!("{}/report.{ext}", assessment_url(token, id)), "why": null })
        }
    })
    .chain(std::iter::once(json!({
        "label": "Every answers file (zip)",
        "url": format!("{}/answers.zip", assessment_url(token, id)),
        "why": null,
    })))
    .collect();
    let earlier: Vec<Value> = earlier_assessments(state, id, manifest)
        .into_iter()
        .map(|(other, m)| {
            json!({
                "url": format!("{}/compare?with={other}", assessment_url(token, id)),
                "created": m.created,
                "created_day": day(&m.created),
            })
        })
        .collect();
    let identity: Vec<Value> = manifest
        .identity
        .iter()
        .filter_map(|(qid, value)| {
            framework
                .questions
                .get(qid)
                .map(|q| json!({ "title": q.title, "answer": q.label(value) }))
        })
        .collect();
    let data = json!({
        "title": manifest.organization,
        "organization": manifest.organization,
        "framework": framework_data(state),
        "created": manifest.created,
        "created_day": day(&manifest.created),
        "identity": identity,
        "error": error,
        "home_url": home_url(token),
        "respondents": respondents,
        "add_url": format!("{}/respondents", assessment_url(token, id)),
        "csrf": tokens::csrf(state.store.admin_token(), token),
        "name": form.get("name").map(String::as_str).unwrap_or_default(),
        "role": form.get("role").map(String::as_str).unwrap_or_default(),
        "max_name": security::MAX_NAME,
        "max_respondents": state.store.limits().respondents,
        "team": team,
        "report_url": format!("{}/report", assessment_url(token, id)),
        "downloads": downloads,
        "answers_dir": state.store.answers_dir(id).display().to_string(),
        "earlier": earlier,
    });
    let mut response = pages::page(status, "assessment", &data);
    // The team's section is the report's own HTML, whose chart keeps its style inline, as on
    // the report's page: inline style is allowed, script still is not.
    response.headers_mut().insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(security::REPORT_CSP),
    );
    response
}

/// The team's assessment as the assessment's page shows it: the report's summary (its
/// steps linked into the full report at `report`) and the team's answers.
fn team_view(state: &Shared, team: &TeamResult, report: &str) -> Value {
    let context = reports::context(state.store.framework(), team, None);
    let summary = reports::section(&context, Section::Summary);
    let spread = if team.assessment.team.is_some() {
        reports::section(&context, Section::Team)
    } else {
        Ok(String::new())
    };
    let stands = if team.assessment.complete {
        "Every phase is met.".to_string()
    } else {
        format!("Phase: {}.", team.assessment.phase.name)
    };
    let basis = if team.respondents == 1 {
        "From one respondent's answers so far; the spread and the disagreements appear when a second answers."
            .to_string()
    } else {
        format!("From the {} respondents' answers combined.", team.respondents)
    };
    match (summary, spread) {
        (Ok(summary), Ok(spread)) => json!({
            // The summary's steps point into the report's actions, on the report's page.
            "summary_html": summary.replace("href=\"#action-", &format!("href=\"{report}#action-")),
            "problem": null, "empty": false, "stands": stands, "basis": basis,
            "team_html": spread,
        }),
        (Err(e), _) | (_, Err(e)) => {
            json!({ "problem": format!("the assessment cannot be shown: {e}"), "empty": false })
        }
    }
}

/// The other assessments of the same organization created before this one, latest first.
pub(super) fn earlier_assessments(state: &Shared, id: &str, manifest: &Manifest) -> Vec<(String, Manifest)> {
    let name = manifest.organization.trim().to_lowercase();
    let mut found: Vec<(String, Manifest)> = state
        .store
        .assessments()
        .into_iter()
        .filter(|(other, m)| {
            other != id && m.organization.trim().to_lowercase() == name && m.created <= manifest.created
        })
        .collect();
    found.reverse();
    found
}

/// `GET /admin/ADMIN/a/ID`: one assessment.
pub async fn assessment(
    State(state): State<Shared>,
    Path((token, id)): Path<(String, String)>,
    client: Client,
    headers: HeaderMap,
) -> Response {
    let manifest = match assessment_of(&state, client, &token, &id) {
        Ok(m) => m,
        Err(r) => return r.into_response(),
    };
    let base = state.base_url(&headers);
    let worker = std::sync::Arc::clone(&state);
    blocking(move || assessment_page(&worker, &token, &id, &manifest, None, &HashMap::new(), &base)).await
}

/// `POST /admin/ADMIN/a/ID/respondents`: adds a respondent.
pub async fn add_respondent(
    State(state): State<Shared>,
    Path((token, id)): Path<(String, String)>,
    client: Client,
    headers: HeaderMap,
    form: Result<Form<HashMap<String, String>>, FormRejection>,
) -> Response {
    let manifest = match assessment_of(&state, client, &token, &id) {
        Ok(m) => m,
        Err(r) => return r.into_response(),
    };
    let form = match security::accept(state.store.admin_token(), &token, &headers, form, |f: &Fields| {
        f.get("csrf").map(String::as_str)
    }) {
        Ok(form) => form,
        Err(page) => return *page,
    };
    let base = state.base_url(&headers);
    let refuse = |status: StatusCode, message: &str| {
        assessment_page(&state, &token, &id, &manifest, Some((status, message)), &form, &base)
    };
    let name = match security::field("Name", form.get("name").map(String::as_str), true, security::MAX_NAME) {
        Ok(Some(n)) => n,
        Ok(None) => return refuse(StatusCode::UNPROCESSABLE_ENTITY, "Name: write the respondent's name."),
        Err(message) => {
            return refuse(
                StatusCode::UNPROCESSABLE_ENTITY,
                &format!("{message}. No respondent was added."),
            );
        }
    };
    let role = match security::field("Role", form.get("role").map(String::as_str), false, security::MAX_NAME) {
        Ok(role) => role,
        Err(message) => {
            return refuse(
                StatusCode::UNPROCESSABLE_ENTITY,
                &format!("{message}. No respondent was added."),
            );
        }
    };
    let saver = std::sync::Arc::clone(&state);
    let aid = id.clone();
    let result = tokio::task::spawn_blocking(move || saver.store.add_respondent(&aid, &name, role.as_deref()))
        .await
        .unwrap_or_else(|e| Err(StoreError::Io(e.to_string())));
    match result {
        Ok(_) => pages::see_other(&assessment_url(&token, &id)),
        Err(e) => {
            let (status, message) = limit_or_error(e);
            let manifest = state.store.assessment(&id).unwrap_or(manifest.clone());
            assessment_page(&state, &token, &id, &manifest, Some((status, &message)), &form, &base)
        }
    }
}
