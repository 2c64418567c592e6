//! Evaluating a condition against answers: whether it holds, and which answers decided it.

use super::{Condition, Literal, Op, Ordering, Test};

/// What a condition needs of an answer: compare it with a literal, read it as a number.
pub trait Value {
    /// Whether the answer equals a literal written in a condition.
    fn matches(&self, literal: &str) -> bool;
    /// The answer as a whole number, when it is one.
    fn integer(&self) -> Option<i64>;
    /// Whether the answer says the question does not apply ([`super::NOT_APPLICABLE`]):
    /// a test holds for it only if it names it.
    fn not_applicable(&self) -> bool {
        false
    }
}

/// The result of evaluating a condition: whether it holds, and which answers decided it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Outcome {
    /// Whether the condition holds.
    pub holds: bool,
    /// Question ids whose answers decided the outcome, in the order the condition names them.
    pub because: Vec<String>,
}

impl Condition {
    /// Evaluates the condition against answers; `answer` returns the effective answer to a
    /// question, or `None` when it is unanswered or not applicable.
    pub fn evaluate<'a, V: Value + 'a>(&self, answer: &impl Fn(&str) -> Option<&'a V>) -> Outcome {
        match self {
            Condition::Test(test) => Outcome {
                holds: test.evaluate(answer(&test.question)),
                because: vec![test.question.clone()],
            },
            Condition::Not(inner) => {
                let outcome = inner.evaluate(answer);
                Outcome {
                    holds: !outcome.holds,
                    because: outcome.because,
                }
            }
            Condition::All(parts) => combine(parts, answer, true),
            Condition::Any(parts) => combine(parts, answer, false),
        }
    }

    /// Whether the condition holds: [`Condition::evaluate`] without the answers that decided
    /// it, stopping at the first part that decides, and allocating nothing.
    pub fn holds<'a, V: Value + 'a>(&self, answer: &impl Fn(&str) -> Option<&'a V>) -> bool {
        self.holds_by_test(&|test: &Test| answer(&test.question))
    }

    /// [`Condition::holds`] with `answer` given the whole test, so that it may find the
    /// answer by the test's question index.
    pub fn holds_by_test<'a, V: Value + 'a>(&self, answer: &impl Fn(&Test) -> Option<&'a V>) -> bool {
        match self {
            Condition::Test(test) => test.evaluate(answer(test)),
            Condition::Not(inner) => !inner.holds_by_test(answer),
            Condition::All(parts) => parts.iter().all(|p| p.holds_by_test(answer)),
            Condition::Any(parts) => parts.iter().any(|p| p.holds_by_test(answer)),
        }
    }

    /// Whether the condition holds when only some questions have a known answer: `answer`
    /// gives `None` for a question not known yet, `Some(None)` for one known to be
    /// unanswered. `None` when the unknown answers could still go either way.
    pub(super) fn holds_partly<'a, V: Value + 'a>(
        &self,
        answer: &impl Fn(&str) -> Option<Option<&'a V>>,
    ) -> Option<bool> {
        match self {
            Condition::Test(test) => answer(&test.question).map(|value| test.evaluate(value)),
            Condition::Not(inner) => inner.holds_partly(answer).map(|b| !b),
            Condition::All(parts) => {
                let mut known = true;
                for part in parts {
                    match part.holds_partly(answer) {
                        Some(false) => return Some(false),
                        Some(true) => {}
                        None => known = false,
                    }
                }
                known.then_some(true)
            }
            Condition::Any(parts) => {
                let mut known = true;
                for part in parts {
                    match part.holds_partly(answer) {
                        Some(true) => return Some(true),
                        Some(false) => {}
                        None => known = false,
                    }
                }
                known.then_some(false)
            }
        }
    }
}
/// `all = true`: the parts that decide are all of them when all hold, else the failing ones.
/// `all = false`: the holding ones when any holds, else all of them.
fn combine<'a, V: Value + 'a>(parts: &[Condition], answer: &impl Fn(&str) -> Option<&'a V>, all: bool) -> Outcome {
    let outcomes: Vec<Outcome> = parts.iter().map(|p| p.evaluate(answer)).collect();
    let holds = if all {
        outcomes.iter().all(|o| o.holds)
    } else {
        outcomes.iter().any(|o| o.holds)
    };
    let mut because: Vec<String> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for outcome in &outcomes {
        let counts = if all {
            holds || !outcome.holds
        } else {
            !holds || outcome.holds
        };
        if counts {
            for id in &outcome.because {
                if seen.insert(id.as_str()) {
                    because.push(id.clone());
                }
            }
        }
    }
    Outcome { holds, because }
}

impl Test {
    pub(super) fn evaluate<V: Value>(&self, value: Option<&V>) -> bool {
        let matches = |lit: &Literal| value.is_some_and(|v| v.matches(&lit.text));
        // Not applicable: only a test that names it holds, never a negation.
        let not_applicable = value.is_some_and(Value::not_applicable);
        match &self.op {
            Op::Eq(lit) => matches(lit),
            Op::Ne(lit) => !not_applicable && !matches(lit),
            Op::In(lits) => lits.iter().any(matches),
            Op::NotIn(lits) => !not_applicable && !lits.iter().any(matches),
            Op::Order(ord, lit) => match (value.and_then(Value::integer), lit.text.parse::<i64>()) {
                (Some(n), Ok(bound)) => match ord {
                    Ordering::Lt => n < bound,
                    Ordering::Le => n <= bound,
                    Ordering::Gt => n > bound,
                    Ordering::Ge => n >= bound,
                },
                _ => false,
            },
            Op::Answered => value.is_some(),
            Op::Unanswered => value.is_none(),
        }
    }
}
