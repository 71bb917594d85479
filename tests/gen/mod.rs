//! Generators of random valid model-2 configs and scenarios, shared by the property tests
//! (`properties.rs`) and the hostile-input tests (`hostile.rs`).
#![allow(dead_code)]

use proptest::prelude::*;
use serde_json::{json, Value as Json};
use tierwise::model::assumptions::{Key, CATALOGUE};
use tierwise::model::Value;

/// Cases per property: `TIERWISE_CASES` when set (`scripts/soak.sh`), else `default`.
pub fn cases(default: u32) -> u32 {
    std::env::var("TIERWISE_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

pub fn to_value(j: &Json) -> Value {
    serde_json::from_value(j.clone()).unwrap()
}

/// A number in [lo, hi], often one of the ends (edge cases live there).
pub fn num(lo: f64, hi: f64) -> impl Strategy<Value = f64> {
    prop_oneof![1 => Just(lo), 1 => Just(hi), 6 => lo..=hi]
}

pub fn assumption(key: Key) -> impl Strategy<Value = (String, Json)> {
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

pub fn assumptions() -> impl Strategy<Value = Json> {
    Key::ALL
        .into_iter()
        .map(|k| prop::option::of(assumption(k)))
        .collect::<Vec<_>>()
        .prop_map(|items| Json::Object(items.into_iter().flatten().collect()))
}

pub fn bands(per: &'static str) -> impl Strategy<Value = Vec<Json>> {
    (
        prop::collection::vec((1.0f64..500.0, num(0.0, 1_000.0)), 0..4),
        num(0.0, 1_000.0),
    )
        .prop_map(move |(steps, last)| {
            let mut up_to = 0.0;
            let mut bands: Vec<Json> = steps
                .into_iter()
                .map(|(step, x)| {
                    up_to += step.round().max(1.0);
                    json!({"up_to": up_to, per: x})
                })
                .collect();
            bands.push(json!({per: last}));
            bands
        })
}

/// A model-2 price: seat bands, per-unit or graduated unit bands, minimum, terms, maybe a quote.
pub fn price() -> impl Strategy<Value = Json> {
    (
        num(0.0, 100_000.0),
        bands("per_seat"),
        prop_oneof![num(0.0, 20_000.0).prop_map(|x| json!(x)), bands("per_unit").prop_map(Json::Array)],
        num(0.0, 200_000.0),
        prop::collection::vec((1u32..12, num(0.0, 0.5)), 0..3),
        prop::option::of((num(0.1, 1.0), num(1.0, 3.0))),
    )
        .prop_map(|(fee, bands, units, minimum, terms, quote)| {
            let terms: Vec<Json> = terms.into_iter().map(|(y, d)| json!({"min_years": y, "discount": d})).collect();
            let mut p = json!({"platform_fee": fee, "bands": bands, "minimum": minimum, "term_discounts": terms});
            match units {
                Json::Array(_) => p["unit_bands"] = units,
                x => p["per_unit"] = x,
            }
            if let Some((low, high)) = quote {
                p["quote"] = json!({"low": low, "high": high});
            }
            p
        })
}

/// Plan limits, sometimes none.
pub fn limits() -> impl Strategy<Value = Option<Json>> {
    prop::option::of(
        (
            prop::option::of(1.0f64..200.0),
            prop::option::of(1.0f64..3_000.0),
            prop::option::of(0.5f64..300.0),
        )
            .prop_map(|(min, max, scale)| {
                let mut l = json!({});
                let min = min.map(|m| m.round());
                if let Some(m) = min {
                    l["min_team_size"] = json!(m);
                }
                if let Some(m) = max {
                    l["max_team_size"] = json!(m.round().max(min.unwrap_or(1.0)));
                }
                if let Some(s) = scale {
                    l["max_scale"] = json!(s);
                }
                l
            }),
    )
}

pub fn paid_option(id: String) -> impl Strategy<Value = Json> {
    (price(), num(0.0, 1.0), num(0.0, 1.0), num(0.0, 1.0), num(0.0, 200.0), any::<bool>(), limits(), num(0.0, 3.0)).prop_map(move |(price, a, b, c, admin, cloud, limits, factor)| {
        let mut o = if cloud {
            json!({"id": id, "kind": "cloud", "name": id, "price": price, "admin_hours_month": admin, "support_reduction": a, "availability": 0.9 + 0.1 * b})
        } else {
            json!({"id": id, "kind": "enterprise", "name": id, "price": price, "ops_reduction": a, "support_reduction": b, "downtime_reduction": c, "infra_factor": factor})
        };
        if let Some(l) = limits {
            o["limits"] = l;
        }
        o
    })
}

pub fn charge() -> impl Strategy<Value = Json> {
    (
        prop::option::of(num(0.0, 50_000.0)),
        prop::option::of(num(0.0, 500.0)),
        prop::option::of(num(0.0, 5_000.0)),
    )
        .prop_map(|(y, s, u)| {
            let mut c = json!({"source": "test"});
            if y.is_none() && s.is_none() && u.is_none() {
                c["per_year"] = json!(1_000.0);
            }
            if let Some(y) = y {
                c["per_year"] = json!(y);
            }
            if let Some(s) = s {
                c["per_seat"] = json!(s);
            }
            if let Some(u) = u {
                c["per_unit"] = json!(u);
            }
            c
        })
}

pub fn treatment() -> impl Strategy<Value = Json> {
    prop_oneof![
        Just(json!("included")),
        Just(json!("unavailable")),
        Just(json!({"included": {"source": "test"}})),
        charge().prop_map(|c| json!({"addon": c})),
        charge().prop_map(|c| json!({"external": c})),
        (num(0.0, 52.0), num(0.0, 1.0))
            .prop_map(|(w, u)| json!({"build": {"weeks": w, "upkeep": u}})),
    ]
}

/// A random valid model-2 config: community plus one to six paid options, up to five
/// requirements, each listing every option.
pub fn config_json() -> impl Strategy<Value = Json> {
    (1usize..=6)
        .prop_flat_map(|paid| {
            (
                assumptions(),
                (0..paid).map(|i| paid_option(format!("paid_{i}"))).collect::<Vec<_>>(),
                prop::collection::vec(prop::collection::vec(treatment(), paid + 1), 0..5),
            )
        })
        .prop_map(|(assumptions, paid, reqs)| {
            let mut options = vec![json!({"id": "community", "kind": "community", "name": "Community"})];
            options.extend(paid);
            let requirements: Vec<Json> = reqs
                .into_iter()
                .enumerate()
                .map(|(i, ts)| {
                    let mut r = json!({"id": format!("r{i}"), "name": format!("Requirement {i}")});
                    for (o, t) in options.iter().zip(ts) {
                        r[o["id"].as_str().unwrap()] = t;
                    }
                    r
                })
                .collect();
            json!({"schema": 2, "product": "P", "currency": "USD", "assumptions": assumptions, "options": options, "requirements": requirements})
        })
}

pub fn scenario_json() -> impl Strategy<Value = Json> {
    (num(1.0, 5_000.0), num(0.01, 500.0), 1u32..=10, num(-0.9, 2.0), num(-0.9, 2.0), prop::collection::vec(any::<bool>(), 5))
        .prop_map(|(t, s, h, gt, gs, picks)| {
            let reqs: Vec<String> = picks.iter().enumerate().filter(|(_, p)| **p).map(|(i, _)| format!("r{i}")).collect();
            json!({"team_size": t.round().max(1.0), "scale": s, "horizon": h, "team_growth": gt, "scale_growth": gs, "requirements": reqs})
        })
}

/// Scenario overrides of the assumptions: a value, or a value with its own range, each within
/// the assumption's allowed range.
pub fn overrides() -> impl Strategy<Value = Json> {
    Key::ALL
        .into_iter()
        .map(|k| prop::option::weighted(0.3, assumption(k)))
        .collect::<Vec<_>>()
        .prop_map(|items| Json::Object(items.into_iter().flatten().collect()))
}

/// Drops from a generated scenario the requirement ids (`r0`, `r1`, …) beyond the config's `n`.
pub fn keep_requirements(scenario: &mut Json, n: usize) {
    let keep: Vec<Json> = scenario["requirements"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter(|r| {
                    r.as_str()
                        .and_then(|id| id[1..].parse::<usize>().ok())
                        .is_some_and(|i| i < n)
                })
                .cloned()
                .collect()
        })
        .unwrap_or_default();
    scenario["requirements"] = Json::Array(keep);
}
