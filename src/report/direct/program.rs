//! Compiled templates as the direct renderer runs them: each name decided once (a helper
//! or a value), each literal read once, each path split into its steps.

use serde::{Deserialize, Serialize};

use super::value::Value;
use crate::report::frozen::{self, Element, Param as FrozenParam, PathKind, Seg};

/// A template's elements, in order.
pub(super) type Nodes = Vec<Node>;

/// One element of a template.
#[derive(Debug, Serialize, Deserialize)]
pub(super) enum Node {
    /// Text written as it is.
    Raw(String),
    /// `{{path}}` (escaped) or `{{{path}}}`: a value.
    Value { path: Path, escape: bool },
    /// `{{helper ...}}` or `{{{helper ...}}}`.
    Call { call: Call, escape: bool },
    /// `{{#helper ...}}...{{else}}...{{/helper}}`.
    Block(Box<BlockCall>),
    /// `{{> name}}`, `{{> name context key=value}}`: a partial on a line of its own or
    /// within one, not a block and not indented.
    Partial(Box<PartialCall>),
    /// Something the direct renderer leaves to Handlebars when it is reached: a partial,
    /// a decorator, a helper it does not know, a value named like a helper.
    Handlebars,
}

/// A helper called with its arguments.
#[derive(Debug, Serialize, Deserialize)]
pub(super) struct Call {
    pub(super) helper: Helper,
    pub(super) params: Vec<Param>,
    pub(super) hash: Vec<(String, Param)>,
}

/// A block helper: its call, block parameters, body and `else`.
#[derive(Debug, Serialize, Deserialize)]
pub(super) struct BlockCall {
    pub(super) call: Call,
    /// `as |item|` or `as |item key|`.
    pub(super) block_params: Option<(String, Option<String>)>,
    pub(super) body: Option<Nodes>,
    pub(super) inverse: Option<Nodes>,
}

/// A partial included: its name, the context it is given and its hash.
#[derive(Debug, Serialize, Deserialize)]
pub(super) struct PartialCall {
    pub(super) name: String,
    pub(super) context: Option<Param>,
    pub(super) hash: Vec<(String, Param)>,
}

/// An argument.
#[derive(Debug, Serialize, Deserialize)]
pub(super) enum Param {
    /// A value read from the data.
    Path(Path),
    /// A literal, read when the template was compiled (kept as JSON text in the cache).
    Literal(#[serde(with = "literal")] Value),
    /// `(helper ...)`.
    Sub(Box<Call>),
    /// A bare name in an argument's place, which Handlebars reads as nothing.
    Missing,
}

/// A path into the data.
#[derive(Debug, Serialize, Deserialize)]
pub(super) enum Path {
    /// `@index`, `@../key`: a block's own variable, `level` blocks out.
    Local { level: usize, name: String },
    /// `a.b`, `../a`, `@root.a`, `this`.
    Relative(Vec<Step>),
}

/// One step of a relative path.
#[derive(Debug, Serialize, Deserialize)]
pub(super) enum Step {
    /// A field or an index.
    Named(String),
    /// `@root`.
    Root,
    /// `..`.
    Up,
}

/// The helpers the direct renderer runs itself; every other helper name a template uses
/// is left to Handlebars.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub(super) enum Helper {
    If,
    Unless,
    Each,
    With,
    Lookup,
    Eq,
    Ne,
    Gt,
    Gte,
    Lt,
    Lte,
    And,
    Or,
    Not,
    Len,
    Join,
    Wrap,
    Link,
    Pad,
    Lpad,
    MaxLen,
    Add,
    Mul,
    Capitalize,
    CssString,
    /// A helper the registry has that the direct renderer does not run (`log`, `raw`).
    Other,
}

/// What a helper does, which decides how a call to it is rendered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    /// Writes text itself, unescaped (`join`, `link`, `pad`, `lpad`).
    Writes,
    /// Tests its arguments: `true` or `false`, or a block's body or `else`.
    Tests,
    /// Computes a value, written escaped.
    Computes,
    /// A block helper, or one left to Handlebars.
    Block,
}

impl Helper {
    /// What the helper does.
    pub(super) fn kind(self) -> Kind {
        match self {
            Helper::Join | Helper::Link | Helper::Pad | Helper::Lpad => Kind::Writes,
            Helper::Eq
            | Helper::Ne
            | Helper::Gt
            | Helper::Gte
            | Helper::Lt
            | Helper::Lte
            | Helper::And
            | Helper::Or
            | Helper::Not => Kind::Tests,
            Helper::Lookup
            | Helper::Len
            | Helper::MaxLen
            | Helper::Add
            | Helper::Mul
            | Helper::Capitalize
            | Helper::CssString => Kind::Computes,
            Helper::If | Helper::Unless | Helper::Each | Helper::With | Helper::Wrap | Helper::Other => Kind::Block,
        }
    }

