//! Scenarios in and out of the page: readable URL query parameters, CSV and comparisons.
//!
//! The query uses the scenario's own field names (`team_size=40&scale=6&horizon=3&
//! requirements=sso,audit_log&engineer_cost=200000&engineer_cost.low=150000`), so a person can
//! read and edit a link, and a problem in one names the same field a scenario file would.

use super::assumptions::{Key, Unit, CATALOGUE};
use super::config::Config;
use super::cost::Model;
use super::numbers::Numbers;
use super::problem::{Issue, Problem};
use super::scenario::Scenario;
use super::value::Value;

/// The query parameters of the scenario fields, in the order links write them.
pub const FIELDS: [&str; 5] = [
    "team_size",
    "scale",
    "horizon",
    "team_growth",
    "scale_growth",
];
pub const REQUIREMENTS: &str = "requirements";
/// Parameters that belong to the page, not the scenario; decoding leaves them alone.
pub const PAGE_PARAMS: [&str; 3] = ["config", "mode", "theme"];

/// Most parameters one link may carry; the rest are ignored (a link is not a config file).
pub const MAX_PARAMS: usize = 64;

/// Writes `scenario` as query pairs: every scenario field, and each assumption that differs
/// from the config's.
pub fn to_query(config: &Config, scenario: &Scenario, n: &dyn Numbers) -> Vec<(String, String)> {
    let mut q: Vec<(String, String)> = vec![
        ("team_size".into(), n.exact(scenario.team_size)),
        ("scale".into(), n.exact(scenario.scale)),
        ("horizon".into(), scenario.horizon.to_string()),
        ("team_growth".into(), n.exact(scenario.team_growth)),
        ("scale_growth".into(), n.exact(scenario.scale_growth)),
        (REQUIREMENTS.into(), scenario.requirements.join(",")),
    ];
    for key in Key::ALL {
        let (mine, base) = (scenario.assumptions.get(key), config.assumptions.get(key));
        if mine.value != base.value {
            q.push((key.id().into(), n.exact(mine.value)));
        }
        if mine.range != base.range {
            if let Some((low, high)) = mine.range {
                q.push((format!("{}.low", key.id()), n.exact(low)));
                q.push((format!("{}.high", key.id()), n.exact(high)));
            }
        }
    }
    q
}

/// Reads query pairs into a scenario, leniently: every valid field is kept, each bad or
/// unknown one is left at the config's default and reported.
pub fn from_query(
    config: &Config,
    pairs: &[(String, String)],
    n: &dyn Numbers,
) -> (Scenario, Vec<Problem>) {
    let mut ignored = Vec::new();
    let number = |text: &str| {
        n.parse(text)
            .filter(|x| x.is_finite())
            .map(Value::Number)
            .unwrap_or_else(|| Value::String(text.to_owned()))
    };
    let mut fields: Vec<(String, Value)> = Vec::new();
    let mut assumptions: Vec<(String, Vec<(String, Value)>)> = Vec::new();
    for (i, (key, text)) in pairs.iter().enumerate() {
        if i >= MAX_PARAMS {
            let issue = Issue::Said {
                id: "link.too_many",
                number: MAX_PARAMS as f64,
            };
            ignored.push(Problem::new("", issue));
            break;
        }
        let key = key.as_str();
        if PAGE_PARAMS.contains(&key) || fields.iter().any(|(k, _)| k == key) {
            continue;
        }
        if FIELDS.contains(&key) {
            fields.push((key.to_owned(), number(text)));
        } else if key == REQUIREMENTS {
            let ids = text
                .split(',')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(|s| Value::String(s.to_owned()))
                .collect();
            fields.push((key.to_owned(), Value::Array(ids)));
        } else {
            let (id, part) = match key.split_once('.') {
                Some((id, part @ ("low" | "high"))) => (id, part),
                _ => (key, "value"),
            };
            if Key::from_id(id).is_none() {
                let issue = Issue::Said {
                    id: "link.unknown",
                    number: 0.0,
                };
                ignored.push(Problem::new(key.to_owned(), issue));
                continue;
            }
            match assumptions.iter_mut().find(|(k, _)| k == id) {
                Some((_, parts)) => parts.push((part.to_owned(), number(text))),
                None => assumptions.push((id.to_owned(), vec![(part.to_owned(), number(text))])),
            }
        }
    }
    if !assumptions.is_empty() {
        // A lone value is written as a number, so a problem names `assumptions.<id>` as a
        // scenario file would.
        let members = assumptions
            .into_iter()
            .map(|(k, mut parts)| match parts.as_slice() {
                [(part, _)] if part == "value" => (k, parts.remove(0).1),
                _ => (k, Value::Object(parts)),
            })
            .collect();
        fields.push(("assumptions".into(), Value::Object(members)));
    }
    let (scenario, problems) = Scenario::restore(config, &Value::Object(fields));
    ignored.extend(problems);
    (scenario, ignored)
}

fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

