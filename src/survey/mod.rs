//! `readiness survey`: the questions asked one at a time, phase by phase.
//!
//! This module is the pure core: given a framework and the answers so far, which question
//! comes next, where it stands ("12 of 27" among the questions that apply now), which
//! heading it falls under, and which answers a changed answer makes moot. It reads no
//! file and prints nothing. [`prompt`] asks the questions on the terminal and [`store`]
//! keeps the answers file, saving after every answer.

pub mod prompt;
pub mod store;

use std::collections::HashSet;
use std::fmt;

use crate::answers::{AnswerValue, Answers};
use crate::assess::Effective;
use crate::rules::{Framework, Phase, Question, Questionnaire};

/// The answers file a survey fills in when none is named.
pub const DEFAULT_FILE: &str = "readiness-answers.toml";

/// Which questions a survey asks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Only the questions that apply and have no answer yet (resuming a saved file).
    Unanswered,
    /// Every question that applies, with its current answer as the default.
    Review,
}

/// Where a question stands among the questions that apply now: "12 of 27".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    /// 1-based position of the question among those that apply, in framework order.
    pub position: usize,
    /// How many questions apply.
    pub total: usize,
}

impl fmt::Display for Progress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} of {}", self.position, self.total)
    }
}

/// The heading a question is asked under: its phase, or for questions outside any phase
/// (the readiness survey) its questionnaire.
#[derive(Debug, Clone, Copy)]
pub enum Heading<'f> {
    /// A questionnaire of questions outside any phase.
    Questionnaire(&'f Questionnaire),
    /// A phase of the framework.
    Phase {
        /// 1-based number of the phase.
        number: usize,
        /// How many phases the framework has.
        of: usize,
        /// The phase.
        phase: &'f Phase,
    },
}

impl Heading<'_> {
    /// An id that tells headings apart: `phase:ID` or `questionnaire:ID`.
    pub fn key(&self) -> String {
        match self {
            Heading::Questionnaire(q) => format!("questionnaire:{}", q.id),
            Heading::Phase { phase, .. } => format!("phase:{}", phase.id),
        }
    }
}

/// The heading of a question: its phase, or the questionnaire that asks it.
pub fn heading<'f>(framework: &'f Framework, id: &str) -> Option<Heading<'f>> {
    let question = framework.questions.get(id)?;
    if let Some(phase_id) = &question.phase {
        let number = framework.phase_index(phase_id)?;
        return Some(Heading::Phase {
            number: number + 1,
            of: framework.phases.len(),
            phase: &framework.phases[number],
        });
    }
    framework
        .questionnaires
        .iter()
        .find(|q| q.questions.iter().any(|qid| qid == id))
        .map(Heading::Questionnaire)
}

/// The ids of the questions that apply to these answers, in framework order.
pub fn applicable(framework: &Framework, answers: &Answers) -> Vec<String> {
    Effective::new(framework, answers)
        .applicable
        .into_iter()
        .map(str::to_string)
        .collect()
}

/// Where a question stands among the questions that apply; `None` when it does not apply.
pub fn progress(framework: &Framework, answers: &Answers, id: &str) -> Option<Progress> {
    let applicable = applicable(framework, answers);
    let position = applicable.iter().position(|q| q == id)?;
    Some(Progress {
        position: position + 1,
        total: applicable.len(),
    })
}

/// Sets an answer and removes the answers whose question no longer applies because of it
/// (and, in a chain, because of those). Returns the ids removed, in framework order.
/// Answers that did not count before the change (their question already did not apply)
/// are left alone.
pub fn set_answer(framework: &Framework, answers: &mut Answers, id: &str, value: AnswerValue) -> Vec<String> {
    let before = applicable(framework, answers);
    answers.values.insert(id.to_string(), value);
    let after = applicable(framework, answers);
    let dropped: Vec<String> = before
        .into_iter()
        .filter(|q| !after.contains(q) && answers.values.contains_key(q))
        .collect();
    for q in &dropped {
        answers.values.shift_remove(q);
    }
    dropped
}

/// Reads what a person typed for a text or integer question (or a choice value), checked
/// like an answer in a file. Surrounding spaces are ignored; an empty input is an error.
pub fn parse_input(question: &Question, input: &str) -> Result<AnswerValue, String> {
    let input = input.trim();
    if input.is_empty() {
        return Err("type an answer".to_string());
    }
    crate::answers::from_text(question, input).map_err(|message| format!("{message}: enter {}", question.expected()))
}

/// What answering a question changed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Answered {
    /// The answer set, if one was given (`None`: the question was skipped).
    pub set: Option<(String, AnswerValue)>,
    /// Answers removed because their question no longer applies, in framework order.
    pub dropped: Vec<String>,
}

