//! The pages' templates (`templates/serve/`), compiled once with the reports' Handlebars
//! helpers and HTML escaping, and the responses built from them: a page, an error page,
//! a redirect after a form, the style sheet.

use std::sync::OnceLock;

use axum::extract::rejection::FormRejection;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};

use crate::report::Pages;

macro_rules! pages {
    ($($name:literal),* $(,)?) => {
        &[$(($name, concat!("built-in:templates/serve/", $name, ".hbs"), include_str!(concat!("../../templates/serve/", $name, ".hbs")))),*]
    };
}

/// Every page template: name, file shown in messages, text.
pub const TEMPLATES: &[(&str, &str, &str)] = pages![
    "head",
    "foot",
    "error",
    "home",
    "assessment",
    "compare",
    "welcome",
    "question",
    "timeline",
    "done",
];

/// The style sheet of every page, served at `/static/serve.css`.
pub const STYLE: &str = include_str!("../../templates/serve/serve.css");

fn compiled() -> Result<&'static Pages, String> {
    static PAGES: OnceLock<Result<Pages, String>> = OnceLock::new();
    PAGES
        .get_or_init(|| Pages::compile(TEMPLATES).map_err(|d| d.render(false)))
        .as_ref()
        .map_err(Clone::clone)
}

/// Renders a page's HTML.
pub fn html(name: &str, data: &Value) -> Result<String, String> {
    compiled()?.render(name, data).map_err(|d| d.render(false))
}

/// A page with a status.
pub fn page(status: StatusCode, name: &str, data: &Value) -> Response {
    match html(name, data) {
        Ok(body) => (status, [(header::CONTENT_TYPE, "text/html; charset=utf-8")], body).into_response(),
        Err(message) => (
            StatusCode::INTERNAL_SERVER_ERROR,
            [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
            format!("the page cannot be shown: {message}"),
        )
            .into_response(),
    }
}

/// An error page: a title and a sentence saying what happened and what to do.
pub fn error(status: StatusCode, title: &str, message: &str) -> Response {
    page(
        status,
        "error",
        &json!({ "title": title, "message": message, "onward": null }),
    )
}

/// An error page with a link onward: (address, text).
pub fn error_with_link(status: StatusCode, title: &str, message: &str, link: (&str, &str)) -> Response {
    page(
        status,
        "error",
        &json!({ "title": title, "message": message, "onward": { "url": link.0, "text": link.1 } }),
    )
}

/// The page for a link that leads nowhere. It never says which part of the link is wrong.
pub fn not_found() -> Response {
    error(
        StatusCode::NOT_FOUND,
        "Page not found",
        "There is no page at this address. If someone sent you a link, check that it was copied whole, or ask them for it again.",
    )
}

/// The page for a client that tried too many wrong links.
pub fn too_many() -> Response {
    error(
        StatusCode::TOO_MANY_REQUESTS,
        "Too many wrong links",
        "Too many addresses that lead nowhere were opened from here in a short time. Wait a minute, then open your link again.",
    )
}

/// Why a request goes no further than its link: the page to answer with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// The link leads nowhere ([`not_found`]).
    NotFound,
    /// Too many links that led nowhere ([`too_many`]).
    TooMany,
    /// The respondent's answers file cannot be read.
    CannotRead,
}

impl IntoResponse for Refusal {
    fn into_response(self) -> Response {
        match self {
            Refusal::NotFound => not_found(),
            Refusal::TooMany => too_many(),
            Refusal::CannotRead => error(
                StatusCode::INTERNAL_SERVER_ERROR,
                "Your answers cannot be read",
                "Your answers file cannot be read just now. Nothing was changed. Tell the person who sent you the link.",
            ),
        }
    }
}

/// The page for a form that did not come from this server's page (or from an old one).
pub fn forbidden_form() -> Response {
    error(
        StatusCode::FORBIDDEN,
        "This form cannot be accepted",
        "The form did not come from this page as the server sent it (it may be an old copy, or come from another site). Nothing was saved. Open the page again from your link and send it from there.",
    )
}

/// The page for a form the server cannot read: too large, or not a form.
pub fn form_rejected(rejection: &FormRejection) -> Response {
    if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
        error(
            StatusCode::PAYLOAD_TOO_LARGE,
            "The form is too large",
            &format!(
                "The form sent is larger than {} KiB, more than any answer and note need. Nothing was saved. Shorten the text and send it again.",
                super::security::MAX_BODY / 1024
            ),
        )
    } else {
        error(
            StatusCode::BAD_REQUEST,
            "The form cannot be read",
            "The request is not a form this page sends. Nothing was saved. Open the page again and send its form.",
        )
    }
}

/// The redirect after a form is handled: the browser asks for `to` with GET.
pub fn see_other(to: &str) -> Response {
    (StatusCode::SEE_OTHER, [(header::LOCATION, to.to_string())]).into_response()
}

/// The style sheet.
pub async fn style() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        STYLE,
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_page_template_compiles() {
        compiled().unwrap();
    }

    #[test]
    fn user_text_is_escaped_on_an_error_page() {
        let body = html(
            "error",
            &json!({ "title": "<script>alert(1)</script>", "message": "a & b", "onward": null }),
        )
        .unwrap();
        assert!(!body.contains("<script>alert"), "{body}");
        assert!(body.contains("&lt;script&gt;"));
        assert!(body.contains("a &amp; b"));
    }
}
