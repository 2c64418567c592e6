//! Assessment: a framework and answers in, an [`Assessment`] out; its explanation; and the
//! golden test cases of a rule set. Pure: no I/O.

pub mod compare;
mod effective;
pub mod explain;
pub mod golden;
mod result;
pub mod team;
pub mod timeline;

use indexmap::IndexMap;

use crate::score::{self, Score};
pub use effective::Effective;
pub use result::{
    Assessment, FrameworkRef, Gap, PhaseRef, PhaseResult, RecommendationResult, RemainingTask, ResourceRef,
};

use crate::answers::{AnswerValue, Answers};
use crate::rules::{Framework, Phase, Recommendation, Role, Scored};

/// The points an answer earns on an item's scale; an unanswered question earns none.
pub fn points(item: &Scored, value: Option<&AnswerValue>) -> u32 {
    value
        .and_then(|v| match v {
            AnswerValue::Choice(s) | AnswerValue::Text(s) => item.points.get(s.as_str()),
            AnswerValue::Integer(n) => item.points.get(itoa::Buffer::new().format(*n)),
            AnswerValue::NotApplicable | AnswerValue::DontKnow => None,
        })
        .copied()
        .unwrap_or(0)
}

/// Whether an item counts towards its phase's score: its question applies, and the answer
/// is not `not_applicable`.
pub fn counts(item: &Scored, eff: &Effective) -> bool {
    eff.applies_at(item.index) && eff.get_at(item.index) != Some(&AnswerValue::NotApplicable)
}

/// A phase's score over the answers that count ([`score::weighted`]): unanswered questions
/// (and `dont_know`) earn no points; questions that do not apply, or are answered
/// `not_applicable`, are left out.
pub fn phase_score(phase: &Phase, eff: &Effective) -> Score {
    score::weighted(
        phase
            .scoring
            .iter()
            .filter(|item| counts(item, eff))
            .map(|item| (item.weight, points(item, eff.get_at(item.index)))),
    )
}

/// Whether a recommendation rule may fire where the organization stands, and if not, why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reach {
    /// The rule may fire (its condition decides).
    Reached,
    /// The rule's phase is later than the current phase.
    PhaseNotReached,
    /// The rule fires only when every phase is met, and one is not.
    NotComplete,
}

/// Whether the organization has reached a rule's phase, so that the rule may fire: a rule
/// of no phase always has; one of a phase has once that phase is current or passed (every
/// phase, when the framework is complete). A `complete` rule also needs every phase met.
/// `current` is the index of the current phase.
pub fn reach(framework: &Framework, rule: &Recommendation, current: usize, complete: bool) -> Reach {
    let phase_reached = rule
        .phase
        .as_ref()
        .is_none_or(|p| complete || framework.phase_index(p).is_some_and(|i| i <= current));
    if !phase_reached {
        Reach::PhaseNotReached
    } else if rule.complete && !complete {
        Reach::NotComplete
    } else {
        Reach::Reached
    }
}

/// The phase's tasks that are not done (their answer does not earn full points), in order.
fn open_tasks<'a>(
    framework: &'a Framework,
    phase: &'a Phase,
    eff: &'a Effective<'a>,
) -> impl Iterator<Item = (&'a str, Option<&'a AnswerValue>)> {
    phase.scoring.iter().filter_map(move |item| {
        let question = &framework.questions[item.index];
        if question.role != Role::Task || !counts(item, eff) {
            return None;
        }
        let value = eff.get_at(item.index);
        let done = points(item, value) == score::FULL;
        (!done).then_some((item.question.as_str(), value))
    })
}

/// Whether a phase is met: [`phase_result`]'s `met`, without the words.
pub fn phase_met(framework: &Framework, phase: &Phase, eff: &Effective) -> bool {
    phase_score(phase, eff).score >= phase.threshold
        && phase.gates.iter().all(|g| eff.holds(&g.condition))
        && open_tasks(framework, phase, eff).next().is_none()
}