/// A survey in progress: the answers, the question being asked, and the way back.
///
/// Questions are asked in framework order. A question is asked when it applies to the
/// answers so far and, in [`Mode::Unanswered`], when it has no answer or was already
/// asked in this survey (so that going back and then forward walks the same questions).
/// Conditions only name earlier questions, so an answer can change which later
/// questions apply, never which earlier ones do.
#[derive(Debug, Clone)]
pub struct Survey<'f> {
    framework: &'f Framework,
    answers: Answers,
    mode: Mode,
    /// The questions asked before the current one, oldest first.
    history: Vec<String>,
    /// Every question asked in this survey.
    asked: HashSet<String>,
    current: Option<String>,
}

impl<'f> Survey<'f> {
    /// Starts a survey over the answers given so far.
    pub fn new(framework: &'f Framework, answers: Answers, mode: Mode) -> Survey<'f> {
        let mut survey = Survey {
            framework,
            answers,
            mode,
            history: Vec::new(),
            asked: HashSet::new(),
            current: None,
        };
        survey.current = survey.next_after(None);
        if let Some(id) = &survey.current {
            survey.asked.insert(id.clone());
        }
        survey
    }

    /// The answers so far.
    pub fn answers(&self) -> &Answers {
        &self.answers
    }

    /// The question to ask now; `None` when the survey is over.
    pub fn current(&self) -> Option<&'f Question> {
        self.current.as_ref().map(|id| &self.framework.questions[id])
    }

    /// The current answer to the question asked now.
    pub fn current_answer(&self) -> Option<&AnswerValue> {
        self.current.as_ref().and_then(|id| self.answers.get(id))
    }

    /// Where the current question stands among the questions that apply.
    pub fn progress(&self) -> Option<Progress> {
        self.current
            .as_ref()
            .and_then(|id| progress(self.framework, &self.answers, id))
    }

    /// Whether there is a question to go back to.
    pub fn can_go_back(&self) -> bool {
        let applicable = applicable(self.framework, &self.answers);
        self.history.iter().any(|id| applicable.contains(id))
    }

    fn wanted(&self, id: &str) -> bool {
        self.mode == Mode::Review || self.answers.get(id).is_none() || self.asked.contains(id)
    }

    /// The first question after `after` (from the start when `None`) that applies and is wanted.
    fn next_after(&self, after: Option<&str>) -> Option<String> {
        let applicable = applicable(self.framework, &self.answers);
        let start = after
            .and_then(|id| self.framework.questions.get_index_of(id))
            .map_or(0, |i| i + 1);
        self.framework
            .questions
            .keys()
            .skip(start)
            .find(|id| applicable.contains(id) && self.wanted(id))
            .cloned()
    }

    fn advance(&mut self, from: String) {
        self.current = self.next_after(Some(&from));
        self.history.push(from);
        if let Some(id) = &self.current {
            self.asked.insert(id.clone());
        }
    }

    /// Answers the current question and moves to the next one. Answers to later questions
    /// that no longer apply are removed and listed in the result.
    pub fn answer(&mut self, value: AnswerValue) -> Answered {
        let Some(id) = self.current.take() else {
            return Answered::default();
        };
        let dropped = set_answer(self.framework, &mut self.answers, &id, value.clone());
        self.advance(id.clone());
        Answered {
            set: Some((id, value)),
            dropped,
        }
    }

    /// Skips the current question: its answer (or the lack of one) stays as it is.
    pub fn skip(&mut self) {
        if let Some(id) = self.current.take() {
            self.advance(id);
        }
    }

