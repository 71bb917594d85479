//! Property tests over random valid configs and scenarios.
#![cfg(not(target_arch = "wasm32"))]

mod common;
mod gen;
use gen::*;
use proptest::prelude::*;
use serde_json::Value as Json;
use tierwise::model::assumptions::Key;
use tierwise::model::config::Terms;
use tierwise::model::{evaluate, evaluate_to, Config, Depth, Report, Scenario};

/// A config and a scenario for it (requirement ids the config lacks are dropped).
fn case() -> impl Strategy<Value = (Config, Scenario)> {
    (config_json(), scenario_json()).prop_map(|(c, mut s)| {
        let config = Config::from_value(&to_value(&c))
            .unwrap_or_else(|p| panic!("generated config invalid: {p}\n{c}"));
        CONFIGS.with(|r| {
            let mut r = r.borrow_mut();
            if r.len() > 64 {
                r.remove(0);
            }
            r.push((config.clone(), c.clone()));
        });
        keep_requirements(&mut s, config.requirements.len());
        let scenario = Scenario::from_value(&config, &to_value(&s))
            .unwrap_or_else(|p| panic!("generated scenario invalid: {p}\n{s}"));
        (config, scenario)
    })
}

fn with(scenario: &Scenario, edit: impl FnOnce(&mut Scenario)) -> Scenario {
    let mut s = scenario.clone();
    edit(&mut s);
    s
}

fn community_epc(r: &Report) -> f64 {
    r.options
        .iter()
        .find(|o| o.kind == "community")
        .unwrap()
        .expected_present_cost
}

