//! Progress between two assessments of one organization: the phase before and after, each
//! phase's score change, tasks finished, started and reopened, gates that now hold (or no
//! longer do), recommendations resolved and new, and the answers that changed. Pure: no I/O.

use serde::Serialize;

use super::{Assessment, Effective, PhaseRef, points, score};
use crate::answers::{AnswerValue, Answers};
use crate::rules::{Framework, Question, Role};

/// What changed since an earlier assessment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Comparison {
    /// The organization (its name in the later answers).
    pub organization: String,
    /// The day of the earlier assessment (`YYYY-MM-DD`), when known.
    pub date: Option<String>,
    /// Where the organization stood then.
    pub before: Standing,
    /// Where it stands now.
    pub after: Standing,
    /// Whether the current phase (or completeness) changed.
    pub moved: bool,
    /// Each phase's score then and now.
    pub phases: Vec<PhaseChange>,
    /// Important tasks done now and not then.
    pub tasks_finished: Vec<TaskChange>,
    /// Important tasks under way now that had not started (or were not answered) then.
    pub tasks_started: Vec<TaskChange>,
    /// Important tasks done then and not now.
    pub tasks_reopened: Vec<TaskChange>,
    /// Gates that hold now and did not then.
    pub gates_now_hold: Vec<GateChange>,
    /// Gates that held then and do not now.
    pub gates_no_longer_hold: Vec<GateChange>,
    /// Recommendations made then and not now.
    pub recommendations_resolved: Vec<RecommendationChange>,
    /// Recommendations made now and not then.
    pub recommendations_new: Vec<RecommendationChange>,
    /// Every answer that changed, in framework order.
    pub answers_changed: Vec<AnswerChange>,
    /// Answers of the earlier file to questions the framework no longer has.
    pub gone: Vec<String>,
    /// The framework version the earlier answers were written for, when it is not this one.
    pub earlier_version: Option<String>,
}

/// Where an organization stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Standing {
    /// The current phase (the last when complete).
    pub phase: PhaseRef,
    /// Every phase is met.
    pub complete: bool,
}

/// One phase's score then and now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PhaseChange {
    /// Phase id.
    pub id: String,
    /// Phase name.
    pub name: String,
    /// The score then.
    pub before: u32,
    /// The score now.
    pub after: u32,
    /// `after - before`.
    pub change: i64,
    /// The change as people write it: `+15`, `-5`, `0`.
    pub change_text: String,
    /// Whether the phase was met then.
    pub met_before: bool,
    /// Whether it is met now.
    pub met_after: bool,
}

/// An important task whose status changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TaskChange {
    /// Task id.
    pub id: String,
    /// The task.
    pub title: String,
    /// Phase name.
    pub phase_name: String,
    /// The status then, in words.
    pub before: String,
    /// The status now, in words.
    pub after: String,
}

/// A gate that changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GateChange {
    /// Phase id.
    pub phase: String,
    /// Phase name.
    pub phase_name: String,
    /// The gate's condition, as written.
    pub condition: String,
    /// Why the gate matters, in the rule set's words (said of the gate when it does not hold).
    pub reason: String,
}

/// A recommendation made in one assessment and not the other.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RecommendationChange {
    /// Rule id.
    pub id: String,
    /// Its title.
    pub title: String,
}

/// An answer that changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AnswerChange {
    /// Question id.
    pub id: String,
    /// The question.
    pub question: String,
    /// The answer then, as written; null when unanswered.
    pub before: Option<String>,
    /// The answer now, as written; null when unanswered.
    pub after: Option<String>,
    /// The answer then, in words.
    pub before_label: String,
    /// The answer now, in words.
    pub after_label: String,
}

/// An answer in words: a choice's label, a number or text as written, or "not yet answered".
pub fn label(question: &Question, value: Option<&AnswerValue>) -> String {
    match value {
        None => "not yet answered".to_string(),
        Some(v @ (AnswerValue::Choice(_) | AnswerValue::NotApplicable | AnswerValue::DontKnow)) => {
            question.label(&v.as_text()).to_string()
        }
        Some(v) => v.as_text(),
    }
}

