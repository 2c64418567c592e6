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

use std::fmt;

use crate::answers::AnswerValue;

/// A parsed condition.
#[derive(Debug, Clone, PartialEq, Eq)]
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
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Test {
    /// The question tested.
    pub question: String,
    /// Byte offset of the question id in the condition text.
    pub offset: usize,
    /// What is tested.
    pub op: Op,
}

/// A literal value in a condition, with its place in the condition text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Literal {
    /// The value as written (without quotes).
    pub text: String,
    /// Byte offset in the condition text.
    pub offset: usize,
}

/// The comparison a test makes.
#[derive(Debug, Clone, PartialEq, Eq)]
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
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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

/// The result of evaluating a condition: whether it holds, and which answers decided it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Outcome {
    /// Whether the condition holds.
    pub holds: bool,
    /// Question ids whose answers decided the outcome, in the order the condition names them.
    pub because: Vec<String>,
}

impl Condition {
    /// Parses a condition.
    pub fn parse(text: &str) -> Result<Condition, SyntaxError> {
        let tokens = tokenize(text)?;
        let mut parser = Parser {
            tokens,
            pos: 0,
            end: text.len(),
        };
        let condition = parser.or()?;
        match parser.peek() {
            None => Ok(condition),
            Some(tok) => Err(SyntaxError {
                offset: tok.offset,
                message: format!("expected `and`, `or` or the end of the condition, found `{}`", tok.kind),
            }),
        }
    }

    /// Every test in the condition, in the order written.
    pub fn tests(&self) -> Vec<&Test> {
        let mut out = Vec::new();
        self.collect_tests(&mut out);
        out
    }

    fn collect_tests<'a>(&'a self, out: &mut Vec<&'a Test>) {
        match self {
            Condition::All(parts) | Condition::Any(parts) => parts.iter().for_each(|p| p.collect_tests(out)),
            Condition::Not(inner) => inner.collect_tests(out),
            Condition::Test(test) => out.push(test),
        }
    }

    /// Evaluates the condition against answers; `answer` returns the effective answer to a
    /// question, or `None` when it is unanswered or not applicable.
    pub fn evaluate<'a>(&self, answer: &impl Fn(&str) -> Option<&'a AnswerValue>) -> Outcome {
        match self {
            Condition::Test(test) => Outcome {
                holds: test.evaluate(answer(&test.question)),
                because: vec![test.question.clone()],
            },
            Condition::Not(inner) => {
                let outcome = inner.evaluate(answer);
                Outcome {
                    holds: !outcome.holds,
                    because: outcome.because,
                }
            }
            Condition::All(parts) => combine(parts, answer, true),
            Condition::Any(parts) => combine(parts, answer, false),
        }
    }
}

/// `all = true`: the parts that decide are all of them when all hold, else the failing ones.
/// `all = false`: the holding ones when any holds, else all of them.
fn combine<'a>(parts: &[Condition], answer: &impl Fn(&str) -> Option<&'a AnswerValue>, all: bool) -> Outcome {
    let outcomes: Vec<Outcome> = parts.iter().map(|p| p.evaluate(answer)).collect();
    let holds = if all {
        outcomes.iter().all(|o| o.holds)
    } else {
        outcomes.iter().any(|o| o.holds)
    };
    let mut because = Vec::new();
    for outcome in &outcomes {
        let counts = if all {
            holds || !outcome.holds
        } else {
            !holds || outcome.holds
        };
        if counts {
            for id in &outcome.because {
                if !because.contains(id) {
                    because.push(id.clone());
                }
            }
        }
    }
    Outcome { holds, because }
}

