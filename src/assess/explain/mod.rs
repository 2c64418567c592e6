//! Explanations: how each phase score adds up, which gate decided, why each rule fired or
//! not, and the fewest answer changes that would reach the next phase. Pure: no I/O.

mod bound;
mod construct;
mod search;
#[cfg(test)]
mod tests;

use std::sync::Arc;

use serde::Serialize;

pub use search::SEARCH_WORK;
use search::next_phase;

use super::{Assessment, Effective, Reach, assess, counts, phase_met, phase_result, phase_score, points, reach};
use crate::answers::{AnswerValue, Answers};
use crate::rules::{AnswerKind, Framework, Phase};

/// The whole trace of one assessment.
#[derive(Debug, Clone, Serialize)]
pub struct Explanation {
    /// The assessment explained.
    pub assessment: Assessment,
    /// How the scores are made and whose method it is, as the framework says; null when it
    /// says nothing.
    pub method: Option<String>,
    /// How each phase came out.
    pub phases: Vec<PhaseTrace>,
    /// Every recommendation rule, fired or not, and why.
    pub rules: Vec<RuleTrace>,
    /// The fewest answer changes that meet the current phase; null when complete.
    pub next_phase: Option<NextPhase>,
}

/// How one phase's score adds up and why it is met or not.
#[derive(Debug, Clone, Serialize)]
pub struct PhaseTrace {
    /// Phase id.
    pub id: Arc<str>,
    /// Phase name.
    pub name: Arc<str>,
    /// Phase goal.
    pub goal: Arc<str>,
    /// Whether the goal is this rule set's own reading, not the documents' words.
    pub ours: bool,
    /// Each scored answer.
    pub items: Vec<ItemTrace>,
    /// Sum of weight times points over the items that apply.
    pub earned: u64,
    /// Sum of the weights of the items that apply.
    pub total_weight: u64,
    /// The score: earned / total weight, rounded half up.
    pub score: u32,
    /// The threshold.
    pub threshold: u32,
    /// Each gate, and whether it holds.
    pub gates: Vec<GateTrace>,
    /// Whether the phase is met.
    pub met: bool,
    /// What keeps it from being met, in plain words.
    pub blockers: Vec<String>,
}

/// One scored answer.
#[derive(Debug, Clone, Serialize)]
pub struct ItemTrace {
    /// Question id.
    pub question: Arc<str>,
    /// The answer, or null when unanswered or when the question does not apply.
    pub answer: Option<String>,
    /// The answer in words (the label that fits the question); null when unanswered.
    pub label: Option<String>,
    /// What the answer means for this question, where the rule set says; else null.
    pub rubric: Option<String>,
    /// Whether the question applies (its condition holds).
    pub applies: bool,
    /// Whether the item counts towards the score (it applies and is not `not_applicable`).
    pub counts: bool,
    /// Points earned (0 to 100).
    pub points: u32,
    /// Weight.
    pub weight: u32,
}

/// One gate of a phase.
#[derive(Debug, Clone, Serialize)]
pub struct GateTrace {
    /// The condition, as written.
    pub condition: String,
    /// Why it matters.
    pub reason: Arc<str>,
    /// Whether it holds.
    pub holds: bool,
    /// The answers that decided it (question ids).
    pub decided_by: Vec<Arc<str>>,
}

/// One recommendation rule.
#[derive(Debug, Clone, Serialize)]
pub struct RuleTrace {
    /// Rule id.
    pub id: Arc<str>,
    /// Whether the advice is this rule set's own, not the documents'.
    pub ours: bool,
    /// Whether it fired.
    pub fired: bool,
    /// Why it fired or not, in plain words.
    pub reason: String,
    /// The answers that decided the condition (question ids).
    pub decided_by: Vec<Arc<str>>,
}

/// The fewest answer changes that would meet the current phase.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NextPhase {
    /// The phase these changes would meet.
    pub meets: String,
    /// The phase the organization would then be in, or null when that completes the framework
    /// (or when no changes were found).
    pub moves_to: Option<String>,
    /// The changes; empty with `found` false when no changes among the phase's answers do it.
    pub changes: Vec<Change>,
    /// Whether a set of changes was found.
    pub found: bool,
    /// Whether the changes are proved the fewest: false when the search for them stopped at
    /// its limit, and they were built directly instead (gates, open tasks, the answers that
    /// gain the most points), which may take more changes than needed.
    pub exhaustive: bool,
}

