//! The appendix: every answer in a table, what to find out, the resources numbered with
//! their addresses, and how the assessment is made.

use docx_rs::{
    BreakType, Docx, Paragraph, Run, Shading, SpecialIndentType, Table, TableCell, TableLayoutType, TableRow, WidthType,
};

use super::MUTED;
use super::parts::{cell, h, link, plain, small};
use crate::report::context::{ReportContext, ResourceInfo};
use crate::report::format::Detail;

/// The appendix, on a new page.
pub(super) fn add(mut doc: Docx, c: &ReportContext, text_width: u32) -> Docx {
    doc = doc
        .add_paragraph(h(1, "Appendix").page_break_before(true))
        .add_paragraph(h(2, "Your answers"));
    doc = doc.add_table(answers_table(c, text_width));
    for (title, list) in [
        ("To find out (answered “Don't know”): ", &c.to_find_out),
        ("Not applicable, left out of the scores: ", &c.not_applicable),
    ] {
        if !list.is_empty() {
            let items: Vec<String> = list
                .iter()
                .map(|a| match &a.note {
                    Some(note) => format!("{} ({note})", a.question),
                    None => a.question.clone(),
                })
                .collect();
            doc = doc.add_paragraph(
                Paragraph::new()
                    .add_run(Run::new().add_text(title).bold())
                    .add_run(Run::new().add_text(items.join(" · "))),
            );
        }
    }
    if !c.resources_by_type.is_empty() {
        doc = doc.add_paragraph(h(2, "Resources"));
        for group in &c.resources_by_type {
            doc = doc.add_paragraph(h(3, &group.title));
            for r in &group.resources {
                doc = doc.add_paragraph(reference(c, r));
            }
        }
    }
    doc = doc
        .add_paragraph(h(2, "How the assessment is made"))
        .add_paragraph(plain(&c.method));
    if let Some(note) = &c.ours_note {
        doc = doc.add_paragraph(plain(note));
    }
    doc = doc.add_paragraph(small(&format!(
        "How this was made: {} {}, rule set {} {} ({}), {}.",
        c.generator.name, c.generator.version, c.framework.id, c.framework.version, c.framework.digest, c.date_long
    )));
    doc
}

/// Every answer by part: the question (three fifths of the width) and the answer in words.
fn answers_table(c: &ReportContext, text_width: u32) -> Table {
    let text_width = text_width as usize;
    let question = text_width * 62 / 100;
    let answer = text_width - question;
    let mut rows = vec![
        TableRow::new(vec![
            TableCell::new()
                .width(question, WidthType::Dxa)
                .shading(Shading::new().fill("D9E2EC"))
                .add_paragraph(Paragraph::new().add_run(Run::new().add_text("Question").bold())),
            TableCell::new()
                .width(answer, WidthType::Dxa)
                .shading(Shading::new().fill("D9E2EC"))
                .add_paragraph(Paragraph::new().add_run(Run::new().add_text("Answer").bold())),
        ])
        .cant_split(),
    ];
    for group in &c.answers {
        rows.push(
            TableRow::new(vec![
                TableCell::new()
                    .width(text_width, WidthType::Dxa)
                    .grid_span(2)
                    .shading(Shading::new().fill("F0F4F8"))
                    .add_paragraph(
                        Paragraph::new()
                            .keep_next(true)
                            .add_run(Run::new().add_text(&group.title).bold()),
                    ),
            ])
            .cant_split(),
        );
        for a in &group.answers {
            let mark = if a.ours { "*" } else { "" };
            let q = if c.options.ids {
                format!("{}{mark} ({})", a.question, a.id)
            } else {
                format!("{}{mark}", a.question)
            };
            let label = match (&a.label, &a.note) {
                (Some(label), Some(note)) => format!("{label}: {note}"),
                (Some(label), None) => label.clone(),
                (None, _) => "not yet answered".to_string(),
            };
            rows.push(TableRow::new(vec![cell(&q, question), cell(&label, answer)]).cant_split());
        }
        if !group.unanswered.is_empty() {
            let list: Vec<String> = group
                .unanswered
                .iter()
                .map(|a| {
                    if c.options.ids {
                        format!("{} ({})", a.question, a.id)
                    } else {
                        a.question.clone()
                    }
                })
                .collect();
            rows.push(TableRow::new(vec![
                TableCell::new()
                    .width(text_width, WidthType::Dxa)
                    .grid_span(2)
                    .add_paragraph(
                        Paragraph::new()
                            .add_run(Run::new().add_text("Not yet answered: ").color(MUTED))
                            .add_run(Run::new().add_text(list.join(" · "))),
                    ),
            ]));
        }
    }
    Table::new(rows)
        .set_grid(vec![question, answer])
        .layout(TableLayoutType::Fixed)
        .width(text_width, WidthType::Dxa)
}

/// One numbered reference of the appendix, with its address written out as a link.
fn reference(c: &ReportContext, r: &ResourceInfo) -> Paragraph {
    let mut text = format!("[{}] {}", r.number.unwrap_or(0), r.title);
    if let (Some(authors), Detail::All) = (&r.authors, c.options.detail) {
        text.push_str(&format!(", {authors}"));
    }
    if let Some(year) = &r.year {
        text.push_str(&format!(" ({year})"));
    }
    if let Some(duration) = &r.duration {
        text.push_str(&format!(", {duration}"));
    }
    text.push('.');
    let mut p = Paragraph::new()
        .indent(Some(480), Some(SpecialIndentType::Hanging(480)), None, None)
        .add_run(Run::new().add_text(text));
    if let Some(url) = &r.url {
        p = p.add_run(Run::new().add_text(" ")).add_hyperlink(link(url, url));
    }
    if c.options.detail == Detail::All {
        p = p
            .add_run(Run::new().add_break(BreakType::TextWrapping))
            .add_run(Run::new().add_text(&r.description).color(MUTED));
    }
    p
}
