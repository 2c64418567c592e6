//! What to do now (the current phase's recommendations and tasks, each with why and its
//! resources) and what comes next (the later phases, summarised or in full).

use docx_rs::{Docx, IndentLevel, NumberingId, Paragraph, Run, Shading};

use super::parts::{bullet, h, link, muted, plain};
use super::{BULLETS, INK, MUTED};
use crate::report::context::{ActionInfo, AnswerInfo, ReportContext, ResourceInfo, TaskInfo};
use crate::report::format::Detail;
use crate::rules::Priority;

/// The section "What to do now".
pub(super) fn now(mut doc: Docx, c: &ReportContext) -> Docx {
    let now = if c.complete {
        "What to do next".to_string()
    } else {
        format!("What to do now: {}", c.phase.name)
    };
    doc = doc.add_paragraph(h(1, &now).page_break_before(true));
    if !c.complete
        && let Some(summary) = &c.phase.summary
    {
        doc = doc.add_paragraph(Paragraph::new().add_run(Run::new().add_text(summary).italic().color(MUTED)));
    }
    if c.actions.is_empty() {
        doc = doc.add_paragraph(Paragraph::new().add_run(Run::new().add_text("Nothing remains to do in this phase.")));
    }
    for action in &c.actions {
        doc = add_action(doc, c, action);
    }
    doc
}

/// The section "What comes next", when a later phase remains.
pub(super) fn later(mut doc: Docx, c: &ReportContext) -> Docx {
    if !c.later_phases.is_empty() {
        doc = doc.add_paragraph(h(1, "What comes next"));
        for phase in &c.later_phases {
            if c.options.detail == Detail::All {
                doc = doc
                    .add_paragraph(h(2, &format!("{}. {}", phase.number, phase.name)))
                    .add_paragraph(plain(&format!(
                        "Goal: {}{}.",
                        phase.goal,
                        if phase.ours { "*" } else { "" }
                    )));
                if let Some(summary) = &phase.summary {
                    doc =
                        doc.add_paragraph(Paragraph::new().add_run(Run::new().add_text(summary).italic().color(MUTED)));
                }
                for task in &phase.tasks {
                    doc = add_task(doc, c, task);
                }
            } else {
                let mut runs = vec![
                    Run::new().add_text(format!("{}. {}.", phase.number, phase.name)).bold(),
                    Run::new().add_text(format!(" Goal: {}{}.", phase.goal, if phase.ours { "*" } else { "" })),
                ];
                if !phase.tasks.is_empty() {
                    let titles: Vec<&str> = phase.tasks.iter().map(|t| t.title.as_str()).collect();
                    runs.push(Run::new().add_text(format!(" Important tasks: {}.", titles.join("; "))));
                }
                doc = doc.add_paragraph(bullet(runs));
            }
        }
    }
    doc
}

fn because(c: &ReportContext, answers: &[AnswerInfo]) -> Paragraph {
    let mut p = Paragraph::new().add_run(Run::new().add_text("Because you answered: ").color(MUTED));
    for (i, a) in answers.iter().enumerate() {
        if i > 0 {
            p = p.add_run(Run::new().add_text("; ").color(MUTED));
        }
        p = p
            .add_run(Run::new().add_text(&a.question).italic().color(MUTED))
            .add_run(
                Run::new()
                    .add_text(format!(" — {}", a.label.as_deref().unwrap_or("not yet answered")))
                    .color(MUTED),
            );
        if let Some(note) = &a.note {
            p = p.add_run(Run::new().add_text(format!(" ({note})")).color(MUTED));
        }
        if c.options.ids {
            p = p.add_run(Run::new().add_text(format!(" ({})", a.id)).color(MUTED));
        }
    }
    p
}

fn resource_item(r: &ResourceInfo) -> Paragraph {
    let mut p = Paragraph::new().numbering(NumberingId::new(BULLETS), IndentLevel::new(0));
    p = match &r.url {
        Some(url) => p.add_hyperlink(link(url, &r.title)),
        None => p.add_run(Run::new().add_text(&r.title)),
    };
    let duration = r.duration.as_ref().map(|d| format!(", {d}")).unwrap_or_default();
    let number = r.number.map(|n| format!(" [{n}]")).unwrap_or_default();
    p.add_run(
        Run::new()
            .add_text(format!(" ({}{duration}){number}", r.type_label))
            .color(MUTED),
    )
}

fn add_action(mut doc: Docx, c: &ReportContext, a: &ActionInfo) -> Docx {
    let mut label = Run::new().add_text(&a.label).italic().color(INK);
    label = label.shading(Shading::new().fill(match a.priority {
        Some(Priority::High) => "FDE2E1",
        Some(Priority::Medium) => "FFF3C4",
        Some(Priority::Low) => "E4E7EB",
        None => "E0ECF8",
    }));
    let mut label = Paragraph::new().keep_next(true).add_run(label);
    if c.options.ids {
        let ids: Vec<&str> = a
            .recommendation
            .as_deref()
            .into_iter()
            .chain(a.task.as_ref().map(|t| t.id.as_str()))
            .collect();
        label = label.add_run(Run::new().add_text(format!(" ({})", ids.join(", "))).color(MUTED));
    }
    doc = doc
        .add_paragraph(h(
            2,
            &format!("{}. {}{}", a.number, a.title, if a.ours { "*" } else { "" }),
        ))
        .add_paragraph(label);
    match (&a.text, &a.guidance) {
        (Some(text), guidance) => {
            doc = doc.add_paragraph(plain(text));
            if let (Some(g), Detail::All) = (guidance, c.options.detail) {
                doc = doc.add_paragraph(plain(&format!("From the framework: {g}")));
            }
        }
        (None, Some(g)) => doc = doc.add_paragraph(plain(g)),
        (None, None) => {}
    }
    if !a.because.is_empty() {
        doc = doc.add_paragraph(because(c, &a.because));
    }
    for r in &a.resources {
        doc = doc.add_paragraph(resource_item(r));
    }
    doc
}

fn add_task(mut doc: Docx, c: &ReportContext, t: &TaskInfo) -> Docx {
    let title = if c.options.ids {
        format!("{} ({})", t.title, t.id)
    } else {
        t.title.clone()
    };
    doc = doc
        .add_paragraph(h(3, &title))
        .add_paragraph(muted(&format!("Important task, {}", t.status_label)));
    if let Some(g) = &t.guidance {
        doc = doc.add_paragraph(plain(g));
    }
    for r in &t.resources {
        doc = doc.add_paragraph(resource_item(r));
    }
    doc
}
