//! The report context: everything a report template can show, built from an assessment,
//! the answers and the framework. `readiness context` prints it as JSON, and the README
//! documents each field.

use serde::Serialize;

use super::team::{TeamInfo, team_info};
use crate::answers::{AnswerValue, Answers};
use crate::assess::Assessment;
use crate::assess::compare::Comparison;
use crate::rules::{Framework, Priority, Resource, ResourceType, Role};

/// The data every report template is rendered with.
#[derive(Debug, Clone, Serialize)]
pub struct ReportContext {
    /// The program that made the report.
    pub generator: Generator,
    /// The report's date, `YYYY-MM-DD`.
    pub date: String,
    /// The framework and the digest of its files.
    pub framework: FrameworkInfo,
    /// The answer to the organization's name.
    pub organization: String,
    /// Every profile question, in order, with its answer (or none).
    pub profile: Vec<AnswerInfo>,
    /// The current phase (the last one when `complete`).
    pub phase: CurrentPhase,
    /// Every phase is met.
    pub complete: bool,
    /// A note when the stage the organization gave differs from the computed phase; null otherwise.
    pub stage_note: Option<String>,
    /// Every phase in order, with its progress.
    pub phases: Vec<PhaseInfo>,
    /// Important tasks not done, in framework order.
    pub remaining_tasks: Vec<TaskInfo>,
    /// Questions that apply and have no answer, in order.
    pub unanswered: Vec<QuestionRef>,
    /// Questions answered `not_applicable`, left out of the scores, with any note (the reason).
    pub not_applicable: Vec<AnswerInfo>,
    /// Questions answered `dont_know`: things to find out, with any note.
    pub to_find_out: Vec<AnswerInfo>,
    /// Every question that applies, in order, with its answer (or none), label and note:
    /// the appendix of all answers.
    pub answers: Vec<AnswerInfo>,
    /// How the scores are made and whose method it is, as the framework says; null when
    /// it says nothing.
    pub method: Option<String>,
    /// When the report shows something this rule set wrote itself (marked `ours`), the
    /// sentence that says what the marks mean; null otherwise.
    pub ours_note: Option<String>,
    /// Ids of answers ignored because their question does not apply.
    pub ignored: Vec<String>,
    /// Recommendations, by priority then rule order.
    pub recommendations: Vec<RecommendationInfo>,
    /// Every resource the report cites (recommendations and remaining tasks), grouped by type.
    pub resources_by_type: Vec<ResourceGroup>,
    /// A checklist: each recommendation, then each remaining task of the current phase.
    pub next_steps: Vec<NextStep>,
    /// For a team's answers, how each respondent answered and where they disagree; null otherwise.
    pub team: Option<TeamInfo>,
    /// What changed since an earlier assessment (`assess --since`); null otherwise.
    pub since: Option<Comparison>,
}

/// The program that made the report.
#[derive(Debug, Clone, Serialize)]
pub struct Generator {
    /// `readiness`.
    pub name: String,
    /// Its version.
    pub version: String,
}

/// The framework a report was made with.
#[derive(Debug, Clone, Serialize)]
pub struct FrameworkInfo {
    /// Stable identifier.
    pub id: String,
    /// Name.
    pub name: String,
    /// Version of the rule set.
    pub version: String,
    /// Who publishes it; null when not given.
    pub publisher: Option<String>,
    /// `sha256:` and the hex SHA-256 of the rule files: traces the report to its rules.
    pub digest: String,
}

/// A question with its answer.
#[derive(Debug, Clone, Serialize)]
pub struct AnswerInfo {
    /// Question id.
    pub id: String,
    /// The question.
    pub question: String,
    /// The answer as written (a value, a number or text); null when unanswered.
    pub answer: Option<String>,
    /// The answer in words (the label that fits the question, `Not applicable`, `Don't
    /// know`); null when unanswered.
    pub label: Option<String>,
    /// What the answer means for this question, where the rule set says; else null.
    pub rubric: Option<String>,
    /// The note given with the answer (why, what evidence); null when none.
    pub note: Option<String>,
    /// Whether the question's wording is this rule set's own, not the documents'.
    pub ours: bool,
}

/// The current phase.
#[derive(Debug, Clone, Serialize)]
pub struct CurrentPhase {
    /// Phase id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Goal.
    pub goal: String,
    /// The documents' introduction to the phase; null when none.
    pub summary: Option<String>,
    /// Whether the goal is this rule set's own reading, not the documents' words (marked `*`).
    pub ours: bool,
    /// In plain words, what keeps the organization in this phase (empty when complete).
    pub blockers: Vec<String>,
}

