//! The JavaScript face of the widget: `Widget` (what `mount()` and `<tierwise-calculator>`
//! drive) and `evaluate()`. Inputs from the host page are untrusted: every option is checked
//! with the model's decoder, and a bad one is a thrown `Error` naming the field.

use super::app::{initial_scenario, Calculator, ErrorPanel};
use super::ctx::Ctx;
use super::format::{is_locale, IntlNumbers};
use super::load::{fetch_config, LoadError};
use crate::model::decode::{Decoder, Fields};
use crate::model::messages::{catalogue_for, english, Messages};
use crate::model::problem::{Issue, Problem, Problems};
use crate::model::value::to_value;
use crate::model::{evaluate_to, Config, Depth, Scenario, Value};
use leptos::prelude::*;
use serde::Serialize;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;

/// Serializes for JavaScript: plain objects, `null` for absent values.
pub fn to_js<T: Serialize>(value: &T) -> JsValue {
    super::js::to_js(&crate::model::value::to_value(value))
}

/// Dispatches the event `tierwise<name>` (the name every framework binds declaratively:
/// `ontierwisechange` in React 19 and Svelte 5, `@tierwisechange` in Vue), then its alias
/// `tierwise:<name>`, bubbling and composed, with one `detail`; returns false when a listener
/// of either called `preventDefault()`.
pub fn dispatch(
    target: &web_sys::HtmlElement,
    name: &str,
    detail: &Value,
    cancelable: bool,
) -> bool {
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_cancelable(cancelable);
    init.set_detail(&super::js::to_js(detail));
    let mut allowed = true;
    for full in [format!("tierwise{name}"), format!("tierwise:{name}")] {
        if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(&full, &init) {
            allowed &= target.dispatch_event(&event).unwrap_or(true);
        }
    }
    allowed
}

/// The detail of `tierwise:error`.
#[derive(Serialize)]
struct ErrorDetail {
    message: String,
    problems: Vec<ProblemDetail>,
}

#[derive(Serialize)]
struct ProblemDetail {
    path: String,
    message: String,
}

/// The detail of `tierwise:error`: `summary`, then every problem, in the message too, so a
/// host (or `handle.ready`'s rejection) that reads only the message still learns what is wrong.
fn error_detail(summary: &str, problems: &[Problem]) -> ErrorDetail {
    let n = IntlNumbers::new("USD", None);
    let problems: Vec<ProblemDetail> = problems
        .iter()
        .map(|p| ProblemDetail {
            path: p.path.clone(),
            message: n.problem(p),
        })
        .collect();
    let mut message = format!("Tierwise: {summary}");
    if !problems.is_empty() {
        let list: Vec<&str> = problems.iter().map(|p| p.message.as_str()).collect();
        message = format!("{message}: {}", list.join("; "));
    }
    ErrorDetail { message, problems }
}

/// A config that cannot be used: its problems, or (unreadable, not JSON) the one reason, at
/// the path `config`, so the detail always lists what is wrong.
fn load_error_detail(e: &LoadError) -> ErrorDetail {
    let summary = e.summary();
    let mut detail = error_detail(&summary, e.problems());
    if detail.problems.is_empty() {
        detail.problems.push(ProblemDetail {
            path: "config".to_owned(),
            message: summary,
        });
    }
    detail
}

/// Fires `tierwiseerror` (and `tierwise:error`) on `host`.
fn announce(host: &web_sys::HtmlElement, detail: &ErrorDetail) {
    dispatch(host, "error", &to_value(detail), false);
}

/// An `Error` whose message lists every problem and whose `problems` property holds them as
/// `{path, message}`, as in `tierwise:error`'s detail: the loader passes them on.
fn thrown(detail: ErrorDetail) -> JsValue {
    let error = js_sys::Error::new(&detail.message);
    let problems = super::js::to_js(&to_value(&detail.problems));
    let _ = js_sys::Reflect::set(&error, &JsValue::from_str("problems"), &problems);
    error.into()
}

/// Problems as one `Error` for a thrown exception.
fn js_error(what: &str, problems: &Problems) -> JsValue {
    thrown(error_detail(what, &problems.0))
}

/// Reads a JS argument, or says (as an `Error` naming the argument) what in it cannot be read.
fn read_value(js: &JsValue, what: &str) -> Result<Value, JsValue> {
    super::js::from_js(js, what).map_err(|e| {
        let message = format!("Tierwise: {e}");
        thrown(ErrorDetail {
            problems: vec![ProblemDetail {
                path: what.to_owned(),
                message: e.to_string(),
            }],
            message,
        })
    })
}

