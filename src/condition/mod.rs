//! The condition language of the rule files.
//!
//! ```text
//! condition  := or
//! or         := and ("or" and)*
//! and        := unary ("and" unary)*
//! unary      := "not" unary | "(" condition ")" | comparison
//! comparison := ID ("==" | "!=") VALUE
//!             | ID ["not"] "in" "[" VALUE ("," VALUE)* "]"
//!             | ID ("<" | "<=" | ">" | ">=") INTEGER
//!             | ID "is" ("answered" | "unanswered")
//! VALUE      := word | "quoted string"
//! ```
//!
//! An unanswered question (or one whose own condition is false) makes `==`, `in`
//! and the orderings false; `!=` and `not in` are their negations, so they are true.
//! An answer of [`NOT_APPLICABLE`] makes a test hold only if the test names it (`==` or
//! `in`): `!=`, `not in` and the orderings are false for it, so that a question that does
//! not apply never passes a gate or fires a rule by accident.

mod evaluate;
mod parse;
mod satisfiable;

use std::fmt;
use std::sync::Arc;

pub use evaluate::{Outcome, Tests, Value};
pub use parse::MAX_DEPTH;
pub use satisfiable::{Domain, satisfiable};

/// The answer that says a question does not apply: a test holds for it only if it names it.
pub const NOT_APPLICABLE: &str = "not_applicable";

/// A parsed condition.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Condition {
    /// Every part holds.
    All(Vec<Condition>),
    /// At least one part holds.
    Any(Vec<Condition>),
    /// The part does not hold.
    Not(Box<Condition>),
    /// A test on one question's answer.
    Test(Test),
}

/// A test on one question's answer.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Test {
    /// The question tested: once resolved ([`Condition::resolve`]), the framework's own
    /// copy of its id, so that finding its answer compares pointers, not text.
    pub question: Arc<str>,
    /// The question's index among the framework's questions, set when the rules load
    /// ([`Condition::resolve`]); `usize::MAX` until then.
    pub index: usize,
    /// Byte offset of the question id in the condition text.
    pub offset: usize,
    /// What is tested.
    pub op: Op,
}

/// A literal value in a condition, with its place in the condition text.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Literal {
    /// The value as written (without quotes).
    pub text: String,
    /// Byte offset in the condition text.
    pub offset: usize,
}

/// The comparison a test makes.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Op {
    /// `==`
    Eq(Literal),
    /// `!=`
    Ne(Literal),
    /// `in [...]`
    In(Vec<Literal>),
    /// `not in [...]`
    NotIn(Vec<Literal>),
    /// `<`, `<=`, `>`, `>=` against an integer.
    Order(Ordering, Literal),
    /// `is answered`
    Answered,
    /// `is unanswered`
    Unanswered,
}

/// An integer ordering.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Ordering {
    /// `<`
    Lt,
    /// `<=`
    Le,
    /// `>`
    Gt,
    /// `>=`
    Ge,
}

impl Ordering {
    fn symbol(self) -> &'static str {
        match self {
            Ordering::Lt => "<",
            Ordering::Le => "<=",
            Ordering::Gt => ">",
            Ordering::Ge => ">=",
        }
    }
}

/// A syntax error in a condition, at a byte offset of its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    /// Byte offset in the condition text.
    pub offset: usize,
    /// What was expected.
    pub message: String,
}

impl Condition {
    /// Parses a condition.
    pub fn parse(text: &str) -> Result<Condition, SyntaxError> {
        parse::parse(text)
    }

    /// Every test in the condition, in the order written.
    pub fn tests(&self) -> Vec<&Test> {
        let mut out = Vec::new();
        self.collect_tests(&mut out);
        out
    }

    /// Sets each test's question index, and shares its question's id, from the id:
    /// `question` gives the index of an id and the id as the framework keeps it, `None` for
    /// an unknown one (its index left `usize::MAX`).
    pub fn resolve(&mut self, question: &impl Fn(&str) -> Option<(usize, Arc<str>)>) {
        match self {
            Condition::All(parts) | Condition::Any(parts) => parts.iter_mut().for_each(|p| p.resolve(question)),
            Condition::Not(inner) => inner.resolve(question),
            Condition::Test(test) => match question(&test.question) {
                Some((index, id)) => {
                    test.index = index;
                    test.question = id;
                }
                None => test.index = usize::MAX,
            },
        }
    }

    fn collect_tests<'a>(&'a self, out: &mut Vec<&'a Test>) {
        match self {
            Condition::All(parts) | Condition::Any(parts) => parts.iter().for_each(|p| p.collect_tests(out)),
            Condition::Not(inner) => inner.collect_tests(out),
            Condition::Test(test) => out.push(test),
        }
    }
}

