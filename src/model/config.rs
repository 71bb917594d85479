//! A vendor's pricing config (spec §9, `example-config.json`), validated into a checked form.
//!
//! [`Config::from_value`] is the only way to build one, so everything downstream may rely on
//! the invariants listed on each type: numbers finite and in range, bands sorted, exactly one
//! community option, every reference resolved.

use super::assumptions::{Assumption, Assumptions, Key, CATALOGUE};
use super::decode::{field, index, Decoder, Fields, Range};
use super::problem::{Issue, Problem, Problems};
use super::value::Value;

/// The only schema version this engine reads.
pub const SCHEMA: f64 = 1.0;
/// Most requirements a config may list.
pub const MAX_REQUIREMENTS: usize = 100;
/// Most seat bands or term discounts in one price.
pub const MAX_BANDS: usize = 50;
/// Largest amount of money any price field may state.
pub const MONEY_MAX: f64 = 1e12;
/// The scenario ranges of spec §2.
pub const TEAM_SIZE: Range = Range::new(1.0, 1_000_000.0);
pub const SCALE: Range = Range::above(0.0, 1_000_000.0);
pub const HORIZON: Range = Range::whole(1.0, 10.0);
pub const GROWTH: Range = Range::new(-0.9, 10.0);

const FRACTION: Range = Range::new(0.0, 1.0);
const MONEY: Range = Range::new(0.0, MONEY_MAX);

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

/// One band of graduated seat pricing.
#[derive(Clone, Debug, PartialEq)]
pub struct Band {
    /// The last seat this band prices; `None` on the last band only.
    pub up_to: Option<f64>,
    pub per_seat: f64,
}

/// A discount for committing to a term of at least `min_years`.
#[derive(Clone, Debug, PartialEq)]
pub struct TermDiscount {
    pub min_years: u32,
    pub discount: f64,
}

/// The yearly price of a paid option (spec §4).
/// Invariants: every amount in 0…[`MONEY_MAX`]; `up_to` strictly increasing, present on every
/// band but the last; discounts in 0…1.
#[derive(Clone, Debug, PartialEq)]
pub struct Price {
    pub platform_fee: f64,
    pub bands: Vec<Band>,
    pub per_unit: f64,
    pub minimum: f64,
    pub term_discounts: Vec<TermDiscount>,
    /// `below[k]`: the price of every seat under band `k`, summed band by band from the first
    /// (the order a loop over the bands would add them in, so results agree to the bit).
    below: Vec<f64>,
}

impl Price {
    pub fn new(
        platform_fee: f64,
        bands: Vec<Band>,
        per_unit: f64,
        minimum: f64,
        term_discounts: Vec<TermDiscount>,
    ) -> Price {
        let mut below = Vec::with_capacity(bands.len());
        let (mut total, mut floor) = (0.0, 0.0);
        for band in &bands {
            below.push(total);
            if let Some(cap) = band.up_to {
                total += (cap - floor) * band.per_seat;
                floor = cap;
            }
        }
        Price {
            platform_fee,
            bands,
            per_unit,
            minimum,
            term_discounts,
            below,
        }
    }

    /// The graduated seat price of `seats` seats, like tax brackets.
    /// Finds the band holding the last seat by bisection: the intervals search prices
    /// thousands of seat counts against up to 50 bands.
    pub fn seat_price(&self, seats: f64) -> f64 {
        if self.bands.is_empty() || seats <= 0.0 {
            return 0.0;
        }
        let last = self.bands.len() - 1;
        let k = self.bands[..last].partition_point(|b| b.up_to.is_some_and(|u| u < seats));
        let floor = if k == 0 {
            0.0
        } else {
            self.bands[k - 1].up_to.unwrap_or(0.0)
        };
        self.below[k] + (seats - floor) * self.bands[k].per_seat
    }

    /// The price before the minimum and the term discount.
    pub fn list(&self, seats: f64, units: f64) -> f64 {
        self.platform_fee + self.seat_price(seats) + self.per_unit * units
    }

    /// The largest discount whose `min_years` ≤ `horizon`; 0 when none applies.
    pub fn term_discount(&self, horizon: u32) -> f64 {
        self.term_discounts
            .iter()
            .filter(|t| t.min_years <= horizon)
            .map(|t| t.discount)
            .fold(0.0, f64::max)
    }

