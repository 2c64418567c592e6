//! Unit tests of the assessment.

use super::*;

use crate::test_support::{mini, mini_answers as answers};

#[test]
fn score_is_the_weighted_mean_rounded_half_up() {
    let fw = mini();
    // (decided, shared, task, score): decided weighs 3, shared and the task 1 each.
    let cases = [
        // partly (50 x 3) + no (0) + not started (0) = 150 / 5 = 30
        (
            &[
                ("one.decided", "partly"),
                ("one.shared", "no"),
                ("one.task", "not_started"),
            ][..],
            30,
        ),
        // partly (150) + partly (50) + in progress (50) = 250 / 5 = 50
        (
            &[
                ("one.decided", "partly"),
                ("one.shared", "partly"),
                ("one.task", "in_progress"),
            ][..],
            50,
        ),
        // yes (300) + partly (50) + in progress (50) = 400 / 5 = 80
        (
            &[
                ("one.decided", "yes"),
                ("one.shared", "partly"),
                ("one.task", "in_progress"),
            ][..],
            80,
        ),
        // Rounding: no, shared does not apply, in progress: 50 / 4 = 12.5 -> 13.
        (&[("one.decided", "no"), ("one.task", "in_progress")][..], 13),
    ];
    for (given, score) in cases {
        assert_eq!(assess(&fw, &answers(given)).phases[0].score, score, "{given:?}");
    }
}

#[test]
fn a_question_that_does_not_apply_is_left_out_and_its_answer_ignored() {
    let fw = mini();
    let a = assess(
        &fw,
        &answers(&[("one.decided", "no"), ("one.shared", "yes"), ("one.task", "done")]),
    );
    assert_eq!(ids(&a.ignored), ["one.shared"]);
    assert!(!ids(&a.unanswered).contains(&"one.shared"));
    // 0 x 3 + 100 x 1 over weight 4 (shared left out) = 25.
    assert_eq!(a.phases[0].score, 25);
}

#[test]
fn an_unmet_gate_holds_the_phase_whatever_the_score_and_later_work() {
    let fw = mini();
    // Score 70 (partly x 3 + yes + done = 350 / 5) passes the 60 needed, but the gate needs `yes`.
    let a = assess(
        &fw,
        &answers(&[
            ("one.decided", "partly"),
            ("one.shared", "yes"),
            ("one.task", "done"),
            ("two.acted", "yes"),
        ]),
    );
    assert_eq!(a.phases[0].score, 70);
    assert_eq!(a.phases[0].blockers(), ["a decision is needed"]);
    assert!(!a.phases[0].met);
    assert!(a.phases[1].met);
    assert_eq!(&*a.phase.id, "one");
}

#[test]
fn a_phase_is_not_met_while_a_task_is_open() {
    let fw = mini();
    let a = assess(
        &fw,
        &answers(&[
            ("one.decided", "yes"),
            ("one.shared", "yes"),
            ("one.task", "in_progress"),
        ]),
    );
    assert_eq!(a.phases[0].score, 90);
    assert!(!a.phases[0].met);
    assert_eq!(a.remaining_tasks.len(), 1);
    assert_eq!(a.remaining_tasks[0].status, "in_progress");
}

#[test]
fn unanswered_tasks_remain_with_status_unanswered() {
    let a = assess(&mini(), &answers(&[]));
    assert_eq!(a.remaining_tasks[0].status, "unanswered");
    assert_eq!(
        ids(&a.unanswered),
        ["profile.educators", "one.decided", "one.task", "two.acted"]
    );
}

#[test]
fn later_phase_rules_wait_until_the_phase_is_reached() {
    let fw = mini();
    let ids = |a: &Assessment| a.recommendations.iter().map(|r| r.id.to_string()).collect::<Vec<_>>();
    let early = assess(&fw, &answers(&[("one.decided", "no")]));
    assert_eq!(ids(&early), ["decide"]);
    let later = assess(
        &fw,
        &answers(&[("one.decided", "yes"), ("one.shared", "yes"), ("one.task", "done")]),
    );
    assert_eq!(&*later.phase.id, "two");
    assert_eq!(ids(&later), ["act"]);
}

#[test]
fn complete_when_every_phase_is_met() {
    let fw = mini();
    let a = assess(
        &fw,
        &answers(&[
            ("one.decided", "yes"),
            ("one.shared", "yes"),
            ("one.task", "done"),
            ("two.acted", "partly"),
        ]),
    );
    assert!(a.complete);
    assert_eq!(&*a.phase.id, "two");
    assert!(a.remaining_tasks.is_empty());
    let ids: Vec<_> = a.recommendations.iter().map(|r| &*r.id).collect();
    assert_eq!(ids, ["act", "done"]);
}

