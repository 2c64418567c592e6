//! Unit tests of the survey's state machine.

use super::*;
use crate::test_support::{answers, choice, ctq, mini, text};

fn current(s: &Survey<'_>) -> String {
    s.current().map(|q| q.id.to_string()).unwrap_or_default()
}

/// Skips every question left, in the order they come, and returns their ids.
fn skip_all(s: &mut Survey<'_>) -> Vec<String> {
    let mut asked = Vec::new();
    while let Some(q) = s.current() {
        asked.push(q.id.to_string());
        s.skip();
    }
    asked
}

#[test]
fn a_new_survey_asks_every_question_that_applies_in_order() {
    let fw = mini();
    let mut s = Survey::new(&fw, Answers::default(), Mode::Unanswered);
    let mut asked = Vec::new();
    let replies = [
        text("Test"),
        choice("school"),
        AnswerValue::Integer(40),
        choice("no"),
        choice("done"),
        choice("yes"),
    ];
    for reply in replies {
        asked.push(current(&s));
        s.answer(reply);
    }
    assert!(s.current().is_none());
    // one.shared is asked only when one.decided is yes or partly.
    assert_eq!(
        asked,
        [
            "profile.organization",
            "profile.org_type",
            "profile.educators",
            "one.decided",
            "one.task",
            "two.acted"
        ]
    );
}

#[test]
fn progress_counts_the_questions_that_apply_now() {
    let fw = mini();
    let mut s = Survey::new(&fw, Answers::default(), Mode::Unanswered);
    assert_eq!(s.progress().unwrap().to_string(), "1 of 6");
    s.answer(text("Test"));
    s.answer(choice("school"));
    s.answer(AnswerValue::Integer(4));
    assert_eq!(s.progress().unwrap().to_string(), "4 of 6");
    // Answering yes makes one.shared apply: one more question, and it comes next.
    s.answer(choice("yes"));
    assert_eq!(current(&s), "one.shared");
    assert_eq!(s.progress().unwrap().to_string(), "5 of 7");
}

#[test]
fn resuming_asks_only_what_is_unanswered() {
    let fw = mini();
    let given = answers(&[
        ("profile.organization", text("Test")),
        ("profile.org_type", choice("school")),
        ("one.decided", choice("partly")),
    ]);
    let mut s = Survey::new(&fw, given, Mode::Unanswered);
    let asked = skip_all(&mut s);
    assert_eq!(asked, ["profile.educators", "one.shared", "one.task", "two.acted"]);
}

#[test]
fn review_asks_every_question_that_applies() {
    let fw = mini();
    let given = answers(&[
        ("profile.organization", text("Test")),
        ("profile.org_type", choice("school")),
        ("one.decided", choice("no")),
    ]);
    let mut s = Survey::new(&fw, given, Mode::Review);
    assert_eq!(s.current_answer(), Some(&text("Test")));
    let asked = skip_all(&mut s);
    assert_eq!(
        asked,
        [
            "profile.organization",
            "profile.org_type",
            "profile.educators",
            "one.decided",
            "one.task",
            "two.acted"
        ]
    );
    // Skipping keeps every answer as it was.
    assert_eq!(s.answers().values.len(), 3);
}

#[test]
fn nothing_to_ask_when_every_question_that_applies_is_answered() {
    let fw = mini();
    let given = answers(&[
        ("profile.organization", text("Test")),
        ("profile.org_type", choice("school")),
        ("profile.educators", AnswerValue::Integer(3)),
        ("one.decided", choice("no")),
        ("one.task", choice("done")),
        ("two.acted", choice("no")),
    ]);
    let s = Survey::new(&fw, given, Mode::Unanswered);
    assert!(s.current().is_none());
    assert!(s.progress().is_none());
}

#[test]
fn a_skipped_question_stays_unanswered_and_is_not_asked_again() {
    let fw = mini();
    let mut s = Survey::new(&fw, Answers::default(), Mode::Unanswered);
    s.answer(text("Test"));
    s.answer(choice("school"));
    assert_eq!(current(&s), "profile.educators");
    s.skip();
    assert_eq!(current(&s), "one.decided");
    assert!(s.answers().get("profile.educators").is_none());
    s.answer(choice("no"));
    s.answer(choice("done"));
    s.answer(choice("no"));
    assert!(s.current().is_none());
    assert!(s.answers().get("profile.educators").is_none());
}