    /// The helper registered under `name`, if any. The names are those of
    /// [`crate::report::helpers::names`] and Handlebars' `log` and `raw`; a test checks
    /// that the two lists agree.
    pub(super) fn named(name: &str) -> Option<Helper> {
        Some(match name {
            "if" => Helper::If,
            "unless" => Helper::Unless,
            "each" => Helper::Each,
            "with" => Helper::With,
            "lookup" => Helper::Lookup,
            "eq" => Helper::Eq,
            "ne" => Helper::Ne,
            "gt" => Helper::Gt,
            "gte" => Helper::Gte,
            "lt" => Helper::Lt,
            "lte" => Helper::Lte,
            "and" => Helper::And,
            "or" => Helper::Or,
            "not" => Helper::Not,
            "len" => Helper::Len,
            "join" => Helper::Join,
            "wrap" => Helper::Wrap,
            "link" => Helper::Link,
            "pad" => Helper::Pad,
            "lpad" => Helper::Lpad,
            "max_len" => Helper::MaxLen,
            "add" => Helper::Add,
            "mul" => Helper::Mul,
            "capitalize" => Helper::Capitalize,
            "css_string" => Helper::CssString,
            "log" | "raw" => Helper::Other,
            _ => return None,
        })
    }
}

/// The nodes of a frozen template; a template with a decorator anywhere (an inline
/// partial, which Handlebars may define before the point it is written) is left to
/// Handlebars as a whole.
pub(super) fn nodes(template: frozen::Template) -> Nodes {
    if has_decorator(&template) {
        return vec![Node::Handlebars];
    }
    elements(template)
}

fn elements(template: frozen::Template) -> Nodes {
    template.elements.into_iter().map(node).collect()
}

fn has_decorator(template: &frozen::Template) -> bool {
    let inner = |t: &Option<frozen::Template>| t.as_ref().is_some_and(has_decorator);
    template.elements.iter().any(|element| match element {
        Element::DecoratorExpression(_) | Element::DecoratorBlock(_) => true,
        Element::HelperBlock(h) | Element::Expression(h) | Element::HtmlExpression(h) => {
            inner(&h.template) || inner(&h.inverse)
        }
        Element::PartialExpression(d) | Element::PartialBlock(d) => inner(&d.template),
        Element::Raw(_) | Element::Comment(_) => false,
    })
}

fn node(element: Element) -> Node {
    match element {
        Element::Raw(text) => Node::Raw(text),
        Element::Comment(_) => Node::Raw(String::new()),
        Element::Expression(h) => expression(&h, true),
        Element::HtmlExpression(h) => expression(&h, false),
        Element::HelperBlock(h) => block(*h),
        Element::PartialExpression(d) => partial(&d),
        Element::DecoratorExpression(_) | Element::DecoratorBlock(_) | Element::PartialBlock(_) => Node::Handlebars,
    }
}

/// The name an expression gives, as Handlebars reads it to find a helper.
fn name_of(param: &FrozenParam) -> Option<&str> {
    match param {
        FrozenParam::Name(name) => Some(name),
        FrozenParam::Path(PathKind::Relative(_, raw) | PathKind::Local(_, _, raw)) => Some(raw),
        FrozenParam::Literal(_) | FrozenParam::Subexpression(_) => None,
    }
}

fn expression(h: &frozen::Helper, escape: bool) -> Node {
    let name_only = h.call.params.is_empty() && h.call.hash.is_empty();
    if name_only && name_of(&h.call.name).and_then(Helper::named).is_none() {
        // A value: Handlebars reads a bare name (not a path) as nothing, an error in
        // strict mode.
        return match &h.call.name {
            FrozenParam::Path(kind) => Node::Value {
                path: path(kind),
                escape,
            },
            _ => Node::Handlebars,
        };
    }
    match call(&h.call) {
        Some(call) => Node::Call { call, escape },
        None => Node::Handlebars,
    }
}