    /// Goes back to the previous question asked that still applies. Returns whether
    /// there was one; if not, the current question stays.
    pub fn back(&mut self) -> bool {
        let applicable = applicable(self.framework, &self.answers);
        while let Some(previous) = self.history.pop() {
            if applicable.contains(&previous) {
                self.current = Some(previous);
                return true;
            }
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::{ctq_fixture as ctq, mini_fixture as mini};

    fn choice(v: &str) -> AnswerValue {
        AnswerValue::Choice(v.to_string())
    }

    fn text(v: &str) -> AnswerValue {
        AnswerValue::Text(v.to_string())
    }

    fn answers(pairs: &[(&str, AnswerValue)]) -> Answers {
        let mut a = Answers::default();
        for (id, v) in pairs {
            a.values.insert((*id).to_string(), v.clone());
        }
        a
    }

    fn current(s: &Survey<'_>) -> String {
        s.current().map(|q| q.id.clone()).unwrap_or_default()
    }

    #[test]
    fn a_new_survey_asks_every_question_that_applies_in_order() {
        let fw = mini();
        let mut s = Survey::new(&fw, Answers::default(), Mode::Unanswered);
        let mut asked = Vec::new();
        let replies = [
            text("Test"),
            choice("school"),
            AnswerValue::Integer(40),
            choice("no"),
            choice("done"),
            choice("yes"),
        ];
        for reply in replies {
            asked.push(current(&s));
            s.answer(reply);
        }
        assert!(s.current().is_none());
        // one.shared is asked only when one.decided is yes or partly.
        assert_eq!(
            asked,
            [
                "profile.organization",
                "profile.org_type",
                "profile.educators",
                "one.decided",
                "one.task",
                "two.acted"
            ]
        );
    }

    #[test]
    fn progress_counts_the_questions_that_apply_now() {
        let fw = mini();
        let mut s = Survey::new(&fw, Answers::default(), Mode::Unanswered);
        assert_eq!(s.progress().unwrap().to_string(), "1 of 6");
        s.answer(text("Test"));
        s.answer(choice("school"));
        s.answer(AnswerValue::Integer(4));
        assert_eq!(s.progress().unwrap().to_string(), "4 of 6");
        // Answering yes makes one.shared apply: one more question, and it comes next.
        s.answer(choice("yes"));
        assert_eq!(current(&s), "one.shared");
        assert_eq!(s.progress().unwrap().to_string(), "5 of 7");
    }

    #[test]
    fn resuming_asks_only_what_is_unanswered() {
        let fw = mini();
        let given = answers(&[
            ("profile.organization", text("Test")),
            ("profile.org_type", choice("school")),
            ("one.decided", choice("partly")),
        ]);
        let mut s = Survey::new(&fw, given, Mode::Unanswered);
        let mut asked = Vec::new();
        while let Some(q) = s.current() {
            asked.push(q.id.clone());
            s.skip();
        }
        assert_eq!(asked, ["profile.educators", "one.shared", "one.task", "two.acted"]);
    }

    #[test]
    fn review_asks_every_question_that_applies() {
        let fw = mini();
        let given = answers(&[
            ("profile.organization", text("Test")),
            ("profile.org_type", choice("school")),
            ("one.decided", choice("no")),
        ]);
        let mut s = Survey::new(&fw, given, Mode::Review);
        assert_eq!(s.current_answer(), Some(&text("Test")));
        let mut asked = Vec::new();
        while let Some(q) = s.current() {
            asked.push(q.id.clone());
            s.skip();
        }
        assert_eq!(
            asked,
            [
                "profile.organization",
                "profile.org_type",
                "profile.educators",
                "one.decided",
                "one.task",
                "two.acted"
            ]
        );
        // Skipping keeps every answer as it was.
        assert_eq!(s.answers().values.len(), 3);
    }

    #[test]
    fn nothing_to_ask_when_every_question_that_applies_is_answered() {
        let fw = mini();
        let given = answers(&[
            ("profile.organization", text("Test")),
            ("profile.org_type", choice("school")),
            ("profile.educators", AnswerValue::Integer(3)),
            ("one.decided", choice("no")),
            ("one.task", choice("done")),
            ("two.acted", choice("no")),
        ]);
        let s = Survey::new(&fw, given, Mode::Unanswered);
        assert!(s.current().is_none());
        assert!(s.progress().is_none());
    }

    #[test]
    fn a_skipped_question_stays_unanswered_and_is_not_asked_again() {
        let fw = mini();
        let mut s = Survey::new(&fw, Answers::default(), Mode::Unanswered);
        s.answer(text("Test"));
        s.answer(choice("school"));
        assert_eq!(current(&s), "profile.educators");
        s.skip();
        assert_eq!(current(&s), "one.decided");
        assert!(s.answers().get("profile.educators").is_none());
        s.answer(choice("no"));
        s.answer(choice("done"));
        s.answer(choice("no"));
        assert!(s.current().is_none());
        assert!(s.answers().get("profile.educators").is_none());
    }

    #[test]
    fn going_back_and_changing_an_answer_drops_the_question_that_depended_on_it() {
        let fw = mini();
        let mut s = Survey::new(&fw, Answers::default(), Mode::Unanswered);
        s.answer(text("Test"));
        s.answer(choice("school"));
        s.skip();
        s.answer(choice("yes"));
        assert_eq!(current(&s), "one.shared");
        s.answer(choice("partly"));
        assert_eq!(current(&s), "one.task");
        assert!(s.back());
        assert_eq!(current(&s), "one.shared");
        assert_eq!(s.current_answer(), Some(&choice("partly")));
        assert!(s.back());
        assert_eq!(current(&s), "one.decided");
        assert_eq!(s.current_answer(), Some(&choice("yes")));
        let changed = s.answer(choice("no"));
        assert_eq!(changed.set, Some(("one.decided".to_string(), choice("no"))));
        assert_eq!(changed.dropped, ["one.shared"]);
        assert!(s.answers().get("one.shared").is_none());
        assert_eq!(current(&s), "one.task");
        assert_eq!(s.progress().unwrap().to_string(), "5 of 6");
    }

    #[test]
    fn going_back_and_changing_an_answer_asks_the_question_that_now_applies() {
        let fw = mini();
        let mut s = Survey::new(&fw, Answers::default(), Mode::Unanswered);
        s.answer(text("Test"));
        s.answer(choice("school"));
        s.answer(AnswerValue::Integer(9));
        s.answer(choice("no"));
        assert_eq!(current(&s), "one.task");
        assert!(s.back());
        s.answer(choice("partly"));
        assert_eq!(current(&s), "one.shared");
    }

    #[test]
    fn going_back_twice_then_forward_walks_the_same_questions_again() {
        let fw = mini();
        let mut s = Survey::new(&fw, Answers::default(), Mode::Unanswered);
        s.answer(text("Test"));
        s.answer(choice("school"));
        s.answer(AnswerValue::Integer(9));
        assert!(s.back());
        assert!(s.back());
        assert_eq!(current(&s), "profile.org_type");
        s.answer(choice("district"));
        // Already answered, but asked in this survey: it comes again, with its answer.
        assert_eq!(current(&s), "profile.educators");
        assert_eq!(s.current_answer(), Some(&AnswerValue::Integer(9)));
    }

    #[test]
    fn there_is_no_going_back_from_the_first_question() {
        let fw = mini();
        let mut s = Survey::new(&fw, Answers::default(), Mode::Unanswered);
        assert!(!s.can_go_back());
        assert!(!s.back());
        assert_eq!(current(&s), "profile.organization");
        s.answer(text("Test"));
        assert!(s.can_go_back());
    }

    #[test]
    fn set_answer_drops_only_answers_that_counted_before() {
        let fw = ctq();
        let mut a = answers(&[
            ("how.fee_based", choice("yes")),
            ("how.fee_funding", choice("partly")),
            ("why.theory_of_action", choice("no")),
            // Already ignored: why.shared_theory does not apply while the theory is `no`.
            ("why.shared_theory", choice("yes")),
        ]);
        assert_eq!(
            set_answer(&fw, &mut a, "how.fee_based", choice("no")),
            ["how.fee_funding"]
        );
        assert!(a.get("how.fee_funding").is_none());
        assert!(a.get("why.shared_theory").is_some());
        assert!(set_answer(&fw, &mut a, "how.fee_based", choice("yes")).is_empty());
    }

    #[test]
    fn headings_are_phases_or_the_questionnaire() {
        let fw = ctq();
        match heading(&fw, "profile.org_type") {
            Some(Heading::Questionnaire(q)) => assert_eq!(q.title, "Readiness survey"),
            other => panic!("{other:?}"),
        }
        match heading(&fw, "how.fee_funding") {
            Some(Heading::Phase { number, of, phase }) => {
                assert_eq!((number, of), (2, 3));
                assert_eq!(phase.id, "how");
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(heading(&fw, "why.goals").unwrap().key(), "phase:why");
        assert!(heading(&fw, "no.such").is_none());
    }

    #[test]
    fn typed_input_is_checked_like_an_answer_in_a_file() {
        let fw = ctq();
        let educators = &fw.questions["profile.educators"];
        assert_eq!(parse_input(educators, " 320 "), Ok(AnswerValue::Integer(320)));
        assert!(parse_input(educators, "0").unwrap_err().contains("out of range"));
        assert!(parse_input(educators, "many").unwrap_err().contains("whole number"));
        assert!(parse_input(educators, "").is_err());
        let name = &fw.questions["profile.organization"];
        assert_eq!(parse_input(name, "  Nazareth "), Ok(text("Nazareth")));
        let kind = &fw.questions["profile.org_type"];
        assert_eq!(parse_input(kind, "state"), Ok(choice("state")));
        assert!(parse_input(kind, "city").is_err());
    }

    #[test]
    fn the_default_framework_asks_the_fee_plan_only_for_fee_based_plans() {
        let fw = ctq();
        let base = answers(&[
            ("profile.organization", text("Test")),
            ("profile.org_type", choice("district")),
        ]);
        let total = |a: &Answers| applicable(&fw, a).len();
        let mut a = base.clone();
        a.values.insert("how.fee_based".into(), choice("no"));
        let without = total(&a);
        a.values.insert("how.fee_based".into(), choice("yes"));
        assert_eq!(total(&a), without + 1);
        assert!(applicable(&fw, &a).contains(&"how.fee_funding".to_string()));
    }
}
