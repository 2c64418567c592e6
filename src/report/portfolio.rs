//! A portfolio written as it is assessed, row by row: CSV, JSON, Markdown or HTML. Only
//! the summary waits for the end, so the rows never have to be held in memory.

use std::io::Write;

use super::csv::cell;
use super::escape::markdown_escape;
use super::format::Format;
use crate::portfolio::{Failure, Outcome, Row, SummaryData};
use crate::rules::Framework;

/// Writes a portfolio in one format.
pub struct PortfolioWriter<'a> {
    format: Format,
    framework: &'a Framework,
    out: Sink<'a>,
    rows: usize,
}

enum Sink<'a> {
    Csv(Box<csv::Writer<&'a mut dyn Write>>),
    Text(&'a mut dyn Write),
}

/// What went wrong with a file, in one line: the first problem, and how many more.
pub fn failure_text(failure: &Failure) -> String {
    let problems = &failure.problems.0;
    let Some(first) = problems.first() else {
        return "could not be assessed".to_string();
    };
    let more = match problems.len() - 1 {
        0 => String::new(),
        1 => " (and 1 more problem)".to_string(),
        n => format!(" (and {n} more problems)"),
    };
    format!("{}: {}{more}", first.location(), first.message)
}

fn csv_error(e: csv::Error) -> std::io::Error {
    std::io::Error::other(e.to_string())
}

fn yes_no(b: bool) -> &'static str {
    if b { "yes" } else { "no" }
}

fn html(text: &str) -> String {
    handlebars::html_escape(text)
}

/// A file's path for an HTML cell: escaped, and free to wrap after each `/`.
fn html_path(path: &str) -> String {
    html(path).replace('/', "/<wbr>")
}

const STYLE: &str = "body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 75rem; padding: 0 1rem; color: #1f2933; line-height: 1.45; }\n\
table { border-collapse: collapse; width: 100%; margin: .75rem 0; font-size: .9rem; }\n\
th, td { border-bottom: 1px solid #d9dee3; padding: .35rem .5rem; text-align: left; vertical-align: top; }\n\
th { background: #f2f4f6; }\n\
td.num { text-align: right; font-variant-numeric: tabular-nums; }\n\
tr.failed td { background: #fde2e1; }\n\
h2 { font-size: 1.3rem; margin-top: 2rem; border-bottom: 2px solid #d9dee3; }\n\
.wide { overflow-x: auto; }\n\
@page { size: landscape; margin: 12mm; }\n\
@media print { body { max-width: none; margin: 0; padding: 0; font-size: 9pt; } table { font-size: 7.5pt; } .wide { overflow: visible; } tr { break-inside: avoid; } }\n";

impl<'a> PortfolioWriter<'a> {
    /// Starts the output: the CSV header, the opening of the JSON object, the Markdown
    /// title or the HTML page up to the table's rows.
    pub fn start(format: Format, framework: &'a Framework, out: &'a mut dyn Write) -> std::io::Result<Self> {
        let phases: Vec<&str> = framework.phases.iter().map(|p| p.name.as_ref()).collect();
        let name = format!("{} ({} {})", framework.name, framework.id, framework.version);
        let out = match format {
            Format::Csv => {
                let mut w = csv::Writer::from_writer(out);
                let mut header: Vec<&str> = vec!["file", "organization", "org type", "educators", "phase", "complete"];
                header.extend(&phases);
                header.extend(["open tasks", "top recommendation", "error"]);
                w.write_record(&header).map_err(csv_error)?;
                Sink::Csv(Box::new(w))
            }
            Format::Json => {
                let head = serde_json::json!({
                    "id": framework.id, "name": framework.name, "version": framework.version, "digest": framework.digest,
                });
                writeln!(out, "{{\n  \"framework\": {head},\n  \"rows\": [")?;
                Sink::Text(out)
            }
            Format::Markdown => {
                writeln!(out, "# Portfolio\n\n{}\n", markdown_escape(&name))?;
                let mut header = vec!["File", "Organization", "Kind", "Educators", "Phase", "Complete"];
                header.extend(&phases);
                header.extend(["Open tasks", "Top recommendation"]);
                let escaped: Vec<String> = header.iter().map(|h| markdown_escape(h)).collect();
                writeln!(out, "| {} |", escaped.join(" | "))?;
                let mut align = vec!["---", "---", "---", "---:", "---", "---"];
                align.extend(phases.iter().map(|_| "---:"));
                align.extend(["---:", "---"]);
                writeln!(out, "| {} |", align.join(" | "))?;
                Sink::Text(out)
            }
            _ => {
                writeln!(
                    out,
                    "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
<meta name=\"generator\" content=\"{} {}\">\n<title>Portfolio</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n\
<h1>Portfolio</h1>\n<p>{}</p>\n<div class=\"wide\">\n<table>\n<thead><tr><th>File</th><th>Organization</th><th>Kind</th>\
<th>Educators</th><th>Phase</th><th>Complete</th>{}<th>Open tasks</th><th>Top recommendation</th></tr></thead>\n<tbody>",
                    env!("CARGO_PKG_NAME"),
                    env!("CARGO_PKG_VERSION"),
                    html(&name),
                    phases
                        .iter()
                        .map(|p| format!("<th>{}</th>", html(p)))
                        .collect::<String>()
                )?;
                Sink::Text(out)
            }
        };
        Ok(PortfolioWriter {
            format,
            framework,
            out,
            rows: 0,
        })
    }

