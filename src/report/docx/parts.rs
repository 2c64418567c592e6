//! The Word document's building blocks: heading styles, paragraphs of each kind, bullets,
//! links, pictures, the footer and table cells, in the report's look.

use docx_rs::{
    AlignmentType, Footer, Hyperlink, HyperlinkType, IndentLevel, LineSpacing, LineSpacingType, NumPages, NumberingId,
    PageNum, Paragraph, Pic, Run, Shading, Style, StyleType, Table, TableCell, TableLayoutType, TableRow, WidthType,
};

use super::{BULLETS, EMU_PER_PX, MUTED};
use crate::report::context::ReportContext;
use crate::report::image::Png;

/// A heading style Word and LibreOffice know as a heading (outline level), kept with the
/// paragraph that follows it.
pub(super) fn heading(id: &str, name: &str, half_points: usize, color: &str, level: usize) -> Style {
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

pub(super) fn h(level: usize, text: &str) -> Paragraph {
    Paragraph::new()
        .style(&format!("Heading{level}"))
        .keep_next(true)
        .add_run(Run::new().add_text(text))
}

pub(super) fn plain(text: &str) -> Paragraph {
    Paragraph::new().add_run(Run::new().add_text(text))
}

pub(super) fn muted(text: &str) -> Paragraph {
    Paragraph::new().add_run(Run::new().add_text(text).color(MUTED))
}

pub(super) fn small(text: &str) -> Paragraph {
    Paragraph::new().add_run(Run::new().add_text(text).size(16).color(MUTED))
}

pub(super) fn bullet(runs: Vec<Run>) -> Paragraph {
    runs.into_iter().fold(
        Paragraph::new().numbering(NumberingId::new(BULLETS), IndentLevel::new(0)),
        Paragraph::add_run,
    )
}

pub(super) fn link(url: &str, text: &str) -> Hyperlink {
    Hyperlink::new(url, HyperlinkType::External).add_run(Run::new().add_text(text).style("Hyperlink"))
}

/// A picture `width` × `height` pixels on the page (96 an inch), of a PNG of any size.
pub(super) fn picture(png: &Png, width: u32, height: u32) -> Run {
    let pic = Pic::new_with_dimensions(png.bytes.clone(), png.width, png.height)
        .size(width * EMU_PER_PX, height * EMU_PER_PX);
    Run::new().add_image(pic)
}

pub(super) fn footer(c: &ReportContext) -> Footer {
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

pub(super) fn cell(text: &str, width: usize) -> TableCell {
    TableCell::new()
        .width(width, WidthType::Dxa)
        .add_paragraph(Paragraph::new().add_run(Run::new().add_text(text)))
}

/// A table of fixed layout across `widths` (in twentieths of a point), with a shaded header
/// row kept with the first row, and rows that are never split across pages.
pub(super) fn table(headers: &[&str], widths: &[usize], rows: Vec<Vec<String>>) -> Table {
    let head = TableRow::new(
        headers
            .iter()
            .zip(widths)
            .map(|(text, width)| {
                TableCell::new()
                    .width(*width, WidthType::Dxa)
                    .shading(Shading::new().fill("D9E2EC"))
                    .add_paragraph(
                        Paragraph::new()
                            .keep_next(true)
                            .add_run(Run::new().add_text(*text).bold()),
                    )
            })
            .collect(),
    )
    .cant_split();
    let body = rows.into_iter().map(|row| {
        TableRow::new(row.iter().zip(widths).map(|(text, width)| cell(text, *width)).collect()).cant_split()
    });
    Table::new(std::iter::once(head).chain(body).collect())
        .set_grid(widths.to_vec())
        .layout(TableLayoutType::Fixed)
        .width(widths.iter().sum(), WidthType::Dxa)
}

/// Column widths that fill `total` in the given proportions (percent), the last column
/// taking what rounding leaves.
pub(super) fn columns(total: u32, percents: &[usize]) -> Vec<usize> {
    let total = total as usize;
    let mut widths: Vec<usize> = percents.iter().map(|p| total * p / 100).collect();
    let rest: usize = widths.iter().rev().skip(1).sum();
    if let Some(last) = widths.last_mut() {
        *last = total - rest;
    }
    widths
}
