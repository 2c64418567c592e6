//! The text of `readiness explain`: how each score adds up, each gate and rule, and the
//! fewest changes to the next phase.

use std::fmt::Write;

use super::escape::{one_line, terminal_safe};
use super::wrap::{WIDTH, wrapped};
use crate::assess::explain::Explanation;

/// Writes `text` wrapped at [`WIDTH`] after `indent`, one line per line (see [`wrapped`]).
fn wrap(out: &mut String, text: &str, indent: &str) {
    out.push_str(&wrapped(text, indent, WIDTH));
    out.push('\n');
}

/// Renders an explanation as plain text.
pub fn explanation(e: &Explanation) -> String {
    let a = &e.assessment;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "Why {} is where it is ({} {})",
        one_line(&a.organization),
        a.framework.id,
        a.framework.version
    );
    if let Some(method) = &e.method {
        out.push('\n');
        wrap(&mut out, method, "");
    }
    for p in &e.phases {
        out.push('\n');
        let state = if p.met {
            "met"
        } else if *p.id == *a.phase.id && !a.complete {
            "not met (current phase)"
        } else {
            "not met"
        };
        let _ = writeln!(out, "{}: {state}", p.name);
        if p.ours {
            wrap(
                &mut out,
                &format!("goal (this rule set's own reading): {}", p.goal),
                "  ",
            );
        }
        let width = p.items.iter().map(|i| i.question.len()).max().unwrap_or(0);
        for item in &p.items {
            let answer = item.answer.as_deref().unwrap_or("unanswered");
            if item.applies && !item.counts {
                let _ = writeln!(
                    out,
                    "  {:<width$}  not applicable, left out of the score",
                    item.question
                );
            } else if item.applies {
                let _ = writeln!(
                    out,
                    "  {:<width$}  {:<12} {:>3} points x weight {} = {}",
                    item.question,
                    answer,
                    item.points,
                    item.weight,
                    item.points * item.weight
                );
                if let (Some(label), Some(rubric)) = (&item.label, &item.rubric) {
                    wrap(
                        &mut out,
                        &format!("\u{201c}{label}\u{201d} here means: {rubric}"),
                        &" ".repeat(width + 4),
                    );
                }
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
        for b in p.blockers.iter().filter(|b| !p.gates.iter().any(|g| *g.reason == ***b)) {
            wrap(&mut out, &format!("not met: {b}"), "  ");
        }
    }
    out.push('\n');
    let _ = writeln!(out, "Recommendation rules");
    for r in &e.rules {
        let mark = if r.fired { "fired" } else { "did not fire" };
        let ours = if r.ours { " (this rule set's own advice)" } else { "" };
        wrap(&mut out, &format!("- {}{ours}: {mark}; {}", r.id, r.reason), "  ");
    }
    out.push('\n');
    match &e.next_phase {
        None => {
            let _ = writeln!(out, "Every phase is met: there is no next phase.");
        }
        Some(n) if !n.found && n.exhaustive => {
            let _ = writeln!(out, "No change to the answers of phase `{}` alone meets it.", n.meets);
        }
        Some(n) if !n.found => {
            let _ = writeln!(
                out,
                "No change to the answers of phase `{}` was found that meets it.",
                n.meets
            );
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
    if e.next_phase.as_ref().is_some_and(|n| !n.exhaustive) {
        wrap(
            &mut out,
            "(The search for the fewest changes stopped at its limit: these changes were built \
             step by step, gates first, then open tasks, then the answers that gain the most \
             points; fewer changes may do.)",
            "",
        );
    }
    terminal_safe(&out).into_owned()
}
