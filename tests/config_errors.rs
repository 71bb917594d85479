//! Every malformed config gets its own message, naming the path at fault; scenarios likewise.
#![cfg(not(target_arch = "wasm32"))]

mod common;
use common::*;
use tierwise::model::{Config, Scenario};

/// A config from the spec's folder (beside the repository, as CI lays it out), or the sample
/// of the same shape when the folder is absent.
fn spec_config(file: &str, sample: &str) -> serde_json::Value {
    let dir = env!("CARGO_MANIFEST_DIR");
    let text = std::fs::read_to_string(format!("{dir}/../shared/spec/{file}"))
        .or_else(|_| std::fs::read_to_string(format!("{dir}/public/configs/{sample}")))
        .unwrap();
    serde_json::from_str(&text).unwrap()
}

/// The spec's model-1 example config, which every case below breaks in one way (the model-2
/// rules have their own tests at the end).
fn example() -> serde_json::Value {
    spec_config("example-config-v1.json", "stream-platform.json")
}

/// The problems of the example config after `edit`.
fn problems_after(edit: impl FnOnce(&mut serde_json::Value)) -> Vec<String> {
    let mut v = example();
    edit(&mut v);
    config_problems(&v.to_string())
}

#[track_caller]
fn expect(problems: Vec<String>, wanted: &[&str]) {
    assert_eq!(
        problems,
        wanted.iter().map(|s| s.to_string()).collect::<Vec<_>>()
    );
}

#[test]
fn the_example_config_is_valid() {
    assert!(config_problems(&example().to_string()).is_empty());
}

#[test]
fn schema_versions() {
    expect(
        problems_after(|v| v["schema"] = 3.into()),
        &["schema is 3, but this version of Tierwise reads schema 1 and 2"],
    );
    expect(
        problems_after(|v| v["schema"] = "1".into()),
        &["schema must be the number 1 or 2, not a string"],
    );
    expect(
        problems_after(|v| {
            v.as_object_mut()
                .unwrap()
                .remove("schema")
                .map(|_| ())
                .unwrap()
        }),
        &["schema is missing"],
    );
}

#[test]
fn not_an_object() {
    expect(
        config_problems("[1, 2]"),
        &["must be an object, not an array"],
    );
    expect(config_problems("null"), &["must be an object, not null"]);
}

#[test]
fn wrong_types() {
    expect(
        problems_after(|v| v["options"][1]["price"]["platform_fee"] = "15000".into()),
        &["options[1].price.platform_fee must be a number, not a string"],
    );
    expect(
        problems_after(|v| v["product"] = 7.into()),
        &["product must be a string, not a number"],
    );
    expect(
        problems_after(|v| v["options"] = serde_json::json!({})),
        &["options must be an array, not an object"],
    );
    expect(
        problems_after(|v| v["assumptions"]["engineer_cost"]["value"] = true.into()),
        &["assumptions.engineer_cost.value must be a number, not a boolean"],
    );
    expect(
        problems_after(|v| v["requirements"][0]["community"] = 3.into()),
        &["requirements[0].community must be a string or an object, not a number"],
    );
}

#[test]
fn negative_prices() {
    expect(
        problems_after(|v| v["options"][1]["price"]["bands"][0]["per_seat"] = (-5).into()),
        &["options[1].price.bands[0].per_seat is -5, but must be between 0 and 1,000,000,000,000"],
    );
    expect(
        problems_after(|v| v["options"][2]["price"]["minimum"] = (-1).into()),
        &["options[2].price.minimum is -1, but must be between 0 and 1,000,000,000,000"],
    );
    expect(
        problems_after(|v| v["requirements"][1]["cloud"]["addon"]["per_year"] = (-6000).into()),
        &["requirements[1].cloud.addon.per_year is -6,000, but must be between 0 and 1,000,000,000,000"],
    );
}

#[test]
fn unsorted_and_malformed_bands() {
    expect(
        problems_after(|v| v["options"][1]["price"]["bands"][1]["up_to"] = 40.into()),
        &["options[1].price.bands[1].up_to must be more than the previous band's up_to (50): bands go in increasing order"],
    );
    expect(
        problems_after(|v| v["options"][1]["price"]["bands"][2]["up_to"] = 900.into()),
        &["options[1].price.bands[2].up_to must be left out on the last band, which prices everything above the one before"],
    );
    expect(
        problems_after(|v| {
            v["options"][1]["price"]["bands"][0]
                .as_object_mut()
                .unwrap()
                .remove("up_to");
        }),
        &["options[1].price.bands[0].up_to is missing: only the last band may leave it out"],
    );
    expect(
        problems_after(|v| v["options"][1]["price"]["bands"][0]["up_to"] = 0.into()),
        &["options[1].price.bands[0].up_to is 0, but must be more than 0, and at most 1,000,000,000,000"],
    );
}

