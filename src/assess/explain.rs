//! Explanations: how each phase score adds up, which gate decided, why each rule fired or
//! not, and the fewest answer changes that would reach the next phase. Pure: no I/O.

use serde::Serialize;

use super::{Assessment, Effective, Reach, assess, counts, phase_result, phase_score, points, reach};
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
    pub id: String,
    /// Phase name.
    pub name: String,
    /// Phase goal.
    pub goal: String,
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
    pub question: String,
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
    pub reason: String,
    /// Whether it holds.
    pub holds: bool,
    /// The answers that decided it.
    pub decided_by: Vec<String>,
}

/// One recommendation rule.
#[derive(Debug, Clone, Serialize)]
pub struct RuleTrace {
    /// Rule id.
    pub id: String,
    /// Whether the advice is this rule set's own, not the documents'.
    pub ours: bool,
    /// Whether it fired.
    pub fired: bool,
    /// Why it fired or not, in plain words.
    pub reason: String,
    /// The answers that decided the condition.
    pub decided_by: Vec<String>,
}

/// The fewest answer changes that would meet the current phase.
#[derive(Debug, Clone, Serialize)]
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
            let outcome = rule.when.as_ref().map(|c| (c, c.evaluate(&|id: &str| eff.get(id))));
            let fired = assessment.recommendations.iter().any(|r| r.id == rule.id);
            let decided_by = outcome.as_ref().map(|(_, o)| o.because.clone()).unwrap_or_default();
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
                decided_by,
            }
        })
        .collect();
    let next_phase = (!assessment.complete).then(|| next_phase(framework, answers, &framework.phases[current]));
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
            let value = eff.get(&item.question);
            let question = &framework.questions[&item.question];
            let answer = value.map(AnswerValue::as_text);
            ItemTrace {
                question: item.question.clone(),
                label: answer.as_deref().map(|a| question.label(a).to_string()),
                rubric: answer.as_deref().and_then(|a| question.rubric.get(a)).cloned(),
                answer,
                applies: eff.applies(&item.question),
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
            let o = g.condition.evaluate(&|id: &str| eff.get(id));
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
        blockers: result.blockers,
    }
}

/// Past this many trials the search for the fewest changes stops.
const SEARCH_LIMIT: usize = 200_000;

/// Finds the fewest answer changes, among the questions the phase scores or gates on (and
/// those their conditions name), that make the phase met. Smaller sets first; among sets of
/// one size, questions and values in framework order.
fn next_phase(framework: &Framework, answers: &Answers, phase: &Phase) -> NextPhase {
    let mut questions: Vec<&str> = Vec::new();
    let mut add = |id: &str| {
        if !questions.contains(&id)
            && framework
                .questions
                .get(id)
                .is_some_and(|q| q.kind == AnswerKind::Choice)
        {
            questions.push(
                framework
                    .questions
                    .get_key_value(id)
                    .map(|(k, _)| k.as_str())
                    .unwrap_or_default(),
            );
        }
    };
    for item in &phase.scoring {
        if let Some(when) = &framework.questions[&item.question].when {
            when.tests().iter().for_each(|t| add(&t.question));
        }
        add(&item.question);
    }
    for gate in &phase.gates {
        gate.condition.tests().iter().for_each(|t| add(&t.question));
    }
    questions.sort_by_key(|id| framework.questions.get_index_of(*id));
    let options: Vec<Vec<&str>> = questions
        .iter()
        .map(|id| {
            let current = answers.get(id).map(AnswerValue::as_text);
            framework.questions[*id]
                .choices
                .keys()
                .map(String::as_str)
                .filter(|v| Some(*v) != current.as_deref())
                .collect()
        })
        .collect();
    let meets = |changes: &[(usize, usize)]| {
        let mut trial = answers.clone();
        for &(q, v) in changes {
            trial
                .values
                .insert(questions[q].to_string(), AnswerValue::Choice(options[q][v].to_string()));
        }
        phase_result(framework, phase, &Effective::new(framework, &trial)).met
    };
    let mut trials = 0;
    let mut found = None;
    'sizes: for size in 1..=questions.len() {
        if trials >= SEARCH_LIMIT {
            break;
        }
        let mut subset: Vec<usize> = (0..size).collect();
        loop {
            // Every value combination for this subset of questions.
            let mut values = vec![0usize; size];
            if subset.iter().all(|&q| !options[q].is_empty()) {
                loop {
                    let changes: Vec<(usize, usize)> = subset.iter().copied().zip(values.iter().copied()).collect();
                    trials += 1;
                    if meets(&changes) {
                        found = Some(changes);
                        break 'sizes;
                    }
                    if trials >= SEARCH_LIMIT || !advance(&mut values, |i| options[subset[i]].len()) {
                        break;
                    }
                }
            }
            if !next_subset(&mut subset, questions.len()) {
                break;
            }
        }
    }
    let changes: Vec<Change> = found
        .iter()
        .flatten()
        .map(|&(q, v)| Change {
            question: questions[q].to_string(),
            from: answers.get(questions[q]).map(AnswerValue::as_text),
            to: options[q][v].to_string(),
        })
        .collect();
    // Where the changes lead: the next phase not met, or none when that completes the framework.
    let moves_to = found.is_some().then(|| {
        let mut trial = answers.clone();
        for c in &changes {
            trial
                .values
                .insert(c.question.clone(), AnswerValue::Choice(c.to.clone()));
        }
        let after = assess(framework, &trial);
        (!after.complete).then_some(after.phase.id)
    });
    NextPhase {
        meets: phase.id.clone(),
        moves_to: moves_to.flatten(),
        changes,
        found: found.is_some(),
    }
}

/// Advances an odometer whose digit `i` runs below `limit(i)`; false after the last reading.
fn advance(values: &mut [usize], limit: impl Fn(usize) -> usize) -> bool {
    for i in (0..values.len()).rev() {
        values[i] += 1;
        if values[i] < limit(i) {
            return true;
        }
        values[i] = 0;
    }
    false
}

/// The next k-subset of 0..n in lexicographic order; false after the last.
fn next_subset(subset: &mut [usize], n: usize) -> bool {
    let k = subset.len();
    for i in (0..k).rev() {
        if subset[i] < n - k + i {
            subset[i] += 1;
            for j in i + 1..k {
                subset[j] = subset[j - 1] + 1;
            }
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
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
        assert_eq!(one.gates[0].decided_by, ["one.decided"]);
    }

    #[test]
    fn rules_say_why_they_fired_or_not() {
        let fw = mini();
        let e = explain(&fw, &mini_answers(&[("one.decided", "no")]));
        let reason = |id: &str| e.rules.iter().find(|r| r.id == id).unwrap().reason.clone();
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
}
