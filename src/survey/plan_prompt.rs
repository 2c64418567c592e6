//! `readiness survey --plan`: for each open task and recommendation, who sees to it, by
//! when, and where it stands, saved in the file's `[action_plan]` after each item.

use std::io::Write;

use inquire::validator::Validation;
use inquire::{InquireError, Text};
use jiff::civil::Date;

use super::prompt::{Outcome, note, render_config};
use super::store::AnswersFile;
use crate::answers::{Answers, PlanEntry};
use crate::assess::{OpenItem, OpenKind};
use crate::report::escape::one_line;
use crate::rules::Framework;
use crate::words::capitalized;

/// What a person types to take a value out.
const CLEAR: &str = "-";

/// A day as typed: `YYYY-MM-DD`.
pub fn parse_day(typed: &str) -> Result<Date, String> {
    let typed = typed.trim();
    typed.parse::<Date>().map_err(|_| {
        format!(
            "“{}” is not a date: write it as YYYY-MM-DD, e.g. 2026-03-01",
            one_line(typed)
        )
    })
}

/// What one answer to a plan prompt does to a value: keep it (empty), clear it (`-`), or set it.
fn edit<T>(typed: &str, current: Option<T>, parse: impl Fn(&str) -> Result<T, String>) -> Result<Option<T>, String> {
    match typed.trim() {
        "" => Ok(current),
        CLEAR => Ok(None),
        text => parse(text).map(Some),
    }
}

/// Asks one line; `None` when the person stops with Esc or Ctrl-C.
fn ask(message: &str, help: &str, current: Option<String>, day: bool) -> Result<Option<String>, String> {
    let validator = move |typed: &str| {
        Ok(match typed.trim() {
            "" | CLEAR => Validation::Valid,
            text if day => match parse_day(text) {
                Ok(_) => Validation::Valid,
                Err(message) => Validation::Invalid(message.into()),
            },
            _ => Validation::Valid,
        })
    };
    let mut prompt = Text::new(message).with_help_message(help).with_validator(validator);
    if let Some(current) = &current {
        prompt = prompt.with_placeholder(current);
    }
    match prompt.prompt() {
        Ok(typed) => Ok(Some(typed)),
        Err(InquireError::OperationCanceled | InquireError::OperationInterrupted) => Ok(None),
        Err(other) => Err(format!("cannot ask on the terminal: {other}")),
    }
}

/// Asks, item by item, who sees to each open item, when it is due and where it stands,
/// saving `file` after each item. Returns how it ended; an error when the terminal or the
/// file fails.
pub fn run(
    framework: &Framework,
    file: &mut AnswersFile,
    answers: &Answers,
    items: &[OpenItem<'_>],
    out: &mut dyn Write,
) -> Result<Outcome, String> {
    inquire::set_global_render_config(render_config());
    let _ = writeln!(out, "{} ({} {})", framework.name, framework.id, framework.version);
    if items.is_empty() {
        let _ = writeln!(
            out,
            "Nothing is open: every task is done and no recommendation remains."
        );
        return Ok(Outcome::Finished);
    }
    note(
        out,
        &format!(
            "Who sees to each open item, by when, and where it stands; each item is saved to {} as soon as it is given. \
             An empty line keeps what is there, “-” takes it out. Esc or Ctrl-C stops.",
            file.path().display()
        ),
        "",
    );
    for (n, item) in items.iter().enumerate() {
        let phase = item
            .phase
            .and_then(|id| framework.phase(id))
            .map(|p| format!(", {}", p.name))
            .unwrap_or_default();
        let kind = match item.kind {
            OpenKind::Recommendation(priority) => format!("{} priority recommendation", capitalized(priority.name())),
            OpenKind::Task(_) => "Important task".to_string(),
        };
        let _ = writeln!(out);
        note(
            out,
            &format!("({} of {}) {}: {}{phase}", n + 1, items.len(), kind, item.title),
            "",
        );
        let current = answers.plan.get(item.id).cloned().unwrap_or_default();
        let keep = "empty keeps it, - takes it out; esc stops";
        let Some(owner) = ask("Who sees to it?", keep, current.owner.clone(), false)? else {
            return Ok(Outcome::Interrupted);
        };
        let Some(due) = ask("Due by (YYYY-MM-DD):", keep, current.due.map(|d| d.to_string()), true)? else {
            return Ok(Outcome::Interrupted);
        };
        let Some(status) = ask("Where it stands:", keep, current.status.clone(), false)? else {
            return Ok(Outcome::Interrupted);
        };
        let text = |s: &str| Ok(s.trim().to_string());
        let entry = PlanEntry {
            owner: edit(&owner, current.owner.clone(), text)?,
            due: edit(&due, current.due, parse_day)?,
            status: edit(&status, current.status.clone(), text)?,
        };
        if entry != current {
            file.set_plan(item.id, &entry);
            file.save()?;
        }
    }
    Ok(Outcome::Finished)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_line_keeps_a_dash_clears_and_text_sets() {
        let day = |s: &str| parse_day(s);
        let due: Date = "2026-03-01".parse().unwrap();
        assert_eq!(edit("", Some(due), day), Ok(Some(due)));
        assert_eq!(edit("  -  ", Some(due), day), Ok(None));
        assert_eq!(
            edit("2026-04-02", Some(due), day),
            Ok(Some("2026-04-02".parse().unwrap()))
        );
        assert_eq!(edit("", None::<Date>, day), Ok(None));
        let err = edit("2026-02-30", None, day).unwrap_err();
        assert!(
            err.contains("“2026-02-30” is not a date: write it as YYYY-MM-DD"),
            "{err}"
        );
    }
}
