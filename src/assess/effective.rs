//! The answers that count: each question's answer when the question applies.

use std::sync::Arc;

use crate::answers::{AnswerValue, Answers};
use crate::condition::{Condition, Outcome, Test};
use crate::rules::Framework;

/// The answers that count: each question's answer when the question applies. It borrows
/// the framework and the answers: working it out copies no answer, and it is kept by
/// question index (the framework's question order), so that it builds no map.
#[derive(Debug, Clone)]
pub struct Effective<'a> {
    framework: &'a Framework,
    /// By question index: whether the question applies, and the answer that counts (`None`
    /// when the question does not apply or is not answered).
    by_index: Vec<(bool, Option<&'a AnswerValue>)>,
    /// Ids of answers given to questions that do not apply.
    pub ignored: Vec<Arc<str>>,
}

impl<'a> Effective<'a> {
    /// Works out, in question order, which questions apply and which answers count.
    pub fn new(framework: &'a Framework, answers: &'a Answers) -> Effective<'a> {
        let mut in_order = InOrder::new(answers);
        Effective::build(framework, |_, id| in_order.get(id))
    }

    /// Every answer given, by question index, for [`Effective::with_changes`]: worked out
    /// once, so that each set of changes looks no answer up by id.
    pub fn given(framework: &Framework, answers: &'a Answers) -> Vec<Option<&'a AnswerValue>> {
        let mut in_order = InOrder::new(answers);
        framework.questions.keys().map(|id| in_order.get(id)).collect()
    }

    /// [`Effective::new`] for the answers given ([`Effective::given`]) with a few changed:
    /// `changes` gives new answers by question index. Nothing is copied.
    pub fn with_changes(
        framework: &'a Framework,
        given: &[Option<&'a AnswerValue>],
        changes: &[(usize, &'a AnswerValue)],
    ) -> Effective<'a> {
        let mut eff = Effective::empty(framework);
        eff.change(given, changes);
        eff
    }

    /// Makes these the answers that count for the answers given with a few changed, as
    /// [`Effective::with_changes`] does, in place: a search that tries many changes
    /// allocates nothing for each.
    pub fn change(&mut self, given: &[Option<&'a AnswerValue>], changes: &[(usize, &'a AnswerValue)]) {
        self.fill(|index, _| match changes.iter().find(|(i, _)| *i == index) {
            Some((_, value)) => Some(*value),
            None => given.get(index).copied().flatten(),
        });
    }

    /// Works out which questions apply, in question order; `answer` gives the answer to the
    /// question of an index and id.
    fn build(framework: &'a Framework, answer: impl FnMut(usize, &str) -> Option<&'a AnswerValue>) -> Effective<'a> {
        let mut eff = Effective::empty(framework);
        eff.fill(answer);
        eff
    }

    /// Nothing worked out yet, with room for every question.
    fn empty(framework: &'a Framework) -> Effective<'a> {
        Effective {
            framework,
            by_index: Vec::with_capacity(framework.questions.len()),
            ignored: Vec::new(),
        }
    }

    /// [`Effective::build`] into this value's lists, emptied first.
    fn fill(&mut self, mut answer: impl FnMut(usize, &str) -> Option<&'a AnswerValue>) {
        self.by_index.clear();
        self.ignored.clear();
        for (index, question) in self.framework.questions.values().enumerate() {
            let applies = match &question.when {
                None => true,
                // Conditions name earlier questions only, whose entries are already set.
                Some(condition) => self.holds(condition),
            };
            let answer = answer(index, &question.id);
            if !applies && answer.is_some() {
                self.ignored.push(question.id.clone());
            }
            self.by_index.push((applies, answer.filter(|_| applies)));
        }
    }

    /// The answer that counts for a question.
    pub fn get(&self, id: &str) -> Option<&'a AnswerValue> {
        self.framework.questions.get_index_of(id).and_then(|i| self.get_at(i))
    }

    /// The answer that counts for the question a condition's test names: by the index
    /// resolved when the rules loaded, else by id.
    pub fn get_for(&self, test: &Test) -> Option<&'a AnswerValue> {
        self.framework.index_of(test).and_then(|i| self.get_at(i))
    }

    /// Evaluates a condition over these answers: whether it holds, and which answers
    /// decided it ([`Condition::evaluate`]), each test's answer found by its index.
    pub fn evaluate(&self, condition: &Condition) -> Outcome {
        let (holds, tests) = condition.decided_by(&|test: &Test| self.get_for(test));
        Outcome {
            holds,
            because: tests.iter().map(|test| test.question.clone()).collect(),
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
            .is_some_and(|i| self.applies_at(i))
    }

    /// The answer that counts for the question of an index in the framework's questions.
    pub fn get_at(&self, index: usize) -> Option<&'a AnswerValue> {
        self.by_index.get(index).and_then(|(_, answer)| *answer)
    }

    /// Whether the question of an index in the framework's questions applies.
    pub fn applies_at(&self, index: usize) -> bool {
        self.by_index.get(index).is_some_and(|(applies, _)| *applies)
    }

    /// The ids of the questions that apply, in framework order.
    pub fn applicable(&self) -> impl Iterator<Item = &'a str> + '_ {
        self.framework
            .questions
            .values()
            .zip(&self.by_index)
            .filter(|(_, (applies, _))| *applies)
            .map(|(question, _)| &*question.id)
    }

    /// The answers that count, in question order, with their question ids.
    pub fn values(&self) -> impl Iterator<Item = (&'a str, &'a AnswerValue)> + '_ {
        self.framework
            .questions
            .keys()
            .zip(&self.by_index)
            .filter_map(|(id, (_, v))| v.map(|v| (id.as_str(), v)))
    }
}

/// Finds the answers to questions asked in the framework's order. Answers written in that
/// order (as the blank answers file and the survey write them) are found in one pass, each
/// by comparing one id; any other answer is looked up by id, and the pass goes on from it.
struct InOrder<'a> {
    answers: &'a Answers,
    /// The position, among the answers, of the next answer expected.
    next: usize,
}

impl<'a> InOrder<'a> {
    fn new(answers: &'a Answers) -> InOrder<'a> {
        InOrder { answers, next: 0 }
    }

    /// The answer to the question `id`, asked after those asked before it.
    fn get(&mut self, id: &str) -> Option<&'a AnswerValue> {
        match self.answers.values.get_index(self.next) {
            Some((key, value)) if key == id => {
                self.next += 1;
                Some(value)
            }
            // Out of order, or unanswered: looked up, and the next answer expected is the
            // one written after it.
            _ => {
                let (at, _, value) = self.answers.values.get_full(id)?;
                self.next = at + 1;
                Some(value)
            }
        }
    }
}
