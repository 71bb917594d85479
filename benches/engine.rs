//! `cargo bench`: the engine's speed on the sample configs.
//! Targets on a 2-core machine: one evaluation with the expected view ≤ 10 µs and the wins
//! intervals ≤ 2 ms with six paid options, 10,000 Monte Carlo draws ≤ 15 ms.

use divan::{black_box, Bencher};
use tierwise::model::{evaluate_to, Config, Depth, Model, Scenario, Value};

fn main() {
    divan::main();
}

const SAMPLES: &[&str] = &[
    "stream-platform.json",
    "devtool-seats.json",
    "framework-platform.json",
    "usage-metrics.json",
];

fn load(name: &str) -> (Config, Scenario) {
    let path = format!("{}/public/configs/{name}", env!("CARGO_MANIFEST_DIR"));
    let value: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let config = Config::from_value(&value).unwrap();
    let scenario = Scenario::defaults(&config);
    (config, scenario)
}

/// One evaluation: every option's yearly lines, totals, present cost, savings, ROI, payback
/// and the recommendation — what the widget recomputes on every keystroke.
#[divan::bench(args = SAMPLES)]
fn evaluation(bencher: Bencher, name: &str) {
    let (config, scenario) = load(name);
    bencher.bench(|| evaluate_to(black_box(&config), black_box(&scenario), Depth::COSTS));
}

/// `wins_team_size` and `wins_scale` for every paid option.
#[divan::bench(args = SAMPLES)]
fn wins_intervals(bencher: Bencher, name: &str) {
    let (config, scenario) = load(name);
    bencher.bench(|| {
        evaluate_to(
            black_box(&config),
            black_box(&scenario),
            Depth {
                wins: true,
                sensitivity: false,
                monte_carlo: false,
            },
        )
    });
}

/// 10,000 Monte Carlo draws.
#[divan::bench(args = SAMPLES)]
fn monte_carlo_10k(bencher: Bencher, name: &str) {
    let (config, scenario) = load(name);
    bencher.bench(|| Model::new(black_box(&config), black_box(&scenario)).monte_carlo(10_000, 42));
}

/// The full report: costs, intervals, sensitivity (no Monte Carlo).
#[divan::bench(args = SAMPLES)]
fn full_report(bencher: Bencher, name: &str) {
    let (config, scenario) = load(name);
    bencher.bench(|| {
        evaluate_to(
            black_box(&config),
            black_box(&scenario),
            Depth {
                wins: true,
                sensitivity: true,
                monte_carlo: false,
            },
        )
    });
}

/// The intervals for the largest config allowed: 50 seat bands on both paid options, each with
/// a minimum, over 10 years of growth (500 bends per option).
#[divan::bench]
fn wins_intervals_worst_case(bencher: Bencher) {
    let bands: Vec<String> = (1..50)
        .map(|i| format!(r#"{{"up_to": {}, "per_seat": {}}}"#, i * 97, 600 - i * 7))
        .collect();
    let price = format!(
        r#"{{"platform_fee": 5000, "bands": [{}, {{"per_seat": 200}}], "per_unit": 900, "minimum": 40000}}"#,
        bands.join(",")
    );
    let json = format!(
        r#"{{"schema": 1, "product": "Worst", "currency": "USD",
            "assumptions": {{"selfhelp_hours_per_seat_year": 4, "ops_base_hours_month": 20, "ops_hours_per_unit_month": 3, "infra_per_unit_month": 300}},
            "options": [{{"id": "community", "kind": "community", "name": "C"}},
                        {{"id": "enterprise", "kind": "enterprise", "name": "E", "price": {price}, "support_reduction": 0.8, "ops_reduction": 0.3}},
                        {{"id": "cloud", "kind": "cloud", "name": "Cl", "price": {price}, "availability": 0.999, "support_reduction": 0.8}}]}}"#
    );
    let config = Config::from_value(&serde_json::from_str::<Value>(&json).unwrap()).unwrap();
    let mut scenario = Scenario::defaults(&config);
    scenario.horizon = 10;
    scenario.team_growth = 0.15;
    bencher.bench(|| {
        evaluate_to(
            black_box(&config),
            black_box(&scenario),
            Depth {
                wins: true,
                sensitivity: false,
                monte_carlo: false,
            },
        )
    });
}

