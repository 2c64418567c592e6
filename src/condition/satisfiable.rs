//! Static analysis of conditions: can they ever hold (all at once)?
//!
//! A condition names few questions, and each question has few values that matter
//! (a choice question's values; the literals a condition compares an integer or a text
//! with, and their neighbours; and "unanswered"), so searching the combinations is exact,
//! and dropping each partial combination as soon as a condition fails keeps it fast.

use std::collections::{BTreeSet, HashMap};

use super::{Condition, Value};

/// The answers a question allows, as far as the analysis needs to know.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Domain<'a> {
    /// One of these values.
    Choice(Vec<&'a str>),
    /// Any text.
    Text,
    /// A whole number within the bounds given.
    Integer {
        /// Smallest allowed value.
        min: Option<i64>,
        /// Largest allowed value.
        max: Option<i64>,
    },
}

/// Past this many steps of the search it gives up and assumes the conditions can hold.
/// Each step fixes one question's answer; a search that rules out a partial set of answers
/// as soon as a condition cannot hold any more rarely needs more than a few hundred.
const LIMIT: usize = 20_000;

/// A sample answer the analysis tries.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Sample {
    Text(String),
    Integer(i64),
    /// A choice question's `not_applicable`, where it allows it.
    NotApplicable,
}

impl Value for Sample {
    fn matches(&self, literal: &str) -> bool {
        match self {
            Sample::Text(s) => s == literal,
            Sample::Integer(n) => literal.parse::<i64>() == Ok(*n),
            Sample::NotApplicable => literal == super::NOT_APPLICABLE,
        }
    }

    fn integer(&self) -> Option<i64> {
        match self {
            Sample::Integer(n) => Some(*n),
            Sample::Text(_) | Sample::NotApplicable => None,
        }
    }

    fn not_applicable(&self) -> bool {
        matches!(self, Sample::NotApplicable)
    }
}

/// Whether some answers make every condition hold at once. `domain` says what a question
/// allows; a question it does not know can only be unanswered.
///
/// A depth-first search fixes one question at a time and drops a partial set of answers
/// as soon as some condition is false whatever the other answers are, so it is exact and
/// fast for the conditions rule sets hold; after 20,000 steps it assumes they can hold.
pub fn satisfiable<'a>(conditions: &[&Condition], domain: impl Fn(&str) -> Option<Domain<'a>>) -> bool {
    let mut ids: Vec<&str> = Vec::new();
    let mut index: HashMap<&str, usize> = HashMap::new();
    let mut literals: Vec<Vec<&str>> = Vec::new();
    for condition in conditions {
        for test in condition.tests() {
            let i = *index.entry(test.question.as_ref()).or_insert_with(|| {
                ids.push(&test.question);
                literals.push(Vec::new());
                ids.len() - 1
            });
            literals[i].extend(test.literals().into_iter().map(|l| l.text.as_str()));
        }
    }
    let domains: Vec<Vec<Option<Sample>>> = ids
        .iter()
        .zip(&literals)
        .map(|(id, lits)| samples(domain(id), lits))
        .collect();
    // The sample chosen for each question, `None` while it is not fixed yet.
    let mut chosen: Vec<Option<usize>> = vec![None; ids.len()];
    let verdict = |chosen: &[Option<usize>]| -> Option<bool> {
        let answer = |id: &str| -> Option<Option<&Sample>> {
            let i = *index.get(id)?;
            chosen[i].map(|s| domains[i][s].as_ref())
        };
        let mut known = true;
        for condition in conditions {
            match condition.holds_partly(&answer) {
                Some(false) => return Some(false),
                Some(true) => {}
                None => known = false,
            }
        }
        known.then_some(true)
    };
    match verdict(&chosen) {
        Some(holds) => return holds,
        None if ids.is_empty() => return true,
        None => {}
    }
    let mut level = 0;
    chosen[0] = Some(0);
    for _ in 0..LIMIT {
        match verdict(&chosen) {
            Some(true) => return true,
            None if level + 1 < ids.len() => {
                level += 1;
                chosen[level] = Some(0);
                continue;
            }
            _ => {}
        }
        // This answer cannot work: try the next one, going back up where none is left.
        loop {
            let next = chosen[level].map_or(0, |s| s + 1);
            if next < domains[level].len() {
                chosen[level] = Some(next);
                break;
            }
            chosen[level] = None;
            if level == 0 {
                return false;
            }
            level -= 1;
        }
    }
    true
}

/// The values of a question that can change the outcome of the conditions.
fn samples(domain: Option<Domain<'_>>, literals: &[&str]) -> Vec<Option<Sample>> {
    let mut out = vec![None];
    let Some(domain) = domain else {
        return out;
    };
    match domain {
        Domain::Choice(values) => out.extend(values.into_iter().map(|v| {
            Some(if v == super::NOT_APPLICABLE {
                Sample::NotApplicable
            } else {
                Sample::Text(v.to_string())
            })
        })),
        Domain::Text => {
            // Each literal, and one text equal to none of them (longer than all).
            let longest = literals.iter().map(|l| l.len()).max().unwrap_or(0);
            let mut values: BTreeSet<String> = literals.iter().map(|l| (*l).to_string()).collect();
            values.insert("~".repeat(longest + 1));
            out.extend(values.into_iter().map(|v| Some(Sample::Text(v))));
        }
        Domain::Integer { min, max } => {
            let (min, max) = (min.unwrap_or(i64::MIN), max.unwrap_or(i64::MAX));
            let mut values: BTreeSet<i64> = [min, max].into_iter().collect();
            for n in literals.iter().filter_map(|l| l.parse::<i64>().ok()) {
                for v in [n.saturating_sub(1), n, n.saturating_add(1)] {
                    values.insert(v);
                }
            }
            out.extend(
                values
                    .into_iter()
                    .filter(|v| (min..=max).contains(v))
                    .map(|v| Some(Sample::Integer(v))),
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn domain(id: &str) -> Option<Domain<'static>> {
        match id {
            "a.choice" => Some(Domain::Choice(vec!["yes", "partly", "no"])),
            "a.count" => Some(Domain::Integer {
                min: Some(1),
                max: Some(10),
            }),
            "a.name" => Some(Domain::Text),
            "a.task" => Some(Domain::Choice(vec!["done", "not_started", "not_applicable"])),
            _ => None,
        }
    }

    fn can_hold(text: &str) -> bool {
        satisfiable(&[&Condition::parse(text).unwrap()], domain)
    }

    #[test]
    fn finds_answers_that_make_a_condition_hold() {
        assert!(can_hold("a.choice == yes and a.count > 9"));
        assert!(can_hold("a.name != x and a.name is answered"));
        assert!(can_hold("a.choice is unanswered"));
    }

    #[test]
    fn knows_when_no_answers_can() {
        assert!(!can_hold("a.choice == yes and a.choice == no"));
        assert!(!can_hold("a.count > 10"));
        assert!(!can_hold("a.name == x and a.name == y"));
        assert!(!can_hold("a.unknown is answered"));
        // `not_applicable` makes only the tests that name it hold.
        assert!(!can_hold("a.task == not_applicable and a.task != done"));
        assert!(can_hold(
            "a.task == not_applicable and a.task in [done, not_applicable]"
        ));
    }

    #[test]
    fn conditions_are_checked_together() {
        let one = Condition::parse("a.choice == yes").unwrap();
        let other = Condition::parse("a.choice in [partly, no]").unwrap();
        assert!(satisfiable(&[&one], domain));
        assert!(!satisfiable(&[&one, &other], domain));
    }
}
