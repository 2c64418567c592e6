//! Unit tests of reading and checking answers files.

use super::*;
use crate::test_support::{choice, mini};

fn read(name: &str, text: &str) -> Result<Answers, Diagnostics> {
    let file = SourceFile {
        name: name.to_string(),
        text: text.to_string(),
    };
    parse(&mini(), &file, Syntax::for_name(name))
}

const REQUIRED: &str = "[profile]\norganization = \"Test\"\norg_type = \"school\"\n";

#[test]
fn answers_are_typed_by_their_question() {
    let a = read(
        "a.toml",
        &format!("{REQUIRED}educators = 12\n\n[one]\ndecided = \"yes\"\n"),
    )
    .unwrap();
    assert_eq!(a.get("profile.educators"), Some(&AnswerValue::Integer(12)));
    assert_eq!(a.get("one.decided"), Some(&choice("yes")));
    let json = read(
        "a.json",
        r#"{"profile": {"organization": "Test", "org_type": "school"}, "one": {"decided": "no"}}"#,
    )
    .unwrap();
    assert_eq!(json.get("one.decided"), Some(&choice("no")));
}

#[test]
fn every_problem_is_reported_with_its_place_and_what_is_allowed() {
    let d = read(
        "a.toml",
        &format!("{REQUIRED}educators = \"many\"\n\n[one]\ndecidd = \"yes\"\nshared = \"maybe\"\n"),
    )
    .unwrap_err();
    let found: Vec<(Option<usize>, &str, Option<&str>)> =
        d.0.iter()
            .map(|d| (d.line, d.message.as_str(), d.help.as_deref()))
            .collect();
    assert_eq!(
        found,
        [
            (
                Some(4),
                "`profile.educators`: found the text \"many\" where a number is wanted (write it without quotes)",
                Some("expected a whole number of at least 1")
            ),
            (
                Some(7),
                "unknown question `one.decidd`",
                Some("did you mean `one.decided`?")
            ),
            (
                Some(8),
                "`one.shared`: \"maybe\" is not an allowed value",
                Some("expected one of \"yes\", \"partly\", \"no\", \"dont_know\"")
            ),
        ]
    );
}

#[test]
fn missing_required_answers_are_errors_unless_the_file_is_unfinished() {
    let text = "[one]\ndecided = \"yes\"\n";
    let d = read("a.toml", text).unwrap_err();
    assert_eq!(d.0.len(), 2, "{d}");
    assert!(
        d.0[0]
            .message
            .starts_with("missing required answer `profile.organization`")
    );
    let file = SourceFile {
        name: "a.toml".into(),
        text: text.into(),
    };
    assert!(parse_unfinished(&mini(), &file, Syntax::Toml).is_ok());
}

#[test]
fn a_syntax_error_points_at_the_line_in_toml_and_json() {
    let toml = read("a.toml", "[profile\n").unwrap_err();
    assert_eq!(toml.0[0].line, Some(1));
    assert!(toml.0[0].message.starts_with("this is not valid TOML"));
    let json = read("a.json", "{\n  \"profile\": {,}\n}").unwrap_err();
    assert_eq!((json.0[0].line, json.0[0].column), (Some(2), Some(15)));
    assert!(json.0[0].excerpt.is_some());
}

#[test]
fn a_table_is_read_like_a_file() {
    let table: toml::Table = toml::from_str(&format!("{REQUIRED}[one]\ndecided = 3\n")).unwrap();
    let d = from_table(&mini(), "case", &table).unwrap_err();
    assert_eq!(d.0[0].file, "case");
    assert!(d.0[0].message.contains("found the number 3"), "{d}");
}

#[test]
fn an_answer_may_carry_a_note_in_toml_and_json() {
    let a = read(
        "a.toml",
        &format!("{REQUIRED}\n[one]\ndecided = {{ answer = \"partly\", note = \" Board yes, staff not yet \" }}\n"),
    )
    .unwrap();
    assert_eq!(a.get("one.decided"), Some(&choice("partly")));
    assert_eq!(
        a.notes.get("one.decided").map(String::as_str),
        Some("Board yes, staff not yet")
    );
    let json = read(
        "a.json",
        r#"{"profile": {"organization": "Test", "org_type": "school"}, "one": {"decided": {"answer": "no", "note": "n"}}}"#,
    )
    .unwrap();
    assert_eq!(json.notes.get("one.decided").map(String::as_str), Some("n"));
}

#[test]
fn a_table_that_is_not_an_answer_with_a_note_is_an_error() {
    for (table, expected) in [
        ("{ note = \"n\" }", "needs `answer`"),
        ("{ answer = \"yes\", notes = \"n\" }", "unknown key `notes`"),
        ("{ answer = \"yes\", note = 3 }", "`note` must be a text"),
        ("{ answer = { answer = \"yes\" } }", "cannot be a table"),
        (
            "{ answer = \"maybe\", note = \"n\" }",
            "\"maybe\" is not an allowed value",
        ),
    ] {
        let d = read("a.toml", &format!("{REQUIRED}\n[one]\ndecided = {table}\n")).unwrap_err();
        assert!(d.0[0].message.contains(expected), "{table}: {d}");
        assert_eq!(d.0[0].line, Some(6), "{table}");
    }
}

#[test]
fn dont_know_is_for_big_questions_and_tasks_and_not_applicable_only_where_allowed() {
    let a = read("a.toml", &format!("{REQUIRED}\n[one]\ndecided = \"dont_know\"\n")).unwrap();
    assert_eq!(a.get("one.decided"), Some(&AnswerValue::DontKnow));
    let profile = read("a.toml", "[profile]\norganization = \"T\"\norg_type = \"dont_know\"\n").unwrap_err();
    assert!(profile.0[0].message.contains("not an allowed value"), "{profile}");
    let na = read("a.toml", &format!("{REQUIRED}\n[one]\ndecided = \"not_applicable\"\n")).unwrap_err();
    assert!(na.0[0].message.contains("not an allowed value"), "{na}");
}
