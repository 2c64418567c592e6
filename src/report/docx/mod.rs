//! `--format docx`: the report as a Word document, written natively with `docx-rs`, in the
//! same order as the HTML report: the summary with the progress chart (a picture), what
//! changed since an earlier assessment, what to do now, what comes next, the team's answers,
//! the action plan with the timeline's Gantt chart (a picture), and the appendix (the
//! answers in a table, the resources, the method). Headings are Word's own heading styles, links are real links, and the page
//! carries the organization in its header and the page number in its footer, so that a
//! consultant can paste any part into their own report.

use docx_rs::{
    AbstractNumbering, AlignmentType, Docx, Header, Level, LevelJc, LevelText, LineSpacing, LineSpacingType,
    NumberFormat, Numbering, PageMargin, Paragraph, Run, RunFonts, SpecialIndentType, Start, Style, StyleType,
};

mod actions;
mod appendix;
mod parts;
mod plan;
mod since;
mod team;

use self::parts::{bullet, footer, h, heading, muted, picture, small};
use super::Format;
use super::context::ReportContext;
use super::format::Paper;
use super::image::{logo_png, svg_to_png};
use super::templates::{RenderOptions, render_data};
use crate::words::capitalized;

/// The bullet list numbering's id.
const BULLETS: usize = 2;
const INK: &str = "1F2933";
const MUTED: &str = "52606D";
/// English Metric Units in a pixel at 96 pixels an inch.
const EMU_PER_PX: u32 = 9525;

