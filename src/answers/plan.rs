//! The action plan and the timeline's dates in an answers file: `[action_plan]` gives a task or
//! recommendation an owner, a due date and a status note; `[timeline]` dates the
//! framework's timeline activities. Both are optional, and a plain answers file stays valid
//! without them.
//!
//! ```toml
//! [action_plan."how.recruitment"]
//! owner = "Dana Whitfield"
//! due = 2026-03-01
//! status = "Flyers at the printer"
//!
//! [action_plan.how-support-model]
//! owner = "PD office"
//!
//! [timeline]
//! recruitment = { start = 2026-01-05, end = 2026-01-30, location = "Each school's library" }
//! training = 2026-02-10
//! coaching = { start = 2026-02-17, end = 2026-05-15 }
//! ```

use crate::id_map::IdMap;
use jiff::civil::Date;

use super::Answers;
use super::read::{At, RawAnswer, RawValue};
use crate::diagnostic::{Diagnostic, closest};
use crate::rules::{Framework, PLAN_SECTION, Role, TIMELINE_SECTION};

/// The key of an `[action_plan]` entry naming who sees to it.
pub const PLAN_OWNER: &str = "owner";
/// The key of an `[action_plan]` entry giving the day it is due.
pub const PLAN_DUE: &str = "due";
/// The key of an `[action_plan]` entry saying where it stands.
pub const PLAN_STATUS: &str = "status";

/// What the action plan says about one task or recommendation.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PlanEntry {
    /// Who sees to it.
    pub owner: Option<String>,
    /// The day it is due.
    pub due: Option<Date>,
    /// Where it stands, in the owner's words.
    pub status: Option<String>,
}

/// The dates of one timeline activity: a day (`start` = `end`) or a range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dates {
    /// The first day.
    pub start: Date,
    /// The last day (the first, for one day).
    pub end: Date,
    /// Whether the activity is done (`done = true`).
    pub done: bool,
    /// Where it happens, when given.
    pub location: Option<String>,
}

impl Dates {
    /// One day.
    pub fn day(date: Date) -> Dates {
        Dates {
            start: date,
            end: date,
            done: false,
            location: None,
        }
    }

    /// The dates in words: `2026-02-10`, or `2026-01-05 to 2026-01-30`.
    pub fn text(&self) -> String {
        if self.start == self.end {
            self.start.to_string()
        } else {
            format!("{} to {}", self.start, self.end)
        }
    }
}

/// How an `[action_plan]` entry is written, for messages.
const PLAN_SHAPE: &str =
    "[action_plan.\"how.recruitment\"] with owner = \"...\", due = 2026-03-01 and status = \"...\"";

/// How a `[timeline]` entry is written, for messages.
const TIMELINE_SHAPE: &str =
    "a date (training = 2026-02-10) or a range (recruitment = { start = 2026-01-05, end = 2026-01-30 })";

/// A date as written: a TOML date, or `YYYY-MM-DD` text (JSON).
pub(super) fn date(value: &RawValue) -> Result<Date, String> {
    let text = match value {
        RawValue::Date(text) if text.len() > 10 => {
            return Err(format!(
                "found the date and time {text}: write the day alone, e.g. 2026-03-01"
            ));
        }
        RawValue::Date(text) | RawValue::String(text) => text,
        RawValue::Integer(n) => return Err(format!("found the number {n} where a date is wanted")),
        RawValue::Boolean(_) => return Err("found a boolean where a date is wanted".into()),
        RawValue::Other(what) => return Err(format!("found {what} where a date is wanted")),
        _ => return Err("found a table where a date is wanted".into()),
    };
    match text.parse::<Date>() {
        Ok(d) if text.len() == 10 => Ok(d),
        _ => Err(format!("\"{text}\" is not a date")),
    }
}

