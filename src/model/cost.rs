//! The cost of each option, year by year (spec §3–§6). The hot path: Monte Carlo and the
//! `wins_*` search call [`Model::costs`] thousands of times, so it works on fixed-size arrays
//! and never allocates.

use super::assumptions::{Key, Values};
use super::config::{Charge, Config, OptionSpec, Price, Terms, Treatment, MAX_OPTIONS};
use super::expect::{self, Triangle};
use super::price::Limit;
use super::scenario::Scenario;
use serde::Serialize;

pub use super::decode::MAX_YEARS;

/// Hours in an engineer-week (spec §2).
pub const WEEK_HOURS: f64 = 40.0;
/// Hours in a year, for downtime (spec §3).
pub const YEAR_HOURS: f64 = 8_760.0;

/// The recurring cost lines of one year.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct YearLines {
    pub year: u32,
    pub licence: f64,
    pub infrastructure: f64,
    pub operations: f64,
    pub self_help: f64,
    pub downtime: f64,
    pub compliance: f64,
}

impl YearLines {
    /// The six recurring lines in the order licence, infrastructure, operations, self-help,
    /// downtime, compliance (`explain::Line::YEARLY`'s order).
    pub fn lines(&self) -> [f64; 6] {
        [
            self.licence,
            self.infrastructure,
            self.operations,
            self.self_help,
            self.downtime,
            self.compliance,
        ]
    }

    /// The year's recurring cost, always summed in this order so every caller agrees to the bit.
    #[inline]
    pub fn recurring(&self) -> f64 {
        self.licence
            + self.infrastructure
            + self.operations
            + self.self_help
            + self.downtime
            + self.compliance
    }
}

/// The one-time lines, booked at t = 0.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct OneTime {
    pub migration: f64,
    pub compliance_build: f64,
}

impl OneTime {
    #[inline]
    pub fn sum(&self) -> f64 {
        self.migration + self.compliance_build
    }
}

/// Everything one option costs over the horizon.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Costs {
    years: [YearLines; MAX_YEARS],
    horizon: usize,
    pub one_time: OneTime,
    /// One-time lines plus every year's recurring lines, nominal.
    pub total: f64,
    /// One-time lines plus each year's recurring lines discounted to its end.
    pub present_cost: f64,
    /// The present value of the licence lines alone, for ROI.
    pub licence_pv: f64,
}

impl Costs {
    /// The years of the horizon, year 1 first.
    pub fn years(&self) -> &[YearLines] {
        &self.years[..self.horizon]
    }
}

/// Where the model is evaluated: the inputs that analyses vary, and the quantities derived
/// from them that `costs` reads. At the entered values (or a Monte Carlo draw) the derived
/// ones follow from `values` ([`Point::derive`]); in the expected view they are the means of
/// spec §6, which are not the values' functions of the means ([`Model::expected_point`]).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Point {
    pub team_size: f64,
    pub scale: f64,
    pub values: Values,
    /// The hourly rate: E / W, or E[E]·E[1/W] in the expected view.
    pub hourly: f64,
    /// Year y's discount divisor (index y − 1): (1 + r)^y, or 1 / E[(1 + r)^−y].
    pub deflators: [f64; MAX_YEARS],
    /// Each option's quote factor q (1 for a list price), aligned with the options.
    pub quotes: [f64; MAX_OPTIONS],
}

impl Point {
    /// A point at `values`, every quote factor at 1.
    pub fn new(team_size: f64, scale: f64, values: Values, horizon: u32) -> Point {
        let mut p = Point {
            team_size,
            scale,
            values,
            hourly: 0.0,
            deflators: [1.0; MAX_YEARS],
            quotes: [1.0; MAX_OPTIONS],
        };
        p.derive(horizon);
        p
    }

    /// Sets the hourly rate and the discount divisors from `values`. Powers are repeated
    /// multiplication, so the bits are the same on every platform.
    pub fn derive(&mut self, horizon: u32) {
        self.hourly = self.values.hourly_rate();
        self.deflators = deflators(self.values.get(Key::DiscountRate), horizon);
    }
}

/// (1 + r)^y for y = 1…`horizon`; 1 past it.
pub fn deflators(rate: f64, horizon: u32) -> [f64; MAX_YEARS] {
    let mut out = [1.0; MAX_YEARS];
    let mut d = 1.0;
    for slot in out.iter_mut().take(horizon as usize) {
        d *= 1.0 + rate;
        *slot = d;
    }
    out
}

