//! `readiness survey`: the questions asked one at a time, phase by phase.
//!
//! This module is the pure core: given a framework and the answers so far, which question
//! comes next, where it stands ("12 of 27" among the questions that apply now), which
//! heading it falls under, and which answers a changed answer makes moot. It reads no
//! file and prints nothing. [`prompt`] asks the questions on the terminal and [`store`]
//! keeps the answers file, saving after every answer.

pub mod plan_prompt;
pub mod prompt;
pub mod store;

use std::collections::HashSet;
use std::fmt;

use crate::answers::{AnswerValue, Answers, Dates};
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
        .applicable()
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

/// Reads one day written `YYYY-MM-DD` (surrounding spaces ignored), or `None` when it is
/// not one.
pub fn parse_day(input: &str) -> Option<jiff::civil::Date> {
    let t = input.trim();
    t.parse::<jiff::civil::Date>().ok().filter(|_| t.len() == 10)
}

/// Reads the dates typed for a timeline activity: a day (`2026-02-10`) or a range
/// (`2026-01-05 to 2026-01-30`). Surrounding spaces are ignored.
pub fn parse_dates(input: &str) -> Result<Dates, String> {
    let day = |t: &str| {
        parse_day(t).ok_or_else(|| format!("\"{}\" is not a date: write YYYY-MM-DD, or START to END", t.trim()))
    };
    let (start, end) = match input.split_once(" to ") {
        Some((a, b)) => (day(a)?, day(b)?),
        None => {
            let d = day(input)?;
            (d, d)
        }
    };
    if end < start {
        return Err(format!("it ends ({end}) before it starts ({start})"));
    }
    Ok(Dates {
        start,
        end,
        done: false,
        location: None,
    })
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
mod tests;
