//! A vendor's pricing config (spec §9, `example-config.json`), validated into a checked form.
//!
//! [`Config::from_value`] is the only way to build one, so everything downstream may rely on
//! the invariants listed on each type: numbers finite and in range, bands sorted, exactly one
//! community option, every reference resolved.

use super::assumptions::{Assumption, Assumptions, Key, CATALOGUE};
use super::decode::{field, index, Decoder, Fields, Range};
use super::messages::Messages;
use super::price::{decode_limits, decode_price, Limits};
use super::problem::{Issue, Problem, Problems};
use super::requirement::decode_requirements;
use super::value::Value;

pub use super::price::{Band, Graduated, Price, TermDiscount, MAX_BANDS, MONEY_MAX};
pub use super::requirement::{
    decode_requirement_ids, Charge, Requirement, Treatment, MAX_REQUIREMENTS,
};

/// The newest model this engine reads (spec: "schema" is 1 or 2).
pub const MODEL: u8 = 2;
/// Most paid options a config may list (spec §1).
pub const MAX_PAID: usize = 6;
/// Most options a config may list: community and the paid ones.
pub const MAX_OPTIONS: usize = MAX_PAID + 1;
/// The scenario ranges of spec §2.
pub const TEAM_SIZE: Range = Range::new(1.0, 1_000_000.0);
pub const SCALE: Range = Range::above(0.0, 1_000_000.0);
pub const HORIZON: Range = Range::whole(1.0, 10.0);
pub const GROWTH: Range = Range::new(-0.9, 10.0);

const FRACTION: Range = Range::new(0.0, 1.0);

/// What kind of option this is (spec §1).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Community,
    Enterprise,
    Cloud,
}

impl Kind {
    pub const NAMES: &'static [&'static str] = &["community", "enterprise", "cloud"];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Community => "community",
            Kind::Enterprise => "enterprise",
            Kind::Cloud => "cloud",
        }
    }

    pub fn is_paid(self) -> bool {
        self != Kind::Community
    }
}

/// What an option changes, by kind. Fractions are in 0…1.
#[derive(Clone, Debug, PartialEq)]
pub enum Terms {
    Community,
    Enterprise {
        price: Price,
        ops_reduction: f64,
        support_reduction: f64,
        downtime_reduction: f64,
        /// Its infrastructure relative to the community edition's, 0…10 (model 2; 1 in model 1).
        infra_factor: f64,
    },
    Cloud {
        price: Price,
        admin_hours_month: f64,
        support_reduction: f64,
        availability: f64,
    },
}

/// A call to action a host page can offer for an option.
/// Invariant: `url` is an http(s) URL or a path on the host's own site.
#[derive(Clone, Debug, PartialEq)]
pub struct Cta {
    pub label: String,
    pub url: String,
}

/// One of the config's options.
#[derive(Clone, Debug, PartialEq)]
pub struct OptionSpec {
    /// Unique among the options; letters, digits, `_` and `-`.
    pub id: String,
    pub name: String,
    pub terms: Terms,
    pub cta: Option<Cta>,
    /// Where the plan is sold (spec §4b); none stated for community.
    pub limits: Limits,
}

impl OptionSpec {
    pub fn kind(&self) -> Kind {
        match self.terms {
            Terms::Community => Kind::Community,
            Terms::Enterprise { .. } => Kind::Enterprise,
            Terms::Cloud { .. } => Kind::Cloud,
        }
    }

    pub fn price(&self) -> Option<&Price> {
        match &self.terms {
            Terms::Community => None,
            Terms::Enterprise { price, .. } | Terms::Cloud { price, .. } => Some(price),
        }
    }
}

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

/// Whether `id` may name an option or a requirement: it appears in URLs and as a JSON key.
fn valid_id(id: &str) -> bool {
    id.len() <= 64
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
}