/// One phase's progress.
#[derive(Debug, Clone, Serialize)]
pub struct PhaseInfo {
    /// Phase id.
    pub id: String,
    /// Position, from 1.
    pub number: usize,
    /// Name.
    pub name: String,
    /// Goal.
    pub goal: String,
    /// Score from 0 to 100.
    pub score: u32,
    /// Score needed.
    pub threshold: u32,
    /// Whether the phase is met.
    pub met: bool,
    /// Whether this is the current phase (false for every phase when complete).
    pub current: bool,
    /// `met`, `current` or `not met`.
    pub status: String,
    /// What keeps the phase from being met; empty when met.
    pub blockers: Vec<String>,
    /// Whether the goal is this rule set's own reading, not the documents' words (marked `*`).
    pub ours: bool,
    /// The documents' name for being ready for this phase (`Ready to plan`); null when none.
    pub readiness_label: Option<String>,
}

/// A question by id and title.
#[derive(Debug, Clone, Serialize)]
pub struct QuestionRef {
    /// Question id.
    pub id: String,
    /// The question's title.
    pub title: String,
    /// Phase id; null for profile questions.
    pub phase: Option<String>,
}

/// An important task that remains.
#[derive(Debug, Clone, Serialize)]
pub struct TaskInfo {
    /// Question id.
    pub id: String,
    /// Phase id.
    pub phase: String,
    /// Phase name.
    pub phase_name: String,
    /// The task.
    pub title: String,
    /// `in_progress`, `not_started` or `unanswered`.
    pub status: String,
    /// The status in words.
    pub status_label: String,
    /// The documents' guidance for the task; null when none.
    pub guidance: Option<String>,
    /// Resources the documents tie to the task.
    pub resources: Vec<ResourceInfo>,
}

/// One recommendation.
#[derive(Debug, Clone, Serialize)]
pub struct RecommendationInfo {
    /// Rule id.
    pub id: String,
    /// Phase id; null for rules about the profile or what follows the framework.
    pub phase: Option<String>,
    /// Phase name; null when `phase` is.
    pub phase_name: Option<String>,
    /// `high`, `medium` or `low`.
    pub priority: Priority,
    /// One-line summary.
    pub title: String,
    /// The advice.
    pub text: String,
    /// The answers that triggered it (empty for what follows a complete framework).
    pub because: Vec<AnswerInfo>,
    /// Whether the advice is this rule set's own, not the documents' (marked `*`).
    pub ours: bool,
    /// Its resources, in order.
    pub resources: Vec<ResourceInfo>,
}

/// A resource as a report shows it.
#[derive(Debug, Clone, Serialize)]
pub struct ResourceInfo {
    /// Stable identifier.
    pub id: String,
    /// Title.
    pub title: String,
    /// Type id (`paper`, `case_study`, ...).
    #[serde(rename = "type")]
    pub kind: ResourceType,
    /// Type in words (`paper`, `case study`, ...).
    pub type_label: String,
    /// Authors joined with commas; null when none are given.
    pub authors: Option<String>,
    /// Year or date; null when none is given.
    pub year: Option<String>,
    /// Duration or extent; null when none is given.
    pub duration: Option<String>,
    /// Description.
    pub description: String,
    /// Link; null where no document gives one.
    pub url: Option<String>,
}

/// Resources of one type.
#[derive(Debug, Clone, Serialize)]
pub struct ResourceGroup {
    /// Type id.
    #[serde(rename = "type")]
    pub kind: ResourceType,
    /// Type in words, plural-free (`case study`).
    pub label: String,
    /// The resources, in catalogue order.
    pub resources: Vec<ResourceInfo>,
}

/// One item of the next-steps checklist.
#[derive(Debug, Clone, Serialize)]
pub struct NextStep {
    /// What to do.
    pub text: String,
    /// `high`, `medium` or `low` for a recommendation; null for a task.
    pub priority: Option<Priority>,
}

fn resource_info(r: &Resource) -> ResourceInfo {
    ResourceInfo {
        id: r.id.clone(),
        title: r.title.clone(),
        kind: r.kind,
        type_label: r.kind.label().to_string(),
        authors: (!r.authors.is_empty()).then(|| r.authors.join(", ")),
        year: r.year.clone(),
        duration: r.duration.clone(),
        description: r.description.clone(),
        url: r.url.clone(),
    }
}

fn answer_info(framework: &Framework, answers: &Answers, id: &str) -> AnswerInfo {
    let question = framework.questions.get(id);
    let value = answers.get(id);
    let answer = value.map(AnswerValue::as_text);
    let label = match (question, &answer) {
        (Some(q), Some(a)) if q.kind == crate::rules::AnswerKind::Choice => Some(q.label(a).to_string()),
        (_, a) => a.clone(),
    };
    AnswerInfo {
        id: id.to_string(),
        question: question.map_or_else(|| id.to_string(), |q| q.title.clone()),
        rubric: question
            .zip(answer.as_deref())
            .and_then(|(q, a)| q.rubric.get(a).cloned()),
        note: answers.notes.get(id).cloned(),
        ours: question.is_some_and(|q| q.ours),
        answer,
        label,
    }
}

