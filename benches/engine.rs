//! `cargo bench`: the engine's speed on the sample configs.
//! Targets on a 2-core machine: one evaluation ≤ 20 µs, the wins intervals ≤ 1 ms,
//! 10,000 Monte Carlo draws ≤ 15 ms.

use divan::{black_box, Bencher};
use tierwise::model::{evaluate_to, Config, Depth, Model, Scenario, Value};

fn main() {
    divan::main();
}

const SAMPLES: &[&str] = &[
    "stream-platform.json",
    "devtool-seats.json",
    "framework-platform.json",
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
