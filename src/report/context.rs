//! The report context: everything a report template can show, built from an assessment,
//! the answers and the framework. `readiness context` prints it as JSON, and the README
//! documents each field.

use serde::Serialize;

use super::brand::Brand;
use super::format::{Detail, Paper};
use super::plan::{PlanInfo, plan_info};
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
    /// The report's date in words, e.g. `January 15, 2026`.
    pub date_long: String,
    /// What the report shows: detail, ids, paper.
    pub options: ReportOptions,
    /// Who prepared the report, their logo, accent color and footer (`--brand`); null when
    /// none is given.
    pub brand: Option<Brand>,
    /// The framework and the digest of its files.
    pub framework: FrameworkInfo,
    /// The answer to the organization's name.
    pub organization: String,
    /// Every profile question, in order, with its answer (or none).
    pub profile: Vec<AnswerInfo>,
    /// Where the organization stands, in one sentence.
    pub headline: String,
    /// The current phase (the last one when `complete`).
    pub phase: CurrentPhase,
    /// Every phase is met.
    pub complete: bool,
    /// A note when the stage the organization gave differs from the computed phase; null otherwise.
    pub stage_note: Option<String>,
    /// Every phase in order, with its progress.
    pub phases: Vec<PhaseInfo>,
    /// What to do now, each item once: the recommendations and the current phase's remaining
    /// tasks, a task that is also a recommendation as one item; most important first.
    pub actions: Vec<ActionInfo>,
    /// The three most important actions: the executive summary's next steps.
    pub next_steps: Vec<NextStep>,
    /// The phases after the current one, with their remaining tasks.
    pub later_phases: Vec<LaterPhase>,
    /// Important tasks not done, in framework order.
    pub remaining_tasks: Vec<TaskInfo>,
    /// Every question that applies, by part (the profile, then each phase): the answers in
    /// words with their notes, and the questions not yet answered.
    pub answers: Vec<AnswerGroup>,
    /// Questions that apply and have no answer, in order.
    pub unanswered: Vec<QuestionRef>,
    /// Questions answered `not_applicable`, left out of the scores, with any note (the reason).
    pub not_applicable: Vec<AnswerInfo>,
    /// Questions answered `dont_know`: things to find out, with any note.
    pub to_find_out: Vec<AnswerInfo>,
    /// When the report shows something this rule set wrote itself (marked `ours`), the
    /// sentence that says what the marks mean; null otherwise.
    pub ours_note: Option<String>,
    /// Ids of answers ignored because their question does not apply.
    pub ignored: Vec<String>,
    /// Recommendations, by priority then rule order.
    pub recommendations: Vec<RecommendationInfo>,
    /// Every resource the report shows, once, grouped by type in the order the report first
    /// shows them; each has its `number`.
    pub resources_by_type: Vec<ResourceGroup>,
    /// How the assessment is made, in one paragraph, and whose method it is where the
    /// framework says.
    pub method: String,
    /// For a team's answers, how each respondent answered and where they disagree; null otherwise.
    pub team: Option<TeamInfo>,
    /// What changed since an earlier assessment (`assess --since`); null otherwise.
    pub since: Option<Comparison>,
    /// The action plan and the timeline, when the answers file gives an owner, a due date
    /// or a status to an item (`[action_plan]`) or dates the timeline (`[timeline]`); null
    /// otherwise.
    pub plan: Option<PlanInfo>,
}

/// What a report shows, as chosen on the command line.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ReportOptions {
    /// `current` (later phases in a few lines) or `all` (every phase in full).
    pub detail: Detail,
    /// Show question and rule ids, for authors (`--ids`).
    pub ids: bool,
    /// The paper printed on (`a4`, `letter`); null for the printer's own.
    pub paper: Option<Paper>,
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

/// The answers to one part of the questionnaires.
#[derive(Debug, Clone, Serialize)]
pub struct AnswerGroup {
    /// `Profile`, or the phase's name.
    pub title: String,
    /// Phase id; null for the profile.
    pub phase: Option<String>,
    /// Each question that applies and is answered, in order, with its answer.
    pub answers: Vec<AnswerInfo>,
    /// Each question that applies and is not yet answered, in order.
    pub unanswered: Vec<AnswerInfo>,
}