/// Shows why a widget could not start in its mount point, so the element is never an empty
/// box, and returns the reason as the `Error` to throw.
fn refuse(root: &web_sys::Element, error: JsValue) -> JsValue {
    let message = js_sys::Error::from(error.clone()).message().as_string().unwrap_or_default();
    let panel = super::app::error_panel(
        "These options cannot be used",
        std::slice::from_ref(&message),
    );
    super::dom::draw(root, &[panel]);
    error
}

/// Where the config comes from.
#[derive(Clone, Debug, PartialEq)]
enum Source {
    /// A same-origin URL to fetch.
    Url(String),
    /// A config object handed over directly (the JS API, or an inline JSON child).
    Inline(Value),
}

/// The options a host passes to `mount()` / `update()`, or sets as attributes. All optional.
#[derive(Clone, Debug, Default, PartialEq)]
struct Options {
    source: Option<Source>,
    mode: Option<String>,
    theme: Option<String>,
    locale: Option<String>,
    persist: Option<bool>,
    /// Scenario fields to apply (`team_size`, `scale`, `requirements`, …, or `scenario: {…}`).
    scenario: Vec<(String, Value)>,
    /// The host's own words (`messages: {id: text}`), over the catalogue and the config's.
    messages: Option<Messages>,
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
    fn read(js: &JsValue) -> Result<Options, JsValue> {
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

/// State shared between the `Widget` handle and its mounted view: handles, so `Copy`.
#[derive(Clone, Copy)]
struct Shared {
    host: StoredValue<web_sys::HtmlElement, LocalStorage>,
    options: RwSignal<Options>,
    /// The calculator's state once a config has loaded.
    ctx: RwSignal<Option<Ctx>, LocalStorage>,
}

/// A mounted calculator. `update()` changes it, `destroy()` removes it and frees its state.
#[wasm_bindgen]
pub struct Widget {
    shared: Option<Shared>,
    view: Rc<RefCell<Option<Box<dyn std::any::Any>>>>,
}

fn config_source(options: &Options, host: &web_sys::HtmlElement) -> Result<Source, LoadError> {
    if let Some(s) = &options.source {
        return Ok(s.clone());
    }
    // An inline <script type="application/json"> child of the element.
    let script = host
        .query_selector(":scope > script[type='application/json']")
        .ok()
        .flatten();
    match script.and_then(|s| s.text_content()) {
        Some(text) => {
            super::load::parse(&text, "the inline <script type=\"application/json\">").map(Source::Inline)
        }
        None => Err(LoadError::Fetch("no config: set the config attribute to a URL, or put the config in a <script type=\"application/json\"> child".into())),
    }
}

async fn load(source: Source) -> (String, Result<Config, LoadError>) {
    match source {
        Source::Url(url) => {
            let result = fetch_config(&url).await;
            (url, result)
        }
        Source::Inline(v) => (
            String::new(),
            Config::from_value(&v).map_err(|Problems(p)| LoadError::Invalid(p)),
        ),
    }
}

#[wasm_bindgen]
impl Widget {
    /// Mounts a calculator in `root` (inside `host`'s shadow root), dispatching events on `host`.
    #[wasm_bindgen(constructor)]
    pub fn new(
        host: web_sys::HtmlElement,
        root: web_sys::HtmlElement,
        options: JsValue,
        catalogue: JsValue,
    ) -> Result<Widget, JsValue> {
        install_panic_hook();
        if let Ok(f) = catalogue.dyn_into::<js_sys::Function>() {
            CATALOGUE.with(|c| *c.borrow_mut() = Some(f));
        }
        let initial = Options::read(&options).map_err(|e| refuse(&root, e))?;
        MOUNTED.with(|m| m.borrow_mut().push((host.clone(), root.clone().into())));
        let shared_slot: Rc<RefCell<Option<Shared>>> = Rc::new(RefCell::new(None));
        let slot = shared_slot.clone();
        let handle = leptos::mount::mount_to(root, move || {
            let shared = Shared {
                host: StoredValue::new_local(host),
                options: RwSignal::new(initial),
                ctx: RwSignal::new_local(None),
            };
            *slot.borrow_mut() = Some(shared);
            widget_view(shared)
        });
        let shared = shared_slot.borrow_mut().take();
        Ok(Widget {
            shared,
            view: Rc::new(RefCell::new(Some(Box::new(handle)))),
        })
    }

    /// Applies new options: another config reloads; mode, theme and scenario fields change in
    /// place. Throws on a bad option, changing nothing.
    pub fn update(&self, options: JsValue) -> Result<(), JsValue> {
        let shared = self.live()?;
        let new = Options::read(&options)?;
        let ctx = shared.ctx.get_untracked();
        if let (Some(ctx), false) = (ctx, new.scenario.is_empty()) {
            let next = ctx.with_config(|c| {
                ctx.scenario
                    .with_untracked(|s| s.overlay(c, &Value::Object(new.scenario.clone())))
            });
            match next {
                Ok(s) => ctx.scenario.set(s),
                Err(p) => return Err(js_error("bad scenario", &p)),
            }
        }
        if let Some(ctx) = ctx {
            if let Some(m) = &new.mode {
                ctx.present.set(m == "present");
                ctx.compact.set(m == "compact");
            }
            if let Some(t) = &new.theme {
                ctx.theme.set(t.clone());
            }
        }
        // Remember everything, so a config still loading, or loaded anew, starts from it.
        shared.options.update(|o| {
            if new.source.is_some() {
                o.source = new.source;
            }
            o.mode = new.mode.or(o.mode.take());
            o.theme = new.theme.or(o.theme.take());
            o.locale = new.locale.or(o.locale.take());
            o.persist = new.persist.or(o.persist);
            if new.messages.is_some() {
                o.messages = new.messages;
            }
            for (k, v) in new.scenario {
                o.scenario.retain(|(key, _)| *key != k);
                o.scenario.push((k, v));
            }
        });
        Ok(())
    }

    /// The latest Result (as in `tierwisechange`), or `null` until the calculator shows.
    #[wasm_bindgen(getter)]
    pub fn result(&self) -> JsValue {
        self.read(|ctx| ctx.with_report(to_js))
    }

    /// The current scenario, or `null` until the calculator shows.
    #[wasm_bindgen(getter)]
    pub fn scenario(&self) -> JsValue {
        self.read(|ctx| ctx.scenario.with_untracked(to_js))
    }

    /// Forgets what `name` (an attribute's option: `config`, `team_size`, `scale`,
    /// `requirements`, `mode`, `theme`, `locale`) was set to: a scenario field returns to the
    /// config's default, the mode to `full`, the theme to `auto`, the locale to the page's, the
    /// config to the element's inline JSON child.
    pub fn reset(&self, name: &str) -> Result<(), JsValue> {
        let shared = self.live()?;
        shared.options.update(|o| match name {
            "config" => o.source = None,
            "mode" => o.mode = None,
            "theme" => o.theme = None,
            "locale" => o.locale = None,
            _ => o.scenario.retain(|(key, _)| key != name),
        });
        let Some(ctx) = shared.ctx.get_untracked() else {
            return Ok(());
        };
        match name {
            "mode" => {
                ctx.present.set(false);
                ctx.compact.set(false);
            }
            "theme" => ctx.theme.set("auto".into()),
            // Both are part of the load's source: changing either reloads the calculator.
            "config" | "locale" => {}
            _ => {
                let back = ctx.with_config(|c| {
                    let default = to_value(&Scenario::defaults(c));
                    let field = default.get(name).cloned().unwrap_or(Value::Null);
                    ctx.scenario.with_untracked(|s| {
                        s.overlay(c, &Value::Object(vec![(name.to_owned(), field)]))
                    })
                });
                ctx.scenario.set(back.map_err(|p| js_error("bad reset", &p))?);
            }
        }
        Ok(())
    }

    fn live(&self) -> Result<&Shared, JsValue> {
        self.shared
            .as_ref()
            .ok_or_else(|| js_sys::Error::new("Tierwise: this widget was destroyed").into())
    }

    fn read(&self, f: impl FnOnce(&Ctx) -> JsValue) -> JsValue {
        match self.shared.and_then(|s| s.ctx.get_untracked()) {
            Some(ctx) => f(&ctx),
            None => JsValue::NULL,
        }
    }

    /// Unmounts the calculator and frees its state.
    pub fn destroy(&mut self) {
        if let Some(shared) = self.shared.take() {
            let host = shared.host.get_value();
            MOUNTED.with(|m| m.borrow_mut().retain(|(h, _)| *h != host));
        }
        self.view.borrow_mut().take();
    }
}

thread_local! {
    /// The loader's `catalogue(lang)`: a promise of a language's messages, fetched on demand
    /// and checked against the hash sealed into the bundle. One loader, one function.
    static CATALOGUE: RefCell<Option<js_sys::Function>> = const { RefCell::new(None) };
    /// Every mounted calculator's host element and mount point, for reporting a panic.
    static MOUNTED: RefCell<Vec<(web_sys::HtmlElement, web_sys::Element)>> = const { RefCell::new(Vec::new()) };
}

/// Routes panics to [`report_panic`]. The release build aborts after the hook (the wasm
/// instance is then dead), so the hook is the one chance to tell the page and the person.
fn install_panic_hook() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| std::panic::set_hook(Box::new(|info| report_panic(&info.to_string()))));
}