#[test]
fn unknown_option_kind() {
    expect(
        problems_after(|v| v["options"][2]["kind"] = "saas".into()),
        &["options[2].kind is \"saas\", but must be one of: community, enterprise, cloud"],
    );
}

#[test]
fn two_community_options_and_no_paid_option() {
    expect(
        problems_after(|v| {
            v["options"][2] =
                serde_json::json!({"id": "community2", "kind": "community", "name": "Another"});
        }),
        &["options must include exactly one option of kind \"community\", but has 2"],
    );
    expect(
        problems_after(|v| {
            let o = v["options"].as_array_mut().unwrap();
            o.truncate(1);
        }),
        &["options must include one to 6 paid options (enterprise or cloud), but has none"],
    );
    expect(
        problems_after(|v| {
            v["options"][0] = v["options"][1].clone();
            v["options"][0]["id"] = "enterprise2".into();
        }),
        &[
            "options must include exactly one option of kind \"community\", but has none",
            "options must include one or two paid options in a model-1 config, but has 3: declare \"schema\": 2 for up to 6",
        ],
    );
}

#[test]
fn duplicate_ids() {
    expect(
        problems_after(|v| v["options"][2]["id"] = "enterprise".into()),
        &["options[2].id repeats the option id \"enterprise\""],
    );
    expect(
        problems_after(|v| v["requirements"][3]["id"] = "sso".into()),
        &["requirements[3].id repeats the requirement id \"sso\""],
    );
}

#[test]
fn fields_of_another_kind_and_missing_fields() {
    expect(
        problems_after(|v| v["options"][1]["availability"] = 0.999.into()),
        &["options[1].availability does not apply to an option of kind \"enterprise\""],
    );
    expect(
        problems_after(|v| {
            v["options"][2]
                .as_object_mut()
                .unwrap()
                .remove("availability");
        }),
        &["options[2].availability is missing"],
    );
    expect(
        problems_after(|v| {
            v["options"][1].as_object_mut().unwrap().remove("price");
        }),
        &["options[1].price is missing"],
    );
    expect(
        problems_after(|v| v["options"][0]["price"] = serde_json::json!({})),
        &["options[0].price does not apply to an option of kind \"community\""],
    );
}

#[test]
fn fractions_out_of_range() {
    expect(
        problems_after(|v| v["options"][1]["ops_reduction"] = 1.5.into()),
        &["options[1].ops_reduction is 1.5, but must be between 0 and 1"],
    );
    expect(
        problems_after(|v| v["options"][2]["price"]["term_discounts"][0]["discount"] = 2.into()),
        &["options[2].price.term_discounts[0].discount is 2, but must be between 0 and 1"],
    );
    expect(
        problems_after(|v| v["options"][2]["price"]["term_discounts"][0]["min_years"] = 1.5.into()),
        &["options[2].price.term_discounts[0].min_years is 1.5, but must be a whole number"],
    );
}

#[test]
fn assumptions() {
    expect(
        problems_after(|v| v["assumptions"]["engineer_cots"] = 5.into()),
        &["assumptions.engineer_cots is \"engineer_cots\", but must be one of: engineer_cost, work_hours, infra_per_unit_month, infra_base_month, ops_base_hours_month, ops_hours_per_unit_month, selfhelp_hours_per_seat_year, self_hosted_availability, productivity_loss, business_cost_per_down_hour, discount_rate, migration_weeks"],
    );
    expect(
        problems_after(|v| v["assumptions"]["infra_per_unit_month"]["low"] = 800.into()),
        &["assumptions.infra_per_unit_month has low 800 above high 700"],
    );
    expect(
        problems_after(|v| {
            v["assumptions"]["migration_weeks"]
                .as_object_mut()
                .unwrap()
                .remove("high");
        }),
        &["assumptions.migration_weeks.high is missing: low and high go together"],
    );
    expect(
        problems_after(|v| v["assumptions"]["work_hours"]["value"] = 0.into()),
        &["assumptions.work_hours.value is 0, but must be between 100 and 8,760"],
    );
    expect(
        problems_after(|v| v["assumptions"]["self_hosted_availability"]["high"] = 1.2.into()),
        &["assumptions.self_hosted_availability.high is 1.2, but must be between 0 and 1"],
    );
}

