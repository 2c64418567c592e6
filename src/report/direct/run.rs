//! Running a compiled template over a value, as Handlebars would (strict mode, no partials).
//! Wherever Handlebars would fail, or do something this renderer does not, it stops with
//! [`Handlebars`], and the caller renders with Handlebars instead.

use std::borrow::Cow;
use std::cmp::Ordering;
use std::str::FromStr;

use num_order::NumOrd;
use serde_json::Number;
use smallvec::SmallVec;

use std::cell::RefCell;

use super::program::{BlockCall, Call, Helper, Node, Nodes, Param, PartialCall, Path, Step};
use super::value::Value;
use crate::report::helpers;

/// Handlebars must render this: it would fail here, or do what this renderer does not.
#[derive(Debug)]
pub(super) struct Handlebars;

type Run<T> = Result<T, Handlebars>;

/// What the helpers that depend on the output need, and the format's escaping.
#[derive(Debug)]
pub(super) struct Env {
    /// Escapes a value, writing it at the end of a string.
    pub(super) escape: fn(&str, &mut String),
    pub(super) settings: helpers::Settings,
}

/// A value read: borrowed from the data, or made by a helper.
type Read<'a> = Option<Cow<'a, Value>>;

/// One block's scope, innermost last: the value `this` names, the block's parameters and
/// its variables (`@index`, `@key`, `@first`, `@last`).
struct Frame<'a> {
    base: &'a Value,
    /// Block parameters (`as |item key|`) and a partial's hash, by name.
    params: Vec<(&'a str, Cow<'a, Value>)>,
    locals: Locals<'a>,
}

impl<'a> Frame<'a> {
    fn copy(&self) -> Frame<'a> {
        Frame {
            base: self.base,
            params: self.params.clone(),
            locals: self.locals,
        }
    }
}

#[derive(Clone, Copy, Default)]
struct Locals<'a> {
    index: Option<usize>,
    first: Option<bool>,
    last: Option<bool>,
    key: Option<&'a str>,
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

struct Runner<'r> {
    root: &'r Value,
    env: &'r Env,
    templates: &'r [(String, Nodes)],
    /// The partials being rendered, outermost first: one that includes itself, even
    /// through others, is left to Handlebars.
    including: RefCell<Vec<&'r str>>,
    /// Strings a `wrap` block writes its body into, kept for the next.
    buffers: RefCell<Vec<String>>,
}

