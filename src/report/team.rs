//! A team's answers as a report shows them: each question in words with the spread of
//! answers, and who answered what where the respondents are named.

use serde::Serialize;

use crate::assess::team::Team;
use crate::rules::Framework;

/// A team's answers, for templates.
#[derive(Debug, Clone, Serialize)]
pub struct TeamInfo {
    /// The respondents, in the order their answers were combined.
    pub respondents: Vec<RespondentInfo>,
    /// The named respondents, joined: "Dana Whitfield (Superintendent), Luis Ortega".
    pub named: String,
    /// How many respondents are not named.
    pub unnamed: usize,
    /// Each question at least one respondent answered, in order.
    pub questions: Vec<SpreadInfo>,
    /// The questions they disagree on, in order.
    pub disagreements: Vec<SpreadInfo>,
}

/// One respondent.
#[derive(Debug, Clone, Serialize)]
pub struct RespondentInfo {
    /// The file their answers came from.
    pub file: String,
    /// Their name; null when not given.
    pub name: Option<String>,
    /// Their role; null when not given.
    pub role: Option<String>,
    /// "name (role)", or null when not named.
    pub label: Option<String>,
}

/// How the team answered one question.
#[derive(Debug, Clone, Serialize)]
pub struct SpreadInfo {
    /// Question id.
    pub id: String,
    /// The question.
    pub question: String,
    /// The team's answer in words ("not yet answered" when none).
    pub answer: String,
    /// The spread: "3 yes, 1 partly, 1 no".
    pub summary: String,
    /// Every respondent who answered gave the same answer.
    pub agree: bool,
    /// How many respondents left it unanswered.
    pub unanswered: usize,
    /// Each answer given, with who gave it.
    pub answers: Vec<GivenInfo>,
}

/// One answer given, and by whom.
#[derive(Debug, Clone, Serialize)]
pub struct GivenInfo {
    /// The answer in words.
    pub label: String,
    /// How many gave it.
    pub count: usize,
    /// The named respondents who gave it, joined; empty when none is named.
    pub named: String,
    /// How many of those who gave it are not named.
    pub unnamed: usize,
}

/// The team's answers in words.
pub fn team_info(framework: &Framework, team: &Team) -> TeamInfo {
    let respondents: Vec<RespondentInfo> = team
        .respondents
        .iter()
        .map(|r| RespondentInfo {
            file: r.file.clone(),
            name: r.name.clone(),
            role: r.role.clone(),
            label: crate::answers::Respondent {
                name: r.name.clone(),
                role: r.role.clone(),
            }
            .display(),
        })
        .collect();
    let label_of = |file: &str| {
        respondents
            .iter()
            .find(|r| r.file == file)
            .and_then(|r| r.label.clone())
    };
    let questions: Vec<SpreadInfo> = team
        .questions
        .iter()
        .map(|s| {
            let question = framework.questions.get(&s.id);
            let words = |value: &str| question.map_or_else(|| value.to_string(), |q| q.label(value).to_string());
            SpreadInfo {
                id: s.id.clone(),
                question: question.map_or_else(|| s.id.clone(), |q| q.title.to_string()),
                answer: s
                    .answer
                    .as_deref()
                    .map_or_else(|| "not yet answered".to_string(), words),
                summary: s.summary.clone(),
                agree: s.agree,
                unanswered: s.unanswered,
                answers: s
                    .answers
                    .iter()
                    .map(|g| {
                        let named: Vec<String> = g.files.iter().filter_map(|f| label_of(f)).collect();
                        GivenInfo {
                            label: words(&g.value),
                            count: g.count,
                            unnamed: g.count - named.len(),
                            named: named.join(", "),
                        }
                    })
                    .collect(),
            }
        })
        .collect();
    let named: Vec<String> = respondents.iter().filter_map(|r| r.label.clone()).collect();
    TeamInfo {
        unnamed: respondents.len() - named.len(),
        named: named.join(", "),
        disagreements: questions.iter().filter(|q| !q.agree).cloned().collect(),
        questions,
        respondents,
    }
}
