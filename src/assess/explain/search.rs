//! The fewest answer changes that would meet the current phase: a direct construction,
//! then an exact search within a bounded amount of work.

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
pub(super) fn next_phase(framework: &Framework, answers: &Answers, phase: &Phase) -> NextPhase {
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
