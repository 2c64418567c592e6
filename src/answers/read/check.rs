//! Checking answers as read against the framework's questions: the `[framework]` table,
//! respondents, each answer's type and value, and required answers.

use super::*;
use crate::id_map::IdMap;

/// Which part of a file answers come from: the file's own answers, or one respondent's in
/// a team's combined file.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Part {
    Top,
    Member,
}

pub(super) fn check(
    framework: &Framework,
    file: &Source<'_>,
    raw: RawFile,
    require: bool,
) -> Result<Answers, Diagnostics> {
    let mut problems = Vec::new();
    let (meta, rest): (Vec<RawAnswer>, Vec<RawAnswer>) =
        raw.answers.into_iter().partition(|a| a.section == META_SECTION);
    let (planned, rest): (Vec<RawAnswer>, Vec<RawAnswer>) = rest
        .into_iter()
        .partition(|a| a.section == PLAN_SECTION || a.section == TIMELINE_SECTION);
    let mut answers = Answers::default();
    if !read_meta(framework, file, meta, &mut answers, &mut problems) {
        return Err(Diagnostics(problems));
    }
    // Answers written for another version: ids that no longer exist are warnings.
    let other_version = answers
        .framework_version
        .as_ref()
        .filter(|v| **v != *framework.version)
        .cloned();
    if let Some(v) = &other_version {
        answers.warnings.push(Diagnostic::warning(
            &file.name,
            None,
            format!(
                "the answers were written for version {v}; this is {} {}",
                framework.id, framework.version
            ),
        ));
    }
    let old = other_version.is_some();
    crate::answers::plan::read(framework, planned, &mut answers, &mut problems, &|at, message| {
        error_at(file, at, message)
    });
    let (who, values, notes) = check_part(framework, file, rest, Part::Top, old, &mut answers.gone, &mut problems);
    answers.values = values;
    answers.notes = notes;
    answers.respondent = who.respondent;
    for member in raw.members {
        let (who, values, _notes) = check_part(
            framework,
            file,
            member.entries,
            Part::Member,
            old,
            &mut answers.gone,
            &mut problems,
        );
        answers.team.push(Member {
            file: who.file.unwrap_or_default(),
            respondent: who.respondent.unwrap_or_default(),
            values,
        });
    }
    if !answers.gone.is_empty() {
        answers.warnings.push(Diagnostic::warning(
            &file.name,
            None,
            format!(
                "these answers are ignored: their questions no longer exist: {}",
                answers.gone.join(", ")
            ),
        ));
    }
    for question in framework.questions.values().filter(|_| require) {
        if question.required
            && !answers.values.contains_key(&*question.id)
            && !problems
                .iter()
                .any(|p| p.message.starts_with(&format!("`{}`:", question.id)))
        {
            let (section, key) = question.id.split_once('.').unwrap_or((&question.id, ""));
            problems.push(
                Diagnostic::error(
                    &file.name,
                    None,
                    format!("missing required answer `{}` ({})", question.id, question.title),
                )
                .with_help(format!("add `{key} = ...` under [{section}]: {}", question.expected())),
            );
        }
    }
    if problems.is_empty() {
        Ok(answers)
    } else {
        Err(Diagnostics(problems))
    }
}

