//! `readiness serve` over HTTP: every route, every bad input, and the files on disk after
//! each request. Requests go through the real router (tower's `oneshot`); the last tests
//! run the real binary on a loopback port.

mod common;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use axum::Router;
use axum::body::Body;
use axum::http::{HeaderMap, Request, StatusCode, header};
use readiness::rules::{Framework, RulesLocation, load};
use readiness::serve::app::AppState;
use readiness::serve::{Limits, Store, router};
use scraper::{Html, Selector};
use tower::ServiceExt;

/// A server over a fresh data folder.
struct Server {
    dir: tempfile::TempDir,
    app: Router,
    admin: String,
}

/// A response: status, headers, body as text (bytes for downloads).
struct Reply {
    status: StatusCode,
    headers: HeaderMap,
    bytes: Vec<u8>,
}

impl Reply {
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.bytes).into_owned()
    }

    fn location(&self) -> String {
        self.headers
            .get(header::LOCATION)
            .map(|v| v.to_str().unwrap().to_string())
            .unwrap_or_default()
    }

    fn select(&self, css: &str) -> Vec<String> {
        let doc = Html::parse_document(&self.text());
        let selector = Selector::parse(css).unwrap();
        doc.select(&selector).map(|e| e.html()).collect()
    }

    fn alert(&self) -> String {
        let doc = Html::parse_document(&self.text());
        let selector = Selector::parse("[role=alert]").unwrap();
        doc.select(&selector)
            .map(|e| e.text().collect::<String>())
            .next()
            .unwrap_or_default()
    }
}

fn framework() -> Framework {
    load(&RulesLocation::default()).unwrap().framework
}

fn server_with(framework: Framework, limits: Limits) -> Server {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("data"), framework, limits).unwrap();
    let admin = store.admin_token().to_string();
    let state = Arc::new(AppState::new(store, "127.0.0.1:8080".parse().unwrap(), false, false));
    Server {
        dir,
        app: router(state),
        admin,
    }
}

fn server() -> Server {
    server_with(framework(), Limits::default())
}

/// A form body, every byte but letters and digits percent-encoded.
fn form(fields: &[(&str, &str)]) -> String {
    let enc = |s: &str| {
        s.bytes()
            .map(|b| {
                if b.is_ascii_alphanumeric() {
                    (b as char).to_string()
                } else {
                    format!("%{b:02X}")
                }
            })
            .collect::<String>()
    };
    fields
        .iter()
        .map(|(k, v)| format!("{}={}", enc(k), enc(v)))
        .collect::<Vec<_>>()
        .join("&")
}

impl Server {
    fn data(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    async fn send(&self, request: Request<Body>) -> Reply {
        let response = self.app.clone().oneshot(request).await.unwrap();
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = axum::body::to_bytes(response.into_body(), usize::MAX)
            .await
            .unwrap()
            .to_vec();
        Reply { status, headers, bytes }
    }

    async fn get(&self, uri: &str) -> Reply {
        self.send(
            Request::get(uri)
                .header(header::HOST, "example.test:8080")
                .body(Body::empty())
                .unwrap(),
        )
        .await
    }

    async fn post(&self, uri: &str, body: String) -> Reply {
        self.send(
            Request::post(uri)
                .header(header::HOST, "example.test:8080")
                .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                .body(Body::from(body))
                .unwrap(),
        )
        .await
    }

    /// The CSRF value on the page at `uri`.
    async fn csrf(&self, uri: &str) -> String {
        let page = self.get(uri).await;
        assert_eq!(page.status, StatusCode::OK, "{uri}: {}", page.text());
        let doc = Html::parse_document(&page.text());
        let selector = Selector::parse("input[name=csrf]").unwrap();
        doc.select(&selector)
            .next()
            .and_then(|e| e.value().attr("value"))
            .unwrap()
            .to_string()
    }

    fn admin_url(&self, rest: &str) -> String {
        format!("/admin/{}{rest}", self.admin)
    }

    async fn create(&self, organization: &str, org_type: &str) -> String {
        let csrf = self.csrf(&self.admin_url("")).await;
        let reply = self
            .post(
                &self.admin_url("/assessments"),
                form(&[
                    ("csrf", &csrf),
                    ("organization", organization),
                    ("profile.org_type", org_type),
                ]),
            )
            .await;
        assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.text());
        reply.location().rsplit('/').next().unwrap().to_string()
    }

    /// Adds a respondent; returns their token.
    async fn add(&self, assessment: &str, name: &str, role: &str) -> String {
        let page = self.admin_url(&format!("/a/{assessment}"));
        let csrf = self.csrf(&page).await;
        let before = self.links(assessment).await;
        let reply = self
            .post(
                &format!("{page}/respondents"),
                form(&[("csrf", &csrf), ("name", name), ("role", role)]),
            )
            .await;
        assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.text());
        assert_eq!(reply.location(), page);
        let after = self.links(assessment).await;
        assert_eq!(after.len(), before.len() + 1);
        after.last().unwrap().rsplit('/').next().unwrap().to_string()
    }

    /// The respondents' links on the assessment's page.
    async fn links(&self, assessment: &str) -> Vec<String> {
        let page = self.get(&self.admin_url(&format!("/a/{assessment}"))).await;
        let doc = Html::parse_document(&page.text());
        let selector = Selector::parse(".respondent-link").unwrap();
        doc.select(&selector).map(|e| e.text().collect::<String>()).collect()
    }

    fn answers_file(&self, assessment: &str, respondent: &str) -> PathBuf {
        self.data()
            .join("assessments")
            .join(assessment)
            .join("answers")
            .join(format!("{respondent}.toml"))
    }

    /// Answers a question through its form.
    async fn answer(&self, token: &str, question: &str, fields: &[(&str, &str)]) -> Reply {
        let uri = format!("/r/{token}/q/{question}");
        let csrf = self.csrf(&uri).await;
        let mut all = vec![("csrf", csrf.as_str())];
        all.extend_from_slice(fields);
        self.post(&uri, form(&all)).await
    }
}

/// Every file under a folder, with its contents: what a request wrote, or did not.
fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else { continue };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push((p.clone(), std::fs::read(&p).unwrap()));
            }
        }
    }
    out.sort();
    out
}

