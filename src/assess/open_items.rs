//! The open items an action plan lists: every recommendation made, then the important tasks
//! not done of the current phase (and of the later phases too, when asked). The report's plan
//! section, `readiness plan` and the survey's `--plan` all list these, in this order.

use super::Assessment;
use crate::rules::{Framework, Priority};

/// One open task or recommendation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenItem<'a> {
    /// The recommendation's rule id or the task's question id (the key in `[action_plan]`).
    pub id: &'a str,
    /// A recommendation (with its priority) or a task (with its status).
    pub kind: OpenKind<'a>,
    /// Phase id; `None` for recommendations of no phase.
    pub phase: Option<&'a str>,
    /// What to do.
    pub title: &'a str,
}

/// What kind of open item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpenKind<'a> {
    /// A recommendation that fired.
    Recommendation(Priority),
    /// An important task not done: its answer (`in_progress`, `not_started`, …) or
    /// `unanswered`.
    Task(&'a str),
}

/// The open items of an assessment: its recommendations, then its remaining tasks of the
/// current phase and those before it (every phase's with `all`). When every phase is met,
/// only `all` lists tasks.
pub fn open_items<'a>(framework: &Framework, a: &'a Assessment, all: bool) -> Vec<OpenItem<'a>> {
    let current = framework.phase_index(&a.phase.id).unwrap_or(0);
    let recommendations = a.recommendations.iter().map(|r| OpenItem {
        id: &r.id,
        kind: OpenKind::Recommendation(r.priority),
        phase: r.phase.as_deref(),
        title: &r.title,
    });
    let tasks = a
        .remaining_tasks
        .iter()
        .filter(|t| all || (!a.complete && framework.phase_index(&t.phase).unwrap_or(0) <= current))
        .map(|t| OpenItem {
            id: &t.id,
            kind: OpenKind::Task(&t.status),
            phase: Some(&t.phase),
            title: &t.title,
        });
    recommendations.chain(tasks).collect()
}
