//! The prospect's scenario (spec §2, §9), resolved against a config.
//!
//! Two ways in: [`Scenario::from_value`] refuses a document with any problem (the CLI, the
//! JavaScript API); [`Scenario::restore`] keeps every valid field and reports the rest (a
//! shared link or stored state that has gone stale must still open).

use super::assumptions::{Assumptions, Key};
use super::config::{
    decode_assumption_overrides, decode_requirement_ids, Config, GROWTH, HORIZON, SCALE, TEAM_SIZE,
};
use super::decode::{Decoder, Range};
use super::problem::{Issue, Problem, Problems};
use super::value::Value;
use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;

/// Most Monte Carlo draws one evaluation may ask for (spec §7).
pub const MAX_DRAWS: u32 = 100_000;
/// Draws when a scenario asks for Monte Carlo without saying how many.
pub const DEFAULT_DRAWS: u32 = 10_000;
/// Seed when a scenario asks for Monte Carlo without one.
pub const DEFAULT_SEED: u64 = 42;
/// Seeds are whole numbers a JavaScript number holds exactly.
const SEED: Range = Range::whole(0.0, 9_007_199_254_740_991.0);

/// How many Monte Carlo draws to make, from which seed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct MonteCarloSpec {
    pub draws: u32,
    pub seed: u64,
}

/// A checked scenario. Invariant: every number within the ranges of spec §2, requirement ids
/// known to the config and in its order, assumptions within their allowed ranges.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Scenario {
    pub team_size: f64,
    pub scale: f64,
    pub horizon: u32,
    pub team_growth: f64,
    pub scale_growth: f64,
    pub requirements: Vec<String>,
    /// The effective assumptions: the config's, with the scenario's overrides applied.
    #[serde(serialize_with = "serialize_assumptions")]
    pub assumptions: Assumptions,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub monte_carlo: Option<MonteCarloSpec>,
}

/// Writes assumptions as the scenario's `assumptions` object: a number each, or
/// `{value, low, high}` where a range is set.
fn serialize_assumptions<S: Serializer>(a: &Assumptions, s: S) -> Result<S::Ok, S::Error> {
    let mut map = s.serialize_map(Some(a.0.len()))?;
    for key in Key::ALL {
        let item = a.get(key);
        match item.range {
            None => map.serialize_entry(key.id(), &item.value)?,
            Some((low, high)) => {
                let v = Value::Object(vec![
                    ("value".into(), Value::Number(item.value)),
                    ("low".into(), Value::Number(low)),
                    ("high".into(), Value::Number(high)),
                ]);
                map.serialize_entry(key.id(), &v)?
            }
        }
    }
    map.end()
}

impl Scenario {
    /// The config's opening scenario.
    pub fn defaults(config: &Config) -> Scenario {
        let d = &config.defaults;
        Scenario {
            team_size: d.team_size,
            scale: d.scale,
            horizon: d.horizon,
            team_growth: d.team_growth,
            scale_growth: d.scale_growth,
            requirements: d.requirements.clone(),
            assumptions: config.assumptions.clone(),
            monte_carlo: None,
        }
    }

    /// Reads a scenario document strictly: any problem refuses it.
    pub fn from_value(config: &Config, value: &Value) -> Result<Scenario, Problems> {
        let mut d = Decoder::default();
        let scenario = resolve(
            config,
            Scenario::defaults(config),
            value,
            Mode::Strict,
            &mut d,
        );
        d.into_result(scenario)
    }

    /// Reads a scenario leniently: each field with a problem falls back to the config's
    /// default, and the problems say what was ignored.
    pub fn restore(config: &Config, value: &Value) -> (Scenario, Vec<Problem>) {
        let mut d = Decoder::default();
        let scenario = resolve(
            config,
            Scenario::defaults(config),
            value,
            Mode::Lenient,
            &mut d,
        );
        (scenario, d.problems)
    }

    /// This scenario with the fields `value` states changed, strictly: any problem refuses
    /// the whole change. Fields left out keep their values (a host updating one attribute).
    pub fn overlay(&self, config: &Config, value: &Value) -> Result<Scenario, Problems> {
        let mut d = Decoder::default();
        let scenario = resolve(config, self.clone(), value, Mode::Overlay, &mut d);
        d.into_result(scenario)
    }

