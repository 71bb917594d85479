//! The options a host passes to `mount()` and `update()`, or sets as attributes, read with the
//! model's decoder: a bad one is refused with an `Error` naming the field. `with_options`
//! applies their scenario fields to a calculator's starting scenario.

use super::events::{announce, error_detail, js_error, read_value};
use super::format::{is_locale, IntlNumbers};
use crate::model::decode::{Decoder, Fields};
use crate::model::messages::Messages;
use crate::model::problem::{Issue, Problems};
use crate::model::{Config, Scenario, Value};
use wasm_bindgen::JsValue;

/// Where the config comes from.
#[derive(Clone, Debug, PartialEq)]
pub enum Source {
    /// A same-origin URL to fetch.
    Url(String),
    /// A config object handed over directly (the JS API, or an inline JSON child).
    Inline(Value),
}

/// The options a host passes to `mount()` / `update()`, or sets as attributes. All optional.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Options {
    pub source: Option<Source>,
    pub mode: Option<String>,
    pub theme: Option<String>,
    pub locale: Option<String>,
    pub persist: Option<bool>,
    /// Scenario fields to apply (`team_size`, `scale`, `requirements`, …, or `scenario: {…}`).
    pub scenario: Vec<(String, Value)>,
    /// The host's own words (`messages: {id: text}`), over the catalogue and the config's.
    pub messages: Option<Messages>,
}

const MODES: &[&str] = &["full", "compact", "present"];
const THEMES: &[&str] = &["light", "dark", "auto"];
const SCENARIO_FIELDS: [&str; 6] = [
    "team_size",
    "scale",
    "horizon",
    "team_growth",
    "scale_growth",
    "requirements",
];

fn choice(
    d: &mut Decoder,
    f: &mut Fields,
    key: &'static str,
    allowed: &'static [&'static str],
) -> Option<String> {
    let v = f.opt_string(d, key).flatten()?;
    if allowed.contains(&v.as_str()) {
        Some(v)
    } else {
        d.report(f.path_of(key), Issue::NotOneOf { found: v, allowed });
        None
    }
}

impl Options {
    /// The options, or the `Error` that refuses them, listing every problem.
    pub fn read(js: &JsValue) -> Result<Options, JsValue> {
        if js.is_undefined() || js.is_null() {
            return Ok(Options::default());
        }
        let value = read_value(js, "options")?;
        let mut d = Decoder::default();
        let mut o = Options::default();
        if let Some(mut f) = d.fields(&value, "options") {
            o.source = match f.get("config") {
                None => None,
                Some(Value::String(url)) => Some(Source::Url(url.clone())),
                Some(v @ Value::Object(_)) => Some(Source::Inline(v.clone())),
                Some(other) => {
                    d.report(
                        f.path_of("config"),
                        Issue::WrongType {
                            expected: "a URL or a config object",
                            found: other.kind(),
                        },
                    );
                    None
                }
            };
            o.mode = choice(&mut d, &mut f, "mode", MODES);
            o.theme = choice(&mut d, &mut f, "theme", THEMES);
            o.locale = f.opt_string(&mut d, "locale").flatten();
            if let Some(tag) = o.locale.take() {
                if is_locale(&tag) {
                    o.locale = Some(tag);
                } else {
                    let said =
                        format!("is \"{tag}\", which is not a language tag (such as en-US or de)");
                    d.report(f.path_of("locale"), Issue::Other(said));
                }
            }
            o.persist = f
                .get("persist")
                .and_then(|v| d.boolean(v, &f.path_of("persist")));
            o.messages = f.get("messages").map(|v| {
                let mut m = Messages::english();
                m.read(&mut d, v, &f.path_of("messages"));
                m
            });
            match f.get("scenario") {
                None => {}
                Some(Value::Object(members)) => o.scenario.extend(members.iter().cloned()),
                Some(other) => {
                    let found = other.kind();
                    d.report(
                        f.path_of("scenario"),
                        Issue::WrongType {
                            expected: "an object",
                            found,
                        },
                    );
                }
            }
            for key in SCENARIO_FIELDS {
                // Null is "absent" in a document, but a host that passes it meant something.
                if let Some(Value::Null) = value.get(key) {
                    let expected = if key == "requirements" {
                        "a list of requirement ids"
                    } else {
                        "a number"
                    };
                    d.report(
                        f.path_of(key),
                        Issue::WrongType {
                            expected,
                            found: "null",
                        },
                    );
                }
                if let Some(v) = f.get(key) {
                    // Attributes carry text: "sso,audit_log" is a list.
                    let v = match (key, v) {
                        ("requirements", Value::String(s)) => Value::Array(
                            s.split(',')
                                .map(str::trim)
                                .filter(|x| !x.is_empty())
                                .map(|x| Value::String(x.to_owned()))
                                .collect(),
                        ),
                        _ => v.clone(),
                    };
                    o.scenario.push((key.to_owned(), v));
                }
            }
        }
        if d.problems.is_empty() {
            Ok(o)
        } else {
            Err(js_error("bad options", &Problems(d.problems)))
        }
    }
}

/// `start` with the host's scenario `options` over it; if they cannot be used, `start` as it
/// is, what was wrong announced on `host` and returned in words.
pub fn with_options(
    config: &Config,
    start: Scenario,
    options: &[(String, Value)],
    numbers: &IntlNumbers,
    host: Option<&web_sys::HtmlElement>,
) -> (Scenario, Vec<String>) {
    if options.is_empty() {
        return (start, Vec::new());
    }
    match start.overlay(config, &Value::Object(options.to_vec())) {
        Ok(s) => (s, Vec::new()),
        Err(p) => {
            if let Some(host) = host {
                announce(host, &error_detail("Some settings could not be used", &p.0));
            }
            (start, p.0.iter().map(|p| numbers.problem(p)).collect())
        }
    }
}
