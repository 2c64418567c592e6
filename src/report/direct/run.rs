//! Running a compiled template over a value, as Handlebars would in strict mode. Wherever
//! Handlebars would fail, or do something this renderer does not, it stops with
//! [`Handlebars`], and the caller renders with Handlebars instead.

use std::borrow::Cow;
use std::cell::RefCell;

use serde_json::Number;
use smallvec::SmallVec;

use super::args::{Args, computed, truth, width};
use super::program::{Call, Helper, Kind, Node, Nodes, Param, Path, Step};
use super::value::Value;
use crate::report::helpers;

/// Handlebars must render this: it would fail here, or do what this renderer does not.
#[derive(Debug)]
pub(super) struct Handlebars;

pub(super) type Run<T> = Result<T, Handlebars>;

/// What the helpers that depend on the output need, and the format's escaping.
#[derive(Debug)]
pub(super) struct Env {
    /// Escapes a value, writing it at the end of a string.
    pub(super) escape: fn(&str, &mut String),
    pub(super) settings: helpers::Settings,
}

/// A value read: borrowed from the data, or made by a helper.
pub(super) type Read<'a> = Option<Cow<'a, Value>>;

/// One block's scope, innermost last: the value `this` names, the block's parameters and
/// its variables (`@index`, `@key`, `@first`, `@last`).
pub(super) struct Frame<'a> {
    pub(super) base: &'a Value,
    /// Block parameters (`as |item key|`) and a partial's hash, by name.
    pub(super) params: Vec<(&'a str, Cow<'a, Value>)>,
    pub(super) locals: Locals<'a>,
}

impl<'a> Frame<'a> {
    /// The same scope, for a partial's list of scopes.
    pub(super) fn copy(&self) -> Frame<'a> {
        Frame {
            base: self.base,
            params: self.params.clone(),
            locals: self.locals,
        }
    }
}

/// A block's variables: an `each` block's position (and key, over an object).
#[derive(Clone, Copy, Default)]
pub(super) struct Locals<'a> {
    pub(super) index: Option<usize>,
    pub(super) first: Option<bool>,
    pub(super) last: Option<bool>,
    pub(super) key: Option<&'a str>,
}

/// Renders the template `entry` of `templates` over `root` into `out`.
pub(super) fn render(templates: &[(String, Nodes)], entry: &str, root: &Value, env: &Env, out: &mut String) -> Run<()> {
    let (name, nodes) = templates.iter().find(|(name, _)| name == entry).ok_or(Handlebars)?;
    let mut frames = vec![Frame {
        base: root,
        params: Vec::new(),
        locals: Locals::default(),
    }];
    let runner = Runner {
        root,
        env,
        templates,
        including: RefCell::new(vec![name.as_str()]),
        buffers: RefCell::default(),
    };
    runner.nodes(nodes, &mut frames, out)
}

pub(super) struct Runner<'r> {
    root: &'r Value,
    pub(super) env: &'r Env,
    pub(super) templates: &'r [(String, Nodes)],
    /// The partials being rendered, outermost first: one that includes itself, even
    /// through others, is left to Handlebars.
    pub(super) including: RefCell<Vec<&'r str>>,
    /// Strings a `wrap` block writes its body into, kept for the next.
    pub(super) buffers: RefCell<Vec<String>>,
}

impl<'r> Runner<'r> {
    pub(super) fn nodes<'f>(&self, nodes: &'f [Node], frames: &mut Vec<Frame<'f>>, out: &mut String) -> Run<()>
    where
        'r: 'f,
    {
        for node in nodes {
            match node {
                Node::Raw(text) => out.push_str(text),
                Node::Value { path, escape } => {
                    let value = self.path(path, frames)?.ok_or(Handlebars)?;
                    self.write(&value, *escape, out);
                }
                Node::Call { call, escape } => self.expression(call, *escape, frames, out)?,
                Node::Block(block) => self.block(block, frames, out)?,
                Node::Partial(partial) => self.partial(partial, frames, out)?,
                Node::Handlebars => return Err(Handlebars),
            }
        }
        Ok(())
    }

