//! A team's answers combined into one set of answers: each question by the rule the rule
//! set gives its scale (`[combine]` in the manifest), after checking that every respondent
//! answered for the same organization.
//!
//! The rules, stated once here and in the README:
//! - required profile answers (the organization's name and kind) must be the same in every
//!   file: a team's answers are for one organization;
//! - a scored question combines by its scale's rule (`lowest`, `median`, `majority`);
//! - an unscored choice question (such as the stage people think they are at) combines by
//!   majority, a tie going to the value listed first;
//! - a number (such as the educators the initiative may reach) combines to the largest
//!   given, with a warning when they differ: a principal may count one school where the
//!   district counts every school;
//! - other text combines by majority, a tie going to the first file's.
//!
//! Only the answers given count; a question that no longer applies to the team's answers
//! (its condition is false) is left out.

use crate::id_map::IdMap;
use indexmap::IndexMap;

use super::{AnswerValue, Answers, Member};
use crate::assess::Effective;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::rules::{AnswerKind, CombineRule, Framework, Question, Role, Scored};

/// One file's answers, named as the user named the file.
#[derive(Debug, Clone)]
pub struct Respondents {
    /// The file, as messages show it.
    pub name: String,
    /// Its answers.
    pub answers: Answers,
}

/// A team's answers, combined.
#[derive(Debug, Clone)]
pub struct Combined {
    /// The team's answers, with each respondent's own in [`Answers::team`].
    pub answers: Answers,
    /// What a person should know about how they combined (numbers that differ).
    pub warnings: Vec<String>,
}

/// Whether a question says who the organization is: a required profile question, which
/// every respondent of a team must answer the same way.
pub fn is_identity(question: &Question) -> bool {
    question.role == Role::Profile && question.required
}

/// Combines the answers of several files into the team's answers. Files that are
/// themselves combined answers bring in their respondents. Files for different
/// organizations are an error naming both files.
pub fn combine(framework: &Framework, files: &[Respondents]) -> Result<Combined, Diagnostics> {
    check_identity(framework, files)?;
    let mut members: Vec<Member> = Vec::new();
    let mut skipped: Vec<String> = Vec::new();
    for file in files {
        let own = [Member {
            file: file.name.clone(),
            respondent: file.answers.respondent.clone().unwrap_or_default(),
            values: Effective::new(framework, &file.answers)
                .values()
                .map(|(id, value)| (id.to_string(), value.clone()))
                .collect(),
        }];
        let brought: &[Member] = if file.answers.team.is_empty() {
            &own
        } else {
            &file.answers.team
        };
        for member in brought {
            if members.iter().any(|m| m.file == member.file) {
                skipped.push(member.file.clone());
            } else {
                members.push(member.clone());
            }
        }
    }
    if members.len() < 2 {
        return Err(Diagnostics::one(
            Diagnostic::error(
                files.first().map_or("", |f| f.name.as_str()),
                None,
                "a team's answers need two or more respondents; only one is given",
            )
            .with_help("name each respondent's answers file, or a folder holding them"),
        ));
    }
    let mut warnings: Vec<String> = skipped
        .iter()
        .map(|f| {
            format!("{f}: these answers are already among the team's (a combined file holds them); they count once")
        })
        .collect();
    let mut values: IdMap<AnswerValue> = IdMap::default();
    for question in framework.questions.values() {
        let applies = question
            .when
            .as_ref()
            .is_none_or(|c| c.evaluate(&|id: &str| values.get(id)).holds);
        let given: Vec<(&Member, &AnswerValue)> = members
            .iter()
            .filter_map(|m| m.values.get(&*question.id).map(|v| (m, v)))
            .collect();
        if !applies || given.is_empty() {
            continue;
        }
        let answers: Vec<&AnswerValue> = given.iter().map(|(_, v)| *v).collect();
        let value = match question.kind {
            _ if is_identity(question) => answers[0].clone(),
            AnswerKind::Integer => {
                let largest = answers.iter().filter_map(|v| integer(v)).max().unwrap_or(0);
                if answers.iter().any(|v| integer(v) != Some(largest)) {
                    let each: Vec<String> = given
                        .iter()
                        .map(|(m, v)| format!("{} {}", m.file, v.as_text()))
                        .collect();
                    warnings.push(format!(
                        "`{}` ({}) differs between the answers: {}; the team's answer is the largest, {largest}",
                        question.id,
                        question.title,
                        each.join(", ")
                    ));
                }
                AnswerValue::Integer(largest)
            }
            AnswerKind::Choice => match framework.scored(&question.id) {
                Some(scored) => pick(scored.combine, &answers, question, Some(scored)),
                None => pick(CombineRule::Majority, &answers, question, None),
            },
            AnswerKind::Text => pick(CombineRule::Majority, &answers, question, None),
        };
        values.insert(question.id.to_string(), value);
    }
    let assessed = files.iter().filter_map(|f| f.answers.assessed.clone()).max();
    // The action plan and the timeline are the team's: for each task, recommendation or
    // activity, the entry of the first file that gives one.
    let mut plan = IndexMap::new();
    let mut timeline = IdMap::default();
    for file in files {
        for (id, entry) in &file.answers.plan {
            plan.entry(id.clone()).or_insert_with(|| entry.clone());
        }
        for (id, dates) in &file.answers.timeline {
            timeline.entry(id.clone()).or_insert_with(|| dates.clone());
        }
    }
    let notes = notes(files, &values);
    Ok(Combined {
        answers: Answers {
            values,
            framework_id: Some(framework.id.to_string()),
            framework_version: Some(framework.version.to_string()),
            assessed,
            respondent: None,
            team: members,
            gone: Vec::new(),
            warnings: Vec::new(),
            notes,
            plan,
            timeline,
        },
        warnings,
    })
}

