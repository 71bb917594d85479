//! The cost of each option, year by year (spec §3–§6). The hot path: Monte Carlo and the
//! `wins_*` search call [`Model::costs`] thousands of times, so it works on fixed-size arrays
//! and never allocates.

use super::assumptions::{Key, Values};
use super::config::{Config, Terms, Treatment};
use super::scenario::Scenario;
use serde::Serialize;

/// The longest horizon (spec §2).
pub const MAX_YEARS: usize = 10;
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

/// Where the model is evaluated: the inputs that analyses vary.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Point {
    pub team_size: f64,
    pub scale: f64,
    pub values: Values,
}

/// The parts of an option's cost that follow from the selected requirements (spec §5).
#[derive(Clone, Debug, PartialEq)]
pub struct Plan {
    /// Σ addon and external `per_year`.
    pub per_year: f64,
    /// Σ build weeks, paid once.
    pub build_weeks: f64,
    /// Σ upkeep × build weeks, paid every year from year 2.
    pub upkeep_weeks: f64,
    /// Indices of the selected requirements the option cannot meet.
    pub unmet: Vec<usize>,
    /// The term discount for the scenario's horizon.
    pub discount: f64,
}

/// A config and a scenario, ready to evaluate at any [`Point`].
pub struct Model<'a> {
    pub config: &'a Config,
    pub scenario: &'a Scenario,
    /// One plan per option, aligned with `config.options`.
    pub plans: Vec<Plan>,
}

impl<'a> Model<'a> {
    pub fn new(config: &'a Config, scenario: &'a Scenario) -> Model<'a> {
        let plans = config
            .options
            .iter()
            .enumerate()
            .map(|(i, option)| {
                let mut plan = Plan {
                    per_year: 0.0,
                    build_weeks: 0.0,
                    upkeep_weeks: 0.0,
                    unmet: Vec::new(),
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
                        Treatment::Addon { per_year } | Treatment::External { per_year } => {
                            plan.per_year += per_year
                        }
                        Treatment::Build { weeks, upkeep } => {
                            plan.build_weeks += weeks;
                            plan.upkeep_weeks += upkeep * weeks;
                        }
                        Treatment::Unavailable => plan.unmet.push(r),
                    }
                }
                plan
            })
            .collect();
        Model {
            config,
            scenario,
            plans,
        }
    }

    /// The scenario's own point.
    pub fn point(&self) -> Point {
        Point {
            team_size: self.scenario.team_size,
            scale: self.scenario.scale,
            values: self.scenario.assumptions.values(),
        }
    }

    pub fn community(&self) -> usize {
        self.config.community()
    }

    /// Whether option `i` meets every selected requirement.
    pub fn qualified(&self, i: usize) -> bool {
        self.plans[i].unmet.is_empty()
    }

    /// The costs of option `i` at point `p` (spec §3–§6).
    pub fn costs(&self, p: &Point, i: usize) -> Costs {
        let option = &self.config.options[i];
        let plan = &self.plans[i];
        let v = &p.values;
        let h = v.hourly_rate();
        let horizon = self.scenario.horizon as usize;
        let team_factor = 1.0 + self.scenario.team_growth;
        let scale_factor = 1.0 + self.scenario.scale_growth;
        let rate_factor = 1.0 + v.get(Key::DiscountRate);
        let infra = v.get(Key::InfraPerUnitMonth);
        let ops_base = v.get(Key::OpsBaseHoursMonth);
        let ops_per_unit = v.get(Key::OpsHoursPerUnitMonth);
        let selfhelp = v.get(Key::SelfhelpHoursPerSeatYear);
        let productivity_loss = v.get(Key::ProductivityLoss);
        let business = v.get(Key::BusinessCostPerDownHour);
        let self_hosted_down = (1.0 - v.get(Key::SelfHostedAvailability)) * YEAR_HOURS;
        let upkeep = plan.upkeep_weeks * WEEK_HOURS * h;

        // (self-hosts, ops factor or None for cloud admin, support reduction, down hours)
        let (self_hosts, support_reduction, down_hours) = match option.terms {
            Terms::Community => (true, 0.0, self_hosted_down),
            Terms::Enterprise {
                support_reduction,
                downtime_reduction,
                ..
            } => (
                true,
                support_reduction,
                self_hosted_down * (1.0 - downtime_reduction),
            ),
            Terms::Cloud {
                support_reduction,
                availability,
                ..
            } => (false, support_reduction, (1.0 - availability) * YEAR_HOURS),
        };

        let mut years = [YearLines::default(); MAX_YEARS];
        let (mut seats, mut units, mut discount) = (p.team_size, p.scale, 1.0);
        let (mut recurring_total, mut recurring_pv, mut licence_pv) = (0.0, 0.0, 0.0);
        for (y, line) in years.iter_mut().enumerate().take(horizon) {
            discount *= rate_factor;
            let community_ops = (ops_base + ops_per_unit * units) * 12.0 * h;
            *line = YearLines {
                year: y as u32 + 1,
                licence: option
                    .price()
                    .map_or(0.0, |price| price.yearly(seats, units, plan.discount)),
                infrastructure: if self_hosts {
                    units * infra * 12.0
                } else {
                    0.0
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
                compliance: plan.per_year + if y > 0 { upkeep } else { 0.0 },
            };
            let recurring = line.recurring();
            recurring_total += recurring;
            recurring_pv += recurring / discount;
            licence_pv += line.licence / discount;
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
    pub fn present_costs(&self, p: &Point) -> [f64; 3] {
        let mut out = [0.0; 3];
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
