//! A condition of the rule files in words a person reads: questions by their text, values by
//! their labels (`you answered “Does the plan include fee-based micro-credentials?” with
//! “Yes, some are fee-based”`), never ids or operators.

use crate::condition::{Condition, Literal, Op, Ordering};
use crate::rules::Framework;

/// A condition in words.
pub fn in_words(framework: &Framework, condition: &Condition) -> String {
    match condition {
        Condition::All(parts) => join(framework, parts, "and"),
        Condition::Any(parts) => join(framework, parts, "or"),
        Condition::Not(inner) => format!("it is not so that {}", in_words(framework, inner)),
        Condition::Test(test) => {
            let question = framework.questions.get(&*test.question);
            let title = question.map_or_else(|| test.question.to_string(), |q| q.title.to_string());
            let label = |l: &Literal| {
                let text = question
                    .and_then(|q| q.choices.get(&l.text))
                    .cloned()
                    .unwrap_or_else(|| l.text.clone());
                format!("“{text}”")
            };
            let alternatives = |ls: &[Literal], word: &str| {
                let words: Vec<String> = ls.iter().map(label).collect();
                match words.split_last() {
                    Some((last, rest)) if !rest.is_empty() => format!("{} {word} {last}", rest.join(", ")),
                    Some((last, _)) => last.clone(),
                    None => String::new(),
                }
            };
            match &test.op {
                Op::Eq(l) => format!("you answered “{title}” with {}", label(l)),
                Op::Ne(l) => format!("your answer to “{title}” is not {}", label(l)),
                Op::In(ls) => format!("you answered “{title}” with {}", alternatives(ls, "or")),
                Op::NotIn(ls) => format!("your answer to “{title}” is not {}", alternatives(ls, "or")),
                Op::Order(o, l) => {
                    let relation = match o {
                        Ordering::Lt => "less than",
                        Ordering::Le => "at most",
                        Ordering::Gt => "more than",
                        Ordering::Ge => "at least",
                    };
                    format!("your answer to “{title}” is {relation} {}", l.text)
                }
                Op::Answered => format!("“{title}” is answered"),
                Op::Unanswered => format!("“{title}” is not yet answered"),
            }
        }
    }
}

fn join(framework: &Framework, parts: &[Condition], word: &str) -> String {
    parts
        .iter()
        .map(|p| match p {
            Condition::All(_) | Condition::Any(_) => format!("({})", in_words(framework, p)),
            _ => in_words(framework, p),
        })
        .collect::<Vec<_>>()
        .join(&format!(" {word} "))
}
