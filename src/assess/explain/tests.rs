//! Unit tests of explanations.

use super::*;
use crate::test_support::{mini, mini_answers};

#[test]
fn the_trace_adds_up_to_the_score() {
    let fw = mini();
    let e = explain(
        &fw,
        &mini_answers(&[("one.decided", "partly"), ("one.task", "in_progress")]),
    );
    let one = &e.phases[0];
    // decided partly: 50 x 3; shared (asked, unanswered): 0 x 1; task in progress: 50 x 1.
    assert_eq!((one.earned, one.total_weight, one.score), (200, 5, 40));
    assert_eq!(one.score, e.assessment.phases[0].score);
    assert!(!one.gates[0].holds);
    assert_eq!(one.gates[0].decided_by, [Arc::from("one.decided")]);
}

#[test]
fn rules_say_why_they_fired_or_not() {
    let fw = mini();
    let e = explain(&fw, &mini_answers(&[("one.decided", "no")]));
    let reason = |id: &str| e.rules.iter().find(|r| &*r.id == id).unwrap().reason.clone();
    assert_eq!(reason("decide"), "`one.decided != yes` holds");
    assert_eq!(reason("act"), "waits for phase `two`, not reached yet");
    assert_eq!(reason("done"), "fires only when every phase is met");
}

#[test]
fn the_fewest_changes_meet_the_current_phase() {
    let fw = mini();
    let e = explain(&fw, &mini_answers(&[("one.decided", "no"), ("one.task", "done")]));
    let next = e.next_phase.unwrap();
    assert!(next.found);
    assert_eq!(next.meets, "one");
    let changes: Vec<(&str, &str)> = next
        .changes
        .iter()
        .map(|c| (c.question.as_str(), c.to.as_str()))
        .collect();
    // decided yes (300) + task done (100) over weight 5 (shared now asked, unanswered) = 80.
    assert_eq!(changes, [("one.decided", "yes")]);
    assert_eq!(next.moves_to.as_deref(), Some("two"));
}

#[test]
fn nothing_is_next_when_every_phase_is_met() {
    let fw = mini();
    let e = explain(
        &fw,
        &mini_answers(&[
            ("one.decided", "yes"),
            ("one.shared", "yes"),
            ("one.task", "done"),
            ("two.acted", "yes"),
        ]),
    );
    assert!(e.assessment.complete);
    assert!(e.next_phase.is_none());
}