/// Builds the Word document of a report; the error says what went wrong.
pub fn document(c: &ReportContext) -> Result<Vec<u8>, String> {
    let accent = c
        .brand
        .as_ref()
        .and_then(|b| b.accent.as_deref())
        .map_or("2F6F9F".to_string(), |a| a.trim_start_matches('#').to_ascii_uppercase());
    let paper = c.options.paper.unwrap_or(Paper::Letter);
    let (width, height) = paper.twips();
    let margin = 1080; // three quarters of an inch
    let text_width = width - 2 * margin;

    let mut doc = Docx::new()
        .page_size(width, height)
        .page_margin(
            PageMargin::new()
                .top(margin as i32)
                .bottom(margin as i32)
                .left(margin as i32)
                .right(margin as i32)
                .header(540)
                .footer(540),
        )
        .default_fonts(RunFonts::new().ascii("Calibri").hi_ansi("Calibri").cs("Calibri"))
        .default_size(20)
        .default_line_spacing(LineSpacing::new().after(100).line_rule(LineSpacingType::Auto).line(264))
        .add_style(heading("Title", "Title", 52, &accent, 0))
        .add_style(heading("Heading1", "Heading 1", 32, &accent, 1))
        .add_style(heading("Heading2", "Heading 2", 25, INK, 2))
        .add_style(heading("Heading3", "Heading 3", 22, INK, 3))
        .add_style(
            Style::new("Hyperlink", StyleType::Character)
                .name("Hyperlink")
                .color(accent.clone())
                .underline("single"),
        )
        .add_abstract_numbering(
            AbstractNumbering::new(BULLETS).add_level(
                Level::new(
                    0,
                    Start::new(1),
                    NumberFormat::new("bullet"),
                    LevelText::new("•"),
                    LevelJc::new("left"),
                )
                .indent(Some(360), Some(SpecialIndentType::Hanging(240)), None, None),
            ),
        )
        .add_numbering(Numbering::new(BULLETS, BULLETS))
        .header(Header::new().add_paragraph(small(&c.organization).align(AlignmentType::Right)))
        .footer(footer(c))
        .created_at(&format!("{}T00:00:00Z", c.date))
        .updated_at(&format!("{}T00:00:00Z", c.date));

    // The cover: logo, what this is, for whom, by whom, when.
    if let Some(logo) = c.brand.as_ref().and_then(|b| b.logo.as_ref()) {
        let png = logo_png(logo)?;
        doc = doc.add_paragraph(
            Paragraph::new()
                .align(AlignmentType::Right)
                .add_run(picture(&png, 180, 60)),
        );
    }
    doc = doc
        .add_paragraph(
            Paragraph::new().add_run(
                Run::new()
                    .add_text(format!("Readiness report · {}", c.framework.name))
                    .bold()
                    .color(accent.clone()),
            ),
        )
        .add_paragraph(
            Paragraph::new()
                .style("Title")
                .add_run(Run::new().add_text(&c.organization)),
        )
        .add_paragraph(muted(&format!(
            "Prepared for {}{} · {}",
            c.organization,
            c.brand
                .as_ref()
                .and_then(|b| b.prepared_by.as_deref())
                .map(|by| format!(" by {by}"))
                .unwrap_or_default(),
            c.date_long
        )));

    // The summary.
    doc = doc.add_paragraph(h(1, "Summary"));
    let mut headline = Paragraph::new().add_run(Run::new().add_text(&c.headline).bold());
    if !c.complete {
        let mark = if c.phase.ours { "*" } else { "" };
        headline = headline.add_run(Run::new().add_text(format!(" Goal of this phase: {}{mark}.", c.phase.goal)));
    }
    doc = doc.add_paragraph(headline);
    if !c.complete {
        doc = doc.add_paragraph(h(3, "What keeps you there"));
        for blocker in &c.phase.blockers {
            doc = doc.add_paragraph(bullet(vec![Run::new().add_text(format!("{}.", capitalized(blocker)))]));
        }
    }
    if let Some(note) = &c.stage_note {
        doc = doc.add_paragraph(Paragraph::new().add_run(Run::new().add_text(note).italic()).indent(
            Some(240),
            None,
            None,
            None,
        ));
    }
    if !c.next_steps.is_empty() {
        doc = doc.add_paragraph(h(
            3,
            if c.complete {
                "What to do next"
            } else {
                "The next three steps"
            },
        ));
        for step in &c.next_steps {
            doc = doc.add_paragraph(
                Paragraph::new()
                    .indent(Some(360), Some(SpecialIndentType::Hanging(360)), None, None)
                    .add_run(
                        Run::new()
                            .add_text(format!("{}.\u{a0}{}", step.number, step.title))
                            .bold(),
                    )
                    .add_run(Run::new().add_text(format!(" ({})", step.label)).color(MUTED)),
            );
        }
    }
    doc = doc.add_paragraph(h(3, "Progress by phase"));
    let svg = render_data(Format::Html, Some("chart"), c, &RenderOptions::default()).map_err(|d| d.to_string())?;
    let chart = svg_to_png(&svg, 3.0)?;
    // The chart at most the text's width, drawn at three times its size for print.
    let chart_px = (text_width / 15).min(chart.width / 3);
    doc = doc.add_paragraph(Paragraph::new().add_run(picture(
        &chart,
        chart_px,
        chart_px * chart.height / chart.width.max(1),
    )));

    if let Some(since) = &c.since {
        doc = since::add(doc, since, text_width);
    }
    doc = actions::now(doc, c);
    doc = actions::later(doc, c);
    if let Some(team) = &c.team {
        doc = team::add(doc, team, text_width);
    }
    if let Some(plan) = &c.plan {
        doc = plan::add(doc, plan, text_width)?;
    }
    doc = appendix::add(doc, c, text_width);

    let mut xml = doc.build();
    // docx-rs lists the links of a part in no fixed order: in Id order, the same report
    // is the same bytes.
    xml.document_rels = in_id_order(&xml.document_rels);
    for rels in xml.header_rels.iter_mut().chain(xml.footer_rels.iter_mut()) {
        *rels = in_id_order(rels);
    }
    let mut bytes = std::io::Cursor::new(Vec::new());
    xml.pack(&mut bytes)
        .map_err(|e| format!("cannot write the Word document: {e}"))?;
    Ok(bytes.into_inner())
}

/// A relationships part with its `<Relationship …/>` elements in the order of their Ids
/// (`rId2` before `rId10`).
fn in_id_order(xml: &[u8]) -> Vec<u8> {
    let Ok(text) = std::str::from_utf8(xml) else {
        return xml.to_vec();
    };
    let Some(first) = text.find("<Relationship ") else {
        return xml.to_vec();
    };
    let Some(end) = text.rfind("</Relationships>") else {
        return xml.to_vec();
    };
    let mut items: Vec<&str> = text[first..end]
        .split_inclusive("/>")
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    let key = |item: &str| {
        let id = item
            .split("Id=\"")
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .unwrap_or_default()
            .to_string();
        let digits = id.trim_start_matches(|c: char| !c.is_ascii_digit());
        let stem = id[..id.len() - digits.len()].to_string();
        (stem, digits.parse::<u64>().unwrap_or(0), id)
    };
    items.sort_by_key(|item| key(item));
    format!("{}{}{}", &text[..first], items.concat(), &text[end..]).into_bytes()
}