fn assert_secure_headers(reply: &Reply) {
    let csp = reply.headers[header::CONTENT_SECURITY_POLICY].to_str().unwrap();
    assert!(csp.contains("default-src 'none'"), "{csp}");
    assert!(csp.contains("script-src 'none'"), "{csp}");
    assert!(csp.contains("frame-ancestors 'none'"), "{csp}");
    assert_eq!(reply.headers[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
    assert_eq!(reply.headers[header::REFERRER_POLICY], "no-referrer");
}

#[tokio::test]
async fn the_admin_page_opens_only_with_the_admin_token_and_every_page_has_the_headers() {
    let s = server();
    let home = s.get(&s.admin_url("")).await;
    assert_eq!(home.status, StatusCode::OK);
    assert_secure_headers(&home);
    assert_eq!(home.headers[header::CACHE_CONTROL], "no-store");
    assert!(home.text().contains("Create an assessment"));
    assert_eq!(home.select("button").concat().matches("Create assessment").count(), 1);
    // A wrong token, a token of the right shape, a respondent's route with the admin's token,
    // anything else: the same 404 page, which says nothing of which part was wrong.
    let other = "A".repeat(32);
    for uri in [
        "/admin/nope".to_string(),
        format!("/admin/{other}"),
        format!("/r/{}", s.admin),
        "/".to_string(),
        "/admin".to_string(),
        format!("/admin/{}/a/a1", s.admin),
        format!("/admin/{}/nothing", s.admin),
    ] {
        let reply = s.get(&uri).await;
        assert_eq!(reply.status, StatusCode::NOT_FOUND, "{uri}");
        assert!(reply.text().contains("Page not found"), "{uri}");
        assert!(!reply.text().contains(&s.admin));
        assert_secure_headers(&reply);
    }
    let css = s.get("/static/serve.css").await;
    assert_eq!(css.status, StatusCode::OK);
    assert!(
        css.headers[header::CONTENT_TYPE]
            .to_str()
            .unwrap()
            .starts_with("text/css")
    );
    assert!(css.text().contains(":focus-visible"));
    // The admin token is kept, private, for the next start.
    let token_file = s.data().join("admin.token");
    assert_eq!(std::fs::read_to_string(&token_file).unwrap().trim(), s.admin);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(
            std::fs::metadata(&token_file).unwrap().permissions().mode() & 0o777,
            0o600
        );
    }
    let again = Store::open(&s.data(), framework(), Limits::default()).unwrap();
    assert_eq!(again.admin_token(), s.admin);
    assert_eq!(s.admin.len(), 32);
}

#[tokio::test]
async fn failed_tokens_are_rate_limited_and_good_ones_then_wait_too() {
    let s = server();
    for i in 0..20 {
        let reply = s.get(&format!("/r/{}{i:02}", "x".repeat(30))).await;
        assert_eq!(reply.status, StatusCode::NOT_FOUND);
    }
    let blocked = s.get(&s.admin_url("")).await;
    assert_eq!(blocked.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(blocked.text().contains("Wait a minute"));
}

#[tokio::test]
async fn creating_an_assessment_checks_every_field_and_writes_nothing_on_bad_input() {
    let s = server();
    let csrf = s.csrf(&s.admin_url("")).await;
    let before = snapshot(&s.data());
    let uri = s.admin_url("/assessments");
    let cases: Vec<(String, StatusCode, &str)> = vec![
        (
            form(&[("organization", "Lakeside")]),
            StatusCode::FORBIDDEN,
            "did not come from this page",
        ),
        (
            form(&[("csrf", "wrong"), ("organization", "Lakeside")]),
            StatusCode::FORBIDDEN,
            "did not come from this page",
        ),
        (
            form(&[("csrf", &csrf), ("organization", "  ")]),
            StatusCode::UNPROCESSABLE_ENTITY,
            "Organization",
        ),
        (
            form(&[("csrf", &csrf), ("organization", &"x".repeat(201))]),
            StatusCode::UNPROCESSABLE_ENTITY,
            "at most 200 characters",
        ),
        (
            form(&[("csrf", &csrf), ("organization", "Two\nlines")]),
            StatusCode::UNPROCESSABLE_ENTITY,
            "one line",
        ),
        (
            form(&[
                ("csrf", &csrf),
                ("organization", "Lakeside"),
                ("profile.org_type", "galaxy"),
            ]),
            StatusCode::UNPROCESSABLE_ENTITY,
            "choose one of the answers",
        ),
        (
            "x".repeat(70 * 1024),
            StatusCode::PAYLOAD_TOO_LARGE,
            "larger than 64 KiB",
        ),
    ];
    for (body, status, message) in cases {
        let reply = s.post(&uri, body).await;
        assert_eq!(reply.status, status, "{}", reply.text());
        assert!(reply.alert().contains(message), "{message}: {}", reply.alert());
        assert_eq!(snapshot(&s.data()), before, "nothing is written on bad input");
    }
    // A form from another site is refused even with the right value.
    let reply = s
        .send(
            Request::post(&uri)
                .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                .header("sec-fetch-site", "cross-site")
                .body(Body::from(form(&[("csrf", &csrf), ("organization", "Lakeside")])))
                .unwrap(),
        )
        .await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN);
    // Not a form at all.
    let reply = s
        .send(
            Request::post(&uri)
                .header(header::CONTENT_TYPE, "application/json")
                .body(Body::from("{}"))
                .unwrap(),
        )
        .await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST);
    assert_eq!(snapshot(&s.data()), before);
    // A good one, then the list shows it.
    let id = s.create("Lakeside Schools", "district").await;
    assert_eq!(id, "a1");
    let manifest = std::fs::read_to_string(s.data().join("assessments/a1/assessment.toml")).unwrap();
    assert!(manifest.contains("organization = \"Lakeside Schools\""), "{manifest}");
    assert!(manifest.contains("\"profile.org_type\" = \"district\""), "{manifest}");
    let home = s.get(&s.admin_url("")).await;
    assert!(home.text().contains("Lakeside Schools"));
    // Without the kind: the respondents answer it.
    assert_eq!(s.create("Hillcrest", "").await, "a2");
}

