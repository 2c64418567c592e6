//! The admin's report of an assessment in the page, its downloads (the report in each
//! format, the answers files in a zip), and the comparison with an earlier assessment of
//! the same organization.

use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};

use serde_json::json;

use super::admin::{assessment_of, assessment_url, blocking, day, earlier_assessments, home_url};
use super::app::{Client, Shared};
use super::manifest::Manifest;
use super::{pages, reports, security};
use crate::report::Section;

/// Query of the comparison page.
#[derive(Debug, serde::Deserialize)]
pub struct CompareWith {
    /// The earlier assessment's id.
    with: Option<String>,
}

fn attachment(download: reports::Download, name: &str) -> Response {
    (
        [
            (header::CONTENT_TYPE, download.content_type.to_string()),
            (header::CONTENT_DISPOSITION, format!("attachment; filename=\"{name}\"")),
        ],
        download.bytes,
    )
        .into_response()
}

/// A file name made of the organization's name: lower-case letters, digits and dashes.
fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-');
    let out: String = out.chars().take(60).collect();
    if out.is_empty() { "assessment".to_string() } else { out }
}

fn no_answers() -> Response {
    pages::error(
        StatusCode::NOT_FOUND,
        "No answers yet",
        "No respondent has answered yet, so there is no report. It appears as soon as someone answers.",
    )
}

/// `GET /admin/ADMIN/a/ID/ITEM`: the report in the page (`report`), a download
/// (`report.html`, `.md`, `.docx`, `.pdf`, `.json`, `.csv`, `answers.zip`), or the
/// comparison with an earlier assessment (`compare?with=OTHER`).
pub async fn item(
    State(state): State<Shared>,
    Path((token, id, item)): Path<(String, String, String)>,
    Query(with): Query<CompareWith>,
    client: Client,
) -> Response {
    let manifest = match assessment_of(&state, client, &token, &id) {
        Ok(m) => m,
        Err(r) => return r.into_response(),
    };
    let worker = std::sync::Arc::clone(&state);
    blocking(move || serve_item(&worker, &token, &id, &manifest, &item, with.with.as_deref())).await
}

/// The report's page with a link back to the assessment's page at its top (left out when
/// it is printed); the downloaded report has none.
fn with_way_back(html: Vec<u8>, back: &str) -> Vec<u8> {
    let link = format!(
        "<style>@media print {{ .serve-back {{ display: none; }} }}</style>\n<p class=\"serve-back\" style=\"margin: .6rem 0; font: 1rem system-ui, sans-serif\"><a href=\"{back}\">Back to the assessment</a></p>\n"
    );
    let text = String::from_utf8_lossy(&html);
    let at = text
        .find("<body")
        .and_then(|start| text[start..].find('>').map(|end| start + end + 1));
    match at {
        Some(at) => format!("{}\n{link}{}", &text[..at], &text[at..]).into_bytes(),
        None => html,
    }
}

fn serve_item(state: &Shared, token: &str, id: &str, manifest: &Manifest, item: &str, with: Option<&str>) -> Response {
    let framework = state.store.framework();
    let failed = |e: String| {
        pages::error(
            StatusCode::INTERNAL_SERVER_ERROR,
            "The report cannot be made",
            &format!("The report cannot be made: {e}"),
        )
    };
    let team = |m: &Manifest, aid: &str| reports::team(&state.store, aid, m);
    match item {
        "answers.zip" => match reports::answers_zip(&state.store, id, manifest) {
            Ok(bytes) => attachment(
                reports::Download {
                    bytes,
                    content_type: "application/zip",
                },
                &format!("{}-answers.zip", slug(&manifest.organization)),
            ),
            Err(e) => failed(e),
        },
        "report" => match team(manifest, id) {
            Err(e) => failed(e),
            Ok(None) => no_answers(),
            Ok(Some(t)) => match reports::download(framework, &t, "html") {
                Ok(Some(d)) => (
                    [
                        (header::CONTENT_TYPE, d.content_type),
                        (header::CONTENT_SECURITY_POLICY, security::REPORT_CSP),
                    ],
                    with_way_back(d.bytes, &assessment_url(token, id)),
                )
                    .into_response(),
                Ok(None) => pages::not_found(),
                Err(e) => failed(e),
            },
        },
        "compare" => {
            let Some(other) = with.and_then(|w| state.store.assessment(w).map(|m| (w.to_string(), m))) else {
                return pages::not_found();
            };
            if !earlier_assessments(state, id, manifest)
                .iter()
                .any(|(o, _)| *o == other.0)
            {
                return pages::error(
                    StatusCode::NOT_FOUND,
                    "Nothing to compare",
                    "An assessment is compared with an earlier one of the same organization, and this one is not.",
                );
            }
            match (team(&other.1, &other.0), team(manifest, id)) {
                (Err(e), _) | (_, Err(e)) => failed(e),
                (Ok(None), _) | (_, Ok(None)) => no_answers(),
                (Ok(Some(before)), Ok(Some(after))) => {
                    let mut context = reports::context(framework, &after, None);
                    context.since = Some(reports::since(framework, &before, &after, day(&other.1.created)));
                    match reports::section(&context, Section::Since) {
                        Err(e) => failed(e),
                        Ok(since_html) => pages::page(
                            StatusCode::OK,
                            "compare",
                            &json!({
                                "title": format!("{}: what changed", manifest.organization),
                                "organization": manifest.organization,
                                "home_url": home_url(token),
                                "assessment_url": assessment_url(token, id),
                                "earlier_created": other.1.created,
                                "earlier_day": day(&other.1.created),
                                "created": manifest.created,
                                "created_day": day(&manifest.created),
                                "since_html": since_html,
                            }),
                        ),
                    }
                }
            }
        }
        _ => {
            let Some(ext) = item.strip_prefix("report.") else {
                return pages::not_found();
            };
            if !["html", "md", "docx", "pdf", "json", "csv"].contains(&ext) {
                return pages::not_found();
            }
            if ext == "pdf"
                && let Err(why) = reports::pdf_browser()
            {
                return pages::error(
                    StatusCode::NOT_FOUND,
                    "No PDF on this server",
                    &format!(
                        "The PDF is printed by Chromium or Google Chrome, and this server has neither: {why}. Download the HTML report and print it from a browser instead."
                    ),
                );
            }
            match team(manifest, id) {
                Err(e) => failed(e),
                Ok(None) => no_answers(),
                Ok(Some(t)) => match reports::download(framework, &t, ext) {
                    Ok(Some(d)) => attachment(d, &format!("{}-report.{ext}", slug(&manifest.organization))),
                    Ok(None) => pages::not_found(),
                    Err(e) => failed(e),
                },
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_are_made_only_of_safe_characters() {
        assert_eq!(
            slug("Riverbend Unified School District"),
            "riverbend-unified-school-district"
        );
        assert_eq!(slug("../../etc/passwd\"; x"), "etc-passwd-x");
        assert_eq!(slug("<>"), "assessment");
    }
}
