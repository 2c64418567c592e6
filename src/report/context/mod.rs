//! The report context: everything a report template can show, built from an assessment,
//! the answers and the framework. `readiness context` prints it as JSON, and the README
//! documents each field.

#[cfg(test)]
mod tests;
mod types;
mod words;

pub use types::*;
pub(super) use words::priority_words;
use words::*;

use super::brand::Brand;
use super::format::Detail;
use super::plan::plan_info;
use super::team::team_info;
use crate::answers::Answers;
use crate::assess::Assessment;
use crate::rules::{Framework, Role};

/// Builds the report context.
pub fn context(
    framework: &Framework,
    answers: &Answers,
    a: &Assessment,
    date: &str,
    options: &ReportOptions,
    brand: Option<&Brand>,
) -> ReportContext {
    let phase_name = |id: &str| framework.phase(id).map(|p| p.name.to_string());
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
                id: p.id.to_string(),
                number: i + 1,
                name: p.name.to_string(),
                goal: framework.phases.get(i).map(|f| f.goal.to_string()).unwrap_or_default(),
                score: p.score,
                threshold: p.threshold,
                met: p.met,
                current: is_current,
                status: status.to_string(),
                status_label: status_label.to_string(),
                blockers: p.blockers(),
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
            let question = framework.questions.get(&*t.id);
            TaskInfo {
                id: t.id.to_string(),
                phase: t.phase.to_string(),
                phase_name: phase_name(&t.phase).unwrap_or_default(),
                title: t.title.to_string(),
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
            id: r.id.to_string(),
            phase: r.phase.as_deref().map(str::to_string),
            phase_name: r.phase.as_deref().and_then(phase_name),
            priority: r.priority,
            title: r.title.to_string(),
            text: r.text.to_string(),
            because: r.because.iter().map(|id| answer_info(framework, answers, id)).collect(),
            ours: framework
                .recommendations
                .iter()
                .any(|rule| rule.id == r.id && rule.ours),
            resources: r
                .resources
                .iter()
                .filter_map(|res| framework.resources.get(&*res.id))
                .map(resource_info)
                .collect(),
        })
        .collect();
    let current_tasks: Vec<&TaskInfo> = remaining_tasks
        .iter()
        .filter(|t| !a.complete && *t.phase == *a.phase.id)
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
                id: p.id.to_string(),
                number: i + 1,
                name: p.name.to_string(),
                goal: p.goal.to_string(),
                ours: p.ours,
                summary: p.summary.clone(),
                tasks: remaining_tasks.iter().filter(|t| *t.phase == *p.id).cloned().collect(),
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
            Some(group) if group.resources.iter().any(|r| *r.id == *resource.id) => {}
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
            id: id.to_string(),
            title: framework
                .questions
                .get(&**id)
                .map_or_else(|| id.to_string(), |q| q.title.to_string()),
            phase: framework.questions.get(&**id).and_then(|q| q.phase.clone()),
        })
        .collect();
    // Every question that applies, by part: the answers in words, then what is unanswered.
    let eff = crate::assess::Effective::new(framework, answers);
    let applicable: Vec<&str> = eff.applicable().collect();
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
    groups.extend(framework.phases.iter().map(|p| group(p.name.to_string(), Some(&p.id))));
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
            id: framework.id.to_string(),
            name: framework.name.to_string(),
            version: framework.version.to_string(),
            publisher: framework.publisher.clone(),
            digest: framework.digest.to_string(),
        },
        organization: a.organization.clone(),
        profile,
        headline: headline(a, current_index + 1, of),
        phase: CurrentPhase {
            id: a.phase.id.to_string(),
            number: current_index + 1,
            of,
            name: a.phase.name.to_string(),
            goal: a.phase.goal.to_string(),
            summary: current.and_then(|p| p.summary.clone()),
            ours: current.is_some_and(|p| p.ours),
            blockers: if a.complete {
                Vec::new()
            } else {
                current_result.map(|p| p.blockers()).unwrap_or_default()
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
        ignored: a.ignored.iter().map(ToString::to_string).collect(),
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
