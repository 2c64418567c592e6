//! The data a template reads, as the direct renderer keeps it: the same tree as the JSON
//! value Handlebars reads (`serde_json::to_value`), with a struct's field names borrowed
//! instead of copied, and objects kept as lists in their order instead of hashed maps.

use std::borrow::Cow;
use std::fmt;

use serde::ser::{self, Serialize};
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

/// Why data could not be made a value; the caller then leaves the data to Handlebars,
/// whose own conversion reports the problem.
#[derive(Debug)]
pub struct Unsupported(String);

impl fmt::Display for Unsupported {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Unsupported {}

impl ser::Error for Unsupported {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Unsupported(msg.to_string())
    }
}

/// `data` as a value, or an error where serde_json would fail or where keys would repeat.
pub fn to_value<T: Serialize + ?Sized>(data: &T) -> Result<Value, Unsupported> {
    data.serialize(Serializer)
}

/// Builds a [`Value`] from any serializable data, as `serde_json::value::Serializer` does.
struct Serializer;

fn number(n: impl Into<Number>) -> Value {
    Value::Number(n.into())
}

fn float(f: f64) -> Value {
    Number::from_f64(f).map_or(Value::Null, Value::Number)
}

fn unsupported<T>(what: &str) -> Result<T, Unsupported> {
    Err(Unsupported(format!("{what} cannot be a value")))
}

impl ser::Serializer for Serializer {
    type Ok = Value;
    type Error = Unsupported;
    type SerializeSeq = Seq;
    type SerializeTuple = Seq;
    type SerializeTupleStruct = Seq;
    type SerializeTupleVariant = Seq;
    type SerializeMap = Map;
    type SerializeStruct = Map;
    type SerializeStructVariant = Map;

