//! "Show the math" for any cost line: its formula with the numbers substituted.
//!
//! A plain function of the model, so it is tested natively; the widget only passes its
//! `Intl`-backed [`Numbers`]. The verdict's words are in `verdict.rs`.

use super::assumptions::Key;
use super::config::{Charge, Config, Graduated, Terms, Treatment};
use super::cost::{Model, WEEK_HOURS, YEAR_HOURS};
use super::messages::pairs;
use super::numbers::Numbers;

/// A cost line of one option.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Line {
    Licence,
    Infrastructure,
    Operations,
    SelfHelp,
    Downtime,
    Compliance,
    Migration,
    ComplianceBuild,
}

impl Line {
    pub const YEARLY: [Line; 6] = [
        Line::Licence,
        Line::Infrastructure,
        Line::Operations,
        Line::SelfHelp,
        Line::Downtime,
        Line::Compliance,
    ];
    pub const ONE_TIME: [Line; 2] = [Line::Migration, Line::ComplianceBuild];

    /// The line's message id.
    pub fn id(self) -> &'static str {
        match self {
            Line::Licence => "line.licence",
            Line::Infrastructure => "line.infrastructure",
            Line::Operations => "line.operations",
            Line::SelfHelp => "line.self_help",
            Line::Downtime => "line.downtime",
            Line::Compliance => "line.compliance",
            Line::Migration => "line.migration",
            Line::ComplianceBuild => "line.compliance_build",
        }
    }

    /// The line's name for people.
    pub fn label(self, n: &dyn Numbers) -> String {
        n.t(self.id())
    }
}

