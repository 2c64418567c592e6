//! CSV for spreadsheets, written with the `csv` crate (quoting and escaping as RFC 4180
//! says): one organization's action items, and the rows of a portfolio.
//!
//! A spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` as a formula, so user
//! text that starts with one of them is written with a `'` in front, as spreadsheets
//! themselves mark text.

use crate::assess::Assessment;
use crate::rules::{Framework, Resource};

/// User text made safe for a spreadsheet cell: a leading `=`, `+`, `-`, `@`, tab or
/// carriage return gets a `'` in front, so that no spreadsheet runs it as a formula.
pub fn cell(text: &str) -> String {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{text}"),
        _ => text.to_string(),
    }
}

/// Writes records to a string; writing to memory cannot fail.
pub(super) fn to_string(records: impl IntoIterator<Item = Vec<String>>) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    for record in records {
        writer.write_record(&record).expect("writing to memory cannot fail");
    }
    let bytes = writer.into_inner().expect("writing to memory cannot fail");
    String::from_utf8(bytes).expect("the records are UTF-8")
}

/// Resources in one cell: "Title (link); Title".
fn resources_cell<'a>(resources: impl Iterator<Item = &'a Resource>) -> String {
    resources
        .map(|r| match &r.url {
            Some(url) => format!("{} ({url})", r.title),
            None => r.title.to_string(),
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// A task's status in words.
pub fn status_words(status: &str) -> String {
    match status {
        "unanswered" => "not yet answered".to_string(),
        other => other.replace('_', " "),
    }
}

/// The action items of one organization (`assess --format csv`): each recommendation, by
/// priority, then each important task that remains, in framework order. Columns: phase,
/// type (`recommendation` or `task`), priority (empty for a task), title, resources
/// (titles, each with its link), status (`to do` for a recommendation; for a task, its
/// status in words).
pub fn action_items(framework: &Framework, a: &Assessment) -> String {
    let phase_name = |id: Option<&str>| {
        id.and_then(|id| framework.phase(id))
            .map_or_else(String::new, |p| p.name.to_string())
    };
    let header = ["phase", "type", "priority", "title", "resources", "status"].map(String::from);
    let recommendations = a.recommendations.iter().map(|r| {
        vec![
            phase_name(r.phase.as_deref()),
            "recommendation".to_string(),
            r.priority.name().to_string(),
            r.title.to_string(),
            resources_cell(r.resources.iter().filter_map(|res| framework.resources.get(&*res.id))),
            "to do".to_string(),
        ]
    });
    let tasks = a.remaining_tasks.iter().map(|t| {
        let resources = framework
            .questions
            .get(&*t.id)
            .map(|q| resources_cell(q.resources.iter().filter_map(|id| framework.resources.get(id))))
            .unwrap_or_default();
        vec![
            phase_name(Some(&t.phase)),
            "task".to_string(),
            String::new(),
            t.title.to_string(),
            resources,
            status_words(&t.status),
        ]
    });
    to_string(std::iter::once(header.to_vec()).chain(recommendations).chain(tasks))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_written_as_text() {
        assert_eq!(cell("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(cell("-1"), "'-1");
        assert_eq!(cell("Lakeside"), "Lakeside");
        assert_eq!(cell(""), "");
    }

    #[test]
    fn quotes_commas_and_line_breaks() {
        let text = to_string([vec!["a, \"b\"".to_string(), "c\nd".to_string()]]);
        assert_eq!(text, "\"a, \"\"b\"\"\",\"c\nd\"\n");
    }
}
