//! The action plan as people read it: the open tasks and recommendations with their owner,
//! due date and status (from the answers file's `[action_plan]`), flagged when overdue or
//! without an owner, and the implementation timeline with what its checks found. The report's
//! plan section, `readiness plan` and its CSV and calendar all show this one value.

use jiff::civil::Date;
use serde::Serialize;

use super::gantt::{Gantt, gantt};
use crate::answers::Answers;
use crate::assess::timeline::{Finding, TimelineCheck, days};
use crate::assess::{Assessment, OpenKind, open_items};
use crate::rules::{Framework, Priority};

/// The action plan as of a day.
#[derive(Debug, Clone, Serialize)]
pub struct PlanInfo {
    /// The organization's name.
    pub organization: String,
    /// The day the plan is read on (overdue means due before it), `YYYY-MM-DD`.
    pub date: String,
    /// The current phase's name (the last phase when complete).
    pub phase_name: String,
    /// Whether the later phases' tasks are listed too.
    pub all: bool,
    /// The open tasks and recommendations: the recommendations by priority, then the
    /// remaining tasks in framework order.
    pub items: Vec<PlanItem>,
    /// How many items are overdue.
    pub overdue: usize,
    /// How many items have no owner.
    pub without_owner: usize,
    /// How many items the answers file gives an owner, a due date or a status.
    pub planned: usize,
    /// The timeline and what its checks found; null when the answers date none of it.
    pub timeline: Option<TimelineInfo>,
}

/// One open task or recommendation of the plan.
#[derive(Debug, Clone, Serialize)]
pub struct PlanItem {
    /// The task's question id or the recommendation's rule id (the key in `[action_plan]`).
    pub id: String,
    /// `task` or `recommendation`.
    pub kind: String,
    /// Phase id; null for recommendations of no phase.
    pub phase: Option<String>,
    /// Phase name; null when `phase` is.
    pub phase_name: Option<String>,
    /// What to do.
    pub title: String,
    /// `high`, `medium` or `low` for a recommendation; null for a task.
    pub priority: Option<Priority>,
    /// Where the task stands in the answers (`in progress`, `not started`, `not yet
    /// answered`, `don't know`), or `to do` for a recommendation.
    pub progress: String,
    /// Who sees to it; null when no one is named.
    pub owner: Option<String>,
    /// The day it is due, `YYYY-MM-DD`; null when none is set.
    pub due: Option<String>,
    /// Where it stands, in the owner's words; null when not given.
    pub status: Option<String>,
    /// It is due before the plan's date.
    pub overdue: bool,
    /// How many days overdue; null when not overdue.
    pub days_overdue: Option<i64>,
    /// No one is named to see to it.
    pub no_owner: bool,
    /// The flags in words: `overdue by 12 days`, `no owner`.
    pub flags: Vec<String>,
}

/// The timeline as people read it.
#[derive(Debug, Clone, Serialize)]
pub struct TimelineInfo {
    /// Every activity, in order.
    pub activities: Vec<ActivityInfo>,
    /// What the checks found, in activity order.
    pub findings: Vec<Finding>,
    /// Every activity is dated.
    pub complete: bool,
    /// Nothing out of order, too soon or too far apart.
    pub consistent: bool,
    /// How the dates count toward the framework's timeline question, in words; null when
    /// they do not (the question is answered, or the framework says nothing).
    pub counts_as: Option<String>,
    /// The chart's geometry (HTML draws it as an SVG Gantt chart); null when no activity
    /// is dated. Left out of `readiness plan --format json`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub chart: Option<Gantt>,
}

/// One activity of the timeline.
#[derive(Debug, Clone, Serialize)]
pub struct ActivityInfo {
    /// Activity id.
    pub id: String,
    /// The activity in the documents' words.
    pub title: String,
    /// What the documents ask to write down for it; null when nothing.
    pub help: Option<String>,
    /// The dates in words (`2026-02-10`, `2026-01-05 to 2026-01-30`); null when not dated.
    pub dates: Option<String>,
    /// The first day; null when not dated.
    pub start: Option<String>,
    /// The last day; null when not dated.
    pub end: Option<String>,
    /// Where it happens; null when not given.
    pub location: Option<String>,
    /// Whether it is done.
    pub done: bool,
    /// `done`, `past, not done`, `under way`, `to come` or `no date yet`, as of the plan's date.
    pub status: String,
    /// Whether a check found a problem with it (other than a missing date).
    pub flagged: bool,
}

fn progress(status: &str) -> String {
    match status {
        "in_progress" => "in progress".into(),
        "not_started" => "not started".into(),
        "unanswered" => "not yet answered".into(),
        crate::rules::DONT_KNOW => "don't know".into(),
        other => other.replace('_', " "),
    }
}

