//! JavaScript values to and from the engine's [`Value`] tree, walked with `js_sys`.
//!
//! Hand-written rather than serde_wasm_bindgen: that crate's generic deserializer and its
//! error messages (which format floats) cost ~10 KB of gzipped wasm, and a walk of our own
//! can name the path of what it refuses.

use crate::model::value::{Value, MAX_DEPTH, MAX_VALUES};
use js_sys::{Array, Object, Reflect};
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};

/// The engine's value as a plain JavaScript value (`null`, boolean, number, string, array,
/// object).
///
/// The tree is flattened into one array of numbers and one string and rebuilt by a few lines
/// of JavaScript: building it here with a boundary call per member (~600 for a Result) took
/// three quarters of an evaluation.
pub fn to_js(v: &Value) -> JsValue {
    let mut flat = Flat::default();
    flat.push(v);
    rebuild(&flat.ops, &flat.text)
}

// The stream `rebuild` reads: a tag, then what the tag needs. String lengths are in UTF-16
// units, as JavaScript slices strings. An object key is sent once, as -1 - its length, then
// named by its index: the same few dozen keys recur hundreds of times, and one string per key
// spares JavaScript hashing each copy.
const NULL: f64 = 0.0;
const BOOL: f64 = 1.0;
const NUMBER: f64 = 2.0;
const STRING: f64 = 3.0;
const ARRAY: f64 = 4.0;
const OBJECT: f64 = 5.0;

#[wasm_bindgen(inline_js = r#"
export function rebuild(ops, text) {
  let i = 0, t = 0;
  const keys = [];
  const str = () => text.slice(t, (t += ops[i++]));
  const key = () => {
    const k = ops[i++];
    if (k >= 0) return keys[k];
    const s = text.slice(t, (t += -1 - k));
    keys.push(s);
    return s;
  };
  // The tags: NULL, BOOL, NUMBER, STRING, ARRAY, else OBJECT, as the constants above.
  const next = () => {
    switch (ops[i++]) {
      case 0: return null;
      case 1: return ops[i++] !== 0;
      case 2: return ops[i++];
      case 3: return str();
      case 4: { const a = new Array(ops[i++]); for (let k = 0; k < a.length; k++) a[k] = next(); return a; }
      default: { const o = {}; for (let n = ops[i++]; n > 0; n--) o[key()] = next(); return o; }
    }
  };
  return next();
}
"#)]
extern "C" {
    fn rebuild(ops: &[f64], text: &str) -> JsValue;
}

/// A value flattened for `rebuild`.
#[derive(Default)]
struct Flat<'a> {
    ops: Vec<f64>,
    text: String,
    /// The index of each key sent so far.
    keys: std::collections::HashMap<&'a str, usize>,
}

impl<'a> Flat<'a> {
    fn push(&mut self, v: &'a Value) {
        match v {
            Value::Null => self.ops.push(NULL),
            Value::Bool(b) => self.ops.extend([BOOL, f64::from(u8::from(*b))]),
            Value::Number(n) => self.ops.extend([NUMBER, *n]),
            Value::String(s) => {
                self.ops.push(STRING);
                self.str(s);
            }
            Value::Array(items) => {
                self.ops.extend([ARRAY, items.len() as f64]);
                items.iter().for_each(|item| self.push(item));
            }
            Value::Object(members) => {
                self.ops.extend([OBJECT, members.len() as f64]);
                for (k, v) in members {
                    self.key(k);
                    self.push(v);
                }
            }
        }
    }

    fn str(&mut self, s: &str) {
        self.ops.push(utf16_len(s));
        self.text.push_str(s);
    }

    fn key(&mut self, k: &'a str) {
        let next = self.keys.len();
        match *self.keys.entry(k).or_insert(next) {
            i if i < next => self.ops.push(i as f64),
            _ => {
                self.ops.push(-1.0 - utf16_len(k));
                self.text.push_str(k);
            }
        }
    }
}

fn utf16_len(s: &str) -> f64 {
    s.encode_utf16().count() as f64
}

/// Reads a JavaScript value the way `JSON.stringify` would see it: `undefined` members are
/// left out. Refuses, naming the place, what no decoder could read (functions, symbols, big
/// integers), nesting deeper than [`MAX_DEPTH`] (which also stops cycles) and documents of
/// more than [`MAX_VALUES`] values.
pub fn from_js(js: &JsValue, path: &str) -> Result<Value, String> {
    let mut left = MAX_VALUES;
    read(js, path, 0, &mut left)
}

/// Reads one value `depth` levels down, with `left` more values allowed in the document.
fn read(js: &JsValue, path: &str, depth: usize, left: &mut usize) -> Result<Value, String> {
    if *left == 0 {
        return Err(format!(
            "{path} is past the limit of 250,000 values in one document"
        ));
    }
    *left -= 1;
    if js.is_null() || js.is_undefined() {
        return Ok(Value::Null);
    }
    if let Some(b) = js.as_bool() {
        return Ok(Value::Bool(b));
    }
    if let Some(n) = js.as_f64() {
        // NaN and the infinities pass: the decoders refuse them by path, with every other
        // problem in the document, where a refusal here would stop at the first.
        return Ok(Value::Number(n));
    }
    if let Some(s) = js.as_string() {
        return Ok(Value::String(s));
    }
    if let Some(kind) = unreadable(js) {
        return Err(format!("{path} cannot be {kind}"));
    }
    if depth >= MAX_DEPTH {
        return Err(format!("{path} nests more than {MAX_DEPTH} levels deep"));
    }
    if Array::is_array(js) {
        let items = js.unchecked_ref::<Array>();
        let mut out = Vec::with_capacity(items.length() as usize);
        for (i, item) in items.iter().enumerate() {
            out.push(read(&item, &format!("{path}[{i}]"), depth + 1, left)?);
        }
        return Ok(Value::Array(out));
    }
    let object = js.unchecked_ref::<Object>();
    let mut members = Vec::new();
    for key in Object::keys(object).iter() {
        let name = key.as_string().unwrap_or_default();
        let v = Reflect::get(object, &key).unwrap_or(JsValue::UNDEFINED);
        if !v.is_undefined() {
            let at = format!("{path}.{name}");
            members.push((name, read(&v, &at, depth + 1, left)?));
        }
    }
    Ok(Value::Object(members))
}

/// What a value no decoder could read is, in words; `None` for anything JSON-like.
fn unreadable(js: &JsValue) -> Option<&'static str> {
    if js.is_function() {
        Some("a function")
    } else if js.is_symbol() {
        Some("a symbol")
    } else if js.is_bigint() {
        Some("a BigInt")
    } else {
        None
    }
}