#[tokio::test]
async fn the_number_of_assessments_and_respondents_is_bounded_with_a_clear_error() {
    let s = server_with(
        framework(),
        Limits {
            assessments: 1,
            respondents: 2,
        },
    );
    let id = s.create("Lakeside", "district").await;
    let csrf = s.csrf(&s.admin_url("")).await;
    let before = snapshot(&s.data());
    let reply = s
        .post(
            &s.admin_url("/assessments"),
            form(&[("csrf", &csrf), ("organization", "Another")]),
        )
        .await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(reply.alert().contains("at most 1 assessments"), "{}", reply.alert());
    assert_eq!(snapshot(&s.data()), before);
    s.add(&id, "One", "").await;
    s.add(&id, "Two", "").await;
    let before = snapshot(&s.data());
    let page = s.admin_url(&format!("/a/{id}"));
    let csrf = s.csrf(&page).await;
    let reply = s
        .post(
            &format!("{page}/respondents"),
            form(&[("csrf", &csrf), ("name", "Three")]),
        )
        .await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(reply.alert().contains("at most 2 respondents"), "{}", reply.alert());
    assert_eq!(snapshot(&s.data()), before);
}

#[tokio::test]
async fn adding_a_respondent_writes_their_answers_file_and_gives_a_private_link() {
    let s = server();
    let id = s.create("Riverbend Unified School District", "district").await;
    let page = s.admin_url(&format!("/a/{id}"));
    let csrf = s.csrf(&page).await;
    let before = snapshot(&s.data());
    for (fields, status, message) in [
        (vec![("name", "Dana")], StatusCode::FORBIDDEN, "did not come"),
        (
            vec![("csrf", csrf.as_str()), ("name", "")],
            StatusCode::UNPROCESSABLE_ENTITY,
            "Name",
        ),
        (
            vec![("csrf", csrf.as_str()), ("name", "Dana"), ("role", &"r".repeat(201))],
            StatusCode::UNPROCESSABLE_ENTITY,
            "Role: at most 200",
        ),
    ] {
        let reply = s.post(&format!("{page}/respondents"), form(&fields)).await;
        assert_eq!(reply.status, status);
        assert!(reply.alert().contains(message), "{}", reply.alert());
        assert_eq!(snapshot(&s.data()), before);
    }
    let wrong = s
        .post(
            &format!("/admin/{}/a/{id}/respondents", "B".repeat(32)),
            form(&[("csrf", &csrf), ("name", "Dana")]),
        )
        .await;
    assert_eq!(wrong.status, StatusCode::NOT_FOUND);
    let token = s.add(&id, "Dana Whitfield", "Superintendent").await;
    assert_eq!(token.len(), 32);
    let links = s.links(&id).await;
    assert_eq!(links, vec![format!("http://example.test:8080/r/{token}")]);
    let file = std::fs::read_to_string(s.answers_file(&id, "r1")).unwrap();
    assert!(
        file.contains("organization = \"Riverbend Unified School District\""),
        "{file}"
    );
    assert!(file.contains("org_type = \"district\""), "{file}");
    assert!(
        file.contains("[respondent]\nname = \"Dana Whitfield\"\nrole = \"Superintendent\""),
        "{file}"
    );
    let progress = s.get(&page).await.select(".progress").concat();
    assert!(progress.contains("0 of 19 answered"), "{progress}");
}