/// Scores a phase and says, in plain words, what keeps it from being met.
pub fn phase_result(framework: &Framework, phase: &Phase, eff: &Effective) -> PhaseResult {
    let score = phase_score(phase, eff).score;
    let mut blockers = Vec::new();
    let mut gaps = Vec::new();
    if score < phase.threshold {
        blockers.push(format!("the score is {score}, below the {} needed", phase.threshold));
        gaps.push(Gap::Score);
    }
    for gate in &phase.gates {
        if !eff.holds(&gate.condition) {
            blockers.push(gate.reason.clone());
            gaps.push(Gap::Gate(gate.reason.clone()));
        }
    }
    let open: Vec<&str> = open_tasks(framework, phase, eff).map(|(id, _)| id).collect();
    if !open.is_empty() {
        let titles: Vec<&str> = open.iter().map(|id| framework.questions[*id].title.as_str()).collect();
        blockers.push(format!("important tasks not done: {}", titles.join("; ")));
        gaps.extend(open.iter().map(|id| Gap::Task((*id).to_string())));
    }
    PhaseResult {
        id: phase.id.clone(),
        name: phase.name.clone(),
        score,
        threshold: phase.threshold,
        met: blockers.is_empty(),
        blockers,
        gaps,
    }
}

/// What an assessment decides, before anything is copied out of the framework: the answers
/// that count, each phase's result, where the organization stands, and the rules that
/// fire. [`assess`] builds the full [`Assessment`] from it; a portfolio row needs less.
#[derive(Debug, Clone)]
pub struct Outline<'f> {
    /// The answers that count.
    pub eff: Effective<'f>,
    /// Every phase, in order, with its score.
    pub phases: Vec<PhaseResult>,
    /// The index of the current phase (the last when complete).
    pub current: usize,
    /// Every phase is met.
    pub complete: bool,
    /// For a team's answers, the spread and the disagreements.
    pub team: Option<team::Team>,
    /// The rules that fire, by priority then in rule-file order, each with the question
    /// ids whose answers triggered it.
    pub fired: Vec<(&'f Recommendation, Vec<String>)>,
    /// What the timeline checks found, when the answers date the framework's timeline.
    pub timeline: Option<timeline::TimelineCheck>,
}

impl Outline<'_> {
    /// How many important tasks are not done.
    pub fn open_tasks(&self, framework: &Framework) -> usize {
        framework
            .phases
            .iter()
            .map(|p| open_tasks(framework, p, &self.eff).count())
            .sum()
    }
}

/// Decides an assessment: see [`Outline`]. Dates in the past are not checked, and the
/// answers are taken as they are (see [`timeline::with_dates`] for the timeline question
/// answered by the dates).
pub fn outline<'f>(framework: &'f Framework, answers: &'f Answers) -> Outline<'f> {
    outline_with(framework, answers, timeline::check(framework, answers, None))
}

/// Decides an assessment with what the timeline checks found.
fn outline_with<'f>(
    framework: &'f Framework,
    answers: &'f Answers,
    timeline: Option<timeline::TimelineCheck>,
) -> Outline<'f> {
    let eff = Effective::new(framework, answers);
    let phases: Vec<PhaseResult> = framework
        .phases
        .iter()
        .map(|p| phase_result(framework, p, &eff))
        .collect();
    let current = phases.iter().position(|p| !p.met);
    let complete = current.is_none();
    let current = current.unwrap_or(framework.phases.len().saturating_sub(1));
    let team = team::team(framework, answers, &eff);
    let disagreements: &[String] = team.as_ref().map_or(&[], |t| &t.disagreements);
    let mut fired: Vec<(&Recommendation, Vec<String>)> = framework
        .recommendations
        .iter()
        .filter(|rule| reach(framework, rule, current, complete) == Reach::Reached)
        .filter(|rule| !rule.disagreement || !disagreements.is_empty())
        .filter(|rule| {
            rule.timeline.is_empty()
                || timeline
                    .as_ref()
                    .is_some_and(|t| t.of_kinds(&rule.timeline).next().is_some())
        })
        .filter_map(|rule| {
            let mut because = if rule.disagreement {
                disagreements.to_vec()
            } else {
                Vec::new()
            };
            if let Some(condition) = &rule.when {
                // Most rules do not fire: decide first, without collecting why.
                if !eff.holds(condition) {
                    return None;
                }
                let outcome = condition.evaluate(&|id: &str| eff.get(id));
                if !outcome.holds {
                    return None;
                }
                for id in outcome.because {
                    if !because.contains(&id) {
                        because.push(id);
                    }
                }
            }
            Some((rule, because))
        })
        .collect();
    fired.sort_by_key(|(rule, _)| rule.priority);
    Outline {
        eff,
        phases,
        current,
        complete,
        team,
        fired,
        timeline,
    }
}

