//! Arbitrary documents thrown at every entry point: config validation, scenario validation and
//! link decoding never panic, and end in a clear refusal or a valid, finite result.
#![cfg(not(target_arch = "wasm32"))]

mod common;
mod gen;
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
        "unit_bands",
        "per_unit",
        "quote",
        "limits",
        "min_team_size",
        "max_team_size",
        "max_scale",
        "infra_factor",
        "infra_base_month",
        "per_year",
        "source",
        "external",
        "included",
        "unavailable",
        "$schema",
    ])
    .prop_map(str::to_owned)
}

/// A sample config (model 1 or 2) with one random value planted at a random place.
fn mutated_config() -> impl Strategy<Value = Value> {
    let names = sample_names();
    (
        any_value(),
        any::<prop::sample::Index>(),
        prop::sample::select(names),
    )
        .prop_map(|(v, at, name)| {
            let mut doc = value(
                &std::fs::read_to_string(format!(
                    "{}/public/configs/{name}",
                    env!("CARGO_MANIFEST_DIR")
                ))
                .unwrap(),
            );
            plant(&mut doc, v, at.index(10_000));
            doc
        })
}

/// A generated model-2 config (up to six paid options, unit bands, quotes, limits, add-ons
/// per seat and unit, sources) with a scenario overriding assumptions with ranges, as JSON.
fn model2_case() -> impl Strategy<Value = (serde_json::Value, serde_json::Value)> {
    (gen::config_json(), gen::scenario_json(), gen::overrides()).prop_map(|(c, mut s, o)| {
        gen::keep_requirements(&mut s, c["requirements"].as_array().map_or(0, Vec::len));
        s["assumptions"] = o;
        s["monte_carlo"] = serde_json::json!({"draws": 300, "seed": 7});
        (c, s)
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

/// Every figure of a Result is finite, and every winning interval lies in 1 … 1,000,000.
fn finite(r: &tierwise::model::Report) -> bool {
    let intervals_ok = |w: &Option<Vec<[u32; 2]>>| {
        w.iter()
            .flatten()
            .all(|&[a, b]| 1 <= a && a <= b && b <= 1_000_000)
    };
    let options = r.options.iter().all(|o| {
        [
            o.present_cost,
            o.total,
            o.expected_present_cost,
            o.expected_total,
        ]
        .into_iter()
        .chain(
            [o.savings, o.savings_at_values, o.roi]
                .into_iter()
                .flatten(),
        )
        .all(f64::is_finite)
            && o.years
                .iter()
                .all(|y| y.lines().iter().all(|x| x.is_finite()))
            && intervals_ok(&o.wins_team_size)
            && intervals_ok(&o.wins_scale)
    });
    let sensitivity = r
        .sensitivity
        .iter()
        .all(|row| row.low.is_finite() && row.high.is_finite());
    let mc = r.monte_carlo.iter().flat_map(|m| &m.options).all(|o| {
        [o.p10, o.p50, o.p90, o.mean]
            .into_iter()
            .chain(o.cheapest_share)
            .all(f64::is_finite)
    });
    options && sensitivity && mc
}

proptest! {
    // `scripts/soak.sh` runs these at 250,000 cases (TIERWISE_CASES); CI keeps 200.
    #![proptest_config(ProptestConfig { cases: gen::cases(200), ..ProptestConfig::default() })]

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
    fn any_document_as_a_scenario_is_refused_or_computes(doc in any_value(), name in prop::sample::select(sample_names())) {
        let c = sample(&name);
        if let Ok(s) = Scenario::from_value(&c, &doc) {
            let mut s = s;
            s.monte_carlo = s.monte_carlo.map(|mut m| { m.draws = m.draws.min(500); m });
            prop_assert!(finite(&evaluate_to(&c, &s, Depth::FULL)));
        }
        let (restored, _) = Scenario::restore(&c, &doc);
        prop_assert!(finite(&evaluate_to(&c, &restored, Depth::COSTS)));
    }

    #[test]
    fn generated_model_2_configs_and_ranged_scenarios_compute_finitely((c, s) in model2_case()) {
        let config = Config::from_value(&gen::to_value(&c)).unwrap_or_else(|p| panic!("{p}\n{c}"));
        let scenario = Scenario::from_value(&config, &gen::to_value(&s)).unwrap_or_else(|p| panic!("{p}\n{s}"));
        prop_assert!(finite(&evaluate_to(&config, &scenario, Depth::FULL)));
    }

    #[test]
    fn a_model_2_config_with_one_bad_value_is_refused_with_a_path_or_computes((c, _) in model2_case(), v in any_value(), at in any::<prop::sample::Index>()) {
        let mut doc = gen::to_value(&c);
        plant(&mut doc, v, at.index(10_000));
        match Config::from_value(&doc) {
            Ok(config) => {
                let mut s = Scenario::defaults(&config);
                s.monte_carlo = Some(tierwise::model::scenario::MonteCarloSpec { draws: 200, seed: 1 });
                prop_assert!(finite(&evaluate_to(&config, &s, Depth::FULL)));
            }
            // Every problem names a path (only the document itself has the empty path).
            Err(p) => prop_assert!(p.0.iter().all(|x| !x.to_string().is_empty())),
        }
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
