//! Numbers for people, written by the browser's `Intl.NumberFormat` so the wasm carries no
//! float formatting of its own.

use js_sys::{Array, Function, Intl, Object, Reflect};
use wasm_bindgen::JsValue;

/// A number formatter for one currency and locale.
#[derive(Clone)]
pub struct Formatter {
    money: Function,
    number: Function,
}

fn options(pairs: &[(&str, JsValue)]) -> Object {
    let o = Object::new();
    for (k, v) in pairs {
        // Setting a plain property on a fresh object cannot fail.
        let _ = Reflect::set(&o, &JsValue::from_str(k), v);
    }
    o
}

impl Formatter {
    /// A formatter for `currency` (ISO 4217) in the page's locale, or `locale` when given.
    pub fn new(currency: &str, locale: Option<&str>) -> Formatter {
        let locales = Array::new();
        if let Some(l) = locale {
            locales.push(&JsValue::from_str(l));
        }
        let money = Intl::NumberFormat::new(
            &locales,
            &options(&[
                ("style", "currency".into()),
                ("currency", currency.into()),
                ("maximumFractionDigits", 0.into()),
            ]),
        );
        let number =
            Intl::NumberFormat::new(&locales, &options(&[("maximumFractionDigits", 2.into())]));
        Formatter {
            money: money.format(),
            number: number.format(),
        }
    }

    fn call(f: &Function, x: f64) -> String {
        f.call1(&JsValue::NULL, &JsValue::from_f64(x))
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_default()
    }

    /// An amount of money, rounded to whole units.
    pub fn money(&self, x: f64) -> String {
        Self::call(&self.money, x)
    }

    /// A plain number with up to two decimals.
    pub fn number(&self, x: f64) -> String {
        Self::call(&self.number, x)
    }
}