#[test]
fn going_back_and_changing_an_answer_drops_the_question_that_depended_on_it() {
    let fw = mini();
    let mut s = Survey::new(&fw, Answers::default(), Mode::Unanswered);
    s.answer(text("Test"));
    s.answer(choice("school"));
    s.skip();
    s.answer(choice("yes"));
    assert_eq!(current(&s), "one.shared");
    s.answer(choice("partly"));
    assert_eq!(current(&s), "one.task");
    assert!(s.back());
    assert_eq!(current(&s), "one.shared");
    assert_eq!(s.current_answer(), Some(&choice("partly")));
    assert!(s.back());
    assert_eq!(current(&s), "one.decided");
    assert_eq!(s.current_answer(), Some(&choice("yes")));
    let changed = s.answer(choice("no"));
    assert_eq!(changed.set, Some(("one.decided".to_string(), choice("no"))));
    assert_eq!(changed.dropped, ["one.shared"]);
    assert!(s.answers().get("one.shared").is_none());
    assert_eq!(current(&s), "one.task");
    assert_eq!(s.progress().unwrap().to_string(), "5 of 6");
}

#[test]
fn going_back_and_changing_an_answer_asks_the_question_that_now_applies() {
    let fw = mini();
    let mut s = Survey::new(&fw, Answers::default(), Mode::Unanswered);
    s.answer(text("Test"));
    s.answer(choice("school"));
    s.answer(AnswerValue::Integer(9));
    s.answer(choice("no"));
    assert_eq!(current(&s), "one.task");
    assert!(s.back());
    s.answer(choice("partly"));
    assert_eq!(current(&s), "one.shared");
}

#[test]
fn going_back_twice_then_forward_walks_the_same_questions_again() {
    let fw = mini();
    let mut s = Survey::new(&fw, Answers::default(), Mode::Unanswered);
    s.answer(text("Test"));
    s.answer(choice("school"));
    s.answer(AnswerValue::Integer(9));
    assert!(s.back());
    assert!(s.back());
    assert_eq!(current(&s), "profile.org_type");
    s.answer(choice("district"));
    // Already answered, but asked in this survey: it comes again, with its answer.
    assert_eq!(current(&s), "profile.educators");
    assert_eq!(s.current_answer(), Some(&AnswerValue::Integer(9)));
}

#[test]
fn there_is_no_going_back_from_the_first_question() {
    let fw = mini();
    let mut s = Survey::new(&fw, Answers::default(), Mode::Unanswered);
    assert!(!s.can_go_back());
    assert!(!s.back());
    assert_eq!(current(&s), "profile.organization");
    s.answer(text("Test"));
    assert!(s.can_go_back());
}

#[test]
fn set_answer_drops_only_answers_that_counted_before() {
    let fw = ctq();
    let mut a = answers(&[
        ("how.fee_based", choice("yes")),
        ("how.fee_funding", choice("partly")),
        ("why.theory_of_action", choice("no")),
        // Already ignored: why.shared_theory does not apply while the theory is `no`.
        ("why.shared_theory", choice("yes")),
    ]);
    assert_eq!(
        set_answer(&fw, &mut a, "how.fee_based", choice("no")),
        ["how.fee_funding"]
    );
    assert!(a.get("how.fee_funding").is_none());
    assert!(a.get("why.shared_theory").is_some());
    assert!(set_answer(&fw, &mut a, "how.fee_based", choice("yes")).is_empty());
}

#[test]
fn headings_are_phases_or_the_questionnaire() {
    let fw = ctq();
    match heading(&fw, "profile.org_type") {
        Some(Heading::Questionnaire(q)) => assert_eq!(q.title, "Readiness survey"),
        other => panic!("{other:?}"),
    }
    match heading(&fw, "how.fee_funding") {
        Some(Heading::Phase { number, of, phase }) => {
            assert_eq!((number, of), (2, 3));
            assert_eq!(&*phase.id, "how");
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(heading(&fw, "why.goals").unwrap().key(), "phase:why");
    assert!(heading(&fw, "no.such").is_none());
}

#[test]
fn typed_input_is_checked_like_an_answer_in_a_file() {
    let fw = ctq();
    let educators = &fw.questions["profile.educators"];
    assert_eq!(parse_input(educators, " 320 "), Ok(AnswerValue::Integer(320)));
    assert!(parse_input(educators, "0").unwrap_err().contains("out of range"));
    assert!(parse_input(educators, "many").unwrap_err().contains("whole number"));
    assert!(parse_input(educators, "").is_err());
    let name = &fw.questions["profile.organization"];
    assert_eq!(parse_input(name, "  Nazareth "), Ok(text("Nazareth")));
    let kind = &fw.questions["profile.org_type"];
    assert_eq!(parse_input(kind, "state"), Ok(choice("state")));
    assert!(parse_input(kind, "city").is_err());
}

#[test]
fn the_default_framework_asks_the_fee_plan_only_for_fee_based_plans() {
    let fw = ctq();
    let base = answers(&[
        ("profile.organization", text("Test")),
        ("profile.org_type", choice("district")),
    ]);
    let total = |a: &Answers| applicable(&fw, a).len();
    let mut a = base.clone();
    a.values.insert("how.fee_based".into(), choice("no"));
    let without = total(&a);
    a.values.insert("how.fee_based".into(), choice("yes"));
    assert_eq!(total(&a), without + 1);
    assert!(applicable(&fw, &a).contains(&"how.fee_funding".to_string()));
}
