//! Unit tests of the report context.

use super::*;
use crate::rules::ResourceType;

#[test]
fn dates_and_types_read_as_words() {
    assert_eq!(date_long("2026-01-15"), "January 15, 2026");
    assert_eq!(date_long("soon"), "soon");
    assert_eq!(plural_title(ResourceType::CaseStudy), "Case studies");
    assert_eq!(plural_title(ResourceType::MicroCredential), "Micro-credentials");
    assert_eq!(plural_title(ResourceType::Research), "Research");
    assert_eq!(status_label("unanswered"), "not yet answered");
}

use crate::assess::assess;
use crate::test_support::{mini, mini_answers};

fn context_of(pairs: &[(&str, &str)]) -> ReportContext {
    let fw = mini();
    let answers = mini_answers(pairs);
    let a = assess(&fw, &answers);
    context(&fw, &answers, &a, "2026-01-15", &ReportOptions::default(), None)
}

#[test]
fn because_shows_the_question_and_the_answer_in_words() {
    let c = context_of(&[("one.decided", "partly")]);
    let decide = c.recommendations.iter().find(|r| r.id == "decide").unwrap();
    assert_eq!(decide.because.len(), 1);
    assert_eq!(decide.because[0].question, "Have we decided?");
    assert_eq!(decide.because[0].label.as_deref(), Some("Partly"));
}

#[test]
fn the_current_phase_and_its_blockers_are_named() {
    let c = context_of(&[("one.decided", "no")]);
    assert_eq!(c.phase.id, "one");
    assert!(c.phase.blockers.contains(&"a decision is needed".to_string()));
    assert_eq!(
        c.phases.iter().map(|p| p.status.as_str()).collect::<Vec<_>>(),
        ["current", "not met"]
    );
    assert_eq!(c.remaining_tasks[0].status_label, "not yet answered");
}

#[test]
fn resources_are_cited_once_and_grouped_by_type() {
    let c = context_of(&[("one.decided", "no")]);
    let ids: Vec<(&str, Vec<&str>)> = c
        .resources_by_type
        .iter()
        .map(|g| (g.label.as_str(), g.resources.iter().map(|r| r.id.as_str()).collect()))
        .collect();
    assert_eq!(ids, [("guide", vec!["guide"]), ("video", vec!["video"])]);
}

#[test]
fn the_next_steps_are_the_first_actions_a_recommendation_then_the_current_phase_task() {
    let c = context_of(&[("one.decided", "no")]);
    let steps: Vec<(&str, &str)> = c
        .next_steps
        .iter()
        .map(|s| (s.title.as_str(), s.label.as_str()))
        .collect();
    assert_eq!(
        steps,
        [
            ("Decide", "High priority"),
            ("Do the task", "Important task of this phase, not yet answered")
        ]
    );
}

#[test]
fn answers_are_grouped_by_part_with_what_is_unanswered_apart() {
    let c = context_of(&[("one.decided", "no")]);
    let groups: Vec<(&str, usize, usize)> = c
        .answers
        .iter()
        .map(|g| (g.title.as_str(), g.answers.len(), g.unanswered.len()))
        .collect();
    assert_eq!(groups, [("Profile", 2, 1), ("Phase one", 1, 1), ("Phase two", 0, 1)]);
}
