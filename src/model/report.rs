//! The Result of spec §9: everything one evaluation tells about a scenario.

use super::config::{Config, Kind};
use super::cost::{payback_month, Costs, Model, OneTime, YearLines};
use super::scenario::Scenario;
use super::uncertainty::{MonteCarlo, SensitivityRow};
use super::wins::{Intervals, Variable};
use serde::Serialize;

/// One option's figures. Absent values are `None` (JSON `null`).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct OptionReport {
    pub id: String,
    pub name: String,
    pub kind: &'static str,
    pub qualified: bool,
    /// Ids of the selected requirements the option cannot meet.
    pub unmet: Vec<String>,
    pub years: Vec<YearLines>,
    pub one_time: OneTime,
    pub total: f64,
    pub present_cost: f64,
    /// Community's present cost minus this option's; `None` for community.
    pub savings: Option<f64>,
    /// Savings per unit of migration plus licence present value; `None` for community or
    /// when that sum is 0.
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
    /// The qualified option with the lowest present cost; `None` when none qualifies.
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
    let point = model.point();
    let c = model.community();
    let costs: Vec<Costs> = (0..config.options.len())
        .map(|i| model.costs(&point, i))
        .collect();
    let pcs: Vec<f64> = costs.iter().map(|k| k.present_cost).collect();
    let recommended = model.cheapest_qualified(&pcs);

    let options = config
        .options
        .iter()
        .enumerate()
        .map(|(i, option)| {
            let k = &costs[i];
            let paid = option.kind().is_paid();
            let savings = paid.then(|| costs[c].present_cost - k.present_cost);
            let invested = k.one_time.migration + k.licence_pv;
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
                years: k.years().to_vec(),
                one_time: k.one_time,
                total: k.total,
                present_cost: k.present_cost,
                savings,
                roi: savings.filter(|_| invested > 0.0).map(|s| s / invested),
                payback_month: if paid {
                    payback_month(k, &costs[c])
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
        recommended: recommended.map(|i| config.options[i].id.clone()),
        options,
        sensitivity_option: target.map(|i| config.options[i].id.clone()),
        sensitivity,
        monte_carlo,
    }
}

/// The paid option sensitivity speaks of: the recommended one when it is paid; otherwise the
/// cheapest qualified paid option, or the cheapest paid option when none qualifies.
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