/// Tells of a panic: the message on the console, and, in every mounted calculator, the error
/// panel and a `tierwise:error` event. Plain DOM only: the reactive state may be mid-update.
pub fn report_panic(message: &str) {
    web_sys::console::error_1(&JsValue::from_str(&format!("Tierwise panicked: {message}")));
    let detail = ErrorDetail {
        message: format!("Tierwise stopped because of an internal error: {message}"),
        problems: vec![ProblemDetail {
            path: "internal".to_owned(),
            message: message.to_owned(),
        }],
    };
    // try_borrow: the panic may have happened while the list was being changed.
    let mounted = MOUNTED.with(|m| m.try_borrow().map(|m| m.clone()).unwrap_or_default());
    for (host, root) in mounted {
        super::dom::draw(
            &root,
            &[super::app::error_panel(
                "Tierwise stopped because of an internal error",
                &[
                    message.to_owned(),
                    "Reload the page to start again.".to_owned(),
                ],
            )],
        );
        announce(&host, &detail);
    }
}

/// A loaded config: where it came from, the config or why not, and the words to show.
type Loaded = (String, Result<Config, LoadError>, Messages);

/// The words for `locale`: its catalogue (fetched by the loader on first need), else English.
async fn load_words(locale: Option<&str>) -> Messages {
    let Some(lang) = locale.and_then(catalogue_for) else {
        return Messages::english();
    };
    let mut words = Messages::language(lang);
    let promise = CATALOGUE
        .with(|c| c.borrow().clone())
        .and_then(|f| f.call1(&JsValue::NULL, &JsValue::from_str(lang)).ok())
        .and_then(|p| p.dyn_into::<js_sys::Promise>().ok());
    let loaded = match promise {
        Some(p) => wasm_bindgen_futures::JsFuture::from(p).await,
        None => Err(JsValue::from_str("the loader offers no catalogues")),
    };
    match loaded.map(|js| super::js::from_js(&js, lang)) {
        Ok(Ok(value)) => {
            // Our own catalogues, checked by the tests: a problem here is a build's mistake.
            words.read(&mut Decoder::default(), &value, lang);
            words
        }
        // The calculator still works, in English; the page's console says which file failed.
        failed => {
            let why = match failed {
                Ok(Err(e)) => e,
                Err(e) => e.as_string().unwrap_or_else(|| js_sys::Error::from(e).message().into()),
                Ok(Ok(_)) => String::new(),
            };
            let said = format!("Tierwise: the {lang} words could not be loaded ({why}); showing English");
            web_sys::console::warn_1(&JsValue::from_str(&said));
            Messages::english()
        }
    }
}

