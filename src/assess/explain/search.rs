//! The fewest answer changes that would meet the current phase: a direct construction,
//! then an exact search within a bounded amount of work.

use super::bound::{Requirements, trials_by_size};
use super::*;

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
///
/// The search skips, without trying them, the sets that cannot meet the phase because they
/// leave a failing gate, an open task or a short score untouched ([`Requirements`]), and
/// every set smaller than the fewest changes those need; it counts their trials against its
/// limit all the same, so that what it finds, and whether it is proved the fewest, are
/// what trying every set would give.
pub(super) fn next_phase(framework: &Framework, answers: &Answers, phase: &Phase) -> NextPhase {
    next_phase_with(framework, answers, phase, true, SEARCH_WORK)
}

/// [`next_phase`], skipping the sets that cannot meet the phase when `skip` is true, with
/// `work` in place of [`SEARCH_WORK`].
fn next_phase_with(framework: &Framework, answers: &Answers, phase: &Phase, skip: bool, work: usize) -> NextPhase {
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
    let constructed = construct(framework, phase, &questions, answers);
    let trial_cost = framework.questions.len().max(1);
    let mut budget = work / trial_cost;
    let largest = constructed.as_ref().map_or(questions.len(), Vec::len);
    // A search that cannot even try every smaller set within its budget cannot prove the
    // constructed set the fewest: it is not started.
    let askable = options.iter().filter(|o| !o.is_empty()).count();
    let smaller_sets = (1..largest).fold(0usize, |sum, k| sum.saturating_add(binomial(askable, k)));
    let mut exhaustive = smaller_sets <= budget;
    if !exhaustive {
        budget = 0;
    }
    let changeable: Vec<bool> = options.iter().map(|o| !o.is_empty()).collect();
    let requirements = Requirements::new(framework, phase, answers, &questions, &changeable);
    let fewest = if skip { requirements.fewest() } else { 0 };
    let counts: Vec<usize> = options.iter().map(Vec::len).collect();
    let trials = trials_by_size(&counts, largest);
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
    // One set of answers that count, remade in place for each trial.
    let mut trial = Effective::with_changes(framework, &given, &[]);
    let mut meets = |changes: &[(usize, usize)]| {
        overrides.clear();
        overrides.extend(changes.iter().map(|&(q, v)| (indices[q], &values[q][v])));
        trial.change(&given, &overrides);
        phase_met(framework, phase, &trial)
    };
    let mut searched = None;
    let mut changes: Vec<(usize, usize)> = Vec::new();
    let mut values: Vec<usize> = Vec::new();
    'sizes: for (size, &made_at_size) in trials.iter().enumerate().skip(1) {
        if size < fewest {
            // No set of this size meets every requirement: its trials are counted, not made.
            if made_at_size > budget {
                exhaustive = false;
                break;
            }
            budget -= made_at_size;
            continue;
        }
        let mut subset: Vec<usize> = (0..size).collect();
        loop {
            // Every value combination for this subset of questions.
            values.clear();
            values.resize(size, 0);
            if skip && subset.iter().all(|&q| changeable[q]) && !requirements.met_by(&subset) {
                let combinations = subset.iter().fold(1usize, |n, &q| n.saturating_mul(counts[q]));
                if combinations > budget {
                    exhaustive = false;
                    break 'sizes;
                }
                budget -= combinations;
            } else if subset.iter().all(|&q| !options[q].is_empty()) {
                loop {
                    if budget == 0 {
                        exhaustive = false;
                        break 'sizes;
                    }
                    budget -= 1;
                    changes.clear();
                    changes.extend(subset.iter().copied().zip(values.iter().copied()));
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
        let (current, complete) = standing(framework, &trial);
        (!complete).then(|| framework.phases[current].id.to_string())
    });
    NextPhase {
        meets: phase.id.to_string(),
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
/// until the score reaches the threshold.
fn construct<'f>(
    framework: &'f Framework,
    phase: &Phase,
    questions: &[&'f str],
    original: &Answers,
) -> Option<Vec<(&'f str, String)>> {
    // Only the answers' values count here (not their notes, plan or dates).
    let trial = &mut Answers {
        values: original.values.clone(),
        ..Answers::default()
    };
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
                .map(|t| t.question.as_ref())
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
    use crate::rules::{RulesLocation, load};
    use crate::test_support::{ctq, mini};

    /// Answers to every choice question from a small generator seeded with `seed`: one in
    /// `spread` is random (a choice, none, or `not_applicable` where allowed), the others
    /// earn the most points the question gives (its first choice when it is not scored).
    fn random_answers(framework: &Framework, seed: u64, spread: usize) -> Answers {
        let mut state = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        let mut next = |n: usize| {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((state >> 33) as usize) % n
        };
        let mut answers = Answers::default();
        for (id, q) in &framework.questions {
            if q.kind != AnswerKind::Choice {
                continue;
            }
            let best = framework
                .scored(id)
                .and_then(|item| item.points.iter().max_by_key(|(_, p)| **p).map(|(v, _)| v.as_str()))
                .or_else(|| q.choices.keys().next().map(String::as_str));
            let value = if next(spread) != 0 {
                best.map(str::to_string)
            } else {
                let pick = next(q.choices.len() + 2);
                match q.choices.get_index(pick) {
                    Some((v, _)) => Some(v.clone()),
                    None if pick == q.choices.len() && q.not_applicable => {
                        Some(crate::rules::NOT_APPLICABLE.to_string())
                    }
                    None => None,
                }
            };
            if let Some(value) = value {
                answers.values.insert(id.clone(), AnswerValue::Choice(value));
            }
        }
        answers
    }

    #[test]
    fn skipping_the_sets_that_cannot_meet_a_phase_finds_what_trying_every_set_finds() {
        let dp = load(&RulesLocation::BuiltIn("dp".into())).unwrap().framework;
        let (mut compared, mut proved, mut changed, mut stopped) = (0, 0, 0, 0);
        for framework in [mini(), ctq(), dp] {
            for seed in 0..120 {
                let answers = random_answers(&framework, seed, 1 + (seed as usize % 12));
                let assessment = assess(&framework, &answers);
                let current = framework.phase_index(&assessment.phase.id).unwrap();
                assert_eq!(standing(&framework, &answers), (current, assessment.complete));
                if assessment.complete {
                    continue;
                }
                let phase = &framework.phases[current];
                // The search's limit, and one it reaches on the larger frameworks.
                for work in [SEARCH_WORK, 5_000] {
                    let skipped = next_phase_with(&framework, &answers, phase, true, work);
                    let tried = next_phase_with(&framework, &answers, phase, false, work);
                    assert_eq!(skipped, tried, "{} seed {seed}, work {work}", framework.id);
                    compared += 1;
                    proved += usize::from(tried.exhaustive && tried.found);
                    changed += usize::from(tried.exhaustive && tried.changes.len() > 1);
                    stopped += usize::from(!tried.exhaustive);
                }
            }
        }
        // Most comparisons are of searches that ran to the end, many finding more than one
        // change; some stopped at the smaller limit.
        assert!(
            compared > 400 && proved > 300 && changed > 60 && stopped > 5,
            "{compared} compared, {proved} proved, {changed} of several changes, {stopped} stopped"
        );
    }
}