fn text(value: RawValue) -> Result<String, String> {
    match value {
        RawValue::String(s) => Ok(s),
        RawValue::Integer(n) => Err(format!(
            "found the number {n} where a text is wanted (put it in quotes)"
        )),
        RawValue::Date(d) => Err(format!("found the date {d} where a text is wanted (put it in quotes)")),
        RawValue::Boolean(b) => Err(format!("found {b} where a text is wanted")),
        RawValue::Other(what) => Err(format!("found {what} where a text is wanted")),
        _ => Err("found a table where a text is wanted".into()),
    }
}

/// The fields of a table value, whatever way it was read: `[action_plan]` and `[timeline]`
/// entries are tables whose keys are not an answer's.
fn fields(value: RawValue) -> Option<Vec<(String, RawValue)>> {
    match value {
        RawValue::Fields(fields) => Some(fields),
        RawValue::Noted(answer, note) => Some(vec![
            ("answer".to_string(), *answer),
            ("note".to_string(), RawValue::String(note)),
        ]),
        RawValue::BadTable(_) => Some(Vec::new()),
        _ => None,
    }
}

/// Reads the `[action_plan]` and `[timeline]` entries into `answers`; each problem goes to
/// `problems`, made by `error` at the place it names.
pub(super) fn read(
    framework: &Framework,
    raw: Vec<RawAnswer>,
    answers: &mut Answers,
    problems: &mut Vec<Diagnostic>,
    error: &dyn Fn(&At, String) -> Diagnostic,
) {
    for entry in raw {
        if entry.section == PLAN_SECTION {
            match plan_entry(framework, entry, error) {
                Ok((id, plan)) => {
                    answers.plan.insert(id, plan);
                }
                Err(d) => problems.push(d),
            }
        } else if entry.section == TIMELINE_SECTION {
            match timeline_entry(framework, entry, error) {
                Ok((id, dates)) => {
                    answers.timeline.insert(id, dates);
                }
                Err(d) => problems.push(d),
            }
        }
    }
}

/// The ids `[action_plan]` takes: every important task, then every recommendation.
pub fn plan_ids(framework: &Framework) -> Vec<&str> {
    framework
        .questions
        .values()
        .filter(|q| q.role == Role::Task)
        .map(|q| q.id.as_ref())
        .chain(framework.recommendations.iter().map(|r| &*r.id))
        .collect()
}

fn plan_entry(
    framework: &Framework,
    entry: RawAnswer,
    error: &dyn Fn(&At, String) -> Diagnostic,
) -> Result<(String, PlanEntry), Diagnostic> {
    let id = entry.key;
    let known = plan_ids(framework);
    if !known.contains(&id.as_str()) {
        let (message, help) = match framework.questions.get(&id) {
            Some(q) => (
                format!("`{id}` in [action_plan] is not an important task: it is a {}", match q.role {
                    Role::Profile => "profile question",
                    _ => "big question",
                }),
                "[action_plan] takes important tasks (`how.recruitment`) and recommendations (`how-support-model`); `readiness plan FILE --all` lists them".to_string(),
            ),
            None => (
                format!("unknown task or recommendation `{id}` in [action_plan]"),
                match closest(&id, known.iter().copied()) {
                    Some(best) => format!("did you mean `{best}`?"),
                    None => "[action_plan] takes the ids of important tasks (`how.recruitment`) and recommendations (`how-support-model`); `readiness plan FILE --all` lists them".to_string(),
                },
            ),
        };
        return Err(error(&entry.key_at, message).with_help(help));
    }
    let Some(fields) = fields(entry.value) else {
        return Err(error(&entry.at, format!("`{id}` in [action_plan] must be a table"))
            .with_help(format!("write it as {PLAN_SHAPE}")));
    };
    let mut plan = PlanEntry::default();
    for (key, value) in fields {
        let read = match key.as_str() {
            PLAN_OWNER => text(value).map(|t| plan.owner = Some(t.trim().to_string()).filter(|t| !t.is_empty())),
            PLAN_STATUS => text(value).map(|t| plan.status = Some(t.trim().to_string()).filter(|t| !t.is_empty())),
            PLAN_DUE => date(&value).map(|d| plan.due = Some(d)),
            other => Err(format!("unknown key `{other}`")),
        };
        if let Err(message) = read {
            let help = if key == PLAN_DUE {
                "write the day it is due as YYYY-MM-DD, e.g. due = 2026-03-01".to_string()
            } else {
                format!("an [action_plan] entry holds `owner`, `due` and `status`: {PLAN_SHAPE}")
            };
            let shown = if id.contains('.') {
                format!("\"{id}\"")
            } else {
                id.clone()
            };
            return Err(error(&entry.at, format!("`action_plan.{shown}.{key}`: {message}")).with_help(help));
        }
    }
    Ok((id, plan))
}