/// Reads the `[framework]` table: the framework, version and date the answers were written
/// for. `false` when they were written for another framework (nothing else is checked then).
pub(super) fn read_meta(
    framework: &Framework,
    file: &Source<'_>,
    meta: Vec<RawAnswer>,
    answers: &mut Answers,
    problems: &mut Vec<Diagnostic>,
) -> bool {
    let mut same_framework = true;
    for entry in meta {
        if entry.key == "assessed" {
            let text = match &entry.value {
                RawValue::Date(s) | RawValue::String(s) => s.clone(),
                _ => String::new(),
            };
            match text.parse::<jiff::civil::Date>() {
                Ok(date) if text.len() == 10 => answers.assessed = Some(date.to_string()),
                _ => problems.push(
                    error_at(file, &entry.at, format!("`{META_SECTION}.assessed` must be a date"))
                        .with_help("write the day the answers were given as YYYY-MM-DD, e.g. assessed = 2026-01-15"),
                ),
            }
            continue;
        }
        let value = match entry.value {
            RawValue::String(s) => s,
            _ => {
                problems.push(error_at(
                    file,
                    &entry.at,
                    format!("`{META_SECTION}.{}` must be a text", entry.key),
                ));
                continue;
            }
        };
        match entry.key.as_str() {
            "id" => {
                if *value != *framework.id {
                    let builtin = crate::rules::built_in_ids().contains(&value.as_str());
                    let help = if builtin {
                        format!(
                            "assess them with `--framework {value}`, or change `id` to \"{}\"",
                            framework.id
                        )
                    } else {
                        format!(
                            "assess them with `--rules PATH` for that framework, or change `id` to \"{}\"",
                            framework.id
                        )
                    };
                    problems.push(
                        error_at(
                            file,
                            &entry.at,
                            format!(
                                "the answers were written for framework `{value}`, not `{}`",
                                framework.id
                            ),
                        )
                        .with_help(help),
                    );
                    same_framework = false;
                }
                answers.framework_id = Some(value);
            }
            "version" => answers.framework_version = Some(value),
            other => problems.push(
                error_at(
                    file,
                    &entry.key_at,
                    format!("unknown key `{other}` in [{META_SECTION}]"),
                )
                .with_help(
                    "[framework] holds `id`, `version` and `assessed`: the framework the answers were written for, and when",
                ),
            ),
        }
    }
    same_framework
}

/// Who answered, as a part of a file says: `[respondent]`, or a `[[respondents]]` entry.
#[derive(Default)]
pub(super) struct Who {
    file: Option<String>,
    respondent: Option<Respondent>,
}

/// Checks one part's answers against the framework's questions; problems go to `problems`,
/// ids of questions that no longer exist (when `old`, the file is for another version) to `gone`.
pub(super) fn check_part(
    framework: &Framework,
    file: &Source<'_>,
    raw: Vec<RawAnswer>,
    part: Part,
    old: bool,
    gone: &mut Vec<String>,
    problems: &mut Vec<Diagnostic>,
) -> (Who, IdMap<AnswerValue>, IndexMap<String, String>) {
    let mut who = Who::default();
    let mut values = IdMap::default();
    let mut unknown = 0;
    let mut notes = IndexMap::new();
    for answer in raw {
        if answer.section == RESPONDENT_SECTION {
            respondent_entry(file, answer, part, &mut who, problems);
            continue;
        }
        if answer.section == META_SECTION {
            problems.push(error_at(
                file,
                &answer.key_at,
                format!("[{META_SECTION}] belongs at the top of the file, not in a respondent's answers"),
            ));
            continue;
        }
        let id = format!("{}.{}", answer.section, answer.key);
        let Some(question) = framework.questions.get(&id) else {
            if old {
                if !gone.contains(&id) {
                    gone.push(id);
                }
                continue;
            }
            let mut d = error_at(file, &answer.key_at, format!("unknown question `{id}`"));
            // Suggestions for the first few: a file of thousands of unknown keys is no typo.
            unknown += 1;
            let suggestion = (unknown <= 100)
                .then(|| closest(&id, framework.questions.keys().map(String::as_str)))
                .flatten();
            if let Some(best) = suggestion {
                d = d.with_help(format!("did you mean `{best}`?"));
            } else {
                d = d.with_help("`readiness template` lists every question");
            }
            problems.push(d);
            continue;
        };
        let (value, note) = match answer.value {
            RawValue::Noted(value, note) => (*value, Some(note)),
            other => (other, None),
        };
        match typed(question, value) {
            Ok(value) => {
                if let Some(note) = note.filter(|n| !n.trim().is_empty()) {
                    notes.insert(id.clone(), note.trim().to_string());
                }
                values.insert(id, value);
            }
            Err(message) => {
                problems.push(
                    error_at(file, &answer.at, format!("`{id}`: {message}"))
                        .with_help(format!("expected {}", question.expected())),
                );
            }
        }
    }
    (who, values, notes)
}