/// The value as a condition writes it: a bare word when it reads back as one, else in
/// double quotes, so that a printed condition parses back to the same condition.
impl fmt::Display for Literal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if parse::is_bare_word(&self.text) {
            f.write_str(&self.text)
        } else {
            f.write_str("\"")?;
            f.write_str(&self.text)?;
            f.write_str("\"")
        }
    }
}

impl Test {
    /// The literals the test compares against.
    pub fn literals(&self) -> Vec<&Literal> {
        match &self.op {
            Op::Eq(l) | Op::Ne(l) | Op::Order(_, l) => vec![l],
            Op::In(ls) | Op::NotIn(ls) => ls.iter().collect(),
            Op::Answered | Op::Unanswered => Vec::new(),
        }
    }

    /// Whether the test orders integers (`<`, `<=`, `>`, `>=`).
    pub fn is_ordering(&self) -> bool {
        matches!(self.op, Op::Order(..))
    }
}

/// The condition as written in a rule file, in a form that parses back to it. Written a
/// piece at a time, without formatting machinery: traces write every gate and rule.
impl fmt::Display for Condition {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let join = |f: &mut fmt::Formatter<'_>, parts: &[Condition], word: &str| -> fmt::Result {
            for (i, part) in parts.iter().enumerate() {
                if i > 0 {
                    f.write_str(" ")?;
                    f.write_str(word)?;
                    f.write_str(" ")?;
                }
                match part {
                    Condition::All(_) | Condition::Any(_) => {
                        f.write_str("(")?;
                        part.fmt(f)?;
                        f.write_str(")")?;
                    }
                    _ => part.fmt(f)?,
                }
            }
            Ok(())
        };
        match self {
            Condition::All(parts) => join(f, parts, "and"),
            Condition::Any(parts) => join(f, parts, "or"),
            Condition::Not(inner) => match **inner {
                Condition::Test(_) => {
                    f.write_str("not ")?;
                    inner.fmt(f)
                }
                _ => {
                    f.write_str("not (")?;
                    inner.fmt(f)?;
                    f.write_str(")")
                }
            },
            Condition::Test(test) => {
                let list = |f: &mut fmt::Formatter<'_>, ls: &[Literal]| -> fmt::Result {
                    f.write_str("[")?;
                    for (i, l) in ls.iter().enumerate() {
                        if i > 0 {
                            f.write_str(", ")?;
                        }
                        l.fmt(f)?;
                    }
                    f.write_str("]")
                };
                f.write_str(&test.question)?;
                match &test.op {
                    Op::Eq(l) => {
                        f.write_str(" == ")?;
                        l.fmt(f)
                    }
                    Op::Ne(l) => {
                        f.write_str(" != ")?;
                        l.fmt(f)
                    }
                    Op::In(ls) => {
                        f.write_str(" in ")?;
                        list(f, ls)
                    }
                    Op::NotIn(ls) => {
                        f.write_str(" not in ")?;
                        list(f, ls)
                    }
                    Op::Order(o, l) => {
                        f.write_str(" ")?;
                        f.write_str(o.symbol())?;
                        f.write_str(" ")?;
                        l.fmt(f)
                    }
                    Op::Answered => f.write_str(" is answered"),
                    Op::Unanswered => f.write_str(" is unanswered"),
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An answer as the tests write it: a number or a word.
    #[derive(Debug)]
    enum Answer {
        Word(&'static str),
        Number(i64),
        NotApplicable,
    }

    impl Value for Answer {
        fn matches(&self, literal: &str) -> bool {
            match self {
                Answer::Word(w) => *w == literal,
                Answer::Number(n) => literal.parse::<i64>() == Ok(*n),
                Answer::NotApplicable => literal == NOT_APPLICABLE,
            }
        }

        fn integer(&self) -> Option<i64> {
            match self {
                Answer::Number(n) => Some(*n),
                Answer::Word(_) | Answer::NotApplicable => None,
            }
        }

        fn not_applicable(&self) -> bool {
            matches!(self, Answer::NotApplicable)
        }
    }

    fn eval(text: &str, answers: &[(&str, Answer)]) -> Outcome {
        let condition = Condition::parse(text).unwrap();
        condition.evaluate(&|id: &str| answers.iter().find(|(q, _)| *q == id).map(|(_, v)| v))
    }

    fn choice(v: &'static str) -> Answer {
        Answer::Word(v)
    }

    #[test]
    fn not_applicable_holds_only_where_a_test_names_it() {
        let na = || [("a.b", Answer::NotApplicable)];
        assert!(eval("a.b == not_applicable", &na()).holds);
        assert!(eval("a.b in [done, not_applicable]", &na()).holds);
        assert!(!eval("a.b == done", &na()).holds);
        assert!(!eval("a.b != done", &na()).holds);
        assert!(!eval("a.b not in [done]", &na()).holds);
        assert!(!eval("a.b != done or a.b not in [yes]", &na()).holds);
        // An answer given is still an answer; other answers keep the usual negations.
        assert!(eval("a.b is answered", &na()).holds);
        assert!(eval("a.b != done", &[("a.b", choice("not_started"))]).holds);
        assert!(eval("a.b != done", &[]).holds);
    }

    #[test]
    fn parses_and_prints_back() {
        let text = "a.b == yes and (c.d in [x, \"y z\"] or not e.f is answered) and g.h >= 3";
        let c = Condition::parse(text).unwrap();
        assert_eq!(
            c.to_string(),
            "a.b == yes and (c.d in [x, \"y z\"] or not e.f is answered) and g.h >= 3"
        );
        assert_eq!(c.tests().len(), 4);
        // Printed conditions parse back to themselves, quotes and all.
        for text in [
            "a.b == \"two words\"",
            "a.b != \"and\"",
            "a.b in [\"\", \"x,y\", \"(z)\"]",
        ] {
            let c = Condition::parse(text).unwrap();
            assert_eq!(c.to_string(), text);
            assert_eq!(Condition::parse(&c.to_string()).unwrap(), c);
        }
    }

    #[test]
    fn nesting_is_bounded_and_never_exhausts_the_stack() {
        let ok = format!("{}a.b == x{}", "(".repeat(MAX_DEPTH), ")".repeat(MAX_DEPTH));
        assert!(Condition::parse(&ok).is_ok());
        let ok = format!("{}a.b == x", "not ".repeat(MAX_DEPTH));
        assert!(Condition::parse(&ok).is_ok());
        let deep = format!("{}a.b == x{}", "(".repeat(8_000), ")".repeat(8_000));
        let err = Condition::parse(&deep).unwrap_err();
        assert_eq!(err.offset, MAX_DEPTH);
        assert!(err.message.contains("64 levels"), "{}", err.message);
        let err = Condition::parse(&format!("{}a.b == x", "not ".repeat(20_000))).unwrap_err();
        assert_eq!(err.offset, 4 * MAX_DEPTH);
        let mixed = "not (".repeat(40) + "a.b == x" + &")".repeat(40);
        assert!(Condition::parse(&mixed).is_err());
        // Long flat conditions are fine: they do not nest.
        let flat = vec!["a.b == x"; 20_000].join(" and ");
        assert!(Condition::parse(&flat).is_ok());
    }

    #[test]
    fn syntax_errors_point_at_the_problem() {
        let err = Condition::parse("a.b == yes and").unwrap_err();
        assert_eq!(err.offset, 14);
        assert!(err.message.contains("question id"), "{}", err.message);
        let err = Condition::parse("a.b = yes").unwrap_err();
        assert_eq!(err.offset, 4);
        let err = Condition::parse("a.b < many").unwrap_err();
        assert!(err.message.contains("whole number"));
        assert!(Condition::parse("a.b in [x").is_err());
        assert!(Condition::parse("(a.b == x").is_err());
        assert!(Condition::parse("a.b == \"open").is_err());
    }

    #[test]
    fn unanswered_makes_equality_false_and_inequality_true() {
        assert!(!eval("a.b == yes", &[]).holds);
        assert!(eval("a.b != yes", &[]).holds);
        assert!(!eval("a.b in [yes]", &[]).holds);
        assert!(eval("a.b not in [yes]", &[]).holds);
        assert!(!eval("a.n < 5", &[]).holds);
        assert!(eval("a.b is unanswered", &[]).holds);
    }

    #[test]
    fn evaluates_values() {
        let answers = [("a.b", choice("partly")), ("a.n", Answer::Number(300))];
        assert!(eval("a.b in [yes, partly]", &answers).holds);
        assert!(eval("a.n < 500 and a.n >= 300", &answers).holds);
        assert!(!eval("a.n > 300", &answers).holds);
        assert!(eval("not a.b == yes", &answers).holds);
    }

    #[test]
    fn because_names_the_deciding_answers() {
        let answers = [("a.b", choice("yes")), ("c.d", choice("no"))];
        let because =
            |text: &str| -> Vec<String> { eval(text, &answers).because.iter().map(|id| id.to_string()).collect() };
        assert_eq!(because("a.b == yes and c.d == no"), ["a.b", "c.d"]);
        assert_eq!(because("a.b == no or c.d == no"), ["c.d"]);
        let failed = eval("a.b == yes and c.d == yes", &answers);
        assert!(!failed.holds);
        assert_eq!(because("a.b == yes and c.d == yes"), ["c.d"]);
    }
}
