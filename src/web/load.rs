//! Fetching a config document from the page's own origin.

use crate::model::value::check_size;
use crate::model::{Config, Problem, Problems, Value};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Why a config could not be used, in words for the page.
#[derive(Clone, Debug, PartialEq)]
pub enum LoadError {
    /// The request failed or the server said no.
    Fetch(String),
    /// The document is not JSON.
    NotJson(String),
    /// The document is JSON but not a valid config.
    Invalid(Vec<Problem>),
}

impl LoadError {
    /// What went wrong, in one sentence.
    pub fn summary(&self) -> String {
        match self {
            LoadError::Fetch(m) => m.clone(),
            LoadError::NotJson(m) => format!("The config is not valid JSON: {m}"),
            LoadError::Invalid(p) => format!("The pricing config has {} problem(s)", p.len()),
        }
    }

    /// The config's problems by path; empty unless the config itself is invalid.
    pub fn problems(&self) -> &[Problem] {
        match self {
            LoadError::Invalid(p) => p,
            _ => &[],
        }
    }
}

/// Resolves `url` against the page and refuses it unless it is on the page's own origin:
/// a config from elsewhere would be a request the page never meant to make.
pub fn same_origin(url: &str) -> Result<String, LoadError> {
    let location = web_sys::window()
        .map(|w| w.location())
        .ok_or_else(|| LoadError::Fetch("no window".into()))?;
    let base = location.href().unwrap_or_default();
    let resolved = web_sys::Url::new_with_base(url, &base)
        .map_err(|_| LoadError::Fetch(format!("the config URL \"{url}\" is not a URL")))?;
    let origin = location.origin().unwrap_or_default();
    if resolved.origin() != origin {
        return Err(LoadError::Fetch(format!(
            "the config must come from this site ({origin}), not from \"{url}\""
        )));
    }
    Ok(resolved.href())
}

/// Reads JSON text from `what` (a URL, the inline child) into a [`Value`], refusing documents
/// over the size limit before parsing them.
pub fn parse(text: &str, what: &str) -> Result<Value, LoadError> {
    check_size(what, text.len()).map_err(LoadError::Fetch)?;
    let json = js_sys::JSON::parse(text).map_err(|_| LoadError::NotJson(what.to_owned()))?;
    super::js::from_js(&json, what).map_err(LoadError::NotJson)
}

/// Fetches `url` (same origin only) and checks it as a config.
pub async fn fetch_config(url: &str) -> Result<Config, LoadError> {
    let url = &same_origin(url)?;
    let started = super::loader::fetch(url).ok_or_else(|| LoadError::Fetch("no window".into()))?;
    let response = JsFuture::from(started)
        .await
        .map_err(|_| LoadError::Fetch(format!("could not fetch the config at {url}")))?;
    let response: web_sys::Response = response
        .dyn_into()
        .map_err(|_| LoadError::Fetch(format!("no response for the config at {url}")))?;
    if !response.ok() {
        return Err(LoadError::Fetch(format!(
            "the config at {url} answered HTTP {}",
            response.status()
        )));
    }
    let promise = response
        .text()
        .map_err(|_| LoadError::Fetch(format!("could not read the config at {url}")))?;
    let text = JsFuture::from(promise)
        .await
        .ok()
        .and_then(|t| t.as_string())
        .ok_or_else(|| LoadError::Fetch(format!("could not read the config at {url}")))?;
    let value = parse(&text, url)?;
    Config::from_value(&value).map_err(|Problems(p)| LoadError::Invalid(p))
}
