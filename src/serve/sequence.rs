//! A respondent's questions: those that apply to their answers so far, in framework
//! order, less the organization's identity answers the admin set for the whole team.
//! Over the web there is no session: where a respondent goes next is worked out from this
//! and their answers file alone.

use super::app::Shared;
use super::manifest::Manifest;
use crate::answers::Answers;
use crate::rules::Framework;
use crate::survey::applicable;

/// A respondent's questions as of their answers: those that apply, less the identity
/// answers the admin set.
pub(super) struct Sequence {
    pub(super) ids: Vec<String>,
}

impl Sequence {
    pub(super) fn new(state: &Shared, manifest: &Manifest, answers: &Answers) -> Sequence {
        let locked: Vec<String> = state
            .store
            .identity_answers(manifest)
            .into_iter()
            .map(|(id, _)| id)
            .collect();
        let ids = applicable(state.store.framework(), answers)
            .into_iter()
            .filter(|id| !locked.contains(id))
            .collect();
        Sequence { ids }
    }

    pub(super) fn contains(&self, id: &str) -> bool {
        self.ids.iter().any(|q| q == id)
    }

    /// The first question after `after` (from the start with `None`), in framework order,
    /// that has no answer yet.
    pub(super) fn next_unanswered(
        &self,
        framework: &Framework,
        answers: &Answers,
        after: Option<&str>,
    ) -> Option<String> {
        let start = after
            .and_then(|id| framework.questions.get_index_of(id))
            .map_or(0, |i| i + 1);
        self.ids
            .iter()
            .filter(|id| {
                framework
                    .questions
                    .get_index_of(id.as_str())
                    .is_some_and(|i| i >= start)
            })
            .find(|id| answers.get(id).is_none())
            .cloned()
    }

    /// The question before `id` in the sequence.
    pub(super) fn previous(&self, framework: &Framework, id: &str) -> Option<String> {
        let at = framework.questions.get_index_of(id)?;
        self.ids
            .iter()
            .rfind(|q| framework.questions.get_index_of(q.as_str()).is_some_and(|i| i < at))
            .cloned()
    }

    pub(super) fn answered(&self, answers: &Answers) -> usize {
        self.ids.iter().filter(|id| answers.get(id).is_some()).count()
    }
}

/// How far a respondent is: the questions that apply to them answered, and how many apply.
pub fn progress_of(state: &Shared, manifest: &Manifest, answers: &Answers) -> (usize, usize) {
    let sequence = Sequence::new(state, manifest, answers);
    (sequence.answered(answers), sequence.ids.len())
}
