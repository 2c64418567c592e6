//! Static analysis of conditions: can they ever hold (all at once)?
//!
//! A condition names few questions, and each question has few values that matter
//! (a choice question's values; the literals a condition compares an integer or a text
//! with, and their neighbours; and "unanswered"), so trying every combination is exact
//! and fast.

use std::collections::BTreeSet;

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

/// Past this many combinations the search gives up and assumes the conditions can hold.
const LIMIT: usize = 100_000;

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
pub fn satisfiable<'a>(conditions: &[&Condition], domain: impl Fn(&str) -> Option<Domain<'a>>) -> bool {
    let mut ids: Vec<&str> = Vec::new();
    for condition in conditions {
        for test in condition.tests() {
            if !ids.contains(&test.question.as_str()) {
                ids.push(&test.question);
            }
        }
    }
    let domains: Vec<Vec<Option<Sample>>> = ids.iter().map(|id| samples(domain(id), id, conditions)).collect();
    let total = domains.iter().try_fold(1usize, |acc, d| acc.checked_mul(d.len()));
    if total.is_none_or(|t| t > LIMIT) {
        return true;
    }
    let mut index = vec![0usize; domains.len()];
    loop {
        let lookup = |id: &str| {
            let i = ids.iter().position(|q| *q == id)?;
            domains[i][index[i]].as_ref()
        };
        if conditions.iter().all(|c| c.evaluate(&lookup).holds) {
            return true;
        }
        // Next combination.
        let mut pos = 0;
        loop {
            if pos == index.len() {
                return false;
            }
            index[pos] += 1;
            if index[pos] < domains[pos].len() {
                break;
            }
            index[pos] = 0;
            pos += 1;
        }
    }
}

/// The values of a question that can change the outcome of the conditions.
fn samples(domain: Option<Domain<'_>>, id: &str, conditions: &[&Condition]) -> Vec<Option<Sample>> {
    let mut out = vec![None];
    let Some(domain) = domain else {
        return out;
    };
    let literals: Vec<String> = conditions
        .iter()
        .flat_map(|c| c.tests())
        .filter(|t| t.question == id)
        .flat_map(|t| t.literals().into_iter().map(|l| l.text.clone()))
        .collect();
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
            let longest = literals.iter().map(String::len).max().unwrap_or(0);
            let mut values: BTreeSet<String> = literals.into_iter().collect();
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