/// One entry of `[respondent]` (`name`, `role`) or of a `[[respondents]]` entry (also `file`).
pub(super) fn respondent_entry(
    file: &Source<'_>,
    entry: RawAnswer,
    part: Part,
    who: &mut Who,
    problems: &mut Vec<Diagnostic>,
) {
    let table = match part {
        Part::Top => format!("[{RESPONDENT_SECTION}]"),
        Part::Member => format!("[[{TEAM_SECTION}]]"),
    };
    let allowed = match part {
        Part::Top => "`name` and `role`: who gave these answers",
        Part::Member => "`file`, `name` and `role`, and the respondent's answers in tables such as [respondents.why]",
    };
    let RawValue::String(value) = entry.value else {
        problems.push(
            error_at(file, &entry.at, format!("`{}` in {table} must be a text", entry.key))
                .with_help(format!("{table} holds {allowed}")),
        );
        return;
    };
    let respondent = who.respondent.get_or_insert_with(Respondent::default);
    match (entry.key.as_str(), part) {
        ("name", _) => respondent.name = Some(value),
        ("role", _) => respondent.role = Some(value),
        ("file", Part::Member) => who.file = Some(value),
        (other, _) => problems.push(
            error_at(file, &entry.key_at, format!("unknown key `{other}` in {table}"))
                .with_help(format!("{table} holds {allowed}")),
        ),
    }
}

pub(super) fn typed(question: &Question, value: RawValue) -> Result<AnswerValue, String> {
    match (question.kind, value) {
        (_, RawValue::Noted(..)) => Err("an answer cannot be a table".to_string()),
        (_, RawValue::BadTable(message)) => Err(message),
        (_, RawValue::Fields(fields)) => Err(fields
            .iter()
            .find_map(|(key, value)| match (key.as_str(), value) {
                (ANSWER_KEY, _) | (NOTE_KEY, RawValue::String(_)) => None,
                (NOTE_KEY, _) => Some("`note` must be a text".to_string()),
                (other, _) => Some(format!(
                    "unknown key `{other}`: an answer with a note is written {{ answer = ..., note = \"...\" }}"
                )),
            })
            .unwrap_or_default()),
        (AnswerKind::Choice, RawValue::String(s)) if s == NOT_APPLICABLE && question.not_applicable => {
            Ok(AnswerValue::NotApplicable)
        }
        (AnswerKind::Choice, RawValue::String(s)) if s == DONT_KNOW && question.dont_know => Ok(AnswerValue::DontKnow),
        (AnswerKind::Text, RawValue::String(s)) => {
            if question.required && s.trim().is_empty() {
                Err("the answer is empty".to_string())
            } else {
                Ok(AnswerValue::Text(s))
            }
        }
        (AnswerKind::Choice, RawValue::String(s)) => {
            if question.choices.contains_key(&s) {
                Ok(AnswerValue::Choice(s))
            } else {
                Err(format!("{} is not an allowed value", quoted(&s)))
            }
        }
        (AnswerKind::Integer, RawValue::Integer(n)) => {
            if question.min.is_some_and(|min| n < min) || question.max.is_some_and(|max| n > max) {
                Err(format!("{n} is out of range"))
            } else {
                Ok(AnswerValue::Integer(n))
            }
        }
        (AnswerKind::Integer, RawValue::String(s)) => Err(format!(
            "found the text {} where a number is wanted (write it without quotes)",
            quoted(&s)
        )),
        (AnswerKind::Choice, RawValue::Integer(n)) => {
            Err(format!("found the number {n} where one of the values is wanted"))
        }
        (AnswerKind::Text, RawValue::Integer(n)) => Err(format!(
            "found the number {n} where a text is wanted (put it in quotes)"
        )),
        (_, RawValue::Date(_)) => Err("found a date".to_string()),
        (_, RawValue::Boolean(_)) => Err("found a boolean".to_string()),
        (_, RawValue::Other(what)) => Err(format!("found {what}")),
    }
}

/// Reads an answer typed as plain text (a `--set` value, a reply at a prompt), checked like
/// an answer in a file: a whole number for integer questions, one of the values for choices.
pub fn from_text(question: &Question, text: &str) -> Result<AnswerValue, String> {
    let raw = match (question.kind, text.parse::<i64>()) {
        (AnswerKind::Integer, Ok(n)) => RawValue::Integer(n),
        (AnswerKind::Integer, Err(_)) => return Err(format!("{} is not a whole number", quoted(text))),
        _ => RawValue::String(text.to_string()),
    };
    typed(question, raw)
}