    fn serialize_bool(self, v: bool) -> Result<Value, Unsupported> {
        Ok(Value::Bool(v))
    }
    fn serialize_i8(self, v: i8) -> Result<Value, Unsupported> {
        Ok(number(v))
    }
    fn serialize_i16(self, v: i16) -> Result<Value, Unsupported> {
        Ok(number(v))
    }
    fn serialize_i32(self, v: i32) -> Result<Value, Unsupported> {
        Ok(number(v))
    }
    fn serialize_i64(self, v: i64) -> Result<Value, Unsupported> {
        Ok(number(v))
    }
    fn serialize_i128(self, v: i128) -> Result<Value, Unsupported> {
        match (u64::try_from(v), i64::try_from(v)) {
            (Ok(u), _) => Ok(number(u)),
            (_, Ok(i)) => Ok(number(i)),
            _ => unsupported("a number this large"),
        }
    }
    fn serialize_u8(self, v: u8) -> Result<Value, Unsupported> {
        Ok(number(v))
    }
    fn serialize_u16(self, v: u16) -> Result<Value, Unsupported> {
        Ok(number(v))
    }
    fn serialize_u32(self, v: u32) -> Result<Value, Unsupported> {
        Ok(number(v))
    }
    fn serialize_u64(self, v: u64) -> Result<Value, Unsupported> {
        Ok(number(v))
    }
    fn serialize_u128(self, v: u128) -> Result<Value, Unsupported> {
        u64::try_from(v).map_or_else(|_| unsupported("a number this large"), |u| Ok(number(u)))
    }
    fn serialize_f32(self, v: f32) -> Result<Value, Unsupported> {
        Ok(float(f64::from(v)))
    }
    fn serialize_f64(self, v: f64) -> Result<Value, Unsupported> {
        Ok(float(v))
    }
    fn serialize_char(self, v: char) -> Result<Value, Unsupported> {
        Ok(Value::String(v.to_string()))
    }
    fn serialize_str(self, v: &str) -> Result<Value, Unsupported> {
        Ok(Value::String(v.to_string()))
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<Value, Unsupported> {
        Ok(Value::Array(v.iter().map(|b| number(*b)).collect()))
    }
    fn serialize_none(self) -> Result<Value, Unsupported> {
        Ok(Value::Null)
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<Value, Unsupported> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<Value, Unsupported> {
        Ok(Value::Null)
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<Value, Unsupported> {
        Ok(Value::Null)
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, variant: &'static str) -> Result<Value, Unsupported> {
        Ok(Value::String(variant.to_string()))
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _: &'static str, value: &T) -> Result<Value, Unsupported> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<Value, Unsupported> {
        Ok(Value::Object(vec![(Cow::Borrowed(variant), value.serialize(self)?)]))
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<Seq, Unsupported> {
        Ok(Seq {
            items: Vec::with_capacity(len.unwrap_or(0)),
            variant: None,
        })
    }
    fn serialize_tuple(self, len: usize) -> Result<Seq, Unsupported> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(self, _: &'static str, len: usize) -> Result<Seq, Unsupported> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Seq, Unsupported> {
        Ok(Seq {
            items: Vec::with_capacity(len),
            variant: Some(variant),
        })
    }
    fn serialize_map(self, len: Option<usize>) -> Result<Map, Unsupported> {
        Ok(Map {
            fields: Vec::with_capacity(len.unwrap_or(0)),
            key: None,
            variant: None,
        })
    }
    fn serialize_struct(self, _: &'static str, len: usize) -> Result<Map, Unsupported> {
        self.serialize_map(Some(len))
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Map, Unsupported> {
        Ok(Map {
            fields: Vec::with_capacity(len),
            key: None,
            variant: Some(variant),
        })
    }
}

/// A list being built.
struct Seq {
    items: Vec<Value>,
    /// The variant a tuple variant is wrapped in.
    variant: Option<&'static str>,
}

impl Seq {
    fn push<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unsupported> {
        self.items.push(value.serialize(Serializer)?);
        Ok(())
    }

    fn finish(self) -> Value {
        let list = Value::Array(self.items);
        match self.variant {
            Some(variant) => Value::Object(vec![(Cow::Borrowed(variant), list)]),
            None => list,
        }
    }
}

impl ser::SerializeSeq for Seq {
    type Ok = Value;
    type Error = Unsupported;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unsupported> {
        self.push(value)
    }
    fn end(self) -> Result<Value, Unsupported> {
        Ok(self.finish())
    }
}

impl ser::SerializeTuple for Seq {
    type Ok = Value;
    type Error = Unsupported;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unsupported> {
        self.push(value)
    }
    fn end(self) -> Result<Value, Unsupported> {
        Ok(self.finish())
    }
}

impl ser::SerializeTupleStruct for Seq {
    type Ok = Value;
    type Error = Unsupported;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unsupported> {
        self.push(value)
    }
    fn end(self) -> Result<Value, Unsupported> {
        Ok(self.finish())
    }
}

impl ser::SerializeTupleVariant for Seq {
    type Ok = Value;
    type Error = Unsupported;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unsupported> {
        self.push(value)
    }
    fn end(self) -> Result<Value, Unsupported> {
        Ok(self.finish())
    }
}

/// An object being built.
struct Map {
    fields: Vec<(Cow<'static, str>, Value)>,
    /// The key written, waiting for its value.
    key: Option<String>,
    /// The variant a struct variant is wrapped in.
    variant: Option<&'static str>,
}

impl Map {
    /// The object, unless a key repeats (serde_json would keep the last value in the first
    /// place: rare enough to leave to it).
    fn finish(self) -> Result<Value, Unsupported> {
        let repeats = if self.fields.len() <= 16 {
            self.fields
                .iter()
                .enumerate()
                .any(|(i, (k, _))| self.fields[..i].iter().any(|(other, _)| other == k))
        } else {
            let mut keys: Vec<&str> = self.fields.iter().map(|(k, _)| k.as_ref()).collect();
            keys.sort_unstable();
            keys.windows(2).any(|w| w[0] == w[1])
        };
        if repeats {
            return unsupported("an object whose keys repeat");
        }
        let object = Value::Object(self.fields);
        Ok(match self.variant {
            Some(variant) => Value::Object(vec![(Cow::Borrowed(variant), object)]),
            None => object,
        })
    }
}

impl ser::SerializeMap for Map {
    type Ok = Value;
    type Error = Unsupported;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Unsupported> {
        match key.serialize(Serializer)? {
            Value::String(s) => self.key = Some(s),
            _ => return unsupported("a key that is not text"),
        }
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unsupported> {
        let key = self
            .key
            .take()
            .ok_or_else(|| Unsupported("a value without a key".into()))?;
        self.fields.push((Cow::Owned(key), value.serialize(Serializer)?));
        Ok(())
    }
    fn end(self) -> Result<Value, Unsupported> {
        self.finish()
    }
}

impl ser::SerializeStruct for Map {
    type Ok = Value;
    type Error = Unsupported;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result<(), Unsupported> {
        self.fields.push((Cow::Borrowed(key), value.serialize(Serializer)?));
        Ok(())
    }
    /// A struct's fields are named once each (a flattened struct is written as a map).
    fn end(self) -> Result<Value, Unsupported> {
        Ok(Value::Object(self.fields))
    }
}

impl ser::SerializeStructVariant for Map {
    type Ok = Value;
    type Error = Unsupported;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result<(), Unsupported> {
        self.fields.push((Cow::Borrowed(key), value.serialize(Serializer)?));
        Ok(())
    }
    fn end(self) -> Result<Value, Unsupported> {
        self.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// serde_json's value, read into ours for comparison.
    fn from_json(v: &serde_json::Value) -> Value {
        match v {
            serde_json::Value::Null => Value::Null,
            serde_json::Value::Bool(b) => Value::Bool(*b),
            serde_json::Value::Number(n) => Value::Number(n.clone()),
            serde_json::Value::String(s) => Value::String(s.clone()),
            serde_json::Value::Array(a) => Value::Array(a.iter().map(from_json).collect()),
            serde_json::Value::Object(m) => {
                Value::Object(m.iter().map(|(k, v)| (Cow::Owned(k.clone()), from_json(v))).collect())
            }
        }
    }

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
            from_json(&serde_json::to_value(&data).unwrap())
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
            let ours = from_json(&v);
            assert_eq!(ours.rendered(), v.render(), "{v}");
            for zero in [false, true] {
                assert_eq!(ours.is_truthy(zero), v.is_truthy(zero), "{v} {zero}");
            }
        }
        let (a, b) = (json!({"a": 1, "b": [2]}), json!({"b": [2], "a": 1}));
        assert!(from_json(&a).same(&from_json(&b)));
        assert_eq!(a, b);
        assert!(!from_json(&json!(1)).same(&from_json(&json!(1.0))));
        assert_ne!(json!(1), json!(1.0));
    }
}
