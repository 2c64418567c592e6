//! The geometry of the timeline's Gantt chart: one row per activity, a bar from its first
//! to its last day, a line for each month and one for the plan's date. HTML draws it as an
//! inline SVG (`templates/html/gantt.hbs`). Whole pixels, so the same dates draw the same
//! chart byte for byte.

use jiff::ToSpan;
use jiff::civil::Date;
use serde::Serialize;

use super::plan::ActivityInfo;
use crate::assess::timeline::days;

/// The chart's width, in SVG units.
const WIDTH: i64 = 720;
/// Where the bars' area starts: the activities' names are to its left.
const LEFT: i64 = 300;
/// Where the bars' area ends.
const RIGHT: i64 = 700;
/// The top of the first row (month names are above it).
const TOP: i64 = 26;
/// The height of a row.
const ROW: i64 = 26;

/// How far right of its line a month's name starts.
const LABEL_INSET: i64 = 3;
/// The least room between two month names.
const LABEL_GAP: i64 = 6;

/// The width of a label at the chart's 12-unit font, generously: 7.5 units a character,
/// as wide as DejaVu Sans (the widest of the fonts a page may fall back to) writes them.
fn label_width(label: &str) -> i64 {
    i64::try_from(label.chars().count()).unwrap_or(i64::MAX / 16) * 15 / 2
}

/// A Gantt chart, ready to draw.
#[derive(Debug, Clone, Serialize)]
pub struct Gantt {
    /// Width of the drawing.
    pub width: i64,
    /// Height of the drawing.
    pub height: i64,
    /// Where the bars' area starts and ends.
    pub left: i64,
    /// Where the bars' area ends.
    pub right: i64,
    /// The first day shown, `YYYY-MM-DD`.
    pub from: String,
    /// The last day shown, `YYYY-MM-DD`.
    pub to: String,
    /// One row per activity, in order.
    pub rows: Vec<GanttRow>,
    /// A line at the start of each month.
    pub months: Vec<GanttTick>,
    /// The line of the plan's date, when it falls in the chart.
    pub today: Option<GanttTick>,
    /// The bottom of the last row (where the month and today lines end).
    pub bottom: i64,
}

/// One row of the chart.
#[derive(Debug, Clone, Serialize)]
pub struct GanttRow {
    /// The activity.
    pub title: String,
    /// The dates in words; null when not dated.
    pub dates: Option<String>,
    /// Where the activity's name is written (its baseline).
    pub text_y: i64,
    /// The bar's top.
    pub y: i64,
    /// The bar's left edge; null when not dated.
    pub x: Option<i64>,
    /// The bar's width (at least 4, so that a day shows); null when not dated.
    pub w: Option<i64>,
    /// The bar's colour, by the activity's status: done, flagged by a check, past and not
    /// done, or to come.
    pub fill: String,
    /// The activity's status in words.
    pub status: String,
}

