//! Property tests over random valid configs and scenarios.
#![cfg(not(target_arch = "wasm32"))]

mod common;
use proptest::prelude::*;
use serde_json::{json, Value as Json};
use tierwise::model::assumptions::{Key, CATALOGUE};
use tierwise::model::{evaluate, evaluate_to, Config, Depth, Report, Scenario, Value};

fn to_value(j: &Json) -> Value {
    serde_json::from_value(j.clone()).unwrap()
}

/// A number in [lo, hi], often one of the ends (edge cases live there).
fn num(lo: f64, hi: f64) -> impl Strategy<Value = f64> {
    prop_oneof![1 => Just(lo), 1 => Just(hi), 6 => lo..=hi]
}

fn assumption(key: Key) -> impl Strategy<Value = (String, Json)> {
    let spec = CATALOGUE[key as usize];
    // Keep magnitudes realistic-to-extreme without making every case astronomically large.
    let hi = spec.max.min(match spec.unit {
        tierwise::model::assumptions::Unit::Money => 1e6,
        _ => spec.max,
    });
    let lo = spec.min;
    (num(lo, hi), num(lo, hi), num(lo, hi), any::<bool>()).prop_map(move |(v, a, b, ranged)| {
        let body = if ranged {
            json!({"value": v, "low": a.min(b), "high": a.max(b), "source": "test"})
        } else {
            json!(v)
        };
        (spec.id.to_string(), body)
    })
}

fn assumptions() -> impl Strategy<Value = Json> {
    Key::ALL
        .into_iter()
        .map(|k| prop::option::of(assumption(k)))
        .collect::<Vec<_>>()
        .prop_map(|items| Json::Object(items.into_iter().flatten().collect()))
}

fn price() -> impl Strategy<Value = Json> {
    (
        num(0.0, 100_000.0),
        prop::collection::vec((1.0f64..500.0, num(0.0, 1_000.0)), 0..4),
        num(0.0, 1_000.0),
        num(0.0, 20_000.0),
        num(0.0, 200_000.0),
        prop::collection::vec((1u32..12, num(0.0, 0.5)), 0..3),
    )
        .prop_map(|(fee, steps, last, per_unit, minimum, terms)| {
            let mut up_to = 0.0;
            let mut bands: Vec<Json> = steps
                .into_iter()
                .map(|(step, per_seat)| {
                    up_to += step.round().max(1.0);
                    json!({"up_to": up_to, "per_seat": per_seat})
                })
                .collect();
            bands.push(json!({"per_seat": last}));
            let terms: Vec<Json> = terms.into_iter().map(|(y, d)| json!({"min_years": y, "discount": d})).collect();
            json!({"platform_fee": fee, "bands": bands, "per_unit": per_unit, "minimum": minimum, "term_discounts": terms})
        })
}

fn paid_option(id: &'static str, cloud: bool) -> impl Strategy<Value = Json> {
    (price(), num(0.0, 1.0), num(0.0, 1.0), num(0.0, 1.0), num(0.0, 200.0)).prop_map(move |(price, a, b, c, admin)| {
        if cloud {
            json!({"id": id, "kind": "cloud", "name": id, "price": price, "admin_hours_month": admin, "support_reduction": a, "availability": 0.9 + 0.1 * b})
        } else {
            json!({"id": id, "kind": "enterprise", "name": id, "price": price, "ops_reduction": a, "support_reduction": b, "downtime_reduction": c})
        }
    })
}

fn treatment() -> impl Strategy<Value = Json> {
    prop_oneof![
        Just(json!("included")),
        Just(json!("unavailable")),
        num(0.0, 50_000.0).prop_map(|x| json!({"addon": {"per_year": x}})),
        num(0.0, 50_000.0).prop_map(|x| json!({"external": {"per_year": x}})),
        (num(0.0, 52.0), num(0.0, 1.0))
            .prop_map(|(w, u)| json!({"build": {"weeks": w, "upkeep": u}})),
    ]
}

/// A random valid config: community plus one or two paid options, up to five requirements.
fn config_json() -> impl Strategy<Value = Json> {
    (
        assumptions(),
        paid_option("paid_a", false),
        prop::option::of(paid_option("paid_b", true)),
        any::<bool>(),
        prop::collection::vec((treatment(), treatment(), treatment()), 0..5),
    )
        .prop_map(|(assumptions, a, b, a_is_cloud, reqs)| {
            let mut a = a;
            if a_is_cloud {
                // Same shape, other kind: swap enterprise fields for cloud ones.
                let o = a.as_object_mut().unwrap();
                o.insert("kind".into(), json!("cloud"));
                o.remove("ops_reduction");
                o.remove("downtime_reduction");
                o.insert("availability".into(), json!(0.999));
            }
            let mut options = vec![json!({"id": "community", "kind": "community", "name": "Community"}), a];
            options.extend(b);
            let requirements: Vec<Json> = reqs
                .into_iter()
                .enumerate()
                .map(|(i, (c, pa, pb))| json!({"id": format!("r{i}"), "name": format!("Requirement {i}"), "community": c, "paid_a": pa, "paid_b": pb}))
                .collect();
            json!({"schema": 1, "product": "P", "currency": "USD", "assumptions": assumptions, "options": options, "requirements": requirements})
        })
}

fn scenario_json() -> impl Strategy<Value = Json> {
    (num(1.0, 5_000.0), num(0.01, 500.0), 1u32..=10, num(-0.9, 2.0), num(-0.9, 2.0), prop::collection::vec(any::<bool>(), 5))
        .prop_map(|(t, s, h, gt, gs, picks)| {
            let reqs: Vec<String> = picks.iter().enumerate().filter(|(_, p)| **p).map(|(i, _)| format!("r{i}")).collect();
            json!({"team_size": t.round().max(1.0), "scale": s, "horizon": h, "team_growth": gt, "scale_growth": gs, "requirements": reqs})
        })
}

/// A config and a scenario for it (requirement ids the config lacks are dropped).
fn case() -> impl Strategy<Value = (Config, Scenario)> {
    (config_json(), scenario_json()).prop_map(|(c, mut s)| {
        let config = Config::from_value(&to_value(&c))
            .unwrap_or_else(|p| panic!("generated config invalid: {p}\n{c}"));
        let n = config.requirements.len();
        let reqs: Vec<Json> = s["requirements"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|r| r.as_str().unwrap()[1..].parse::<usize>().unwrap() < n)
            .cloned()
            .collect();
        s["requirements"] = Json::Array(reqs);
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
            for x in [o.savings, o.roi].into_iter().flatten() {
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
            prop_assert!(r.options.iter().filter(|o| o.qualified).all(|o| o.present_cost >= best.present_cost));
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
            d.options[i].present_cost <= community_pc(&d)
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
}