#[tokio::test]
async fn a_respondent_answers_goes_back_skips_and_every_bad_answer_is_refused_unwritten() {
    let s = server();
    let id = s.create("Riverbend", "district").await;
    let token = s.add(&id, "Dana", "Superintendent").await;
    let file = s.answers_file(&id, "r1");
    // The welcome page: phases, length, and the way in at the first question asked.
    let welcome = s.get(&format!("/r/{token}")).await;
    assert_eq!(welcome.status, StatusCode::OK);
    let text = welcome.text();
    assert!(
        text.contains("Understanding your why") && text.contains("about"),
        "{text}"
    );
    let start = welcome.select("a.button").concat();
    assert!(
        start.contains(&format!("/r/{token}/q/profile.educators")) && start.contains("Start"),
        "{start}"
    );
    // The organization's name and kind are the team's: not asked.
    let reply = s.get(&format!("/r/{token}/q/profile.organization")).await;
    assert_eq!(reply.status, StatusCode::CONFLICT);
    // A number: bad values are refused with the reason, and nothing is written.
    let before = std::fs::read(&file).unwrap();
    for (answer, message) in [
        ("abc", "is not a whole number"),
        ("0", "at least 1"),
        ("", "Choose an answer"),
        ("99999999999999999999999", "whole number"),
    ] {
        let reply = s
            .answer(&token, "profile.educators", &[("answer", answer), ("action", "next")])
            .await;
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY, "{answer}");
        assert!(reply.alert().contains(message), "{answer}: {}", reply.alert());
        assert!(reply.alert().contains("Nothing was saved"));
        assert_eq!(std::fs::read(&file).unwrap(), before, "{answer}");
    }
    let reply = s
        .answer(
            &token,
            "profile.educators",
            &[("answer", "5"), ("note", &"n".repeat(4001)), ("action", "next")],
        )
        .await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(reply.alert().contains("note is too long"));
    let reply = s
        .answer(&token, "profile.educators", &[("note", "why"), ("action", "next")])
        .await;
    assert!(reply.alert().contains("keep your note"), "{}", reply.alert());
    let reply = s
        .answer(&token, "profile.educators", &[("answer", "5"), ("action", "explode")])
        .await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST);
    // Without the page's CSRF value, with another link's, or too large: refused.
    let uri = format!("/r/{token}/q/profile.educators");
    let reply = s.post(&uri, form(&[("answer", "5"), ("action", "next")])).await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN);
    let other = s.add(&id, "Luis", "").await;
    let their_csrf = s.csrf(&format!("/r/{other}/q/profile.educators")).await;
    let reply = s
        .post(
            &uri,
            form(&[("csrf", &their_csrf), ("answer", "5"), ("action", "next")]),
        )
        .await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN);
    let csrf = s.csrf(&uri).await;
    let reply = s
        .post(
            &uri,
            form(&[("csrf", &csrf), ("answer", "5"), ("note", &"n".repeat(70 * 1024))]),
        )
        .await;
    assert_eq!(reply.status, StatusCode::PAYLOAD_TOO_LARGE);
    // A wrong token, an unknown question.
    let reply = s
        .post(
            &format!("/r/{}/q/profile.educators", "C".repeat(32)),
            form(&[("csrf", &csrf), ("answer", "5")]),
        )
        .await;
    assert_eq!(reply.status, StatusCode::NOT_FOUND);
    let reply = s.answer(&token, "profile.educators", &[]).await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        s.get(&format!("/r/{token}/q/no.such")).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        std::fs::read(&file).unwrap(),
        before,
        "nothing written by any bad request"
    );
    // A good answer with a note: saved, and on to the next question.
    let reply = s
        .answer(
            &token,
            "profile.educators",
            &[("answer", " 1850 "), ("note", "All schools"), ("action", "next")],
        )
        .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.text());
    assert_eq!(reply.location(), format!("/r/{token}/q/profile.stage"));
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(
        text.contains("educators = { answer = 1850, note = \"All schools\" }"),
        "{text}"
    );
    // The choice page: radios with labels, the rubric, N/A and don't know where allowed.
    let page = s.get(&format!("/r/{token}/q/why.value_proposition")).await;
    assert_eq!(page.status, StatusCode::OK);
    let radios = page.select("input[type=radio][name=answer]");
    let values: Vec<String> = radios
        .iter()
        .map(|r| {
            Html::parse_fragment(r)
                .select(&Selector::parse("input").unwrap())
                .next()
                .unwrap()
                .value()
                .attr("value")
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(values, ["yes", "partly", "no", "dont_know"], "{radios:?}");
    assert_eq!(page.select("fieldset legend").len(), 1);
    for v in &values {
        assert_eq!(page.select(&format!("label[for=answer-{v}]")).len(), 1, "{v}");
    }
    assert!(page.text().contains("Don&#x27;t know") || page.text().contains("Don't know"));
    assert_eq!(page.select("textarea[name=note]").len(), 1);
    assert!(
        page.select("button[name=action][value=next]")
            .concat()
            .contains("Save and continue")
    );
    assert!(page.select("button[name=action][value=back]").concat().contains("Back"));
    assert!(
        page.select("button[name=action][value=skip]")
            .concat()
            .contains("Skip for now")
    );
    // A choice that is not one of the question's: refused, unwritten.
    let before = std::fs::read(&file).unwrap();
    let reply = s
        .answer(&token, "profile.stage", &[("answer", "flying"), ("action", "next")])
        .await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(reply.alert().contains("not one of the answers"));
    assert_eq!(std::fs::read(&file).unwrap(), before);
    // Skip: nothing written, on to the next question.
    let reply = s
        .answer(&token, "profile.stage", &[("answer", "planning"), ("action", "skip")])
        .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
    assert_eq!(reply.location(), format!("/r/{token}/q/why.value_proposition"));
    assert_eq!(std::fs::read(&file).unwrap(), before);
    // Back with an answer: saved, then the previous question.
    let reply = s
        .answer(
            &token,
            "why.value_proposition",
            &[("answer", "partly"), ("action", "back")],
        )
        .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
    assert_eq!(reply.location(), format!("/r/{token}/q/profile.stage"));
    assert!(
        std::fs::read_to_string(&file)
            .unwrap()
            .contains("value_proposition = \"partly\"")
    );
    // Back on the first question stays there.
    let reply = s.answer(&token, "profile.educators", &[("action", "back")]).await;
    assert_eq!(reply.location(), format!("/r/{token}/q/profile.educators"));
    // The saved answer is checked when the page comes back.
    let page = s.get(&format!("/r/{token}/q/why.value_proposition")).await;
    assert!(
        page.select("input[value=partly][checked]").len() == 1,
        "{}",
        page.text()
    );
    // Opening the link again goes on at the first question without an answer.
    let welcome = s.get(&format!("/r/{token}")).await;
    let start = welcome.select("a.button").concat();
    assert!(
        start.contains("/q/profile.stage") && start.contains("Continue"),
        "{start}"
    );
    // The respondent's own summary.
    let done = s.get(&format!("/r/{token}/done")).await;
    assert_eq!(done.status, StatusCode::OK);
    let text = done.text();
    assert!(text.contains("2 of 19"), "{text}");
    assert!(text.contains("Not yet answered"));
    assert!(text.contains("All schools"));
    // The file is one `readiness assess` reads.
    let out = common::readiness(common::root(), &["assess", file.to_str().unwrap(), "--format", "json"]);
    assert!(
        common::stderr(&out).contains("required") || out.status.success(),
        "{}",
        common::stderr(&out)
    );
}

#[tokio::test]
async fn changing_an_answer_removes_the_answers_it_makes_moot_and_says_so() {
    let s = server();
    let id = s.create("Riverbend", "district").await;
    let token = s.add(&id, "Dana", "").await;
    let file = s.answers_file(&id, "r1");
    let reply = s
        .answer(&token, "how.fee_based", &[("answer", "yes"), ("action", "next")])
        .await;
    assert_eq!(reply.location(), format!("/r/{token}/q/how.fee_funding"));
    let reply = s
        .answer(&token, "how.fee_funding", &[("answer", "partly"), ("action", "next")])
        .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
    assert!(
        std::fs::read_to_string(&file)
            .unwrap()
            .contains("fee_funding = \"partly\"")
    );
    let reply = s
        .answer(&token, "how.fee_based", &[("answer", "no"), ("action", "next")])
        .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
    let location = reply.location();
    assert!(location.ends_with("?dropped=how.fee_funding"), "{location}");
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(!text.contains("fee_funding"), "{text}");
    let page = s.get(&location).await;
    assert!(page.select("[role=status]").concat().contains("no longer apply"));
    // A page from before: the question no longer applies, and nothing is written.
    let before = std::fs::read(&file).unwrap();
    let uri = format!("/r/{token}/q/how.fee_funding");
    let csrf = s.csrf(&format!("/r/{token}/q/how.fee_based")).await;
    let reply = s.post(&uri, form(&[("csrf", &csrf), ("answer", "yes")])).await;
    assert_eq!(reply.status, StatusCode::CONFLICT);
    assert_eq!(std::fs::read(&file).unwrap(), before);
}

#[tokio::test]
async fn hostile_text_never_becomes_markup_and_javascript_links_are_not_clickable() {
    let mut f = framework();
    // A resource whose address is a script (rule files refuse it; the page must too).
    let (question, resource) = f
        .questions
        .values()
        .find_map(|q| q.resources.first().map(|r| (q.id.clone(), r.clone())))
        .unwrap();
    f.resources.get_mut(&resource).unwrap().url = Some("javascript:alert(1)".into());
    let s = server_with(f, Limits::default());
    let id = s.create("<script>alert('org')</script>", "district").await;
    let token = s
        .add(&id, "<img src=x onerror=alert(1)>", "\"><script>alert(2)</script>")
        .await;
    let other = s.add(&id, "Luis", "").await;
    let reply = s
        .answer(
            &token,
            "why.value_proposition",
            &[
                ("answer", "yes"),
                ("note", "</textarea><script>alert(3)</script>"),
                ("action", "next"),
            ],
        )
        .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
    s.answer(&other, "why.value_proposition", &[("answer", "no"), ("action", "next")])
        .await;
    let pages = [
        s.admin_url(""),
        s.admin_url(&format!("/a/{id}")),
        format!("/r/{token}"),
        format!("/r/{token}/q/why.value_proposition"),
        format!("/r/{token}/q/{question}"),
        format!("/r/{token}/done"),
    ];
    for uri in pages {
        let page = s.get(&uri).await;
        assert_eq!(page.status, StatusCode::OK, "{uri}");
        assert!(page.select("script").is_empty(), "{uri}: {}", page.text());
        assert!(page.select("img").is_empty(), "{uri}");
        assert!(
            page.select("a[href^=javascript], a[href^=JavaScript]").is_empty(),
            "{uri}"
        );
        assert!(!page.text().contains("<script>alert"), "{uri}");
    }
    let page = s.get(&format!("/r/{token}/q/{question}")).await;
    assert!(
        page.text().contains("javascript:alert(1)"),
        "the address is shown, as text"
    );
    let report = s.get(&s.admin_url(&format!("/a/{id}/report"))).await;
    assert_eq!(report.status, StatusCode::OK);
    assert!(report.select("script").is_empty());
    assert!(report.select("a[href^=javascript]").is_empty());
    let csp = report.headers[header::CONTENT_SECURITY_POLICY].to_str().unwrap();
    assert!(csp.contains("script-src 'none'"), "{csp}");
}

/// Answers every question asked of a respondent, picking the `pick`th value of each choice.
async fn answer_all(s: &Server, token: &str, pick: usize) -> usize {
    let welcome = s.get(&format!("/r/{token}")).await;
    let mut next = welcome.select("a.button").first().and_then(|a| {
        a.split("href=\"")
            .nth(1)
            .map(|h| h.split('"').next().unwrap().to_string())
    });
    let mut count = 0;
    while let Some(uri) = next.filter(|u| u.contains("/q/")) {
        let page = s.get(&uri).await;
        assert_eq!(page.status, StatusCode::OK, "{uri}");
        let question = uri.rsplit('/').next().unwrap().split('?').next().unwrap().to_string();
        let radios = page.select("input[type=radio][name=answer]");
        let answer = if radios.is_empty() {
            (100 + pick).to_string()
        } else {
            let r = &radios[pick.min(radios.len() - 1)];
            r.split("value=\"")
                .nth(1)
                .unwrap()
                .split('"')
                .next()
                .unwrap()
                .to_string()
        };
        let reply = s
            .answer(token, &question, &[("answer", &answer), ("action", "next")])
            .await;
        assert_eq!(reply.status, StatusCode::SEE_OTHER, "{question}: {}", reply.text());
        next = Some(reply.location());
        count += 1;
        // The timeline's dates are offered after its question: left for later here.
        if next.as_deref().is_some_and(|n| n.ends_with("/timeline")) {
            let uri = next.unwrap();
            let csrf = s.csrf(&uri).await;
            let reply = s.post(&uri, form(&[("csrf", &csrf), ("action", "skip")])).await;
            assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.text());
            next = Some(reply.location());
        }
    }
    count
}