/// Loads the words and the config whenever the source, locale or the host's words change,
/// then shows the calculator or the error.
fn widget_view(shared: Shared) -> impl IntoView {
    let loaded = RwSignal::new(None::<Loaded>);
    // What shows while the config loads, in the words' language once they arrive.
    let loading = RwSignal::new(english("loading").unwrap_or_default().to_owned());
    let options = shared.options;
    let source =
        Memo::new(move |_| options.with(|o| (o.source.clone(), o.locale.clone(), o.messages.clone())));
    // Only the latest load may show: an older one finishing late is dropped.
    let generation = Rc::new(std::cell::Cell::new(0u32));
    Effect::new(move |_| {
        let (_, locale, overrides) = source.get();
        let src = options.with_untracked(|o| shared.host.with_value(|h| config_source(o, h)));
        loaded.set(None);
        let mine = generation.get() + 1;
        generation.set(mine);
        let generation = generation.clone();
        leptos::task::spawn_local(async move {
            let locale = locale.or_else(page_locale);
            let mut w = load_words(locale.as_deref()).await;
            if generation.get() != mine {
                return;
            }
            loading.try_set(w.get("loading").to_owned());
            let (url, result) = match src {
                Err(e) => (String::new(), Err(e)),
                Ok(src) => load(src).await,
            };
            if generation.get() != mine {
                return;
            }
            // The vendor's words for this language, then the host page's.
            if let Ok(c) = &result {
                if let Some((_, m)) = c.messages.iter().find(|(l, _)| l == w.lang) {
                    w.merge(m);
                }
            }
            if let Some(o) = &overrides {
                w.merge(o);
            }
            loaded.try_set(Some((url, result, w)));
        });
    });
    let host = move || shared.host.get_value();
    move || match loaded.get() {
        None => {
            // The calculator shown before (its state now disposed with this redraw) is gone:
            // until the config loads again, `update` only records options.
            shared.ctx.set(None);
            view! { <p class="tierwise loading" role="status">{move || loading.get()}</p> }.into_any()
        }
        Some((_, Err(e), w)) => {
            shared.ctx.set(None);
            announce(&host(), &load_error_detail(&e));
            view! { <ErrorPanel error=e words=w /> }.into_any()
        }
        Some((url, Ok(config), w)) => {
            let o = options.get_untracked();
            let locale = o.locale.clone().or_else(page_locale);
            let numbers = IntlNumbers::with_words(&config.currency, locale.as_deref(), w.clone());
            let persist = o.persist.unwrap_or(false);
            let (start, mut notices) = if persist {
                initial_scenario(&config, &url, &numbers)
            } else {
                (Scenario::defaults(&config), Vec::new())
            };
            let start = if o.scenario.is_empty() {
                start
            } else {
                match start.overlay(&config, &Value::Object(o.scenario.clone())) {
                    Ok(s) => s,
                    Err(p) => {
                        let detail = error_detail("Some settings could not be used", &p.0);
                        announce(&host(), &detail);
                        notices.extend(p.0.iter().map(|p| numbers.problem(p)));
                        start
                    }
                }
            };
            let ctx = Ctx::new(config, start, locale, w);
            ctx.host.set_value(Some(host()));
            ctx.present.set(o.mode.as_deref() == Some("present"));
            ctx.compact.set(o.mode.as_deref() == Some("compact"));
            if let Some(t) = o.theme {
                ctx.theme.set(t);
            }
            shared.ctx.set(Some(ctx));
            view! { <Calculator ctx notices config_url=url persist /> }.into_any()
        }
    }
}

