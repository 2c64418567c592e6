//! Output of an assessment: plain text for a person, JSON for programs.

use std::fmt::Write;

use crate::assessment::Assessment;

const WIDTH: usize = 78;

/// Renders a value (an assessment, an explanation) as JSON, pretty, with a final newline.
pub fn json(value: &impl serde::Serialize) -> String {
    let mut out = serde_json::to_string_pretty(value).expect("plain data always serializes");
    out.push('\n');
    out
}

/// The name a unit enum variant has in the file formats (`high`, `case_study`, ...).
fn name_of(value: &impl serde::Serialize) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

/// Writes `text` wrapped at [`WIDTH`] after `indent`; lines after the first hang under the
/// text that follows a leading list marker (`- `, `* `, `12. `). Words are never split.
fn wrap(out: &mut String, text: &str, indent: &str) {
    let marker = marker_width(text);
    let hanging = format!("{indent}{}", " ".repeat(marker));
    let options = textwrap::Options::new(WIDTH)
        .initial_indent(indent)
        .subsequent_indent(&hanging)
        .break_words(false)
        .word_splitter(textwrap::WordSplitter::NoHyphenation);
    for paragraph in text.split("\n\n") {
        let joined = paragraph.split_whitespace().collect::<Vec<_>>().join(" ");
        for line in textwrap::wrap(&joined, &options) {
            let _ = writeln!(out, "{}", line.trim_end());
        }
    }
}

/// The width of a list marker at the start of `text`: `- `, `* ` or a number and `. `.
fn marker_width(text: &str) -> usize {
    if text.starts_with("- ") || text.starts_with("* ") {
        return 2;
    }
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 && text[digits..].starts_with(". ") {
        digits + 2
    } else {
        0
    }
}

/// Renders an assessment as plain text for a person reading a terminal.
pub fn text(a: &Assessment) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "Readiness assessment: {}", a.organization);
    let _ = writeln!(
        out,
        "Framework: {} ({} {})",
        a.framework.name, a.framework.id, a.framework.version
    );
    out.push('\n');
    if a.complete {
        let _ = writeln!(out, "Every phase is met: the framework is complete.");
    } else {
        let _ = writeln!(out, "Current phase: {}", a.phase.name);
        let _ = writeln!(out, "Goal: {}", a.phase.goal);
        if let Some(current) = a.phases.iter().find(|p| p.id == a.phase.id) {
            let _ = writeln!(out, "What keeps you here:");
            for blocker in &current.blockers {
                wrap(&mut out, &format!("- {blocker}"), "  ");
            }
        }
    }
    out.push('\n');
    let _ = writeln!(out, "Phases");
    let name_width = a.phases.iter().map(|p| p.name.chars().count()).max().unwrap_or(0);
    for p in &a.phases {
        let mark = if p.met {
            "met"
        } else if p.id == a.phase.id {
            "current"
        } else {
            "not met"
        };
        let _ = writeln!(
            out,
            "  {:<name_width$}  {:>3}/100  (needs {})  {mark}",
            p.name, p.score, p.threshold
        );
    }
    out.push('\n');
    if a.remaining_tasks.is_empty() {
        let _ = writeln!(out, "Remaining tasks: none");
    } else {
        let _ = writeln!(out, "Remaining tasks (in framework order)");
        for t in &a.remaining_tasks {
            let status = t.status.replace('_', " ");
            wrap(&mut out, &format!("- {} [{}] ({status})", t.title, t.id), "  ");
        }
    }
    out.push('\n');
    if a.recommendations.is_empty() {
        let _ = writeln!(out, "Recommendations: none");
    } else {
        let _ = writeln!(out, "Recommendations");
        for (i, r) in a.recommendations.iter().enumerate() {
            out.push('\n');
            let priority = name_of(&r.priority);
            wrap(&mut out, &format!("{}. {} ({priority} priority)", i + 1, r.title), "  ");
            wrap(&mut out, &r.text, "     ");
            if !r.because.is_empty() {
                wrap(&mut out, &format!("Because of: {}", r.because.join(", ")), "     ");
            }
            for res in &r.resources {
                let kind = res.kind.label();
                let duration = res.duration.as_ref().map(|d| format!(", {d}")).unwrap_or_default();
                wrap(&mut out, &format!("* {} ({kind}{duration})", res.title), "     ");
                if let Some(url) = &res.url {
                    let _ = writeln!(out, "       {url}");
                }
            }
        }
    }
    if !a.unanswered.is_empty() {
        out.push('\n');
        wrap(
            &mut out,
            &format!("Unanswered ({}): {}", a.unanswered.len(), a.unanswered.join(", ")),
            "",
        );
    }
    out
}

/// Renders an explanation as plain text.
pub fn explanation(e: &crate::explain::Explanation) -> String {
    let a = &e.assessment;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "Why {} is where it is ({} {})",
        a.organization, a.framework.id, a.framework.version
    );
    for p in &e.phases {
        out.push('\n');
        let state = if p.met {
            "met"
        } else if p.id == a.phase.id && !a.complete {
            "not met (current phase)"
        } else {
            "not met"
        };
        let _ = writeln!(out, "{}: {state}", p.name);
        let width = p.items.iter().map(|i| i.question.len()).max().unwrap_or(0);
        for item in &p.items {
            let answer = item.answer.as_deref().unwrap_or("unanswered");
            if item.applies {
                let _ = writeln!(
                    out,
                    "  {:<width$}  {:<12} {:>3} points x weight {} = {}",
                    item.question,
                    answer,
                    item.points,
                    item.weight,
                    item.points * item.weight
                );
            } else {
                let _ = writeln!(
                    out,
                    "  {:<width$}  does not apply, left out of the score",
                    item.question
                );
            }
        }
        let _ = writeln!(
            out,
            "  score: {} / {} = {} (needs {})",
            p.earned, p.total_weight, p.score, p.threshold
        );
        for g in &p.gates {
            if g.holds {
                wrap(&mut out, &format!("gate `{}` holds", g.condition), "  ");
            } else {
                wrap(
                    &mut out,
                    &format!("gate `{}` does not hold: {}", g.condition, g.reason),
                    "  ",
                );
            }
        }
        // A failed gate already said why; the other blockers (score, open tasks) follow.
        for b in p.blockers.iter().filter(|b| !p.gates.iter().any(|g| &g.reason == *b)) {
            wrap(&mut out, &format!("not met: {b}"), "  ");
        }
    }
    out.push('\n');
    let _ = writeln!(out, "Recommendation rules");
    for r in &e.rules {
        let mark = if r.fired { "fired" } else { "did not fire" };
        wrap(&mut out, &format!("- {}: {mark}; {}", r.id, r.reason), "  ");
    }
    out.push('\n');
    match &e.next_phase {
        None => {
            let _ = writeln!(out, "Every phase is met: there is no next phase.");
        }
        Some(n) if !n.found => {
            let _ = writeln!(out, "No change to the answers of phase `{}` alone meets it.", n.meets);
        }
        Some(n) => {
            let target = n
                .moves_to
                .as_deref()
                .map_or("complete the framework".to_string(), |p| format!("move to phase `{p}`"));
            let count = n.changes.len();
            let _ = writeln!(
                out,
                "The fewest changes that meet phase `{}` and {target} ({count} {}):",
                n.meets,
                if count == 1 { "change" } else { "changes" }
            );
            for c in &n.changes {
                let _ = writeln!(
                    out,
                    "  {}: {} -> {}",
                    c.question,
                    c.from.as_deref().unwrap_or("unanswered"),
                    c.to
                );
            }
        }
    }
    out
}