/// "Show the math": the formula of one cost line with the actual numbers substituted, ending
/// in the line's value. `year` counts from 1 and is ignored for one-time lines.
pub fn explain(model: &Model, option: usize, year: u32, line: Line, n: &dyn Numbers) -> String {
    let config = model.config;
    let scenario = model.scenario;
    let o = &config.options[option];
    let point = model.point();
    let v = &point.values;
    let h = v.hourly_rate();
    let costs = model.costs(&point, option);
    let y = (year.clamp(1, scenario.horizon) - 1) as usize;
    // Seats and units of year y, grown exactly as the engine grows them.
    let (mut seats, mut units) = (scenario.team_size, scenario.scale);
    for _ in 0..y {
        seats *= 1.0 + scenario.team_growth;
        units *= 1.0 + scenario.scale_growth;
    }
    let unit = |x: f64| {
        if x == 1.0 {
            config.scale_unit.one.clone()
        } else {
            config.scale_unit.many.clone()
        }
    };
    let users = |x: f64| n.count("math.users", x, &[]);
    let rate = n.f(
        "math.rate",
        &[
            ("rate", &n.money(h)),
            ("cost", &n.money(v.get(Key::EngineerCost))),
            ("hours", &n.number(v.get(Key::WorkHours))),
        ],
    );
    let rate = rate.as_str();
    let lines = costs.years()[y];
    let selected: Vec<(&str, Treatment)> = config
        .requirements
        .iter()
        .filter(|r| scenario.requires(&r.id))
        .map(|r| (r.name.as_str(), r.treatments[option]))
        .collect();
    // An add-on's yearly charge, part by part.
    let charge = |c: &Charge, seats: f64, units: f64| {
        let mut parts = Vec::new();
        if c.per_year > 0.0 {
            parts.push(n.money(c.per_year));
        }
        if c.per_seat > 0.0 {
            parts.push(format!("{} × {}", users(seats), n.money(c.per_seat)));
        }
        if c.per_unit > 0.0 {
            let args = [
                ("units", n.number(units)),
                ("unit", unit(units)),
                ("price", n.money(c.per_unit)),
            ];
            parts.push(n.f("math.times_units", &pairs(&args)));
        }
        if parts.is_empty() {
            n.money(0.0)
        } else {
            parts.join(" + ")
        }
    };
    // " × (1 − 30% ops reduction)", or nothing.
    let reduction = |f: f64, id: &str| {
        if f > 0.0 {
            n.f(id, &[("share", &n.percent(f))])
        } else {
            String::new()
        }
    };

    let (formula, value) = match line {
        Line::Licence => match o.price() {
            None => (n.f("math.no_licence", &[("option", &o.name)]), 0.0),
            Some(price) => {
                let pieces = |g: &Graduated, x: f64| {
                    let parts: Vec<String> = g
                        .pieces(x)
                        .into_iter()
                        .map(|(count, per)| format!("{} × {}", n.number(count), n.money(per)))
                        .collect();
                    if parts.is_empty() {
                        n.money(0.0)
                    } else {
                        parts.join(" + ")
                    }
                };
                // Graduated units show each band; a linear price reads "6 nodes × $2,400".
                let per_unit = if price.unit_bands {
                    format!("({})", pieces(&price.units, units))
                } else {
                    format!(
                        "× {}",
                        n.money(price.units.bands.first().map_or(0.0, |b| b.per))
                    )
                };
                let args = [
                    ("fee", n.money(price.platform_fee)),
                    ("seats", pieces(&price.seats, seats)),
                    ("units", n.number(units)),
                    ("unit", unit(units)),
                    ("per_unit", per_unit),
                ];
                let list = n.f("math.licence_list", &pairs(&args));
                let with_min = if price.minimum > 0.0 {
                    let args = [("minimum", n.money(price.minimum)), ("list", list)];
                    n.f("math.minimum", &pairs(&args))
                } else {
                    list
                };
                let discount = reduction(model.plans[option].discount, "math.term_discount");
                let quote = if price.quote.is_some() {
                    n.t("math.quoted")
                } else {
                    String::new()
                };
                let args = [
                    ("price", with_min),
                    ("discount", discount),
                    ("quote", quote),
                    ("users", users(seats)),
                    ("year", n.number(year as f64)),
                ];
                (n.f("math.licence", &pairs(&args)), lines.licence)
            }
        },
        Line::Infrastructure => match o.terms {
            Terms::Cloud { .. } => (n.f("math.infra_cloud", &[("option", &o.name)]), 0.0),
            _ => {
                let base = v.get(Key::InfraBaseMonth);
                let base = if base > 0.0 {
                    n.f("math.infra_base", &[("amount", &n.money(base))])
                } else {
                    String::new()
                };
                let factor = match o.terms {
                    Terms::Enterprise { infra_factor, .. } if infra_factor != 1.0 => {
                        n.f("math.infra_factor", &[("share", &n.percent(infra_factor))])
                    }
                    _ => String::new(),
                };
                let args = [
                    ("base", base),
                    ("units", n.number(units)),
                    ("unit", unit(units)),
                    ("price", n.money(v.get(Key::InfraPerUnitMonth))),
                    ("factor", factor),
                ];
                (n.f("math.infra", &pairs(&args)), lines.infrastructure)
            }
        },
        Line::Operations => {
            let args = [
                ("base", n.number(v.get(Key::OpsBaseHoursMonth))),
                ("per_unit", n.number(v.get(Key::OpsHoursPerUnitMonth))),
                ("units", n.number(units)),
                ("unit", unit(units)),
                ("rate", rate.to_owned()),
            ];
            let self_hosted = n.f("math.ops", &pairs(&args));
            let text = match o.terms {
                Terms::Community => self_hosted,
                Terms::Enterprise { ops_reduction, .. } => {
                    format!(
                        "{self_hosted}{}",
                        reduction(ops_reduction, "math.ops_reduction")
                    )
                }
                Terms::Cloud {
                    admin_hours_month, ..
                } => {
                    let hours = n.number(admin_hours_month);
                    n.f("math.ops_cloud", &[("hours", &hours), ("rate", rate)])
                }
            };
            (text, lines.operations)
        }
        Line::SelfHelp => {
            let support = match o.terms {
                Terms::Community => 0.0,
                Terms::Enterprise {
                    support_reduction, ..
                }
                | Terms::Cloud {
                    support_reduction, ..
                } => support_reduction,
            };
            let args = [
                ("users", users(seats)),
                ("hours", n.number(v.get(Key::SelfhelpHoursPerSeatYear))),
                ("rate", rate.to_owned()),
                ("reduction", reduction(support, "math.support_reduction")),
            ];
            (n.f("math.self_help", &pairs(&args)), lines.self_help)
        }
        Line::Downtime => {
            let (availability, factor) = match o.terms {
                Terms::Community => (v.get(Key::SelfHostedAvailability), 1.0),
                Terms::Enterprise {
                    downtime_reduction, ..
                } => (v.get(Key::SelfHostedAvailability), 1.0 - downtime_reduction),
                Terms::Cloud { availability, .. } => (availability, 1.0),
            };
            let hours = (1.0 - availability) * YEAR_HOURS * factor;
            let args = [
                ("hours", n.number(hours)),
                ("uptime", n.percent(availability)),
                ("year_hours", n.number(YEAR_HOURS)),
                ("cut", reduction(1.0 - factor, "math.downtime_reduction")),
                ("users", users(seats)),
                ("loss", n.percent(v.get(Key::ProductivityLoss))),
                ("rate", rate.to_owned()),
                ("business", n.money(v.get(Key::BusinessCostPerDownHour))),
            ];
            (n.f("math.downtime", &pairs(&args)), lines.downtime)
        }
        Line::Compliance => {
            let mut parts = Vec::new();
            for (name, t) in &selected {
                let part = |id: &str, c: &Charge| {
                    let args = [("requirement", *name), ("charge", &charge(c, seats, units))];
                    n.f(id, &args)
                };
                match *t {
                    Treatment::Addon(c) => parts.push(part("math.addon", &c)),
                    Treatment::External(c) => parts.push(part("math.external", &c)),
                    Treatment::Build { weeks, upkeep } if y > 0 && upkeep > 0.0 => {
                        let args = [
                            ("requirement", name.to_string()),
                            ("share", n.percent(upkeep)),
                            ("weeks", n.number(weeks)),
                            ("hours", n.number(WEEK_HOURS)),
                            ("rate", rate.to_owned()),
                        ];
                        parts.push(n.f("math.upkeep", &pairs(&args)))
                    }
                    _ => {}
                }
            }
            if parts.is_empty() {
                (n.t("math.no_compliance"), lines.compliance)
            } else {
                (parts.join(" + "), lines.compliance)
            }
        }
        Line::Migration => {
            if o.kind().is_paid() {
                let args = [
                    ("weeks", n.number(v.get(Key::MigrationWeeks))),
                    ("hours", n.number(WEEK_HOURS)),
                    ("rate", rate.to_owned()),
                ];
                (
                    n.f("math.migration", &pairs(&args)),
                    costs.one_time.migration,
                )
            } else {
                (n.t("math.no_migration"), 0.0)
            }
        }
        Line::ComplianceBuild => {
            let builds: Vec<String> = selected
                .iter()
                .filter_map(|(name, t)| match t {
                    Treatment::Build { weeks, .. } => {
                        let weeks = n.number(*weeks);
                        Some(n.f(
                            "math.build_item",
                            &[("requirement", name), ("weeks", &weeks)],
                        ))
                    }
                    _ => None,
                })
                .collect();
            if builds.is_empty() {
                (n.t("math.no_build"), 0.0)
            } else {
                let args = [
                    ("builds", builds.join(" + ")),
                    ("hours", n.number(WEEK_HOURS)),
                    ("rate", rate.to_owned()),
                ];
                (
                    n.f("math.build", &pairs(&args)),
                    costs.one_time.compliance_build,
                )
            }
        }
    };
    let args = [
        ("line", line.label(n)),
        ("formula", formula),
        ("value", n.money(value)),
    ];
    n.f("math.line", &pairs(&args))
}

