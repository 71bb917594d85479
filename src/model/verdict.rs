//! The verdict in words: who pays off, by about how much, and how sure the simulation is
//! (issue 10's wording), and why an option is ruled out.
//!
//! The recommendation rests on the exact expected cost, so the sentence's subject never
//! changes when Monte Carlo finishes; only the confidence clause arrives then. Money reads to
//! three significant figures ("about $120K") and shares as "7 in 10": no false precision.

use super::assumptions::{Key, CATALOGUE};
use super::config::Config;
use super::cost::grown;
use super::messages::pairs;
use super::numbers::{within, Numbers};
use super::price::Limit;
use super::report::{OptionReport, Report};
use super::scenario::Scenario;
use super::uncertainty::MonteCarlo;

/// How sure the simulation is that the recommended option is the cheapest.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Confidence {
    /// Cheapest in at least 8 of 10 simulated futures.
    Clear,
    /// Cheapest in 6 to 8 of 10.
    Likely,
    /// Cheapest in fewer than 6 of 10, or ahead of the runner-up by under 2% of its cost.
    CloseCall,
}

/// The share at and above which the verdict is clear.
pub const CLEAR: f64 = 0.8;
/// The share at and above which it is likely.
pub const LIKELY: f64 = 0.6;
/// A lead under this fraction of the cheaper expected cost is a close call, whatever the
/// simulation says.
pub const NARROW: f64 = 0.02;

fn years(n: u32, words: &dyn Numbers) -> String {
    words.count("years", n as f64, &[])
}

/// Names of requirements by id, joined for a sentence.
fn requirement_names(config: &Config, ids: &[String], n: &dyn Numbers) -> String {
    ids.iter()
        .map(|id| {
            config
                .requirements
                .iter()
                .find(|r| &r.id == id)
                .map_or(id.as_str(), |r| r.name.as_str())
        })
        .collect::<Vec<_>>()
        .join(&n.t("list.separator"))
}

/// A share of simulated futures for people: "7 of 10", never "68.43%".
pub fn share_words(share: f64, n: &dyn Numbers) -> String {
    if share >= 1.0 {
        return n.t("share.all");
    }
    if share <= 0.0 {
        return n.t("share.none");
    }
    if share < 0.1 {
        return n.t("share.under_one");
    }
    // Whole tenths, rounded down, so the words agree with the thresholds ("likely" is 6 or 7
    // of 10, "clear" 8 or more), and never "10 of 10" when it is not every one.
    let tenths = within((share * 10.0).floor(), 1.0, 9.0);
    n.f("share.tenths", &[("tenths", &n.number(tenths))])
}

/// The qualified option other than `best` with the lowest expected present cost.
fn runner_up<'a>(report: &'a Report, best: &OptionReport) -> Option<&'a OptionReport> {
    report
        .options
        .iter()
        .filter(|o| o.qualified && o.id != best.id)
        .min_by(|a, b| a.expected_present_cost.total_cmp(&b.expected_present_cost))
}

/// How sure the verdict is: from the recommended option's share of the simulated futures
/// (`None` until Monte Carlo has run), and from its lead over the runner-up.
pub fn confidence(report: &Report, mc: Option<&MonteCarlo>) -> Option<Confidence> {
    let best = report
        .options
        .iter()
        .find(|o| Some(&o.id) == report.recommended.as_ref())?;
    if let Some(next) = runner_up(report, best) {
        if next.expected_present_cost - best.expected_present_cost
            < NARROW * best.expected_present_cost
        {
            return Some(Confidence::CloseCall);
        }
    }
    let share = mc?
        .options
        .iter()
        .find(|o| o.id == best.id)?
        .cheapest_share?;
    Some(if share >= CLEAR {
        Confidence::Clear
    } else if share >= LIKELY {
        Confidence::Likely
    } else {
        Confidence::CloseCall
    })
}

/// The share of simulated futures in which option `id` is the cheapest, when known.
fn share_of(mc: Option<&MonteCarlo>, id: &str) -> Option<f64> {
    mc?.options.iter().find(|o| o.id == id)?.cheapest_share
}