/// The parts of an option's cost that follow from the selected requirements (spec §5) and the
/// scenario's horizon, team and scale.
#[derive(Clone, Debug, PartialEq)]
pub struct Plan {
    /// Σ add-on and third-party charges.
    pub charge: Charge,
    /// Σ build weeks, paid once.
    pub build_weeks: f64,
    /// Σ upkeep × build weeks, paid every year from year 2.
    pub upkeep_weeks: f64,
    /// Indices of the selected requirements the option cannot meet.
    pub unmet: Vec<usize>,
    /// The plan limits the scenario's team or scale breaks in some year (spec §4b).
    pub limits_exceeded: Vec<Limit>,
    /// The term discount for the scenario's horizon.
    pub discount: f64,
}

/// A config and a scenario, ready to evaluate at any [`Point`].
pub struct Model<'a> {
    pub config: &'a Config,
    pub scenario: &'a Scenario,
    /// One plan per option, aligned with `config.options`.
    pub plans: Vec<Plan>,
    /// The means of spec §6 (every quantity ranged or not).
    means: Means,
}

/// What the expected view needs beyond the assumptions' means.
#[derive(Clone, Copy, Debug)]
struct Means {
    values: Values,
    /// E[1/W] when `work_hours` is ranged; `None` when it is a plain value.
    inverse_work: Option<f64>,
    deflators: [f64; MAX_YEARS],
    quotes: [f64; MAX_OPTIONS],
}

/// One uncertain quantity of spec §7: an assumption, or an option's quote factor.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Quantity {
    Assumption(Key),
    /// The quote factor of option `i`.
    Quote(usize),
}

