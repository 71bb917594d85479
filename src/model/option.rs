//! The config's options (spec §1): their kinds, their terms and how they are checked.

use super::decode::{decode_id, field, index, Decoder, Range, FRACTION};
use super::price::{decode_limits, decode_price, Limits, Price};
use super::problem::Issue;
use super::value::Value;

/// Most paid options a config may list (spec §1).
pub const MAX_PAID: usize = 6;
/// Most options a config may list: community and the paid ones.
pub const MAX_OPTIONS: usize = MAX_PAID + 1;

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

pub fn decode_options(d: &mut Decoder, value: &Value) -> Option<Vec<OptionSpec>> {
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
