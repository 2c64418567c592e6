//! A blank answers file: every question in order, with its text and allowed values as comments.

use std::fmt::Write;

use indexmap::IndexMap;

use crate::rules::{AnswerKind, Framework, Question};
use crate::words::capitalized;

fn comment(out: &mut String, text: &str) {
    let options = textwrap::Options::new(88)
        .initial_indent("# ")
        .subsequent_indent("# ")
        .break_words(false)
        .word_splitter(textwrap::WordSplitter::NoHyphenation);
    for paragraph in text.split("\n\n") {
        let joined = paragraph.split_whitespace().collect::<Vec<_>>().join(" ");
        if joined.is_empty() {
            continue;
        }
        for line in textwrap::wrap(&joined, &options) {
            let _ = writeln!(out, "{}", line.trim_end());
        }
    }
}

fn question(out: &mut String, q: &Question) {
    let required = if q.required { " (required)" } else { "" };
    comment(out, &format!("{}{required}", q.title));
    if let Some(help) = &q.help {
        comment(out, help);
    }
    if let Some(condition) = &q.when {
        comment(out, &format!("Asked only when {condition}."));
    }
    let key = q.id.split_once('.').map_or(q.id.as_ref(), |(_, k)| k);
    match q.kind {
        AnswerKind::Choice => {
            let values: Vec<String> = q
                .values()
                .map(|v| match q.rubric.get(v) {
                    Some(rubric) => format!("\"{v}\" ({}: {rubric})", q.label(v)),
                    None => format!("\"{v}\" ({})", q.label(v)),
                })
                .collect();
            comment(out, &format!("One of: {}.", values.join("; ")));
            let _ = writeln!(
                out,
                "# {key} = \"{}\"",
                q.choices.keys().next().map_or("", String::as_str)
            );
        }
        AnswerKind::Integer => {
            comment(out, &format!("{}.", capitalized(&q.expected())));
            let _ = writeln!(out, "# {key} = {}", q.min.unwrap_or(0));
        }
        AnswerKind::Text => {
            comment(out, "Text, in quotes.");
            let _ = writeln!(out, "# {key} = \"\"");
        }
    }
}

/// Renders the blank answers file for a framework (`readiness template`).
pub fn render(framework: &Framework) -> String {
    let mut out = String::new();
    comment(
        &mut out,
        &format!(
            "Answers for \"{}\" ({} {}).",
            framework.name, framework.id, framework.version
        ),
    );
    comment(
        &mut out,
        "Remove the `#` in front of each answer you give and set its value. A question left out counts as not met and is listed as unanswered. To keep a note with an answer (why \"partly\", what evidence), write it as a table: goals = { answer = \"partly\", note = \"Board approved; staff not yet consulted\" }. Then assess the file (here named answers.toml):",
    );
    let built_in = crate::rules::built_in_ids();
    let framework_flag = if built_in.first() == Some(&framework.id.as_ref()) {
        String::new()
    } else if built_in.contains(&framework.id.as_ref()) {
        format!(" --framework {}", framework.id)
    } else {
        " --rules PATH".to_string()
    };
    let _ = writeln!(out, "#   readiness assess answers.toml{framework_flag}");
    out.push('\n');
    let _ = writeln!(out, "[{}]", super::META_SECTION);
    comment(
        &mut out,
        "The framework these answers are written for: a later version warns about questions that no longer exist.",
    );
    let _ = writeln!(out, "id = \"{}\"", framework.id);
    let _ = writeln!(out, "version = \"{}\"", framework.version);
    let mut sections: IndexMap<&str, Vec<&Question>> = IndexMap::new();
    for q in framework.questions.values() {
        let section = q.id.split_once('.').map_or(q.id.as_ref(), |(s, _)| s);
        sections.entry(section).or_default().push(q);
    }
    for (section, questions) in sections {
        out.push('\n');
        let _ = writeln!(out, "[{section}]");
        if let Some(phase) = framework.phase(section) {
            let whose = if phase.ours { " (this tool's own reading)" } else { "" };
            comment(
                &mut out,
                &format!(
                    "Phase: {}. Goal{whose}: {}.",
                    phase.name,
                    phase.goal.trim_end_matches('.')
                ),
            );
        }
        for q in questions {
            out.push('\n');
            question(&mut out, q);
        }
    }
    out
}