    /// Whether requirement `id` is selected.
    pub fn requires(&self, id: &str) -> bool {
        self.requirements.iter().any(|r| r == id)
    }
}

/// How [`resolve`] treats problems and absent fields.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// A whole scenario document: `team_size` and `scale` required, any problem refuses it.
    Strict,
    /// A link or stored state: each bad field is skipped and reported.
    Lenient,
    /// A change to an existing scenario: nothing required, any problem refuses it.
    Overlay,
}

fn resolve(
    config: &Config,
    base: Scenario,
    value: &Value,
    mode: Mode,
    d: &mut Decoder,
) -> Scenario {
    let strict = mode != Mode::Lenient;
    let mut s = base;
    let Some(mut f) = d.fields(value, "") else {
        return s;
    };
    let mut number =
        |d: &mut Decoder, key: &'static str, range: Range, required: bool, slot: &mut f64| match f
            .get(key)
        {
            Some(v) => {
                if let Some(n) = d.number(v, key, range) {
                    *slot = n;
                }
            }
            None if required && mode == Mode::Strict => d.report(key, Issue::Missing),
            None => {}
        };
    number(d, "team_size", TEAM_SIZE, true, &mut s.team_size);
    number(d, "scale", SCALE, true, &mut s.scale);
    let mut horizon = s.horizon as f64;
    number(d, "horizon", HORIZON, false, &mut horizon);
    s.horizon = horizon as u32;
    number(d, "team_growth", GROWTH, false, &mut s.team_growth);
    number(d, "scale_growth", GROWTH, false, &mut s.scale_growth);
    if let Some(v) = f.get("requirements") {
        if let Some(ids) = decode_requirement_ids(d, v, "requirements", &config.requirements) {
            // Config order, so equal selections compare and serialize equal.
            s.requirements = config
                .requirements
                .iter()
                .map(|r| r.id.clone())
                .filter(|id| ids.contains(id))
                .collect();
        } else if !strict {
            // Keep the ids that are known: a link naming a retired requirement keeps the rest.
            if let Value::Array(items) = v {
                s.requirements = config
                    .requirements
                    .iter()
                    .map(|r| r.id.clone())
                    .filter(|id| {
                        items
                            .iter()
                            .any(|i| matches!(i, Value::String(x) if x == id))
                    })
                    .collect();
            }
        }
    }
    if let Some(v) = f.get("assumptions") {
        s.assumptions = restore_assumptions(d, v, &config.assumptions, strict);
    }
    if let Some(v) = f.get("monte_carlo") {
        s.monte_carlo = decode_monte_carlo(d, v);
    }
    f.finish(d);
    s
}

/// Applies assumption overrides; when lenient, each bad one is skipped and the rest apply.
fn restore_assumptions(
    d: &mut Decoder,
    value: &Value,
    base: &Assumptions,
    strict: bool,
) -> Assumptions {
    if let Some(a) = decode_assumption_overrides(d, value, "assumptions", base) {
        return a;
    }
    let mut out = base.clone();
    if let (false, Value::Object(members)) = (strict, value) {
        for (k, v) in members {
            let one = Value::Object(vec![(k.clone(), v.clone())]);
            if let Some(a) =
                decode_assumption_overrides(&mut Decoder::default(), &one, "assumptions", &out)
            {
                out = a;
            }
        }
    }
    out
}

fn decode_monte_carlo(d: &mut Decoder, value: &Value) -> Option<MonteCarloSpec> {
    let mut f = d.fields(value, "monte_carlo")?;
    let draws = f.number_or(
        d,
        "draws",
        Range::whole(1.0, MAX_DRAWS as f64),
        DEFAULT_DRAWS as f64,
    );
    let seed = f.number_or(d, "seed", SEED, DEFAULT_SEED as f64);
    f.finish(d);
    Some(MonteCarloSpec {
        draws: draws? as u32,
        seed: seed? as u64,
    })
}