#[test]
fn profile_rules_name_the_answers_that_triggered_them() {
    let fw = mini();
    let mut a = answers(&[("profile.educators", "40")]);
    a.values
        .insert("profile.org_type".into(), AnswerValue::Choice("district".into()));
    let result = assess(&fw, &a);
    let small = result
        .recommendations
        .iter()
        .find(|r| &*r.id == "small")
        .expect("small fires");
    assert_eq!(ids(&small.because), ["profile.org_type", "profile.educators"]);
    assert_eq!(small.priority, crate::rules::Priority::Low);
    assert_eq!(
        &*result.recommendations.last().unwrap().id,
        "small",
        "low priority comes last"
    );
}

#[test]
fn not_applicable_is_left_out_of_the_score_and_dont_know_earns_nothing() {
    let mut fw = mini();
    fw.questions.get_mut("one.task").unwrap().not_applicable = true;
    let mut a = answers(&[("one.decided", "yes"), ("one.shared", "yes")]);
    a.values.insert("one.task".into(), AnswerValue::NotApplicable);
    let result = assess(&fw, &a);
    // decided 300 + shared 100 over weight 4: the task is left out, and no longer open.
    assert_eq!(result.phases[0].score, 100);
    assert!(result.phases[0].met);
    assert_eq!(ids(&result.not_applicable), ["one.task"]);
    assert!(result.remaining_tasks.is_empty());

    a.values.insert("one.task".into(), AnswerValue::DontKnow);
    let result = assess(&fw, &a);
    // The task counts again, with no points: 400 / 5 = 80, and it stays open.
    assert_eq!(result.phases[0].score, 80);
    assert_eq!(ids(&result.dont_know), ["one.task"]);
    assert_eq!(result.remaining_tasks[0].status, "dont_know");
    assert!(!ids(&result.unanswered).contains(&"one.task"));
}

#[test]
fn a_condition_holds_for_not_applicable_only_when_it_names_it() {
    let mut fw = mini();
    fw.questions.get_mut("one.decided").unwrap().not_applicable = true;
    let mut a = answers(&[]);
    a.values.insert("one.decided".into(), AnswerValue::NotApplicable);
    let result = assess(&fw, &a);
    // The gate `one.decided == yes` does not hold, and `decide` (`!= yes`) does not
    // fire: advice to decide a question that does not apply would be wrong.
    assert!(
        result.phases[0]
            .blockers()
            .contains(&"a decision is needed".to_string())
    );
    assert!(!result.recommendations.iter().any(|r| &*r.id == "decide"));
    // Answered `no`, the same rule fires.
    a.values.insert("one.decided".into(), AnswerValue::Choice("no".into()));
    assert!(assess(&fw, &a).recommendations.iter().any(|r| &*r.id == "decide"));
}

/// Ids as text, to compare with literals.
fn ids(ids: &[std::sync::Arc<str>]) -> Vec<&str> {
    ids.iter().map(|id| &**id).collect()
}

#[test]
fn answers_in_any_order_count_as_the_same_answers() {
    let framework = crate::test_support::ctq();
    let sample = crate::test_support::samples()
        .into_iter()
        .find(|p| p.ends_with("complete-district.toml"))
        .expect("the sample");
    let source = crate::io::SourceFile {
        name: sample.display().to_string(),
        text: std::fs::read_to_string(&sample).unwrap(),
    };
    let given = crate::answers::parse(&framework, &source, crate::answers::Syntax::Toml).unwrap();
    let looked_up: Vec<Option<&AnswerValue>> = framework.questions.keys().map(|id| given.get(id)).collect();
    assert!(looked_up.iter().filter(|a| a.is_some()).count() > 20);
    let reference = Effective::new(&framework, &given);
    let reference: Vec<(&str, &AnswerValue)> = reference.values().collect();
    let entries: Vec<(String, AnswerValue)> = given.values.iter().map(|(k, v)| (k.clone(), v.clone())).collect();
    let n = entries.len();
    // Reversed, rotated, with an answer to an unknown question first and in the middle,
    // and with one answer left out.
    let orders: Vec<Vec<(String, AnswerValue)>> = vec![
        entries.iter().rev().cloned().collect(),
        entries[n / 2..].iter().chain(&entries[..n / 2]).cloned().collect(),
        std::iter::once(("gone.question".to_string(), AnswerValue::Choice("yes".into())))
            .chain(entries[..n / 2].iter().cloned())
            .chain(std::iter::once((
                "gone.other".to_string(),
                AnswerValue::Choice("no".into()),
            )))
            .chain(entries[n / 2..].iter().cloned())
            .collect(),
        entries.iter().skip(1).cloned().collect(),
    ];
    for (k, order) in orders.into_iter().enumerate() {
        let mut answers = given.clone();
        answers.values = order.into_iter().collect();
        let expected: Vec<Option<&AnswerValue>> = framework.questions.keys().map(|id| answers.get(id)).collect();
        assert_eq!(Effective::given(&framework, &answers), expected, "order {k}");
        let eff = Effective::new(&framework, &answers);
        let values: Vec<(&str, &AnswerValue)> = eff.values().collect();
        if k < 3 {
            assert_eq!(values, reference, "order {k}");
        } else {
            assert_eq!(values.len() + 1, reference.len(), "order {k}");
        }
    }
}
