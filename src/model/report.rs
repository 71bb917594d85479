//! The Result of spec §9: everything one evaluation tells about a scenario.

use super::config::{Config, Kind, MODEL};
use super::cost::{payback_month, Costs, Model, OneTime, YearLines};
use super::scenario::Scenario;
use super::uncertainty::{MonteCarlo, SensitivityRow};
use super::wins::{Intervals, Variable};
use serde::Serialize;

/// The smallest ROI denominator (migration plus licence present value) that counts: one cent.
/// Below it ROI is `None`, as for 0: a free option with a negligible migration has no
/// meaningful return ratio, and dividing by a subnormal amount would give infinity.
pub const MIN_INVESTMENT: f64 = 0.01;

/// One option's figures. Absent values are `None` (JSON `null`).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct OptionReport {
    pub id: String,
    pub name: String,
    pub kind: &'static str,
    /// Meets every selected requirement and stays within its plan limits.
    pub qualified: bool,
    /// Ids of the selected requirements the option cannot meet.
    pub unmet: Vec<String>,
    /// The plan limits (spec §4b) the scenario breaks in some year.
    pub limits_exceeded: Vec<&'static str>,
    /// Whether the price is on request (a quote): figures use the typical deal.
    pub quoted: bool,
    /// The lines at the entered values.
    pub years: Vec<YearLines>,
    pub one_time: OneTime,
    pub total: f64,
    pub present_cost: f64,
    /// The means of `total` and `present_cost` over every range (spec §6).
    pub expected_total: f64,
    pub expected_present_cost: f64,
    /// Community's expected present cost minus this option's; `None` for community.
    pub savings: Option<f64>,
    /// The same at the entered values.
    pub savings_at_values: Option<f64>,
    /// Savings per unit of expected migration plus licence present value; `None` for
    /// community or when that sum is 0.
    pub roi: Option<f64>,
    /// `None` for community, or when the option never catches up within the horizon.
    pub payback_month: Option<u32>,
    /// `None` for community.
    pub wins_team_size: Option<Intervals>,
    pub wins_scale: Option<Intervals>,
}

/// The Result of spec §9.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Report {
    /// The model of the contract these figures follow: 2.
    pub model: u8,
    /// The qualified option with the lowest expected present cost; `None` when none qualifies.
    pub recommended: Option<String>,
    pub options: Vec<OptionReport>,
    /// The option the sensitivity rows are about.
    pub sensitivity_option: Option<String>,
    pub sensitivity: Vec<SensitivityRow>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub monte_carlo: Option<MonteCarlo>,
}

/// How much of the analysis to run: the widget computes the cheap parts on every keystroke
/// and the rest when typing pauses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Depth {
    pub wins: bool,
    pub sensitivity: bool,
    /// Runs Monte Carlo when the scenario asks for it.
    pub monte_carlo: bool,
}

impl Depth {
    pub const FULL: Depth = Depth {
        wins: true,
        sensitivity: true,
        monte_carlo: true,
    };
    pub const COSTS: Depth = Depth {
        wins: false,
        sensitivity: false,
        monte_carlo: false,
    };
}

/// Evaluates `scenario` under `config` completely (spec §3–§7).
pub fn evaluate(config: &Config, scenario: &Scenario) -> Report {
    evaluate_to(config, scenario, Depth::FULL)
}

/// Evaluates as deep as `depth` says; the parts left out are empty.
pub fn evaluate_to(config: &Config, scenario: &Scenario, depth: Depth) -> Report {
    let model = Model::new(config, scenario);
    let (point, mean) = (model.point(), model.expected_point());
    let c = model.community();
    let costs: Vec<Costs> = (0..config.options.len())
        .map(|i| model.costs(&point, i))
        .collect();
    let expected: Vec<Costs> = (0..config.options.len())
        .map(|i| model.costs(&mean, i))
        .collect();
    // Decisions are taken on the expected view (spec §6).
    let pcs: Vec<f64> = expected.iter().map(|k| k.present_cost).collect();
    let recommended = model.cheapest_qualified(&pcs);

    let options = config
        .options
        .iter()
        .enumerate()
        .map(|(i, option)| {
            let (k, e) = (&costs[i], &expected[i]);
            let paid = option.kind().is_paid();
            let savings = paid.then(|| expected[c].present_cost - e.present_cost);
            let invested = e.one_time.migration + e.licence_pv;
            OptionReport {
                id: option.id.clone(),
                name: option.name.clone(),
                kind: option.kind().as_str(),
                qualified: model.qualified(i),
                unmet: model.plans[i]
                    .unmet
                    .iter()
                    .map(|&r| config.requirements[r].id.clone())
                    .collect(),
                limits_exceeded: model.plans[i]
                    .limits_exceeded
                    .iter()
                    .map(|l| l.as_str())
                    .collect(),
                quoted: option.price().is_some_and(|p| p.quote.is_some()),
                years: k.years().to_vec(),
                one_time: k.one_time,
                total: k.total,
                present_cost: k.present_cost,
                expected_total: e.total,
                expected_present_cost: e.present_cost,
                savings,
                savings_at_values: paid.then(|| costs[c].present_cost - k.present_cost),
                roi: savings
                    .filter(|_| invested >= MIN_INVESTMENT)
                    .map(|s| s / invested),
                payback_month: if paid {
                    payback_month(e, &expected[c])
                } else {
                    None
                },
                wins_team_size: (paid && depth.wins).then(|| model.wins(i, Variable::TeamSize)),
                wins_scale: (paid && depth.wins).then(|| model.wins(i, Variable::Scale)),
            }
        })
        .collect();

    let target = sensitivity_target(config, &model, &pcs, recommended);
    let sensitivity = match (depth.sensitivity, target) {
        (true, Some(t)) => model.sensitivity(t),
        _ => Vec::new(),
    };
    let monte_carlo = match (depth.monte_carlo, scenario.monte_carlo) {
        (true, Some(mc)) => Some(model.monte_carlo(mc.draws, mc.seed)),
        _ => None,
    };
    Report {
        model: MODEL,
        recommended: recommended.map(|i| config.options[i].id.clone()),
        options,
        sensitivity_option: target.map(|i| config.options[i].id.clone()),
        sensitivity,
        monte_carlo,
    }
}

/// The paid option sensitivity speaks of: the recommended one when it is paid; otherwise the
/// qualified paid option with the lowest expected present cost (`pcs`), or the cheapest paid
/// option when none qualifies.
fn sensitivity_target(
    config: &Config,
    model: &Model,
    pcs: &[f64],
    recommended: Option<usize>,
) -> Option<usize> {
    if let Some(r) = recommended.filter(|&r| config.options[r].kind() != Kind::Community) {
        return Some(r);
    }
    let cheapest = |qualified_only: bool| {
        (0..config.options.len())
            .filter(|&i| {
                config.options[i].kind().is_paid() && (!qualified_only || model.qualified(i))
            })
            .fold(None, |best: Option<usize>, i| match best {
                Some(b) if pcs[b] <= pcs[i] => Some(b),
                _ => Some(i),
            })
    };
    cheapest(true).or_else(|| cheapest(false))
}