/// The page's language (`<html lang>`), for number formatting; `None` lets the browser choose.
fn page_locale() -> Option<String> {
    let lang = web_sys::window()?
        .document()?
        .document_element()?
        .get_attribute("lang")?;
    is_locale(&lang).then_some(lang)
}

/// `evaluate(config, scenario)`: the Result of spec §9 as a plain object (`null` for absent
/// values). Throws an `Error` listing every problem of a bad config or scenario.
#[wasm_bindgen(js_name = evaluateSync)]
pub fn evaluate_js(config: JsValue, scenario: JsValue) -> Result<JsValue, JsValue> {
    Engine::new(config)?.evaluate(scenario, JsValue::UNDEFINED)
}

/// One config, checked once, for evaluating many scenarios (comparisons, sweeps): the loader's
/// `engine(config)`. Each evaluation reads and checks only the scenario.
#[wasm_bindgen]
pub struct Engine {
    config: Config,
}

#[wasm_bindgen]
impl Engine {
    /// Checks `config`; throws an `Error` listing every problem.
    #[wasm_bindgen(constructor)]
    pub fn new(config: JsValue) -> Result<Engine, JsValue> {
        let config = Config::from_value(&read_value(&config, "config")?)
            .map_err(|p| js_error("bad config", &p))?;
        Ok(Engine { config })
    }

    /// The Result of spec §9 for `scenario` as a plain object; throws an `Error` listing every
    /// problem of a bad scenario. `parts` (optional) leaves out what a host does not need:
    /// `{ wins: false, sensitivity: false }` gives the costs, totals, savings, ROI, payback and
    /// recommendation alone (the left-out parts are `null` or empty), several times faster.
    pub fn evaluate(&self, scenario: JsValue, parts: JsValue) -> Result<JsValue, JsValue> {
        let depth = read_parts(&parts)?;
        let scenario = Scenario::from_value(&self.config, &read_value(&scenario, "scenario")?)
            .map_err(|p| js_error("bad scenario", &p))?;
        Ok(to_js(&evaluate_to(&self.config, &scenario, depth)))
    }
}

/// Which parts of the Result `Engine::evaluate` computes (all unless told otherwise).
fn read_parts(js: &JsValue) -> Result<Depth, JsValue> {
    let mut depth = Depth::FULL;
    if js.is_undefined() || js.is_null() {
        return Ok(depth);
    }
    let value = read_value(js, "parts")?;
    let mut d = Decoder::default();
    if let Some(mut f) = d.fields(&value, "parts") {
        for (key, slot) in [
            ("wins", &mut depth.wins),
            ("sensitivity", &mut depth.sensitivity),
        ] {
            if let Some(on) = f.get(key).and_then(|v| d.boolean(v, &f.path_of(key))) {
                *slot = on;
            }
        }
    }
    d.into_result(depth).map_err(|p| js_error("bad parts", &p))
}
