//! Reports through the real binary: the HTML parses, escapes user text, links every
//! resource and loads nothing from outside; sections are fragments; the Markdown parses
//! as GitHub-flavoured Markdown with no raw HTML; writing to a file is atomic and safe.

mod common;

use std::path::Path;

use common::{readiness, stdout};
use scraper::{Html, Selector};

/// The full report in `format` for the answers in `dir`.
fn report(dir: &Path, format: &str) -> String {
    stdout(&readiness(
        dir,
        &[
            "assess",
            "--answers",
            "answers.toml",
            "--format",
            format,
            "--date",
            "2026-01-15",
        ],
    ))
}

/// A district whose name and answers carry markup, and that gets many resources.
const HOSTILE: &str = r#"
[profile]
organization = "<script>alert(1)</script> & Sons \"District\" *bold* [x](y)"
org_type = "district"
educators = 300
stage = "launching"

[why]
value_proposition = "partly"
goals = "no"
"#;

fn hostile_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("answers.toml"), HOSTILE).unwrap();
    dir
}

fn json_assessment(dir: &Path) -> serde_json::Value {
    serde_json::from_str(&stdout(&readiness(
        dir,
        &["assess", "--answers", "answers.toml", "--format", "json"],
    )))
    .unwrap()
}

#[test]
fn html_report_escapes_user_text_and_links_every_resource() {
    let dir = hostile_dir();
    let html = report(dir.path(), "html");
    let doc = Html::parse_document(&html);
    let sel = |s: &str| Selector::parse(s).unwrap();

    // The organisation's name is text, not markup: no script element anywhere.
    assert_eq!(doc.select(&sel("script")).count(), 0, "a script element got through");
    let h1: String = doc.select(&sel("h1")).next().unwrap().text().collect();
    assert!(h1.contains("<script>alert(1)</script> & Sons \"District\""), "{h1}");

    // Self-contained: nothing is loaded from elsewhere.
    for (selector, attr) in [
        ("link", "href"),
        ("img:not([src^='data:'])", "src"),
        ("iframe", "src"),
        ("[style*='url(']", "style"),
    ] {
        assert_eq!(
            doc.select(&sel(selector)).count(),
            0,
            "{selector} {attr} in a self-contained page"
        );
    }
    assert!(!html.contains("@import"), "the CSS imports something");
    assert_eq!(doc.select(&sel("svg.chart")).count(), 1, "the score chart");
    assert_eq!(doc.select(&sel("svg.chart > g")).count(), 3, "one bar per phase");

    // Every resource of every recommendation is there, with its link where it has one.
    let assessment = json_assessment(dir.path());
    let hrefs: Vec<String> = doc
        .select(&sel("a[href]"))
        .map(|a| a.value().attr("href").unwrap().to_string())
        .collect();
    let text: String = doc.root_element().text().collect();
    let mut checked = 0;
    for rec in assessment["recommendations"].as_array().unwrap() {
        for res in rec["resources"].as_array().unwrap() {
            assert!(text.contains(res["title"].as_str().unwrap()), "{}", res["title"]);
            if let Some(url) = res["url"].as_str() {
                assert!(hrefs.iter().any(|h| h == url), "no link to {url}");
                checked += 1;
            }
        }
    }
    assert!(checked >= 5, "only {checked} links checked");
}

#[test]
fn html_sections_are_fragments() {
    let dir = hostile_dir();
    for section in ["summary", "phases", "actions", "later", "appendix", "resources"] {
        let html = stdout(&readiness(
            dir.path(),
            &[
                "assess",
                "--answers",
                "answers.toml",
                "--format",
                "html",
                "--section",
                section,
            ],
        ));
        for tag in ["<html", "<head", "<body", "<!DOCTYPE", "<style"] {
            assert!(!html.contains(tag), "{section}: {tag} in a fragment");
        }
        let fragment = Html::parse_fragment(&html);
        // One <section> at the top (the appendix holds the resources' own).
        let sections: Vec<_> = fragment
            .select(&Selector::parse("section").unwrap())
            .filter(|s| {
                !s.ancestors()
                    .any(|a| a.value().as_element().is_some_and(|e| e.name() == "section"))
            })
            .collect();
        assert_eq!(sections.len(), 1, "{section}: one <section>");
        assert!(html.trim_end().ends_with("</section>"), "{section}");
        assert!(html.trim_start().starts_with("<section"), "{section}");
    }
}