/// Assesses an organization's answers against a framework. Dates in the past are not
/// checked ([`assess_on`] checks them).
pub fn assess(framework: &Framework, answers: &Answers) -> Assessment {
    assess_on(framework, answers, None)
}

/// Assesses an organization's answers as of a day: the timeline's activities whose dates
/// are before it and that are not done are findings (`past`).
pub fn assess_on(framework: &Framework, answers: &Answers, today: Option<jiff::civil::Date>) -> Assessment {
    let check = timeline::check(framework, answers, today);
    // The timeline question answered by the dates, while it has no answer of its own.
    let with_dates = check.as_ref().and_then(|_| timeline::with_dates(framework, answers));
    let answers = with_dates.as_ref().unwrap_or(answers);
    let Outline {
        eff,
        phases,
        current: current_index,
        complete,
        team,
        fired,
        timeline,
    } = outline_with(framework, answers, check);
    let phase = &framework.phases[current_index];

    let remaining_tasks = framework
        .phases
        .iter()
        .flat_map(|p| {
            open_tasks(framework, p, &eff).map(move |(id, value)| RemainingTask {
                id: id.to_string(),
                phase: p.id.clone(),
                title: framework.questions[id].title.clone(),
                status: value.map_or_else(|| "unanswered".to_string(), AnswerValue::as_text),
            })
        })
        .collect();

    let with = |answer: Option<&AnswerValue>| -> Vec<String> {
        framework
            .questions
            .keys()
            .enumerate()
            .filter(|(i, _)| eff.applies_at(*i) && eff.get_at(*i) == answer)
            .map(|(_, id)| id.clone())
            .collect()
    };
    let unanswered = with(None);
    let not_applicable = with(Some(&AnswerValue::NotApplicable));
    let dont_know = with(Some(&AnswerValue::DontKnow));

    let recommendations: Vec<RecommendationResult> = fired
        .into_iter()
        .map(|(rule, because)| RecommendationResult {
            id: rule.id.clone(),
            phase: rule.phase.clone(),
            priority: rule.priority,
            title: rule.title.clone(),
            text: rule.text.clone(),
            because,
            findings: timeline
                .as_ref()
                .map(|t| t.of_kinds(&rule.timeline).map(|f| f.message.clone()).collect())
                .unwrap_or_default(),
            resources: rule
                .resources
                .iter()
                .map(|id| {
                    let r = &framework.resources[id];
                    ResourceRef {
                        id: r.id.clone(),
                        title: r.title.clone(),
                        kind: r.kind,
                        url: r.url.clone(),
                        duration: r.duration.clone(),
                    }
                })
                .collect(),
        })
        .collect();

    let profile = framework
        .questions
        .values()
        .enumerate()
        .filter(|(_, q)| q.role == Role::Profile)
        .filter_map(|(i, q)| {
            let key = q.id.split_once('.').map_or(q.id.as_str(), |(_, k)| k);
            eff.get_at(i).map(|v| (key.to_string(), v.clone()))
        })
        .collect::<IndexMap<_, _>>();
    let organization = profile
        .get("organization")
        .map(AnswerValue::as_text)
        .unwrap_or_default();

    Assessment {
        framework: FrameworkRef {
            id: framework.id.clone(),
            name: framework.name.clone(),
            version: framework.version.clone(),
            digest: framework.digest.clone(),
        },
        organization,
        profile,
        phase: PhaseRef {
            id: phase.id.clone(),
            name: phase.name.clone(),
            goal: phase.goal.clone(),
        },
        complete,
        phases,
        remaining_tasks,
        unanswered,
        not_applicable,
        dont_know,
        ignored: eff.ignored,
        recommendations,
        team,
        timeline,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::test_support::{mini, mini_answers as answers};

    #[test]
    fn score_is_the_weighted_mean_rounded_half_up() {
        let fw = mini();
        // decided partly (50 x 3) + shared no (0 x 1) + task not started (0 x 1) = 150 / 5 = 30
        let a = assess(
            &fw,
            &answers(&[
                ("one.decided", "partly"),
                ("one.shared", "no"),
                ("one.task", "not_started"),
            ]),
        );
        assert_eq!(a.phases[0].score, 30);
        // decided partly (150) + shared partly (50) + task in progress (50) = 250 / 5 = 50
        let a = assess(
            &fw,
            &answers(&[
                ("one.decided", "partly"),
                ("one.shared", "partly"),
                ("one.task", "in_progress"),
            ]),
        );
        assert_eq!(a.phases[0].score, 50);
        // yes (300) + shared partly (50) + in progress (50) = 400 / 5 = 80
        let a = assess(
            &fw,
            &answers(&[
                ("one.decided", "yes"),
                ("one.shared", "partly"),
                ("one.task", "in_progress"),
            ]),
        );
        assert_eq!(a.phases[0].score, 80);
        // Rounding: decided no, shared not applicable, task in progress: 50 / 4 = 12.5 -> 13.
        let a = assess(&fw, &answers(&[("one.decided", "no"), ("one.task", "in_progress")]));
        assert_eq!(a.phases[0].score, 13);
    }

    #[test]
    fn a_question_that_does_not_apply_is_left_out_and_its_answer_ignored() {
        let fw = mini();
        let a = assess(
            &fw,
            &answers(&[("one.decided", "no"), ("one.shared", "yes"), ("one.task", "done")]),
        );
        assert_eq!(a.ignored, ["one.shared"]);
        assert!(!a.unanswered.contains(&"one.shared".to_string()));
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
        assert_eq!(a.phases[0].blockers, ["a decision is needed"]);
        assert!(!a.phases[0].met);
        assert!(a.phases[1].met);
        assert_eq!(a.phase.id, "one");
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
            a.unanswered,
            ["profile.educators", "one.decided", "one.task", "two.acted"]
        );
    }

    #[test]
    fn later_phase_rules_wait_until_the_phase_is_reached() {
        let fw = mini();
        let ids = |a: &Assessment| a.recommendations.iter().map(|r| r.id.clone()).collect::<Vec<_>>();
        let early = assess(&fw, &answers(&[("one.decided", "no")]));
        assert_eq!(ids(&early), ["decide"]);
        let later = assess(
            &fw,
            &answers(&[("one.decided", "yes"), ("one.shared", "yes"), ("one.task", "done")]),
        );
        assert_eq!(later.phase.id, "two");
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
        assert_eq!(a.phase.id, "two");
        assert!(a.remaining_tasks.is_empty());
        let ids: Vec<_> = a.recommendations.iter().map(|r| r.id.as_str()).collect();
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
            .find(|r| r.id == "small")
            .expect("small fires");
        assert_eq!(small.because, ["profile.org_type", "profile.educators"]);
        assert_eq!(small.priority, crate::rules::Priority::Low);
        assert_eq!(
            result.recommendations.last().unwrap().id,
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
        assert_eq!(result.not_applicable, ["one.task"]);
        assert!(result.remaining_tasks.is_empty());

        a.values.insert("one.task".into(), AnswerValue::DontKnow);
        let result = assess(&fw, &a);
        // The task counts again, with no points: 400 / 5 = 80, and it stays open.
        assert_eq!(result.phases[0].score, 80);
        assert_eq!(result.dont_know, ["one.task"]);
        assert_eq!(result.remaining_tasks[0].status, "dont_know");
        assert!(!result.unanswered.contains(&"one.task".to_string()));
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
        assert!(result.phases[0].blockers.contains(&"a decision is needed".to_string()));
        assert!(!result.recommendations.iter().any(|r| r.id == "decide"));
        // Answered `no`, the same rule fires.
        a.values.insert("one.decided".into(), AnswerValue::Choice("no".into()));
        assert!(assess(&fw, &a).recommendations.iter().any(|r| r.id == "decide"));
    }
}
