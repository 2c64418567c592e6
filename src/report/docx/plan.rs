//! The action plan: the open tasks and recommendations with owner, due date and status, then
//! the implementation timeline drawn as a Gantt chart (a picture of the HTML report's SVG)
//! with a table of its activities and what its checks found.

use docx_rs::{Docx, Run};

use super::parts::{bullet, columns, h, muted, picture, plain, table};
use crate::report::Format;
use crate::report::image::svg_to_png;
use crate::report::plan::{PlanInfo, TimelineInfo};
use crate::report::templates::{RenderOptions, render_data};

/// The section "Action plan".
pub(super) fn add(mut doc: Docx, plan: &PlanInfo, text_width: u32) -> Result<Docx, String> {
    doc = doc.add_paragraph(h(1, "Action plan")).add_paragraph(muted(&format!(
        "{}{}, as of {}: {} open, {} overdue, {} without an owner.",
        plan.phase_name,
        if plan.all { " and later phases" } else { "" },
        plan.date,
        plan.items.len(),
        plan.overdue,
        plan.without_owner
    )));
    if !plan.items.is_empty() {
        let rows = plan
            .items
            .iter()
            .map(|item| {
                let priority = item.priority.map(|p| format!(", {}", p.name())).unwrap_or_default();
                let what = format!("{} ({}{priority}; {})", item.title, item.kind, item.progress);
                let mut due = item.due.clone().unwrap_or_else(|| "—".to_string());
                if let Some(days) = item.days_overdue {
                    due.push_str(&format!(
                        " (overdue by {days} {})",
                        if days == 1 { "day" } else { "days" }
                    ));
                }
                vec![
                    what,
                    item.phase_name.clone().unwrap_or_default(),
                    item.owner.clone().unwrap_or_else(|| "no owner".to_string()),
                    due,
                    item.status.clone().unwrap_or_default(),
                ]
            })
            .collect();
        doc = doc.add_table(table(
            &["What", "Phase", "Owner", "Due", "Status"],
            &columns(text_width, &[38, 16, 14, 16, 16]),
            rows,
        ));
    }
    if let Some(timeline) = &plan.timeline {
        doc = add_timeline(doc, timeline, text_width)?;
    }
    Ok(doc)
}

/// The timeline: the chart, the activities, and what the checks found.
fn add_timeline(mut doc: Docx, timeline: &TimelineInfo, text_width: u32) -> Result<Docx, String> {
    doc = doc.add_paragraph(h(2, "Implementation timeline"));
    if let Some(chart) = &timeline.chart {
        let svg =
            render_data(Format::Html, Some("gantt"), chart, &RenderOptions::default()).map_err(|d| d.to_string())?;
        let png = svg_to_png(&svg, 3.0)?;
        // At most the text's width (15 twips a pixel), drawn at three times its size for print.
        let width = (text_width / 15).min(png.width / 3);
        doc = doc.add_paragraph(docx_rs::Paragraph::new().add_run(picture(
            &png,
            width,
            width * png.height / png.width.max(1),
        )));
    }
    let rows = timeline
        .activities
        .iter()
        .map(|a| {
            vec![
                a.title.clone(),
                a.dates.clone().unwrap_or_else(|| "—".to_string()),
                a.status.clone(),
                a.location.clone().unwrap_or_default(),
            ]
        })
        .collect();
    doc = doc.add_table(table(
        &["Activity", "Dates", "Status", "Where"],
        &columns(text_width, &[36, 31, 14, 19]),
        rows,
    ));
    if timeline.findings.is_empty() {
        doc = doc.add_paragraph(plain(
            "The checks find nothing out of order, too close or too far apart.",
        ));
    } else {
        doc = doc.add_paragraph(plain("To look at:"));
        for finding in &timeline.findings {
            doc = doc.add_paragraph(bullet(vec![Run::new().add_text(&finding.message)]));
        }
    }
    if let Some(counts) = &timeline.counts_as {
        doc = doc.add_paragraph(muted(counts));
    }
    Ok(doc)
}
