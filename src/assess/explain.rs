//! Explanations: how each phase score adds up, which gate decided, why each rule fired or
//! not, and the fewest answer changes that would reach the next phase. Pure: no I/O.

use serde::Serialize;

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

/// How much work the exact search for the fewest changes may do, counted in questions
/// looked at: each trial works out which questions apply, so it costs one per question of
/// the framework. That is every set of up to four changes among ten questions on a
/// 30-question rule set, and 500 trials on a 1,000-question one.
pub const SEARCH_WORK: usize = 500_000;

/// Finds the fewest answer changes, among the choice questions the phase scores or gates on
/// (and those their conditions name), that make the phase met.
///
/// First a direct construction gives a set that works: for each gate that does not hold,
/// the fewest changes among the questions it names; every open task done; then, while the
/// score is short, the answers that gain the most points. Then an exact search tries every
/// smaller set, smaller sets first, and among sets of one size questions and values in
/// framework order; when it finishes, the set it finds is the fewest (`exhaustive`). When
/// it would pass [`SEARCH_WORK`], it stops and the constructed set stands, marked as not
/// proved the fewest.
fn next_phase(framework: &Framework, answers: &Answers, phase: &Phase) -> NextPhase {
    let questions = candidates(framework, phase);
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
    let mut trial = answers.clone();
    let constructed = construct(framework, phase, &questions, &mut trial);
    let trial_cost = framework.questions.len().max(1);
    let mut budget = SEARCH_WORK / trial_cost;
    let largest = constructed.as_ref().map_or(questions.len(), Vec::len);
    // A search that cannot even try every smaller set within its budget cannot prove the
    // constructed set the fewest: it is not started.
    let askable = options.iter().filter(|o| !o.is_empty()).count();
    let smaller_sets = (1..largest).fold(0usize, |sum, k| sum.saturating_add(binomial(askable, k)));
    let mut exhaustive = smaller_sets <= budget;
    if !exhaustive {
        budget = 0;
    }
    // Each trial changes a few answers over the answers given: the changed values are made
    // once, and a trial copies no answer.
    let indices: Vec<usize> = questions
        .iter()
        .map(|id| framework.questions.get_index_of(*id).unwrap_or(usize::MAX))
        .collect();
    let values: Vec<Vec<AnswerValue>> = options
        .iter()
        .map(|o| o.iter().map(|v| AnswerValue::Choice((*v).to_string())).collect())
        .collect();
    let given = Effective::given(framework, answers);
    let mut overrides: Vec<(usize, &AnswerValue)> = Vec::new();
    let mut meets = |changes: &[(usize, usize)]| {
        overrides.clear();
        overrides.extend(changes.iter().map(|&(q, v)| (indices[q], &values[q][v])));
        phase_met(
            framework,
            phase,
            &Effective::with_changes(framework, &given, &overrides),
        )
    };
    let mut searched = None;
    'sizes: for size in 1..=largest {
        let mut subset: Vec<usize> = (0..size).collect();
        loop {
            // Every value combination for this subset of questions.
            let mut values = vec![0usize; size];
            if subset.iter().all(|&q| !options[q].is_empty()) {
                loop {
                    if budget == 0 {
                        exhaustive = false;
                        break 'sizes;
                    }
                    budget -= 1;
                    let changes: Vec<(usize, usize)> = subset.iter().copied().zip(values.iter().copied()).collect();
                    if meets(&changes) {
                        searched = Some(
                            changes
                                .iter()
                                .map(|&(q, v)| (questions[q], options[q][v].to_string()))
                                .collect::<Vec<_>>(),
                        );
                        break 'sizes;
                    }
                    if !advance(&mut values, |i| options[subset[i]].len()) {
                        break;
                    }
                }
            }
            if !next_subset(&mut subset, questions.len()) {
                break;
            }
        }
    }
    let found = searched.or(constructed);
    let changes: Vec<Change> = found
        .iter()
        .flatten()
        .map(|(q, to)| Change {
            question: (*q).to_string(),
            from: answers.get(q).map(AnswerValue::as_text),
            to: to.clone(),
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
        exhaustive,
    }
}

