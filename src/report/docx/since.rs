//! What changed since an earlier assessment (`assess --since`): the phase then and now,
//! each phase's score, the gates, tasks and recommendations that changed, and the answers.

use docx_rs::{Docx, Paragraph, Run};

use super::parts::{bullet, columns, h, plain, table};
use crate::assess::compare::{Comparison, Standing};

/// The section "Since your last assessment".
pub(super) fn add(mut doc: Docx, since: &Comparison, text_width: u32) -> Docx {
    let title = match &since.date {
        Some(date) => format!("Since your last assessment on {date}"),
        None => "Since your last assessment".to_string(),
    };
    let standing = |s: &Standing| {
        if s.complete {
            "every phase met".to_string()
        } else {
            s.phase.name.to_string()
        }
    };
    doc = doc.add_paragraph(h(1, &title)).add_paragraph(
        Paragraph::new()
            .add_run(Run::new().add_text("Phase: ").bold())
            .add_run(Run::new().add_text(format!(
                "{} → {}{}",
                standing(&since.before),
                standing(&since.after),
                if since.moved { "" } else { " (unchanged)" }
            ))),
    );
    let rows = since
        .phases
        .iter()
        .map(|p| {
            let mut change = p.change_text.clone();
            if p.met_after && !p.met_before {
                change.push_str(", now met");
            } else if p.met_before && !p.met_after {
                change.push_str(", no longer met");
            }
            vec![p.name.clone(), p.before.to_string(), p.after.to_string(), change]
        })
        .collect();
    doc = doc.add_table(table(
        &["Phase", "Before", "Now", "Change"],
        &columns(text_width, &[49, 15, 15, 21]),
        rows,
    ));
    let gates = |list: &[crate::assess::compare::GateChange]| {
        list.iter()
            .map(|g| format!("{}: {}", g.phase_name, g.reason))
            .collect::<Vec<_>>()
    };
    let tasks = |list: &[crate::assess::compare::TaskChange]| {
        list.iter()
            .map(|t| format!("{} ({} → {})", t.title, t.before, t.after))
            .collect::<Vec<_>>()
    };
    let recommendations = |list: &[crate::assess::compare::RecommendationChange]| {
        list.iter().map(|r| r.title.clone()).collect::<Vec<_>>()
    };
    for (heading, items) in [
        ("No longer in the way", gates(&since.gates_now_hold)),
        ("Now in the way", gates(&since.gates_no_longer_hold)),
        ("Tasks finished", tasks(&since.tasks_finished)),
        ("Tasks started", tasks(&since.tasks_started)),
        ("Tasks no longer done", tasks(&since.tasks_reopened)),
        (
            "Recommendations resolved",
            recommendations(&since.recommendations_resolved),
        ),
        ("New recommendations", recommendations(&since.recommendations_new)),
    ] {
        if !items.is_empty() {
            doc = doc.add_paragraph(h(2, heading));
            for item in items {
                doc = doc.add_paragraph(bullet(vec![Run::new().add_text(item)]));
            }
        }
    }
    if since.answers_changed.is_empty() {
        doc = doc.add_paragraph(plain("No answer changed."));
    } else {
        let rows = since
            .answers_changed
            .iter()
            .map(|a| vec![a.question.clone(), a.before_label.clone(), a.after_label.clone()])
            .collect();
        doc = doc.add_paragraph(h(2, "Answers changed")).add_table(table(
            &["Question", "Before", "Now"],
            &columns(text_width, &[60, 20, 20]),
            rows,
        ));
    }
    if !since.gone.is_empty() {
        let version = since
            .earlier_version
            .as_ref()
            .map(|v| format!(" (for version {v} of the framework)"))
            .unwrap_or_default();
        doc = doc.add_paragraph(plain(&format!(
            "Answered then{version}, but no longer asked: {}.",
            since.gone.join(", ")
        )));
    }
    doc
}