    /// Writes one file's row.
    pub fn row(&mut self, outcome: &Outcome) -> std::io::Result<()> {
        let phases = self.framework.phases.len();
        let first = self.rows == 0;
        self.rows += 1;
        match (&mut self.out, self.format) {
            (Sink::Csv(w), _) => {
                let record: Vec<String> = match outcome {
                    Ok(row) => {
                        let mut r = vec![
                            cell(&row.file),
                            cell(&row.organization),
                            row.org_type_label.clone().unwrap_or_default(),
                            row.educators.map(|n| n.to_string()).unwrap_or_default(),
                            row.phase.name.clone(),
                            yes_no(row.complete).to_string(),
                        ];
                        r.extend(row.scores.iter().map(|s| s.score.to_string()));
                        r.push(row.open_tasks.to_string());
                        r.push(
                            row.top_recommendation
                                .as_ref()
                                .map(|t| t.title.clone())
                                .unwrap_or_default(),
                        );
                        r.push(String::new());
                        r
                    }
                    Err(failure) => {
                        let mut r = vec![cell(&failure.file)];
                        r.extend(std::iter::repeat_n(String::new(), 5 + phases + 2));
                        r.push(cell(&failure_text(failure)));
                        r
                    }
                };
                w.write_record(&record).map_err(csv_error)
            }
            (Sink::Text(out), Format::Json) => {
                let value = match outcome {
                    Ok(row) => serde_json::to_value(row),
                    Err(f) => Ok(serde_json::json!({"file": f.file, "errors": f.problems.0})),
                }
                .map_err(std::io::Error::other)?;
                write!(out, "{}    {value}", if first { "" } else { ",\n" })
            }
            (Sink::Text(out), Format::Markdown) => match outcome {
                Ok(row) => writeln!(out, "{}", markdown_row(row)),
                Err(f) => {
                    let mut cells = vec![
                        format!("`{}`", f.file.replace('`', "'")),
                        format!("could not be assessed: {}", markdown_escape(&failure_text(f))),
                    ];
                    cells.extend(std::iter::repeat_n(String::new(), 4 + phases + 2));
                    writeln!(out, "| {} |", cells.join(" | "))
                }
            },
            (Sink::Text(out), _) => match outcome {
                Ok(row) => writeln!(out, "{}", html_row(row)),
                Err(f) => writeln!(
                    out,
                    "<tr class=\"failed\"><td><code>{}</code></td><td colspan=\"{}\">could not be assessed: {}</td></tr>",
                    html_path(&f.file),
                    5 + phases + 2,
                    html(&failure_text(f))
                ),
            },
        }
    }

