//! The engine in the browser (wasm32, headless Chromium): configs arrive as JS objects and the
//! figures match the native ones to the bit.
#![cfg(target_arch = "wasm32")]

use tierwise::model::{evaluate, Config, Scenario, Value};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

mod pins;

const STREAM: &str = include_str!("../public/configs/stream-platform.json");
const DEVTOOL: &str = include_str!("../public/configs/devtool-seats.json");

/// A JS object parsed from JSON text, as a host page would hand it over.
fn js(json: &str) -> JsValue {
    js_sys::JSON::parse(json).expect("test JSON parses")
}

fn value(js: JsValue) -> Value {
    tierwise::web::js::from_js(&js, "the test value")
        .expect("a JSON-like JS value reads as a Value")
}

#[wasm_bindgen_test]
fn js_values_no_decoder_could_read_are_refused_by_path() {
    use tierwise::web::js::from_js;
    let refused = |json_like: &str, expected: &str| {
        let v = js_sys::eval(&format!("({json_like})")).unwrap();
        let e = from_js(&v, "options").unwrap_err();
        assert!(e.contains(expected), "{json_like}: {e}");
    };
    refused("{config: () => 1}", "options.config cannot be a function");
    refused("{a: Symbol('x')}", "options.a cannot be a symbol");
    refused("{a: 10n}", "options.a cannot be a BigInt");
    refused(
        "(() => { const o = {}; o.self = o; return o; })()",
        "nests more than 32 levels",
    );
    refused("Array(250001).fill(0)", "past the limit of 250,000 values");
    // Config text over 1 MB is refused before it is parsed.
    let big = format!("{STREAM}{}", " ".repeat(1_000_000));
    let e = tierwise::web::load::parse(&big, "configs/big.json").unwrap_err();
    assert!(
        e.summary().contains("over the limit of 1,000,000 bytes"),
        "{}",
        e.summary()
    );
    assert!(tierwise::web::load::parse(STREAM, "configs/stream.json").is_ok());
    // Undefined members are left out, as JSON.stringify leaves them out.
    let v = from_js(&js_sys::eval("({a: undefined, b: 1})").unwrap(), "o").unwrap();
    assert_eq!(v, Value::Object(vec![("b".into(), Value::Number(1.0))]));
}

#[wasm_bindgen_test]
fn values_reach_javascript_whole_and_come_back_equal() {
    use tierwise::web::js::{from_js, to_js};
    // Every kind, nesting, keys recurring at several depths (sent once, then by index),
    // non-ASCII text (lengths count UTF-16 units: é is one, the emoji two), empty containers.
    let json = r#"{"name": "Équipe 🚀 €", "on": true, "off": false, "none": null,
        "n": [1, -0.5, 1e300, 5e-324, 0], "rows": [{"name": "a", "n": 1}, {"n": 2, "name": "b"},
        {"name": {"name": "deep", "on": false}}], "": "", "empty": {}, "list": []}"#;
    let v = value(js(json));
    let back = to_js(&v);
    assert_eq!(from_js(&back, "back").unwrap(), v);
    // The same text as JSON.parse makes of it, key order included.
    assert_eq!(
        js_sys::JSON::stringify(&back).unwrap(),
        js_sys::JSON::stringify(&js(json)).unwrap()
    );
    assert_eq!(to_js(&Value::Null), JsValue::NULL);
    assert_eq!(to_js(&Value::String("x".into())), JsValue::from_str("x"));
    // More keys than the key table's first size (64 before it grows, twice over), each
    // recurring in a second object: every one is found again after the table has grown.
    let row = |tag: &str| {
        let members = (0..300).map(|i| (format!("key{i}"), Value::String(format!("{tag}{i}"))));
        Value::Object(members.collect())
    };
    let many = Value::Array(vec![row("a"), row("b")]);
    let back = to_js(&many);
    assert_eq!(from_js(&back, "back").unwrap(), many);
    let second = js_sys::Reflect::get_u32(&back, 1).unwrap();
    let last = js_sys::Reflect::get(&second, &JsValue::from_str("key299")).unwrap();
    assert_eq!(last, JsValue::from_str("b299"));
}

fn config() -> Config {
    Config::from_value(&value(js(STREAM))).expect("sample config is valid")
}

