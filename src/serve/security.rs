//! What every response and every form goes through: the security headers, the CSRF check,
//! the size limits of requests and fields, and who the client is (for rate limiting).
//!
//! Links carry their tokens, so pages must not leak them: `Referrer-Policy: no-referrer`
//! and `Cache-Control: no-store`. The Content-Security-Policy allows nothing but the
//! server's own style sheet, forms posted to the server itself, and images in the page:
//! no script runs, whatever text reaches a page. The report's page keeps its own inline
//! styles, so it alone allows inline style (still no script).

use std::net::{IpAddr, Ipv4Addr, SocketAddr};

use axum::extract::rejection::FormRejection;
use axum::extract::{ConnectInfo, Form, Request};
use axum::http::{HeaderMap, HeaderName, HeaderValue, header};
use axum::middleware::Next;
use axum::response::Response;

use super::{pages, tokens};

/// The policy of every page.
pub const CSP: &str = "default-src 'none'; style-src 'self'; script-src 'none'; img-src 'self' data:; \
form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/// The policy of a report shown in the page: its styles are inline.
pub const REPORT_CSP: &str = "default-src 'none'; style-src 'self' 'unsafe-inline'; script-src 'none'; \
img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/// The largest request body accepted (a form with a long note fits many times over).
pub const MAX_BODY: usize = 64 * 1024;

/// The longest answer to a text question, in characters.
pub const MAX_ANSWER: usize = 4000;

/// The longest note on an answer, in characters.
pub const MAX_NOTE: usize = 4000;

/// The longest organization name, respondent name or role, in characters.
pub const MAX_NAME: usize = 200;

/// Adds the security headers to every response that does not set its own policy.
pub async fn headers(request: Request, next: Next) -> Response {
    let mut response = next.run(request).await;
    let h = response.headers_mut();
    let mut set = |name: HeaderName, value: &'static str| {
        if !h.contains_key(&name) {
            h.insert(name, HeaderValue::from_static(value));
        }
    };
    set(header::CONTENT_SECURITY_POLICY, CSP);
    set(header::X_CONTENT_TYPE_OPTIONS, "nosniff");
    set(header::REFERRER_POLICY, "no-referrer");
    set(header::X_FRAME_OPTIONS, "DENY");
    set(header::CACHE_CONTROL, "no-store");
    set(HeaderName::from_static("cross-origin-opener-policy"), "same-origin");
    response
}

/// Whether a form posted through the link with `token` is one the server sent: its `csrf`
/// field is the value derived for that link, and the browser does not say the request came
/// from another site.
pub fn csrf_ok(secret: &str, token: &str, given: Option<&str>, request_headers: &HeaderMap) -> bool {
    let cross_site = request_headers
        .get("sec-fetch-site")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v == "cross-site");
    let expected = tokens::csrf(secret, token);
    !cross_site && given.is_some_and(|g| tokens::same(g, &expected))
}

/// A form posted through the link with `token`, once it is readable and carries the
/// page's CSRF value (`csrf` finds it); otherwise the page that says why, and nothing is done.
pub fn accept<T>(
    secret: &str,
    token: &str,
    request_headers: &HeaderMap,
    form: Result<Form<T>, FormRejection>,
    csrf: impl FnOnce(&T) -> Option<&str>,
) -> Result<T, Box<Response>> {
    let form = match form {
        Ok(Form(form)) => form,
        Err(rejection) => return Err(Box::new(pages::form_rejected(&rejection))),
    };
    if csrf_ok(secret, token, csrf(&form), request_headers) {
        Ok(form)
    } else {
        Err(Box::new(pages::forbidden_form()))
    }
}

/// Who sent a request, for rate limiting: the connection's address, or behind a reverse
/// proxy the last address of `X-Forwarded-For` (the one the proxy added).
pub fn client(parts_extensions: &axum::http::Extensions, request_headers: &HeaderMap, behind_proxy: bool) -> IpAddr {
    if behind_proxy
        && let Some(ip) = request_headers
            .get_all("x-forwarded-for")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .next_back()
            .and_then(|v| v.trim().parse::<IpAddr>().ok())
    {
        return ip;
    }
    parts_extensions
        .get::<ConnectInfo<SocketAddr>>()
        .map_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED), |c| c.0.ip())
}

/// Checks a name-like field: trimmed, not empty when `required`, at most `max` characters,
/// on one line. The error is the sentence the form shows.
pub fn field(label: &str, value: Option<&str>, required: bool, max: usize) -> Result<Option<String>, String> {
    let value = value.map(str::trim).unwrap_or_default();
    if value.is_empty() {
        return if required {
            Err(format!("{label}: write it; it cannot be empty"))
        } else {
            Ok(None)
        };
    }
    let length = value.chars().count();
    if length > max {
        return Err(format!("{label}: at most {max} characters, and this has {length}"));
    }
    if value.chars().any(char::is_control) {
        return Err(format!("{label}: write it on one line, without control characters"));
    }
    Ok(Some(value.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_trimmed_bounded_and_on_one_line() {
        assert_eq!(field("Name", Some("  Dana "), true, 10), Ok(Some("Dana".into())));
        assert_eq!(field("Role", Some("  "), false, 10), Ok(None));
        assert!(field("Name", None, true, 10).unwrap_err().contains("cannot be empty"));
        assert!(
            field("Name", Some("x".repeat(11).as_str()), true, 10)
                .unwrap_err()
                .contains("at most 10")
        );
        assert!(field("Name", Some("a\nb"), true, 10).unwrap_err().contains("one line"));
    }

    #[test]
    fn a_form_from_another_site_or_without_the_value_is_refused() {
        let token = "t".repeat(32);
        let good = tokens::csrf("s", &token);
        let mut h = HeaderMap::new();
        assert!(csrf_ok("s", &token, Some(&good), &h));
        assert!(!csrf_ok("s", &token, None, &h));
        assert!(!csrf_ok("s", &token, Some("nope"), &h));
        assert!(!csrf_ok("s", &"u".repeat(32), Some(&good), &h));
        h.insert("sec-fetch-site", HeaderValue::from_static("cross-site"));
        assert!(!csrf_ok("s", &token, Some(&good), &h));
    }
}
