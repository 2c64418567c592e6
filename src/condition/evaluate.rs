//! Evaluating a condition against answers: whether it holds, and which answers decided it.

use std::sync::Arc;

use smallvec::SmallVec;

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

/// The tests whose answers decided a condition: a few, kept without allocating.
pub type Tests<'c> = SmallVec<[&'c Test; 8]>;

/// The result of evaluating a condition: whether it holds, and which answers decided it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Outcome {
    /// Whether the condition holds.
    pub holds: bool,
    /// Question ids whose answers decided the outcome, in the order the condition names them:
    /// the condition's own ids, shared.
    pub because: Vec<Arc<str>>,
}

impl Condition {
    /// Evaluates the condition against answers; `answer` returns the effective answer to a
    /// question, or `None` when it is unanswered or not applicable.
    pub fn evaluate<'a, V: Value + 'a>(&self, answer: &impl Fn(&str) -> Option<&'a V>) -> Outcome {
        let (holds, because) = self.decided_by(&|test: &Test| answer(&test.question));
        Outcome {
            holds,
            because: because.into_iter().map(|test| test.question.clone()).collect(),
        }
    }

    /// [`Condition::evaluate`] with `answer` given the whole test (so that it may find the
    /// answer by the test's question index), and the tests whose answers decided it, borrowed
    /// from the condition: an `and` that holds is decided by all its parts, one that fails by
    /// its failing parts; an `or` that holds by its holding parts, one that fails by all; a
    /// `not` by its part. One test for each question, in the order the condition names them.
    pub fn decided_by<'a, V: Value + 'a>(&self, answer: &impl Fn(&Test) -> Option<&'a V>) -> (bool, Tests<'_>) {
        let mut because = Tests::new();
        let holds = self.trace(answer, &mut because);
        (holds, because)
    }

    /// Whether the condition holds, with the tests whose answers decided it added to
    /// `because` (the first test of each question only).
    fn trace<'c, 'a, V: Value + 'a>(
        &'c self,
        answer: &impl Fn(&Test) -> Option<&'a V>,
        because: &mut Tests<'c>,
    ) -> bool {
        match self {
            Condition::Test(test) => {
                if !because
                    .iter()
                    .any(|t| t.index == test.index && t.question == test.question)
                {
                    because.push(test);
                }
                test.evaluate(answer(test))
            }
            Condition::Not(inner) => !inner.trace(answer, because),
            Condition::All(parts) | Condition::Any(parts) => {
                let all = matches!(self, Condition::All(_));
                let holds = self.holds_by_test(answer);
                for part in parts {
                    // `and`: all parts when it holds, else the failing ones; `or`: the
                    // holding parts when it holds, else all of them.
                    let decides = if all {
                        holds || !part.holds_by_test(answer)
                    } else {
                        !holds || part.holds_by_test(answer)
                    };
                    if decides {
                        part.trace(answer, because);
                    }
                }
                holds
            }
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
