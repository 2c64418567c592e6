//! Conditions in rule files: syntax, the questions they name, the values they compare with.

use std::collections::HashSet;

use indexmap::IndexMap;
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
        questions: &IndexMap<String, Question>,
        asker: Option<&str>,
    ) -> Option<Condition> {
        // Column of the condition's first character: after the opening quote(s).
        let span = text.span();
        let raw = &file.file.text[span.clone()];
        let quote = if raw.starts_with("'''") || raw.starts_with("\"\"\"") {
            3
        } else {
            1
        };
        let at =
            |offset: usize| -> Option<(usize, usize)> { Some(line_col(&file.file.text, span.start + quote + offset)) };
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
    questions: &IndexMap<String, Question>,
    asker: Option<&str>,
    all_questions: &HashSet<String>,
) -> Result<(), TestError> {
    let Some(question) = questions.get(&test.question) else {
        if let Some(asker) = asker
            && all_questions.contains(&test.question)
        {
            let message = if test.question == asker {
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