    fn write(&self, value: &Value, escape: bool, out: &mut String) {
        if escape {
            (self.env.escape)(&value.rendered(), out);
        } else {
            value.render_into(out);
        }
    }

    /// A value read from the data, or `None` where Handlebars finds nothing.
    fn path<'f>(&self, path: &'f Path, frames: &[Frame<'f>]) -> Run<Read<'f>>
    where
        'r: 'f,
    {
        match path {
            Path::Local { level, name } => {
                let Some(frame) = frames.len().checked_sub(level + 1).and_then(|i| frames.get(i)) else {
                    return Ok(None);
                };
                let l = frame.locals;
                Ok(match name.as_str() {
                    "index" => l.index.map(|i| Value::Number(Number::from(i as u64))),
                    "first" => l.first.map(Value::Bool),
                    "last" => l.last.map(Value::Bool),
                    "key" => l.key.map(|k| Value::String(k.to_string())),
                    _ => None,
                }
                .map(Cow::Owned))
            }
            Path::Relative(steps) => self.relative(steps, frames),
        }
    }

    /// Handlebars' lookup of a relative path: a block parameter named first, else `@root`,
    /// else the block `../` counts out (the innermost when there are too few), else the
    /// current block.
    fn relative<'f>(&self, steps: &'f [Step], frames: &[Frame<'f>]) -> Run<Read<'f>>
    where
        'r: 'f,
    {
        let mut depth = 0;
        let mut start: Option<Cow<'f, Value>> = None;
        let mut rest = steps;
        for step in steps {
            match step {
                Step::Named(name) => {
                    if let Some(value) = block_param(frames, name) {
                        start = Some(value);
                        rest = &steps[depth + 1..];
                    }
                    break;
                }
                Step::Root => {
                    start = Some(Cow::Borrowed(self.root));
                    break;
                }
                Step::Up => depth += 1,
            }
        }
        let start = match start {
            Some(value) => value,
            None => {
                let innermost = frames.last().ok_or(Handlebars)?;
                let frame = frames
                    .len()
                    .checked_sub(depth + 1)
                    .and_then(|i| frames.get(i))
                    .unwrap_or(innermost);
                Cow::Borrowed(frame.base)
            }
        };
        let mut names = rest.iter().filter_map(|s| match s {
            Step::Named(n) => Some(n.as_str()),
            _ => None,
        });
        match start {
            Cow::Borrowed(mut value) => {
                for name in names {
                    match child(value, name)? {
                        Some(v) => value = v,
                        None => return Ok(None),
                    }
                }
                Ok(Some(Cow::Borrowed(value)))
            }
            Cow::Owned(owned) => {
                let mut value = &owned;
                for name in names.by_ref() {
                    match child(value, name)? {
                        Some(v) => value = v,
                        None => return Ok(None),
                    }
                }
                Ok(Some(Cow::Owned(value.clone())))
            }
        }
    }

    /// An argument's value; `None` where the data has nothing.
    pub(super) fn param<'f>(&self, param: &'f Param, frames: &[Frame<'f>]) -> Run<Read<'f>>
    where
        'r: 'f,
    {
        match param {
            Param::Path(path) => self.path(path, frames),
            Param::Literal(value) => Ok(Some(Cow::Borrowed(value))),
            Param::Sub(call) => self.value_of(call, frames).map(|v| Some(Cow::Owned(v))),
            Param::Missing => Ok(None),
        }
    }

    /// Every argument and hash value, read before the helper runs (as Handlebars does).
    pub(super) fn args<'f>(&self, call: &'f Call, frames: &[Frame<'f>]) -> Run<Args<'f>>
    where
        'r: 'f,
    {
        let mut params = SmallVec::new();
        for p in &call.params {
            params.push(self.param(p, frames)?);
        }
        let mut hash = SmallVec::new();
        for (k, p) in &call.hash {
            hash.push((k.as_str(), self.param(p, frames)?));
        }
        Ok(Args { params, hash })
    }

    /// `{{helper ...}}`: the helper's output, escaped where Handlebars escapes it.
    fn expression<'f>(&self, call: &'f Call, escape: bool, frames: &[Frame<'f>], out: &mut String) -> Run<()>
    where
        'r: 'f,
    {
        let args = self.args(call, frames)?;
        match call.helper.kind() {
            Kind::Writes => out.push_str(&self.written(call.helper, &args)?),
            Kind::Tests => out.push_str(if truth(call.helper, &args)? { "true" } else { "false" }),
            Kind::Computes => self.write(&computed(call.helper, &args)?, escape, out),
            // `if` and `unless` without a body write nothing; the rest is left to Handlebars.
            Kind::Block if matches!(call.helper, Helper::If | Helper::Unless) => {
                args.required(0)?;
            }
            Kind::Block => return Err(Handlebars),
        }
        Ok(())
    }

    /// `(helper ...)`: the helper's value.
    fn value_of<'f>(&self, call: &'f Call, frames: &[Frame<'f>]) -> Run<Value>
    where
        'r: 'f,
    {
        let args = self.args(call, frames)?;
        match call.helper.kind() {
            Kind::Writes => Ok(Value::String(self.written(call.helper, &args)?)),
            Kind::Tests => Ok(Value::Bool(truth(call.helper, &args)?)),
            Kind::Computes => computed(call.helper, &args),
            Kind::Block => Err(Handlebars),
        }
    }

    /// What the helpers that write text themselves (unescaped) write.
    fn written(&self, helper: Helper, args: &Args<'_>) -> Run<String> {
        Ok(match helper {
            Helper::Join => {
                let separator = args
                    .param(1)
                    .map_or_else(|| Cow::Borrowed(", "), |v| owned(v.rendered()));
                let field = args.param(2).map(|v| owned(v.rendered()));
                match args.value(0) {
                    Value::Array(items) => {
                        let mut out = String::new();
                        for (i, item) in items.iter().enumerate() {
                            if i > 0 {
                                out.push_str(&separator);
                            }
                            match &field {
                                Some(f) => {
                                    if let Some(v) = item.get(f) {
                                        v.render_into(&mut out);
                                    }
                                }
                                None => item.render_into(&mut out),
                            }
                        }
                        out
                    }
                    _ => String::new(),
                }
            }
            Helper::Link => {
                let url = args.value(0).as_str().unwrap_or_default();
                let text = args.param(1).map(|v| v.rendered().into_owned()).unwrap_or_default();
                helpers::linked(self.env.settings.hyperlinks, url, &text)
            }
            Helper::Pad | Helper::Lpad => {
                let text = args.param(0).map(|v| v.rendered().into_owned()).unwrap_or_default();
                let width = width(args.param(1)).ok_or(Handlebars)?;
                if helper == Helper::Pad {
                    format!("{text:<width$}")
                } else {
                    format!("{text:>width$}")
                }
            }
            _ => return Err(Handlebars),
        })
    }
}

/// The block parameter `name`, innermost block first.
fn block_param<'a>(frames: &[Frame<'a>], name: &str) -> Option<Cow<'a, Value>> {
    frames
        .iter()
        .rev()
        .find_map(|frame| frame.params.iter().find(|(n, _)| *n == name).map(|(_, v)| v.clone()))
}

/// A field of an object or an item of a list; Handlebars fails on a list read by a name
/// that is not a number.
fn child<'v>(value: &'v Value, name: &str) -> Run<Option<&'v Value>> {
    Ok(match value {
        Value::Array(items) => items.get(name.parse::<usize>().map_err(|_| Handlebars)?),
        Value::Object(_) => value.get(name),
        _ => None,
    })
}

/// Text kept past the value it was read from.
fn owned(text: Cow<'_, str>) -> Cow<'static, str> {
    Cow::Owned(text.into_owned())
}