/// Compares an earlier assessment (`old`, of `old_answers`) with a later one (`new`).
pub fn compare(
    framework: &Framework,
    old_answers: &Answers,
    old: &Assessment,
    new_answers: &Answers,
    new: &Assessment,
) -> Comparison {
    let before_eff = Effective::new(framework, old_answers);
    let after_eff = Effective::new(framework, new_answers);
    let phases = old
        .phases
        .iter()
        .zip(&new.phases)
        .map(|(b, a)| {
            let change = i64::from(a.score) - i64::from(b.score);
            PhaseChange {
                id: a.id.to_string(),
                name: a.name.to_string(),
                before: b.score,
                after: a.score,
                change,
                change_text: if change > 0 {
                    format!("+{change}")
                } else {
                    change.to_string()
                },
                met_before: b.met,
                met_after: a.met,
            }
        })
        .collect();

    let (mut finished, mut started, mut reopened) = (Vec::new(), Vec::new(), Vec::new());
    for phase in &framework.phases {
        for item in &phase.scoring {
            let question = &framework.questions[&item.question];
            if question.role != Role::Task || !after_eff.applies(&item.question) {
                continue;
            }
            let then = before_eff.get(&item.question);
            let now = after_eff.get(&item.question);
            let (p_then, p_now) = (points(item, then), points(item, now));
            let change = || TaskChange {
                id: question.id.to_string(),
                title: question.title.to_string(),
                phase_name: phase.name.to_string(),
                before: label(question, then),
                after: label(question, now),
            };
            if p_now == score::FULL && p_then < score::FULL {
                finished.push(change());
            } else if p_now > 0 && p_now < score::FULL && p_then == 0 {
                started.push(change());
            } else if p_then == score::FULL && p_now < score::FULL {
                reopened.push(change());
            }
        }
    }

    let (mut now_hold, mut no_longer) = (Vec::new(), Vec::new());
    for phase in &framework.phases {
        for gate in &phase.gates {
            let then = gate.condition.evaluate(&|id: &str| before_eff.get(id)).holds;
            let now = gate.condition.evaluate(&|id: &str| after_eff.get(id)).holds;
            let change = GateChange {
                phase: phase.id.to_string(),
                phase_name: phase.name.to_string(),
                condition: gate.condition.to_string(),
                reason: gate.reason.to_string(),
            };
            match (then, now) {
                (false, true) => now_hold.push(change),
                (true, false) => no_longer.push(change),
                _ => {}
            }
        }
    }

    let only_in = |a: &Assessment, b: &Assessment| -> Vec<RecommendationChange> {
        a.recommendations
            .iter()
            .filter(|r| !b.recommendations.iter().any(|o| o.id == r.id))
            .map(|r| RecommendationChange {
                id: r.id.to_string(),
                title: r.title.to_string(),
            })
            .collect()
    };

    let answers_changed = framework
        .questions
        .values()
        .filter_map(|q| {
            let (then, now) = (old_answers.get(&q.id), new_answers.get(&q.id));
            (then != now).then(|| AnswerChange {
                id: q.id.to_string(),
                question: q.title.to_string(),
                before: then.map(AnswerValue::as_text),
                after: now.map(AnswerValue::as_text),
                before_label: label(q, then),
                after_label: label(q, now),
            })
        })
        .collect();

    let standing = |a: &Assessment| Standing {
        phase: a.phase.clone(),
        complete: a.complete,
    };
    Comparison {
        organization: new.organization.clone(),
        date: old_answers.assessed.clone(),
        before: standing(old),
        after: standing(new),
        moved: old.phase.id != new.phase.id || old.complete != new.complete,
        phases,
        tasks_finished: finished,
        tasks_started: started,
        tasks_reopened: reopened,
        gates_now_hold: now_hold,
        gates_no_longer_hold: no_longer,
        recommendations_resolved: only_in(old, new),
        recommendations_new: only_in(new, old),
        answers_changed,
        gone: old_answers.gone.clone(),
        earlier_version: old_answers
            .framework_version
            .clone()
            .filter(|v| **v != *framework.version),
    }
}
