//! A team's answers: how each respondent answered each question (the spread), and the
//! questions they disagree on. Pure: no I/O.

use serde::Serialize;

use super::Effective;
use crate::answers::combine::{is_identity, tally, tally_words};
use crate::answers::{AnswerValue, Answers};
use crate::rules::{AnswerKind, Framework};

/// How a team answered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Team {
    /// The respondents, in the order their answers were combined.
    pub respondents: Vec<TeamMember>,
    /// Each question that applies and that at least one respondent answered, in framework
    /// order (not the questions that say who the organization is, which all must share).
    pub questions: Vec<Spread>,
    /// Ids of the questions the respondents disagree on (they gave different answers), in order.
    pub disagreements: Vec<String>,
}

/// One respondent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TeamMember {
    /// The file their answers came from.
    pub file: String,
    /// Their name; null when not given.
    pub name: Option<String>,
    /// Their role; null when not given.
    pub role: Option<String>,
}

/// How the respondents answered one question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Spread {
    /// Question id.
    pub id: String,
    /// The team's answer (the combined one, or as edited in a combined file); null when none.
    pub answer: Option<String>,
    /// Each answer given, in the order of the question's values, with who gave it.
    pub answers: Vec<Given>,
    /// How many respondents left the question unanswered.
    pub unanswered: usize,
    /// Whether every respondent who answered gave the same answer.
    pub agree: bool,
    /// The spread in words: "3 yes, 1 partly, 1 no".
    pub summary: String,
}

/// One answer given to a question, and by whom.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Given {
    /// The answer as written.
    pub value: String,
    /// How many respondents gave it.
    pub count: usize,
    /// The files of the respondents who gave it.
    pub files: Vec<String>,
}

/// The spread of a team's answers, or `None` for one organization's own answers.
pub fn team(framework: &Framework, answers: &Answers, eff: &Effective) -> Option<Team> {
    let members = &answers.team;
    if members.is_empty() {
        return None;
    }
    let mut questions = Vec::new();
    for question in framework.questions.values() {
        if is_identity(question) || !eff.applies(&question.id) {
            continue;
        }
        let counts = tally(question, members);
        if counts.is_empty() {
            continue;
        }
        let answered: usize = counts.iter().map(|(_, who)| who.len()).sum();
        questions.push(Spread {
            id: question.id.to_string(),
            answer: eff.get(&question.id).map(AnswerValue::as_text),
            // Numbers that differ combine by a stated rule with a warning: not a disagreement.
            agree: counts.len() == 1 || question.kind == AnswerKind::Integer,
            summary: tally_words(&counts),
            unanswered: members.len() - answered,
            answers: counts
                .iter()
                .map(|(v, who)| Given {
                    value: v.as_text(),
                    count: who.len(),
                    files: who.iter().map(|i| members[*i].file.clone()).collect(),
                })
                .collect(),
        });
    }
    let disagreements = questions.iter().filter(|q| !q.agree).map(|q| q.id.clone()).collect();
    Some(Team {
        respondents: members
            .iter()
            .map(|m| TeamMember {
                file: m.file.clone(),
                name: m.respondent.name.clone(),
                role: m.respondent.role.clone(),
            })
            .collect(),
        questions,
        disagreements,
    })
}