fn block(h: frozen::Helper) -> Node {
    let Some(call) = call(&h.call) else {
        return Node::Handlebars;
    };
    let param_name = |p: &FrozenParam| match p {
        FrozenParam::Name(name) => Some(name.clone()),
        FrozenParam::Path(PathKind::Relative(segs, _)) => match segs.as_slice() {
            [Seg::Named(name)] => Some(name.clone()),
            _ => None,
        },
        _ => None,
    };
    let block_params = match &h.block_param {
        None => None,
        Some(frozen::Block::Single(p)) => match param_name(p) {
            Some(name) => Some((name, None)),
            None => return Node::Handlebars,
        },
        Some(frozen::Block::Pair(a, b)) => match (param_name(a), param_name(b)) {
            (Some(a), Some(b)) => Some((a, Some(b))),
            _ => return Node::Handlebars,
        },
    };
    Node::Block(Box::new(BlockCall {
        call,
        block_params,
        body: h.template.map(elements),
        inverse: h.inverse.map(elements),
    }))
}

/// A partial, unless it is indented (Handlebars then indents each of its lines), has a
/// block, more than one parameter or a name it works out when rendering.
fn partial(d: &frozen::Decorator) -> Node {
    let name = match &d.call.name {
        FrozenParam::Name(name) | FrozenParam::Path(PathKind::Relative(_, name)) => name.clone(),
        _ => return Node::Handlebars,
    };
    if d.indent.is_some() || d.template.is_some() || d.call.params.len() > 1 {
        return Node::Handlebars;
    }
    let context = match d.call.params.first() {
        Some(p) => match param(p) {
            Some(p) => Some(p),
            None => return Node::Handlebars,
        },
        None => None,
    };
    let hash = d.call.hash.iter().map(|(k, v)| Some((k.clone(), param(v)?))).collect();
    match hash {
        Some(hash) => Node::Partial(Box::new(PartialCall { name, context, hash })),
        None => Node::Handlebars,
    }
}

/// A helper call, unless its name is not a helper's.
fn call(call: &frozen::Call) -> Option<Call> {
    Some(Call {
        helper: Helper::named(name_of(&call.name)?)?,
        params: call.params.iter().map(param).collect::<Option<_>>()?,
        hash: call
            .hash
            .iter()
            .map(|(k, v)| Some((k.clone(), param(v)?)))
            .collect::<Option<_>>()?,
    })
}

fn param(p: &FrozenParam) -> Option<Param> {
    Some(match p {
        FrozenParam::Name(_) => Param::Missing,
        FrozenParam::Path(kind) => Param::Path(path(kind)),
        FrozenParam::Literal(json) => {
            Param::Literal(Value::from(&serde_json::from_str::<serde_json::Value>(json).ok()?))
        }
        FrozenParam::Subexpression(sub) => Param::Sub(Box::new(call(sub)?)),
    })
}

fn path(kind: &PathKind) -> Path {
    match kind {
        PathKind::Local(level, name, _) => Path::Local {
            level: *level,
            name: name.clone(),
        },
        PathKind::Relative(segs, _) => Path::Relative(
            segs.iter()
                .map(|seg| match seg {
                    Seg::Named(name) => Step::Named(name.clone()),
                    Seg::Root => Step::Root,
                    Seg::Up => Step::Up,
                })
                .collect(),
        ),
    }
}

/// A literal as the cache keeps it: its JSON text, as the template wrote it.
mod literal {
    use serde::de::Error as _;
    use serde::ser::Error as _;
    use serde::{Deserialize, Deserializer, Serializer};

    use super::Value;

    pub(super) fn serialize<S: Serializer>(value: &Value, serializer: S) -> Result<S::Ok, S::Error> {
        let text = serde_json::to_string(&json(value)).map_err(S::Error::custom)?;
        serializer.serialize_str(&text)
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Value, D::Error> {
        let text = String::deserialize(deserializer)?;
        let json: serde_json::Value = serde_json::from_str(&text).map_err(D::Error::custom)?;
        Ok(Value::from(&json))
    }

    /// The same value as serde_json holds it.
    fn json(value: &Value) -> serde_json::Value {
        match value {
            Value::Null => serde_json::Value::Null,
            Value::Bool(b) => serde_json::Value::Bool(*b),
            Value::Number(n) => serde_json::Value::Number(n.clone()),
            Value::String(s) => serde_json::Value::String(s.clone()),
            Value::Array(items) => serde_json::Value::Array(items.iter().map(json).collect()),
            Value::Object(fields) => {
                serde_json::Value::Object(fields.iter().map(|(k, v)| (k.to_string(), json(v))).collect())
            }
        }
    }
}
