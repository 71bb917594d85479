//! Requirements and how each option meets them (spec §5), with their validator.

use super::decode::{decode_id, field, index, Decoder, Fields, Range};
use super::option::OptionSpec;
use super::price::MONEY;
use super::problem::{Issue, Problem};
use super::value::Value;

/// Most requirements a config may list.
pub const MAX_REQUIREMENTS: usize = 100;

/// A yearly charge for meeting a requirement: `per_year + per_seat·T_y + per_unit·S_y`.
#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub struct Charge {
    pub per_year: f64,
    pub per_seat: f64,
    pub per_unit: f64,
}

impl Charge {
    /// The charge for a year with `seats` and `units`.
    #[inline]
    pub fn yearly(&self, seats: f64, units: f64) -> f64 {
        self.per_year + self.per_seat * seats + self.per_unit * units
    }

    /// Adds `other` to this charge, part by part.
    pub fn add(&mut self, other: &Charge) {
        self.per_year += other.per_year;
        self.per_seat += other.per_seat;
        self.per_unit += other.per_unit;
    }
}

/// How an option meets a requirement (spec §5).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Treatment {
    Included,
    Addon(Charge),
    External(Charge),
    Build { weeks: f64, upkeep: f64 },
    Unavailable,
}

impl Treatment {
    /// How the treatment reads next to a requirement.
    pub fn label(self) -> &'static str {
        match self {
            Treatment::Included => "included",
            Treatment::Addon(_) => "add-on",
            Treatment::External(_) => "third party",
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
    /// How each option meets it, aligned with [`super::Config::options`].
    pub treatments: Vec<Treatment>,
    /// The source note of each treatment, aligned with `treatments`.
    pub sources: Vec<Option<String>>,
}

const REQUIREMENT_FIELDS: [&str; 4] = ["id", "name", "group", "description"];

pub(crate) fn decode_requirements(
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
    let mut sources = Vec::with_capacity(options.len());
    let mut ok = true;
    for o in options {
        let p = field(path, &o.id);
        let t = match f.get(&o.id) {
            // Model 1: an option the requirement does not mention cannot meet it.
            None if d.model1 => Some((Treatment::Unavailable, None)),
            None => {
                d.fail(
                    &p,
                    "is missing: a model-2 config says how every option meets every requirement (\"unavailable\" if it cannot)",
                );
                None
            }
            Some(v) => decode_treatment(d, v, &p),
        };
        match t {
            Some((t, source)) => {
                treatments.push(t);
                sources.push(source);
            }
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
        sources,
    })
}

const TREATMENTS: &[&str] = &[
    "included",
    "unavailable",
    "{\"addon\": {…}}",
    "{\"external\": {…}}",
    "{\"build\": {…}}",
];

/// One treatment and its source note.
fn decode_treatment(
    d: &mut Decoder,
    value: &Value,
    path: &str,
) -> Option<(Treatment, Option<String>)> {
    match value {
        Value::String(s) if s == "included" => Some((Treatment::Included, None)),
        Value::String(s) if s == "unavailable" => Some((Treatment::Unavailable, None)),
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
            let mut f = match kind.as_str() {
                "addon" | "external" | "build" => d.fields(body, &p)?,
                "included" | "unavailable" if d.model1 => {
                    d.report(&p, Issue::NeedsModel2);
                    return None;
                }
                "included" | "unavailable" => d.fields(body, &p)?,
                other => {
                    d.report(
                        path,
                        Issue::NotOneOf {
                            found: other.to_owned(),
                            allowed: TREATMENTS,
                        },
                    );
                    return None;
                }
            };
            let treatment = match kind.as_str() {
                "addon" => decode_charge(d, &mut f).map(Treatment::Addon),
                "external" => decode_charge(d, &mut f).map(Treatment::External),
                "build" => {
                    let weeks = f.number(d, "weeks", Range::new(0.0, 520.0));
                    let upkeep = f.number_or(d, "upkeep", Range::new(0.0, 10.0), 0.0);
                    Some(Treatment::Build {
                        weeks: weeks?,
                        upkeep: upkeep?,
                    })
                }
                "included" => Some(Treatment::Included),
                _ => Some(Treatment::Unavailable),
            };
            let source = match f.model2(d, "source") {
                None => Some(None),
                Some(v) => d.string(v, &f.path_of("source")).map(Some),
            };
            f.finish(d);
            Some((treatment?, source?))
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

/// An add-on's or a third party's price: per year (model 1), per seat and per unit (model 2),
/// at least one of them stated.
fn decode_charge(d: &mut Decoder, f: &mut Fields) -> Option<Charge> {
    if d.model1 {
        let per_year = f.number(d, "per_year", MONEY);
        f.model2(d, "per_seat");
        f.model2(d, "per_unit");
        return Some(Charge {
            per_year: per_year?,
            ..Charge::default()
        });
    }
    let per_year = f.opt_number(d, "per_year", MONEY);
    let per_seat = f.opt_number(d, "per_seat", MONEY);
    let per_unit = f.opt_number(d, "per_unit", MONEY);
    let (per_year, per_seat, per_unit) = (per_year?, per_seat?, per_unit?);
    if per_year.is_none() && per_seat.is_none() && per_unit.is_none() {
        d.fail(
            &f.path,
            "must state at least one of per_year, per_seat or per_unit",
        );
        return None;
    }
    Some(Charge {
        per_year: per_year.unwrap_or(0.0),
        per_seat: per_seat.unwrap_or(0.0),
        per_unit: per_unit.unwrap_or(0.0),
    })
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