/// How an option meets a requirement, in a few words for the requirements matrix:
/// "✓ included", "add-on $48 a user", "build it: 6 weeks", "third party $20,000 a year +
/// $150 a user", "— not available".
pub fn treatment_words(config: &Config, t: Treatment, n: &dyn Numbers) -> String {
    let charge = |c: &Charge| {
        let mut parts = Vec::new();
        if c.per_year > 0.0 {
            parts.push(n.f("charge.per_year", &[("amount", &n.money(c.per_year))]));
        }
        if c.per_seat > 0.0 {
            parts.push(n.f("charge.per_user", &[("amount", &n.money(c.per_seat))]));
        }
        if c.per_unit > 0.0 {
            let args = [
                ("amount", n.money(c.per_unit)),
                ("unit", config.scale_unit.one.clone()),
            ];
            parts.push(n.f("charge.per_unit", &pairs(&args)));
        }
        if parts.is_empty() {
            n.money(0.0)
        } else {
            parts.join(" + ")
        }
    };
    match t {
        Treatment::Included => n.t("treatment.included"),
        Treatment::Addon(c) => n.f("treatment.addon", &[("charge", &charge(&c))]),
        Treatment::External(c) => n.f("treatment.external", &[("charge", &charge(&c))]),
        Treatment::Build { weeks, .. } => n.f("treatment.build", &[("weeks", &n.number(weeks))]),
        Treatment::Unavailable => n.t("treatment.unavailable"),
    }
}