/// What decides a close call: the input whose range moves the savings most (spec §7's top
/// sensitivity row), in words.
fn decider(config: &Config, report: &Report, n: &dyn Numbers) -> Option<String> {
    let top = report.sensitivity.first()?;
    if let Some(id) = top.assumption.strip_prefix("quote:") {
        let name = config
            .options
            .iter()
            .find(|o| o.id == id)
            .map_or(id, |o| o.name.as_str());
        return Some(n.f("verdict.decider_quote", &[("option", name)]));
    }
    Key::from_id(&top.assumption).map(|k| CATALOGUE[k as usize].label(n))
}

/// The verdict in one or two plain sentences (see the module's comment).
pub fn verdict(
    config: &Config,
    scenario: &Scenario,
    report: &Report,
    mc: Option<&MonteCarlo>,
    n: &dyn Numbers,
) -> String {
    let over = years(scenario.horizon, n);
    let over = over.as_str();
    let Some(best) = report
        .options
        .iter()
        .find(|o| Some(&o.id) == report.recommended.as_ref())
    else {
        let why: Vec<String> = report
            .options
            .iter()
            .map(|o| {
                let reason = disqualified_because(config, scenario, o, n);
                n.f(
                    "verdict.option_reason",
                    &[("option", &o.name), ("reason", &reason)],
                )
            })
            .collect();
        let reasons = why.join(&n.t("list.clauses"));
        return n.f("verdict.none_fits", &[("reasons", &reasons)]);
    };
    let community = &report.options[config.community()];
    let next = runner_up(report, best);
    let sure = confidence(report, mc);
    let share = share_of(mc, &best.id);
    // " — cheapest in 7 of 10 simulated futures", once Monte Carlo has run.
    let futures = |id: &str| {
        share
            .map(|s| n.f(id, &[("share", &share_words(s, n))]))
            .unwrap_or_default()
    };

    if sure == Some(Confidence::CloseCall) {
        let Some(next) = next else {
            return n.f(
                "verdict.costs_least",
                &[("option", &best.name), ("years", over)],
            );
        };
        let lead = n.about(next.expected_present_cost - best.expected_present_cost);
        let decides = decider(config, report, n)
            .map(|d| n.f("verdict.decides", &[("decider", &d)]))
            .unwrap_or_default();
        let cheaper = futures("verdict.close_cheaper_in");
        let args = [
            ("best", best.name.as_str()),
            ("next", next.name.as_str()),
            ("lead", lead.as_str()),
            ("years", over),
            ("cheaper", cheaper.as_str()),
            ("decides", decides.as_str()),
        ];
        return n.f("verdict.close_call", &args);
    }

    // Each sentence has a "likely" form of its own: where the word goes depends on the language.
    let likely = sure == Some(Confidence::Likely);
    let pick = |clear: &'static str, probably: &'static str| if likely { probably } else { clear };
    match best.savings {
        // Community is recommended.
        None => match next {
            Some(p) => {
                let amount = n.about(p.expected_present_cost - best.expected_present_cost);
                let futures = futures("verdict.cheaper_in");
                let args = [
                    ("community", best.name.as_str()),
                    ("amount", amount.as_str()),
                    ("years", over),
                    ("paid", p.name.as_str()),
                    ("futures", futures.as_str()),
                ];
                n.f(pick("verdict.stay", "verdict.stay_likely"), &args)
            }
            None => n.f(
                "verdict.stay_no_paid",
                &[("futures", &futures("verdict.cheapest_in"))],
            ),
        },
        Some(s) if !community.qualified && s < 0.0 => {
            let reason = disqualified_because(config, scenario, community, n);
            let amount = n.about(-s);
            let futures = futures("verdict.cheapest_in");
            let args = [
                ("option", best.name.as_str()),
                ("community", community.name.as_str()),
                ("reason", reason.as_str()),
                ("amount", amount.as_str()),
                ("years", over),
                ("futures", futures.as_str()),
            ];
            n.f(
                pick("verdict.cheapest_fit", "verdict.cheapest_fit_likely"),
                &args,
            )
        }
        Some(s) => {
            let payback = best
                .payback_month
                .map(|m| n.f("verdict.payback", &[("month", &n.number(m as f64))]))
                .unwrap_or_default();
            let amount = n.about(s);
            let futures = futures("verdict.cheapest_in");
            let args = [
                ("option", best.name.as_str()),
                ("amount", amount.as_str()),
                ("years", over),
                ("payback", payback.as_str()),
                ("futures", futures.as_str()),
            ];
            n.f(pick("verdict.pays_off", "verdict.pays_off_likely"), &args)
        }
    }
}