/// Model 2's widest config: six paid options of both kinds with seat and unit bands, quotes,
/// plan limits, per-seat add-ons, and ranged work hours and discount rate (so the expected
/// view integrates E[1/W] and E[(1+r)^−y]).
fn six_paid() -> (Config, Scenario) {
    let option = |i: usize| {
        let kind = if i % 2 == 0 { "enterprise" } else { "cloud" };
        let terms = if kind == "cloud" {
            r#""availability": 0.999, "support_reduction": 0.5, "admin_hours_month": 4"#
        } else {
            r#""ops_reduction": 0.3, "support_reduction": 0.75, "downtime_reduction": 0.5, "infra_factor": 1.1"#
        };
        format!(
            r#"{{"id": "p{i}", "kind": "{kind}", "name": "P{i}", {terms},
                "limits": {{"min_team_size": {min}, "max_team_size": 100000}},
                "price": {{"platform_fee": {fee}, "minimum": 20000,
                  "bands": [{{"up_to": 50, "per_seat": 600}}, {{"up_to": 250, "per_seat": 450}}, {{"per_seat": 300}}],
                  "unit_bands": [{{"up_to": 2, "per_unit": 0}}, {{"up_to": 50, "per_unit": 2400}}, {{"per_unit": 1800}}],
                  "term_discounts": [{{"min_years": 3, "discount": 0.1}}],
                  "quote": {{"low": 0.6, "high": 1.2}}}}}}"#,
            min = 1 + i * 5,
            fee = 5_000 * i,
        )
    };
    let options: Vec<String> = (0..6).map(option).collect();
    let treatments: Vec<String> = (0..6)
        .map(|i| format!(r#""p{i}": {{"addon": {{"per_seat": 48, "per_year": 1000}}}}"#))
        .collect();
    let json = format!(
        r#"{{"schema": 2, "product": "Six", "currency": "USD",
            "assumptions": {{"engineer_cost": {{"value": 180000, "low": 130000, "high": 250000}},
              "work_hours": {{"value": 1800, "low": 1500, "high": 2000}},
              "discount_rate": {{"value": 0.08, "low": 0.03, "high": 0.15}},
              "infra_base_month": {{"value": 300, "low": 150, "high": 600}},
              "infra_per_unit_month": {{"value": 420, "low": 250, "high": 700}},
              "selfhelp_hours_per_seat_year": {{"value": 2, "low": 0.5, "high": 6}},
              "ops_base_hours_month": {{"value": 20, "low": 10, "high": 40}}}},
            "options": [{{"id": "community", "kind": "community", "name": "C"}}, {}],
            "requirements": [{{"id": "sso", "name": "SSO", "community": {{"build": {{"weeks": 6, "upkeep": 0.2}}}}, {}}}],
            "defaults": {{"team_size": 40, "scale": 6, "requirements": ["sso"]}}}}"#,
        options.join(", "),
        treatments.join(", ")
    );
    let config = Config::from_value(&serde_json::from_str::<Value>(&json).unwrap())
        .unwrap_or_else(|p| panic!("{p}"));
    let scenario = Scenario::defaults(&config);
    (config, scenario)
}

/// One evaluation with the expected view, six paid options (target ≤ 10 µs).
#[divan::bench]
fn six_paid_evaluation(bencher: Bencher) {
    let (config, scenario) = six_paid();
    bencher.bench(|| evaluate_to(black_box(&config), black_box(&scenario), Depth::COSTS));
}

/// `wins_*` for every option, six paid options (target ≤ 2 ms).
#[divan::bench]
fn six_paid_wins(bencher: Bencher) {
    let (config, scenario) = six_paid();
    bencher.bench(|| {
        evaluate_to(
            black_box(&config),
            black_box(&scenario),
            Depth {
                wins: true,
                sensitivity: false,
                monte_carlo: false,
            },
        )
    });
}

/// 10,000 Monte Carlo draws, six paid options with quotes (target ≤ 15 ms).
#[divan::bench]
fn six_paid_monte_carlo_10k(bencher: Bencher) {
    let (config, scenario) = six_paid();
    bencher.bench(|| Model::new(black_box(&config), black_box(&scenario)).monte_carlo(10_000, 42));
}
