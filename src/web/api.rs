//! The engine on its own, for hosts that want figures without the widget: the loader's
//! `evaluate()` and `engine()`.

use super::events::{js_error, read_value, to_js};
use crate::model::decode::Decoder;
use crate::model::{evaluate_to, Config, Depth, Scenario};
use wasm_bindgen::prelude::*;

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
