//! A minimal JSON value that any serde format can produce.
//!
//! Configs and scenarios arrive as untrusted documents: a JSON file for the CLI, a JS object in
//! the browser. Decoding them first into this tree, instead of straight into typed structs, lets
//! the validator walk the whole document and report *every* problem by path, where serde's derive
//! would stop at the first one without saying where it was. It is our own type, not
//! `serde_json::Value`, so the wasm bundle never links serde_json.

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};
use std::fmt;

/// How deeply arrays and objects may nest. Real configs need 5; the limit keeps a hostile
/// document from exhausting the stack.
pub const MAX_DEPTH: usize = 32;

/// The largest document, as JSON text, that Tierwise reads: real configs are ~10 KB, so 1 MB
/// leaves room while keeping a hostile file from costing seconds to parse and check.
pub const MAX_DOCUMENT_BYTES: usize = 1_000_000;

/// How many values (numbers, strings, members…) a document handed over as a JS object may
/// hold: the object counterpart of [`MAX_DOCUMENT_BYTES`].
pub const MAX_VALUES: usize = 250_000;

/// Refuses a document of `bytes` bytes over [`MAX_DOCUMENT_BYTES`], saying so about `what`.
pub fn check_size(what: &str, bytes: usize) -> Result<(), String> {
    if bytes > MAX_DOCUMENT_BYTES {
        Err(format!(
            "{what} is {bytes} bytes, over the limit of 1,000,000 bytes (1 MB) for a document"
        ))
    } else {
        Ok(())
    }
}

/// A JSON value. Numbers are `f64`, as in JavaScript; object keys keep their order.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Number(f64),
    String(String),
    Array(Vec<Value>),
    Object(Vec<(String, Value)>),
}

impl Value {
    /// What kind of value this is, in the words a config author knows ("a string").
    pub fn kind(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "a boolean",
            Value::Number(_) => "a number",
            Value::String(_) => "a string",
            Value::Array(_) => "an array",
            Value::Object(_) => "an object",
        }
    }

    /// The member `key` of an object (the first, should a key repeat).
    pub fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Object(members) => members.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }
}

impl<'de> serde::Deserialize<'de> for Value {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Depth(0).deserialize(deserializer)
    }
}

/// Deserializes a value `0` levels deep, refusing to go past [`MAX_DEPTH`].
struct Depth(usize);

impl<'de> DeserializeSeed<'de> for Depth {
    type Value = Value;
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(ValueVisitor(self.0))
    }
}

struct ValueVisitor(usize);

impl ValueVisitor {
    fn nested<E: de::Error>(&self) -> Result<Depth, E> {
        if self.0 >= MAX_DEPTH {
            Err(E::custom(
                "the document nests arrays or objects more than 32 levels deep",
            ))
        } else {
            Ok(Depth(self.0 + 1))
        }
    }
}

impl<'de> Visitor<'de> for ValueVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Number(v as f64))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::Number(v as f64))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(Value::Number(v))
    }
    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }
    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        Depth(self.0).deserialize(d)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(self.nested()?)? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut members = Vec::new();
        while let Some(key) = map.next_key::<String>()? {
            let value = map.next_value_seed(self.nested()?)?;
            members.push((key, value));
        }
        Ok(Value::Object(members))
    }
}

impl Serialize for Value {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Value::Null => s.serialize_unit(),
            Value::Bool(b) => s.serialize_bool(*b),
            Value::Number(n) => s.serialize_f64(*n),
            Value::String(v) => s.serialize_str(v),
            Value::Array(items) => {
                let mut seq = s.serialize_seq(Some(items.len()))?;
                for item in items {
                    seq.serialize_element(item)?;
                }
                seq.end()
            }
            Value::Object(members) => {
                let mut map = s.serialize_map(Some(members.len()))?;
                for (k, v) in members {
                    map.serialize_entry(k, v)?;
                }
                map.end()
            }
        }
    }
}

/// Writes any serializable value as a [`Value`]: how results become JavaScript objects in the
/// browser, from the same serde derives serde_json writes for the CLI, so both show the same
/// fields (`tests/samples.rs`).
/// Absent options and units become `null`; enum variants their names; map keys text.
pub fn to_value<T: Serialize + ?Sized>(value: &T) -> Value {
    value.serialize(ValueSerializer).unwrap_or(Value::Null)
}

/// The error `to_value` never produces (our types serialize infallibly) but serde requires.
#[derive(Debug)]
pub struct Unserializable;

impl fmt::Display for Unserializable {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("not serializable as a JSON value")
    }
}

impl std::error::Error for Unserializable {}

impl serde::ser::Error for Unserializable {
    fn custom<T: fmt::Display>(_: T) -> Self {
        Unserializable
    }
}

struct ValueSerializer;

/// A sequence or object being written; `variant` wraps it as `{variant: …}` at the end.
#[derive(Default)]
struct Compound {
    items: Vec<Value>,
    members: Vec<(String, Value)>,
    key: Option<String>,
    variant: Option<&'static str>,
}

impl Compound {
    fn wrap(variant: Option<&'static str>, v: Value) -> Value {
        match variant {
            Some(name) => Value::Object(vec![(name.to_owned(), v)]),
            None => v,
        }
    }
    fn seq(self) -> Result<Value, Unserializable> {
        Ok(Compound::wrap(self.variant, Value::Array(self.items)))
    }
    fn object(self) -> Result<Value, Unserializable> {
        Ok(Compound::wrap(self.variant, Value::Object(self.members)))
    }
}