/// The timeline page's form fields for a first and last day of each activity given.
fn timeline_form(csrf: &str, action: &str, days: &[(&str, &str, &str)]) -> String {
    let mut fields = vec![
        ("csrf".to_string(), csrf.to_string()),
        ("action".to_string(), action.to_string()),
    ];
    for (id, start, end) in days {
        fields.push((format!("{id}.start"), (*start).to_string()));
        fields.push((format!("{id}.end"), (*end).to_string()));
    }
    let borrowed: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    form(&borrowed)
}

#[tokio::test]
async fn the_timeline_is_offered_after_its_question_and_every_bad_date_is_refused_unwritten() {
    let s = server();
    let id = s.create("Riverbend", "district").await;
    let token = s.add(&id, "Dana", "").await;
    let file = s.answers_file(&id, "r1");
    // Answering the timeline's question leads to its dates, as the terminal survey does.
    let reply = s
        .answer(&token, "how.timeline", &[("answer", "partly"), ("action", "next")])
        .await;
    assert_eq!(reply.location(), format!("/r/{token}/timeline"));
    let uri = format!("/r/{token}/timeline");
    let page = s.get(&uri).await;
    assert_eq!(page.status, StatusCode::OK);
    assert_secure_headers(&page);
    let text = page.text();
    for activity in [
        "Recruitment",
        "Initial meeting and/or training",
        "Share implementation report or summary",
    ] {
        assert!(text.contains(activity), "{activity}");
    }
    assert_eq!(
        page.select("input[type=date]").len(),
        16,
        "a first and a last day per activity"
    );
    assert!(text.contains("0 of 8 activities have dates"), "{text}");
    let csrf = s.csrf(&uri).await;
    // Bad dates: each is named beside its activity, and nothing is written.
    let before = std::fs::read(&file).unwrap();
    for (days, message) in [
        (vec![("training", "next week", "")], "is not a date"),
        (vec![("training", "2026-02-30", "")], "is not a date"),
        (vec![("training", "", "2026-03-01")], "Give the first day too"),
        (vec![("coaching", "2026-03-10", "2026-03-01")], "is before the first"),
        (
            vec![("recruitment", "2026-01-05", ""), ("training", &"9".repeat(41), "")],
            "too long",
        ),
    ] {
        let reply = s.post(&uri, timeline_form(&csrf, "save", &days)).await;
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY, "{days:?}");
        assert!(reply.alert().contains("Nothing was saved"), "{}", reply.alert());
        assert!(
            reply.select(".activity .alert").concat().contains(message),
            "{days:?}: {}",
            reply.text()
        );
        assert_eq!(std::fs::read(&file).unwrap(), before, "{days:?}");
    }
    // Without the page's CSRF value, or with an unknown button: refused, nothing written.
    let reply = s
        .post(&uri, timeline_form("", "save", &[("training", "2026-02-10", "")]))
        .await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN);
    let reply = s
        .post(&uri, timeline_form(&csrf, "explode", &[("training", "2026-02-10", "")]))
        .await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST);
    assert_eq!(std::fs::read(&file).unwrap(), before);
    // Good dates are saved in the file's [timeline]; what they show is said on the page,
    // with the way on.
    let dated = [
        ("training", "2026-02-10", ""),
        ("submission_deadline", "2026-02-20", ""),
    ];
    let reply = s.post(&uri, timeline_form(&csrf, "save", &dated)).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text());
    let status = reply.select("[role=status]").concat();
    assert!(status.contains("The dates are saved"), "{status}");
    assert!(
        status.contains("Recruitment"),
        "the undated activities are named: {status}"
    );
    assert!(status.contains("Go on with the survey"), "{status}");
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains("[timeline]"), "{text}");
    assert!(text.contains("training = 2026-02-10"), "{text}");
    assert!(text.contains("submission_deadline = 2026-02-20"), "{text}");
    // The same dates again leave the file as it is; a range is saved as one; emptying both
    // days removes an activity's dates.
    s.post(&uri, timeline_form(&csrf, "save", &dated)).await;
    assert_eq!(std::fs::read_to_string(&file).unwrap(), text, "nothing changed");
    let reply = s
        .post(
            &uri,
            timeline_form(
                &csrf,
                "save",
                &[
                    ("training", "2026-02-10", "2026-02-12"),
                    ("submission_deadline", "", ""),
                ],
            ),
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK);
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(
        text.contains("training = { start = 2026-02-10, end = 2026-02-12 }"),
        "{text}"
    );
    assert!(!text.contains("submission_deadline"), "{text}");
    // The page shows the dates saved, and the summary links to it.
    let page = s.get(&uri).await;
    assert!(
        page.select("input[name='training.end']")
            .concat()
            .contains("2026-02-12")
    );
    assert!(page.text().contains("1 of 8 activities have dates"));
    let done = s.get(&format!("/r/{token}/done")).await;
    assert!(
        done.select(&format!("a[href='{uri}']"))
            .concat()
            .contains("Change the dates")
    );
    // Skip goes on with the survey after the timeline's question, writing nothing.
    let before = std::fs::read(&file).unwrap();
    let reply = s
        .post(&uri, timeline_form(&csrf, "skip", &[("training", "junk", "")]))
        .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
    assert!(reply.location().contains("/q/") || reply.location().ends_with("/done"));
    assert_eq!(std::fs::read(&file).unwrap(), before);
    // The file reads as `readiness assess` reads it, with the timeline's dates.
    let answers = readiness::answers::parse_unfinished(
        &framework(),
        &readiness::io::read_disk(&file).unwrap(),
        readiness::answers::Syntax::Toml,
    )
    .unwrap();
    let training = &answers.timeline["training"];
    assert_eq!(training.text(), "2026-02-10 to 2026-02-12");
    assert_eq!(answers.timeline.len(), 1);
}