/// Why an option is ruled out, after its name: "cannot meet SSO; up to 250 users, you reach
/// 288 in year 3". Empty when it qualifies.
pub fn disqualified_because(
    config: &Config,
    scenario: &Scenario,
    o: &OptionReport,
    n: &dyn Numbers,
) -> String {
    let mut parts = Vec::new();
    if !o.unmet.is_empty() {
        let names = requirement_names(config, &o.unmet, n);
        parts.push(n.f("reason.cannot_meet", &[("requirements", &names)]));
    }
    if let Some(option) = config.options.iter().find(|c| c.id == o.id) {
        let l = &option.limits;
        for name in &o.limits_exceeded {
            let limit = match *name {
                "min_team_size" => Limit::MinTeamSize,
                "max_team_size" => Limit::MaxTeamSize,
                _ => Limit::MaxScale,
            };
            let Some((year, seats, units)) = first_break(option, scenario, limit) else {
                continue;
            };
            let (id, bound, value) = match limit {
                Limit::MinTeamSize => ("reason.min_team", l.min_team_size, seats),
                Limit::MaxTeamSize => ("reason.max_team", l.max_team_size, seats),
                Limit::MaxScale => ("reason.max_scale", l.max_scale, units),
            };
            let args = [
                ("limit", n.number(bound.unwrap_or(0.0))),
                ("value", n.number(value)),
                ("year", n.number(year as f64)),
                ("unit", config.scale_unit.many.clone()),
            ];
            parts.push(n.f(id, &pairs(&args)));
        }
    }
    parts.join(&n.t("list.clauses"))
}

/// The first year in which `option` breaks `limit`, with that year's seats and units.
fn first_break(
    option: &super::config::OptionSpec,
    scenario: &Scenario,
    limit: Limit,
) -> Option<(u32, f64, f64)> {
    grown(scenario, scenario.team_size, scenario.scale).find(|&(_, seats, units)| {
        let mut broken = Vec::new();
        option.limits.check(seats, units, &mut broken);
        broken.contains(&limit)
    })
}

/// A quoted price in words: "price on request — estimated $9.6K–$17.6K a year" (the first
/// year's licence at the entered values, times the quote's low and high factors).
pub fn quote_words(config: &Config, o: &OptionReport, n: &dyn Numbers) -> Option<String> {
    let (low, high) = config
        .options
        .iter()
        .find(|c| c.id == o.id)?
        .price()?
        .quote?;
    let year = o.years.first()?.licence;
    let (low, high) = (n.about(year * low), n.about(year * high));
    Some(n.f("quote.estimate", &[("low", &low), ("high", &high)]))
}

/// Compact mode's line about the runner-up, which has no card there: "Next best: Forgeline
/// Enterprise, about $39.2K more over 3 years." `None` when one option or none fits.
pub fn runner_up_sentence(report: &Report, horizon: u32, n: &dyn Numbers) -> Option<String> {
    let best = report
        .options
        .iter()
        .find(|o| Some(&o.id) == report.recommended.as_ref())?;
    let next = runner_up(report, best)?;
    let amount = n.about(next.expected_present_cost - best.expected_present_cost);
    let args = [
        ("option", next.name.as_str()),
        ("amount", &amount),
        ("years", &years(horizon, n)),
    ];
    Some(n.f("runner_up", &args))
}