#[test]
fn markdown_report_is_clean_commonmark_without_raw_html() {
    use pulldown_cmark::{Event, Options, Parser, Tag};
    let dir = hostile_dir();
    let md = report(dir.path(), "markdown");
    let assessment = json_assessment(dir.path());
    // A pandoc title block first: title, author (empty without a brand), date.
    let mut lines = md.lines();
    let title = lines.next().unwrap();
    assert!(title.starts_with("% Readiness report: "), "{title}");
    assert_eq!(lines.next(), Some("% "));
    assert_eq!(lines.next(), Some("% January 15, 2026"));
    let mut options = Options::empty();
    options.insert(Options::ENABLE_TABLES);
    let mut links = Vec::new();
    let mut tables = 0;
    let mut text = String::new();
    for event in Parser::new_ext(&md, options) {
        match event {
            Event::Html(h) | Event::InlineHtml(h) => panic!("raw HTML in the Markdown: {h}"),
            Event::Start(Tag::Link { dest_url, .. }) => links.push(dest_url.to_string()),
            Event::Start(Tag::Table(_)) => tables += 1,
            Event::Text(t) => text.push_str(&t),
            _ => {}
        }
    }
    assert!(
        text.contains("Prepared for <script>alert(1)</script> & Sons \"District\" *bold* [x](y), January 15, 2026"),
        "the name reads back as written: {text}"
    );
    assert_eq!(tables, 2, "the progress table and the answers");
    // The separator rows give pandoc relative widths: longer than 72 characters.
    let separators: Vec<&str> = md.lines().filter(|l| l.starts_with("|:--")).collect();
    assert_eq!(separators.len(), 2);
    assert!(separators.iter().all(|l| l.len() > 72), "{separators:?}");
    for rec in assessment["recommendations"].as_array().unwrap() {
        for res in rec["resources"].as_array().unwrap() {
            if let Some(url) = res["url"].as_str() {
                assert!(links.iter().any(|l| l == url), "no link to {url}");
            }
        }
    }
}

#[test]
fn output_is_written_atomically_and_never_replaces_a_file_unasked() {
    let dir = hostile_dir();
    let report = dir.path().join("report.html");
    std::fs::write(&report, "mine").unwrap();
    let refused = readiness(
        dir.path(),
        &[
            "assess",
            "--answers",
            "answers.toml",
            "--format",
            "html",
            "--output",
            "report.html",
        ],
    );
    assert_eq!(refused.status.code(), Some(1));
    assert_eq!(
        std::fs::read_to_string(&report).unwrap(),
        "mine",
        "the file was touched"
    );

    // A template error leaves no file behind.
    std::fs::write(dir.path().join("bad.hbs"), "{{#each phases}}").unwrap();
    let failed = readiness(
        dir.path(),
        &[
            "assess",
            "--answers",
            "answers.toml",
            "--template",
            "bad.hbs",
            "--output",
            "new.txt",
        ],
    );
    assert_eq!(failed.status.code(), Some(6));
    assert!(!dir.path().join("new.txt").exists());

    let forced = readiness(
        dir.path(),
        &[
            "assess",
            "--answers",
            "answers.toml",
            "--format",
            "html",
            "--output",
            "report.html",
            "--force",
            "--date",
            "2026-01-15",
        ],
    );
    assert!(forced.status.success(), "{}", String::from_utf8_lossy(&forced.stderr));
    assert!(forced.stdout.is_empty(), "with --output nothing goes to stdout");
    let written = std::fs::read_to_string(&report).unwrap();
    assert!(written.starts_with("<!DOCTYPE html>") && written.ends_with("</html>\n"));
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .filter(|n| n.starts_with('.') || n.contains("tmp"))
        .collect();
    assert!(leftovers.is_empty(), "temporary files left: {leftovers:?}");
}

