//! JavaScript values to and from the engine's [`Value`] tree, walked with `js_sys`.
//!
//! Hand-written rather than serde_wasm_bindgen: that crate's generic deserializer and its
//! error messages (which format floats) cost ~10 KB of gzipped wasm, and a walk of our own
//! can name the path of what it refuses.

use crate::model::value::{Value, MAX_DEPTH, MAX_VALUES};
use js_sys::{Array, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

/// The engine's value as a plain JavaScript value (`null`, boolean, number, string, array,
/// object).
pub fn to_js(v: &Value) -> JsValue {
    match v {
        Value::Null => JsValue::NULL,
        Value::Bool(b) => JsValue::from_bool(*b),
        Value::Number(n) => JsValue::from_f64(*n),
        Value::String(s) => JsValue::from_str(s),
        Value::Array(items) => items.iter().map(to_js).collect::<Array>().into(),
        Value::Object(members) => {
            let o = Object::new();
            for (k, v) in members {
                let _ = Reflect::set(&o, &key(k), &to_js(v));
            }
            o.into()
        }
    }
}

thread_local! {
    /// Object keys already made into JS strings. A result has a few dozen distinct keys used
    /// hundreds of times; decoding each from UTF-8 anew was most of an evaluation's cost.
    static KEYS: std::cell::RefCell<std::collections::HashMap<String, JsValue>> = Default::default();
}

/// `k` as a JS string, made once per distinct key (field names are few; config ids too).
fn key(k: &str) -> JsValue {
    KEYS.with(|keys| {
        let mut keys = keys.borrow_mut();
        if let Some(v) = keys.get(k) {
            return v.clone();
        }
        let v = JsValue::from_str(k);
        // Keys come from our own field names and a config's ids: bounded, but cap it anyway.
        if keys.len() < 1024 {
            keys.insert(k.to_owned(), v.clone());
        }
        v
    })
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