impl<'a> Model<'a> {
    pub fn new(config: &'a Config, scenario: &'a Scenario) -> Model<'a> {
        let plans = config
            .options
            .iter()
            .enumerate()
            .map(|(i, option)| {
                let mut plan = Plan {
                    charge: Charge::default(),
                    build_weeks: 0.0,
                    upkeep_weeks: 0.0,
                    unmet: Vec::new(),
                    limits_exceeded: Vec::new(),
                    discount: option
                        .price()
                        .map_or(0.0, |p| p.term_discount(scenario.horizon)),
                };
                for (r, req) in config.requirements.iter().enumerate() {
                    if !scenario.requires(&req.id) {
                        continue;
                    }
                    match req.treatments[i] {
                        Treatment::Included => {}
                        Treatment::Addon(c) | Treatment::External(c) => plan.charge.add(&c),
                        Treatment::Build { weeks, upkeep } => {
                            plan.build_weeks += weeks;
                            plan.upkeep_weeks += upkeep * weeks;
                        }
                        Treatment::Unavailable => plan.unmet.push(r),
                    }
                }
                plan.limits_exceeded =
                    broken_limits(option, scenario, scenario.team_size, scenario.scale);
                plan
            })
            .collect();
        Model {
            config,
            scenario,
            plans,
            means: Means::of(config, scenario),
        }
    }

    /// The scenario's own point: every quantity at its entered value.
    pub fn point(&self) -> Point {
        Point::new(
            self.scenario.team_size,
            self.scenario.scale,
            self.scenario.assumptions.values(),
            self.scenario.horizon,
        )
    }

    /// The expected view's point (spec §6): every ranged quantity at its mean.
    pub fn expected_point(&self) -> Point {
        self.expected_point_with(None)
    }

    /// The expected view with one quantity fixed at a value (sensitivity, spec §7).
    pub fn expected_point_with(&self, fixed: Option<(Quantity, f64)>) -> Point {
        let m = &self.means;
        let mut values = m.values;
        let mut quotes = m.quotes;
        let mut deflators = m.deflators;
        let mut inverse_work = m.inverse_work;
        match fixed {
            None => {}
            Some((Quantity::Quote(i), x)) => quotes[i] = x,
            Some((Quantity::Assumption(key), x)) => {
                values.set(key, x);
                match key {
                    Key::WorkHours => inverse_work = None,
                    Key::DiscountRate => deflators = self::deflators(x, self.scenario.horizon),
                    _ => {}
                }
            }
        }
        let cost = values.get(Key::EngineerCost);
        Point {
            team_size: self.scenario.team_size,
            scale: self.scenario.scale,
            values,
            hourly: match inverse_work {
                Some(inv) => cost * inv,
                None => cost / values.get(Key::WorkHours),
            },
            deflators,
            quotes,
        }
    }

    pub fn community(&self) -> usize {
        self.config.community()
    }

    /// Whether option `i` meets every selected requirement and stays within its plan limits.
    pub fn qualified(&self, i: usize) -> bool {
        self.plans[i].unmet.is_empty() && self.plans[i].limits_exceeded.is_empty()
    }

    /// The costs of option `i` at point `p` (spec §3–§6).
    pub fn costs(&self, p: &Point, i: usize) -> Costs {
        let option = &self.config.options[i];
        let plan = &self.plans[i];
        let v = &p.values;
        let h = p.hourly;
        let q = p.quotes[i];
        let horizon = self.scenario.horizon as usize;
        let team_factor = 1.0 + self.scenario.team_growth;
        let scale_factor = 1.0 + self.scenario.scale_growth;
        let infra = v.get(Key::InfraPerUnitMonth);
        let infra_base = v.get(Key::InfraBaseMonth);
        let ops_base = v.get(Key::OpsBaseHoursMonth);
        let ops_per_unit = v.get(Key::OpsHoursPerUnitMonth);
        let selfhelp = v.get(Key::SelfhelpHoursPerSeatYear);
        let productivity_loss = v.get(Key::ProductivityLoss);
        let business = v.get(Key::BusinessCostPerDownHour);
        let self_hosted_down = (1.0 - v.get(Key::SelfHostedAvailability)) * YEAR_HOURS;
        let upkeep = plan.upkeep_weeks * WEEK_HOURS * h;

        // Infrastructure factor (0 for cloud), support reduction, down hours.
        let (infra_factor, support_reduction, down_hours) = match option.terms {
            Terms::Community => (1.0, 0.0, self_hosted_down),
            Terms::Enterprise {
                support_reduction,
                downtime_reduction,
                infra_factor,
                ..
            } => (
                infra_factor,
                support_reduction,
                self_hosted_down * (1.0 - downtime_reduction),
            ),
            Terms::Cloud {
                support_reduction,
                availability,
                ..
            } => (0.0, support_reduction, (1.0 - availability) * YEAR_HOURS),
        };

        let mut years = [YearLines::default(); MAX_YEARS];
        let (mut seats, mut units) = (p.team_size, p.scale);
        let (mut recurring_total, mut recurring_pv, mut licence_pv) = (0.0, 0.0, 0.0);
        for (y, line) in years.iter_mut().enumerate().take(horizon) {
            let deflator = p.deflators[y];
            let community_ops = (ops_base + ops_per_unit * units) * 12.0 * h;
            *line = YearLines {
                year: y as u32 + 1,
                licence: option
                    .price()
                    .map_or(0.0, |price| price.yearly(seats, units, plan.discount, q)),
                infrastructure: if infra_factor == 0.0 {
                    0.0
                } else {
                    (infra_base + units * infra) * 12.0 * infra_factor
                },
                operations: match option.terms {
                    Terms::Community => community_ops,
                    Terms::Enterprise { ops_reduction, .. } => {
                        community_ops * (1.0 - ops_reduction)
                    }
                    Terms::Cloud {
                        admin_hours_month, ..
                    } => admin_hours_month * 12.0 * h,
                },
                self_help: seats * selfhelp * h * (1.0 - support_reduction),
                downtime: down_hours * (seats * productivity_loss * h + business),
                compliance: plan.charge.yearly(seats, units) + if y > 0 { upkeep } else { 0.0 },
            };
            let recurring = line.recurring();
            recurring_total += recurring;
            recurring_pv += recurring / deflator;
            licence_pv += line.licence / deflator;
            seats *= team_factor;
            units *= scale_factor;
        }
        let one_time = OneTime {
            migration: if option.kind().is_paid() {
                v.get(Key::MigrationWeeks) * WEEK_HOURS * h
            } else {
                0.0
            },
            compliance_build: plan.build_weeks * WEEK_HOURS * h,
        };
        Costs {
            years,
            horizon,
            one_time,
            total: one_time.sum() + recurring_total,
            present_cost: one_time.sum() + recurring_pv,
            licence_pv,
        }
    }

    /// The present cost of every option at `p`, aligned with `config.options`.
    #[inline]
    pub fn present_costs(&self, p: &Point) -> [f64; MAX_OPTIONS] {
        let mut out = [0.0; MAX_OPTIONS];
        for (i, slot) in out.iter_mut().enumerate().take(self.config.options.len()) {
            *slot = self.costs(p, i).present_cost;
        }
        out
    }

    /// The qualified option with the lowest of `present_costs`, ties to the first listed.
    pub fn cheapest_qualified(&self, present_costs: &[f64]) -> Option<usize> {
        let mut best: Option<usize> = None;
        for i in (0..self.config.options.len()).filter(|&i| self.qualified(i)) {
            if best.is_none_or(|b| present_costs[i] < present_costs[b]) {
                best = Some(i);
            }
        }
        best
    }
}

