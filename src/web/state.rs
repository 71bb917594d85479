//! The page's address and local storage: where a scenario is kept between visits and shared.
//! Reading and writing only; what the parameters mean is `model::share`'s business.

/// The one localStorage key Tierwise writes.
pub const STORAGE_KEY: &str = "tierwise";

/// The current page's query parameters, in order.
pub fn query_pairs() -> Vec<(String, String)> {
    let search = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    parse_query(&search)
}

/// Splits `?a=1&b=2` into pairs, decoding percent escapes with the browser.
pub fn parse_query(search: &str) -> Vec<(String, String)> {
    let decode = |s: &str| {
        let s = s.replace('+', " ");
        js_sys::decode_uri_component(&s)
            .map(String::from)
            .unwrap_or(s)
    };
    search
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| match p.split_once('=') {
            Some((k, v)) => (decode(k), decode(v)),
            None => (decode(p), String::new()),
        })
        .collect()
}

/// Joins pairs into `a=1&b=2`, escaping only what must be: ids, numbers and commas stay readable.
pub fn to_query_string(pairs: &[(String, String)]) -> String {
    let encode = |s: &str| {
        if s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"_.,-/:".contains(&b))
        {
            s.to_owned()
        } else {
            String::from(js_sys::encode_uri_component(s))
        }
    };
    pairs
        .iter()
        .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
        .collect::<Vec<_>>()
        .join("&")
}

/// Replaces the address's query without a reload or a history entry.
pub fn replace_query(query: &str) {
    let Some(w) = web_sys::window() else { return };
    let path = w.location().pathname().unwrap_or_default();
    let hash = w.location().hash().unwrap_or_default();
    if let Ok(history) = w.history() {
        let _ = history.replace_state_with_url(
            &wasm_bindgen::JsValue::NULL,
            "",
            Some(&format!("{path}?{query}{hash}")),
        );
    }
}

/// The address of the page with `query`, for a share link.
pub fn link_with(query: &str) -> String {
    let Some(w) = web_sys::window() else {
        return String::new();
    };
    let l = w.location();
    format!(
        "{}{}?{query}",
        l.origin().unwrap_or_default(),
        l.pathname().unwrap_or_default()
    )
}

fn storage() -> Option<web_sys::Storage> {
    // Private browsing or a blocked storage throws: the widget simply does not remember.
    web_sys::window()?.local_storage().ok()?
}

/// The stored query string, if any.
pub fn stored() -> Option<String> {
    storage()?.get_item(STORAGE_KEY).ok()?
}

/// Remembers `query` for the next visit.
pub fn store(query: &str) {
    if let Some(s) = storage() {
        let _ = s.set_item(STORAGE_KEY, query);
    }
}
