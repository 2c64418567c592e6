//! Static analysis of conditions: can a condition ever hold?
//!
//! A condition names few questions, and each question has few values that matter
//! (a choice question's values; the literals a condition compares an integer or a text
//! with, and their neighbours; and "unanswered"), so trying every combination is exact
//! and fast.

use std::collections::BTreeSet;

use indexmap::IndexMap;

use crate::answers::AnswerValue;
use crate::condition::Condition;
use crate::framework::{AnswerKind, Question};

/// Past this many combinations the search gives up and assumes the condition can hold.
const LIMIT: usize = 100_000;

/// Whether some answers make every condition hold at once.
pub fn satisfiable(questions: &IndexMap<String, Question>, conditions: &[&Condition]) -> bool {
    let mut ids: Vec<String> = Vec::new();
    for condition in conditions {
        for test in condition.tests() {
            if !ids.contains(&test.question) {
                ids.push(test.question.clone());
            }
        }
    }
    let domains: Vec<Vec<Option<AnswerValue>>> = ids.iter().map(|id| domain(questions, id, conditions)).collect();
    let total = domains.iter().try_fold(1usize, |acc, d| acc.checked_mul(d.len()));
    if total.is_none_or(|t| t > LIMIT) {
        return true;
    }
    let mut index = vec![0usize; domains.len()];
    loop {
        let answers: IndexMap<&str, &AnswerValue> = ids
            .iter()
            .zip(&index)
            .zip(&domains)
            .filter_map(|((id, &i), d)| d[i].as_ref().map(|v| (id.as_str(), v)))
            .collect();
        let lookup = |id: &str| answers.get(id).copied();
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
fn domain(questions: &IndexMap<String, Question>, id: &str, conditions: &[&Condition]) -> Vec<Option<AnswerValue>> {
    let mut out = vec![None];
    let Some(question) = questions.get(id) else {
        return out;
    };
    let literals: Vec<String> = conditions
        .iter()
        .flat_map(|c| c.tests())
        .filter(|t| t.question == id)
        .flat_map(|t| t.literals().into_iter().map(|l| l.text.clone()))
        .collect();
    match question.kind {
        AnswerKind::Choice => out.extend(question.choices.keys().map(|v| Some(AnswerValue::Choice(v.clone())))),
        AnswerKind::Text => {
            // Each literal, and one text equal to none of them (longer than all).
            let longest = literals.iter().map(String::len).max().unwrap_or(0);
            let mut values: BTreeSet<String> = literals.into_iter().collect();
            values.insert("~".repeat(longest + 1));
            out.extend(values.into_iter().map(|v| Some(AnswerValue::Text(v))));
        }
        AnswerKind::Integer => {
            let (min, max) = (question.min.unwrap_or(i64::MIN), question.max.unwrap_or(i64::MAX));
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
                    .map(|v| Some(AnswerValue::Integer(v))),
            );
        }
    }
    out
}
