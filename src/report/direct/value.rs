//! The data a template reads, as the direct renderer keeps it: the same tree as the JSON
//! value Handlebars reads (`serde_json::to_value`), with a struct's field names borrowed
//! instead of copied, and objects kept as lists in their order instead of hashed maps
//! (made by [`super::serialize`]).

use std::borrow::Cow;

use serde_json::Number;

/// A value: what `serde_json::Value` would hold for the same data.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// `null`, and what serializes as nothing (`None`, `()`).
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number, exactly as serde_json keeps it.
    Number(Number),
    /// Text.
    String(String),
    /// A list.
    Array(Vec<Value>),
    /// An object: its fields in the order they were written, each key once.
    Object(Vec<(Cow<'static, str>, Value)>),
}

impl From<&serde_json::Value> for Value {
    /// The same value, as serde_json holds it (a template's literals, tests).
    fn from(json: &serde_json::Value) -> Value {
        match json {
            serde_json::Value::Null => Value::Null,
            serde_json::Value::Bool(b) => Value::Bool(*b),
            serde_json::Value::Number(n) => Value::Number(n.clone()),
            serde_json::Value::String(s) => Value::String(s.clone()),
            serde_json::Value::Array(items) => Value::Array(items.iter().map(Value::from).collect()),
            serde_json::Value::Object(fields) => Value::Object(
                fields
                    .iter()
                    .map(|(k, v)| (Cow::Owned(k.clone()), Value::from(v)))
                    .collect(),
            ),
        }
    }
}

impl Value {
    /// The field `key` of an object.
    pub fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Object(fields) => fields.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// The text, if this is text.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    /// Whether Handlebars counts the value as true (`JsonTruthy::is_truthy`).
    pub fn is_truthy(&self, include_zero: bool) -> bool {
        match self {
            Value::Bool(b) => *b,
            Value::Number(n) if include_zero => n.as_f64().is_some_and(|f| !f.is_nan()),
            Value::Number(n) => n.as_f64().is_some_and(f64::is_normal),
            Value::Null => false,
            Value::String(s) => !s.is_empty(),
            Value::Array(items) => !items.is_empty(),
            Value::Object(fields) => !fields.is_empty(),
        }
    }

    /// Writes the value as Handlebars writes one (`JsonRender::render`): text as it is,
    /// `null` as nothing, a list as `[a, b]`, an object as `[object]`.
    pub fn render_into(&self, out: &mut String) {
        match self {
            Value::String(s) => out.push_str(s),
            Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Value::Number(n) => {
                use std::fmt::Write;
                let _ = write!(out, "{n}");
            }
            Value::Null => {}
            Value::Array(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    item.render_into(out);
                }
                out.push(']');
            }
            Value::Object(_) => out.push_str("[object]"),
        }
    }

    /// The value as Handlebars writes it.
    pub fn rendered(&self) -> Cow<'_, str> {
        match self {
            Value::String(s) => Cow::Borrowed(s),
            other => {
                let mut out = String::new();
                other.render_into(&mut out);
                Cow::Owned(out)
            }
        }
    }

    /// Whether two values are equal as serde_json compares them: objects as maps, whatever
    /// the order of their fields.
    pub fn same(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::Array(a), Value::Array(b)) => a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.same(y)),
            (Value::Object(a), Value::Object(b)) => {
                a.len() == b.len() && a.iter().all(|(k, v)| other.get(k).is_some_and(|w| v.same(w)))
            }
            (a, b) => a == b,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::direct::to_value;
    use serde::ser::{self, Serialize};
    use serde_json::json;

    #[test]
    fn data_becomes_the_value_serde_json_makes() {
        #[derive(serde::Serialize)]
        enum E {
            Unit,
            New(u8),
            Tuple(i32, f64),
            Struct { a: Option<u8> },
        }
        #[derive(serde::Serialize)]
        struct S {
            n: i64,
            f: f32,
            nan: f64,
            big: u128,
            c: char,
            list: Vec<E>,
            map: std::collections::BTreeMap<String, bool>,
            unit: (),
            json: serde_json::Value,
        }
        let data = S {
            n: -3,
            f: 0.5,
            nan: f64::NAN,
            big: 1 << 70,
            c: 'é',
            list: vec![E::Unit, E::New(7), E::Tuple(-1, 2.5), E::Struct { a: None }],
            map: [("x".to_string(), true), ("a".to_string(), false)].into(),
            unit: (),
            json: json!({"k": [1, "two", null], "z": {"y": 1.5}}),
        };
        // serde_json cannot hold a number this large either.
        assert!(to_value(&data).is_err());
        assert!(serde_json::to_value(&data).is_err());
        let data = S { big: 12, ..data };
        assert_eq!(
            to_value(&data).unwrap(),
            Value::from(&serde_json::to_value(&data).unwrap())
        );
    }

    #[test]
    fn repeated_keys_are_left_to_serde_json() {
        let mut map = serde_json::Map::new();
        map.insert("a".into(), json!(1));
        let pairs: Vec<(&str, i32)> = vec![("a", 1), ("a", 2)];
        struct Pairs(Vec<(&'static str, i32)>);
        impl Serialize for Pairs {
            fn serialize<S: ser::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                use ser::SerializeMap;
                let mut m = s.serialize_map(None)?;
                for (k, v) in &self.0 {
                    m.serialize_entry(k, v)?;
                }
                m.end()
            }
        }
        assert!(to_value(&Pairs(pairs)).is_err());
        let many: Vec<(&'static str, i32)> = (0..40).map(|i| (["a", "b"][i % 2], 0)).collect();
        assert!(to_value(&Pairs(many)).is_err());
    }

    #[test]
    fn values_are_written_and_tested_as_handlebars_does() {
        use handlebars::{JsonRender, JsonTruthy};
        for v in [
            json!(null),
            json!(true),
            json!(0),
            json!(0.0),
            json!(-0.5),
            json!(1e-310),
            json!(""),
            json!("x"),
            json!([]),
            json!([1, "a", [null, false], {"k": 1}]),
            json!({}),
            json!({"a": 1}),
            json!(u64::MAX),
            json!(i64::MIN),
        ] {
            let ours = Value::from(&v);
            assert_eq!(ours.rendered(), v.render(), "{v}");
            for zero in [false, true] {
                assert_eq!(ours.is_truthy(zero), v.is_truthy(zero), "{v} {zero}");
            }
        }
        let (a, b) = (json!({"a": 1, "b": [2]}), json!({"b": [2], "a": 1}));
        assert!(Value::from(&a).same(&Value::from(&b)));
        assert_eq!(a, b);
        assert!(!Value::from(&json!(1)).same(&Value::from(&json!(1.0))));
        assert_ne!(json!(1), json!(1.0));
    }
}
