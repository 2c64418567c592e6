//! What any set of changes that meets a phase must touch: the exact search skips the sets
//! that cannot meet it without trying them.
//!
//! A question's answer counts through its own value and through whether it applies, which
//! its condition decides from earlier answers. So the answers that can change what a
//! question's answer counts as are its own and, in turn, those its condition names (its
//! *influence*). While a set of changes touches nothing in a gate's influence, the gate
//! holds or fails as it does now; the same for an open task, and for the phase's score.
//! Each gate that fails now, each open task and a score below the threshold is therefore a
//! *requirement*: a set of changes that meets the phase changes at least one question of
//! each.

use super::*;
use crate::assess::open_tasks;
use crate::condition::Condition;

/// The requirements a set of changes must meet, over the candidate questions (by their
/// position among the candidates).
pub(super) struct Requirements {
    /// For each requirement, which candidates meet it.
    sets: Vec<Vec<bool>>,
}

impl Requirements {
    /// The requirements of meeting `phase` from the answers that count now (`eff`), over
    /// the `candidates` (question indices) a search may change; `changeable` says which
    /// candidates have another value to take.
    pub(super) fn new(
        framework: &Framework,
        phase: &Phase,
        eff: &Effective,
        candidates: &[usize],
        changeable: &[bool],
    ) -> Requirements {
        // Each question's position among the changeable candidates, by question index.
        let mut position: Vec<Option<usize>> = vec![None; framework.questions.len()];
        for (q, &index) in candidates.iter().enumerate() {
            if changeable[q] {
                position[index] = Some(q);
            }
        }
        let mut influence = Influence::new(framework);
        let mut sets = Vec::new();
        let mut require = |questions: &[usize]| {
            let mut set = vec![false; candidates.len()];
            for &index in questions {
                if let Some(q) = position[index] {
                    set[q] = true;
                }
            }
            sets.push(set);
        };
        for gate in &phase.gates {
            if !eff.holds(&gate.condition) {
                require(&influence.of_condition(&gate.condition));
            }
        }
        for (index, _, _) in open_tasks(framework, phase, eff) {
            require(influence.of_question(index));
        }
        if phase_score(phase, eff).score < phase.threshold {
            let mut all = Vec::new();
            for item in &phase.scoring {
                all.extend_from_slice(influence.of_question(item.index));
            }
            require(&all);
        }
        Requirements { sets }
    }

    /// Whether a set of candidates (by position) meets every requirement.
    pub(super) fn met_by(&self, subset: &[usize]) -> bool {
        self.sets.iter().all(|set| subset.iter().any(|&q| set[q]))
    }

    /// The fewest candidates any set meeting every requirement holds: the number of
    /// requirements that share no candidate, picked smallest first (a lower bound, not
    /// always the best one). `usize::MAX` when a requirement no candidate meets.
    pub(super) fn fewest(&self) -> usize {
        let mut sets: Vec<&Vec<bool>> = self.sets.iter().collect();
        sets.sort_by_key(|s| s.iter().filter(|b| **b).count());
        let mut taken = vec![false; sets.first().map_or(0, |s| s.len())];
        let mut count = 0;
        for set in sets {
            if !set.contains(&true) {
                return usize::MAX;
            }
            if set.iter().zip(&taken).any(|(a, b)| *a && *b) {
                continue;
            }
            for (t, s) in taken.iter_mut().zip(set) {
                *t |= *s;
            }
            count += 1;
        }
        count
    }
}

/// The influence of each question, worked out once per question asked about.
struct Influence<'f> {
    framework: &'f Framework,
    /// By question index, once worked out.
    known: Vec<Option<Vec<usize>>>,
}

impl<'f> Influence<'f> {
    fn new(framework: &'f Framework) -> Influence<'f> {
        Influence {
            framework,
            known: vec![None; framework.questions.len()],
        }
    }

    /// The questions (by index) whose answers can change what the answer to the question
    /// of `index` counts as: itself, and the influence of each question its condition names.
    /// Conditions name earlier questions only, so this ends.
    fn of_question(&mut self, index: usize) -> &[usize] {
        if index >= self.known.len() {
            return &[];
        }
        if self.known[index].is_none() {
            let mut out = vec![index];
            if let Some(when) = self.framework.questions[index].when.as_ref() {
                for t in when.tests() {
                    if let Some(named) = self.framework.index_of(t)
                        && named < index
                    {
                        out.extend_from_slice(self.of_question(named));
                    }
                }
            }
            out.sort_unstable();
            out.dedup();
            self.known[index] = Some(out);
        }
        self.known[index].as_deref().unwrap_or_default()
    }

    /// The union of the influence of every question a condition names.
    fn of_condition(&mut self, condition: &Condition) -> Vec<usize> {
        let mut out = Vec::new();
        for t in condition.tests() {
            if let Some(index) = self.framework.index_of(t) {
                out.extend_from_slice(self.of_question(index));
            }
        }
        out
    }
}

/// For each size from 0 to `largest`, the number of ways to pick that many of the
/// candidates and a value for each, where candidate `i` has `counts[i]` values: the
/// trials the exact search makes at that size when it finds nothing. Saturating.
pub(super) fn trials_by_size(counts: &[usize], largest: usize) -> Vec<usize> {
    let mut by_size = vec![0usize; largest + 1];
    by_size[0] = 1;
    for &c in counts {
        for k in (1..=largest).rev() {
            by_size[k] = by_size[k].saturating_add(by_size[k - 1].saturating_mul(c));
        }
    }
    by_size
}