/// The current phase.
#[derive(Debug, Clone, Serialize)]
pub struct CurrentPhase {
    /// Phase id.
    pub id: String,
    /// Position, from 1.
    pub number: usize,
    /// How many phases there are.
    pub of: usize,
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
    /// The status in words: `met`, `current phase`, `not yet met`.
    pub status_label: String,
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
    /// The status in words: `in progress`, `not started`, `not yet answered`.
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

/// One thing to do: a recommendation, a remaining task, or a task that is also a
/// recommendation (one item that says both).
#[derive(Debug, Clone, Serialize)]
pub struct ActionInfo {
    /// Position among the actions, from 1.
    pub number: usize,
    /// What to do.
    pub title: String,
    /// `high`, `medium` or `low` for a recommendation; null for a task no rule recommends.
    pub priority: Option<Priority>,
    /// In words: the priority, and for a task its status, e.g. `High priority; important
    /// task of this phase, not started`.
    pub label: String,
    /// Phase id; null for advice about the profile or what follows the framework.
    pub phase: Option<String>,
    /// Phase name; null when `phase` is.
    pub phase_name: Option<String>,
    /// The remaining task this item is; null for a recommendation alone.
    pub task: Option<TaskState>,
    /// The id of the recommendation rule this item is; null for a task alone.
    pub recommendation: Option<String>,
    /// The recommendation's advice; null for a task alone.
    pub text: Option<String>,
    /// Whether the advice is this rule set's own, not the documents' (marked `*`).
    pub ours: bool,
    /// The documents' guidance for the task; null for a recommendation alone or when none.
    pub guidance: Option<String>,
    /// The answers that triggered the recommendation, other than the task's own.
    pub because: Vec<AnswerInfo>,
    /// The resources of the recommendation and of the task, each once.
    pub resources: Vec<ResourceInfo>,
}

/// Where a remaining task stands.
#[derive(Debug, Clone, Serialize)]
pub struct TaskState {
    /// Question id.
    pub id: String,
    /// `in_progress`, `not_started` or `unanswered`.
    pub status: String,
    /// The status in words.
    pub status_label: String,
}

/// One of the three most important things to do next.
#[derive(Debug, Clone, Serialize)]
pub struct NextStep {
    /// The action's position in `actions`, from 1.
    pub number: usize,
    /// What to do.
    pub title: String,
    /// The action's label: priority and status in words.
    pub label: String,
}

/// A phase after the current one.
#[derive(Debug, Clone, Serialize)]
pub struct LaterPhase {
    /// Phase id.
    pub id: String,
    /// Position, from 1.
    pub number: usize,
    /// Name.
    pub name: String,
    /// Goal.
    pub goal: String,
    /// Whether the goal is this rule set's own reading, not the documents' words (marked `*`).
    pub ours: bool,
    /// The documents' introduction to the phase; null when none.
    pub summary: Option<String>,
    /// Its important tasks not done, with guidance and resources.
    pub tasks: Vec<TaskInfo>,
}

/// A resource as a report shows it.
#[derive(Debug, Clone, Serialize)]
pub struct ResourceInfo {
    /// Stable identifier.
    pub id: String,
    /// Its number in `resources_by_type`, from 1 (printed reports refer to it as `[n]`);
    /// null when the report does not list it.
    pub number: Option<usize>,
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
    /// Type in words, singular (`case study`).
    pub label: String,
    /// The group's heading: the type in words, plural and capitalized (`Case studies`).
    pub title: String,
    /// The resources, in catalog order.
    pub resources: Vec<ResourceInfo>,
}

fn resource_info(r: &Resource) -> ResourceInfo {
    ResourceInfo {
        id: r.id.clone(),
        number: None,
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

/// A task's status in words.
fn status_label(status: &str) -> String {
    match status {
        "in_progress" => "in progress".to_string(),
        "not_started" => "not started".to_string(),
        "unanswered" => "not yet answered".to_string(),
        crate::rules::DONT_KNOW => "don't know".to_string(),
        other => other.replace('_', " "),
    }
}

/// A priority in words.
pub(super) fn priority_words(priority: Priority) -> &'static str {
    match priority {
        Priority::High => "High priority",
        Priority::Medium => "Medium priority",
        Priority::Low => "Low priority",
    }
}

/// A resource type's heading: plural, capitalized.
fn plural_title(kind: ResourceType) -> String {
    let plural = match kind {
        ResourceType::Research => "research".to_string(),
        ResourceType::CaseStudy => "case studies".to_string(),
        ResourceType::PolicyBrief => "policy briefs".to_string(),
        ResourceType::Community => "communities".to_string(),
        other => format!("{}s", other.label()),
    };
    let mut chars = plural.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().collect::<String>() + chars.as_str())
        .unwrap_or_default()
}

/// A date in words, `January 15, 2026`; the text as it is when it is not `YYYY-MM-DD`.
fn date_long(date: &str) -> String {
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
        format!("The answers place you in {}.", a.phase.name)
    };
    Some(format!("{said} {computed}"))
}

