//! The answers that count: each question's answer when the question applies.

use crate::answers::{AnswerValue, Answers};
use crate::condition::{Condition, Test};
use crate::rules::Framework;

/// The answers that count: each question's answer when the question applies. It borrows
/// the framework and the answers: working it out copies no answer, and it is kept by
/// question index (the framework's question order), so that it builds no map.
#[derive(Debug, Clone)]
pub struct Effective<'a> {
    framework: &'a Framework,
    /// The answer that counts, by question index: `None` when the question does not apply
    /// or is not answered.
    by_index: Vec<Option<&'a AnswerValue>>,
    /// Whether each question applies, by question index.
    applies: Vec<bool>,
    /// Ids of questions that apply, in framework order.
    pub applicable: Vec<&'a str>,
    /// Ids of answers given to questions that do not apply.
    pub ignored: Vec<String>,
}

impl<'a> Effective<'a> {
    /// Works out, in question order, which questions apply and which answers count.
    pub fn new(framework: &'a Framework, answers: &'a Answers) -> Effective<'a> {
        Effective::build(framework, |_, id| answers.get(id))
    }

    /// Every answer given, by question index, for [`Effective::with_changes`]: worked out
    /// once, so that each set of changes looks no answer up by id.
    pub fn given(framework: &Framework, answers: &'a Answers) -> Vec<Option<&'a AnswerValue>> {
        framework.questions.keys().map(|id| answers.get(id)).collect()
    }

    /// [`Effective::new`] for the answers given ([`Effective::given`]) with a few changed:
    /// `changes` gives new answers by question index. Nothing is copied.
    pub fn with_changes(
        framework: &'a Framework,
        given: &[Option<&'a AnswerValue>],
        changes: &[(usize, &'a AnswerValue)],
    ) -> Effective<'a> {
        Effective::build(framework, |index, _| match changes.iter().find(|(i, _)| *i == index) {
            Some((_, value)) => Some(*value),
            None => given.get(index).copied().flatten(),
        })
    }

    /// Works out which questions apply, in question order; `answer` gives the answer to the
    /// question of an index and id.
    fn build(framework: &'a Framework, answer: impl Fn(usize, &str) -> Option<&'a AnswerValue>) -> Effective<'a> {
        let n = framework.questions.len();
        let mut eff = Effective {
            framework,
            by_index: Vec::with_capacity(n),
            applies: Vec::with_capacity(n),
            applicable: Vec::with_capacity(n),
            ignored: Vec::new(),
        };
        for (index, question) in framework.questions.values().enumerate() {
            let applies = match &question.when {
                None => true,
                // Conditions name earlier questions only, whose entries are already set.
                Some(condition) => eff.holds(condition),
            };
            let answer = answer(index, &question.id);
            if applies {
                eff.applicable.push(&question.id);
                eff.by_index.push(answer);
            } else {
                if answer.is_some() {
                    eff.ignored.push(question.id.clone());
                }
                eff.by_index.push(None);
            }
            eff.applies.push(applies);
        }
        eff
    }

    /// The answer that counts for a question.
    pub fn get(&self, id: &str) -> Option<&'a AnswerValue> {
        self.framework
            .questions
            .get_index_of(id)
            .and_then(|i| self.by_index.get(i).copied().flatten())
    }

    /// The answer that counts for the question a condition's test names: by the index
    /// resolved when the rules loaded, else by id.
    pub fn get_for(&self, test: &Test) -> Option<&'a AnswerValue> {
        match self.framework.questions.get_index(test.index) {
            Some((id, _)) if *id == test.question => self.get_at(test.index),
            _ => self.get(&test.question),
        }
    }

    /// Whether a condition holds over these answers.
    pub fn holds(&self, condition: &Condition) -> bool {
        condition.holds_by_test(&|test: &Test| self.get_for(test))
    }

    /// Whether a question applies.
    pub fn applies(&self, id: &str) -> bool {
        self.framework
            .questions
            .get_index_of(id)
            .and_then(|i| self.applies.get(i).copied())
            .unwrap_or(false)
    }

    /// The answer that counts for the question of an index in the framework's questions.
    pub fn get_at(&self, index: usize) -> Option<&'a AnswerValue> {
        self.by_index.get(index).copied().flatten()
    }

    /// Whether the question of an index in the framework's questions applies.
    pub fn applies_at(&self, index: usize) -> bool {
        self.applies.get(index).copied().unwrap_or(false)
    }

    /// The answers that count, in question order, with their question ids.
    pub fn values(&self) -> impl Iterator<Item = (&'a str, &'a AnswerValue)> + '_ {
        self.framework
            .questions
            .keys()
            .zip(&self.by_index)
            .filter_map(|(id, v)| v.map(|v| (id.as_str(), v)))
    }
}
