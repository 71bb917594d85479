//! "Show the math" for any cost line: its formula with the numbers substituted.
//!
//! A plain function of the model, so it is tested natively; the widget only passes its
//! `Intl`-backed [`Numbers`]. The verdict's words are in `verdict.rs`.

use super::assumptions::Key;
use super::config::{Charge, Config, Graduated, Terms, Treatment};
use super::cost::{Model, WEEK_HOURS, YEAR_HOURS};
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

    /// The line's name for people.
    pub fn label(self) -> &'static str {
        match self {
            Line::Licence => "Licence",
            Line::Infrastructure => "Infrastructure",
            Line::Operations => "Operations",
            Line::SelfHelp => "Self-help",
            Line::Downtime => "Downtime",
            Line::Compliance => "Compliance",
            Line::Migration => "Migration",
            Line::ComplianceBuild => "Compliance build",
        }
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
    let users = |x: f64| format!("{} user{}", n.number(x), if x == 1.0 { "" } else { "s" });
    let rate = format!(
        "{}/h (= {} ÷ {} h)",
        n.money(h),
        n.money(v.get(Key::EngineerCost)),
        n.number(v.get(Key::WorkHours))
    );
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
            parts.push(format!(
                "{} {} × {}",
                n.number(units),
                unit(units),
                n.money(c.per_unit)
            ));
        }
        if parts.is_empty() {
            n.money(0.0)
        } else {
            parts.join(" + ")
        }
    };
    let reduction = |f: f64, what: &str| {
        if f > 0.0 {
            format!(" × (1 − {} {what})", n.percent(f))
        } else {
            String::new()
        }
    };

    let (formula, value) = match line {
        Line::Licence => match o.price() {
            None => (format!("{} pays no licence", o.name), 0.0),
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
                let list = format!(
                    "platform fee {} + seats ({}) + {} {} {per_unit}",
                    n.money(price.platform_fee),
                    pieces(&price.seats, seats),
                    n.number(units),
                    unit(units),
                );
                let with_min = if price.minimum > 0.0 {
                    format!("max(minimum {}, {list})", n.money(price.minimum))
                } else {
                    list
                };
                let d = model.plans[option].discount;
                let discount = if d > 0.0 {
                    format!(" × (1 − {} term discount)", n.percent(d))
                } else {
                    String::new()
                };
                let quote = if price.quote.is_some() {
                    " (price on request: the vendor's typical deal)"
                } else {
                    ""
                };
                (
                    format!(
                        "{with_min}{discount}{quote}, for {} in year {year}",
                        users(seats)
                    ),
                    lines.licence,
                )
            }
        },
        Line::Infrastructure => match o.terms {
            Terms::Cloud { .. } => (
                format!("{} runs on the vendor's infrastructure", o.name),
                0.0,
            ),
            _ => {
                let base = v.get(Key::InfraBaseMonth);
                let base = if base > 0.0 {
                    format!("{} base + ", n.money(base))
                } else {
                    String::new()
                };
                let factor = match o.terms {
                    Terms::Enterprise { infra_factor, .. } if infra_factor != 1.0 => {
                        format!(" × {} of the community edition's", n.percent(infra_factor))
                    }
                    _ => String::new(),
                };
                (
                    format!(
                        "({base}{} {} × {}) a month × 12{factor}",
                        n.number(units),
                        unit(units),
                        n.money(v.get(Key::InfraPerUnitMonth))
                    ),
                    lines.infrastructure,
                )
            }
        },
        Line::Operations => {
            let self_hosted = format!(
                "({} h + {} h × {} {}) a month × 12 × {rate}",
                n.number(v.get(Key::OpsBaseHoursMonth)),
                n.number(v.get(Key::OpsHoursPerUnitMonth)),
                n.number(units),
                unit(units)
            );
            let text = match o.terms {
                Terms::Community => self_hosted,
                Terms::Enterprise { ops_reduction, .. } => {
                    format!("{self_hosted}{}", reduction(ops_reduction, "ops reduction"))
                }
                Terms::Cloud {
                    admin_hours_month, ..
                } => format!(
                    "{} h of admin a month × 12 × {rate}",
                    n.number(admin_hours_month)
                ),
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
            (
                format!(
                    "{} × {} h a year × {rate}{}",
                    users(seats),
                    n.number(v.get(Key::SelfhelpHoursPerSeatYear)),
                    reduction(support, "support reduction")
                ),
                lines.self_help,
            )
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
            let cut = if factor < 1.0 {
                format!(" × (1 − {} downtime reduction)", n.percent(1.0 - factor))
            } else {
                String::new()
            };
            (
                format!(
                    "{} h down ({} uptime × 8,760 h{cut}) × ({} × {} productivity lost × {rate} + {} business cost an hour)",
                    n.number(hours),
                    n.percent(availability),
                    users(seats),
                    n.percent(v.get(Key::ProductivityLoss)),
                    n.money(v.get(Key::BusinessCostPerDownHour))
                ),
                lines.downtime,
            )
        }
        Line::Compliance => {
            let mut parts = Vec::new();
            for (name, t) in &selected {
                match *t {
                    Treatment::Addon(c) => {
                        parts.push(format!("{name}: add-on {}", charge(&c, seats, units)))
                    }
                    Treatment::External(c) => {
                        parts.push(format!("{name}: third party {}", charge(&c, seats, units)))
                    }
                    Treatment::Build { weeks, upkeep } if y > 0 && upkeep > 0.0 => {
                        parts.push(format!(
                            "{name}: upkeep {} × ({} weeks × {} h × {rate})",
                            n.percent(upkeep),
                            n.number(weeks),
                            n.number(WEEK_HOURS)
                        ))
                    }
                    _ => {}
                }
            }
            if parts.is_empty() {
                (
                    "no yearly cost for the selected requirements".into(),
                    lines.compliance,
                )
            } else {
                (parts.join(" + "), lines.compliance)
            }
        }
        Line::Migration => {
            if o.kind().is_paid() {
                (
                    format!(
                        "{} weeks × {} h × {rate}, once",
                        n.number(v.get(Key::MigrationWeeks)),
                        n.number(WEEK_HOURS)
                    ),
                    costs.one_time.migration,
                )
            } else {
                (
                    "staying on the community edition needs no migration".into(),
                    0.0,
                )
            }
        }
        Line::ComplianceBuild => {
            let builds: Vec<String> = selected
                .iter()
                .filter_map(|(name, t)| match t {
                    Treatment::Build { weeks, .. } => {
                        Some(format!("{name} {} weeks", n.number(*weeks)))
                    }
                    _ => None,
                })
                .collect();
            if builds.is_empty() {
                ("nothing to build for the selected requirements".into(), 0.0)
            } else {
                (
                    format!(
                        "({}) × {} h × {rate}, once",
                        builds.join(" + "),
                        n.number(WEEK_HOURS)
                    ),
                    costs.one_time.compliance_build,
                )
            }
        }
    };
    format!("{}: {formula} = {}", line.label(), n.money(value))
}

