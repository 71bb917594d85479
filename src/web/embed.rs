//! The widget's JavaScript face: `Widget`, what `mount()` and `<tierwise-calculator>` drive.
//! It loads the words and the config, shows the calculator, and takes the host's changes.
//! Options are read in `options.rs`, events and errors go out through `events.rs`, and the
//! engine alone (`evaluate()`, `engine()`) is `api.rs`.

pub use super::api::{evaluate_js, Engine};
pub use super::events::{dispatch, report_panic, to_js};

use super::app::{calculator, error_panel_in};
use super::ctx::Ctx;
use super::dom::{effect, region, text, Drawing};
use super::events::{
    announce, forget, install_panic_hook, js_error, load_error_detail, refuse, remember,
};
use super::format::{is_locale, IntlNumbers};
use super::load::{fetch_config, LoadError};
use super::options::{with_options, Options, Source};
use super::persist::Memory;
use crate::model::decode::Decoder;
use crate::model::messages::{catalogue_for, english, Messages};
use crate::model::value::to_value;
use crate::model::{Config, Problems, Scenario, Value};
use leptos::prelude::*;
use std::rc::Rc;
use std::sync::Arc;
use wasm_bindgen::prelude::*;

/// State shared between the `Widget` handle and its mounted view: handles, so `Copy`.
#[derive(Clone, Copy)]
struct Shared {
    /// The host's options so far, and a flip whenever they change (`options_changed`): a
    /// stored value and a `bool` signal, types the calculator has already, not a signal of
    /// `Options` (each signal type compiles reactive_graph's signal code anew).
    options: StoredValue<Options, LocalStorage>,
    options_changed: RwSignal<bool>,
    /// The calculator's state once a config has loaded. Never tracked, so a stored value,
    /// not a signal.
    ctx: StoredValue<Option<Ctx>, LocalStorage>,
}

impl Shared {
    /// Changes the options, and says so to what reads them.
    fn change_options(&self, change: impl FnOnce(&mut Options)) {
        self.options.update_value(change);
        self.options_changed.update(|c| *c = !*c);
    }
}

/// A mounted calculator. `update()` changes it, `destroy()` removes it and frees its state.
#[wasm_bindgen]
pub struct Widget {
    /// The element events are dispatched on. Each holder has its own handle to it, not a
    /// stored value: a `StoredValue` of this type cost 0.25 KB of gzipped wasm (measured).
    host: web_sys::HtmlElement,
    shared: Option<Shared>,
    /// What the widget drew, with its reactive owner, until `destroy` (dropping it unmounts).
    view: Option<super::Mounted>,
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
        loader: JsValue,
    ) -> Result<Widget, JsValue> {
        install_panic_hook();
        super::loader::set(&loader);
        let initial = Options::read(&options).map_err(|e| refuse(&root, e))?;
        remember(&host, &root);
        let (view, shared) = super::mount(root, |root| {
            let shared = Shared {
                options: StoredValue::new_local(initial),
                options_changed: RwSignal::new(false),
                ctx: StoredValue::new_local(None),
            };
            widget_view(shared, host.clone(), root.clone());
            shared
        });
        Ok(Widget {
            host,
            shared: Some(shared),
            view: Some(view),
        })
    }

    /// Applies new options: another config reloads; mode, theme and scenario fields change in
    /// place. Throws on a bad option, changing nothing.
    pub fn update(&self, options: JsValue) -> Result<(), JsValue> {
        let shared = self.live()?;
        let new = Options::read(&options)?;
        let ctx = shared.ctx.get_value();
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
        shared.change_options(|o| {
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
        shared.change_options(|o| match name {
            "config" => o.source = None,
            "mode" => o.mode = None,
            "theme" => o.theme = None,
            "locale" => o.locale = None,
            _ => o.scenario.retain(|(key, _)| key != name),
        });
        let Some(ctx) = shared.ctx.get_value() else {
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
                ctx.scenario
                    .set(back.map_err(|p| js_error("bad reset", &p))?);
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
        match self.shared.and_then(|s| s.ctx.get_value()) {
            Some(ctx) => f(&ctx),
            None => JsValue::NULL,
        }
    }

    /// Unmounts the calculator and frees its state.
    pub fn destroy(&mut self) {
        if self.shared.take().is_some() {
            forget(&self.host);
        }
        self.view.take();
    }
}

/// A loaded config: where it came from, the config or why not, and the words to show. The
/// config is shared, not copied, each time the view reads it.
type Loaded = (String, Result<Arc<Config>, LoadError>, Messages);

/// The words for `locale`: its catalogue (fetched by the loader on first need), else English.
async fn load_words(locale: Option<&str>) -> Messages {
    let Some(lang) = locale.and_then(catalogue_for) else {
        return Messages::english();
    };
    let mut words = Messages::language(lang);
    let loaded = match super::loader::catalogue(lang) {
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
                Err(e) => e
                    .as_string()
                    .unwrap_or_else(|| js_sys::Error::from(e).message().into()),
                Ok(Ok(_)) => String::new(),
            };
            let said =
                format!("Tierwise: the {lang} words could not be loaded ({why}); showing English");
            web_sys::console::warn_1(&JsValue::from_str(&said));
            Messages::english()
        }
    }
}

