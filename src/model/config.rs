//! A vendor's pricing config (spec §9, `example-config.json`), validated into a checked form.
//!
//! [`Config::from_value`] is the only way to build one, so everything downstream may rely on
//! the invariants listed on each type: numbers finite and in range, bands sorted, exactly one
//! community option, every reference resolved.

use super::assumptions::{Assumption, Assumptions, Key, CATALOGUE};
use super::decode::{field, Decoder, Range};
use super::messages::Messages;
use super::option::decode_options;
use super::problem::{Issue, Problem, Problems};
use super::requirement::decode_requirements;
use super::value::Value;

pub use super::decode::{GROWTH, HORIZON, SCALE, TEAM_SIZE};
pub use super::option::{safe_url, Cta, Kind, OptionSpec, Terms, MAX_OPTIONS, MAX_PAID};
pub use super::price::{Band, Graduated, Price, TermDiscount, MAX_BANDS, MONEY_MAX};
pub use super::requirement::{
    decode_requirement_ids, Charge, Requirement, Treatment, MAX_REQUIREMENTS,
};

/// The newest model this engine reads (spec: "schema" is 1 or 2).
pub const MODEL: u8 = 2;

/// What the vendor calls one unit of scale.
#[derive(Clone, Debug, PartialEq)]
pub struct ScaleUnit {
    pub one: String,
    pub many: String,
}

/// The scenario a config opens with.
/// Invariant: every field within the ranges of spec §2; requirements are known ids.
#[derive(Clone, Debug, PartialEq)]
pub struct Defaults {
    pub team_size: f64,
    pub scale: f64,
    pub horizon: u32,
    pub team_growth: f64,
    pub scale_growth: f64,
    pub requirements: Vec<String>,
}

/// A checked pricing config.
/// Invariants: exactly one community option, one to [`MAX_PAID`] paid ones, ids unique; every
/// requirement has a treatment per option; all numbers finite and in range.
#[derive(Clone, Debug, PartialEq, serde::Deserialize)]
#[serde(try_from = "Value")]
pub struct Config {
    /// The model the config declares (`"schema"`): 1 or 2.
    pub schema: u8,
    pub product: String,
    /// ISO 4217 code, three capital letters.
    pub currency: String,
    pub scale_unit: ScaleUnit,
    pub defaults: Defaults,
    pub assumptions: Assumptions,
    pub options: Vec<OptionSpec>,
    pub requirements: Vec<Requirement>,
    /// The vendor's own words for the widget, by language (`en`, `de`, `fr`, `zh-CN`):
    /// overrides of the built-in messages (a Tierwise extension of the contract).
    pub messages: Vec<(String, Messages)>,
    /// Fields that were ignored, for `tierwise check` to point out.
    pub warnings: Vec<Problem>,
}

impl TryFrom<Value> for Config {
    type Error = Problems;
    fn try_from(value: Value) -> Result<Self, Problems> {
        Config::from_value(&value)
    }
}

impl Config {
    /// Validates a config document, reporting every problem by path.
    pub fn from_value(value: &Value) -> Result<Config, Problems> {
        let mut d = Decoder::default();
        let config = decode_config(&mut d, value);
        match config {
            Some(mut config) if d.problems.is_empty() => {
                config.warnings = d.warnings;
                Ok(config)
            }
            _ => {
                if d.problems.is_empty() {
                    d.fail("", "is not a valid config");
                }
                Err(Problems(d.problems))
            }
        }
    }

    /// The index of the community option (there is always exactly one).
    pub fn community(&self) -> usize {
        self.options
            .iter()
            .position(|o| o.kind() == Kind::Community)
            .unwrap_or(0)
    }

    pub fn option_index(&self, id: &str) -> Option<usize> {
        self.options.iter().position(|o| o.id == id)
    }

    pub fn requirement_index(&self, id: &str) -> Option<usize> {
        self.requirements.iter().position(|r| r.id == id)
    }
}

fn decode_config(d: &mut Decoder, value: &Value) -> Option<Config> {
    let mut f = d.fields(value, "")?;
    // A wrong schema makes every other message misleading, so it is reported alone.
    let schema = match f.require(d, "schema") {
        Some(Value::Number(n)) if *n == 1.0 || *n == 2.0 => *n as u8,
        Some(Value::Number(n)) => {
            d.report("schema", Issue::Schema { found: *n });
            return None;
        }
        Some(other) => {
            d.report(
                "schema",
                Issue::WrongType {
                    expected: "the number 1 or 2",
                    found: other.kind(),
                },
            );
            return None;
        }
        None => return None,
    };
    d.model1 = schema == 1;
    // Editors point `$schema` at the JSON Schema of configs; the engine has no use for it.
    if let Some(v) = f.get("$schema") {
        d.string(v, "$schema");
    }
    let product = f.string(d, "product");
    let currency = f.string(d, "currency").and_then(|c| {
        if c.len() == 3 && c.bytes().all(|b| b.is_ascii_uppercase()) {
            Some(c)
        } else {
            d.fail(
                "currency",
                format!("is \"{c}\", but must be a three-letter ISO 4217 code such as \"USD\""),
            );
            None
        }
    });
    let scale_unit = match f.get("scale_unit") {
        None => Some(ScaleUnit {
            one: "unit".into(),
            many: "units".into(),
        }),
        Some(v) => decode_scale_unit(d, v),
    };
    let assumptions = match f.get("assumptions") {
        None => Some(Assumptions::default()),
        Some(v) => decode_assumptions(d, v, "assumptions"),
    };
    let options = f.require(d, "options").and_then(|v| decode_options(d, v));
    let requirements = match (f.get("requirements"), &options) {
        (None, _) => Some(Vec::new()),
        (Some(v), Some(options)) => decode_requirements(d, v, options),
        // Without valid options, requirement treatments cannot be checked.
        (Some(_), None) => None,
    };
    let defaults = match (f.get("defaults"), &requirements) {
        (v, Some(reqs)) => decode_defaults(d, v, reqs),
        (_, None) => None,
    };
    let messages = f
        .get("messages")
        .map(|v| super::catalogue::read_languages(d, v, "messages"))
        .unwrap_or_default();
    f.finish(d);
    Some(Config {
        schema,
        messages,
        product: product?,
        currency: currency?,
        scale_unit: scale_unit?,
        defaults: defaults?,
        assumptions: assumptions?,
        options: options?,
        requirements: requirements?,
        warnings: Vec::new(),
    })
}

