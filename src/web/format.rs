//! Numbers for people, written and read by the browser (`Intl.NumberFormat`, `Number`), so
//! the wasm carries no float formatting or parsing of its own.

use crate::model::messages::{plural_category, Messages};
use crate::model::numbers::Numbers;
use js_sys::{Array, Function, Intl, Object, Reflect};
use wasm_bindgen::JsValue;

/// `Intl` formatters for one currency and locale, and that locale's words.
#[derive(Clone)]
pub struct IntlNumbers {
    money: Function,
    compact: Function,
    number: Function,
    percent: Function,
    /// `Intl.PluralRules` for the locale.
    plural: Intl::PluralRules,
    words: Messages,
}

fn options(pairs: &[(&str, JsValue)]) -> Object {
    let o = Object::new();
    for (k, v) in pairs {
        // Setting a plain property on a fresh object cannot fail.
        let _ = Reflect::set(&o, &JsValue::from_str(k), v);
    }
    o
}

fn call(f: &Function, x: f64) -> String {
    f.call1(&JsValue::NULL, &JsValue::from_f64(x))
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// `Intl.getCanonicalLocales`, which throws a RangeError on a malformed tag.
    #[wasm_bindgen(catch, js_namespace = Intl, js_name = getCanonicalLocales)]
    fn canonical_locales(tag: &str) -> Result<Array, JsValue>;
}

/// Whether `tag` is a language tag `Intl` accepts ("en-GB", "de"). A tag it refuses would
/// make every formatter throw, from inside the wasm.
pub fn is_locale(tag: &str) -> bool {
    canonical_locales(tag).is_ok()
}

impl IntlNumbers {
    /// Formatters for `currency` (ISO 4217) in `locale`, or the page's locale when `None` (or
    /// not a tag `Intl` accepts).
    pub fn new(currency: &str, locale: Option<&str>) -> IntlNumbers {
        IntlNumbers::with_words(currency, locale, Messages::english())
    }

    /// Formatters for `currency` in `locale`, speaking `words`.
    pub fn with_words(currency: &str, locale: Option<&str>, words: Messages) -> IntlNumbers {
        let locales = Array::new();
        if let Some(l) = locale.filter(|l| is_locale(l)) {
            locales.push(&JsValue::from_str(l));
        }
        let make =
            |pairs: &[(&str, JsValue)]| Intl::NumberFormat::new(&locales, &options(pairs)).format();
        IntlNumbers {
            money: make(&[
                ("style", "currency".into()),
                ("currency", currency.into()),
                ("maximumFractionDigits", 0.into()),
            ]),
            compact: make(&[
                ("style", "currency".into()),
                ("currency", currency.into()),
                ("notation", "compact".into()),
                ("maximumSignificantDigits", 3.into()),
            ]),
            number: make(&[("maximumFractionDigits", 2.into())]),
            percent: make(&[
                ("style", "percent".into()),
                ("maximumFractionDigits", 2.into()),
            ]),
            plural: Intl::PluralRules::new(&locales, &Object::new()),
            words,
        }
    }

    /// A problem in words, its numbers written by `Intl`.
    pub fn problem(&self, p: &crate::model::Problem) -> String {
        p.message_in(&self.words, &|x| self.number(x))
    }
}

impl Numbers for IntlNumbers {
    fn money(&self, x: f64) -> String {
        call(&self.money, x)
    }
    fn number(&self, x: f64) -> String {
        call(&self.number, x)
    }
    fn about(&self, x: f64) -> String {
        call(&self.compact, x)
    }
    fn percent(&self, x: f64) -> String {
        call(&self.percent, x)
    }
    fn exact(&self, x: f64) -> String {
        // JavaScript's String(x) is the shortest text that reads back as x.
        js_sys::Number::from(x)
            .to_string_with_radix(10)
            .map(String::from)
            .unwrap_or_default()
    }
    fn words(&self) -> &Messages {
        &self.words
    }
    fn plural(&self, n: f64) -> &'static str {
        plural_category(&String::from(self.plural.select(n)))
    }
    fn parse(&self, text: &str) -> Option<f64> {
        let t = text.trim();
        if t.is_empty() {
            return None;
        }
        // Number(text), not parseFloat: "12abc" is not a number.
        #[allow(deprecated)]
        let x = js_sys::Number::new(&JsValue::from_str(t)).value_of();
        x.is_finite().then_some(x)
    }
}
