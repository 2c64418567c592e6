//! The first set of changes a search starts from: built directly, gate by gate, then the
//! open tasks, then the answers that gain the most points.

use std::cell::OnceCell;

use super::search::{advance, next_subset};
use super::*;

/// A set of changes that meets the phase, built directly, or `None` when this way finds
/// none: the fewest changes that make each failing gate hold on its own (a small search
/// among the questions it names), every open task done, then the answers that gain the
/// most points until the score reaches the threshold. The changes are given by question
/// index, among the candidate `questions`, in framework order.
pub(super) fn construct(
    framework: &Framework,
    phase: &Phase,
    questions: &[usize],
    given: &[Option<&AnswerValue>],
    choices: &Choices,
) -> Option<Vec<(usize, AnswerValue)>> {
    // The answers chosen so far, by question index, over the answers given.
    let mut chosen: Vec<(usize, AnswerValue)> = Vec::new();
    let choose = |chosen: &mut Vec<(usize, AnswerValue)>, index: usize, value: AnswerValue| match chosen
        .iter_mut()
        .find(|(i, _)| *i == index)
    {
        Some((_, v)) => *v = value,
        None => chosen.push((index, value)),
    };
    // The answers that count, with those chosen.
    fn with<'a>(
        framework: &'a Framework,
        given: &[Option<&'a AnswerValue>],
        chosen: &'a [(usize, AnswerValue)],
    ) -> Effective<'a> {
        let overrides: Vec<(usize, &AnswerValue)> = chosen.iter().map(|(i, v)| (*i, v)).collect();
        Effective::with_changes(framework, given, &overrides)
    }
    // A few rounds: a change can make other questions apply, or stop applying.
    for _ in 0..3 {
        for gate in &phase.gates {
            if with(framework, given, &chosen).holds(&gate.condition) {
                continue;
            }
            // The gate's questions among the candidates, by position among them.
            let mut named: Vec<usize> = gate
                .condition
                .tests()
                .iter()
                .filter_map(|t| questions.iter().position(|&q| Some(q) == framework.index_of(t)))
                .collect();
            named.dedup();
            let best = {
                // The answers given with those chosen, for the gate's own small search.
                let base: Vec<Option<&AnswerValue>> = {
                    let mut base = given.to_vec();
                    for (i, v) in &chosen {
                        base[*i] = Some(v);
                    }
                    base
                };
                gate_changes(framework, &gate.condition, &named, questions, &base, choices)
            };
            for (candidate, position) in best? {
                choose(
                    &mut chosen,
                    questions[candidate],
                    choices.get(candidate, position).clone(),
                );
            }
        }
        let mut gains: Vec<(u64, usize, usize, &str)> = Vec::new();
        let mut tasks: Vec<(usize, &str)> = Vec::new();
        {
            let eff = &with(framework, given, &chosen);
            for (order, item) in phase.scoring.iter().enumerate() {
                if !counts(item, eff) {
                    continue;
                }
                let Some((best_value, best_points)) = item
                    .points
                    .iter()
                    .max_by_key(|(v, p)| (**p, std::cmp::Reverse(v.as_str())))
                else {
                    continue;
                };
                let now = points(item, eff.get_at(item.index));
                if now >= *best_points {
                    continue;
                }
                let question = &framework.questions[item.index];
                if question.role == crate::rules::Role::Task {
                    if let Some((full, _)) = item.points.iter().find(|(_, p)| **p == crate::score::FULL) {
                        tasks.push((item.index, full));
                    }
                } else {
                    gains.push((
                        u64::from(item.weight) * u64::from(best_points - now),
                        order,
                        item.index,
                        best_value,
                    ));
                }
            }
        }
        for (index, value) in tasks {
            choose(&mut chosen, index, AnswerValue::Choice(value.to_string()));
        }
        // The largest gains first: the fewest changes that reach a sum of points.
        gains.sort_by_key(|(gain, order, _, _)| (std::cmp::Reverse(*gain), *order));
        let score = phase_score(phase, &with(framework, given, &chosen));
        let mut earned = score.earned;
        for (gain, _, index, value) in gains {
            if crate::score::rounded(earned, score.total_weight) >= phase.threshold {
                break;
            }
            earned += gain;
            choose(&mut chosen, index, AnswerValue::Choice(value.to_string()));
        }
        if phase_met(framework, phase, &with(framework, given, &chosen)) {
            let changes = questions
                .iter()
                .filter_map(|q| {
                    let (_, now) = chosen.iter().find(|(i, _)| i == q)?;
                    (given[*q] != Some(now)).then(|| (*q, now.clone()))
                })
                .collect();
            return Some(changes);
        }
    }
    None
}

/// The fewest changes, at most three of them and within 1,024 trials, among the candidates
/// a gate names (`named`, by position among the candidate `questions`) that make the gate
/// hold over the answers `base`: each as a candidate's position and the position of its
/// choice. `None` when none is found.
fn gate_changes(
    framework: &Framework,
    condition: &crate::condition::Condition,
    named: &[usize],
    questions: &[usize],
    base: &[Option<&AnswerValue>],
    choices: &Choices,
) -> Option<Vec<(usize, usize)>> {
    let mut tries = 1_024;
    let mut eff = Effective::with_changes(framework, base, &[]);
    let mut overrides: Vec<(usize, &AnswerValue)> = Vec::new();
    let mut values: Vec<usize> = Vec::new();
    for size in 1..=named.len().min(3) {
        let mut subset: Vec<usize> = (0..size).collect();
        loop {
            let count = |k: usize| framework.questions[questions[named[subset[k]]]].choices.len();
            values.clear();
            values.resize(size, 0);
            loop {
                if tries == 0 {
                    return None;
                }
                tries -= 1;
                overrides.clear();
                overrides.extend(subset.iter().zip(&values).map(|(&i, &v)| {
                    let candidate = named[i];
                    (questions[candidate], choices.get(candidate, v))
                }));
                eff.change(base, &overrides);
                if eff.holds(condition) {
                    return Some(subset.iter().zip(&values).map(|(&i, &v)| (named[i], v)).collect());
                }
                if !advance(&mut values, count) {
                    break;
                }
            }
            if !next_subset(&mut subset, named.len()) {
                break;
            }
        }
    }
    None
}

/// The choices of the candidate questions as answers, each made the first time a trial
/// needs it: a search makes a few dozen trials among hundreds of possible values.
pub(super) struct Choices<'f> {
    framework: &'f Framework,
    /// The candidates' question indices.
    questions: &'f [usize],
    /// Where each candidate's choices start in `made`.
    start: Vec<usize>,
    /// Each choice of each candidate, in order, once made.
    made: Vec<OnceCell<AnswerValue>>,
}

impl<'f> Choices<'f> {
    pub(super) fn new(framework: &'f Framework, questions: &'f [usize]) -> Choices<'f> {
        let mut start = Vec::with_capacity(questions.len());
        let mut total = 0;
        for &q in questions {
            start.push(total);
            total += framework.questions[q].choices.len();
        }
        Choices {
            framework,
            questions,
            start,
            made: std::iter::repeat_with(OnceCell::new).take(total).collect(),
        }
    }

    /// The choice at `position` of the candidate at `candidate`, as an answer.
    pub(super) fn get(&self, candidate: usize, position: usize) -> &AnswerValue {
        self.made[self.start[candidate] + position].get_or_init(|| {
            let question = &self.framework.questions[self.questions[candidate]];
            let value = question.choices.get_index(position).map(|(v, _)| v.clone());
            AnswerValue::Choice(value.unwrap_or_default())
        })
    }
}
