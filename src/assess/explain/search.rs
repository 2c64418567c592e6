//! The fewest answer changes that would meet the current phase: a direct construction,
//! then an exact search within a bounded amount of work.

use super::bound::{Requirements, trials_by_size};
use super::construct::{Choices, construct};
use super::*;
use crate::assess::{standing_of, timeline};

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
///
/// `by_dates` is what the timeline's dates answer its question when the answers do not
/// ([`timeline::TimelineCheck::counts_as`], from the assessment's own check): it counts
/// towards where the changes lead, as it does in an assessment.
pub(super) fn next_phase(
    framework: &Framework,
    answers: &Answers,
    phase: &Phase,
    by_dates: Option<&timeline::CountsAs>,
) -> NextPhase {
    next_phase_with(framework, answers, phase, by_dates, true, SEARCH_WORK)
}

/// [`next_phase`], skipping the sets that cannot meet the phase when `skip` is true, with
/// `work` in place of [`SEARCH_WORK`].
fn next_phase_with(
    framework: &Framework,
    answers: &Answers,
    phase: &Phase,
    by_dates: Option<&timeline::CountsAs>,
    skip: bool,
    work: usize,
) -> NextPhase {
    // Every answer given, by question index: trials change a few of them, and copy none.
    let given = Effective::given(framework, answers);
    let questions = candidates(framework, phase);
    let choices = Choices::new(framework, &questions);
    // For each candidate, the positions of the choices other than its answer now.
    let options: Vec<Vec<usize>> = questions
        .iter()
        .map(|&q| {
            let current = given[q];
            framework.questions[q]
                .choices
                .keys()
                .enumerate()
                .filter(|(_, v)| !current.is_some_and(|c| c.written_as(v)))
                .map(|(i, _)| i)
                .collect()
        })
        .collect();
    let constructed = construct(framework, phase, &questions, &given, &choices);
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
    // One set of answers that count, remade in place for each trial.
    let mut trial = Effective::with_changes(framework, &given, &[]);
    let requirements = Requirements::new(framework, phase, &trial, &questions, &changeable);
    let fewest = if skip { requirements.fewest() } else { 0 };
    let counts: Vec<usize> = options.iter().map(Vec::len).collect();
    let trials = trials_by_size(&counts, largest);
    let mut overrides: Vec<(usize, &AnswerValue)> = Vec::new();
    let mut meets = |changes: &[(usize, usize)]| {
        overrides.clear();
        overrides.extend(
            changes
                .iter()
                .map(|&(q, v)| (questions[q], choices.get(q, options[q][v]))),
        );
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
                                .map(|&(q, v)| (questions[q], choices.get(q, options[q][v]).clone()))
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
    let id = |q: usize| framework.questions.get_index(q).map_or("", |(id, _)| id.as_str());
    let changes: Vec<Change> = found
        .iter()
        .flatten()
        .map(|(q, to)| Change {
            question: id(*q).to_string(),
            from: given[*q].map(AnswerValue::as_text),
            to: to.as_text(),
        })
        .collect();
    // Where the changes lead: the next phase not met, or none when that completes the framework.
    let moves_to = found.as_ref().and_then(|found| {
        let mut overrides: Vec<(usize, &AnswerValue)> = found.iter().map(|(q, v)| (*q, v)).collect();
        // The timeline's dates answer its question while it has no answer of its own
        // ([`standing`] counts them so): the same answer after changes that leave it alone.
        let by_dates = by_dates.and_then(|c| Some((framework.questions.get_index_of(&*c.question)?, c.value())));
        if let Some((index, answer)) = &by_dates
            && !overrides.iter().any(|(q, _)| q == index)
        {
            overrides.push((*index, answer));
        }
        let (current, complete) = standing_of(framework, &Effective::with_changes(framework, &given, &overrides));
        (!complete).then(|| framework.phases[current].id.to_string())
    });
    NextPhase {
        meets: phase.id.to_string(),
        moves_to,
        changes,
        found: found.is_some(),
        exhaustive,
    }
}

/// The choice questions whose answers can meet a phase: those it scores, those their
/// conditions name, and those its gates name; by index, in framework order.
fn candidates(framework: &Framework, phase: &Phase) -> Vec<usize> {
    let mut questions: Vec<usize> = Vec::new();
    let mut seen = vec![false; framework.questions.len()];
    let mut add = |index: Option<usize>| {
        if let Some(index) = index
            && framework.questions[index].kind == AnswerKind::Choice
            && !std::mem::replace(&mut seen[index], true)
        {
            questions.push(index);
        }
    };
    for item in &phase.scoring {
        let index = framework.questions.get_index_of(&item.question);
        if let Some(when) = index.and_then(|i| framework.questions[i].when.as_ref()) {
            when.tests().iter().for_each(|t| add(framework.index_of(t)));
        }
        add(index);
    }
    for gate in &phase.gates {
        gate.condition.tests().iter().for_each(|t| add(framework.index_of(t)));
    }
    questions.sort_unstable();
    questions
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
pub(super) fn advance(values: &mut [usize], limit: impl Fn(usize) -> usize) -> bool {
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
pub(super) fn next_subset(subset: &mut [usize], n: usize) -> bool {
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
    use crate::assess::standing;
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
                    let by_dates = assessment.timeline.as_ref().and_then(|t| t.counts_as.as_ref());
                    let skipped = next_phase_with(&framework, &answers, phase, by_dates, true, work);
                    let tried = next_phase_with(&framework, &answers, phase, by_dates, false, work);
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