/// Loads the words and the config whenever the source, locale or the host's words change,
/// then shows the calculator or the error.
fn widget_view(shared: Shared, host: web_sys::HtmlElement, root: web_sys::HtmlElement) {
    // What has loaded, and a flip each time it changes: a stored value and a `bool` signal,
    // not a signal of `Option<Loaded>`, whose type would compile reactive_graph's signal code
    // anew.
    let loaded: StoredValue<Option<Loaded>, LocalStorage> = StoredValue::new_local(None);
    let changed = RwSignal::new(false);
    let show = move |l: Option<Loaded>| {
        loaded.set_value(l);
        changed.update(|c| *c = !*c);
    };
    // What shows while the config loads, in the words' language once they arrive.
    let loading = RwSignal::new(english("loading").unwrap_or_default().to_owned());
    let options = shared.options;
    let options_changed = shared.options_changed;
    // Only the latest load may show: an older one finishing late is dropped.
    let generation = Rc::new(std::cell::Cell::new(0u32));
    // What the last load was for: options that leave it (mode, theme, scenario) load nothing.
    // Compared here, not by a `Memo`, whose type would compile reactive_graph's memo code
    // anew (1.0 KB of gzipped wasm, measured).
    let mut loaded_for = None;
    let page_host = host.clone();
    effect(move || {
        options_changed.track();
        let source =
            options.with_value(|o| (o.source.clone(), o.locale.clone(), o.messages.clone()));
        if loaded_for.as_ref() == Some(&source) {
            return;
        }
        // Kept, not copied: an inline config is in it. The load needs only the language's parts.
        let (_, locale, overrides) = loaded_for.insert(source);
        let (locale, overrides) = (locale.clone(), overrides.clone());
        let src = options.with_value(|o| config_source(o, &page_host));
        show(None);
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
            if changed.try_get_untracked().is_some() {
                show(Some((url, result.map(Arc::new), w)));
            }
        });
    });
    // What has loaded, drawn in `root` by one effect: what a drawing made (regions, the
    // calculator's state and effects) belongs to its run, and goes when it runs again.
    effect(move || {
        changed.track();
        root.set_text_content(None);
        let l = loaded.get_value();
        untrack(|| widget_state(&root, shared, &host, options, loading, l));
    });
}

/// How long a config may take before the widget says it is loading.
const LOADING_LINE_AFTER: std::time::Duration = std::time::Duration::from_millis(500);

/// Draws in `root` what the widget shows for what has loaded: the loading line, the error or
/// the calculator.
fn widget_state(
    root: &web_sys::HtmlElement,
    shared: Shared,
    host: &web_sys::HtmlElement,
    options: StoredValue<Options, LocalStorage>,
    loading: RwSignal<String>,
    loaded: Option<Loaded>,
) {
    match loaded {
        None => {
            // The calculator shown before (its state now disposed with this redraw) is gone:
            // until the config loads again, `update` only records options.
            shared.ctx.set_value(None);
            let render = move || {
                let p = text("p", loading.get()).class("tierwise loading");
                vec![p.attr("role", "status")]
            };
            // Said only when the config takes a while: one that comes with the wasm (the
            // usual case, fetched early by tierwise.js) is not preceded by a line that
            // flashes for a frame, and that frame's drawing does not hold up the verdict.
            let (root, owner) = (root.clone(), Owner::current());
            let later = set_timeout_with_handle(
                move || {
                    let draw = || region(&root, Drawing::new("contents", render));
                    match owner {
                        Some(owner) => owner.with(draw),
                        None => draw(),
                    }
                },
                LOADING_LINE_AFTER,
            )
            .ok();
            // Loaded (or reloading) first: this run's line is not drawn.
            on_cleanup(move || {
                if let Some(h) = later {
                    h.clear();
                }
            });
        }
        Some((_, Err(e), w)) => {
            shared.ctx.set_value(None);
            announce(host, &load_error_detail(&e));
            error_panel_in(root, e, w);
        }
        Some((url, Ok(config), w)) => {
            let o = options.get_value();
            let locale = o.locale.clone().or_else(page_locale);
            // One set of formatters, for the notices and then the calculator.
            let numbers = IntlNumbers::with_words(&config.currency, locale.as_deref(), w);
            let (start, notices) = with_options(
                &config,
                Scenario::defaults(&config),
                &o.scenario,
                &numbers,
                Some(host),
            );
            let compact = o.mode.as_deref() == Some("compact");
            // A full calculator that keeps its scenario starts from the link's or the stored
            // one, which its full layout restores (in its chunk); one that starts compact keeps
            // its visitor's scenario when the full layout opens.
            let memory = o
                .persist
                .unwrap_or(false)
                .then(|| Memory::new((!compact).then(|| o.scenario.clone())));
            let ctx = Ctx::new(config, start, numbers);
            ctx.host.set_value(Some(host.clone()));
            ctx.present.set(o.mode.as_deref() == Some("present"));
            ctx.compact.set(compact);
            if let Some(t) = o.theme {
                ctx.theme.set(t);
            }
            shared.ctx.set_value(Some(ctx));
            calculator(root, ctx, notices, url, memory);
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