/// Builds the plan as of `date` (`YYYY-MM-DD`): the open items of the current phase, and of
/// the later phases too when `all`.
pub fn plan_info(framework: &Framework, answers: &Answers, a: &Assessment, date: &str, all: bool) -> PlanInfo {
    let today: Option<Date> = date.parse().ok();
    let phase_name = |id: &str| framework.phase(id).map(|p| p.name.to_string());
    let mut items: Vec<PlanItem> = Vec::new();
    let mut push =
        |id: &str, kind: &str, phase: Option<&str>, title: &str, priority: Option<Priority>, progress: String| {
            let entry = answers.plan.get(id);
            let due = entry.and_then(|e| e.due);
            let days_overdue = due.zip(today).map(|(d, t)| days(d, t)).filter(|n| *n > 0);
            let owner = entry.and_then(|e| e.owner.clone());
            let mut flags = Vec::new();
            if let Some(n) = days_overdue {
                flags.push(if n == 1 {
                    "overdue by 1 day".to_string()
                } else {
                    format!("overdue by {n} days")
                });
            }
            if owner.is_none() {
                flags.push("no owner".to_string());
            }
            items.push(PlanItem {
                id: id.to_string(),
                kind: kind.to_string(),
                phase: phase.map(str::to_string),
                phase_name: phase.and_then(phase_name),
                title: title.to_string(),
                priority,
                progress,
                no_owner: owner.is_none(),
                owner,
                due: due.map(|d| d.to_string()),
                status: entry.and_then(|e| e.status.clone()),
                overdue: days_overdue.is_some(),
                days_overdue,
                flags,
            });
        };
    for item in open_items(framework, a, all) {
        let (kind, priority, progress_words) = match item.kind {
            OpenKind::Recommendation(priority) => ("recommendation", Some(priority), "to do".to_string()),
            OpenKind::Task(status) => ("task", None, progress(status)),
        };
        push(item.id, kind, item.phase, item.title, priority, progress_words);
    }
    let timeline = a.timeline.as_ref().map(|check| timeline_info(framework, check, today));
    PlanInfo {
        organization: a.organization.clone(),
        date: date.to_string(),
        phase_name: a.phase.name.to_string(),
        all,
        overdue: items.iter().filter(|i| i.overdue).count(),
        without_owner: items.iter().filter(|i| i.no_owner).count(),
        planned: items.iter().filter(|i| answers.plan.contains_key(&i.id)).count(),
        items,
        timeline,
    }
}

fn timeline_info(framework: &Framework, check: &TimelineCheck, today: Option<Date>) -> TimelineInfo {
    let timeline = framework.timeline.as_ref();
    let activities: Vec<ActivityInfo> = check
        .activities
        .iter()
        .map(|a| {
            let status = match (a.start, a.end, today) {
                (None, _, _) | (_, None, _) => "no date yet",
                _ if a.done => "done",
                (_, Some(e), Some(t)) if e < t => "past, not done",
                (Some(s), _, Some(t)) if s <= t => "under way",
                _ => "to come",
            };
            ActivityInfo {
                id: a.id.to_string(),
                title: a.title.to_string(),
                help: timeline.and_then(|t| t.activity(&a.id)).and_then(|x| x.help.clone()),
                dates: match (a.start, a.end) {
                    (Some(s), Some(e)) if s == e => Some(s.to_string()),
                    (Some(s), Some(e)) => Some(format!("{s} to {e}")),
                    _ => None,
                },
                start: a.start.map(|d| d.to_string()),
                end: a.end.map(|d| d.to_string()),
                location: a.location.clone(),
                done: a.done,
                status: status.to_string(),
                flagged: check
                    .findings
                    .iter()
                    .any(|f| *f.activity == *a.id && f.kind != crate::rules::FindingKind::Missing),
            }
        })
        .collect();
    let counts_as = check.counts_as.as_ref().and_then(|c| {
        let q = framework.questions.get(&c.question)?;
        Some(format!(
            "While “{}” has no answer, these dates count as “{}”: {}",
            q.title,
            q.label(&c.answer),
            if check.complete && check.consistent {
                "every activity is dated, in order."
            } else if !check.complete {
                "some activities have no date yet."
            } else {
                "some activities are out of order, too close or too far apart."
            }
        ))
    });
    TimelineInfo {
        chart: gantt(&activities, today),
        activities,
        findings: check.findings.clone(),
        complete: check.complete,
        consistent: check.consistent,
        counts_as,
    }
}

/// The plan for a spreadsheet (`readiness plan --format csv`): one row per open item, then
/// one per timeline activity. Columns: `type` (`recommendation`, `task` or `activity`),
/// `id`, `phase`, `title`, `priority`, `progress`, `owner`, `due` (the due date; for an
/// activity its first day), `end` (an activity's last day), `status`, `flags` (`overdue by
/// N days`, `no owner`, or an activity's findings, separated by `; `).
pub fn csv(plan: &PlanInfo) -> String {
    use super::csv::{cell, to_string};
    let header = [
        "type", "id", "phase", "title", "priority", "progress", "owner", "due", "end", "status", "flags",
    ]
    .map(String::from)
    .to_vec();
    let items = plan.items.iter().map(|i| {
        vec![
            i.kind.clone(),
            i.id.clone(),
            i.phase_name.clone().unwrap_or_default(),
            i.title.clone(),
            i.priority.map(|p| p.name().to_string()).unwrap_or_default(),
            i.progress.clone(),
            cell(i.owner.as_deref().unwrap_or_default()),
            i.due.clone().unwrap_or_default(),
            String::new(),
            cell(i.status.as_deref().unwrap_or_default()),
            i.flags.join("; "),
        ]
    });
    let activities = plan.timeline.iter().flat_map(|t| {
        t.activities.iter().map(|a| {
            let findings: Vec<&str> = t
                .findings
                .iter()
                .filter(|f| *f.activity == *a.id)
                .map(|f| f.message.as_str())
                .collect();
            vec![
                "activity".to_string(),
                a.id.clone(),
                String::new(),
                a.title.clone(),
                String::new(),
                a.status.clone(),
                String::new(),
                a.start.clone().unwrap_or_default(),
                a.end.clone().unwrap_or_default(),
                cell(a.location.as_deref().unwrap_or_default()),
                findings.join("; "),
            ]
        })
    });
    to_string(std::iter::once(header).chain(items).chain(activities))
}
