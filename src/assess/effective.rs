//! The answers that count: each question's answer when the question applies.

use std::collections::HashSet;

use indexmap::IndexMap;

use crate::answers::{AnswerValue, Answers};
use crate::rules::Framework;

/// The answers that count: each question's answer when the question applies. It borrows
/// the framework and the answers: working it out copies no answer.
#[derive(Debug, Clone, Default)]
pub struct Effective<'a> {
    /// Answer by question id, only for questions that apply.
    pub values: IndexMap<&'a str, &'a AnswerValue>,
    /// Ids of questions that apply, in framework order.
    pub applicable: Vec<&'a str>,
    /// The same ids, to look them up.
    applicable_set: HashSet<&'a str>,
    /// Ids of answers given to questions that do not apply.
    pub ignored: Vec<String>,
}

impl<'a> Effective<'a> {
    /// Works out, in question order, which questions apply and which answers count.
    pub fn new(framework: &'a Framework, answers: &'a Answers) -> Effective<'a> {
        let mut eff = Effective::default();
        for question in framework.questions.values() {
            let applies = match &question.when {
                None => true,
                Some(condition) => condition.holds(&|id: &str| eff.values.get(id).copied()),
            };
            if applies {
                eff.applicable.push(&question.id);
                eff.applicable_set.insert(&question.id);
                if let Some(value) = answers.get(&question.id) {
                    eff.values.insert(&question.id, value);
                }
            } else if answers.get(&question.id).is_some() {
                eff.ignored.push(question.id.clone());
            }
        }
        eff
    }

    /// The answer that counts for a question.
    pub fn get(&self, id: &str) -> Option<&'a AnswerValue> {
        self.values.get(id).copied()
    }

    /// Whether a question applies.
    pub fn applies(&self, id: &str) -> bool {
        self.applicable_set.contains(id)
    }
}
