//! Evaluation: a framework and answers in, an assessment out. Pure: no I/O.

use indexmap::IndexMap;

use crate::answers::{AnswerValue, Answers};
use crate::assessment::{
    Assessment, FrameworkRef, PhaseRef, PhaseResult, RecommendationResult, RemainingTask, ResourceRef,
};
use crate::framework::{Framework, Phase, Role};

/// The answers that count: each question's answer when the question applies.
#[derive(Debug, Clone, Default)]
pub struct Effective {
    /// Answer by question id, only for questions that apply.
    pub values: IndexMap<String, AnswerValue>,
    /// Ids of questions that apply, in framework order.
    pub applicable: Vec<String>,
    /// Ids of answers given to questions that do not apply.
    pub ignored: Vec<String>,
}

impl Effective {
    /// Works out, in question order, which questions apply and which answers count.
    pub fn new(framework: &Framework, answers: &Answers) -> Effective {
        let mut eff = Effective::default();
        for question in framework.questions.values() {
            let applies = match &question.when {
                None => true,
                Some(condition) => condition.evaluate(&|id: &str| eff.values.get(id)).holds,
            };
            if applies {
                eff.applicable.push(question.id.clone());
                if let Some(value) = answers.get(&question.id) {
                    eff.values.insert(question.id.clone(), value.clone());
                }
            } else if answers.get(&question.id).is_some() {
                eff.ignored.push(question.id.clone());
            }
        }
        eff
    }

    /// The answer that counts for a question.
    pub fn get(&self, id: &str) -> Option<&AnswerValue> {
        self.values.get(id)
    }

    /// Whether a question applies.
    pub fn applies(&self, id: &str) -> bool {
        self.applicable.iter().any(|q| q == id)
    }
}

/// A phase's score: weighted mean of the points of its applicable answers, rounded half up.
/// Unanswered questions earn no points. A phase with nothing that applies scores 100.
pub fn phase_score(phase: &Phase, eff: &Effective) -> u32 {
    let (mut earned, mut total) = (0u64, 0u64);
    for item in &phase.scoring {
        if !eff.applies(&item.question) {
            continue;
        }
        let points = eff
            .get(&item.question)
            .and_then(|v| item.points.get(&v.as_text()))
            .copied()
            .unwrap_or(0);
        earned += u64::from(item.weight) * u64::from(points);
        total += u64::from(item.weight);
    }
    if total == 0 {
        100
    } else {
        ((earned * 2 + total) / (total * 2)) as u32
    }
}

/// The phase's tasks that are not done (their answer does not earn full points), in order.
fn open_tasks<'a>(
    framework: &'a Framework,
    phase: &'a Phase,
    eff: &'a Effective,
) -> impl Iterator<Item = (&'a str, Option<&'a AnswerValue>)> {
    phase.scoring.iter().filter_map(move |item| {
        let question = &framework.questions[&item.question];
        if question.role != Role::Task || !eff.applies(&item.question) {
            return None;
        }
        let value = eff.get(&item.question);
        let done = value.and_then(|v| item.points.get(&v.as_text())) == Some(&100);
        (!done).then_some((item.question.as_str(), value))
    })
}

/// Scores a phase and says, in plain words, what keeps it from being met.
pub fn phase_result(framework: &Framework, phase: &Phase, eff: &Effective) -> PhaseResult {
    let score = phase_score(phase, eff);
    let mut blockers = Vec::new();
    if score < phase.threshold {
        blockers.push(format!("the score is {score}, below the {} needed", phase.threshold));
    }
    for gate in &phase.gates {
        if !gate.condition.evaluate(&|id: &str| eff.get(id)).holds {
            blockers.push(gate.reason.clone());
        }
    }
    let open: Vec<&str> = open_tasks(framework, phase, eff)
        .map(|(id, _)| framework.questions[id].title.as_str())
        .collect();
    if !open.is_empty() {
        blockers.push(format!("important tasks not done: {}", open.join("; ")));
    }
    PhaseResult {
        id: phase.id.clone(),
        name: phase.name.clone(),
        score,
        threshold: phase.threshold,
        met: blockers.is_empty(),
        blockers,
    }
}

/// Assesses an organisation's answers against a framework.
pub fn assess(framework: &Framework, answers: &Answers) -> Assessment {
    let eff = Effective::new(framework, answers);
    let phases: Vec<PhaseResult> = framework
        .phases
        .iter()
        .map(|p| phase_result(framework, p, &eff))
        .collect();
    let current = phases.iter().position(|p| !p.met);
    let complete = current.is_none();
    let current_index = current.unwrap_or(framework.phases.len().saturating_sub(1));
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

    let unanswered = eff
        .applicable
        .iter()
        .filter(|id| eff.get(id).is_none())
        .cloned()
        .collect();

    let mut recommendations: Vec<RecommendationResult> = framework
        .recommendations
        .iter()
        .filter(|rule| {
            let reached = rule
                .phase
                .as_ref()
                .is_none_or(|p| complete || framework.phase_index(p).is_some_and(|i| i <= current_index));
            reached && (!rule.complete || complete)
        })
        .filter_map(|rule| {
            let because = match &rule.when {
                None => Vec::new(),
                Some(condition) => {
                    let outcome = condition.evaluate(&|id: &str| eff.get(id));
                    if !outcome.holds {
                        return None;
                    }
                    outcome.because
                }
            };
            Some(RecommendationResult {
                id: rule.id.clone(),
                phase: rule.phase.clone(),
                priority: rule.priority,
                title: rule.title.clone(),
                text: rule.text.clone(),
                because,
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
        })
        .collect();
    recommendations.sort_by_key(|r| r.priority);

    let profile = framework
        .questions
        .values()
        .filter(|q| q.role == Role::Profile)
        .filter_map(|q| {
            let key = q.id.split_once('.').map_or(q.id.as_str(), |(_, k)| k);
            eff.get(&q.id).map(|v| (key.to_string(), v.clone()))
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
        ignored: eff.ignored,
        recommendations,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::load::mini_fixture as mini;

    fn answers(pairs: &[(&str, &str)]) -> Answers {
        let mut a = Answers::default();
        a.values
            .insert("profile.organization".into(), AnswerValue::Text("Test".into()));
        a.values
            .insert("profile.org_type".into(), AnswerValue::Choice("school".into()));
        for (id, v) in pairs {
            let value = match v.parse::<i64>() {
                Ok(n) => AnswerValue::Integer(n),
                Err(_) => AnswerValue::Choice((*v).into()),
            };
            a.values.insert((*id).into(), value);
        }
        a
    }

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
        assert_eq!(small.priority, crate::framework::Priority::Low);
        assert_eq!(
            result.recommendations.last().unwrap().id,
            "small",
            "low priority comes last"
        );
    }
}