#[tokio::test]
async fn the_admin_sees_progress_the_team_with_its_disagreements_the_report_and_every_download() {
    let s = server();
    let id = s.create("Riverbend Unified School District", "district").await;
    let page = s.admin_url(&format!("/a/{id}"));
    // Before any answer: no report.
    let empty = s.get(&format!("{page}/report")).await;
    assert_eq!(empty.status, StatusCode::NOT_FOUND);
    assert!(empty.alert().contains("No respondent has answered yet"));
    let dana = s.add(&id, "Dana Whitfield", "Superintendent").await;
    let luis = s.add(&id, "Luis Ortega", "Director of professional development").await;
    s.add(&id, "Amara Okafor", "Teacher leader").await;
    assert!(answer_all(&s, &dana, 0).await >= 19);
    // One respondent: their assessment, no spread yet.
    let view = s.get(&page).await;
    assert!(view.text().contains("one respondent"), "{}", view.text());
    assert!(answer_all(&s, &luis, 1).await >= 19);
    let view = s.get(&page).await;
    let progress = view.select(".progress");
    for p in &progress[..2] {
        let text = p.split('>').nth(1).unwrap().split('<').next().unwrap();
        let (answered, rest) = text.split_once(" of ").unwrap();
        assert_eq!(
            rest,
            format!("{answered} answered"),
            "every question asked is answered: {p}"
        );
    }
    assert!(progress[2].contains("0 of 19 answered"), "{progress:?}");
    let text = view.text();
    assert!(text.contains("2 respondents"), "{text}");
    assert!(text.contains("Where your team disagrees"), "{text}");
    assert!(text.contains("Dana Whitfield"));
    // The summary's next steps lead into the full report.
    let step = view.select(&format!("a[href='{page}/report#action-1']"));
    assert_eq!(step.len(), 1, "{text}");
    // The report in the page, and every download.
    let report = s.get(&format!("{page}/report")).await;
    assert_eq!(report.status, StatusCode::OK);
    assert!(report.text().contains("Your team&#x27;s answers") || report.text().contains("Your team's answers"));
    // The report's page leads back to the assessment; the downloaded report does not.
    let back = report.select(&format!("body > p.serve-back > a[href='{page}']"));
    assert_eq!(back.len(), 1, "a link back at the top of the report's page");
    let download = s.get(&format!("{page}/report.html")).await;
    assert!(
        !download.text().contains("serve-back"),
        "the downloaded report has no link back"
    );
    let expect = [
        ("report.html", "text/html", "<!DOCTYPE html>"),
        ("report.md", "text/markdown", "# "),
        (
            "report.json",
            "application/json",
            "\"organization\": \"Riverbend Unified School District\"",
        ),
        ("report.csv", "text/csv", ","),
    ];
    for (name, kind, content) in expect {
        let reply = s.get(&format!("{page}/{name}")).await;
        assert_eq!(reply.status, StatusCode::OK, "{name}");
        assert!(
            reply.headers[header::CONTENT_TYPE].to_str().unwrap().starts_with(kind),
            "{name}"
        );
        let disposition = reply.headers[header::CONTENT_DISPOSITION].to_str().unwrap();
        assert!(
            disposition.contains("riverbend-unified-school-district-report."),
            "{disposition}"
        );
        assert!(reply.text().contains(content), "{name}");
    }
    let docx = s.get(&format!("{page}/report.docx")).await;
    assert_eq!(docx.status, StatusCode::OK);
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(docx.bytes)).unwrap();
    assert!(archive.by_name("word/document.xml").is_ok());
    let pdf = s.get(&format!("{page}/report.pdf")).await;
    match readiness::report::pdf::find_browser() {
        Ok(_) => {
            assert_eq!(pdf.status, StatusCode::OK);
            assert!(pdf.bytes.starts_with(b"%PDF"));
        }
        Err(_) => {
            assert_eq!(pdf.status, StatusCode::NOT_FOUND);
            assert!(pdf.alert().contains("Chromium"));
        }
    }
    // The answers files, as they are on disk.
    let zip = s.get(&format!("{page}/answers.zip")).await;
    assert_eq!(zip.status, StatusCode::OK);
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(zip.bytes)).unwrap();
    assert_eq!(archive.len(), 3);
    for r in ["r1", "r2", "r3"] {
        let mut inside = String::new();
        std::io::Read::read_to_string(&mut archive.by_name(&format!("answers/{r}.toml")).unwrap(), &mut inside)
            .unwrap();
        assert_eq!(inside, std::fs::read_to_string(s.answers_file(&id, r)).unwrap());
    }
    for bad in ["report.exe", "report.", "answers.tar", "..%2Fassessment.toml"] {
        assert_eq!(
            s.get(&format!("{page}/{bad}")).await.status,
            StatusCode::NOT_FOUND,
            "{bad}"
        );
    }
    // `readiness assess --team` reads the same folder.
    let answers = s.data().join("assessments").join(&id).join("answers");
    let out = common::readiness(
        common::root(),
        &["assess", "--team", answers.to_str().unwrap(), "--format", "json"],
    );
    assert!(out.status.success(), "{}", common::stderr(&out));
    assert!(common::stdout(&out).contains("Riverbend Unified School District"));
}

