//! What-if answers from the command line (`--set ID=VALUE`), laid over an answers file.

use super::{Answers, from_text};
use crate::diagnostic::{Diagnostic, Diagnostics, closest};
use crate::rules::Framework;

/// Applies what-if overrides `ID=VALUE` (from `--set`) on top of answers; `ID=` with no value
/// removes the answer, except a required one, which stays required. The value is typed by the question: a whole number for integer
/// questions, text otherwise.
pub fn apply_overrides(framework: &Framework, answers: &mut Answers, sets: &[String]) -> Result<(), Diagnostics> {
    let mut problems = Vec::new();
    for set in sets {
        let Some((id, value)) = set.split_once('=') else {
            problems.push(
                Diagnostic::error("--set", None, format!("`{set}` is not of the form ID=VALUE"))
                    .with_help("for example --set why.goals=yes"),
            );
            continue;
        };
        let id = id.trim();
        let Some(question) = framework.questions.get(id) else {
            let mut d = Diagnostic::error("--set", None, format!("unknown question `{id}`"));
            if let Some(best) = closest(id, framework.questions.keys().map(String::as_str)) {
                d = d.with_help(format!("did you mean `{best}`?"));
            }
            problems.push(d);
            continue;
        };
        if value.is_empty() {
            if question.required {
                problems.push(
                    Diagnostic::error("--set", None, format!("`{id}` is required: it cannot be removed")).with_help(
                        format!(
                            "give it a value instead: --set {id}=VALUE, with {}",
                            question.expected()
                        ),
                    ),
                );
            } else {
                answers.values.shift_remove(id);
            }
            continue;
        }
        match from_text(question, value) {
            Ok(v) => {
                answers.values.insert(id.to_string(), v);
            }
            Err(message) => problems.push(
                Diagnostic::error("--set", None, format!("`{id}`: {message}"))
                    .with_help(format!("expected {}", question.expected())),
            ),
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(Diagnostics(problems))
    }
}
