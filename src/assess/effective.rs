//! The answers that count: each question's answer when the question applies.

use indexmap::IndexMap;

use crate::answers::{AnswerValue, Answers};
use crate::rules::Framework;

/// The answers that count: each question's answer when the question applies.
#[derive(Debug, Clone, Default)]
pub struct Effective {
    /// Answer by question id, only for questions that apply.
    pub values: IndexMap<String, AnswerValue>,
    /// Ids of questions that apply, in framework order.
    pub applicable: Vec<String>,
    /// Ids of answers given to questions that do not apply.
    pub ignored: Vec<String>,
}

impl Effective {
    /// Works out, in question order, which questions apply and which answers count.
    pub fn new(framework: &Framework, answers: &Answers) -> Effective {
        let mut eff = Effective::default();
        for question in framework.questions.values() {
            let applies = match &question.when {
                None => true,
                Some(condition) => condition.evaluate(&|id: &str| eff.values.get(id)).holds,
            };
            if applies {
                eff.applicable.push(question.id.clone());
                if let Some(value) = answers.get(&question.id) {
                    eff.values.insert(question.id.clone(), value.clone());
                }
            } else if answers.get(&question.id).is_some() {
                eff.ignored.push(question.id.clone());
            }
        }
        eff
    }

    /// The answer that counts for a question.
    pub fn get(&self, id: &str) -> Option<&AnswerValue> {
        self.values.get(id)
    }

    /// Whether a question applies.
    pub fn applies(&self, id: &str) -> bool {
        // An answer counts only when its question applies: most questions are found at once.
        self.values.contains_key(id) || self.applicable.iter().any(|q| q == id)
    }
}