/// "Show the math" for the expected view (spec §6): the mean of each ranged input, the
/// expected hourly rate through E[1/W], and the expected discount factors, each beside its
/// value at the entered figures. One line each, for a list.
pub fn explain_expected(model: &Model, n: &dyn Numbers) -> Vec<String> {
    use super::assumptions::CATALOGUE;
    use super::cost::Quantity;
    use super::share::quantity;
    let (at, mean) = (model.point(), model.expected_point());
    let mut out = Vec::new();
    for (q, t) in model.uncertain() {
        out.push(match q {
            Quantity::Assumption(key) => {
                let spec = &CATALOGUE[key as usize];
                let v = |x: f64| quantity(spec.unit, x, n);
                let args = [
                    ("assumption", spec.label(n)),
                    ("low", v(t.low)),
                    ("value", v(t.mode)),
                    ("high", v(t.high)),
                    ("mean", v(mean.values.get(key))),
                ];
                n.f("math.expected_assumption", &pairs(&args))
            }
            Quantity::Quote(i) => {
                let args = [
                    ("option", model.config.options[i].name.clone()),
                    ("low", n.number(t.low)),
                    ("high", n.number(t.high)),
                    ("mean", n.number(mean.quotes[i])),
                ];
                n.f("math.expected_quote", &pairs(&args))
            }
        });
    }
    let w = model.scenario.assumptions.get(Key::WorkHours);
    let hours = if w.range.is_some() {
        // E[1/W] shown as 1 ÷ the hours it amounts to (its harmonic mean).
        let hours = n.number(mean.values.get(Key::EngineerCost) / mean.hourly);
        n.f("math.expected_hours_ranged", &[("hours", &hours)])
    } else {
        n.f("math.expected_hours", &[("hours", &n.number(w.value))])
    };
    let args = [
        ("cost", n.money(mean.values.get(Key::EngineerCost))),
        ("hours", hours),
        ("rate", n.money(mean.hourly)),
        ("at", n.money(at.hourly)),
    ];
    out.push(n.f("math.expected_rate", &pairs(&args)));
    let horizon = model.scenario.horizon as usize;
    let factors = |p: &super::cost::Point| {
        (0..horizon)
            .map(|y| {
                let args = [
                    ("year", n.number(y as f64 + 1.0)),
                    ("factor", n.percent(1.0 / p.deflators[y])),
                ];
                n.f("math.discount_year", &pairs(&args))
            })
            .collect::<Vec<_>>()
            .join(&n.t("list.separator"))
    };
    let args = [("mean", factors(&mean)), ("at", factors(&at))];
    out.push(n.f("math.expected_discount", &pairs(&args)));
    out.push(n.t("math.expected_note"));
    out
}