/// A vertical line with a label.
#[derive(Debug, Clone, Serialize)]
pub struct GanttTick {
    /// Where it is.
    pub x: i64,
    /// Its label: a month (`Jan 2026`, or `Feb`), or the plan's date.
    pub label: String,
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// The chart of the activities; `None` when none is dated.
pub fn gantt(activities: &[ActivityInfo], today: Option<Date>) -> Option<Gantt> {
    let dated: Vec<(Date, Date)> = activities
        .iter()
        .filter_map(|a| Some((a.start.as_deref()?.parse().ok()?, a.end.as_deref()?.parse().ok()?)))
        .collect();
    let first = dated.iter().map(|(s, _)| *s).min()?;
    let last = dated.iter().map(|(_, e)| *e).max()?;
    // Whole months, from the first of the first month to the first of the month after the last.
    let from = first.first_of_month();
    let to = last.first_of_month().checked_add(1.month()).ok()?;
    let total = days(from, to).max(1);
    let x_of = |d: Date| LEFT + days(from, d) * (RIGHT - LEFT) / total;
    let rows: Vec<GanttRow> = activities
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let y = TOP + i64::try_from(i).unwrap_or(0) * ROW;
            let span: Option<(Date, Date)> = a
                .start
                .as_deref()
                .and_then(|s| s.parse().ok())
                .zip(a.end.as_deref().and_then(|e| e.parse().ok()));
            let fill = if a.done {
                "#7b8794"
            } else if a.flagged {
                "#c0392b"
            } else if a.status == "past, not done" {
                "#d68910"
            } else {
                "#2f6f9f"
            };
            GanttRow {
                title: a.title.clone(),
                dates: a.dates.clone(),
                text_y: y + 17,
                y: y + 5,
                x: span.map(|(s, _)| x_of(s)),
                w: span.and_then(|(s, e)| e.checked_add(1.day()).ok().map(|e| (x_of(e) - x_of(s)).max(4))),
                fill: fill.to_string(),
                status: a.status.clone(),
            }
        })
        .collect();
    let bottom = TOP + i64::try_from(rows.len()).unwrap_or(0) * ROW;
    let mut months = Vec::new();
    let mut month = from;
    // Where the last label written ends: a label that would run into it is left out (its
    // line stays), so narrow months never write over each other.
    let mut free_from = i64::MIN;
    while month < to {
        let name = MONTHS[usize::try_from(month.month() - 1).unwrap_or(0)];
        let x = x_of(month);
        let mut label = if month == from || month.month() == 1 {
            format!("{name} {}", month.year())
        } else {
            name.to_string()
        };
        if x + LABEL_INSET < free_from {
            label.clear();
        } else {
            free_from = x + LABEL_INSET + label_width(&label) + LABEL_GAP;
        }
        months.push(GanttTick { x, label });
        match month.checked_add(1.month()) {
            Ok(next) => month = next,
            Err(_) => break,
        }
    }
    let today = today.filter(|t| *t >= from && *t < to).map(|t| GanttTick {
        x: x_of(t),
        label: format!("today, {t}"),
    });
    Some(Gantt {
        width: WIDTH,
        height: bottom + 22,
        left: LEFT,
        right: RIGHT,
        from: from.to_string(),
        to: to.to_string(),
        rows,
        months,
        today,
        bottom,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn activity(title: &str, start: &str, end: &str) -> ActivityInfo {
        ActivityInfo {
            id: title.to_lowercase(),
            title: title.to_string(),
            help: None,
            dates: Some(format!("{start} to {end}")),
            start: Some(start.to_string()),
            end: Some(end.to_string()),
            location: None,
            done: false,
            status: "to come".to_string(),
            flagged: false,
        }
    }

    #[test]
    fn month_names_never_run_into_each_other() {
        for end in ["2027-10-31", "2028-04-20", "2029-12-31"] {
            let chart = gantt(&[activity("Recruitment", "2027-08-30", end)], None).unwrap();
            let written: Vec<&GanttTick> = chart.months.iter().filter(|m| !m.label.is_empty()).collect();
            assert_eq!(written[0].label, "Aug 2027", "the first month carries its year");
            for pair in written.windows(2) {
                let end_of_first = pair[0].x + LABEL_INSET + label_width(&pair[0].label);
                assert!(
                    end_of_first < pair[1].x + LABEL_INSET,
                    "{:?} runs into {:?}",
                    pair[0],
                    pair[1]
                );
            }
            // Every month keeps its line, written or not.
            assert!(chart.months.windows(2).all(|m| m[0].x < m[1].x));
        }
        // With room to spare, every month is named.
        let chart = gantt(&[activity("Recruitment", "2027-08-01", "2027-10-31")], None).unwrap();
        let labels: Vec<&str> = chart.months.iter().map(|m| m.label.as_str()).collect();
        assert_eq!(labels, ["Aug 2027", "Sep", "Oct"]);
    }
}
