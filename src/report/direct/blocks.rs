//! Block helpers (`if`, `unless`, `each`, `with`, `wrap`, the comparisons as blocks) and
//! partials, as Handlebars renders them.

use std::borrow::Cow;

use serde_json::Number;

use super::args::{Args, truth, width_from};
use super::program::{BlockCall, Helper, Kind, Node, PartialCall};
use super::run::{Frame, Handlebars, Locals, Run, Runner};
use super::value::Value;
use crate::report::helpers;

impl<'r> Runner<'r> {
    /// `{{#helper ...}}...{{else}}...{{/helper}}`: the body or the `else`, as the helper
    /// decides.
    pub(super) fn block<'f>(&self, block: &'f BlockCall, frames: &mut Vec<Frame<'f>>, out: &mut String) -> Run<()>
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
            helper if helper.kind() == Kind::Tests => {
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
    pub(super) fn partial<'f>(&self, call: &'f PartialCall, frames: &mut Vec<Frame<'f>>, out: &mut String) -> Run<()>
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
