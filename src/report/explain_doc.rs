//! `explain --format markdown|html`: the trace of an assessment as a document to put beside
//! a report. Questions show in words with their ids (the explanation is for the people who
//! check the rules), through the templates `explain.hbs` of each format.

use serde::Serialize;

use super::Format;
use super::templates::{RenderOptions, render_data};
use crate::assess::explain::Explanation;
use crate::diagnostic::Diagnostics;
use crate::rules::Framework;

#[derive(Serialize)]
struct Doc {
    generator: String,
    organization: String,
    framework: String,
    version: String,
    digest: String,
    complete: bool,
    phases: Vec<PhaseDoc>,
    rules: Vec<RuleDoc>,
    next_phase: Option<NextDoc>,
}

#[derive(Serialize)]
struct PhaseDoc {
    name: String,
    met: bool,
    current: bool,
    score: u32,
    threshold: u32,
    earned: u64,
    total_weight: u64,
    items: Vec<ItemDoc>,
    gates: Vec<GateDoc>,
    blockers: Vec<String>,
}

#[derive(Serialize)]
struct ItemDoc {
    id: String,
    question: String,
    answer: Option<String>,
    applies: bool,
    points: u32,
    weight: u32,
    earned: u32,
}

#[derive(Serialize)]
struct GateDoc {
    condition: String,
    reason: String,
    holds: bool,
}

#[derive(Serialize)]
struct RuleDoc {
    id: String,
    title: String,
    fired: bool,
    reason: String,
}

#[derive(Serialize)]
struct NextDoc {
    meets: String,
    moves_to: Option<String>,
    found: bool,
    changes: Vec<ChangeDoc>,
}

#[derive(Serialize)]
struct ChangeDoc {
    id: String,
    question: String,
    from: Option<String>,
    to: String,
}

/// An answer value in words: the choice's label where the question has one.
fn words(framework: &Framework, id: &str, value: &str) -> String {
    framework
        .questions
        .get(id)
        .and_then(|q| q.choices.get(value))
        .cloned()
        .unwrap_or_else(|| value.to_string())
}

fn title(framework: &Framework, id: &str) -> String {
    framework
        .questions
        .get(id)
        .map_or_else(|| id.to_string(), |q| q.title.to_string())
}

fn phase_name(framework: &Framework, id: &str) -> String {
    framework
        .phase(id)
        .map_or_else(|| id.to_string(), |p| p.name.to_string())
}

/// Renders an explanation as a Markdown or HTML document.
pub fn explanation_document(format: Format, framework: &Framework, e: &Explanation) -> Result<String, Diagnostics> {
    let a = &e.assessment;
    let doc = Doc {
        generator: format!("{} {}", env!("CARGO_PKG_NAME"), env!("CARGO_PKG_VERSION")),
        organization: a.organization.clone(),
        framework: a.framework.name.to_string(),
        version: format!("{} {}", a.framework.id, a.framework.version),
        digest: a.framework.digest.to_string(),
        complete: a.complete,
        phases: e
            .phases
            .iter()
            .map(|p| PhaseDoc {
                name: p.name.to_string(),
                met: p.met,
                current: !a.complete && *p.id == *a.phase.id,
                score: p.score,
                threshold: p.threshold,
                earned: p.earned,
                total_weight: p.total_weight,
                items: p
                    .items
                    .iter()
                    .map(|i| ItemDoc {
                        id: i.question.to_string(),
                        question: title(framework, &i.question),
                        answer: i.answer.as_deref().map(|v| words(framework, &i.question, v)),
                        applies: i.applies,
                        points: i.points,
                        weight: i.weight,
                        earned: i.points * i.weight,
                    })
                    .collect(),
                gates: p
                    .gates
                    .iter()
                    .map(|g| GateDoc {
                        condition: g.condition.clone(),
                        reason: g.reason.to_string(),
                        holds: g.holds,
                    })
                    .collect(),
                blockers: p
                    .blockers
                    .iter()
                    .filter(|b| !p.gates.iter().any(|g| *g.reason == ***b))
                    .cloned()
                    .collect(),
            })
            .collect(),
        rules: e
            .rules
            .iter()
            .map(|r| RuleDoc {
                id: r.id.to_string(),
                title: framework
                    .recommendations
                    .iter()
                    .find(|x| *x.id == *r.id)
                    .map_or_else(|| r.id.to_string(), |x| x.title.to_string()),
                fired: r.fired,
                reason: r.reason.clone(),
            })
            .collect(),
        next_phase: e.next_phase.as_ref().map(|n| NextDoc {
            meets: phase_name(framework, &n.meets),
            moves_to: n.moves_to.as_deref().map(|p| phase_name(framework, p)),
            found: n.found,
            changes: n
                .changes
                .iter()
                .map(|c| ChangeDoc {
                    id: c.question.clone(),
                    question: title(framework, &c.question),
                    from: c.from.as_deref().map(|v| words(framework, &c.question, v)),
                    to: words(framework, &c.question, &c.to),
                })
                .collect(),
        }),
    };
    render_data(format, Some("explain"), &doc, &RenderOptions::default())
}
