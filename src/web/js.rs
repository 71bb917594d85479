//! JavaScript values to and from the engine's [`Value`] tree. Both ways the tree crosses the
//! boundary once, flattened into one array of numbers and one string, built or read by a few
//! lines of JavaScript.
//!
//! Hand-written rather than serde_wasm_bindgen: that crate's generic deserializer and its
//! error messages (which format floats) cost ~10 KB of gzipped wasm, and a walk of our own
//! can name the path of what it refuses.

use crate::model::value::{Value, MAX_DEPTH, MAX_VALUES};
use js_sys::{Array, Float64Array};
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

export function flatten(value, maxDepth, maxValues) {
  const ops = [];
  let text = '';
  let left = maxValues;
  const at = [];
  const refuse = (code) => { throw { refused: code, at: at.join('') }; };
  const put = (v, depth) => {
    if (left === 0) refuse(0);
    left -= 1;
    if (v === null || v === undefined) return ops.push(0);
    switch (typeof v) {
      case 'boolean': return ops.push(1, v ? 1 : 0);
      case 'number': return ops.push(2, v);
      case 'string': text += v; return ops.push(3, v.length);
      case 'function': return refuse(2);
      case 'symbol': return refuse(3);
      case 'bigint': return refuse(4);
    }
    if (depth >= maxDepth) refuse(1);
    if (Array.isArray(v)) {
      ops.push(4, v.length);
      for (let i = 0; i < v.length; i++) {
        at.push(`[${i}]`);
        put(v[i], depth + 1);
        at.pop();
      }
      return;
    }
    const count = ops.length + 1;
    ops.push(5, 0);
    for (const k of Object.keys(v)) {
      let m;
      try { m = v[k]; } catch { m = undefined; }
      if (m === undefined) continue;
      ops[count] += 1;
      text += k;
      ops.push(k.length);
      at.push(`.${k}`);
      put(m, depth + 1);
      at.pop();
    }
  };
  try {
    put(value, 0);
  } catch (e) {
    if (e && 'refused' in e) return [e.refused, e.at];
    throw e;
  }
  return [new Float64Array(ops), text];
}
"#)]
extern "C" {
    fn rebuild(ops: &[f64], text: &str) -> JsValue;
    fn flatten(value: &JsValue, max_depth: u32, max_values: u32) -> Array;
}

/// A value flattened for `rebuild`.
#[derive(Default)]
struct Flat<'a> {
    ops: Vec<f64>,
    text: String,
    /// The keys sent so far.
    keys: Keys<'a>,
}

/// The keys sent so far and their indices: open addressing over FNV-1a hashes. Not a
/// `HashMap`: its SipHash and table code cost 1.5 KB of gzipped wasm (measured) for a few
/// dozen keys.
#[derive(Default)]
struct Keys<'a> {
    /// Each slot holds a key's index + 1, or 0; kept under half full.
    slots: Vec<u32>,
    names: Vec<&'a str>,
}

impl<'a> Keys<'a> {
    /// The index of `k`, and whether it was there before.
    fn index(&mut self, k: &'a str) -> (usize, bool) {
        if self.names.len() * 2 >= self.slots.len() {
            self.slots = vec![0; (self.slots.len() * 2).max(128)];
            for i in 0..self.names.len() {
                let at = self.find(self.names[i]);
                self.slots[at] = i as u32 + 1;
            }
        }
        let at = self.find(k);
        match self.slots[at] {
            0 => {
                self.names.push(k);
                self.slots[at] = self.names.len() as u32;
                (self.names.len() - 1, false)
            }
            n => (n as usize - 1, true),
        }
    }

    /// The slot of `k`, or the empty one where it belongs.
    fn find(&self, k: &str) -> usize {
        let mask = self.slots.len() - 1;
        let hash = k.bytes().fold(0x811c_9dc5_u32, |h, b| {
            (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
        });
        let mut at = hash as usize & mask;
        loop {
            match self.slots[at] {
                n if n == 0 || self.names[n as usize - 1] == k => return at,
                _ => at = (at + 1) & mask,
            }
        }
    }
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
        match self.keys.index(k) {
            (i, true) => self.ops.push(i as f64),
            (_, false) => {
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
///
/// `flatten` walks it in JavaScript: a walk with a boundary call per check and member (~2,500
/// for a sample config) took a few milliseconds of a calculator's start.
pub fn from_js(js: &JsValue, path: &str) -> Result<Value, String> {
    let flat = flatten(js, MAX_DEPTH as u32, MAX_VALUES as u32);
    let (first, second) = (flat.get(0), flat.get(1).as_string().unwrap_or_default());
    let Some(code) = first.as_f64() else {
        let ops = first.unchecked_into::<Float64Array>().to_vec();
        return Ok(Unflat {
            ops: &ops,
            text: &second,
            i: 0,
        }
        .value());
    };
    let at = format!("{path}{second}");
    Err(match code as u8 {
        0 => format!("{at} is past the limit of 250,000 values in one document"),
        1 => format!("{at} nests more than {MAX_DEPTH} levels deep"),
        2 => format!("{at} cannot be a function"),
        3 => format!("{at} cannot be a symbol"),
        _ => format!("{at} cannot be a BigInt"),
    })
}

/// `flatten`'s output read back into a tree: kinds and numbers in `ops`, every string and key
/// in `text`, their lengths in UTF-16 units (as JavaScript counts).
struct Unflat<'a> {
    ops: &'a [f64],
    text: &'a str,
    i: usize,
}

impl Unflat<'_> {
    fn op(&mut self) -> f64 {
        self.i += 1;
        self.ops.get(self.i - 1).copied().unwrap_or(0.0)
    }

    /// The next string: as many chars from `text` as make up its UTF-16 length.
    fn str(&mut self) -> String {
        let units = self.op() as usize;
        let (mut counted, mut end) = (0, 0);
        for c in self.text.chars() {
            if counted >= units {
                break;
            }
            counted += c.len_utf16();
            end += c.len_utf8();
        }
        // `get`, not slicing: `end` is a char boundary, and a slice that could fail would
        // link the panic's formatting (see messages.rs).
        let s = self.text.get(..end).unwrap_or_default().to_owned();
        self.text = self.text.get(end..).unwrap_or_default();
        s
    }

    fn value(&mut self) -> Value {
        match self.op() as u8 {
            0 => Value::Null,
            1 => Value::Bool(self.op() != 0.0),
            2 => Value::Number(self.op()),
            3 => Value::String(self.str()),
            4 => {
                let n = self.op() as usize;
                Value::Array((0..n).map(|_| self.value()).collect())
            }
            _ => {
                let n = self.op() as usize;
                Value::Object((0..n).map(|_| (self.str(), self.value())).collect())
            }
        }
    }
}
