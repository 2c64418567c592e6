//! A helper's arguments, and the helpers that only compute from them: comparisons and
//! logic, lookups, lengths, arithmetic and text, as Handlebars and ours compute them.

use std::borrow::Cow;
use std::cmp::Ordering;
use std::str::FromStr;

use num_order::NumOrd;
use serde_json::Number;
use smallvec::SmallVec;

use super::program::Helper;
use super::run::{Handlebars, Read, Run};
use super::value::Value;
use crate::report::helpers;

/// A helper's arguments, read.
pub(super) struct Args<'a> {
    pub(super) params: SmallVec<[Read<'a>; 3]>,
    pub(super) hash: SmallVec<[(&'a str, Read<'a>); 2]>,
}

impl<'a> Args<'a> {
    /// Argument `i` as Handlebars gives it to a helper: `null` where the data has nothing.
    pub(super) fn param(&self, i: usize) -> Option<&Value> {
        self.params.get(i).map(|v| v.as_deref().unwrap_or(&Value::Null))
    }

    /// Argument `i`, `null` where it is not given or names nothing.
    pub(super) fn value(&self, i: usize) -> &Value {
        self.param(i).unwrap_or(&Value::Null)
    }

    /// Argument `i`, which must be given (it may name nothing).
    pub(super) fn required(&self, i: usize) -> Run<Option<Cow<'a, Value>>> {
        self.params.get(i).cloned().ok_or(Handlebars)
    }

    /// Argument `i`, which must be given and name something (strict mode).
    pub(super) fn present(&self, i: usize) -> Run<&Value> {
        self.params.get(i).and_then(|v| v.as_deref()).ok_or(Handlebars)
    }

    /// The hash value `key`, as Handlebars gives it to a helper: `null` where the data has
    /// nothing.
    pub(super) fn hash(&self, key: &str) -> Option<&Value> {
        self.hash
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| v.as_deref().unwrap_or(&Value::Null))
    }
}

/// The comparisons and logic helpers.
pub(super) fn truth(helper: Helper, args: &Args<'_>) -> Run<bool> {
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
pub(super) fn computed(helper: Helper, args: &Args<'_>) -> Run<Value> {
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
pub(super) fn width(value: Option<&Value>) -> Option<usize> {
    width_from(value?, 0)
}

pub(super) fn width_from(value: &Value, min: u64) -> Option<usize> {
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