/// The choice questions whose answers can meet a phase: those it scores, those their
/// conditions name, and those its gates name; in framework order.
fn candidates<'f>(framework: &'f Framework, phase: &Phase) -> Vec<&'f str> {
    let mut seen = std::collections::HashSet::new();
    let mut questions: Vec<&'f str> = Vec::new();
    let mut add = |id: &str| {
        if let Some((key, q)) = framework.questions.get_key_value(id)
            && q.kind == AnswerKind::Choice
            && seen.insert(key.as_str())
        {
            questions.push(key.as_str());
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
    questions
}

/// A set of changes that meets the phase, built directly, or `None` when this way finds none:
/// the fewest changes that make each failing gate hold on its own (a small search among the
/// questions it names), every open task done, then the answers that gain the most points
/// until the score reaches the threshold. `trial` starts as the answers and ends changed.
fn construct<'f>(
    framework: &'f Framework,
    phase: &Phase,
    questions: &[&'f str],
    trial: &mut Answers,
) -> Option<Vec<(&'f str, String)>> {
    let original = trial.clone();
    let choose = |trial: &mut Answers, id: &str, value: &str| {
        trial
            .values
            .insert(id.to_string(), AnswerValue::Choice(value.to_string()));
    };
    // A few rounds: a change can make other questions apply, or stop applying.
    for _ in 0..3 {
        for gate in &phase.gates {
            let holds = |trial: &Answers| {
                let eff = Effective::new(framework, trial);
                eff.holds(&gate.condition)
            };
            if holds(trial) {
                continue;
            }
            let named: Vec<&str> = gate
                .condition
                .tests()
                .iter()
                .map(|t| t.question.as_str())
                .filter(|id| questions.contains(id))
                .collect();
            let mut named = named;
            named.dedup();
            let indices: Vec<usize> = named
                .iter()
                .map(|id| framework.questions.get_index_of(*id).unwrap_or(usize::MAX))
                .collect();
            let mut best: Option<Vec<(&str, &str)>> = None;
            // At most 3 of the gate's questions changed at once, at most 1,024 trials.
            let mut tries = 1_024;
            let given = Effective::given(framework, trial);
            'size: for size in 1..=named.len().min(3) {
                let mut subset: Vec<usize> = (0..size).collect();
                loop {
                    let choices: Vec<Vec<&str>> = subset
                        .iter()
                        .map(|&i| {
                            framework.questions[named[i]]
                                .choices
                                .keys()
                                .map(String::as_str)
                                .collect()
                        })
                        .collect();
                    let made: Vec<Vec<AnswerValue>> = choices
                        .iter()
                        .map(|c| c.iter().map(|v| AnswerValue::Choice((*v).to_string())).collect())
                        .collect();
                    let mut values = vec![0usize; size];
                    loop {
                        if tries == 0 {
                            break 'size;
                        }
                        tries -= 1;
                        let overrides: Vec<(usize, &AnswerValue)> = subset
                            .iter()
                            .enumerate()
                            .map(|(k, &i)| (indices[i], &made[k][values[k]]))
                            .collect();
                        let eff = Effective::with_changes(framework, &given, &overrides);
                        if eff.holds(&gate.condition) {
                            best = Some(
                                subset
                                    .iter()
                                    .enumerate()
                                    .map(|(k, &i)| (named[i], choices[k][values[k]]))
                                    .collect(),
                            );
                            break 'size;
                        }
                        if !advance(&mut values, |k| choices[k].len()) {
                            break;
                        }
                    }
                    if !next_subset(&mut subset, named.len()) {
                        break;
                    }
                }
            }
            for (id, value) in best? {
                choose(trial, id, value);
            }
        }
        let eff = Effective::new(framework, trial);
        let mut gains: Vec<(u64, usize, &str, &str)> = Vec::new();
        let mut tasks: Vec<(&str, &str)> = Vec::new();
        for (order, item) in phase.scoring.iter().enumerate() {
            if !counts(item, &eff) {
                continue;
            }
            let Some((best_value, best_points)) = item
                .points
                .iter()
                .max_by_key(|(v, p)| (**p, std::cmp::Reverse(v.as_str())))
            else {
                continue;
            };
            let now = points(item, eff.get(&item.question));
            if now >= *best_points {
                continue;
            }
            let question = &framework.questions[&item.question];
            if question.role == crate::rules::Role::Task {
                if let Some((full, _)) = item.points.iter().find(|(_, p)| **p == crate::score::FULL) {
                    tasks.push((&item.question, full));
                }
            } else {
                gains.push((
                    u64::from(item.weight) * u64::from(best_points - now),
                    order,
                    &item.question,
                    best_value,
                ));
            }
        }
        for (id, value) in tasks {
            choose(trial, id, value);
        }
        // The largest gains first: the fewest changes that reach a sum of points.
        gains.sort_by_key(|(gain, order, _, _)| (std::cmp::Reverse(*gain), *order));
        let score = phase_score(phase, &Effective::new(framework, trial));
        let mut earned = score.earned;
        for (gain, _, id, value) in gains {
            if crate::score::rounded(earned, score.total_weight) >= phase.threshold {
                break;
            }
            earned += gain;
            choose(trial, id, value);
        }
        if phase_met(framework, phase, &Effective::new(framework, trial)) {
            let changes = questions
                .iter()
                .filter_map(|id| {
                    let now = trial.get(id)?;
                    (original.get(id) != Some(now)).then(|| (*id, now.as_text()))
                })
                .collect();
            return Some(changes);
        }
    }
    None
}
/// The number of ways to choose `k` of `n`, saturating.
fn binomial(n: usize, k: usize) -> usize {
    if k > n {
        return 0;
    }
    let k = k.min(n - k);
    (0..k).fold(1usize, |acc, i| acc.saturating_mul(n - i) / (i + 1).max(1))
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