/// The yearly lines of every option as CSV, in both views: one row per option, view and year,
/// year 0 holding the one-time lines, numbers exact. The `view` column is `values` (the figures
/// at the entered values, the Result's `years`) or `expected` (the means over every range,
/// whose rows add up to `expected_total`), so a spreadsheet can filter either.
pub fn csv(model: &Model, n: &dyn Numbers) -> String {
    let mut out = String::from(
        "option,view,year,licence,infrastructure,operations,self_help,downtime,compliance,migration,compliance_build,total\n",
    );
    let views = [
        ("values", model.point()),
        ("expected", model.expected_point()),
    ];
    for (i, o) in model.config.options.iter().enumerate() {
        let name = csv_field(&o.name);
        for (view, point) in &views {
            let costs = model.costs(point, i);
            let row = |year: u32, cells: [f64; 8]| {
                let total: f64 = cells.iter().sum();
                let mut line = format!("{name},{view},{year}");
                for c in cells.into_iter().chain([total]) {
                    line.push(',');
                    line.push_str(&n.exact(c));
                }
                line.push('\n');
                line
            };
            let one = costs.one_time;
            let mut cells = [0.0; 8];
            cells[6] = one.migration;
            cells[7] = one.compliance_build;
            out += &row(0, cells);
            for y in costs.years() {
                let [a, b, c, d, e, f] = y.lines();
                out += &row(y.year, [a, b, c, d, e, f, 0.0, 0.0]);
            }
        }
    }
    out
}

/// One input that differs between two scenarios, in words.
#[derive(Clone, Debug, PartialEq)]
pub struct Difference {
    pub label: String,
    pub a: String,
    pub b: String,
}

/// The inputs in which `b` differs from `a`, for presenting two scenarios side by side.
pub fn differences(
    config: &Config,
    a: &Scenario,
    b: &Scenario,
    n: &dyn Numbers,
) -> Vec<Difference> {
    let mut out = Vec::new();
    let mut cmp = |label: &str, x: String, y: String| {
        if x != y {
            out.push(Difference {
                label: label.to_owned(),
                a: x,
                b: y,
            });
        }
    };
    cmp(
        &n.t("field.team_size"),
        n.number(a.team_size),
        n.number(b.team_size),
    );
    cmp(&n.t("field.scale"), n.number(a.scale), n.number(b.scale));
    cmp(
        &n.t("field.horizon"),
        n.number(a.horizon as f64),
        n.number(b.horizon as f64),
    );
    cmp(
        &n.t("field.team_growth"),
        n.percent(a.team_growth),
        n.percent(b.team_growth),
    );
    cmp(
        &n.t("field.scale_growth"),
        n.percent(a.scale_growth),
        n.percent(b.scale_growth),
    );
    let names = |s: &Scenario| {
        let v: Vec<&str> = config
            .requirements
            .iter()
            .filter(|r| s.requires(&r.id))
            .map(|r| r.name.as_str())
            .collect();
        if v.is_empty() {
            n.t("requirements.none")
        } else {
            v.join(&n.t("list.separator"))
        }
    };
    cmp(&n.t("field.requirements"), names(a), names(b));
    for (key, spec) in Key::ALL.into_iter().zip(CATALOGUE) {
        let (x, y) = (a.assumptions.get(key), b.assumptions.get(key));
        cmp(
            &spec.label(n),
            quantity(spec.unit, x.value, n),
            quantity(spec.unit, y.value, n),
        );
    }
    out
}

/// An assumption's value in its unit, for people ("$180,000", "99.8%", "20 h", "2 weeks").
pub fn quantity(unit: Unit, x: f64, n: &dyn Numbers) -> String {
    match unit {
        Unit::Money => n.money(x),
        Unit::Fraction => n.percent(x),
        Unit::Hours => n.f("unit.hours", &[("n", &n.number(x))]),
        Unit::Weeks => n.count("unit.weeks", x, &[]),
    }
}

/// The scenario in one sentence and its selected requirements, for the printed report:
/// ("40 users growing 20% a year and 6 broker nodes growing 30% a year, over 3 years",
/// "Single sign-on, Audit logging" or "none").
pub fn scenario_words(config: &Config, s: &Scenario, n: &dyn Numbers) -> (String, String) {
    let unit = if s.scale == 1.0 {
        &config.scale_unit.one
    } else {
        &config.scale_unit.many
    };
    let growth = |g: f64| {
        if g == 0.0 {
            String::new()
        } else if g > 0.0 {
            n.f("scenario.growing", &[("share", &n.percent(g))])
        } else {
            n.f("scenario.shrinking", &[("share", &n.percent(-g))])
        }
    };
    let users = n.count(
        "scenario.users",
        s.team_size,
        &[("growth", &growth(s.team_growth))],
    );
    let args = [
        ("users", users.as_str()),
        ("units", &n.number(s.scale)),
        ("unit", unit),
        ("growth", &growth(s.scale_growth)),
        ("years", &n.count("years", s.horizon as f64, &[])),
    ];
    let sentence = n.f("scenario.sentence", &args);
    let names: Vec<&str> = config
        .requirements
        .iter()
        .filter(|r| s.requires(&r.id))
        .map(|r| r.name.as_str())
        .collect();
    let requirements = if names.is_empty() {
        n.t("requirements.none")
    } else {
        names.join(&n.t("list.separator"))
    };
    (sentence, requirements)
}
