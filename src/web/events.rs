//! How the widget tells the page: its events (`tierwisechange` and the `tierwise:*` aliases),
//! its errors (an `Error` with a `problems` list, or `tierwiseerror`, always naming what is
//! wrong) and, should one ever happen, a panic.

use super::format::IntlNumbers;
use super::load::LoadError;
use crate::model::problem::Problem;
use crate::model::problem::Problems;
use crate::model::value::to_value;
use crate::model::Value;
use serde::Serialize;
use std::cell::RefCell;
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
pub struct ErrorDetail {
    pub message: String,
    pub problems: Vec<ProblemDetail>,
}

#[derive(Serialize)]
pub struct ProblemDetail {
    pub path: String,
    pub message: String,
}

/// The detail of `tierwise:error`: `summary`, then every problem, in the message too, so a
/// host (or `handle.ready`'s rejection) that reads only the message still learns what is wrong.
pub fn error_detail(summary: &str, problems: &[Problem]) -> ErrorDetail {
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
pub fn load_error_detail(e: &LoadError) -> ErrorDetail {
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
pub fn announce(host: &web_sys::HtmlElement, detail: &ErrorDetail) {
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
pub fn js_error(what: &str, problems: &Problems) -> JsValue {
    thrown(error_detail(what, &problems.0))
}

/// Reads a JS argument, or says (as an `Error` naming the argument) what in it cannot be read.
pub fn read_value(js: &JsValue, what: &str) -> Result<Value, JsValue> {
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
pub fn refuse(root: &web_sys::Element, error: JsValue) -> JsValue {
    let message = js_sys::Error::from(error.clone())
        .message()
        .as_string()
        .unwrap_or_default();
    let panel = super::dom::error_panel(
        "These options cannot be used",
        std::slice::from_ref(&message),
    );
    super::dom::draw(root, &[panel]);
    error
}

thread_local! {
    /// Every mounted calculator's host element and mount point, for reporting a panic.
    static MOUNTED: RefCell<Vec<(web_sys::HtmlElement, web_sys::Element)>> = const { RefCell::new(Vec::new()) };
}

/// Remembers a mounted calculator, so a panic can be shown in it.
pub fn remember(host: &web_sys::HtmlElement, root: &web_sys::Element) {
    MOUNTED.with(|m| m.borrow_mut().push((host.clone(), root.clone())));
}

/// Forgets a calculator that was destroyed.
pub fn forget(host: &web_sys::HtmlElement) {
    MOUNTED.with(|m| m.borrow_mut().retain(|(h, _)| h != host));
}

/// Routes panics to [`report_panic`]. The release build aborts after the hook (the wasm
/// instance is then dead), so the hook is the one chance to tell the page and the person.
pub fn install_panic_hook() {
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
            &[super::dom::error_panel(
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
