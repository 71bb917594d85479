//! Arbitrary documents thrown at every entry point: config validation, scenario validation and
//! link decoding never panic, and end in a clear refusal or a valid, finite result.
#![cfg(not(target_arch = "wasm32"))]

mod common;
use common::*;
use proptest::prelude::*;
use tierwise::model::numbers::Plain;
use tierwise::model::share::from_query;
use tierwise::model::{evaluate_to, Config, Depth, Scenario, Value};

/// Any JSON value: odd numbers, long strings, deep nesting, wide arrays.
fn any_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        prop_oneof![
            any::<f64>(),
            Just(f64::NAN),
            Just(f64::INFINITY),
            Just(-0.0),
            Just(1e308),
            Just(5e-324),
            -1e6..1e7f64
        ]
        .prop_map(Value::Number),
        prop_oneof![
            "[a-z_]{0,12}",
            Just("included".to_owned()),
            Just("<img src=x onerror=alert(1)>".to_owned()),
            Just("x".repeat(3_000))
        ]
        .prop_map(Value::String),
    ];
    leaf.prop_recursive(6, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..8).prop_map(Value::Array),
            prop::collection::vec((prop_oneof!["[a-z_]{1,10}", field_name()], inner), 0..8)
                .prop_map(Value::Object),
        ]
    })
}

/// Names the validators look for, so random documents reach deep into them.
fn field_name() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "schema",
        "product",
        "currency",
        "options",
        "requirements",
        "assumptions",
        "defaults",
        "id",
        "kind",
        "name",
        "price",
        "bands",
        "up_to",
        "per_seat",
        "minimum",
        "term_discounts",
        "team_size",
        "scale",
        "horizon",
        "monte_carlo",
        "draws",
        "community",
        "enterprise",
        "cloud",
        "build",
        "addon",
        "engineer_cost",
        "low",
        "high",
        "value",
        "cta",
        "url",
    ])
    .prop_map(str::to_owned)
}

/// The example config with one random value planted at a random place.
fn mutated_config() -> impl Strategy<Value = Value> {
    (any_value(), any::<prop::sample::Index>()).prop_map(|(v, at)| {
        let mut doc = value(
            &std::fs::read_to_string(format!(
                "{}/public/configs/stream-platform.json",
                env!("CARGO_MANIFEST_DIR")
            ))
            .unwrap(),
        );
        plant(&mut doc, v, at.index(1_000));
        doc
    })
}

/// Replaces the `n`-th node (depth-first, wrapping) of `doc` with `v`.
fn plant(doc: &mut Value, v: Value, n: usize) {
    fn count(d: &Value) -> usize {
        1 + match d {
            Value::Array(items) => items.iter().map(count).sum(),
            Value::Object(members) => members.iter().map(|(_, x)| count(x)).sum(),
            _ => 0,
        }
    }
    fn walk(d: &mut Value, v: &mut Option<Value>, n: &mut usize) {
        if *n == 0 {
            if let Some(v) = v.take() {
                *d = v;
            }
            return;
        }
        *n -= 1;
        match d {
            Value::Array(items) => items.iter_mut().for_each(|x| walk(x, v, n)),
            Value::Object(members) => members.iter_mut().for_each(|(_, x)| walk(x, v, n)),
            _ => {}
        }
    }
    let mut n = n % count(doc);
    walk(doc, &mut Some(v), &mut n);
}

fn finite(r: &tierwise::model::Report) -> bool {
    r.options.iter().all(|o| {
        o.present_cost.is_finite()
            && o.total.is_finite()
            && o.years
                .iter()
                .all(|y| y.lines().iter().all(|x| x.is_finite()))
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn any_document_as_a_config_is_refused_with_paths_or_accepted(doc in any_value()) {
        match Config::from_value(&doc) {
            Ok(c) => prop_assert!(finite(&evaluate_to(&c, &Scenario::defaults(&c), Depth::FULL))),
            Err(p) => prop_assert!(!p.0.is_empty() && p.0.iter().all(|x| !x.to_string().is_empty())),
        }
    }

    #[test]
    fn a_config_with_one_bad_value_is_refused_or_still_computes(doc in mutated_config()) {
        if let Ok(c) = Config::from_value(&doc) {
            prop_assert!(finite(&evaluate_to(&c, &Scenario::defaults(&c), Depth::FULL)));
        }
    }

    #[test]
    fn any_document_as_a_scenario_is_refused_or_computes(doc in any_value()) {
        let c = sample("stream-platform.json");
        if let Ok(s) = Scenario::from_value(&c, &doc) {
            let mut s = s;
            s.monte_carlo = s.monte_carlo.map(|mut m| { m.draws = m.draws.min(500); m });
            prop_assert!(finite(&evaluate_to(&c, &s, Depth::FULL)));
        }
        let (restored, _) = Scenario::restore(&c, &doc);
        prop_assert!(finite(&evaluate_to(&c, &restored, Depth::COSTS)));
    }

    #[test]
    fn any_link_restores_a_valid_scenario(pairs in prop::collection::vec((prop_oneof![field_name(), "[a-z_.]{0,20}"], "[ -~]{0,30}"), 0..80)) {
        let c = sample("devtool-seats.json");
        let (s, _) = from_query(&c, &pairs, &Plain { currency: "USD".into() });
        prop_assert!(finite(&evaluate_to(&c, &s, Depth::COSTS)));
    }
}

#[test]
fn ten_thousand_requirements_are_refused_with_the_limit() {
    let reqs: Vec<String> = (0..10_000)
        .map(|i| format!(r#"{{"id": "r{i}", "name": "R {i}"}}"#))
        .collect();
    let json = two_option_config(
        ROUND,
        r#"{ "id": "e", "kind": "enterprise", "name": "E", "price": {} }"#,
        &reqs.join(","),
    );
    assert_eq!(
        config_problems(&json),
        vec!["requirements lists 10000 requirements, more than the 100 allowed"]
    );
}
