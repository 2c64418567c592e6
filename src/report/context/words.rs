//! How the context puts things in words: answers with their labels, statuses, dates, the
//! headline, the stage note and the method.

use crate::answers::{AnswerValue, Answers};
use crate::assess::Assessment;
use crate::rules::{Framework, Priority, Resource, ResourceType};

use super::types::*;

pub(super) fn resource_info(r: &Resource) -> ResourceInfo {
    ResourceInfo {
        id: r.id.to_string(),
        number: None,
        title: r.title.to_string(),
        kind: r.kind,
        type_label: r.kind.label().to_string(),
        authors: (!r.authors.is_empty()).then(|| r.authors.join(", ")),
        year: r.year.clone(),
        duration: r.duration.as_deref().map(str::to_string),
        description: r.description.clone(),
        // Only a web address becomes a link (rule files allow no other; a framework built
        // in code might): never `javascript:` or `data:`.
        url: r
            .url
            .as_deref()
            .filter(|u| crate::rules::is_web_link(u))
            .map(str::to_string),
    }
}

pub(super) fn answer_info(framework: &Framework, answers: &Answers, id: &str) -> AnswerInfo {
    let question = framework.questions.get(id);
    let value = answers.get(id);
    let answer = value.map(AnswerValue::as_text);
    let label = match (question, &answer) {
        (Some(q), Some(a)) if q.kind == crate::rules::AnswerKind::Choice => Some(q.label(a).to_string()),
        (_, a) => a.clone(),
    };
    AnswerInfo {
        id: id.to_string(),
        question: question.map_or_else(|| id.to_string(), |q| q.title.to_string()),
        rubric: question
            .zip(answer.as_deref())
            .and_then(|(q, a)| q.rubric.get(a).cloned()),
        note: answers.notes.get(id).cloned(),
        ours: question.is_some_and(|q| q.ours),
        answer,
        label,
    }
}

/// A task's status in words.
pub(super) fn status_label(status: &str) -> String {
    match status {
        "in_progress" => "in progress".to_string(),
        "not_started" => "not started".to_string(),
        "unanswered" => "not yet answered".to_string(),
        crate::rules::DONT_KNOW => "don't know".to_string(),
        other => other.replace('_', " "),
    }
}

/// A priority in words.
pub(in crate::report) fn priority_words(priority: Priority) -> &'static str {
    match priority {
        Priority::High => "High priority",
        Priority::Medium => "Medium priority",
        Priority::Low => "Low priority",
    }
}

/// A resource type's heading: plural, capitalized.
pub(super) fn plural_title(kind: ResourceType) -> String {
    let plural = match kind {
        ResourceType::Research => "research".to_string(),
        ResourceType::CaseStudy => "case studies".to_string(),
        ResourceType::PolicyBrief => "policy briefs".to_string(),
        ResourceType::Community => "communities".to_string(),
        other => format!("{}s", other.label()),
    };
    crate::words::capitalized(&plural)
}

/// A date in words, `January 15, 2026`; the text as it is when it is not `YYYY-MM-DD`.
pub(super) fn date_long(date: &str) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    match date.parse::<jiff::civil::Date>() {
        Ok(d) => format!("{} {}, {}", MONTHS[(d.month() - 1) as usize], d.day(), d.year()),
        Err(_) => date.to_string(),
    }
}

/// The note on a self-reported stage that does not fit the computed phase. It does not
/// repeat what keeps the organization in its phase: the summary says that.
pub(super) fn stage_note(framework: &Framework, answers: &Answers, a: &Assessment) -> Option<String> {
    let question = framework.questions.get(framework.stage_question.as_deref()?)?;
    let stage = answers.get(&question.id)?.as_text();
    let current = framework.phases.iter().find(|p| p.id == a.phase.id)?;
    if current.stages.contains(&stage) {
        return None;
    }
    let fitting: Vec<&str> = framework
        .phases
        .iter()
        .filter(|p| p.stages.contains(&stage))
        .map(|p| p.name.as_ref())
        .collect();
    let label = question.choices.get(&stage).cloned().unwrap_or_else(|| stage.clone());
    let said = if fitting.is_empty() {
        format!("You describe yourselves as \"{label}\".")
    } else {
        format!(
            "You describe yourselves as \"{label}\", which fits {}.",
            fitting.join(" or ")
        )
    };
    let computed = if a.complete {
        "The answers show every phase met.".to_string()
    } else {
        format!("The answers place you in {}.", a.phase.name)
    };
    Some(format!("{said} {computed}"))
}

/// Where the organization stands, in one sentence.
pub(super) fn headline(a: &Assessment, number: usize, of: usize) -> String {
    if a.complete {
        format!("{} has met every phase of the framework.", a.organization)
    } else {
        format!("{} is in phase {number} of {of}: {}.", a.organization, a.phase.name)
    }
}

/// How the assessment is made, in one paragraph, from the framework's own numbers.
pub(super) fn method(framework: &Framework) -> String {
    // Each scale once (the same values and points), in the words of the first question
    // that uses it: "Yes 100, Partly 50, No 0".
    let mut seen: Vec<Vec<(&String, &u32)>> = Vec::new();
    let mut scales: Vec<String> = Vec::new();
    for phase in &framework.phases {
        for item in &phase.scoring {
            let key: Vec<(&String, &u32)> = item.points.iter().collect();
            if seen.contains(&key) {
                continue;
            }
            let question = framework.questions.get(&item.question);
            let words: Vec<String> = item
                .points
                .iter()
                .map(|(value, points)| {
                    let label = question.map_or_else(|| value.clone(), |q| q.label(value).to_string());
                    format!("{label} {points}")
                })
                .collect();
            seen.push(key);
            scales.push(words.join(", "));
        }
    }
    let mut thresholds: Vec<u32> = framework.phases.iter().map(|p| p.threshold).collect();
    thresholds.sort_unstable();
    thresholds.dedup();
    let needed = match thresholds.as_slice() {
        [one] => format!("{one}"),
        [low, .., high] => format!("{low} to {high}, depending on the phase"),
        [] => "its threshold".to_string(),
    };
    let gates = framework.phases.iter().any(|p| !p.gates.is_empty());
    format!(
        "Each phase scores 0 to 100, the weighted mean of its answers' points ({}; a question not yet answered, none). \
A phase is met when it reaches {needed}{}, and its important tasks are done; the current phase is the earliest not met. \
Each recommendation comes from a rule fired by the answers it names.",
        scales.join("; "),
        if gates {
            ", the conditions the framework sets hold"
        } else {
            ""
        }
    )
}