/// The limits of spec §4b that `option` breaks in some year at this team and scale, grown
/// exactly as `costs` grows them.
pub fn broken_limits(
    option: &OptionSpec,
    scenario: &Scenario,
    team_size: f64,
    scale: f64,
) -> Vec<Limit> {
    let mut broken = Vec::new();
    if option.limits.any() {
        for (_, seats, units) in grown(scenario, team_size, scale) {
            option.limits.check(seats, units, &mut broken);
        }
        super::sort::short_by(&mut broken, |a, b| a < b);
    }
    broken
}

/// Each year of the horizon with its seats and units, `(year, seats, units)` from year 1,
/// grown exactly as `costs` grows them.
pub fn grown(
    scenario: &Scenario,
    team_size: f64,
    scale: f64,
) -> impl Iterator<Item = (u32, f64, f64)> + '_ {
    let (mut seats, mut units) = (team_size, scale);
    (1..=scenario.horizon).map(move |year| {
        let now = (year, seats, units);
        seats *= 1.0 + scenario.team_growth;
        units *= 1.0 + scenario.scale_growth;
        now
    })
}

impl Means {
    fn of(config: &Config, scenario: &Scenario) -> Means {
        let a = &scenario.assumptions;
        let mut values = a.values();
        for key in Key::ALL {
            values.set(key, expect::mean(a.get(key)));
        }
        let rate = a.get(Key::DiscountRate);
        let mut quotes = [1.0; MAX_OPTIONS];
        for (slot, option) in quotes.iter_mut().zip(&config.options) {
            if let Some(t) = option.price().and_then(quote_triangle) {
                *slot = t.mean();
            }
        }
        Means {
            values,
            inverse_work: Triangle::of(a.get(Key::WorkHours)).map(|t| expect::mean_inverse(&t)),
            deflators: match Triangle::of(rate) {
                Some(t) => expect::mean_deflators(&t, scenario.horizon as usize),
                None => deflators(rate.value, scenario.horizon),
            },
            quotes,
        }
    }
}

/// The distribution of a price's quote factor: value 1, the quote's range.
pub fn quote_triangle(price: &Price) -> Option<Triangle> {
    Triangle::around(1.0, price.quote)
}

/// Cumulative cost at the end of each month 0…12H: one-time lines at month 0, each year's
/// recurring cost spread evenly over its months, nominal (spec §6).
pub fn cumulative_months(costs: &Costs) -> Vec<f64> {
    cumulative(&costs.one_time, costs.years())
}

/// [`cumulative_months`] from the lines as a report carries them.
pub fn cumulative(one_time: &OneTime, years: &[YearLines]) -> Vec<f64> {
    let mut out = Vec::with_capacity(years.len() * 12 + 1);
    let mut start = one_time.sum();
    out.push(start);
    for y in years {
        let r = y.recurring();
        for month in 1..=12u32 {
            out.push(start + r * (month as f64 / 12.0));
        }
        start += r;
    }
    out
}

/// The first month in 1…12H when option `o`'s cumulative cost is at most `base`'s (spec §6).
pub fn payback_month(o: &Costs, base: &Costs) -> Option<u32> {
    let (co, cb) = (cumulative_months(o), cumulative_months(base));
    (1..co.len()).find(|&m| co[m] <= cb[m]).map(|m| m as u32)
}
