//! Helpers shared by the native test files.
#![allow(dead_code)]

use tierwise::model::{Config, Scenario, Value};

/// Parses JSON text into a [`Value`]; panics on bad JSON (tests write their own).
pub fn value(json: &str) -> Value {
    serde_json::from_str(json).expect("test JSON parses")
}

/// A checked config from JSON text; panics with every problem when invalid.
pub fn config(json: &str) -> Config {
    Config::from_value(&value(json)).unwrap_or_else(|p| panic!("config should be valid: {p}"))
}

/// A checked scenario from JSON text.
pub fn scenario(config: &Config, json: &str) -> Scenario {
    Scenario::from_value(config, &value(json))
        .unwrap_or_else(|p| panic!("scenario should be valid: {p}"))
}

/// The messages of a config's problems, for comparing with what a test expects.
pub fn config_problems(json: &str) -> Vec<String> {
    match Config::from_value(&value(json)) {
        Ok(_) => vec![],
        Err(p) => p.0.iter().map(|p| p.to_string()).collect(),
    }
}

/// Reads one of the sample configs in `public/configs/`.
pub fn sample(name: &str) -> Config {
    let path = format!("{}/public/configs/{name}", env!("CARGO_MANIFEST_DIR"));
    config(&std::fs::read_to_string(&path).expect("sample config exists"))
}

/// The names of every sample config.
pub fn sample_names() -> Vec<String> {
    let dir = format!("{}/public/configs", env!("CARGO_MANIFEST_DIR"));
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("public/configs exists")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".json"))
        .collect();
    names.sort();
    names
}

/// Asserts `a` and `b` agree to a cent.
#[track_caller]
pub fn close(a: f64, b: f64) {
    assert!((a - b).abs() <= 0.01 + 1e-9 * b.abs(), "{a} is not {b}");
}

/// A one-paid-option config builder: community vs one `enterprise` or `cloud` option, with
/// the community-side numbers and the paid option's JSON spliced in.
pub fn two_option_config(assumptions: &str, paid: &str, requirements: &str) -> String {
    format!(
        r#"{{
        "schema": 1, "product": "Test", "currency": "USD",
        "assumptions": {{ {assumptions} }},
        "options": [
            {{ "id": "community", "kind": "community", "name": "Community" }},
            {paid}
        ],
        "requirements": [{requirements}]
    }}"#
    )
}

/// Assumptions with round numbers: h = 100,000 / 2,000 = 50 per hour, and every cost line
/// but the ones a test switches on at zero.
pub const ROUND: &str = r#""engineer_cost": 100000, "work_hours": 2000, "selfhelp_hours_per_seat_year": 0,
    "self_hosted_availability": 1, "productivity_loss": 0, "discount_rate": 0, "migration_weeks": 0"#;