fn status_label(status: &str) -> String {
    match status {
        "in_progress" => "in progress".to_string(),
        "not_started" => "not started".to_string(),
        "unanswered" => "not yet answered".to_string(),
        crate::rules::DONT_KNOW => "don't know".to_string(),
        other => other.replace('_', " "),
    }
}

/// The note on a self-reported stage that does not fit the computed phase.
fn stage_note(framework: &Framework, answers: &Answers, a: &Assessment) -> Option<String> {
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
        .map(|p| p.name.as_str())
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
        let phase = a.phases.iter().find(|p| p.id == a.phase.id)?;
        let reasons = if phase.blockers.is_empty() {
            String::new()
        } else {
            format!(": {}", phase.blockers.join("; "))
        };
        format!("The answers place you in {}{reasons}.", a.phase.name)
    };
    Some(format!("{said} {computed}"))
}

/// Builds the report context.
pub fn context(framework: &Framework, answers: &Answers, a: &Assessment, date: &str) -> ReportContext {
    let phase_name = |id: &str| framework.phases.iter().find(|p| p.id == id).map(|p| p.name.clone());
    let profile = framework
        .questions
        .values()
        .filter(|q| q.role == Role::Profile)
        .map(|q| answer_info(framework, answers, &q.id))
        .collect();
    let current = framework.phases.iter().find(|p| p.id == a.phase.id);
    let current_result = a.phases.iter().find(|p| p.id == a.phase.id);
    let phases = a
        .phases
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let is_current = !a.complete && p.id == a.phase.id;
            PhaseInfo {
                id: p.id.clone(),
                number: i + 1,
                name: p.name.clone(),
                goal: framework.phases.get(i).map(|f| f.goal.clone()).unwrap_or_default(),
                score: p.score,
                threshold: p.threshold,
                met: p.met,
                current: is_current,
                status: if p.met {
                    "met"
                } else if is_current {
                    "current"
                } else {
                    "not met"
                }
                .to_string(),
                blockers: p.blockers.clone(),
                ours: framework.phases.get(i).is_some_and(|f| f.ours),
                readiness_label: framework.phases.get(i).and_then(|f| f.readiness_label.clone()),
            }
        })
        .collect();
    let resources_of = |ids: &[String]| -> Vec<ResourceInfo> {
        ids.iter()
            .filter_map(|id| framework.resources.get(id))
            .map(resource_info)
            .collect()
    };
    let remaining_tasks: Vec<TaskInfo> = a
        .remaining_tasks
        .iter()
        .map(|t| {
            let question = framework.questions.get(&t.id);
            TaskInfo {
                id: t.id.clone(),
                phase: t.phase.clone(),
                phase_name: phase_name(&t.phase).unwrap_or_default(),
                title: t.title.clone(),
                status: t.status.clone(),
                status_label: status_label(&t.status),
                guidance: question.and_then(|q| q.help.clone()),
                resources: question.map(|q| resources_of(&q.resources)).unwrap_or_default(),
            }
        })
        .collect();
    let recommendations: Vec<RecommendationInfo> = a
        .recommendations
        .iter()
        .map(|r| RecommendationInfo {
            id: r.id.clone(),
            phase: r.phase.clone(),
            phase_name: r.phase.as_deref().and_then(phase_name),
            priority: r.priority,
            title: r.title.clone(),
            text: r.text.clone(),
            because: r.because.iter().map(|id| answer_info(framework, answers, id)).collect(),
            ours: framework
                .recommendations
                .iter()
                .any(|rule| rule.id == r.id && rule.ours),
            resources: r
                .resources
                .iter()
                .filter_map(|res| framework.resources.get(&res.id))
                .map(resource_info)
                .collect(),
        })
        .collect();
    // Every cited resource, once, grouped by type in the catalogue's order of types.
    let cited: std::collections::HashSet<&str> = recommendations
        .iter()
        .flat_map(|r| r.resources.iter())
        .chain(remaining_tasks.iter().flat_map(|t| t.resources.iter()))
        .map(|r| r.id.as_str())
        .collect();
    let mut resources_by_type: Vec<ResourceGroup> = Vec::new();
    for resource in framework.resources.values().filter(|r| cited.contains(r.id.as_str())) {
        match resources_by_type.iter_mut().find(|g| g.kind == resource.kind) {
            Some(group) => group.resources.push(resource_info(resource)),
            None => resources_by_type.push(ResourceGroup {
                kind: resource.kind,
                label: resource.kind.label().to_string(),
                resources: vec![resource_info(resource)],
            }),
        }
    }
    let mut next_steps: Vec<NextStep> = recommendations
        .iter()
        .map(|r| NextStep {
            text: r.title.clone(),
            priority: Some(r.priority),
        })
        .collect();
    next_steps.extend(
        remaining_tasks
            .iter()
            .filter(|t| !a.complete && t.phase == a.phase.id)
            .map(|t| NextStep {
                text: format!("Complete the task: {}", t.title),
                priority: None,
            }),
    );
    let applicable = crate::assess::Effective::new(framework, answers).applicable;
    let all_answers: Vec<AnswerInfo> = applicable
        .iter()
        .map(|id| answer_info(framework, answers, id))
        .collect();
    let shows_ours = framework.phases.iter().any(|p| p.ours)
        || recommendations.iter().any(|r| r.ours)
        || all_answers.iter().any(|q| q.ours);
    let ours_note = shows_ours.then(|| {
        let whose = framework
            .publisher
            .as_deref()
            .map_or("the publisher's".to_string(), |p| format!("{p}'s"));
        format!("Items marked * are this tool's own reading of the framework's documents, not {whose} words.")
    });
    ReportContext {
        generator: Generator {
            name: env!("CARGO_PKG_NAME").to_string(),
            version: env!("CARGO_PKG_VERSION").to_string(),
        },
        date: date.to_string(),
        framework: FrameworkInfo {
            id: framework.id.clone(),
            name: framework.name.clone(),
            version: framework.version.clone(),
            publisher: framework.publisher.clone(),
            digest: framework.digest.clone(),
        },
        organization: a.organization.clone(),
        profile,
        phase: CurrentPhase {
            id: a.phase.id.clone(),
            name: a.phase.name.clone(),
            goal: a.phase.goal.clone(),
            summary: current.and_then(|p| p.summary.clone()),
            ours: current.is_some_and(|p| p.ours),
            blockers: if a.complete {
                Vec::new()
            } else {
                current_result.map(|p| p.blockers.clone()).unwrap_or_default()
            },
        },
        complete: a.complete,
        stage_note: stage_note(framework, answers, a),
        phases,
        remaining_tasks,
        unanswered: a
            .unanswered
            .iter()
            .map(|id| QuestionRef {
                id: id.clone(),
                title: framework
                    .questions
                    .get(id)
                    .map_or_else(|| id.clone(), |q| q.title.clone()),
                phase: framework.questions.get(id).and_then(|q| q.phase.clone()),
            })
            .collect(),
        not_applicable: a
            .not_applicable
            .iter()
            .map(|id| answer_info(framework, answers, id))
            .collect(),
        to_find_out: a
            .dont_know
            .iter()
            .map(|id| answer_info(framework, answers, id))
            .collect(),
        answers: all_answers,
        method: framework.method.clone(),
        ours_note,
        ignored: a.ignored.clone(),
        recommendations,
        resources_by_type,
        next_steps,
        team: a.team.as_ref().map(|t| team_info(framework, t)),
        since: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assess::assess;
    use crate::test_support::{mini, mini_answers};

    fn context_of(pairs: &[(&str, &str)]) -> ReportContext {
        let fw = mini();
        let answers = mini_answers(pairs);
        let a = assess(&fw, &answers);
        context(&fw, &answers, &a, "2026-01-15")
    }

    #[test]
    fn because_shows_the_question_and_the_answer_in_words() {
        let c = context_of(&[("one.decided", "partly")]);
        let decide = c.recommendations.iter().find(|r| r.id == "decide").unwrap();
        assert_eq!(decide.because.len(), 1);
        assert_eq!(decide.because[0].question, "Have we decided?");
        assert_eq!(decide.because[0].label.as_deref(), Some("Partly"));
    }

    #[test]
    fn the_current_phase_and_its_blockers_are_named() {
        let c = context_of(&[("one.decided", "no")]);
        assert_eq!(c.phase.id, "one");
        assert!(c.phase.blockers.contains(&"a decision is needed".to_string()));
        assert_eq!(
            c.phases.iter().map(|p| p.status.as_str()).collect::<Vec<_>>(),
            ["current", "not met"]
        );
        assert_eq!(c.remaining_tasks[0].status_label, "not yet answered");
    }

    #[test]
    fn resources_are_cited_once_and_grouped_by_type() {
        let c = context_of(&[("one.decided", "no")]);
        let ids: Vec<(&str, Vec<&str>)> = c
            .resources_by_type
            .iter()
            .map(|g| (g.label.as_str(), g.resources.iter().map(|r| r.id.as_str()).collect()))
            .collect();
        assert_eq!(ids, [("guide", vec!["guide"]), ("video", vec!["video"])]);
    }

    #[test]
    fn the_next_steps_list_recommendations_then_the_current_phase_tasks() {
        let c = context_of(&[("one.decided", "no")]);
        let steps: Vec<&str> = c.next_steps.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(steps, ["Decide", "Complete the task: Do the task"]);
    }
}