/// Where the organization stands, in one sentence.
fn headline(a: &Assessment, number: usize, of: usize) -> String {
    if a.complete {
        format!("{} has met every phase of the framework.", a.organization)
    } else {
        format!("{} is in phase {number} of {of}: {}.", a.organization, a.phase.name)
    }
}

/// How the assessment is made, in one paragraph, from the framework's own numbers.
fn method(framework: &Framework) -> String {
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

/// Builds the report context.
pub fn context(
    framework: &Framework,
    answers: &Answers,
    a: &Assessment,
    date: &str,
    options: &ReportOptions,
    brand: Option<&Brand>,
) -> ReportContext {
    let phase_name = |id: &str| framework.phases.iter().find(|p| p.id == id).map(|p| p.name.clone());
    let profile: Vec<AnswerInfo> = framework
        .questions
        .values()
        .filter(|q| q.role == Role::Profile)
        .map(|q| answer_info(framework, answers, &q.id))
        .collect();
    let current_index = framework.phase_index(&a.phase.id).unwrap_or(0);
    let current = framework.phases.get(current_index);
    let current_result = a.phases.iter().find(|p| p.id == a.phase.id);
    let phases = a
        .phases
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let is_current = !a.complete && p.id == a.phase.id;
            let (status, status_label) = if p.met {
                ("met", "met")
            } else if is_current {
                ("current", "current phase")
            } else {
                ("not met", "not yet met")
            };
            PhaseInfo {
                id: p.id.clone(),
                number: i + 1,
                name: p.name.clone(),
                goal: framework.phases.get(i).map(|f| f.goal.clone()).unwrap_or_default(),
                score: p.score,
                threshold: p.threshold,
                met: p.met,
                current: is_current,
                status: status.to_string(),
                status_label: status_label.to_string(),
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
    let mut remaining_tasks: Vec<TaskInfo> = a
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
    let mut recommendations: Vec<RecommendationInfo> = a
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
    let current_tasks: Vec<&TaskInfo> = remaining_tasks
        .iter()
        .filter(|t| !a.complete && t.phase == a.phase.id)
        .collect();
    let mut actions = super::actions::actions(&recommendations, &current_tasks);
    let mut later_phases: Vec<LaterPhase> = if a.complete {
        Vec::new()
    } else {
        framework
            .phases
            .iter()
            .enumerate()
            .skip(current_index + 1)
            .map(|(i, p)| LaterPhase {
                id: p.id.clone(),
                number: i + 1,
                name: p.name.clone(),
                goal: p.goal.clone(),
                ours: p.ours,
                summary: p.summary.clone(),
                tasks: remaining_tasks.iter().filter(|t| t.phase == p.id).cloned().collect(),
            })
            .collect()
    };

    // The resources the report shows, once each, grouped by type, in the order the report
    // first shows them, and numbered in that order: printed reports refer to them as [n].
    let mut shown: Vec<&str> = actions
        .iter()
        .flat_map(|x| x.resources.iter())
        .map(|r| r.id.as_str())
        .collect();
    if options.detail == Detail::All {
        shown.extend(
            later_phases
                .iter()
                .flat_map(|p| p.tasks.iter())
                .flat_map(|t| t.resources.iter())
                .map(|r| r.id.as_str()),
        );
    }
    let mut resources_by_type: Vec<ResourceGroup> = Vec::new();
    for resource in shown.iter().filter_map(|id| framework.resources.get(*id)) {
        match resources_by_type.iter_mut().find(|g| g.kind == resource.kind) {
            Some(group) if group.resources.iter().any(|r| r.id == resource.id) => {}
            Some(group) => group.resources.push(resource_info(resource)),
            None => resources_by_type.push(ResourceGroup {
                kind: resource.kind,
                label: resource.kind.label().to_string(),
                title: plural_title(resource.kind),
                resources: vec![resource_info(resource)],
            }),
        }
    }
    let mut numbers = std::collections::HashMap::new();
    for (n, r) in resources_by_type
        .iter_mut()
        .flat_map(|g| g.resources.iter_mut())
        .enumerate()
    {
        r.number = Some(n + 1);
        numbers.insert(r.id.clone(), n + 1);
    }
    let number = |list: &mut Vec<ResourceInfo>| {
        for r in list {
            r.number = numbers.get(&r.id).copied();
        }
    };
    actions.iter_mut().for_each(|x| number(&mut x.resources));
    recommendations.iter_mut().for_each(|x| number(&mut x.resources));
    remaining_tasks.iter_mut().for_each(|x| number(&mut x.resources));
    later_phases
        .iter_mut()
        .flat_map(|p| p.tasks.iter_mut())
        .for_each(|x| number(&mut x.resources));

    let next_steps = actions
        .iter()
        .take(3)
        .map(|x| NextStep {
            number: x.number,
            title: x.title.clone(),
            label: x.label.clone(),
        })
        .collect();
    let unanswered: Vec<QuestionRef> = a
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
        .collect();
    // Every question that applies, by part: the answers in words, then what is unanswered.
    let applicable = crate::assess::Effective::new(framework, answers).applicable;
    let group = |title: String, phase: Option<&str>| {
        let (answered, unanswered): (Vec<AnswerInfo>, Vec<AnswerInfo>) = applicable
            .iter()
            .filter(|id| {
                framework
                    .questions
                    .get(**id)
                    .is_some_and(|q| q.phase.as_deref() == phase)
            })
            .map(|id| answer_info(framework, answers, id))
            .partition(|a| a.label.is_some());
        AnswerGroup {
            title,
            phase: phase.map(str::to_string),
            answers: answered,
            unanswered,
        }
    };
    let mut groups = vec![group("Profile".to_string(), None)];
    groups.extend(framework.phases.iter().map(|p| group(p.name.clone(), Some(&p.id))));
    groups.retain(|g| !g.answers.is_empty() || !g.unanswered.is_empty());
    let shows_ours = framework.phases.iter().any(|p| p.ours)
        || recommendations.iter().any(|r| r.ours)
        || groups
            .iter()
            .flat_map(|g| g.answers.iter().chain(&g.unanswered))
            .any(|q| q.ours);
    let ours_note = shows_ours.then(|| {
        let whose = framework
            .publisher
            .as_deref()
            .map_or("the publisher's".to_string(), |p| format!("{p}'s"));
        format!("Items marked * are this tool's own reading of the framework's documents, not {whose} words.")
    });
    let of = framework.phases.len();
    ReportContext {
        generator: Generator {
            name: env!("CARGO_PKG_NAME").to_string(),
            version: env!("CARGO_PKG_VERSION").to_string(),
        },
        date: date.to_string(),
        date_long: date_long(date),
        options: options.clone(),
        brand: brand.cloned(),
        framework: FrameworkInfo {
            id: framework.id.clone(),
            name: framework.name.clone(),
            version: framework.version.clone(),
            publisher: framework.publisher.clone(),
            digest: framework.digest.clone(),
        },
        organization: a.organization.clone(),
        profile,
        headline: headline(a, current_index + 1, of),
        phase: CurrentPhase {
            id: a.phase.id.clone(),
            number: current_index + 1,
            of,
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
        actions,
        next_steps,
        later_phases,
        remaining_tasks,
        answers: groups,
        unanswered,
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
        ours_note,
        ignored: a.ignored.clone(),
        recommendations,
        resources_by_type,
        method: match &framework.method {
            Some(whose) => format!("{} {whose}", method(framework)),
            None => method(framework),
        },
        team: a.team.as_ref().map(|t| team_info(framework, t)),
        since: None,
        plan: (!answers.plan.is_empty() || !answers.timeline.is_empty())
            .then(|| plan_info(framework, answers, a, date, false)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_types_read_as_words() {
        assert_eq!(date_long("2026-01-15"), "January 15, 2026");
        assert_eq!(date_long("soon"), "soon");
        assert_eq!(plural_title(ResourceType::CaseStudy), "Case studies");
        assert_eq!(plural_title(ResourceType::MicroCredential), "Micro-credentials");
        assert_eq!(plural_title(ResourceType::Research), "Research");
        assert_eq!(status_label("unanswered"), "not yet answered");
    }

    use crate::assess::assess;
    use crate::test_support::{mini, mini_answers};

    fn context_of(pairs: &[(&str, &str)]) -> ReportContext {
        let fw = mini();
        let answers = mini_answers(pairs);
        let a = assess(&fw, &answers);
        context(&fw, &answers, &a, "2026-01-15", &ReportOptions::default(), None)
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
    fn the_next_steps_are_the_first_actions_a_recommendation_then_the_current_phase_task() {
        let c = context_of(&[("one.decided", "no")]);
        let steps: Vec<(&str, &str)> = c
            .next_steps
            .iter()
            .map(|s| (s.title.as_str(), s.label.as_str()))
            .collect();
        assert_eq!(
            steps,
            [
                ("Decide", "High priority"),
                ("Do the task", "Important task of this phase, not yet answered")
            ]
        );
    }

    #[test]
    fn answers_are_grouped_by_part_with_what_is_unanswered_apart() {
        let c = context_of(&[("one.decided", "no")]);
        let groups: Vec<(&str, usize, usize)> = c
            .answers
            .iter()
            .map(|g| (g.title.as_str(), g.answers.len(), g.unanswered.len()))
            .collect();
        assert_eq!(groups, [("Profile", 2, 1), ("Phase one", 1, 1), ("Phase two", 0, 1)]);
    }
}