    /// Ends the output with the cohort summary (CSV holds the rows only) and flushes it.
    pub fn finish(self, summary: &SummaryData) -> std::io::Result<()> {
        match (self.out, self.format) {
            (Sink::Csv(mut w), _) => w.flush(),
            (Sink::Text(out), Format::Json) => {
                let summary = serde_json::to_string_pretty(summary).map_err(std::io::Error::other)?;
                let summary = summary.replace('\n', "\n  ");
                let close = if self.rows == 0 { "]" } else { "\n  ]" };
                writeln!(out, "{close},\n  \"summary\": {summary}\n}}")?;
                out.flush()
            }
            (Sink::Text(out), Format::Markdown) => {
                writeln!(out, "\n## Cohort\n")?;
                for line in summary_lines(summary) {
                    writeln!(out, "- {}", markdown_escape(&line))?;
                }
                for (title, counts) in [
                    ("Most common blockers", &summary.blockers),
                    ("Most common recommendations", &summary.recommendations),
                ] {
                    if !counts.is_empty() {
                        writeln!(out, "\n### {title}\n")?;
                        for (i, c) in counts.iter().enumerate() {
                            writeln!(out, "{}. {} ({})", i + 1, markdown_escape(&c.text), c.count)?;
                        }
                    }
                }
                out.flush()
            }
            (Sink::Text(out), _) => {
                writeln!(
                    out,
                    "</tbody>\n</table>\n</div>\n<section class=\"cohort\">\n<h2>Cohort</h2>\n<ul>"
                )?;
                for line in summary_lines(summary) {
                    writeln!(out, "<li>{}</li>", html(&line))?;
                }
                writeln!(out, "</ul>")?;
                for (title, counts) in [
                    ("Most common blockers", &summary.blockers),
                    ("Most common recommendations", &summary.recommendations),
                ] {
                    if !counts.is_empty() {
                        writeln!(out, "<h3>{title}</h3>\n<ol>")?;
                        for c in counts {
                            writeln!(out, "<li>{} ({})</li>", html(&c.text), c.count)?;
                        }
                        writeln!(out, "</ol>")?;
                    }
                }
                writeln!(out, "</section>\n</body>\n</html>")?;
                out.flush()
            }
        }
    }
}

/// The summary's figures as sentences.
pub fn summary_lines(summary: &SummaryData) -> Vec<String> {
    let mut lines = vec![if summary.failed == 0 {
        format!("Organizations assessed: {}", summary.assessed)
    } else {
        format!(
            "Organizations assessed: {} of {} ({} could not be assessed)",
            summary.assessed, summary.files, summary.failed
        )
    }];
    for p in &summary.phases {
        lines.push(format!("In {}: {}", p.name, p.count));
    }
    lines.push(format!("Every phase met: {}", summary.complete));
    lines
}

fn markdown_row(row: &Row) -> String {
    let mut cells = vec![
        format!("`{}`", row.file.replace('`', "'")),
        markdown_escape(&row.organization),
        markdown_escape(row.org_type_label.as_deref().unwrap_or("")),
        row.educators.map(|n| n.to_string()).unwrap_or_default(),
        markdown_escape(&row.phase.name),
        yes_no(row.complete).to_string(),
    ];
    cells.extend(row.scores.iter().map(|s| s.score.to_string()));
    cells.push(row.open_tasks.to_string());
    cells.push(markdown_escape(
        row.top_recommendation.as_ref().map_or("", |t| t.title.as_str()),
    ));
    format!("| {} |", cells.join(" | "))
}

fn html_row(row: &Row) -> String {
    let mut out = format!(
        "<tr><td><code>{}</code></td><td>{}</td><td>{}</td><td class=\"num\">{}</td><td>{}</td><td>{}</td>",
        html_path(&row.file),
        html(&row.organization),
        html(row.org_type_label.as_deref().unwrap_or("")),
        row.educators.map(|n| n.to_string()).unwrap_or_default(),
        html(&row.phase.name),
        yes_no(row.complete)
    );
    for s in &row.scores {
        out.push_str(&format!("<td class=\"num\">{}</td>", s.score));
    }
    out.push_str(&format!(
        "<td class=\"num\">{}</td><td>{}</td></tr>",
        row.open_tasks,
        html(row.top_recommendation.as_ref().map_or("", |t| t.title.as_str()))
    ));
    out
}
