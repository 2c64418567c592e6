//! `--format docx`: the report as a Word document, written natively with `docx-rs`, in the
//! same order as the HTML report: the summary with the progress chart (a picture), what to
//! do now, what comes next, and the appendix (the answers in a table, the resources, the
//! method). Headings are Word's own heading styles, links are real links, and the page
//! carries the organization in its header and the page number in its footer, so that a
//! consultant can paste any part into their own report.

use docx_rs::{
    AbstractNumbering, AlignmentType, BreakType, Docx, Footer, Header, Hyperlink, HyperlinkType, IndentLevel, Level,
    LevelJc, LevelText, LineSpacing, LineSpacingType, NumPages, NumberFormat, Numbering, NumberingId, PageMargin,
    PageNum, Paragraph, Pic, Run, RunFonts, Shading, SpecialIndentType, Start, Style, StyleType, Table, TableCell,
    TableLayoutType, TableRow, WidthType,
};

use super::Format;
use super::context::{ActionInfo, AnswerInfo, ReportContext, ResourceInfo, TaskInfo};
use super::format::{Detail, Paper};
use super::image::{Png, logo_png, svg_to_png};
use super::templates::{RenderOptions, render_data};
use crate::rules::Priority;

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

    // What to do now.
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

    // What comes next.
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

    // The appendix.
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

/// A heading style Word and LibreOffice know as a heading (outline level), kept with the
/// paragraph that follows it.
fn heading(id: &str, name: &str, half_points: usize, color: &str, level: usize) -> Style {
    let style = Style::new(id, StyleType::Paragraph)
        .name(name)
        .based_on("Normal")
        .next("Normal")
        .q_format(true)
        .size(half_points)
        .color(color)
        .bold()
        .line_spacing(
            LineSpacing::new()
                .before(if level == 1 { 300 } else { 160 })
                .after(80)
                .line_rule(LineSpacingType::Auto)
                .line(240),
        );
    if level == 0 {
        style
    } else {
        style.outline_lvl(level - 1)
    }
}

fn h(level: usize, text: &str) -> Paragraph {
    Paragraph::new()
        .style(&format!("Heading{level}"))
        .keep_next(true)
        .add_run(Run::new().add_text(text))
}

fn plain(text: &str) -> Paragraph {
    Paragraph::new().add_run(Run::new().add_text(text))
}

fn muted(text: &str) -> Paragraph {
    Paragraph::new().add_run(Run::new().add_text(text).color(MUTED))
}

fn small(text: &str) -> Paragraph {
    Paragraph::new().add_run(Run::new().add_text(text).size(16).color(MUTED))
}

fn bullet(runs: Vec<Run>) -> Paragraph {
    runs.into_iter().fold(
        Paragraph::new().numbering(NumberingId::new(BULLETS), IndentLevel::new(0)),
        Paragraph::add_run,
    )
}

fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().collect::<String>() + chars.as_str())
        .unwrap_or_default()
}

fn link(url: &str, text: &str) -> Hyperlink {
    Hyperlink::new(url, HyperlinkType::External).add_run(Run::new().add_text(text).style("Hyperlink"))
}

/// A picture `width` × `height` pixels on the page (96 an inch), of a PNG of any size.
fn picture(png: &Png, width: u32, height: u32) -> Run {
    let pic = Pic::new_with_dimensions(png.bytes.clone(), png.width, png.height)
        .size(width * EMU_PER_PX, height * EMU_PER_PX);
    Run::new().add_image(pic)
}

fn footer(c: &ReportContext) -> Footer {
    let mut p = Paragraph::new().align(AlignmentType::Right);
    if let Some(text) = c.brand.as_ref().and_then(|b| b.footer.as_deref()) {
        p = p.add_run(Run::new().add_text(format!("{text} · ")).size(16).color(MUTED));
    }
    p = p
        .add_run(Run::new().add_text("Page ").size(16).color(MUTED))
        .add_page_num(PageNum::new())
        .add_run(Run::new().add_text(" of ").size(16).color(MUTED))
        .add_num_pages(NumPages::new());
    Footer::new().add_paragraph(p)
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

fn cell(text: &str, width: usize) -> TableCell {
    TableCell::new()
        .width(width, WidthType::Dxa)
        .add_paragraph(Paragraph::new().add_run(Run::new().add_text(text)))
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