    /// The yearly price for `seats` and `units`, given the term's discount (spec §4).
    pub fn yearly(&self, seats: f64, units: f64, discount: f64) -> f64 {
        self.minimum.max(self.list(seats, units)) * (1.0 - discount)
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

/// How an option meets a requirement (spec §5).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Treatment {
    Included,
    Addon { per_year: f64 },
    External { per_year: f64 },
    Build { weeks: f64, upkeep: f64 },
    Unavailable,
}

impl Treatment {
    /// How the treatment reads next to a requirement.
    pub fn label(self) -> &'static str {
        match self {
            Treatment::Included => "included",
            Treatment::Addon { .. } => "add-on",
            Treatment::External { .. } => "third party",
            Treatment::Build { .. } => "build it yourself",
            Treatment::Unavailable => "not available",
        }
    }
}

/// A requirement a buyer may have to meet.
#[derive(Clone, Debug, PartialEq)]
pub struct Requirement {
    pub id: String,
    pub name: String,
    pub group: String,
    pub description: Option<String>,
    /// How each option meets it, aligned with [`Config::options`].
    pub treatments: Vec<Treatment>,
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
/// Invariants: exactly one community option, one or two paid ones, ids unique; every
/// requirement has a treatment per option; all numbers finite and in range.
#[derive(Clone, Debug, PartialEq, serde::Deserialize)]
#[serde(try_from = "Value")]
pub struct Config {
    pub product: String,
    /// ISO 4217 code, three capital letters.
    pub currency: String,
    pub scale_unit: ScaleUnit,
    pub defaults: Defaults,
    pub assumptions: Assumptions,
    pub options: Vec<OptionSpec>,
    pub requirements: Vec<Requirement>,
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

fn decode_id(d: &mut Decoder, f: &mut Fields, what: &str) -> Option<String> {
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
    match f.require(d, "schema") {
        Some(Value::Number(n)) if *n == SCHEMA => {}
        Some(Value::Number(n)) => {
            d.report("schema", Issue::Schema { found: *n });
            return None;
        }
        Some(other) => {
            d.report(
                "schema",
                Issue::WrongType {
                    expected: "the number 1",
                    found: other.kind(),
                },
            );
            return None;
        }
        None => return None,
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
    f.finish(d);
    Some(Config {
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
    let mut options = Vec::new();
    let mut ok = true;
    for (i, item) in items.iter().enumerate().take(8) {
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
        if !(1..=2).contains(&paid) {
            d.fail(
                "options",
                format!(
                    "must include one or two paid options (enterprise or cloud), but has {paid}"
                ),
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
const ENTERPRISE_FIELDS: [&str; 4] = [
    "price",
    "ops_reduction",
    "support_reduction",
    "downtime_reduction",
];
const CLOUD_FIELDS: [&str; 4] = [
    "price",
    "admin_hours_month",
    "support_reduction",
    "availability",
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
            Some(Terms::Enterprise {
                price: price?,
                ops_reduction: ops?,
                support_reduction: support?,
                downtime_reduction: downtime?,
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
    for k in &foreign {
        f.get(k);
    }
    f.finish(d);
    Some(OptionSpec {
        id: id?,
        name: name?,
        terms: terms?,
        cta: cta?,
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

fn decode_price(d: &mut Decoder, value: &Value, path: &str) -> Option<Price> {
    let mut f = d.fields(value, path)?;
    let platform_fee = f.number_or(d, "platform_fee", MONEY, 0.0);
    let per_unit = f.number_or(d, "per_unit", MONEY, 0.0);
    let minimum = f.number_or(d, "minimum", MONEY, 0.0);
    let bands = match f.get("bands") {
        None => Some(Vec::new()),
        Some(v) => decode_bands(d, v, &f.path_of("bands")),
    };
    let term_discounts = match f.get("term_discounts") {
        None => Some(Vec::new()),
        Some(v) => decode_term_discounts(d, v, &f.path_of("term_discounts")),
    };
    f.finish(d);
    Some(Price::new(
        platform_fee?,
        bands?,
        per_unit?,
        minimum?,
        term_discounts?,
    ))
}

fn decode_bands(d: &mut Decoder, value: &Value, path: &str) -> Option<Vec<Band>> {
    let items = d.array(value, path)?;
    if items.len() > MAX_BANDS {
        d.fail(
            path,
            format!(
                "has {} bands, more than the {MAX_BANDS} allowed",
                items.len()
            ),
        );
        return None;
    }
    let before = d.problems.len();
    let mut bands = Vec::new();
    let mut last_up_to: Option<f64> = None;
    for (i, item) in items.iter().enumerate() {
        let p = index(path, i);
        let Some(mut f) = d.fields(item, &p) else {
            continue;
        };
        let per_seat = f.number(d, "per_seat", MONEY);
        let up_to = f.opt_number(d, "up_to", Range::above(0.0, MONEY_MAX));
        f.finish(d);
        let (Some(per_seat), Some(up_to)) = (per_seat, up_to) else {
            continue;
        };
        let is_last = i + 1 == items.len();
        match up_to {
            None if !is_last => d.fail(
                field(&p, "up_to"),
                "is missing: only the last band may leave it out",
            ),
            Some(_) if is_last => d.fail(
                field(&p, "up_to"),
                "must be left out on the last band, which prices every seat above the one before",
            ),
            Some(u) => {
                if let Some(prev) = last_up_to {
                    if u <= prev {
                        d.report(field(&p, "up_to"), Issue::NotIncreasing { previous: prev });
                    }
                }
                last_up_to = Some(u);
            }
            None => {}
        }
        bands.push(Band { up_to, per_seat });
    }
    (d.problems.len() == before).then_some(bands)
}

fn decode_term_discounts(d: &mut Decoder, value: &Value, path: &str) -> Option<Vec<TermDiscount>> {
    let items = d.array(value, path)?;
    if items.len() > MAX_BANDS {
        d.fail(
            path,
            format!(
                "has {} entries, more than the {MAX_BANDS} allowed",
                items.len()
            ),
        );
        return None;
    }
    let before = d.problems.len();
    let mut out = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let Some(mut f) = d.fields(item, &index(path, i)) else {
            continue;
        };
        let min_years = f.number(d, "min_years", Range::whole(1.0, 100.0));
        let discount = f.number(d, "discount", FRACTION);
        f.finish(d);
        if let (Some(min_years), Some(discount)) = (min_years, discount) {
            out.push(TermDiscount {
                min_years: min_years as u32,
                discount,
            });
        }
    }
    (d.problems.len() == before).then_some(out)
}

const REQUIREMENT_FIELDS: [&str; 4] = ["id", "name", "group", "description"];

fn decode_requirements(
    d: &mut Decoder,
    value: &Value,
    options: &[OptionSpec],
) -> Option<Vec<Requirement>> {
    let items = d.array(value, "requirements")?;
    if items.len() > MAX_REQUIREMENTS {
        d.fail(
            "requirements",
            format!(
                "lists {} requirements, more than the {MAX_REQUIREMENTS} allowed",
                items.len()
            ),
        );
        return None;
    }
    let before = d.problems.len();
    let mut out: Vec<Requirement> = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let path = index("requirements", i);
        let Some(r) = decode_requirement(d, item, &path, options) else {
            continue;
        };
        if out.iter().any(|o| o.id == r.id) {
            d.report(
                field(&path, "id"),
                Issue::Duplicate {
                    what: "requirement id",
                    name: r.id.clone(),
                },
            );
        }
        out.push(r);
    }
    (d.problems.len() == before).then_some(out)
}

fn decode_requirement(
    d: &mut Decoder,
    value: &Value,
    path: &str,
    options: &[OptionSpec],
) -> Option<Requirement> {
    let mut f = d.fields(value, path)?;
    let id = decode_id(d, &mut f, "requirement");
    let name = f.string(d, "name");
    let group = match f.get("group") {
        None => Some("Requirements".to_owned()),
        Some(v) => d.string(v, &f.path_of("group")),
    };
    let description = f.opt_string(d, "description");
    let mut treatments = Vec::with_capacity(options.len());
    let mut ok = true;
    for o in options {
        // The spec: an option the requirement does not mention cannot meet it.
        let t = match f.get(&o.id) {
            None => Some(Treatment::Unavailable),
            Some(v) => decode_treatment(d, v, &field(path, &o.id)),
        };
        match t {
            Some(t) => treatments.push(t),
            None => ok = false,
        }
    }
    for (k, _) in f.unread() {
        if !REQUIREMENT_FIELDS.contains(&k.as_str()) && !options.iter().any(|o| &o.id == k) {
            d.warnings.push(Problem::other(
                field(path, k),
                "is neither a requirement field nor an option id; it is ignored",
            ));
        }
    }
    if !ok {
        return None;
    }
    Some(Requirement {
        id: id?,
        name: name?,
        group: group?,
        description: description?,
        treatments,
    })
}

const TREATMENTS: &[&str] = &[
    "included",
    "unavailable",
    "{\"addon\": {…}}",
    "{\"external\": {…}}",
    "{\"build\": {…}}",
];

fn decode_treatment(d: &mut Decoder, value: &Value, path: &str) -> Option<Treatment> {
    match value {
        Value::String(s) if s == "included" => Some(Treatment::Included),
        Value::String(s) if s == "unavailable" => Some(Treatment::Unavailable),
        Value::String(s) => {
            d.report(
                path,
                Issue::NotOneOf {
                    found: s.clone(),
                    allowed: TREATMENTS,
                },
            );
            None
        }
        Value::Object(members) if members.len() == 1 => {
            let (kind, body) = &members[0];
            let p = field(path, kind);
            match kind.as_str() {
                "addon" | "external" => {
                    let mut f = d.fields(body, &p)?;
                    let per_year = f.number(d, "per_year", MONEY);
                    f.finish(d);
                    let per_year = per_year?;
                    Some(if kind == "addon" {
                        Treatment::Addon { per_year }
                    } else {
                        Treatment::External { per_year }
                    })
                }
                "build" => {
                    let mut f = d.fields(body, &p)?;
                    let weeks = f.number(d, "weeks", Range::new(0.0, 520.0));
                    let upkeep = f.number_or(d, "upkeep", Range::new(0.0, 10.0), 0.0);
                    f.finish(d);
                    Some(Treatment::Build {
                        weeks: weeks?,
                        upkeep: upkeep?,
                    })
                }
                other => {
                    d.report(
                        path,
                        Issue::NotOneOf {
                            found: other.to_owned(),
                            allowed: TREATMENTS,
                        },
                    );
                    None
                }
            }
        }
        Value::Object(_) => {
            d.fail(
                path,
                "must be an object with exactly one of \"addon\", \"external\" or \"build\"",
            );
            None
        }
        other => {
            d.report(
                path,
                Issue::WrongType {
                    expected: "a string or an object",
                    found: other.kind(),
                },
            );
            None
        }
    }
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

/// A list of requirement ids, each known; repeats are dropped.
pub fn decode_requirement_ids(
    d: &mut Decoder,
    value: &Value,
    path: &str,
    requirements: &[Requirement],
) -> Option<Vec<String>> {
    let items = d.array(value, path)?;
    let before = d.problems.len();
    let mut out: Vec<String> = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let p = index(path, i);
        let Some(id) = d.string(item, &p) else {
            continue;
        };
        if !requirements.iter().any(|r| r.id == id) {
            d.report(
                p,
                Issue::Unknown {
                    what: "requirement",
                    name: id,
                },
            );
        } else if !out.contains(&id) {
            out.push(id);
        }
    }
    (d.problems.len() == before).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The graduated price the slow way: every band in turn.
    fn by_loop(bands: &[Band], seats: f64) -> f64 {
        let (mut total, mut floor) = (0.0, 0.0);
        for band in bands {
            if seats <= floor {
                break;
            }
            let cap = band.up_to.unwrap_or(f64::INFINITY);
            total += (seats.min(cap) - floor) * band.per_seat;
            floor = cap;
        }
        total
    }

    #[test]
    fn bisected_seat_price_agrees_with_the_loop_to_the_bit() {
        let bands = vec![
            Band {
                up_to: Some(50.0),
                per_seat: 600.0,
            },
            Band {
                up_to: Some(250.0),
                per_seat: 450.5,
            },
            Band {
                up_to: Some(1000.0),
                per_seat: 0.0,
            },
            Band {
                up_to: None,
                per_seat: 299.99,
            },
        ];
        let price = Price::new(0.0, bands.clone(), 0.0, 0.0, Vec::new());
        for seats in [
            0.5, 1.0, 49.9, 50.0, 50.1, 137.3, 250.0, 999.0, 1000.0, 1000.5, 123_456.7,
        ] {
            assert_eq!(
                price.seat_price(seats).to_bits(),
                by_loop(&bands, seats).to_bits(),
                "{seats} seats"
            );
        }
        assert_eq!(
            Price::new(0.0, Vec::new(), 0.0, 0.0, Vec::new()).seat_price(10.0),
            0.0
        );
        let flat = vec![Band {
            up_to: None,
            per_seat: 240.0,
        }];
        assert_eq!(
            Price::new(0.0, flat, 0.0, 0.0, Vec::new()).seat_price(40.0),
            9_600.0
        );
    }
}