#[test]
fn requirements() {
    expect(
        problems_after(|v| v["requirements"][0]["community"] = "maybe".into()),
        &["requirements[0].community is \"maybe\", but must be one of: included, unavailable, {\"addon\": {…}}, {\"external\": {…}}, {\"build\": {…}}"],
    );
    expect(
        problems_after(|v| {
            v["requirements"][0]["community"] = serde_json::json!({"build": {"weeks": -1}})
        }),
        &["requirements[0].community.build.weeks is -1, but must be between 0 and 520"],
    );
    expect(
        problems_after(|v| v["requirements"][0]["community"] = serde_json::json!({"addon": {"per_year": 1}, "build": {"weeks": 1}})),
        &["requirements[0].community must be an object with exactly one of \"addon\", \"external\" or \"build\""],
    );
    expect(
        problems_after(|v| v["defaults"]["requirements"] = serde_json::json!(["sso", "hipaa"])),
        &["defaults.requirements[1] names an unknown requirement \"hipaa\""],
    );
    expect(
        problems_after(|v| v["requirements"][0]["id"] = "s s o".into()),
        &["requirements[0].id \"s s o\" is not a valid requirement id: use up to 64 letters, digits, '_' or '-'"],
    );
}

#[test]
fn currency_and_cta() {
    expect(
        problems_after(|v| v["currency"] = "dollars".into()),
        &["currency is \"dollars\", but must be a three-letter ISO 4217 code such as \"USD\""],
    );
    expect(
        problems_after(|v| v["options"][1]["cta"] = serde_json::json!({"label": "Buy", "url": "javascript:alert(1)"})),
        &["options[1].cta.url is \"javascript:alert(1)\", but must be an http:// or https:// URL or a path starting with /"],
    );
}

#[test]
fn defaults_out_of_range() {
    expect(
        problems_after(|v| v["defaults"]["horizon"] = 11.into()),
        &["defaults.horizon is 11, but must be between 1 and 10"],
    );
    expect(
        problems_after(|v| v["defaults"]["scale"] = 0.into()),
        &["defaults.scale is 0, but must be more than 0, and at most 1,000,000"],
    );
}

#[test]
fn every_problem_is_reported_at_once() {
    let p = problems_after(|v| {
        v["product"] = serde_json::Value::Null;
        v["options"][1]["price"]["per_unit"] = (-1).into();
        v["options"][2]["availability"] = 2.into();
        v["assumptions"]["discount_rate"]["value"] = "8%".into();
    });
    assert_eq!(p.len(), 4, "{p:#?}");
}

#[test]
fn unknown_fields_warn_but_do_not_refuse() {
    let mut v = example();
    v["options"][1]["price"]["platfrom_fee"] = 5.into();
    v["requirements"][0]["enterprize"] = "included".into();
    let c = config(&v.to_string());
    let w: Vec<String> = c.warnings.iter().map(|w| w.to_string()).collect();
    assert_eq!(
        w,
        vec![
            "options[1].price.platfrom_fee is not a field Tierwise knows; it is ignored",
            "requirements[0].enterprize is neither a requirement field nor an option id; it is ignored",
        ]
    );
}

#[test]
fn serde_deserialize_goes_through_the_validator() {
    let c: Config = serde_json::from_value(example()).unwrap();
    assert_eq!(c.options.len(), 3);
    let mut bad = example();
    bad["schema"] = 3.into();
    let err = serde_json::from_value::<Config>(bad)
        .unwrap_err()
        .to_string();
    assert!(err.contains("schema is 3"), "{err}");
}

fn scenario_problems(json: &str) -> Vec<String> {
    let c = config(&example().to_string());
    match Scenario::from_value(&c, &value(json)) {
        Ok(_) => vec![],
        Err(p) => p.0.iter().map(|p| p.to_string()).collect(),
    }
}

