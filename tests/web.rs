//! The engine in the browser (wasm32, headless Chromium): configs arrive as JS objects and the
//! figures match the native ones to the bit.
#![cfg(target_arch = "wasm32")]

use tierwise::model::{evaluate, Config, Scenario, Value};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

mod pins;

const STREAM: &str = include_str!("../public/configs/stream-platform.json");

/// A JS object parsed from JSON text, as a host page would hand it over.
fn js(json: &str) -> JsValue {
    js_sys::JSON::parse(json).expect("test JSON parses")
}

fn value(js: JsValue) -> Value {
    serde_wasm_bindgen::from_value(js).expect("any JS value reads as a Value")
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
fn a_bad_config_object_is_refused_by_path() {
    let bad = STREAM.replacen(r#""per_seat": 600"#, r#""per_seat": "600""#, 1);
    let problems = Config::from_value(&value(js(&bad))).unwrap_err();
    assert_eq!(problems.0.len(), 1);
    assert_eq!(problems.0[0].path, "options[1].price.bands[0].per_seat");
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
