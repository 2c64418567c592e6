//! Any serializable data made a [`Value`], as `serde_json::value::Serializer` makes a
//! `serde_json::Value`.

use std::borrow::Cow;
use std::fmt;

use serde::ser::{self, Serialize};
use serde_json::Number;

use super::value::Value;

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

/// The four ways serde writes a list, each pushing onto a [`Seq`].
macro_rules! list {
    ($($trait:ident::$method:ident),*) => {$(
        impl ser::$trait for Seq {
            type Ok = Value;
            type Error = Unsupported;
            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unsupported> {
                self.push(value)
            }
            fn end(self) -> Result<Value, Unsupported> {
                Ok(self.finish())
            }
        }
    )*};
}

list!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field
);

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