fn community_pc(r: &Report) -> f64 {
    r.options
        .iter()
        .find(|o| o.kind == "community")
        .unwrap()
        .present_cost
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn lines_are_finite_and_non_negative_and_totals_add_up((config, scenario) in case()) {
        let r = evaluate_to(&config, &scenario, Depth { wins: false, sensitivity: true, monte_carlo: false });
        for o in &r.options {
            let mut sum = o.one_time.migration + o.one_time.compliance_build;
            prop_assert!(o.one_time.migration.is_finite() && o.one_time.migration >= 0.0);
            prop_assert!(o.one_time.compliance_build.is_finite() && o.one_time.compliance_build >= 0.0);
            prop_assert_eq!(o.years.len(), scenario.horizon as usize);
            for y in &o.years {
                for line in [y.licence, y.infrastructure, y.operations, y.self_help, y.downtime, y.compliance] {
                    prop_assert!(line.is_finite() && line >= 0.0, "{:?}", y);
                    sum += line;
                }
            }
            prop_assert!((o.total - sum).abs() <= 1e-9 * sum.abs().max(1.0), "total {} vs sum {}", o.total, sum);
            prop_assert!(o.present_cost.is_finite() && o.present_cost >= 0.0 && o.present_cost <= o.total * (1.0 + 1e-12));
            prop_assert!(o.expected_present_cost.is_finite() && o.expected_present_cost >= 0.0);
            prop_assert!(o.expected_present_cost <= o.expected_total * (1.0 + 1e-12));
            for x in [o.savings, o.savings_at_values, o.roi].into_iter().flatten() {
                prop_assert!(x.is_finite());
            }
            if let Some(m) = o.payback_month {
                prop_assert!((1..=12 * scenario.horizon).contains(&m));
            }
        }
        for row in &r.sensitivity {
            prop_assert!(row.low.is_finite() && row.high.is_finite());
        }
        if let Some(id) = &r.recommended {
            let best = r.options.iter().find(|o| &o.id == id).unwrap();
            prop_assert!(best.qualified);
            prop_assert!(best.limits_exceeded.is_empty() && best.unmet.is_empty());
            prop_assert!(r.options.iter().filter(|o| o.qualified).all(|o| o.expected_present_cost >= best.expected_present_cost));
        } else {
            prop_assert!(r.options.iter().all(|o| !o.qualified));
        }
    }

    #[test]
    fn wins_agree_with_direct_evaluation((config, scenario) in case(), probes in prop::collection::vec(prop_oneof![1u32..=1_000_000, 1u32..=2_000], 24)) {
        let r = evaluate_to(&config, &scenario, Depth { wins: true, sensitivity: false, monte_carlo: false });
        let wins_at = |i: usize, team: Option<u32>, scale: Option<u32>| {
            let s = with(&scenario, |s| {
                if let Some(t) = team { s.team_size = t as f64 }
                if let Some(u) = scale { s.scale = u as f64 }
            });
            let d = evaluate_to(&config, &s, Depth::COSTS);
            d.options[i].expected_present_cost <= community_epc(&d) && d.options[i].limits_exceeded.is_empty()
        };
        for (i, o) in r.options.iter().enumerate() {
            let Some(team) = &o.wins_team_size else { continue };
            let scale = o.wins_scale.as_ref().unwrap();
            for (intervals, is_team) in [(team, true), (scale, false)] {
                let at = |x: u32| if is_team { wins_at(i, Some(x), None) } else { wins_at(i, None, Some(x)) };
                let mut prev_end = 0;
                for &[from, to] in intervals {
                    prop_assert!(from <= to && from > prev_end + 1 || (prev_end == 0 && from >= 1));
                    prop_assert!(at(from), "{} wins at {} (start of {:?})", o.id, from, intervals);
                    prop_assert!(at(to), "{} wins at {} (end of {:?})", o.id, to, intervals);
                    if from > 1 { prop_assert!(!at(from - 1), "{} loses at {} before {:?}", o.id, from - 1, intervals); }
                    if to < 1_000_000 { prop_assert!(!at(to + 1), "{} loses at {} after {:?}", o.id, to + 1, intervals); }
                    prev_end = to;
                }
                if intervals.is_empty() {
                    prop_assert!(!at(1) && !at(1_000_000));
                }
                for &x in &probes {
                    let inside = intervals.iter().any(|&[a, b]| a <= x && x <= b);
                    prop_assert_eq!(inside, at(x), "{} at {} vs {:?}", o.id, x, intervals);
                }
            }
        }
    }

    #[test]
    fn adding_a_requirement_never_lowers_community_cost((config, scenario) in case(), pick in any::<prop::sample::Index>()) {
        prop_assume!(!config.requirements.is_empty());
        let id = config.requirements[pick.index(config.requirements.len())].id.clone();
        let without = with(&scenario, |s| s.requirements.retain(|r| r != &id));
        let more = with(&without, |s| s.requirements.push(id.clone()));
        let a = evaluate_to(&config, &without, Depth::COSTS);
        let b = evaluate_to(&config, &more, Depth::COSTS);
        prop_assert!(community_pc(&b) >= community_pc(&a));
        prop_assert!(b.options[config.community()].total >= a.options[config.community()].total);
    }

    #[test]
    fn higher_engineer_cost_never_lowers_community_cost((config, scenario) in case(), factor in 1.0f64..3.0) {
        let base = scenario.assumptions.get(Key::EngineerCost).value;
        let dearer = with(&scenario, |s| s.assumptions.get_mut(Key::EngineerCost).value = (base * factor).min(10_000_000.0));
        let a = evaluate_to(&config, &scenario, Depth::COSTS);
        let b = evaluate_to(&config, &dearer, Depth::COSTS);
        prop_assert!(community_pc(&b) >= community_pc(&a));
    }

    #[test]
    fn monte_carlo_is_identical_for_the_same_seed((config, scenario) in case(), seed in any::<u32>()) {
        let s = with(&scenario, |s| s.monte_carlo = Some(tierwise::model::scenario::MonteCarloSpec { draws: 200, seed: seed as u64 }));
        let a = evaluate(&config, &s).monte_carlo.unwrap();
        let b = evaluate(&config, &s).monte_carlo.unwrap();
        prop_assert_eq!(&a, &b);
        for o in &a.options {
            prop_assert!(o.p10.is_finite() && o.p10 <= o.p50 && o.p50 <= o.p90);
        }
        let shares: f64 = a.options.iter().filter_map(|o| o.cheapest_share).sum();
        prop_assert!(shares == 0.0 || (shares - 1.0).abs() < 1e-9);
    }

    #[test]
    fn with_every_range_removed_the_expected_view_is_the_values_view_to_the_bit((mut config, scenario) in case()) {
        for o in &mut config.options {
            if let Terms::Enterprise { price, .. } | Terms::Cloud { price, .. } = &mut o.terms {
                price.quote = None;
            }
        }
        let s = with(&scenario, |s| for a in s.assumptions.0.iter_mut() { a.range = None });
        let r = evaluate_to(&config, &s, Depth::COSTS);
        for o in &r.options {
            prop_assert_eq!(o.expected_present_cost.to_bits(), o.present_cost.to_bits());
            prop_assert_eq!(o.expected_total.to_bits(), o.total.to_bits());
            prop_assert_eq!(o.savings.map(f64::to_bits), o.savings_at_values.map(f64::to_bits));
        }
    }

    #[test]
    fn monte_carlo_in_slices_is_the_same_run((config, scenario) in case(), slices in proptest::collection::vec(1u32..400, 1..6), seed in any::<u64>()) {
        // The widget draws in slices between other work: any slicing gives the one outcome.
        let model = tierwise::model::Model::new(&config, &scenario);
        let whole = model.monte_carlo(600, seed);
        let mut run = model.simulation(600, seed);
        for n in slices.iter().cycle() {
            if run.left() == 0 {
                break;
            }
            model.draw(&mut run, *n);
        }
        prop_assert_eq!(model.outcome(run), whole);
    }

    #[test]
    fn adding_a_paid_option_never_changes_another_options_figures((config, scenario) in case(), extra in paid_option("extra".into()), t in treatment()) {
        prop_assume!(config.options.len() < 7);
        let mut doc = serde_json::to_value(config_doc(&config)).unwrap();
        doc["options"].as_array_mut().unwrap().push(extra);
        for r in doc["requirements"].as_array_mut().unwrap() {
            r["extra"] = t.clone();
        }
        let bigger = Config::from_value(&to_value(&doc)).unwrap_or_else(|p| panic!("{p}"));
        let depth = Depth { wins: true, sensitivity: false, monte_carlo: false };
        let a = evaluate_to(&config, &scenario, depth);
        let b = evaluate_to(&bigger, &scenario, depth);
        for (x, y) in a.options.iter().zip(&b.options) {
            prop_assert_eq!(x, y);
        }
    }
}

/// The JSON of a generated config again, from its source document: the generator keeps it.
fn config_doc(config: &Config) -> Json {
    CONFIGS
        .with(|c| {
            c.borrow()
                .iter()
                .find(|(k, _)| k == config)
                .map(|(_, j)| j.clone())
        })
        .expect("the generator recorded the config")
}

thread_local! {
    static CONFIGS: std::cell::RefCell<Vec<(Config, Json)>> = const { std::cell::RefCell::new(Vec::new()) };
}
