//! Assessment: a framework and answers in, an [`Assessment`] out; its explanation; and the
//! golden test cases of a rule set. Pure: no I/O.

pub mod compare;
mod effective;
pub mod explain;
pub mod golden;
mod open_items;
mod result;
pub mod team;
pub mod timeline;

use std::sync::Arc;

use smallvec::SmallVec;

use crate::condition::Test;
use crate::id_map::IdMap;
use crate::score::{self, Score};
pub use effective::Effective;
pub use open_items::{OpenItem, OpenKind, open_items};
pub use result::{
    Assessment, FrameworkRef, Gap, PhaseRef, PhaseResult, RecommendationResult, RemainingTask, ResourceRef,
};

use crate::answers::{AnswerValue, Answers};
use crate::rules::{Framework, Phase, Question, Recommendation, Role, Scored};

/// The points an answer earns on an item's scale; an unanswered question earns none.
pub fn points(item: &Scored, value: Option<&AnswerValue>) -> u32 {
    value
        .and_then(|v| match v {
            AnswerValue::Choice(s) | AnswerValue::Text(s) => on_scale(item, s),
            AnswerValue::Integer(n) => on_scale(item, itoa::Buffer::new().format(*n)),
            AnswerValue::NotApplicable | AnswerValue::DontKnow => None,
        })
        .unwrap_or(0)
}

/// The points of a value on an item's scale. A scale has a handful of values: comparing
/// them finds one sooner than hashing it.
fn on_scale(item: &Scored, value: &str) -> Option<u32> {
    item.points.iter().find_map(|(v, p)| (v == value).then_some(*p))
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
    let phase_reached = rule.phase.as_ref().is_none_or(|p| {
        complete
            || rule
                .phase_index
                .or_else(|| framework.phase_index(p))
                .is_some_and(|i| i <= current)
    });
    if !phase_reached {
        Reach::PhaseNotReached
    } else if rule.complete && !complete {
        Reach::NotComplete
    } else {
        Reach::Reached
    }
}

/// The phase's tasks that are not done (their answer does not earn full points), in order,
/// each with its question's index in the framework and its answer.
fn open_tasks<'a>(
    framework: &'a Framework,
    phase: &'a Phase,
    eff: &'a Effective<'a>,
) -> impl Iterator<Item = (usize, &'a Question, Option<&'a AnswerValue>)> {
    phase.scoring.iter().filter_map(move |item| {
        let question = &framework.questions[item.index];
        if question.role != Role::Task || !counts(item, eff) {
            return None;
        }
        let value = eff.get_at(item.index);
        let done = points(item, value) == score::FULL;
        (!done).then_some((item.index, question, value))
    })
}

/// Whether a phase is met: [`phase_result`]'s `met`, without the words.
pub fn phase_met(framework: &Framework, phase: &Phase, eff: &Effective) -> bool {
    phase_score(phase, eff).score >= phase.threshold
        && phase.gates.iter().all(|g| eff.holds(&g.condition))
        && open_tasks(framework, phase, eff).next().is_none()
}

/// Scores a phase and says what keeps it from being met.
pub fn phase_result(framework: &Framework, phase: &Phase, eff: &Effective) -> PhaseResult {
    let score = phase_score(phase, eff).score;
    let mut gaps = Vec::new();
    if score < phase.threshold {
        gaps.push(Gap::Score);
    }
    for gate in &phase.gates {
        if !eff.holds(&gate.condition) {
            gaps.push(Gap::Gate(gate.reason.clone()));
        }
    }
    gaps.extend(open_tasks(framework, phase, eff).map(|(_, question, _)| Gap::Task {
        id: question.id.clone(),
        title: question.title.clone(),
    }));
    PhaseResult {
        id: phase.id.clone(),
        name: phase.name.clone(),
        score,
        threshold: phase.threshold,
        met: gaps.is_empty(),
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
    pub fired: Vec<(&'f Recommendation, Vec<Arc<str>>)>,
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
    let mut fired: Vec<(&Recommendation, Vec<Arc<str>>)> = framework
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
            let decided_by = match &rule.when {
                // Most rules do not fire: decide first, without collecting why.
                Some(condition) if !eff.holds(condition) => return None,
                Some(condition) => match condition.decided_by(&|test: &Test| eff.get_for(test)) {
                    (true, tests) => tests,
                    (false, _) => return None,
                },
                None => SmallVec::new(),
            };
            let shared: &[String] = if rule.disagreement { disagreements } else { &[] };
            let mut because: Vec<Arc<str>> = Vec::with_capacity(shared.len() + decided_by.len());
            because.extend(shared.iter().map(|id| Arc::from(id.as_str())));
            for test in decided_by {
                if !because.iter().any(|b| **b == *test.question) {
                    because.push(test.question.clone());
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

/// Where answers stand, as [`assess`] decides it, without the rest of the assessment: the
/// index of the current phase (the last when complete), and whether every phase is met.
pub fn standing(framework: &Framework, answers: &Answers) -> (usize, bool) {
    let with_dates = timeline::with_dates(framework, answers);
    standing_of(
        framework,
        &Effective::new(framework, with_dates.as_ref().unwrap_or(answers)),
    )
}

/// Where the answers that count stand: [`standing`] from answers already worked out.
pub fn standing_of(framework: &Framework, eff: &Effective) -> (usize, bool) {
    let current = framework.phases.iter().position(|p| !phase_met(framework, p, eff));
    (
        current.unwrap_or(framework.phases.len().saturating_sub(1)),
        current.is_none(),
    )
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
    let with_dates = check
        .as_ref()
        .and_then(|check| timeline::answered_by_dates(check, answers));
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
            open_tasks(framework, p, &eff).map(move |(_, question, value)| RemainingTask {
                id: question.id.clone(),
                phase: p.id.clone(),
                title: question.title.clone(),
                status: value.map_or_else(|| "unanswered".to_string(), AnswerValue::as_text),
            })
        })
        .collect();

    let with = |answer: Option<&AnswerValue>| -> Vec<Arc<str>> {
        framework
            .questions
            .values()
            .enumerate()
            .filter(|(i, _)| eff.applies_at(*i) && eff.get_at(*i) == answer)
            .map(|(_, question)| question.id.clone())
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
            let key = q.id.split_once('.').map_or(q.id.as_ref(), |(_, k)| k);
            eff.get_at(i).map(|v| (key.to_string(), v.clone()))
        })
        .collect::<IdMap<_>>();
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
mod tests;