/// The respondents' notes on the team's answers, each saying whose it is: "Sam Okafor
/// (Principal): only the middle schools have seen it". A combined file's notes already say
/// whose they are and are kept as they are; several notes on one answer are joined with "; ".
fn notes(files: &[Respondents], values: &IdMap<AnswerValue>) -> IndexMap<String, String> {
    let mut notes: IndexMap<String, Vec<String>> = IndexMap::new();
    for file in files {
        let who = file.answers.respondent.as_ref().and_then(|r| r.display());
        for (id, note) in &file.answers.notes {
            if !values.contains_key(id) {
                continue;
            }
            let note = if file.answers.team.is_empty() {
                format!("{}: {note}", who.as_deref().unwrap_or(&file.name))
            } else {
                note.clone()
            };
            let list = notes.entry(id.clone()).or_default();
            if !list.contains(&note) {
                list.push(note);
            }
        }
    }
    // In the framework's order of questions, like the answers.
    let mut ordered: IndexMap<String, String> = IndexMap::new();
    for id in values.keys() {
        if let Some(list) = notes.get(id) {
            ordered.insert(id.clone(), list.join("; "));
        }
    }
    ordered
}

fn integer(value: &AnswerValue) -> Option<i64> {
    match value {
        AnswerValue::Integer(n) => Some(*n),
        _ => None,
    }
}

