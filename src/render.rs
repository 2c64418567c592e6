//! JSON output, the text of `explain`, and the text wrapping the text templates share.

use std::fmt::Write;

const WIDTH: usize = 78;

/// Renders a value (an assessment, an explanation) as JSON, pretty, with a final newline.
pub fn json(value: &impl serde::Serialize) -> String {
    let mut out = serde_json::to_string_pretty(value).expect("plain data always serializes");
    out.push('\n');
    out
}

/// Writes `text` wrapped at [`WIDTH`] after `indent`, one line per line (see [`wrapped`]).
fn wrap(out: &mut String, text: &str, indent: &str) {
    out.push_str(&wrapped(text, indent, WIDTH));
    out.push('\n');
}

/// `text` wrapped at `width` columns after `indent`, without a final newline. Lines after
/// the first hang under the text that follows a leading list marker (`- `, `* `, `12. `);
/// words are never split; paragraphs (separated by a blank line) stay apart.
pub fn wrapped(text: &str, indent: &str, width: usize) -> String {
    let marker = marker_width(text.trim_start());
    let hanging = format!("{indent}{}", " ".repeat(marker));
    let options = textwrap::Options::new(width)
        .initial_indent(indent)
        .subsequent_indent(&hanging)
        .break_words(false)
        .word_splitter(textwrap::WordSplitter::NoHyphenation);
    let mut lines = Vec::new();
    for (i, paragraph) in text.split("\n\n").enumerate() {
        if i > 0 {
            lines.push(String::new());
        }
        let joined = paragraph.split_whitespace().collect::<Vec<_>>().join(" ");
        for line in textwrap::wrap(&joined, &options) {
            lines.push(line.trim_end().to_string());
        }
    }
    lines.join("\n")
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