/// One answer change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    /// Question id.
    pub question: String,
    /// The answer now, or null when unanswered.
    pub from: Option<String>,
    /// The answer that would help.
    pub to: String,
}

/// Explains an assessment.
pub fn explain(framework: &Framework, answers: &Answers) -> Explanation {
    let assessment = assess(framework, answers);
    let eff = Effective::new(framework, answers);
    let phases = framework
        .phases
        .iter()
        .map(|p| phase_trace(framework, p, &eff))
        .collect();
    let current = framework.phase_index(&assessment.phase.id).unwrap_or(0);
    let disagreements: &[String] = assessment.team.as_ref().map_or(&[], |t| &t.disagreements);
    let rules = framework
        .recommendations
        .iter()
        .map(|rule| {
            let reach = reach(framework, rule, current, assessment.complete);
            let outcome = rule.when.as_ref().map(|c| (c, eff.evaluate(c)));
            let fired = assessment.recommendations.iter().any(|r| r.id == rule.id);
            let reason = if reach == Reach::PhaseNotReached {
                format!(
                    "waits for phase `{}`, not reached yet",
                    rule.phase.as_deref().unwrap_or_default()
                )
            } else if reach == Reach::NotComplete {
                "fires only when every phase is met".to_string()
            } else if rule.disagreement && !fired && disagreements.is_empty() {
                if assessment.team.is_some() {
                    "fires only when the team's respondents disagree, and they agree on every question".to_string()
                } else {
                    "fires only for a team's answers whose respondents disagree".to_string()
                }
            } else if !rule.timeline.is_empty() && outcome.as_ref().is_none_or(|(_, o)| o.holds) {
                let kinds: Vec<&str> = rule.timeline.iter().map(|k| k.label()).collect();
                let found: Vec<&str> = assessment
                    .timeline
                    .iter()
                    .flat_map(|t| t.of_kinds(&rule.timeline))
                    .map(|f| f.message.as_str())
                    .collect();
                if found.is_empty() {
                    format!(
                        "fires only when the timeline checks find a problem ({}), and they find none",
                        kinds.join(", ")
                    )
                } else {
                    format!("the timeline checks found: {}", found.join(" "))
                }
            } else if rule.disagreement && outcome.as_ref().is_none_or(|(_, o)| o.holds) {
                format!("the respondents disagree on {}", disagreements.join(", "))
            } else {
                match &outcome {
                    None => "has no condition: it always fires".to_string(),
                    Some((c, o)) if o.holds => format!("`{c}` holds"),
                    Some((c, _)) => format!("`{c}` does not hold"),
                }
            };
            RuleTrace {
                id: rule.id.clone(),
                ours: rule.ours,
                fired,
                reason,
                decided_by: outcome.map(|(_, o)| o.because).unwrap_or_default(),
            }
        })
        .collect();
    let by_dates = assessment.timeline.as_ref().and_then(|t| t.counts_as.as_ref());
    let next_phase =
        (!assessment.complete).then(|| next_phase(framework, answers, &framework.phases[current], by_dates));
    Explanation {
        assessment,
        method: framework.method.clone(),
        phases,
        rules,
        next_phase,
    }
}

fn phase_trace(framework: &Framework, phase: &Phase, eff: &Effective) -> PhaseTrace {
    let result = phase_result(framework, phase, eff);
    let score = phase_score(phase, eff);
    let items = phase
        .scoring
        .iter()
        .map(|item| {
            let value = eff.get_at(item.index);
            let question = &framework.questions[item.index];
            let answer = value.map(AnswerValue::as_text);
            ItemTrace {
                question: question.id.clone(),
                label: answer.as_deref().map(|a| question.label(a).to_string()),
                rubric: answer.as_deref().and_then(|a| question.rubric.get(a)).cloned(),
                answer,
                applies: eff.applies_at(item.index),
                counts: counts(item, eff),
                points: points(item, value),
                weight: item.weight,
            }
        })
        .collect();
    let gates = phase
        .gates
        .iter()
        .map(|g| {
            let o = eff.evaluate(&g.condition);
            GateTrace {
                condition: g.condition.to_string(),
                reason: g.reason.clone(),
                holds: o.holds,
                decided_by: o.because,
            }
        })
        .collect();
    PhaseTrace {
        id: phase.id.clone(),
        name: phase.name.clone(),
        goal: phase.goal.clone(),
        ours: phase.ours,
        items,
        earned: score.earned,
        total_weight: score.total_weight,
        score: result.score,
        threshold: result.threshold,
        gates,
        met: result.met,
        blockers: result.blockers(),
    }
}