#[test]
fn scenario_ranges_name_field_value_and_range() {
    expect(
        scenario_problems(r#"{"team_size": 0, "scale": 6}"#),
        &["team_size is 0, but must be between 1 and 1,000,000"],
    );
    expect(
        scenario_problems(r#"{"team_size": 40, "scale": -1}"#),
        &["scale is -1, but must be more than 0, and at most 1,000,000"],
    );
    expect(
        scenario_problems(r#"{"team_size": 40, "scale": 6, "horizon": 2.5}"#),
        &["horizon is 2.5, but must be a whole number"],
    );
    expect(
        scenario_problems(r#"{"team_size": 40, "scale": 6, "team_growth": -1}"#),
        &["team_growth is -1, but must be between -0.9 and 10"],
    );
    expect(
        scenario_problems(r#"{"team_size": 2000000, "scale": 6}"#),
        &["team_size is 2,000,000, but must be between 1 and 1,000,000"],
    );
    expect(
        scenario_problems(r#"{"scale": 6}"#),
        &["team_size is missing"],
    );
    expect(
        scenario_problems(r#"{"team_size": "40", "scale": 6}"#),
        &["team_size must be a number, not a string"],
    );
    expect(
        scenario_problems(r#"{"team_size": 40, "scale": 6, "monte_carlo": {"draws": 200000}}"#),
        &["monte_carlo.draws is 200,000, but must be between 1 and 100,000"],
    );
}

#[test]
fn unknown_requirement_ids_in_a_scenario() {
    expect(
        scenario_problems(r#"{"team_size": 40, "scale": 6, "requirements": ["sso", "hipaa"]}"#),
        &["requirements[1] names an unknown requirement \"hipaa\""],
    );
    expect(
        scenario_problems(r#"{"team_size": 40, "scale": 6, "assumptions": {"engineer_cost": -5}}"#),
        &["assumptions.engineer_cost is -5, but must be between 0 and 10,000,000"],
    );
}

#[test]
fn restore_keeps_what_is_valid_and_says_what_it_ignored() {
    let c = config(&example().to_string());
    let (s, problems) = Scenario::restore(
        &c,
        &value(
            r#"{"team_size": 75, "scale": "lots", "horizon": 5, "requirements": ["sso", "retired"], "assumptions": {"engineer_cost": 150000, "work_hours": -3}}"#,
        ),
    );
    assert_eq!(s.team_size, 75.0);
    assert_eq!(s.scale, c.defaults.scale);
    assert_eq!(s.horizon, 5);
    assert_eq!(s.requirements, vec!["sso".to_string()]);
    assert_eq!(
        s.assumptions
            .get(tierwise::model::assumptions::Key::EngineerCost)
            .value,
        150_000.0
    );
    assert_eq!(
        s.assumptions
            .get(tierwise::model::assumptions::Key::WorkHours)
            .value,
        1_800.0
    );
    let messages: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
    assert_eq!(
        messages,
        vec![
            "scale must be a number, not a string",
            "requirements[1] names an unknown requirement \"retired\"",
            "assumptions.work_hours is -3, but must be between 100 and 8,760",
        ]
    );
}

#[test]
fn hostile_documents_are_refused_not_panicked_on() {
    let deep = "[".repeat(10_000) + &"]".repeat(10_000);
    assert!(serde_json::from_str::<tierwise::model::Value>(&deep).is_err());
    let long = format!(r#"{{"schema": 1, "product": "{}"}}"#, "x".repeat(3_000));
    let p = config_problems(&long);
    assert!(
        p.iter()
            .any(|m| m == "product is longer than 2000 characters"),
        "{p:?}"
    );
}

/// The spec's model-2 example config (five options), for the model-2 rules.
fn example2() -> serde_json::Value {
    spec_config("example-config.json", "devtool-seats.json")
}

fn problems_after2(edit: impl FnOnce(&mut serde_json::Value)) -> Vec<String> {
    let mut v = example2();
    edit(&mut v);
    config_problems(&v.to_string())
}

#[test]
fn the_model_2_example_is_valid_with_its_new_fields() {
    let c = config(&example2().to_string());
    assert_eq!(c.schema, 2);
    assert!(c.warnings.is_empty(), "{:?}", c.warnings);
}

#[test]
fn model_2_prices_quotes_and_limits() {
    // The example's options: 0 community, 1 cloud_free, 2 cloud_team, 3 enterprise, 4 cloud_dedicated.
    expect(
        problems_after2(|v| v["options"][3]["price"]["quote"]["low"] = 1.5.into()),
        &["options[3].price.quote.low is 1.5, but must be more than 0, and at most 1"],
    );
    expect(
        problems_after2(|v| v["options"][3]["price"]["quote"]["high"] = 0.9.into()),
        &["options[3].price.quote.high is 0.9, but must be between 1 and 10"],
    );
    expect(
        problems_after2(|v| v["options"][2]["limits"]["min_team_size"] = 300.into()),
        &["options[2].limits.max_team_size must be at least the minimum (300)"],
    );
    expect(
        problems_after2(|v| v["options"][2]["limits"]["max_team_size"] = 0.into()),
        &["options[2].limits.max_team_size is 0, but must be between 1 and 1,000,000"],
    );
    expect(
        problems_after2(|v| v["options"][2]["price"]["per_unit"] = 100.into()),
        &["options[2].price.unit_bands cannot go with per_unit: a price states one of the two"],
    );
    expect(
        problems_after2(|v| v["options"][2]["price"]["unit_bands"][1]["per_unit"] = (-1).into()),
        &["options[2].price.unit_bands[1].per_unit is -1, but must be between 0 and 1,000,000,000,000"],
    );
    expect(
        problems_after2(|v| v["options"][3]["infra_factor"] = 11.into()),
        &["options[3].infra_factor is 11, but must be between 0 and 10"],
    );
    expect(
        problems_after2(|v| v["options"][1]["infra_factor"] = 1.into()),
        &["options[1].infra_factor does not apply to an option of kind \"cloud\""],
    );
    expect(
        problems_after2(|v| v["options"][0]["limits"] = serde_json::json!({"max_team_size": 5})),
        &["options[0].limits does not apply to an option of kind \"community\""],
    );
}

#[test]
fn model_2_options_count() {
    expect(
        problems_after2(|v| {
            let o = v["options"].as_array_mut().unwrap();
            for i in 0..3 {
                let mut extra = o[4].clone();
                extra["id"] = format!("extra{i}").into();
                o.push(extra);
            }
        }),
        &["options lists 8 options, more than the 7 allowed (one community option and up to 6 paid ones)"],
    );
}

#[test]
fn model_2_requirements_list_every_option() {
    expect(
        problems_after2(|v| {
            v["requirements"][0].as_object_mut().unwrap().remove("cloud_team");
        }),
        &["requirements[0].cloud_team is missing: a model-2 config says how every option meets every requirement (\"unavailable\" if it cannot)"],
    );
    expect(
        problems_after2(|v| v["requirements"][0]["cloud_team"] = serde_json::json!({"addon": {"source": "x"}})),
        &["requirements[0].cloud_team.addon must state at least one of per_year, per_seat or per_unit"],
    );
    expect(
        problems_after2(|v| v["requirements"][0]["cloud_team"] = serde_json::json!({"addon": {"per_seat": -1}})),
        &["requirements[0].cloud_team.addon.per_seat is -1, but must be between 0 and 1,000,000,000,000"],
    );
    // The keyed forms carry a source note.
    let mut v = example2();
    v["requirements"][0]["enterprise"] =
        serde_json::json!({"included": {"source": "Pricing page"}});
    v["requirements"][0]["cloud_free"] =
        serde_json::json!({"unavailable": {"source": "Pricing page"}});
    let c = config(&v.to_string());
    assert_eq!(
        c.requirements[0].sources[3].as_deref(),
        Some("Pricing page")
    );
    assert_eq!(
        c.requirements[0].sources[2].as_deref(),
        Some("SSO add-on, $4 per user per month")
    );
}

#[test]
fn model_1_configs_refuse_model_2_fields_and_say_which_schema() {
    let needs = |path: &str| format!("{path} is a model-2 field: declare \"schema\": 2 to use it");
    expect(
        problems_after(|v| v["options"][1]["limits"] = serde_json::json!({"max_team_size": 5})),
        &[&needs("options[1].limits")],
    );
    expect(
        problems_after(|v| {
            v["options"][1]["price"]["quote"] = serde_json::json!({"low": 0.5, "high": 1})
        }),
        &[&needs("options[1].price.quote")],
    );
    expect(
        problems_after(|v| {
            v["options"][1]["price"]["unit_bands"] = serde_json::json!([{"per_unit": 1}])
        }),
        &[&needs("options[1].price.unit_bands")],
    );
    expect(
        problems_after(|v| v["options"][1]["infra_factor"] = 1.2.into()),
        &[&needs("options[1].infra_factor")],
    );
    expect(
        problems_after(|v| v["assumptions"]["infra_base_month"] = 300.into()),
        &[&needs("assumptions.infra_base_month")],
    );
    expect(
        problems_after(|v| {
            v["requirements"][0]["enterprise"] =
                serde_json::json!({"addon": {"per_year": 1, "per_seat": 4}})
        }),
        &[&needs("requirements[0].enterprise.addon.per_seat")],
    );
    expect(
        problems_after(|v| {
            v["requirements"][0]["enterprise"] = serde_json::json!({"included": {"source": "x"}})
        }),
        &[&needs("requirements[0].enterprise.included")],
    );
    // A model-1 config that leaves an option out of a requirement reads it as unavailable.
    let mut v = example();
    v["requirements"][0]
        .as_object_mut()
        .unwrap()
        .remove("cloud");
    let c = config(&v.to_string());
    assert_eq!(
        c.requirements[0].treatments[2],
        tierwise::model::config::Treatment::Unavailable
    );
    // "$schema" is accepted in both.
    let mut v = example();
    v["$schema"] = "https://tierwise.example/schema/config-2.json".into();
    assert!(config(&v.to_string()).warnings.is_empty());
}