/// How an option meets a requirement, in a few words for the requirements matrix:
/// "✓ included", "add-on $48 a user", "build it: 6 weeks", "third party $20,000 a year +
/// $150 a user", "— not available".
pub fn treatment_words(config: &Config, t: Treatment, n: &dyn Numbers) -> String {
    let charge = |c: &Charge| {
        let mut parts = Vec::new();
        if c.per_year > 0.0 {
            parts.push(format!("{} a year", n.money(c.per_year)));
        }
        if c.per_seat > 0.0 {
            parts.push(format!("{} a user", n.money(c.per_seat)));
        }
        if c.per_unit > 0.0 {
            parts.push(format!(
                "{} a {}",
                n.money(c.per_unit),
                config.scale_unit.one
            ));
        }
        if parts.is_empty() {
            n.money(0.0)
        } else {
            parts.join(" + ")
        }
    };
    match t {
        Treatment::Included => "✓ included".into(),
        Treatment::Addon(c) => format!("add-on {}", charge(&c)),
        Treatment::External(c) => format!("third party {}", charge(&c)),
        Treatment::Build { weeks, .. } => format!("build it: {} weeks", n.number(weeks)),
        Treatment::Unavailable => "— not available".into(),
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
                format!(
                    "{}: mean of low {}, value {} and high {} = {}",
                    spec.label,
                    v(t.low),
                    v(t.mode),
                    v(t.high),
                    v(mean.values.get(key))
                )
            }
            Quantity::Quote(i) => format!(
                "{}'s quoted price: the typical deal × the mean of {}, 1 and {} = × {}",
                model.config.options[i].name,
                n.number(t.low),
                n.number(t.high),
                n.number(mean.quotes[i])
            ),
        });
    }
    let w = model.scenario.assumptions.get(Key::WorkHours);
    let hours = if w.range.is_some() {
        // E[1/W] shown as 1 ÷ the hours it amounts to (its harmonic mean).
        format!(
            "E[1 ÷ hours] = 1 ÷ {} h",
            n.number(mean.values.get(Key::EngineerCost) / mean.hourly)
        )
    } else {
        format!("1 ÷ {} h", n.number(w.value))
    };
    out.push(format!(
        "Expected hourly rate: {} × {hours} = {}/h (at your figures {}/h)",
        n.money(mean.values.get(Key::EngineerCost)),
        n.money(mean.hourly),
        n.money(at.hourly)
    ));
    let horizon = model.scenario.horizon as usize;
    let factors = |p: &super::cost::Point| {
        (0..horizon)
            .map(|y| format!("year {}: {}", y + 1, n.percent(1.0 / p.deflators[y])))
            .collect::<Vec<_>>()
            .join(", ")
    };
    out.push(format!(
        "Expected discount factors E[(1 + r)^−y]: {} (at your figures {})",
        factors(&mean),
        factors(&at)
    ));
    out.push(
        "Each expected cost line is the line at these means; the expected present cost adds the \
         one-time lines and each year's lines times its expected discount factor."
            .into(),
    );
    out
}