/// Every file must give the same answer to the questions that say who the organization is.
fn check_identity(framework: &Framework, files: &[Respondents]) -> Result<(), Diagnostics> {
    let mut problems = Vec::new();
    for question in framework.questions.values().filter(|q| is_identity(q)) {
        let mut first: Option<(&str, &AnswerValue)> = None;
        for file in files {
            let Some(value) = file.answers.get(&question.id) else {
                continue;
            };
            match first {
                None => first = Some((&file.name, value)),
                Some((name, expected)) if !same(expected, value) => problems.push(
                    Diagnostic::error(
                        &file.name,
                        None,
                        format!(
                            "`{}` is \"{}\" here but \"{}\" in {name}: a team's answers must be for one organization",
                            question.id,
                            value.as_text(),
                            expected.as_text()
                        ),
                    )
                    .with_help(format!(
                        "combine only the answers of one organization's team; to assess several organizations side by side, use `readiness batch {name} {}`",
                        file.name
                    )),
                ),
                Some(_) => {}
            }
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(Diagnostics(problems))
    }
}

fn same(a: &AnswerValue, b: &AnswerValue) -> bool {
    a.as_text().trim() == b.as_text().trim()
}

/// The team's answer to one question by a rule. Ties go to the answer that earns fewer
/// points, then to the value listed first (for text, the first given). Only answers that
/// give the question a value count; "don't know" (or else "not applicable") is the team's
/// answer only when nobody gave one.
pub fn pick(rule: CombineRule, answers: &[&AnswerValue], question: &Question, scored: Option<&Scored>) -> AnswerValue {
    let given: Vec<&AnswerValue> = answers.iter().copied().filter(|v| v.is_given()).collect();
    if given.is_empty() {
        return if answers.contains(&&AnswerValue::DontKnow) {
            AnswerValue::DontKnow
        } else {
            answers.first().map_or(AnswerValue::NotApplicable, |v| (*v).clone())
        };
    }
    let answers = &given[..];
    let text = |v: &AnswerValue| v.as_text();
    let order = |v: &AnswerValue| {
        question
            .choices
            .get_index_of(&text(v))
            .unwrap_or_else(|| answers.iter().position(|a| *a == v).unwrap_or(0))
    };
    let points = |v: &AnswerValue| scored.and_then(|s| s.points.get(&text(v)).copied()).unwrap_or(0);
    let key = |v: &AnswerValue| (points(v), order(v));
    let mut sorted: Vec<&AnswerValue> = answers.to_vec();
    sorted.sort_by_key(|v| key(v));
    let chosen = match rule {
        CombineRule::Lowest => sorted[0],
        CombineRule::Median => sorted[(sorted.len() - 1) / 2],
        CombineRule::Majority => {
            let mut counts: Vec<(&AnswerValue, usize)> = Vec::new();
            for v in &sorted {
                match counts.iter_mut().find(|(c, _)| c == v) {
                    Some((_, n)) => *n += 1,
                    None => counts.push((v, 1)),
                }
            }
            // `sorted` is in tie-break order, so the first of the most frequent wins.
            let most = counts.iter().map(|(_, n)| *n).max().unwrap_or(0);
            counts.iter().find(|(_, n)| *n == most).map_or(sorted[0], |(v, _)| v)
        }
    };
    chosen.clone()
}

/// How often each answer was given to a question, in the order of the question's values
/// (for text and numbers, the order first given), with the respondents who gave it (their
/// positions in `members`).
pub fn tally<'a>(question: &Question, members: &'a [Member]) -> Vec<(&'a AnswerValue, Vec<usize>)> {
    let mut counts: Vec<(&AnswerValue, Vec<usize>)> = Vec::new();
    for (i, member) in members.iter().enumerate() {
        let Some(value) = member.values.get(&*question.id) else {
            continue;
        };
        match counts.iter_mut().find(|(v, _)| *v == value) {
            Some((_, who)) => who.push(i),
            None => counts.push((value, vec![i])),
        }
    }
    if question.kind == AnswerKind::Choice {
        // The question's values in order, then "don't know", then "not applicable".
        counts.sort_by_key(|(v, _)| match v {
            AnswerValue::DontKnow => usize::MAX - 1,
            AnswerValue::NotApplicable => usize::MAX,
            _ => question.choices.get_index_of(&v.as_text()).unwrap_or(usize::MAX - 2),
        });
    }
    counts
}

/// A tally in words: "3 yes, 1 partly, 1 no" (values with `_` read as spaces); numbers
/// are listed as given: "300, 320, 320".
pub fn tally_words(tally: &[(&AnswerValue, Vec<usize>)]) -> String {
    tally
        .iter()
        .map(|(v, who)| match v {
            AnswerValue::Integer(n) => vec![n.to_string(); who.len()].join(", "),
            AnswerValue::DontKnow => format!("{} don't know", who.len()),
            _ => format!("{} {}", who.len(), v.as_text().replace('_', " ")),
        })
        .collect::<Vec<_>>()
        .join(", ")
}