impl<'r> Runner<'r> {
    fn nodes<'f>(&self, nodes: &'f [Node], frames: &mut Vec<Frame<'f>>, out: &mut String) -> Run<()>
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
    fn param<'f>(&self, param: &'f Param, frames: &[Frame<'f>]) -> Run<Read<'f>>
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
    fn args<'f>(&self, call: &'f Call, frames: &[Frame<'f>]) -> Run<Args<'f>>
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
        match call.helper {
            Helper::Join | Helper::Link | Helper::Pad | Helper::Lpad => {
                out.push_str(&self.written(call.helper, &args)?);
            }
            Helper::Eq
            | Helper::Ne
            | Helper::Gt
            | Helper::Gte
            | Helper::Lt
            | Helper::Lte
            | Helper::And
            | Helper::Or
            | Helper::Not => {
                out.push_str(if truth(call.helper, &args)? { "true" } else { "false" });
            }
            Helper::Lookup
            | Helper::Len
            | Helper::MaxLen
            | Helper::Add
            | Helper::Mul
            | Helper::Capitalize
            | Helper::CssString => {
                let value = computed(call.helper, &args)?;
                self.write(&value, escape, out);
            }
            // Blocks without a body write nothing; the rest is left to Handlebars.
            Helper::If | Helper::Unless => {
                args.required(0)?;
            }
            Helper::Each | Helper::With | Helper::Wrap | Helper::Other => return Err(Handlebars),
        }
        Ok(())
    }

    /// `(helper ...)`: the helper's value.
    fn value_of<'f>(&self, call: &'f Call, frames: &[Frame<'f>]) -> Run<Value>
    where
        'r: 'f,
    {
        let args = self.args(call, frames)?;
        match call.helper {
            Helper::Join | Helper::Link | Helper::Pad | Helper::Lpad => {
                Ok(Value::String(self.written(call.helper, &args)?))
            }
            Helper::Eq
            | Helper::Ne
            | Helper::Gt
            | Helper::Gte
            | Helper::Lt
            | Helper::Lte
            | Helper::And
            | Helper::Or
            | Helper::Not => Ok(Value::Bool(truth(call.helper, &args)?)),
            Helper::Lookup
            | Helper::Len
            | Helper::MaxLen
            | Helper::Add
            | Helper::Mul
            | Helper::Capitalize
            | Helper::CssString => computed(call.helper, &args),
            Helper::If | Helper::Unless | Helper::Each | Helper::With | Helper::Wrap | Helper::Other => Err(Handlebars),
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

    fn block<'f>(&self, block: &'f BlockCall, frames: &mut Vec<Frame<'f>>, out: &mut String) -> Run<()>
    where
        'r: 'f,
    {
        let call = &block.call;
        let args = self.args(call, frames)?;
        let body = block.body.as_deref();
        let inverse = block.inverse.as_deref();
        match call.helper {
            Helper::If | Helper::Unless => {
                let value = args.required(0)?;
                let include_zero = matches!(args.hash("includeZero"), Some(Value::Bool(true)));
                let yes = value.is_some_and(|v| v.is_truthy(include_zero)) == (call.helper == Helper::If);
                self.branch(if yes { body } else { inverse }, frames, out)
            }
            Helper::Eq
            | Helper::Ne
            | Helper::Gt
            | Helper::Gte
            | Helper::Lt
            | Helper::Lte
            | Helper::And
            | Helper::Or
            | Helper::Not => {
                let yes = truth(call.helper, &args)?;
                self.branch(if yes { body } else { inverse }, frames, out)
            }
            Helper::Each => self.each(block, args, frames, out),
            Helper::With => {
                let value = args.required(0)?;
                let value = match value {
                    Some(Cow::Borrowed(v)) if v.is_truthy(false) => v,
                    // A value a helper made, or nothing: left to Handlebars.
                    Some(Cow::Borrowed(_)) | None => {
                        return match inverse {
                            Some(nodes) => self.nodes(nodes, frames, out),
                            None => Err(Handlebars),
                        };
                    }
                    Some(Cow::Owned(_)) => return Err(Handlebars),
                };
                let locals = frames.last().map(|f| f.locals).unwrap_or_default();
                let params = match &block.block_params {
                    Some((item, _)) => vec![(item.as_str(), Cow::Borrowed(value))],
                    None => Vec::new(),
                };
                frames.push(Frame {
                    base: value,
                    params,
                    locals,
                });
                let result = self.branch(body, frames, out);
                frames.pop();
                result
            }
            Helper::Wrap => {
                let indent = args
                    .hash("indent")
                    .map(|v| v.rendered().into_owned())
                    .unwrap_or_default();
                if indent.chars().count() as u64 > helpers::MAX_WIDTH {
                    return Err(Handlebars);
                }
                let width = match args.hash("width") {
                    Some(w) => width_from(w, 1).ok_or(Handlebars)?,
                    None => self.env.settings.width,
                };
                // The body is written into a buffer kept for the next wrap, then wrapped.
                let mut text = self.buffers.borrow_mut().pop().unwrap_or_default();
                text.clear();
                let result = self.branch(body, frames, &mut text);
                if result.is_ok() {
                    crate::report::wrap::wrap_into(&text, &indent, width, out);
                }
                self.buffers.borrow_mut().push(text);
                result
            }
            _ => Err(Handlebars),
        }
    }

    /// `{{> name}}`: the partial rendered in a block of its own, whose context is the one
    /// given (or the current one) with the hash's keys set, and whose block parameters are
    /// the hash's keys.
    fn partial<'f>(&self, call: &'f PartialCall, frames: &mut Vec<Frame<'f>>, out: &mut String) -> Run<()>
    where
        'r: 'f,
    {
        let (name, nodes) = self
            .templates
            .iter()
            .find(|(name, _)| *name == call.name)
            .ok_or(Handlebars)?;
        if self.including.borrow().contains(&name.as_str()) {
            return Err(Handlebars);
        }
        let hash: Vec<(&str, Cow<'f, Value>)> = call
            .hash
            .iter()
            .map(|(k, p)| Ok((k.as_str(), self.param(p, frames)?.unwrap_or(Cow::Owned(Value::Null)))))
            .collect::<Run<_>>()?;
        let context: Cow<'f, Value> = match &call.context {
            Some(p) => self.param(p, frames)?.unwrap_or(Cow::Owned(Value::Null)),
            None => Cow::Borrowed(frames.last().ok_or(Handlebars)?.base),
        };
        let context: Cow<'f, Value> = if hash.is_empty() {
            context
        } else {
            Cow::Owned(merged(&context, &hash))
        };
        let locals = frames.last().map(|f| f.locals).unwrap_or_default();
        let mut inner: Vec<Frame<'_>> = frames.iter().map(Frame::copy).collect();
        inner.push(Frame {
            base: &context,
            params: hash,
            locals,
        });
        self.including.borrow_mut().push(name);
        let result = self.nodes(nodes, &mut inner, out);
        self.including.borrow_mut().pop();
        result
    }

    fn branch<'f>(&self, nodes: Option<&'f [Node]>, frames: &mut Vec<Frame<'f>>, out: &mut String) -> Run<()>
    where
        'r: 'f,
    {
        match nodes {
            Some(nodes) => self.nodes(nodes, frames, out),
            None => Ok(()),
        }
    }

    fn each<'f>(&self, block: &'f BlockCall, args: Args<'f>, frames: &mut Vec<Frame<'f>>, out: &mut String) -> Run<()>
    where
        'r: 'f,
    {
        let Some(body) = block.body.as_deref() else {
            args.required(0)?;
            return Ok(());
        };
        let value = match args.required(0)? {
            Some(Cow::Borrowed(v)) => v,
            None => &Value::Null,
            // A list a helper made: left to Handlebars.
            Some(Cow::Owned(_)) => return Err(Handlebars),
        };
        let inverse = block.inverse.as_deref();
        let (item_name, key_name) = match &block.block_params {
            Some((item, key)) => (Some(item.as_str()), key.as_deref()),
            None => (None, None),
        };
        match value {
            Value::Array(items) if !items.is_empty() || inverse.is_none() => {
                let len = items.len();
                for (i, item) in items.iter().enumerate() {
                    frames.push(Frame {
                        base: item,
                        params: block_params(item_name, item, key_name, || Value::Number(Number::from(i as u64))),
                        locals: Locals {
                            index: Some(i),
                            first: Some(i == 0),
                            last: Some(i + 1 == len),
                            key: None,
                        },
                    });
                    let result = self.nodes(body, frames, out);
                    frames.pop();
                    result?;
                }
                Ok(())
            }
            Value::Object(fields) if !fields.is_empty() || inverse.is_none() => {
                let len = fields.len();
                for (i, (key, item)) in fields.iter().enumerate() {
                    frames.push(Frame {
                        base: item,
                        params: block_params(item_name, item, key_name, || Value::String(key.to_string())),
                        locals: Locals {
                            index: Some(i),
                            first: Some(i == 0),
                            last: Some(i + 1 == len),
                            key: Some(key),
                        },
                    });
                    let result = self.nodes(body, frames, out);
                    frames.pop();
                    result?;
                }
                Ok(())
            }
            _ => match inverse {
                Some(nodes) => self.nodes(nodes, frames, out),
                None => Err(Handlebars),
            },
        }
    }
}

/// An `each` block's parameters: the item, and its index or key.
fn block_params<'a>(
    item_name: Option<&'a str>,
    item: &'a Value,
    key_name: Option<&'a str>,
    key: impl FnOnce() -> Value,
) -> Vec<(&'a str, Cow<'a, Value>)> {
    let Some(item_name) = item_name else {
        return Vec::new();
    };
    let mut params = vec![(item_name, Cow::Borrowed(item))];
    if let Some(key_name) = key_name {
        params.push((key_name, Cow::Owned(key())));
    }
    params
}

/// The block parameter `name`, innermost block first.
fn block_param<'a>(frames: &[Frame<'a>], name: &str) -> Option<Cow<'a, Value>> {
    frames
        .iter()
        .rev()
        .find_map(|frame| frame.params.iter().find(|(n, _)| *n == name).map(|(_, v)| v.clone()))
}