#[test]
fn the_date_comes_from_the_option_or_source_date_epoch() {
    let dir = hostile_dir();
    let with = |env: Option<&str>, args: &[&str]| {
        let mut cmd = std::process::Command::new(common::BIN);
        cmd.args(["context", "--answers", "answers.toml"])
            .args(args)
            .current_dir(dir.path());
        match env {
            Some(v) => cmd.env("SOURCE_DATE_EPOCH", v),
            None => cmd.env_remove("SOURCE_DATE_EPOCH"),
        };
        let v: serde_json::Value = serde_json::from_str(&stdout(&cmd.output().unwrap())).unwrap();
        v["date"].as_str().unwrap().to_string()
    };
    assert_eq!(with(Some("1700000000"), &[]), "2023-11-14");
    assert_eq!(with(Some("1700000000"), &["--date", "2026-02-03"]), "2026-02-03");
    // A malformed SOURCE_DATE_EPOCH is an error where a date is shown, and JSON needs none.
    let bad = |args: &[&str]| {
        std::process::Command::new(common::BIN)
            .args(args)
            .env("SOURCE_DATE_EPOCH", "yesterday")
            .current_dir(dir.path())
            .output()
            .unwrap()
    };
    let context = bad(&["context", "--answers", "answers.toml"]);
    assert_eq!(context.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&context.stderr).contains("SOURCE_DATE_EPOCH"));
    let json = bad(&["assess", "--answers", "answers.toml", "--format", "json"]);
    assert!(json.status.success(), "{}", String::from_utf8_lossy(&json.stderr));
    let today = with(None, &[]);
    assert!(today.len() == 10 && today.as_bytes()[4] == b'-', "{today}");
}

/// The Markdown report's structure: its block-level elements, in order, as (kind, depth).
fn markdown_blocks(md: &str) -> Vec<String> {
    use pulldown_cmark::{Event, Options, Parser, Tag};
    let mut options = Options::empty();
    options.insert(Options::ENABLE_TABLES);
    options.insert(Options::ENABLE_TASKLISTS);
    options.insert(Options::ENABLE_STRIKETHROUGH);
    Parser::new_ext(md, options)
        .filter_map(|event| match event {
            Event::Start(tag @ (Tag::Heading { .. } | Tag::List(_) | Tag::CodeBlock(_) | Tag::BlockQuote(_)))
            | Event::Start(tag @ (Tag::Table(_) | Tag::Strikethrough | Tag::Item)) => Some(format!("{tag:?}")),
            Event::Rule => Some("Rule".to_string()),
            _ => None,
        })
        .collect()
}

#[test]
fn line_breaks_and_marks_in_a_name_change_nothing_in_the_markdown_layout() {
    let plain = tempfile::tempdir().unwrap();
    let answers = |name: &str| {
        format!(
            "[profile]\norganization = {}\norg_type = \"district\"\n\n[why]\ngoals = \"no\"\n",
            serde_json::to_string(name).unwrap()
        )
    };
    std::fs::write(plain.path().join("answers.toml"), answers("Acme")).unwrap();
    let expected = markdown_blocks(&report(plain.path(), "markdown"));
    assert!(expected.iter().any(|b| b.starts_with("Heading")), "{expected:?}");
    for name in [
        "Acme\n~~~\n",
        "\n- Injected item",
        "Acme\n\n# Injected heading\n",
        "Acme\r\n```\r\ncode",
        "1. First\n2. Second",
        "===",
        "~~struck~~",
        "Acme  \n\n    indented code",
        "\u{2028}> quote",
    ] {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("answers.toml"), answers(name)).unwrap();
        let md = report(dir.path(), "markdown");
        assert_eq!(markdown_blocks(&md), expected, "{name:?} changed the layout:\n{md}");
        let text = report(dir.path(), "text");
        let first = text.lines().next().unwrap();
        assert!(first.starts_with("Readiness report: "), "{first}");
        // The same name on one line wraps the same way: the line breaks added nothing.
        let flat = tempfile::tempdir().unwrap();
        let one_line = name.split_whitespace().collect::<Vec<_>>().join(" ");
        std::fs::write(flat.path().join("answers.toml"), answers(&one_line)).unwrap();
        assert_eq!(
            text.lines().count(),
            report(flat.path(), "text").lines().count(),
            "{name:?} added lines to the text report"
        );
    }
}

#[cfg(unix)]
#[test]
fn new_output_files_are_as_readable_as_the_umask_allows() {
    use std::os::unix::fs::PermissionsExt;
    let dir = hostile_dir();
    let bin = env!("CARGO_BIN_EXE_readiness");
    for (umask, mode) in [("022", 0o644), ("077", 0o600)] {
        for (file, args) in [
            ("report.html", "assess --answers answers.toml -o report.html"),
            ("blank.toml", "template -o blank.toml"),
        ] {
            let named = format!("{umask}-{file}");
            let script = format!("umask {umask}; exec \"$0\" {}", args.replace(file, &named));
            let out = std::process::Command::new("sh")
                .arg("-c")
                .arg(script)
                .arg(bin)
                .current_dir(dir.path())
                .output()
                .unwrap();
            assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
            let found = std::fs::metadata(dir.path().join(&named)).unwrap().permissions().mode() & 0o777;
            assert_eq!(found, mode, "{named}: {found:o}");
        }
    }
}
