//! What the JavaScript loader lends the wasm: one object per module, handed to every `Widget`
//! (`{ catalogue, fetch, full, words }`). Each is optional, so the wasm tests mount widgets
//! without it.

use std::cell::RefCell;
use wasm_bindgen::{JsCast, JsValue};

#[derive(Default)]
struct Loader {
    /// `catalogue(lang)`: a promise of a language's messages, fetched on demand and checked
    /// against the hash sealed into the bundle.
    catalogue: Option<js_sys::Function>,
    /// `fetch(url)`: a config's response, perhaps already on its way (the loader starts the
    /// fetch of a mounted element's config while the wasm loads).
    fetch: Option<js_sys::Function>,
    /// `full(host)`: the full calculator is coming on `host`: its stylesheet (see `full`).
    full: Option<js_sys::Function>,
    /// `words()`: the full layout's English, from its chunk once loaded (see `full_words`).
    #[cfg(feature = "split")]
    words: Option<js_sys::Function>,
}

thread_local! {
    static LOADER: RefCell<Loader> = RefCell::new(Loader::default());
}

/// Keeps the loader's functions (the latest widget's; one module, so the same each time).
pub fn set(loader: &JsValue) {
    let get = |name: &str| {
        js_sys::Reflect::get(loader, &JsValue::from_str(name))
            .ok()
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
    };
    if loader.is_object() {
        LOADER.with(|l| {
            *l.borrow_mut() = Loader {
                catalogue: get("catalogue"),
                fetch: get("fetch"),
                full: get("full"),
                #[cfg(feature = "split")]
                words: get("words"),
            }
        });
    }
}

fn call(pick: fn(&Loader) -> Option<js_sys::Function>, args: &[&JsValue]) -> Option<JsValue> {
    let f = LOADER.with(|l| pick(&l.borrow()))?;
    let r = match args {
        [a] => f.call1(&JsValue::NULL, a),
        [a, b] => f.call2(&JsValue::NULL, a, b),
        _ => f.call0(&JsValue::NULL),
    };
    r.map_err(|e| web_sys::console::error_1(&e)).ok()
}

/// The promise of `lang`'s messages, or `None` when the loader offers none.
pub fn catalogue(lang: &str) -> Option<js_sys::Promise> {
    call(|l| l.catalogue.clone(), &[&JsValue::from_str(lang)])?
        .dyn_into()
        .ok()
}

/// The promise of the response for `url` (already resolved and same-origin): the loader's,
/// else the browser's own fetch.
pub fn fetch(url: &str) -> Option<js_sys::Promise> {
    match call(|l| l.fetch.clone(), &[&JsValue::from_str(url)]) {
        Some(p) => p.dyn_into().ok(),
        None => Some(web_sys::window()?.fetch_with_str(url)),
    }
}

/// The full layout is coming on `host`: the loader links its stylesheet (once), and the promise
/// settles when that has loaded or failed (the loader reports a failure itself).
pub fn full(host: &web_sys::HtmlElement) -> Option<js_sys::Promise> {
    call(|l| l.full.clone(), &[host])?.dyn_into().ok()
}

/// The full layout's English (`messages::EN_FULL`) once its chunk has loaded: the loader
/// reads it from the chunk's custom section `tierwise_en_full` (see `app.rs`).
#[cfg(feature = "split")]
pub fn full_words() -> Option<String> {
    call(|l| l.words.clone(), &[])?.as_string()
}