/// Handlebars' context for a partial given `hash`: the context with the hash's keys set
/// (a list or text first made an object keyed by position).
fn merged(context: &Value, hash: &[(&str, Cow<'_, Value>)]) -> Value {
    let mut fields: Vec<(Cow<'static, str>, Value)> = match context {
        Value::Object(fields) => fields.clone(),
        Value::Array(items) => items
            .iter()
            .enumerate()
            .map(|(i, v)| (Cow::Owned(i.to_string()), v.clone()))
            .collect(),
        Value::String(s) => s
            .chars()
            .enumerate()
            .map(|(i, c)| (Cow::Owned(i.to_string()), Value::String(c.to_string())))
            .collect(),
        _ => Vec::new(),
    };
    for (key, value) in hash {
        match fields.iter_mut().find(|(k, _)| k == key) {
            Some((_, v)) => *v = value.as_ref().clone(),
            None => fields.push((Cow::Owned((*key).to_string()), value.as_ref().clone())),
        }
    }
    Value::Object(fields)
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

fn owned(text: Cow<'_, str>) -> Cow<'static, str> {
    Cow::Owned(text.into_owned())
}

/// A helper's arguments, read.
struct Args<'a> {
    params: SmallVec<[Read<'a>; 3]>,
    hash: SmallVec<[(&'a str, Read<'a>); 2]>,
}

impl<'a> Args<'a> {
    /// Argument `i` as Handlebars gives it to a helper: `null` where the data has nothing.
    fn param(&self, i: usize) -> Option<&Value> {
        self.params.get(i).map(|v| v.as_deref().unwrap_or(&Value::Null))
    }

    fn value(&self, i: usize) -> &Value {
        self.param(i).unwrap_or(&Value::Null)
    }

    /// Argument `i`, which must be given (it may name nothing).
    fn required(&self, i: usize) -> Run<Option<Cow<'a, Value>>> {
        self.params.get(i).cloned().ok_or(Handlebars)
    }

    /// Argument `i`, which must be given and name something (strict mode).
    fn present(&self, i: usize) -> Run<&Value> {
        self.params.get(i).and_then(|v| v.as_deref()).ok_or(Handlebars)
    }

    /// The hash value `key`, as Handlebars gives it to a helper: `null` where the data has
    /// nothing.
    fn hash(&self, key: &str) -> Option<&Value> {
        self.hash
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| v.as_deref().unwrap_or(&Value::Null))
    }
}

/// The comparisons and logic helpers.
fn truth(helper: Helper, args: &Args<'_>) -> Run<bool> {
    Ok(match helper {
        Helper::Not => !args.present(0)?.is_truthy(false),
        // Handlebars' `and` and `or` read missing values as `null`, and take any number.
        Helper::And => (0..args.params.len()).all(|i| args.value(i).is_truthy(false)),
        Helper::Or => (0..args.params.len()).any(|i| args.value(i).is_truthy(false)),
        _ => {
            let (x, y) = (args.present(0)?, args.present(1)?);
            match helper {
                Helper::Eq => x.same(y),
                Helper::Ne => !x.same(y),
                Helper::Gt => compare(x, y) == Some(Ordering::Greater),
                Helper::Gte => compare(x, y).is_some_and(|o| o != Ordering::Less),
                Helper::Lt => compare(x, y) == Some(Ordering::Less),
                Helper::Lte => compare(x, y).is_some_and(|o| o != Ordering::Greater),
                _ => return Err(Handlebars),
            }
        }
    })
}

/// The helpers that give a value (written escaped).
fn computed(helper: Helper, args: &Args<'_>) -> Run<Value> {
    Ok(match helper {
        Helper::Lookup => {
            let (collection, index) = (args.param(0).ok_or(Handlebars)?, args.param(1).ok_or(Handlebars)?);
            let found = match collection {
                Value::Array(items) => match index {
                    Value::Number(n) => n.as_u64().and_then(|u| items.get(usize::try_from(u).ok()?)),
                    _ => None,
                },
                Value::Object(_) => index.as_str().and_then(|k| collection.get(k)),
                _ => None,
            };
            found.ok_or(Handlebars)?.clone()
        }
        Helper::Len => Value::Number(Number::from(match args.present(0)? {
            Value::Array(a) => a.len(),
            Value::Object(o) => o.len(),
            Value::String(s) => s.len(),
            _ => 0,
        } as u64)),
        Helper::MaxLen => {
            let list = args.present(0)?;
            let field = args.present(1)?.as_str().ok_or(Handlebars)?;
            let longest = match list {
                Value::Array(items) => items
                    .iter()
                    .filter_map(|i| i.get(field))
                    .map(|v| v.rendered().chars().count())
                    .max()
                    .unwrap_or(0),
                _ => 0,
            };
            Value::Number(Number::from(longest as u64))
        }
        Helper::Add | Helper::Mul => {
            let whole = |i: usize| match args.param(i) {
                Some(Value::Number(n)) => n.as_i64(),
                _ => None,
            };
            let (Some(a), Some(b), 2) = (whole(0), whole(1), args.params.len()) else {
                return Err(Handlebars);
            };
            let result = if helper == Helper::Add {
                a.checked_add(b)
            } else {
                a.checked_mul(b)
            };
            Value::Number(Number::from(result.ok_or(Handlebars)?))
        }
        Helper::Capitalize => Value::String(crate::words::capitalized(args.present(0)?.as_str().ok_or(Handlebars)?)),
        Helper::CssString => Value::String(helpers::css_quoted(args.present(0)?.as_str().ok_or(Handlebars)?)),
        _ => return Err(Handlebars),
    })
}

/// A width argument as `pad` and `lpad` take it.
fn width(value: Option<&Value>) -> Option<usize> {
    width_from(value?, 0)
}

fn width_from(value: &Value, min: u64) -> Option<usize> {
    match value {
        Value::Number(n) => n
            .as_u64()
            .filter(|w| (min..=helpers::MAX_WIDTH).contains(w))
            .and_then(|w| usize::try_from(w).ok()),
        _ => None,
    }
}

/// Handlebars' order of two values for `gt`, `lt` and the like.
fn compare(x: &Value, y: &Value) -> Option<Ordering> {
    match (x, y) {
        (Value::Number(a), Value::Number(b)) => numbers(a, b),
        (Value::String(a), Value::String(b)) => Some(a.cmp(b)),
        (Value::Bool(a), Value::Bool(b)) => Some(a.cmp(b)),
        (Value::Number(a), Value::String(b)) => numbers(a, &Number::from_str(b).ok()?),
        (Value::String(a), Value::Number(b)) => numbers(b, &Number::from_str(a).ok()?).map(Ordering::reverse),
        _ => None,
    }
}

fn numbers(a: &Number, b: &Number) -> Option<Ordering> {
    if let Some(a) = a.as_u64() {
        if let Some(b) = b.as_u64() {
            a.num_partial_cmp(&b)
        } else if let Some(b) = b.as_i64() {
            a.num_partial_cmp(&b)
        } else {
            a.num_partial_cmp(&b.as_f64()?)
        }
    } else if let Some(a) = a.as_i64() {
        if let Some(b) = b.as_u64() {
            a.num_partial_cmp(&b)
        } else if let Some(b) = b.as_i64() {
            a.num_partial_cmp(&b)
        } else {
            a.num_partial_cmp(&b.as_f64()?)
        }
    } else {
        let a = a.as_f64()?;
        if let Some(b) = b.as_u64() {
            a.num_partial_cmp(&b)
        } else if let Some(b) = b.as_i64() {
            a.num_partial_cmp(&b)
        } else {
            a.num_partial_cmp(&b.as_f64()?)
        }
    }
}