impl Test {
    fn evaluate(&self, value: Option<&AnswerValue>) -> bool {
        let matches = |lit: &Literal| value.is_some_and(|v| v.matches(&lit.text));
        match &self.op {
            Op::Eq(lit) => matches(lit),
            Op::Ne(lit) => !matches(lit),
            Op::In(lits) => lits.iter().any(matches),
            Op::NotIn(lits) => !lits.iter().any(matches),
            Op::Order(ord, lit) => match (value, lit.text.parse::<i64>()) {
                (Some(AnswerValue::Integer(n)), Ok(bound)) => match ord {
                    Ordering::Lt => *n < bound,
                    Ordering::Le => *n <= bound,
                    Ordering::Gt => *n > bound,
                    Ordering::Ge => *n >= bound,
                },
                _ => false,
            },
            Op::Answered => value.is_some(),
            Op::Unanswered => value.is_none(),
        }
    }

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

impl fmt::Display for Condition {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let join = |f: &mut fmt::Formatter<'_>, parts: &[Condition], word: &str| -> fmt::Result {
            for (i, part) in parts.iter().enumerate() {
                if i > 0 {
                    write!(f, " {word} ")?;
                }
                match part {
                    Condition::All(_) | Condition::Any(_) => write!(f, "({part})")?,
                    _ => write!(f, "{part}")?,
                }
            }
            Ok(())
        };
        match self {
            Condition::All(parts) => join(f, parts, "and"),
            Condition::Any(parts) => join(f, parts, "or"),
            Condition::Not(inner) => match **inner {
                Condition::Test(_) => write!(f, "not {inner}"),
                _ => write!(f, "not ({inner})"),
            },
            Condition::Test(test) => {
                let list = |ls: &[Literal]| ls.iter().map(|l| l.text.as_str()).collect::<Vec<_>>().join(", ");
                match &test.op {
                    Op::Eq(l) => write!(f, "{} == {}", test.question, l.text),
                    Op::Ne(l) => write!(f, "{} != {}", test.question, l.text),
                    Op::In(ls) => write!(f, "{} in [{}]", test.question, list(ls)),
                    Op::NotIn(ls) => write!(f, "{} not in [{}]", test.question, list(ls)),
                    Op::Order(o, l) => write!(f, "{} {} {}", test.question, o.symbol(), l.text),
                    Op::Answered => write!(f, "{} is answered", test.question),
                    Op::Unanswered => write!(f, "{} is unanswered", test.question),
                }
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum TokenKind {
    Word(String),
    Quoted(String),
    Symbol(&'static str),
}

impl fmt::Display for TokenKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TokenKind::Word(w) => f.write_str(w),
            TokenKind::Quoted(q) => write!(f, "\"{q}\""),
            TokenKind::Symbol(s) => f.write_str(s),
        }
    }
}

#[derive(Debug, Clone)]
struct Token {
    kind: TokenKind,
    offset: usize,
}

const SYMBOLS: [&str; 10] = ["==", "!=", "<=", ">=", "<", ">", "(", ")", "[", "]"];

fn tokenize(text: &str) -> Result<Vec<Token>, SyntaxError> {
    let mut tokens = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some(&(start, c)) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
        } else if c == ',' {
            chars.next();
            tokens.push(Token {
                kind: TokenKind::Symbol(","),
                offset: start,
            });
        } else if c == '"' {
            chars.next();
            let mut value = String::new();
            loop {
                match chars.next() {
                    Some((_, '"')) => break,
                    Some((_, ch)) => value.push(ch),
                    None => {
                        return Err(SyntaxError {
                            offset: start,
                            message: "this quoted value is never closed".into(),
                        });
                    }
                }
            }
            tokens.push(Token {
                kind: TokenKind::Quoted(value),
                offset: start,
            });
        } else if is_word_char(c) {
            let mut word = String::new();
            while let Some(&(_, ch)) = chars.peek() {
                if !is_word_char(ch) {
                    break;
                }
                word.push(ch);
                chars.next();
            }
            tokens.push(Token {
                kind: TokenKind::Word(word),
                offset: start,
            });
        } else if let Some(symbol) = SYMBOLS.iter().find(|s| text[start..].starts_with(**s)) {
            for _ in 0..symbol.len() {
                chars.next();
            }
            tokens.push(Token {
                kind: TokenKind::Symbol(symbol),
                offset: start,
            });
        } else {
            return Err(SyntaxError {
                offset: start,
                message: format!(
                    "unexpected character `{c}`; conditions use ==, !=, in, <, <=, >, >=, is, and, or, not and parentheses"
                ),
            });
        }
    }
    Ok(tokens)
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '_' | '.' | '-')
}

struct Parser {
    tokens: Vec<Token>,
    pos: usize,
    end: usize,
}

impl Parser {
    fn peek(&self) -> Option<&Token> {
        self.tokens.get(self.pos)
    }

    fn peek_word(&self, word: &str) -> bool {
        matches!(self.peek(), Some(Token { kind: TokenKind::Word(w), .. }) if w == word)
    }

    fn peek_symbol(&self, symbol: &str) -> bool {
        matches!(self.peek(), Some(Token { kind: TokenKind::Symbol(s), .. }) if *s == symbol)
    }

    fn here(&self) -> usize {
        self.peek().map_or(self.end, |t| t.offset)
    }

    fn error<T>(&self, expected: &str) -> Result<T, SyntaxError> {
        let found = match self.peek() {
            Some(tok) => format!("found `{}`", tok.kind),
            None => "found the end of the condition".to_string(),
        };
        Err(SyntaxError {
            offset: self.here(),
            message: format!("expected {expected}, {found}"),
        })
    }

    fn or(&mut self) -> Result<Condition, SyntaxError> {
        let mut parts = vec![self.and()?];
        while self.peek_word("or") {
            self.pos += 1;
            parts.push(self.and()?);
        }
        Ok(if parts.len() == 1 {
            parts.remove(0)
        } else {
            Condition::Any(parts)
        })
    }

    fn and(&mut self) -> Result<Condition, SyntaxError> {
        let mut parts = vec![self.unary()?];
        while self.peek_word("and") {
            self.pos += 1;
            parts.push(self.unary()?);
        }
        Ok(if parts.len() == 1 {
            parts.remove(0)
        } else {
            Condition::All(parts)
        })
    }

    fn unary(&mut self) -> Result<Condition, SyntaxError> {
        if self.peek_word("not") {
            self.pos += 1;
            return Ok(Condition::Not(Box::new(self.unary()?)));
        }
        if self.peek_symbol("(") {
            self.pos += 1;
            let inner = self.or()?;
            if !self.peek_symbol(")") {
                return self.error("`)`");
            }
            self.pos += 1;
            return Ok(inner);
        }
        self.comparison().map(Condition::Test)
    }

