//! The file `readiness combine` writes: the team's answers, each with how the respondents
//! answered as a comment and the respondents' notes (each saying whose it is), the team's
//! action plan and timeline, then each respondent's own answers (`[[respondents]]`), so that
//! assessing the file shows the spread and any disagreement.

use crate::id_map::IdMap;
use std::fmt::Write;

use indexmap::IndexMap;

use super::combine::{tally, tally_words};
use super::{AnswerValue, Answers, META_SECTION, PLAN_DUE, PLAN_OWNER, PLAN_STATUS, TEAM_SECTION};
use crate::rules::Framework;
use crate::rules::{PLAN_SECTION, TIMELINE_SECTION};

/// A value as TOML writes it: a quoted string or a number.
fn toml_value(value: &AnswerValue) -> String {
    match value {
        AnswerValue::Integer(n) => n.to_string(),
        other => quote(&other.as_text()),
    }
}

fn quote(text: &str) -> String {
    toml::Value::String(text.to_string()).to_string()
}

/// Answers grouped by section (`why`), in the framework's order of questions.
fn sections<'a>(
    framework: &Framework,
    values: &'a IdMap<AnswerValue>,
) -> IndexMap<String, Vec<(String, &'a AnswerValue)>> {
    let mut out: IndexMap<String, Vec<(String, &AnswerValue)>> = IndexMap::new();
    for id in framework.questions.keys() {
        if let Some(value) = values.get(id)
            && let Some((section, key)) = id.split_once('.')
        {
            out.entry(section.to_string())
                .or_default()
                .push((key.to_string(), value));
        }
    }
    out
}

/// The team's action plan (`[action_plan]`) and timeline (`[timeline]`), as the answers
/// file format writes them.
fn write_plan(out: &mut String, answers: &Answers) {
    for (id, entry) in &answers.plan {
        let key = if id.contains('.') { quote(id) } else { id.clone() };
        let _ = writeln!(out, "\n[{PLAN_SECTION}.{key}]");
        if let Some(owner) = &entry.owner {
            let _ = writeln!(out, "{PLAN_OWNER} = {}", quote(owner));
        }
        if let Some(due) = entry.due {
            let _ = writeln!(out, "{PLAN_DUE} = {due}");
        }
        if let Some(status) = &entry.status {
            let _ = writeln!(out, "{PLAN_STATUS} = {}", quote(status));
        }
    }
    if answers.timeline.is_empty() {
        return;
    }
    let _ = writeln!(out, "\n[{TIMELINE_SECTION}]");
    for (id, dates) in &answers.timeline {
        let mut fields = Vec::new();
        if dates.start == dates.end {
            fields.push(format!("date = {}", dates.start));
        } else {
            fields.push(format!("start = {}", dates.start));
            fields.push(format!("end = {}", dates.end));
        }
        if let Some(location) = &dates.location {
            fields.push(format!("location = {}", quote(location)));
        }
        if dates.done {
            fields.push("done = true".to_string());
        }
        let value = if fields.len() == 1 && dates.start == dates.end {
            dates.start.to_string()
        } else {
            format!("{{ {} }}", fields.join(", "))
        };
        let _ = writeln!(out, "{id} = {value}");
    }
}

/// The combined answers file for a team's answers (`answers.team` holds the respondents).
pub fn render(framework: &Framework, answers: &Answers) -> String {
    let mut out = String::new();
    let members = &answers.team;
    let _ = writeln!(
        out,
        "# The answers of a team of {}, combined by `readiness combine` for \"{}\" ({} {}).",
        members.len(),
        framework.name,
        framework.id,
        framework.version
    );
    let _ = writeln!(
        out,
        "# Each answer is the team's; the comment after it says how the respondents answered."
    );
    let rules: Vec<String> = framework
        .combine
        .iter()
        .map(|(scale, rule)| format!("`{scale}` by {}", rule.name()))
        .collect();
    if !rules.is_empty() {
        let _ = writeln!(
            out,
            "# Answers combine by the rule of their scale: {}.",
            rules.join(", ")
        );
    }
    let _ = writeln!(
        out,
        "# Change an answer once the team has talked it through: the respondents' own answers,\n\
         # at the end of the file, keep what each said. Assess the file like any answers file."
    );
    let _ = writeln!(out, "\n[{META_SECTION}]");
    let _ = writeln!(out, "id = {}", quote(&framework.id));
    let _ = writeln!(out, "version = {}", quote(&framework.version));
    if let Some(date) = &answers.assessed {
        let _ = writeln!(out, "assessed = {date}");
    }
    for (section, entries) in sections(framework, &answers.values) {
        let _ = writeln!(out, "\n[{section}]");
        for (key, value) in entries {
            let id = format!("{section}.{key}");
            let counts = framework
                .questions
                .get(&id)
                .map(|q| tally(q, members))
                .unwrap_or_default();
            let comment = if counts.len() > 1 {
                format!(" # {}", tally_words(&counts))
            } else {
                String::new()
            };
            let value = match answers.notes.get(&id) {
                Some(note) => format!("{{ answer = {}, note = {} }}", toml_value(value), quote(note)),
                None => toml_value(value),
            };
            let _ = writeln!(out, "{key} = {value}{comment}");
        }
    }
    write_plan(&mut out, answers);
    for member in members {
        let _ = writeln!(out, "\n[[{TEAM_SECTION}]]");
        let _ = writeln!(out, "file = {}", quote(&member.file));
        if let Some(name) = &member.respondent.name {
            let _ = writeln!(out, "name = {}", quote(name));
        }
        if let Some(role) = &member.respondent.role {
            let _ = writeln!(out, "role = {}", quote(role));
        }
        for (section, entries) in sections(framework, &member.values) {
            let _ = writeln!(out, "\n[{TEAM_SECTION}.{section}]");
            for (key, value) in entries {
                let _ = writeln!(out, "{key} = {}", toml_value(value));
            }
        }
    }
    out
}