pub(crate) fn decode_id(d: &mut Decoder, f: &mut Fields, what: &str) -> Option<String> {
    let id = f.string(d, "id")?;
    if !valid_id(&id) {
        d.fail(
            f.path_of("id"),
            format!("\"{id}\" is not a valid {what} id: use up to 64 letters, digits, '_' or '-'"),
        );
        return None;
    }
    Some(id)
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
        .map(|v| super::messages::read_languages(d, v, "messages"))
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

fn decode_options(d: &mut Decoder, value: &Value) -> Option<Vec<OptionSpec>> {
    let items = d.array(value, "options")?;
    if items.len() > MAX_OPTIONS {
        d.fail(
            "options",
            format!(
                "lists {} options, more than the {MAX_OPTIONS} allowed (one community option and up to {MAX_PAID} paid ones)",
                items.len()
            ),
        );
        return None;
    }
    let mut options = Vec::new();
    let mut ok = true;
    for (i, item) in items.iter().enumerate() {
        match decode_option(d, item, &index("options", i)) {
            Some(o) => options.push(o),
            None => ok = false,
        }
    }
    let before = d.problems.len();
    let count = |k: Kind| options.iter().filter(|o| o.kind() == k).count();
    if ok {
        match count(Kind::Community) {
            1 => {}
            0 => d.fail(
                "options",
                "must include exactly one option of kind \"community\", but has none",
            ),
            n => d.fail(
                "options",
                format!("must include exactly one option of kind \"community\", but has {n}"),
            ),
        }
        let paid = options.len() - count(Kind::Community);
        if d.model1 && paid > 2 {
            d.fail(
                "options",
                format!(
                    "must include one or two paid options in a model-1 config, but has {paid}: declare \"schema\": 2 for up to {MAX_PAID}"
                ),
            );
        } else if paid == 0 {
            d.fail(
                "options",
                format!("must include one to {MAX_PAID} paid options (enterprise or cloud), but has none"),
            );
        }
    }
    for (i, o) in options.iter().enumerate() {
        if options[..i].iter().any(|p| p.id == o.id) {
            d.report(
                field(&index("options", i), "id"),
                Issue::Duplicate {
                    what: "option id",
                    name: o.id.clone(),
                },
            );
        }
    }
    (ok && d.problems.len() == before).then_some(options)
}

const COMMON_OPTION_FIELDS: [&str; 4] = ["id", "kind", "name", "cta"];
const ENTERPRISE_FIELDS: [&str; 6] = [
    "price",
    "ops_reduction",
    "support_reduction",
    "downtime_reduction",
    "infra_factor",
    "limits",
];
const CLOUD_FIELDS: [&str; 5] = [
    "price",
    "admin_hours_month",
    "support_reduction",
    "availability",
    "limits",
];

fn decode_option(d: &mut Decoder, value: &Value, path: &str) -> Option<OptionSpec> {
    let mut f = d.fields(value, path)?;
    let id = decode_id(d, &mut f, "option");
    let name = f.string(d, "name");
    let kind = f.string(d, "kind").and_then(|k| match k.as_str() {
        "community" => Some(Kind::Community),
        "enterprise" => Some(Kind::Enterprise),
        "cloud" => Some(Kind::Cloud),
        _ => {
            d.report(
                f.path_of("kind"),
                Issue::NotOneOf {
                    found: k,
                    allowed: Kind::NAMES,
                },
            );
            None
        }
    });
    let cta = match f.get("cta") {
        None => Some(None),
        Some(v) => decode_cta(d, v, &f.path_of("cta")).map(Some),
    };
    let kind = kind?;
    let fields: &[&str] = match kind {
        Kind::Community => &[],
        Kind::Enterprise => &ENTERPRISE_FIELDS,
        Kind::Cloud => &CLOUD_FIELDS,
    };
    // A field of another kind is a mistake worth refusing: its numbers would be silently unused.
    let foreign: Vec<String> = f
        .unread()
        .map(|(k, _)| k.clone())
        .filter(|k| !COMMON_OPTION_FIELDS.contains(&k.as_str()) && !fields.contains(&k.as_str()))
        .filter(|k| ENTERPRISE_FIELDS.contains(&k.as_str()) || CLOUD_FIELDS.contains(&k.as_str()))
        .collect();
    for k in &foreign {
        d.fail(
            f.path_of(k),
            format!("does not apply to an option of kind \"{}\"", kind.as_str()),
        );
    }
    let terms = match kind {
        Kind::Community => Some(Terms::Community),
        Kind::Enterprise => {
            let price = f
                .require(d, "price")
                .and_then(|v| decode_price(d, v, &f.path_of("price")));
            let ops = f.number_or(d, "ops_reduction", FRACTION, 0.0);
            let support = f.number_or(d, "support_reduction", FRACTION, 0.0);
            let downtime = f.number_or(d, "downtime_reduction", FRACTION, 0.0);
            let infra_factor = match f.model2(d, "infra_factor") {
                None => Some(1.0),
                Some(v) => d.number(v, &f.path_of("infra_factor"), Range::new(0.0, 10.0)),
            };
            Some(Terms::Enterprise {
                price: price?,
                ops_reduction: ops?,
                support_reduction: support?,
                downtime_reduction: downtime?,
                infra_factor: infra_factor?,
            })
        }
        Kind::Cloud => {
            let price = f
                .require(d, "price")
                .and_then(|v| decode_price(d, v, &f.path_of("price")));
            let admin = f.number_or(d, "admin_hours_month", Range::new(0.0, 100_000.0), 0.0);
            let support = f.number_or(d, "support_reduction", FRACTION, 0.0);
            let availability = f.number(d, "availability", FRACTION);
            Some(Terms::Cloud {
                price: price?,
                admin_hours_month: admin?,
                support_reduction: support?,
                availability: availability?,
            })
        }
    };
    let limits = match (kind, f.model2(d, "limits")) {
        (_, None) | (Kind::Community, Some(_)) => Some(Limits::default()),
        (_, Some(v)) => decode_limits(d, v, &f.path_of("limits")),
    };
    for k in &foreign {
        f.get(k);
    }
    f.finish(d);
    Some(OptionSpec {
        id: id?,
        name: name?,
        terms: terms?,
        cta: cta?,
        limits: limits?,
    })
}

/// Whether a call-to-action URL is safe to follow: http(s), or a path on the host's own site.
pub fn safe_url(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    let scheme_ok = lower.starts_with("https://")
        || lower.starts_with("http://")
        || (lower.starts_with('/') && !lower.starts_with("//"));
    scheme_ok && !url.chars().any(|c| c.is_control() || c.is_whitespace())
}

fn decode_cta(d: &mut Decoder, value: &Value, path: &str) -> Option<Cta> {
    let mut f = d.fields(value, path)?;
    let label = f.string(d, "label");
    let url = f.string(d, "url").and_then(|u| {
        if safe_url(&u) {
            Some(u)
        } else {
            d.fail(
                field(path, "url"),
                format!(
                    "is \"{u}\", but must be an http:// or https:// URL or a path starting with /"
                ),
            );
            None
        }
    });
    f.finish(d);
    Some(Cta {
        label: label?,
        url: url?,
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
