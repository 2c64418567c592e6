//! Conditions in rule files: syntax, the questions they name, the values they compare with.

use crate::id_map::IdMap;
use std::collections::HashSet;

use toml::Spanned;

use super::Validator;
use super::ids::unknown;
use crate::condition::{Condition, Test};
use crate::diagnostic::{Diagnostic, line_col};
use crate::rules::files::{AnswerKind, Parsed};
use crate::rules::framework::Question;

impl Validator {
    /// Parses and checks a condition; `asker` is the question it belongs to, which may only
    /// depend on questions asked before it (those already in `questions`).
    pub(super) fn condition<T>(
        &mut self,
        file: &Parsed<T>,
        text: &Spanned<String>,
        questions: &IdMap<Question>,
        asker: Option<&str>,
    ) -> Option<Condition> {
        // An offset in the condition's value is found in the string as the file writes it,
        // quotes, escapes and line breaks included.
        let span = text.span();
        let raw = file.file.text.get(span.clone()).unwrap_or_default();
        let at = |offset: usize| -> Option<(usize, usize)> {
            Some(line_col(&file.file.text, span.start + raw_offset(raw, offset)))
        };
        let condition = match Condition::parse(text.get_ref()) {
            Ok(c) => c,
            Err(e) => {
                self.push(
                    Diagnostic::error(
                        &file.file.name,
                        at(e.offset),
                        format!("invalid condition: {}", e.message),
                    ),
                    None,
                );
                return None;
            }
        };
        let mut ok = true;
        for test in condition.tests() {
            if let Err((offset, message, help)) = check_test(test, questions, asker, &self.all_questions) {
                self.push(Diagnostic::error(&file.file.name, at(offset), message), help);
                ok = false;
            }
        }
        ok.then_some(condition)
    }
}

type TestError = (usize, String, Option<String>);

fn check_test(
    test: &Test,
    questions: &IdMap<Question>,
    asker: Option<&str>,
    all_questions: &HashSet<String>,
) -> Result<(), TestError> {
    let Some(question) = questions.get(&*test.question) else {
        if let Some(asker) = asker
            && all_questions.contains(&*test.question)
        {
            let message = if test.question == asker.into() {
                format!("`{asker}` cannot depend on itself")
            } else {
                format!("`{asker}` depends on `{}`, which is asked after it", test.question)
            };
            return Err((
                test.offset,
                message,
                Some("a question may only depend on questions asked before it".into()),
            ));
        }
        let (message, help) = unknown(
            "question",
            &test.question,
            questions.keys().map(String::as_str).collect(),
        );
        return Err((test.offset, message, help));
    };
    if test.is_ordering() && question.kind != AnswerKind::Integer {
        return Err((
            test.offset,
            format!(
                "`{}` is not a number question, so it cannot be compared with <, <=, > or >=",
                test.question
            ),
            None,
        ));
    }
    for lit in test.literals() {
        match question.kind {
            AnswerKind::Choice if !question.allows(&lit.text) => {
                return Err((
                    lit.offset,
                    format!("`{}` is not a value of `{}`", lit.text, test.question),
                    Some(format!("allowed values: {}", question.allowed_values())),
                ));
            }
            AnswerKind::Integer if lit.text.parse::<i64>().is_err() => {
                return Err((
                    lit.offset,
                    format!(
                        "`{}` is a number question; `{}` is not a whole number",
                        test.question, lit.text
                    ),
                    None,
                ));
            }
            _ => {}
        }
    }
    Ok(())
}

/// The byte offset, in a TOML string as written (`raw`, quotes included), of the character
/// `decoded` bytes into the string's value: escapes (`\"`, `\u00e9`), the line break that
/// may follow opening triple quotes and line-ending backslashes count as written.
fn raw_offset(raw: &str, decoded: usize) -> usize {
    let (quote, literal) = if raw.starts_with(r#"""""#) {
        (3, false)
    } else if raw.starts_with("'''") {
        (3, true)
    } else if raw.starts_with('"') {
        (1, false)
    } else if raw.starts_with('\'') {
        (1, true)
    } else {
        return decoded;
    };
    let body = &raw[quote..];
    let mut i = 0;
    if quote == 3 {
        i = if body.starts_with("\r\n") {
            2
        } else {
            usize::from(body.starts_with('\n'))
        };
    }
    let mut out = 0;
    while let Some(c) = body[i..].chars().next() {
        let line_end = !literal && quote == 3 && c == '\\' && body[i + 1..].starts_with([' ', '\t', '\r', '\n']);
        if out >= decoded && !line_end {
            break;
        }
        if literal || c != '\\' {
            i += c.len_utf8();
            out += c.len_utf8();
            continue;
        }
        let rest = &body[i + 1..];
        match rest.chars().next() {
            Some(u @ ('u' | 'U')) => {
                let digits = if u == 'u' { 4 } else { 8 };
                let value = rest
                    .get(1..=digits)
                    .and_then(|hex| u32::from_str_radix(hex, 16).ok())
                    .and_then(char::from_u32);
                i += 2 + digits;
                out += value.map_or(1, char::len_utf8);
            }
            Some(' ' | '\t' | '\r' | '\n') if quote == 3 => {
                // A line-ending backslash: it and the white space after it are not in the value.
                i += 1 + rest.len() - rest.trim_start_matches([' ', '\t', '\r', '\n']).len();
            }
            Some(_) => {
                i += 2;
                out += 1;
            }
            None => break,
        }
    }
    (quote + i).min(raw.len())
}

#[cfg(test)]
mod tests {
    use super::raw_offset;

    #[test]
    fn offsets_count_quotes_escapes_and_line_breaks_as_written() {
        // Each string's value is `a.b == "x y" and c.d == z`.
        let at = r#"a.b == "x y" and "#.len();
        for raw in [
            r#""a.b == \"x y\" and c.d == z""#,
            r#"'a.b == "x y" and c.d == z'"#,
            "\"\"\"\na.b == \"x y\" and c.d == z\"\"\"",
            "\"\"\"a.b == \"x y\" and \\\n    c.d == z\"\"\"",
            "'''\na.b == \"x y\" and c.d == z'''",
            r#""a.b == \u0022x y\u0022 and c.d == z""#,
        ] {
            let offset = raw_offset(raw, at);
            assert!(raw[offset..].starts_with("c.d"), "{raw}: {offset}");
        }
        // A non-ASCII escape counts as the bytes it stands for.
        let raw = r#""\u00e9 == x""#;
        assert!(raw[raw_offset(raw, "é ".len())..].starts_with("=="));
    }
}
