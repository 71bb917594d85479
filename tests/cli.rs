//! The `tierwise` command line: exit codes, messages and the Result JSON.
#![cfg(not(target_arch = "wasm32"))]

use std::process::{Command, Output};

fn tierwise(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tierwise"))
        .args(args)
        .output()
        .expect("the CLI runs")
}

fn temp(name: &str, contents: &str) -> String {
    let dir = std::env::temp_dir().join(format!("tierwise-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, contents).unwrap();
    path.to_string_lossy().into_owned()
}

fn sample(name: &str) -> String {
    format!("{}/public/configs/{name}", env!("CARGO_MANIFEST_DIR"))
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

#[test]
fn check_accepts_every_sample() {
    for name in [
        "stream-platform.json",
        "devtool-seats.json",
        "framework-platform.json",
    ] {
        let out = tierwise(&["check", &sample(name)]);
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        assert!(
            text(&out.stdout).contains(": ok: "),
            "{}",
            text(&out.stdout)
        );
    }
}

#[test]
fn check_prints_every_problem_by_path_and_exits_1() {
    let bad = r#"{"schema": 1, "product": "X", "currency": "usd",
        "options": [{"id": "community", "kind": "community", "name": "C"},
                    {"id": "e", "kind": "enterprise", "name": "E", "price": {"platform_fee": -1}}]}"#;
    let path = temp("bad.json", bad);
    let out = tierwise(&["check", &path]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = text(&out.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{stdout}");
    assert!(
        lines[0].ends_with(
            "currency is \"usd\", but must be a three-letter ISO 4217 code such as \"USD\""
        ),
        "{stdout}"
    );
    assert!(
        lines[1].ends_with(
            "options[1].price.platform_fee is -1, but must be between 0 and 1,000,000,000,000"
        ),
        "{stdout}"
    );
}

#[test]
fn check_warns_of_unknown_fields_without_failing() {
    let v = std::fs::read_to_string(sample("devtool-seats.json"))
        .unwrap()
        .replacen("\"schema\": 2,", "\"schema\": 2, \"colour\": \"blue\",", 1);
    let out = tierwise(&["check", &temp("warn.json", &v)]);
    assert_eq!(out.status.code(), Some(0));
    assert!(
        text(&out.stdout).contains("warning: colour is not a field Tierwise knows; it is ignored"),
        "{}",
        text(&out.stdout)
    );
}

#[test]
fn bad_files_give_one_line_and_exit_2() {
    let missing = tierwise(&["check", "/nonexistent/config.json"]);
    assert_eq!(missing.status.code(), Some(2));
    assert_eq!(
        text(&missing.stderr).lines().count(),
        1,
        "{}",
        text(&missing.stderr)
    );

    let not_json = temp("broken.json", "{ \"schema\": 1,");
    let out = tierwise(&["eval", "--config", &not_json, "--scenario", &not_json]);
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("not valid JSON"), "{err}");

    let scenario = temp(
        "bad-scenario.json",
        r#"{"team_size": 0, "scale": 6, "requirements": ["nope"]}"#,
    );
    let out = tierwise(&[
        "eval",
        "--config",
        &sample("stream-platform.json"),
        "--scenario",
        &scenario,
    ]);
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("team_size is 0, but must be between 1 and 1,000,000"),
        "{err}"
    );
    assert!(
        err.contains("requirements[0] names an unknown requirement \"nope\""),
        "{err}"
    );

    // A valid sample padded past 1 MB is refused for its size, before it is parsed.
    let padded =
        std::fs::read_to_string(sample("stream-platform.json")).unwrap() + &" ".repeat(1_000_000);
    let big = temp("big.json", &padded);
    let out = tierwise(&["check", &big]);
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(err.contains("over the limit of 1,000,000 bytes"), "{err}");

    let out = tierwise(&["eval", "--config", &sample("stream-platform.json")]);
    assert_eq!(out.status.code(), Some(2));
    let out = tierwise(&["frobnicate"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn eval_prints_the_result_json() {
    let scenario = temp(
        "s.json",
        r#"{"team_size": 40, "scale": 6, "horizon": 3, "requirements": ["sso"], "monte_carlo": {"draws": 500, "seed": 1}}"#,
    );
    let out = tierwise(&[
        "eval",
        "--config",
        &sample("stream-platform.json"),
        "--scenario",
        &scenario,
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let r: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(r["recommended"].is_string());
    let options = r["options"].as_array().unwrap();
    assert_eq!(options.len(), 3);
    let community = &options[0];
    assert!(
        community["savings"].is_null()
            && community["payback_month"].is_null()
            && community["wins_team_size"].is_null()
    );
    for key in [
        "id",
        "qualified",
        "unmet",
        "years",
        "one_time",
        "total",
        "present_cost",
        "savings",
        "roi",
        "payback_month",
        "wins_team_size",
        "wins_scale",
    ] {
        assert!(options[1].get(key).is_some(), "missing {key}");
    }
    let year = &options[1]["years"][0];
    for key in [
        "year",
        "licence",
        "infrastructure",
        "operations",
        "self_help",
        "downtime",
        "compliance",
    ] {
        assert!(year[key].is_number(), "missing {key}");
    }
    assert!(
        options[1]["one_time"]["migration"].is_number()
            && options[1]["one_time"]["compliance_build"].is_number()
    );
    assert!(options[1]["wins_team_size"].is_array());
    assert!(
        r["sensitivity"][0]["assumption"].is_string() && r["sensitivity"][0]["low"].is_number()
    );
    assert_eq!(r["monte_carlo"]["draws"], 500);
    assert_eq!(r["monte_carlo"]["options"].as_array().unwrap().len(), 3);
    for key in ["id", "p10", "p50", "p90", "cheapest_share"] {
        assert!(
            r["monte_carlo"]["options"][0].get(key).is_some(),
            "missing {key}"
        );
    }
    // Without monte_carlo in the scenario, none in the result.
    let plain = temp("plain.json", r#"{"team_size": 40, "scale": 6}"#);
    let out = tierwise(&[
        "eval",
        "--config",
        &sample("stream-platform.json"),
        "--scenario",
        &plain,
    ]);
    let r: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(r.get("monte_carlo").is_none());
}

#[test]
fn migrate_prints_the_model_2_form_of_a_model_1_config_with_the_same_figures() {
    use tierwise::model::{evaluate, Config, Scenario, Value};
    let path = sample("stream-platform.json");
    let out = tierwise(&["migrate", &path]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let parse = |s: &str| -> Value { serde_json::from_str(s).unwrap() };
    let old = Config::from_value(&parse(&std::fs::read_to_string(&path).unwrap())).unwrap();
    let new = Config::from_value(&parse(&text(&out.stdout))).unwrap();
    assert_eq!((old.schema, new.schema), (1, 2));
    assert!(new.warnings.is_empty(), "{:?}", new.warnings);
    // Every requirement lists every option: the migrated file is a complete model-2 config.
    let doc: serde_json::Value = serde_json::from_str(&text(&out.stdout)).unwrap();
    for r in doc["requirements"].as_array().unwrap() {
        for o in &new.options {
            assert!(r.get(&o.id).is_some(), "{} misses {}", r["id"], o.id);
        }
    }
    // Same figures at the entered values and in the expected view, to the bit.
    for s in [
        r#"{"team_size": 40, "scale": 6}"#,
        r#"{"team_size": 3, "scale": 1, "requirements": ["sso"]}"#,
    ] {
        let a = evaluate(&old, &Scenario::from_value(&old, &parse(s)).unwrap());
        let b = evaluate(&new, &Scenario::from_value(&new, &parse(s)).unwrap());
        assert_eq!(a, b);
    }
    // A model-2 config needs no migration; a broken one is refused with its problems.
    let again = temp("migrated.json", &text(&out.stdout));
    let out = tierwise(&["migrate", &again]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("schema is already 2"),
        "{}",
        text(&out.stderr)
    );
    let bad = temp("bad-migrate.json", r#"{"schema": 1, "product": "X"}"#);
    let out = tierwise(&["migrate", &bad]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("currency is missing"),
        "{}",
        text(&out.stderr)
    );
}