#[wasm_bindgen_test]
fn monte_carlo_matches_the_native_figures_to_the_bit() {
    let c = config();
    let s = Scenario::from_value(
        &c,
        &value(js(
            r#"{"team_size": 40, "scale": 6, "monte_carlo": {"draws": 1000, "seed": 42}}"#,
        )),
    )
    .unwrap();
    let mc = evaluate(&c, &s).monte_carlo.unwrap();
    let bits: Vec<u64> = mc.options.iter().map(|o| o.p50.to_bits()).collect();
    assert_eq!(bits, pins::MC_P50_BITS.to_vec());
}

#[wasm_bindgen_test]
fn the_expected_view_matches_the_native_figures_to_the_bit() {
    let c = Config::from_value(&value(js(DEVTOOL))).expect("sample config is valid");
    let s = Scenario::from_value(&c, &value(js(pins::EXPECTED_SCENARIO))).unwrap();
    let r = tierwise::model::evaluate_to(&c, &s, tierwise::model::Depth::COSTS);
    let bits: Vec<u64> = r
        .options
        .iter()
        .map(|o| o.expected_present_cost.to_bits())
        .collect();
    assert_eq!(bits, pins::EXPECTED_BITS.to_vec());
}

#[wasm_bindgen_test]
fn a_bad_config_object_is_refused_by_path() {
    let bad = STREAM.replacen(r#""per_seat": 600"#, r#""per_seat": "600""#, 1);
    let problems = Config::from_value(&value(js(&bad))).unwrap_err();
    assert_eq!(problems.0.len(), 1);
    assert_eq!(problems.0[0].path, "options[1].price.bands[0].per_seat");
}

#[wasm_bindgen_test]
fn the_full_layouts_words_are_checked_before_they_arrive_and_shown_once_given() {
    use tierwise::model::messages::{english, install_full, reference, FULL_TEXTS};
    // Whether or not a full calculator has brought them in already, a vendor's words for one of
    // the full layout's messages are checked against its placeholders.
    let with = |text: &str| {
        DEVTOOL.replacen(
            '{',
            &format!(r#"{{"messages": {{"en": {{"card.range": "{text}"}}}},"#),
            1,
        )
    };
    assert!(Config::from_value(&value(js(&with("{low} to {high}")))).is_ok());
    let problems = Config::from_value(&value(js(&with("{low} to {top}")))).unwrap_err();
    assert_eq!(problems.0.len(), 1, "{problems:?}");
    assert_eq!(problems.0[0].path, r#"messages.en["card.range"]"#);
    assert!(
        problems.0[0].to_string().contains("{low}, {high}"),
        "{problems}"
    );
    assert_eq!(
        reference("card.range").map(tierwise::model::messages::placeholders),
        Some(vec!["low", "high"])
    );
    assert!(install_full(FULL_TEXTS));
    assert_eq!(english("card.price"), Some("Price"));
    assert_eq!(english("card.range"), Some("{low} – {high}"));
}

#[wasm_bindgen_test]
fn nan_and_infinity_from_javascript_are_refused() {
    let c = config();
    let scenario = js_sys::Object::new();
    js_sys::Reflect::set(&scenario, &"team_size".into(), &JsValue::from_f64(f64::NAN)).unwrap();
    js_sys::Reflect::set(
        &scenario,
        &"scale".into(),
        &JsValue::from_f64(f64::INFINITY),
    )
    .unwrap();
    let problems = Scenario::from_value(&c, &value(scenario.into())).unwrap_err();
    let paths: Vec<&str> = problems.0.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(paths, vec!["team_size", "scale"]);
}

mod components {
    //! The calculator mounted in a real page: inputs → verdict, messages, URL round trips.
    use super::*;
    use tierwise::model::numbers::Numbers;
    use tierwise::model::share::{from_query, to_query};
    use tierwise::web::{mount_calculator, state, IntlNumbers};
    use wasm_bindgen::JsCast;

    /// Lets Leptos's effects and the debounce timers run.
    async fn pause(ms: i32) {
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            web_sys::window()
                .unwrap()
                .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
                .unwrap();
        });
        wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
    }

    fn host() -> web_sys::HtmlElement {
        let doc = web_sys::window().unwrap().document().unwrap();
        let div = doc.create_element("div").unwrap();
        doc.body().unwrap().append_child(&div).unwrap();
        div.dyn_into().unwrap()
    }

    fn find<T: JsCast>(root: &web_sys::HtmlElement, selector: &str) -> T {
        root.query_selector(selector)
            .unwrap()
            .unwrap_or_else(|| panic!("{selector} is on the page"))
            .dyn_into()
            .unwrap()
    }

    fn text(root: &web_sys::HtmlElement, selector: &str) -> String {
        find::<web_sys::Element>(root, selector)
            .text_content()
            .unwrap_or_default()
    }

    fn type_into(root: &web_sys::HtmlElement, selector: &str, value: &str) {
        let input: web_sys::HtmlInputElement = find(root, selector);
        input.set_value(value);
        // As typing makes it: bubbling (the number fields' regions listen on their container).
        let event = js_sys::eval("new Event('input', { bubbles: true })").unwrap();
        input.dispatch_event(event.unchecked_ref()).unwrap();
    }

    #[wasm_bindgen_test]
    async fn a_panic_shows_the_error_panel_fires_the_event_and_logs_the_message() {
        use tierwise::web::embed::{report_panic, Widget};
        // Capture console.error and the widgets' tierwise:error events.
        js_sys::eval(
            "window.__logged = []; const log = console.error; \
             console.error = (...a) => { __logged.push(a.join(' ')); log(...a); }; \
             window.__events = []; document.addEventListener('tierwise:error', \
             (e) => __events.push(e.detail.message));",
        )
        .unwrap();
        let (one, two) = (host(), host());
        let options = js(&format!(r#"{{"config": {STREAM}}}"#));
        let none = JsValue::UNDEFINED;
        let _a = Widget::new(one.clone(), one.clone(), options.clone(), none.clone()).unwrap();
        let _b = Widget::new(two.clone(), two.clone(), options, none).unwrap();
        pause(300).await;
        assert!(
            !text(&two, ".verdict").is_empty(),
            "both calculators are up"
        );

        // What the panic hook calls with the panic's message (a real panic would abort the
        // test runner with it).
        report_panic("panicked at src/model/cost.rs:1:1: the cause");

        for root in [&one, &two] {
            let panel = text(root, ".error");
            assert!(
                panel.contains("internal error") && panel.contains("the cause"),
                "{panel}"
            );
        }
        let read = |name: &str| js_sys::Reflect::get(&js_sys::global(), &name.into()).unwrap();
        let events: Vec<String> = js_sys::Array::from(&read("__events"))
            .iter()
            .filter_map(|v| v.as_string())
            .collect();
        assert_eq!(events.len(), 2, "{events:?}");
        assert!(events.iter().all(|e| e.contains("the cause")), "{events:?}");
        let logged = js_sys::Array::from(&read("__logged")).join("\n");
        assert!(String::from(logged)
            .contains("Tierwise panicked: panicked at src/model/cost.rs:1:1: the cause"));
    }

    #[wasm_bindgen_test]
    fn a_patched_region_matches_a_fresh_drawing_and_keeps_unchanged_nodes() {
        use tierwise::web::dom::{draw, el, redraw, text, El};
        let tree = |rows: &[&str], class: &str, svg_x: i32| -> Vec<El> {
            vec![
                el("table").class(class.to_owned()).child(
                    el("tbody").kids(
                        rows.iter()
                            .map(|r| el("tr").child(text("td", *r)))
                            .collect::<Vec<_>>(),
                    ),
                ),
                el("svg").child(el("rect").at("x", svg_x)),
            ]
        };
        let (patched, fresh) = (host(), host());
        let a = || tree(&["one", "two", "three"], "a", 1);
        draw(&patched, &a());
        let first_cell = find::<web_sys::Element>(&patched, "td");
        // Rows removed, a text and attributes changed: the result is what a fresh drawing gives.
        let b = || tree(&["one", "2"], "b", 5);
        redraw(&patched, a(), b());
        draw(&fresh, &b());
        assert_eq!(patched.inner_html(), fresh.inner_html());
        assert!(
            first_cell.is_connected(),
            "an unchanged cell is the same node"
        );
        let rect = find::<web_sys::Element>(&patched, "rect");
        assert_eq!(
            rect.namespace_uri().as_deref(),
            Some("http://www.w3.org/2000/svg")
        );
        // Rows added again, and an element of another kind replaces one.
        let mut c = tree(&["one", "2", "3", "4"], "b", 5);
        c[1] = el("p").child(text("span", "gone"));
        redraw(&patched, b(), c);
        let mut c2 = tree(&["one", "2", "3", "4"], "b", 5);
        c2[1] = el("p").child(text("span", "gone"));
        draw(&fresh, &c2);
        assert_eq!(patched.inner_html(), fresh.inner_html());
    }

    #[wasm_bindgen_test]
    async fn an_unmounted_region_stops_listening() {
        use leptos::prelude::*;
        use std::cell::Cell;
        use std::rc::Rc;
        use tierwise::web::dom::{text, OnClick, Region};
        let root = host();
        let clicks = Rc::new(Cell::new(0));
        let counted = clicks.clone();
        let handle = leptos::mount::mount_to(root.clone(), move || {
            let on_click: OnClick = Box::new(move |_, _| counted.set(counted.get() + 1));
            let render = || vec![text("button", "Go")];
            view! { <Region render=Box::new(render) on_click=("button", on_click) /> }
        });
        pause(50).await;
        // A script may still hold a button of a region that is gone.
        let button: web_sys::HtmlElement = find(&root, "button");
        button.click();
        assert_eq!(clicks.get(), 1);
        drop(handle);
        pause(50).await;
        assert!(!button.is_connected());
        button.click();
        assert_eq!(clicks.get(), 1, "the region's listener came off with it");
    }

    #[wasm_bindgen_test]
    async fn a_redraw_keeps_the_keyboard_focus_in_place() {
        let c = config();
        let root = host();
        let _handle = mount_calculator(root.clone(), c.clone(), Scenario::defaults(&c));
        pause(400).await;
        type_into(&root, "#tw-team-size", "120");
        pause(20).await;
        // A keyboard user reaches a card's link before the simulation's range arrives.
        assert!(text(&root, ".cards").contains("simulating"));
        let link: web_sys::HtmlElement = find(&root, ".cards a.cta[data-option='1']");
        link.focus().unwrap();
        pause(400).await;
        assert!(
            !text(&root, ".cards").contains("simulating"),
            "the cards were redrawn"
        );
        let active = web_sys::window()
            .unwrap()
            .document()
            .unwrap()
            .active_element()
            .unwrap();
        assert!(
            active.is_same_node(Some(&link)),
            "{:?}",
            active.outer_html()
        );
        assert!(link.is_connected());
    }

    #[wasm_bindgen_test]
    async fn typing_a_team_size_changes_the_verdict() {
        let c = config();
        let root = host();
        let _handle = mount_calculator(root.clone(), c.clone(), Scenario::defaults(&c));
        pause(400).await;
        let before = text(&root, ".verdict");
        assert!(before.contains("simulated futures"), "{before}");
        type_into(&root, "#tw-team-size", "3000");
        pause(0).await;
        let after = text(&root, ".verdict");
        assert_ne!(after, before);
        assert!(
            !after.contains("simulated futures"),
            "Monte Carlo waits for typing to pause: {after}"
        );
        pause(400).await;
        assert!(text(&root, ".verdict").contains("simulated futures"));
        // The card shows the engine's figure for the new scenario.
        let mut s = Scenario::defaults(&c);
        s.team_size = 3000.0;
        let expected = tierwise::model::evaluate(&c, &s);
        let n = IntlNumbers::new(&c.currency, None);
        assert!(text(&root, ".card").contains(&n.money(expected.options[0].present_cost)));
    }

    #[wasm_bindgen_test]
    async fn a_number_field_keeps_what_a_person_typed_and_shows_every_other_change() {
        let c = config();
        let root = host();
        let _handle = mount_calculator(root.clone(), c.clone(), Scenario::defaults(&c));
        pause(400).await;
        let field: web_sys::HtmlInputElement = find(&root, "#tw-team-size");
        // Typed text that reads as the new value is left as typed (no caret jump, no rewrite).
        type_into(&root, "#tw-team-size", "1e2");
        pause(0).await;
        assert_eq!(field.value(), "1e2");
        let knob: web_sys::HtmlInputElement = find(&root, "#tw-team-size-slider");
        assert_ne!(knob.value(), "0");
        // The slider's change shows in the field, and the field's in the slider.
        type_into(&root, "#tw-team-size-slider", "0");
        pause(0).await;
        assert_eq!(field.value(), "1");
        type_into(&root, "#tw-team-size", "100000");
        pause(0).await;
        assert_eq!(knob.value(), "1000");
    }

    #[wasm_bindgen_test]
    async fn a_refused_entry_shows_the_message_and_keeps_the_result() {
        let c = config();
        let root = host();
        let _handle = mount_calculator(root.clone(), c.clone(), Scenario::defaults(&c));
        pause(400).await;
        let before = text(&root, ".verdict");
        type_into(&root, "#tw-team-size", "0");
        pause(0).await;
        assert_eq!(
            text(&root, "#tw-team-size-error"),
            "Team size is 0, but must be between 1 and 1,000,000"
        );
        type_into(&root, "#tw-horizon", "2.5");
        pause(0).await;
        assert_eq!(
            text(&root, "#tw-horizon-error"),
            "Horizon (years) is 2.5, but must be a whole number"
        );
        pause(400).await;
        assert_eq!(text(&root, ".verdict"), before);
        type_into(&root, "#tw-team-size", "41");
        pause(0).await;
        assert_eq!(text(&root, "#tw-team-size-error"), "");
    }

    #[wasm_bindgen_test]
    fn url_state_round_trips_through_the_browser() {
        let c = config();
        let n = IntlNumbers::new(&c.currency, None);
        let mut s = Scenario::defaults(&c);
        s.team_size = 1234.0;
        s.scale = 0.1 + 0.2;
        s.team_growth = -0.33;
        s.requirements = vec!["audit_log".into(), "soc2".into()];
        s.assumptions
            .get_mut(tierwise::model::assumptions::Key::ProductivityLoss)
            .value = 0.123456789;
        let text = state::to_query_string(&to_query(&c, &s, &n));
        assert!(
            text.contains("team_size=1234&scale=0.30000000000000004&"),
            "{text}"
        );
        assert!(text.contains("requirements=audit_log,soc2"), "{text}");
        let (back, problems) = from_query(&c, &state::parse_query(&format!("?{text}")), &n);
        assert!(problems.is_empty());
        assert_eq!(back, s);
        // Escapes survive too.
        let pairs = vec![("config".to_owned(), "/pricing/a b&c.json".to_owned())];
        assert_eq!(state::parse_query(&state::to_query_string(&pairs)), pairs);
        assert_eq!(n.parse("12abc"), None);
        assert_eq!(n.parse(""), None);
        assert_eq!(n.parse("1e3"), Some(1000.0));
    }
}

/// The runtime behind the full layout's split point (`tierwise::web::split`), with load
/// functions that play the loader's part.
mod split_runtime {
    use std::cell::{Cell, RefCell};
    use std::ffi::c_void;
    use std::future::Future;
    use std::pin::Pin;
    use std::task::{Context, Poll, Waker};
    use tierwise::web::split::rt::{ensure_loaded, LazySplitLoader, LoadCallbackFn};
    use tierwise::web::split::SplitLoaderError;
    use wasm_bindgen_test::*;

    thread_local! {
        static CALLS: Cell<u32> = const { Cell::new(0) };
        static UNDER_WAY: RefCell<Option<(LoadCallbackFn, usize)>> = const { RefCell::new(None) };
    }

    /// Starts a load that ends when the test says (`finish`), as a fetch would.
    unsafe extern "C" fn later(callback: LoadCallbackFn, data: *const c_void) {
        CALLS.with(|c| c.set(c.get() + 1));
        UNDER_WAY.with(|u| *u.borrow_mut() = Some((callback, data as usize)));
    }

    fn finish(ok: bool) {
        let (callback, data) = UNDER_WAY
            .with(|u| u.borrow_mut().take())
            .expect("a load under way");
        unsafe { callback(data as *const c_void, ok) };
    }

    fn poll<F: Future>(future: Pin<&mut F>) -> Poll<F::Output> {
        future.poll(&mut Context::from_waker(Waker::noop()))
    }

    static LATER: LazySplitLoader = unsafe { LazySplitLoader::new(later) };

    #[wasm_bindgen_test]
    fn one_attempt_at_a_time_a_failure_is_not_kept_a_success_is() {
        let load = || Box::pin(ensure_loaded(Pin::static_ref(&LATER)));
        let (mut first, mut second) = (load(), load());
        assert!(poll(first.as_mut()).is_pending());
        assert!(poll(second.as_mut()).is_pending());
        assert_eq!(
            CALLS.get(),
            1,
            "the second caller waits on the first one's attempt"
        );
        finish(false);
        assert_eq!(poll(first.as_mut()), Poll::Ready(Err(SplitLoaderError)));
        assert_eq!(poll(second.as_mut()), Poll::Ready(Err(SplitLoaderError)));

        let mut again = load();
        assert!(poll(again.as_mut()).is_pending());
        assert_eq!(
            CALLS.get(),
            2,
            "a failed attempt is not kept: the next call tries again"
        );
        finish(true);
        assert_eq!(poll(again.as_mut()), Poll::Ready(Ok(())));
        assert_eq!(poll(load().as_mut()), Poll::Ready(Ok(())));
        assert_eq!(CALLS.get(), 2, "a loaded chunk is not loaded again");
    }

    /// Calls back before it returns, as the loader does for a chunk already in.
    unsafe extern "C" fn at_once(callback: LoadCallbackFn, data: *const c_void) {
        unsafe { callback(data, true) };
    }

    static AT_ONCE: LazySplitLoader = unsafe { LazySplitLoader::new(at_once) };

    #[wasm_bindgen_test]
    fn a_load_that_calls_back_at_once_is_ready_at_the_next_poll() {
        let mut load = Box::pin(ensure_loaded(Pin::static_ref(&AT_ONCE)));
        assert!(poll(load.as_mut()).is_pending());
        assert_eq!(poll(load.as_mut()), Poll::Ready(Ok(())));
    }
}

/// The wasm build's allocator (`web::alloc`). This whole test binary also runs on it.
mod allocator {
    use std::alloc::{GlobalAlloc, Layout};
    use tierwise::web::alloc::Classes;
    use wasm_bindgen_test::*;

    fn layout(size: usize, align: usize) -> Layout {
        Layout::from_size_align(size, align).unwrap()
    }

    #[wasm_bindgen_test]
    fn blocks_are_aligned_apart_and_writable() {
        let heap = Classes::new();
        let mut blocks = Vec::new();
        for (i, size) in [1, 7, 8, 9, 24, 100, 1000, 4097, 70_000]
            .into_iter()
            .enumerate()
        {
            for align in [1, 2, 8, 16, 64, 4096] {
                let l = layout(size, align);
                let p = unsafe { heap.alloc(l) };
                assert!(!p.is_null(), "{size} bytes aligned to {align}");
                assert_eq!(p as usize % align, 0, "{size} bytes aligned to {align}");
                unsafe { p.write_bytes(i as u8, size) };
                blocks.push((p, l, i as u8));
            }
        }
        // No block overlaps another: each still holds what was written into it.
        for &(p, l, byte) in &blocks {
            let bytes = unsafe { std::slice::from_raw_parts(p, l.size()) };
            assert!(bytes.iter().all(|&b| b == byte), "{l:?} was overwritten");
            unsafe { heap.dealloc(p, l) };
        }
    }

    #[wasm_bindgen_test]
    fn a_freed_block_is_taken_again_by_its_class_only() {
        let heap = Classes::new();
        let (a, b) = (layout(20, 4), layout(40, 8));
        let p = unsafe { heap.alloc(a) };
        unsafe { heap.dealloc(p, a) };
        assert_ne!(
            unsafe { heap.alloc(b) },
            p,
            "a 64-byte block is not a 32-byte one"
        );
        assert_eq!(unsafe { heap.alloc(layout(32, 8)) }, p);
        assert_ne!(unsafe { heap.alloc(a) }, p, "the block is in use again");
    }

    #[wasm_bindgen_test]
    fn realloc_keeps_the_block_within_its_class_and_the_bytes_across() {
        let heap = Classes::new();
        let l = layout(10, 1);
        let p = unsafe { heap.alloc(l) };
        unsafe { p.copy_from(b"0123456789".as_ptr(), 10) };
        assert_eq!(unsafe { heap.realloc(p, l, 16) }, p);
        let moved = unsafe { heap.realloc(p, layout(16, 1), 1000) };
        assert_ne!(moved, p);
        assert_eq!(
            unsafe { std::slice::from_raw_parts(moved, 10) },
            b"0123456789"
        );
        let back = unsafe { heap.realloc(moved, layout(1000, 1), 4) };
        assert_eq!(unsafe { std::slice::from_raw_parts(back, 4) }, b"0123");
    }

    #[wasm_bindgen_test]
    fn memory_grown_by_another_allocator_is_left_alone() {
        let (one, two) = (Classes::new(), Classes::new());
        let big = layout(100_000, 8);
        let mut blocks = Vec::new();
        for i in 0..6u8 {
            let heap = if i % 2 == 0 { &one } else { &two };
            let p = unsafe { heap.alloc(big) };
            unsafe { p.write_bytes(i, big.size()) };
            blocks.push((p, i));
        }
        for (p, i) in blocks {
            let bytes = unsafe { std::slice::from_raw_parts(p, big.size()) };
            assert!(bytes.iter().all(|&b| b == i), "block {i} was overwritten");
        }
    }

    #[wasm_bindgen_test]
    fn an_alignment_past_a_page_of_4_kib_is_refused_not_aborted() {
        let heap = Classes::new();
        assert!(unsafe { heap.alloc(layout(8, 8192)) }.is_null());
        assert!(!unsafe { heap.alloc(layout(8, 4096)) }.is_null());
    }
}
