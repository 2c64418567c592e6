//! What to do now, each item once: the recommendations and the current phase's remaining
//! tasks, where a task that a recommendation is about (the task is among the answers that
//! fired it) becomes one item that says both. Most important first: high-priority
//! recommendations, then the tasks no rule recommends (each holds the phase back), then
//! medium and low priority.

use super::context::{ActionInfo, RecommendationInfo, TaskInfo, TaskState};
use crate::rules::Priority;

/// Where an item goes in the list: lower first.
fn rank(priority: Option<Priority>) -> u8 {
    match priority {
        Some(Priority::High) => 0,
        None => 1,
        Some(Priority::Medium) => 2,
        Some(Priority::Low) => 3,
    }
}

fn task_words(task: &TaskInfo) -> String {
    format!("important task of this phase, {}", task.status_label)
}

fn state(task: &TaskInfo) -> TaskState {
    TaskState {
        id: task.id.clone(),
        status: task.status.clone(),
        status_label: task.status_label.clone(),
    }
}

/// The actions, ranked and numbered from 1.
pub fn actions(recommendations: &[RecommendationInfo], tasks: &[&TaskInfo]) -> Vec<ActionInfo> {
    let mut claimed: Vec<&str> = Vec::new();
    let mut items: Vec<ActionInfo> = Vec::new();
    for r in recommendations {
        let task = tasks
            .iter()
            .find(|t| !claimed.contains(&t.id.as_str()) && r.because.iter().any(|b| b.id == t.id))
            .copied();
        let mut resources = r.resources.clone();
        let mut label = super::context::priority_words(r.priority).to_string();
        if let Some(t) = task {
            claimed.push(&t.id);
            label = format!("{label}; {}", task_words(t));
            for extra in &t.resources {
                if !resources.iter().any(|x| x.id == extra.id) {
                    resources.push(extra.clone());
                }
            }
        }
        items.push(ActionInfo {
            number: 0,
            title: r.title.clone(),
            priority: Some(r.priority),
            label,
            phase: r.phase.clone(),
            phase_name: r.phase_name.clone(),
            task: task.map(state),
            recommendation: Some(r.id.clone()),
            text: Some(r.text.clone()),
            ours: r.ours,
            guidance: task.and_then(|t| t.guidance.clone()),
            because: r
                .because
                .iter()
                .filter(|b| task.is_none_or(|t| t.id != b.id))
                .cloned()
                .collect(),
            resources,
        });
    }
    for t in tasks.iter().filter(|t| !claimed.contains(&t.id.as_str())) {
        let mut words = task_words(t);
        if let Some(first) = words.get_mut(0..1) {
            first.make_ascii_uppercase();
        }
        items.push(ActionInfo {
            number: 0,
            title: t.title.clone(),
            priority: None,
            label: words,
            phase: Some(t.phase.clone()),
            phase_name: Some(t.phase_name.clone()),
            task: Some(state(t)),
            recommendation: None,
            text: None,
            ours: false,
            guidance: t.guidance.clone(),
            because: Vec::new(),
            resources: t.resources.clone(),
        });
    }
    items.sort_by_key(|x| rank(x.priority));
    for (i, x) in items.iter_mut().enumerate() {
        x.number = i + 1;
    }
    items
}