fn decode_scale_unit(d: &mut Decoder, value: &Value) -> Option<ScaleUnit> {
    let mut f = d.fields(value, "scale_unit")?;
    let one = f.string(d, "one");
    let many = f.string(d, "many");
    f.finish(d);
    Some(ScaleUnit {
        one: one?,
        many: many?,
    })
}

/// Reads an `assumptions` object; keys must be assumption ids. Used by configs (on top of
/// the spec's defaults) and by scenarios (on top of the config's values).
pub fn decode_assumptions(d: &mut Decoder, value: &Value, path: &str) -> Option<Assumptions> {
    decode_assumption_overrides(d, value, path, &Assumptions::default())
}

/// Applies the overrides in `value` to `base`, reporting every problem.
pub fn decode_assumption_overrides(
    d: &mut Decoder,
    value: &Value,
    path: &str,
    base: &Assumptions,
) -> Option<Assumptions> {
    let members = d.object(value, path)?;
    let mut out = base.clone();
    let mut ok = true;
    for (key, v) in members {
        let p = field(path, key);
        let Some(k) = Key::from_id(key) else {
            d.report(
                p,
                Issue::NotOneOf {
                    found: key.clone(),
                    allowed: &Key::IDS,
                },
            );
            ok = false;
            continue;
        };
        if d.model1 && k.model2_only() {
            d.report(p, Issue::NeedsModel2);
            ok = false;
            continue;
        }
        match decode_assumption(d, v, &p, k, base.get(k)) {
            Some(a) => *out.get_mut(k) = a,
            None => ok = false,
        }
    }
    ok.then_some(out)
}

/// One assumption: a number, or `{value, low, high, source}` with `low` and `high` together.
/// Fields left out keep `base`'s.
fn decode_assumption(
    d: &mut Decoder,
    value: &Value,
    path: &str,
    key: Key,
    base: &Assumption,
) -> Option<Assumption> {
    let spec = &CATALOGUE[key as usize];
    let range = Range::new(spec.min, spec.max);
    if let Value::Number(_) = value {
        let v = d.number(value, path, range)?;
        return Some(Assumption {
            value: v,
            ..base.clone()
        });
    }
    let mut f = d.fields(value, path)?;
    let v = f.number_or(d, "value", range, base.value);
    let low = f.opt_number(d, "low", range);
    let high = f.opt_number(d, "high", range);
    let source = f.opt_string(d, "source");
    f.finish(d);
    let range = match (low?, high?) {
        (Some(low), Some(high)) if low <= high => Some((low, high)),
        (Some(low), Some(high)) => {
            d.report(path, Issue::LowAboveHigh { low, high });
            return None;
        }
        (None, None) => base.range,
        (Some(_), None) => {
            d.report(
                field(path, "high"),
                Issue::Other("is missing: low and high go together".into()),
            );
            return None;
        }
        (None, Some(_)) => {
            d.report(
                field(path, "low"),
                Issue::Other("is missing: low and high go together".into()),
            );
            return None;
        }
    };
    Some(Assumption {
        value: v?,
        range,
        source: source?.or_else(|| base.source.clone()),
    })
}

fn decode_defaults(
    d: &mut Decoder,
    value: Option<&Value>,
    requirements: &[Requirement],
) -> Option<Defaults> {
    let mut defaults = Defaults {
        team_size: 10.0,
        scale: 1.0,
        horizon: 3,
        team_growth: 0.2,
        scale_growth: 0.3,
        requirements: Vec::new(),
    };
    let Some(value) = value else {
        return Some(defaults);
    };
    let mut f = d.fields(value, "defaults")?;
    let team_size = f.number_or(d, "team_size", TEAM_SIZE, defaults.team_size);
    let scale = f.number_or(d, "scale", SCALE, defaults.scale);
    let horizon = f.number_or(d, "horizon", HORIZON, defaults.horizon as f64);
    let team_growth = f.number_or(d, "team_growth", GROWTH, defaults.team_growth);
    let scale_growth = f.number_or(d, "scale_growth", GROWTH, defaults.scale_growth);
    let reqs = match f.get("requirements") {
        None => Some(Vec::new()),
        Some(v) => decode_requirement_ids(d, v, "defaults.requirements", requirements),
    };
    f.finish(d);
    defaults.team_size = team_size?;
    defaults.scale = scale?;
    defaults.horizon = horizon? as u32;
    defaults.team_growth = team_growth?;
    defaults.scale_growth = scale_growth?;
    defaults.requirements = reqs?;
    Some(defaults)
}