type R = Result<Value, Unserializable>;

impl Serializer for ValueSerializer {
    type Ok = Value;
    type Error = Unserializable;
    type SerializeSeq = Compound;
    type SerializeTuple = Compound;
    type SerializeTupleStruct = Compound;
    type SerializeTupleVariant = Compound;
    type SerializeMap = Compound;
    type SerializeStruct = Compound;
    type SerializeStructVariant = Compound;

    fn serialize_bool(self, v: bool) -> R {
        Ok(Value::Bool(v))
    }
    fn serialize_i8(self, v: i8) -> R {
        self.serialize_f64(v.into())
    }
    fn serialize_i16(self, v: i16) -> R {
        self.serialize_f64(v.into())
    }
    fn serialize_i32(self, v: i32) -> R {
        self.serialize_f64(v.into())
    }
    fn serialize_i64(self, v: i64) -> R {
        self.serialize_f64(v as f64)
    }
    fn serialize_u8(self, v: u8) -> R {
        self.serialize_f64(v.into())
    }
    fn serialize_u16(self, v: u16) -> R {
        self.serialize_f64(v.into())
    }
    fn serialize_u32(self, v: u32) -> R {
        self.serialize_f64(v.into())
    }
    fn serialize_u64(self, v: u64) -> R {
        self.serialize_f64(v as f64)
    }
    fn serialize_f32(self, v: f32) -> R {
        self.serialize_f64(v.into())
    }
    fn serialize_f64(self, v: f64) -> R {
        Ok(Value::Number(v))
    }
    fn serialize_char(self, v: char) -> R {
        Ok(Value::String(v.to_string()))
    }
    fn serialize_str(self, v: &str) -> R {
        Ok(Value::String(v.to_owned()))
    }
    fn serialize_bytes(self, v: &[u8]) -> R {
        Ok(Value::Array(
            v.iter().map(|b| Value::Number((*b).into())).collect(),
        ))
    }
    fn serialize_none(self) -> R {
        Ok(Value::Null)
    }
    fn serialize_some<T: Serialize + ?Sized>(self, v: &T) -> R {
        v.serialize(self)
    }
    fn serialize_unit(self) -> R {
        Ok(Value::Null)
    }
    fn serialize_unit_struct(self, _: &'static str) -> R {
        Ok(Value::Null)
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, variant: &'static str) -> R {
        Ok(Value::String(variant.to_owned()))
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _: &'static str, v: &T) -> R {
        v.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        v: &T,
    ) -> R {
        Ok(Compound::wrap(Some(variant), to_value(v)))
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Compound, Unserializable> {
        Ok(Compound::default())
    }
    fn serialize_tuple(self, _: usize) -> Result<Compound, Unserializable> {
        Ok(Compound::default())
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Compound, Unserializable> {
        Ok(Compound::default())
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Compound, Unserializable> {
        Ok(Compound {
            variant: Some(variant),
            ..Compound::default()
        })
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Compound, Unserializable> {
        Ok(Compound::default())
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Compound, Unserializable> {
        Ok(Compound::default())
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Compound, Unserializable> {
        Ok(Compound {
            variant: Some(variant),
            ..Compound::default()
        })
    }
}

impl SerializeSeq for Compound {
    type Ok = Value;
    type Error = Unserializable;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), Unserializable> {
        self.items.push(to_value(v));
        Ok(())
    }
    fn end(self) -> R {
        self.seq()
    }
}

impl serde::ser::SerializeTuple for Compound {
    type Ok = Value;
    type Error = Unserializable;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), Unserializable> {
        SerializeSeq::serialize_element(self, v)
    }
    fn end(self) -> R {
        self.seq()
    }
}

impl serde::ser::SerializeTupleStruct for Compound {
    type Ok = Value;
    type Error = Unserializable;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), Unserializable> {
        SerializeSeq::serialize_element(self, v)
    }
    fn end(self) -> R {
        self.seq()
    }
}

impl serde::ser::SerializeTupleVariant for Compound {
    type Ok = Value;
    type Error = Unserializable;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), Unserializable> {
        SerializeSeq::serialize_element(self, v)
    }
    fn end(self) -> R {
        self.seq()
    }
}

impl SerializeMap for Compound {
    type Ok = Value;
    type Error = Unserializable;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, k: &T) -> Result<(), Unserializable> {
        match to_value(k) {
            Value::String(s) => self.key = Some(s),
            _ => return Err(Unserializable),
        }
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), Unserializable> {
        let key = self.key.take().ok_or(Unserializable)?;
        self.members.push((key, to_value(v)));
        Ok(())
    }
    fn end(self) -> R {
        self.object()
    }
}

impl serde::ser::SerializeStruct for Compound {
    type Ok = Value;
    type Error = Unserializable;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        v: &T,
    ) -> Result<(), Unserializable> {
        self.members.push((key.to_owned(), to_value(v)));
        Ok(())
    }
    fn end(self) -> R {
        self.object()
    }
}

impl serde::ser::SerializeStructVariant for Compound {
    type Ok = Value;
    type Error = Unserializable;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        v: &T,
    ) -> Result<(), Unserializable> {
        serde::ser::SerializeStruct::serialize_field(self, key, v)
    }
    fn end(self) -> R {
        self.object()
    }
}