fn timeline_entry(
    framework: &Framework,
    entry: RawAnswer,
    error: &dyn Fn(&At, String) -> Diagnostic,
) -> Result<(String, Dates), Diagnostic> {
    let id = entry.key;
    let Some(timeline) = &framework.timeline else {
        return Err(error(
            &entry.key_at,
            format!(
                "the framework `{}` has no timeline, so [timeline] cannot date `{id}`",
                framework.id
            ),
        )
        .with_help("remove the [timeline] table, or use a framework that declares one (the default, ctq)"));
    };
    let ids: Vec<&str> = timeline.activities.iter().map(|a| a.id.as_ref()).collect();
    if !ids.contains(&id.as_str()) {
        let help = match closest(&id, ids.iter().copied()) {
            Some(best) => format!("did you mean `{best}`?"),
            None => format!("the activities are {}", ids.join(", ")),
        };
        return Err(error(&entry.key_at, format!("unknown timeline activity `{id}`")).with_help(help));
    }
    let wrong = |message: String| {
        error(&entry.at, format!("`timeline.{id}`: {message}")).with_help(format!("write {TIMELINE_SHAPE}"))
    };
    let fields = match entry.value {
        RawValue::Date(_) | RawValue::String(_) => {
            return date(&entry.value).map(|d| (id.clone(), Dates::day(d))).map_err(wrong);
        }
        other => match fields(other) {
            Some(fields) => fields,
            None => return Err(wrong("expected a date or a table with `start` and `end`".to_string())),
        },
    };
    let (mut start, mut end, mut day) = (None, None, None);
    let mut done = false;
    let mut location = None;
    for (key, value) in fields {
        let read = match key.as_str() {
            "start" => date(&value).map(|d| start = Some(d)),
            "end" => date(&value).map(|d| end = Some(d)),
            "date" => date(&value).map(|d| day = Some(d)),
            "done" => match value {
                RawValue::Boolean(b) => {
                    done = b;
                    Ok(())
                }
                _ => Err("expected true or false".to_string()),
            },
            "location" => text(value).map(|t| location = Some(t.trim().to_string()).filter(|t| !t.is_empty())),
            other => {
                return Err(wrong(format!(
                    "unknown key `{other}`: an activity holds `date`, or `start` and `end`, and `done` and `location`"
                )));
            }
        };
        read.map_err(|m| wrong(format!("`{key}`: {m}")))?;
    }
    let (start, end) = match (day, start, end) {
        (Some(d), None, None) => (d, d),
        (None, Some(s), Some(e)) => (s, e),
        (None, Some(s), None) => (s, s),
        (None, None, Some(_)) => return Err(wrong("`end` without `start`".into())),
        (None, None, None) => return Err(wrong("no date: give `date`, or `start` and `end`".into())),
        (Some(_), _, _) => return Err(wrong("give `date` or `start` and `end`, not both".into())),
    };
    if end < start {
        return Err(wrong(format!("it ends ({end}) before it starts ({start})")));
    }
    Ok((
        id,
        Dates {
            start,
            end,
            done,
            location,
        },
    ))
}

/// Every activity's dates, in the timeline's order.
pub fn ordered<'a>(framework: &'a Framework, timeline: &'a IdMap<Dates>) -> Vec<(&'a str, &'a Dates)> {
    framework
        .timeline
        .iter()
        .flat_map(|t| t.activities.iter())
        .filter_map(|a| timeline.get(&*a.id).map(|d| (a.id.as_ref(), d)))
        .collect()
}