    fn comparison(&mut self) -> Result<Test, SyntaxError> {
        let (question, offset) = match self.peek() {
            Some(Token {
                kind: TokenKind::Word(w),
                offset,
            }) if !is_keyword(w) => (w.clone(), *offset),
            _ => return self.error("a question id such as `why.goals`"),
        };
        self.pos += 1;
        let op = match self.peek().map(|t| t.kind.clone()) {
            Some(TokenKind::Symbol("==")) => {
                self.pos += 1;
                Op::Eq(self.literal()?)
            }
            Some(TokenKind::Symbol("!=")) => {
                self.pos += 1;
                Op::Ne(self.literal()?)
            }
            Some(TokenKind::Symbol(s @ ("<" | "<=" | ">" | ">="))) => {
                self.pos += 1;
                let ord = match s {
                    "<" => Ordering::Lt,
                    "<=" => Ordering::Le,
                    ">" => Ordering::Gt,
                    _ => Ordering::Ge,
                };
                let lit = self.literal()?;
                if lit.text.parse::<i64>().is_err() {
                    return Err(SyntaxError {
                        offset: lit.offset,
                        message: format!("`{s}` compares with a whole number, found `{}`", lit.text),
                    });
                }
                Op::Order(ord, lit)
            }
            Some(TokenKind::Word(w)) if w == "in" => {
                self.pos += 1;
                Op::In(self.list()?)
            }
            Some(TokenKind::Word(w)) if w == "not" => {
                self.pos += 1;
                if !self.peek_word("in") {
                    return self.error("`in` after `not`");
                }
                self.pos += 1;
                Op::NotIn(self.list()?)
            }
            Some(TokenKind::Word(w)) if w == "is" => {
                self.pos += 1;
                let op = if self.peek_word("answered") {
                    Op::Answered
                } else if self.peek_word("unanswered") {
                    Op::Unanswered
                } else {
                    return self.error("`answered` or `unanswered` after `is`");
                };
                self.pos += 1;
                op
            }
            _ => return self.error("`==`, `!=`, `in`, `not in`, `<`, `<=`, `>`, `>=` or `is`"),
        };
        Ok(Test { question, offset, op })
    }

    fn literal(&mut self) -> Result<Literal, SyntaxError> {
        match self.peek() {
            Some(Token {
                kind: TokenKind::Word(w) | TokenKind::Quoted(w),
                offset,
            }) => {
                let lit = Literal {
                    text: w.clone(),
                    offset: *offset,
                };
                self.pos += 1;
                Ok(lit)
            }
            _ => self.error("a value"),
        }
    }

    fn list(&mut self) -> Result<Vec<Literal>, SyntaxError> {
        if !self.peek_symbol("[") {
            return self.error("`[` to start a list of values");
        }
        self.pos += 1;
        let mut values = vec![self.literal()?];
        loop {
            if self.peek_symbol("]") {
                self.pos += 1;
                return Ok(values);
            }
            if !self.peek_symbol(",") {
                return self.error("`,` or `]`");
            }
            self.pos += 1;
            values.push(self.literal()?);
        }
    }
}

fn is_keyword(word: &str) -> bool {
    matches!(word, "and" | "or" | "not" | "in" | "is")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn eval(text: &str, answers: &[(&str, AnswerValue)]) -> Outcome {
        let condition = Condition::parse(text).unwrap();
        condition.evaluate(&|id: &str| answers.iter().find(|(q, _)| *q == id).map(|(_, v)| v))
    }

    fn choice(v: &str) -> AnswerValue {
        AnswerValue::Choice(v.to_string())
    }

    #[test]
    fn parses_and_prints_back() {
        let text = "a.b == yes and (c.d in [x, \"y z\"] or not e.f is answered) and g.h >= 3";
        let c = Condition::parse(text).unwrap();
        assert_eq!(
            c.to_string(),
            "a.b == yes and (c.d in [x, y z] or not e.f is answered) and g.h >= 3"
        );
        assert_eq!(c.tests().len(), 4);
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
        let answers = [("a.b", choice("partly")), ("a.n", AnswerValue::Integer(300))];
        assert!(eval("a.b in [yes, partly]", &answers).holds);
        assert!(eval("a.n < 500 and a.n >= 300", &answers).holds);
        assert!(!eval("a.n > 300", &answers).holds);
        assert!(eval("not a.b == yes", &answers).holds);
    }

    #[test]
    fn because_names_the_deciding_answers() {
        let answers = [("a.b", choice("yes")), ("c.d", choice("no"))];
        assert_eq!(eval("a.b == yes and c.d == no", &answers).because, ["a.b", "c.d"]);
        assert_eq!(eval("a.b == no or c.d == no", &answers).because, ["c.d"]);
        let failed = eval("a.b == yes and c.d == yes", &answers);
        assert!(!failed.holds);
        assert_eq!(failed.because, ["c.d"]);
    }
}