#[tokio::test]
async fn an_assessment_compares_with_an_earlier_one_of_the_same_organization() {
    let s = server();
    let earlier = s.create("Lakeside Schools", "district").await;
    let a = s.add(&earlier, "Ann", "").await;
    answer_all(&s, &a, 2).await;
    let later = s.create("Lakeside Schools", "district").await;
    let other = s.create("Hillcrest", "district").await;
    let b = s.add(&later, "Ann", "").await;
    answer_all(&s, &b, 0).await;
    let page = s.get(&s.admin_url(&format!("/a/{later}"))).await;
    let compare = format!("/a/{later}/compare?with={earlier}");
    assert_eq!(
        page.select(&format!("a[href='/admin/{}{compare}']", s.admin)).len(),
        1,
        "{}",
        page.text()
    );
    let reply = s.get(&s.admin_url(&compare)).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text());
    assert!(reply.text().contains("Since your last assessment"), "{}", reply.text());
    for with in [other.as_str(), "a99", "../a1", later.as_str()] {
        let reply = s.get(&s.admin_url(&format!("/a/{later}/compare?with={with}"))).await;
        assert_eq!(reply.status, StatusCode::NOT_FOUND, "{with}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_saves_to_one_file_are_all_kept() {
    let s = Arc::new(server());
    let id = s.create("Riverbend", "district").await;
    let token = s.add(&id, "Dana", "").await;
    let questions = [
        "why.value_proposition",
        "why.possibilities",
        "why.goals",
        "why.theory_of_action",
        "how.which_microcredentials",
        "how.incentives",
        "how.timeline",
        "how.support_model",
        "implement.feedback",
    ];
    let csrf = s.csrf(&format!("/r/{token}/q/{}", questions[0])).await;
    let mut tasks = Vec::new();
    for (i, q) in questions.iter().enumerate() {
        let s = Arc::clone(&s);
        let (token, csrf, q) = (token.clone(), csrf.clone(), q.to_string());
        tasks.push(tokio::spawn(async move {
            let answer = ["yes", "partly", "no"][i % 3];
            let reply = s
                .post(
                    &format!("/r/{token}/q/{q}"),
                    form(&[
                        ("csrf", &csrf),
                        ("answer", answer),
                        ("note", &format!("n{i}")),
                        ("action", "next"),
                    ]),
                )
                .await;
            assert_eq!(reply.status, StatusCode::SEE_OTHER, "{q}");
            (q, answer)
        }));
    }
    let mut given = Vec::new();
    for t in tasks {
        given.push(t.await.unwrap());
    }
    let text = std::fs::read_to_string(s.answers_file(&id, "r1")).unwrap();
    let parsed: toml::Table = text.parse().unwrap();
    for (i, (q, answer)) in given.iter().enumerate() {
        let (section, key) = q.split_once('.').unwrap();
        let value = &parsed[section][key];
        assert_eq!(value["answer"].as_str(), Some(*answer), "{q}: {text}");
        assert_eq!(value["note"].as_str(), Some(format!("n{i}").as_str()), "{q}");
    }
    // No lock or temporary file left behind.
    let names: Vec<String> = std::fs::read_dir(s.answers_file(&id, "r1").parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["r1.toml"]);
}

#[tokio::test]
async fn a_damaged_manifest_stops_the_server_from_starting_with_a_clear_error() {
    let s = server();
    s.create("Lakeside", "").await;
    std::fs::write(s.data().join("assessments/a1/assessment.toml"), "organization = 3\n").unwrap();
    let err = Store::open(&s.data(), framework(), Limits::default()).unwrap_err();
    assert!(err.contains("assessments/a1/assessment.toml"), "{err}");
    assert!(err.contains("help:"), "{err}");
}

/// Kills a server the test started when the test fails before stopping it.
struct KillOnDrop(u32);

impl Drop for KillOnDrop {
    fn drop(&mut self) {
        if std::thread::panicking() {
            let _ = std::process::Command::new("kill")
                .args(["-KILL", &self.0.to_string()])
                .status();
        }
    }
}

// The real binary: the admin line, the loopback default, refusing to expose answers
// unencrypted, and stopping cleanly on SIGTERM.

#[test]
fn listening_beyond_loopback_needs_public_and_then_tls_or_a_proxy() {
    let dir = tempfile::tempdir().unwrap();
    let out = common::readiness(dir.path(), &["serve", "--listen", "0.0.0.0:0"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        common::stderr(&out).contains("add --public"),
        "{}",
        common::stderr(&out)
    );
    let out = common::readiness(dir.path(), &["serve", "--listen", "0.0.0.0:0", "--public"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(common::stderr(&out).contains("--tls-cert"), "{}", common::stderr(&out));
    let out = common::readiness(
        dir.path(),
        &[
            "serve",
            "--listen",
            "0.0.0.0:0",
            "--public",
            "--tls-cert",
            "no.pem",
            "--tls-key",
            "no.pem",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        common::stderr(&out).contains("cannot use them for TLS"),
        "{}",
        common::stderr(&out)
    );
    assert!(
        !dir.path().join("readiness-data").exists(),
        "nothing is made before the server can start"
    );
}

#[cfg(unix)]
#[test]
fn the_server_prints_the_admin_link_first_serves_it_and_stops_on_sigterm() {
    use std::io::{BufRead, BufReader, Read, Write};
    let dir = tempfile::tempdir().unwrap();
    let start = || {
        let mut child = std::process::Command::new(common::BIN)
            .args(["serve", "--listen", "127.0.0.1:0", "--data", "d"])
            .current_dir(dir.path())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let mut line = String::new();
        BufReader::new(child.stdout.as_mut().unwrap())
            .read_line(&mut line)
            .unwrap();
        (child, line.trim().to_string())
    };
    let (child, line) = start();
    let _guard = KillOnDrop(child.id());
    let url = line
        .strip_prefix("Admin page: http://")
        .unwrap_or_else(|| panic!("{line}"));
    let (host, path) = url.split_once('/').unwrap();
    let mut stream = std::net::TcpStream::connect(host).unwrap();
    write!(
        stream,
        "GET /{path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    assert!(response.starts_with("HTTP/1.1 200"), "{response}");
    assert!(response.contains("Create an assessment"));
    let stopped = std::process::Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(stopped.success());
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    // The next start keeps the admin link.
    let (mut child, again) = start();
    let _again = KillOnDrop(child.id());
    let token = |l: &str| l.rsplit('/').next().unwrap().to_string();
    assert_eq!(token(&again), token(&line));
    let _ = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status();
    assert_eq!(child.wait().unwrap().code(), Some(0));
}

#[test]
fn with_a_certificate_the_server_speaks_https_only() {
    use std::io::{BufRead, BufReader, Read, Write};
    let dir = tempfile::tempdir().unwrap();
    let rcgen::CertifiedKey { cert, signing_key } =
        rcgen::generate_simple_self_signed(vec!["localhost".to_string()]).unwrap();
    std::fs::write(dir.path().join("cert.pem"), cert.pem()).unwrap();
    std::fs::write(dir.path().join("key.pem"), signing_key.serialize_pem()).unwrap();
    let mut child = std::process::Command::new(common::BIN)
        .args([
            "serve",
            "--listen",
            "127.0.0.1:0",
            "--public",
            "--tls-cert",
            "cert.pem",
            "--tls-key",
            "key.pem",
            "--data",
            "d",
        ])
        .current_dir(dir.path())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.as_mut().unwrap())
        .read_line(&mut line)
        .unwrap();
    let url = line
        .trim()
        .strip_prefix("Admin page: https://")
        .unwrap_or_else(|| panic!("{line}"));
    let (host, path) = url.split_once('/').unwrap();
    // A client that trusts only this certificate.
    let mut roots = rustls::RootCertStore::empty();
    roots.add(cert.der().clone()).unwrap();
    let config = rustls::ClientConfig::builder_with_provider(Arc::new(rustls::crypto::ring::default_provider()))
        .with_safe_default_protocol_versions()
        .unwrap()
        .with_root_certificates(roots)
        .with_no_client_auth();
    let name = rustls::pki_types::ServerName::try_from("localhost").unwrap();
    let connection = rustls::ClientConnection::new(Arc::new(config), name).unwrap();
    let mut tls = rustls::StreamOwned::new(connection, std::net::TcpStream::connect(host).unwrap());
    write!(
        tls,
        "GET /{path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut response = Vec::new();
    let _ = tls.read_to_end(&mut response);
    let response = String::from_utf8_lossy(&response);
    assert!(response.starts_with("HTTP/1.1 200"), "{response}");
    assert!(response.contains("Create an assessment"));
    // Plain HTTP on the same port gets no page.
    let mut plain = std::net::TcpStream::connect(host).unwrap();
    plain.set_read_timeout(Some(std::time::Duration::from_secs(5))).unwrap();
    // The server may close the connection before the request is even written.
    let _ = write!(
        plain,
        "GET /{path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
    );
    let mut answer = Vec::new();
    let _ = plain.read_to_end(&mut answer);
    assert!(!String::from_utf8_lossy(&answer).contains("Create an assessment"));
    let _ = std::process::Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status();
    assert_eq!(child.wait().unwrap().code(), Some(0));
}

#[tokio::test]
async fn behind_a_proxy_links_use_the_scheme_and_host_the_proxy_reports() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("data"), framework(), Limits::default()).unwrap();
    let admin = store.admin_token().to_string();
    let state = Arc::new(AppState::new(store, "127.0.0.1:8080".parse().unwrap(), false, true));
    let s = Server {
        dir,
        app: router(state),
        admin,
    };
    let id = s.create("Lakeside", "district").await;
    s.add(&id, "Ann", "").await;
    let page = s
        .send(
            Request::get(s.admin_url(&format!("/a/{id}")))
                .header(header::HOST, "readiness.example.org")
                .header("x-forwarded-proto", "https")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    let link = page.select(".respondent-link").concat();
    assert!(link.contains(">https://readiness.example.org/r/"), "{link}");
    // A host that is not a host name is not copied into links.
    let page = s
        .send(
            Request::get(s.admin_url(&format!("/a/{id}")))
                .header(header::HOST, "evil.example\"><script>")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    let link = page.select(".respondent-link").concat();
    assert!(link.contains(">http://127.0.0.1:8080/r/"), "{link}");
    // Failed links are counted per client the proxy names: another client is not blocked.
    for i in 0..20 {
        let reply = s
            .send(
                Request::get(format!("/r/{}{i:02}", "x".repeat(30)))
                    .header("x-forwarded-for", "203.0.113.9")
                    .body(Body::empty())
                    .unwrap(),
            )
            .await;
        assert_eq!(reply.status, StatusCode::NOT_FOUND);
    }
    let blocked = s
        .send(
            Request::get(s.admin_url(""))
                .header("x-forwarded-for", "203.0.113.9")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(blocked.status, StatusCode::TOO_MANY_REQUESTS);
    let other = s
        .send(
            Request::get(s.admin_url(""))
                .header("x-forwarded-for", "203.0.113.10")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(other.status, StatusCode::OK);
}
