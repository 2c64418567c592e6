//! The condition language's tokenizer and recursive-descent parser (grammar in [`super`]).
//!
//! The tokenizer is a loop; the parser recurses only into `not` and parentheses, and at
//! most [`MAX_DEPTH`] levels deep, so no condition can exhaust the stack of the parser or
//! of anything that walks a parsed condition (evaluation, printing, analysis).

use std::fmt;

use super::{Condition, Literal, Op, Ordering, SyntaxError, Test};

/// How deeply `not` and parentheses may nest in one condition.
pub const MAX_DEPTH: usize = 64;

/// Parses a condition.
pub(super) fn parse(text: &str) -> Result<Condition, SyntaxError> {
    let tokens = tokenize(text)?;
    let mut parser = Parser {
        tokens,
        pos: 0,
        end: text.len(),
        depth: 0,
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
    /// How many `not` and `(` enclose the part being parsed.
    depth: usize,
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
        let nests = self.peek_word("not") || self.peek_symbol("(");
        if !nests {
            return self.comparison().map(Condition::Test);
        }
        if self.depth >= MAX_DEPTH {
            return Err(SyntaxError {
                offset: self.here(),
                message: format!(
                    "the condition nests `not` and parentheses more than {MAX_DEPTH} levels deep; write it more simply"
                ),
            });
        }
        self.depth += 1;
        let result = if self.peek_word("not") {
            self.pos += 1;
            self.unary().map(|inner| Condition::Not(Box::new(inner)))
        } else {
            self.pos += 1;
            self.or().and_then(|inner| {
                if !self.peek_symbol(")") {
                    return self.error("`)`");
                }
                self.pos += 1;
                Ok(inner)
            })
        };
        self.depth -= 1;
        result
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
        Ok(Test {
            question: question.into(),
            index: usize::MAX,
            offset,
            op,
        })
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

/// Whether a value can be written without quotes: a word that is not a keyword.
pub(super) fn is_bare_word(text: &str) -> bool {
    !text.is_empty() && text.chars().all(is_word_char) && !is_keyword(text)
}

fn is_keyword(word: &str) -> bool {
    matches!(word, "and" | "or" | "not" | "in" | "is")
}
