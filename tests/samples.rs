//! The sample configs in `public/configs/` are valid, documented, and realistic enough that
//! the verdict changes across the input space.
#![cfg(not(target_arch = "wasm32"))]

mod common;
use common::*;
use std::collections::BTreeMap;
use tierwise::model::assumptions::Key;
use tierwise::model::config::Kind;
use tierwise::model::{evaluate_to, Depth, Scenario};

#[test]
fn there_are_at_least_three_samples_and_all_are_valid_without_warnings() {
    let names = sample_names();
    assert!(names.len() >= 3, "{names:?}");
    for name in names {
        let c = sample(&name);
        assert!(c.warnings.is_empty(), "{name}: {:?}", c.warnings);
    }
}

#[test]
fn the_samples_include_a_model_1_file_and_model_2_files() {
    let schemas: Vec<(String, u8)> = sample_names()
        .into_iter()
        .map(|name| {
            let schema = sample(&name).schema;
            (name, schema)
        })
        .collect();
    let count = |model: u8| schemas.iter().filter(|(_, s)| *s == model).count();
    assert!(count(1) >= 1, "no model-1 sample: {schemas:?}");
    assert!(
        count(2) >= 3,
        "fewer than three model-2 samples: {schemas:?}"
    );
}

/// Every assumption the config's model knows (a model-1 config cannot state `infra_base_month`).
#[test]
fn every_assumption_has_a_source_note() {
    for name in sample_names() {
        let c = sample(&name);
        for key in Key::ALL {
            if c.schema == 1 && key.model2_only() {
                continue;
            }
            assert!(
                c.assumptions.get(key).source.is_some(),
                "{name}: {} has no source",
                key.id()
            );
        }
    }
}

/// Which option is recommended at each point of a grid of team sizes, scales and
/// requirement selections (none, the defaults, all but the ones some option cannot meet).
fn verdicts(name: &str) -> BTreeMap<String, Vec<String>> {
    let c = sample(name);
    let mut seen: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let all_meetable: Vec<String> = c
        .requirements
        .iter()
        .filter(|r| {
            r.treatments
                .iter()
                .filter(|t| t.label() == "not available")
                .count()
                == 0
        })
        .map(|r| r.id.clone())
        .collect();
    let selections = [vec![], c.defaults.requirements.clone(), all_meetable];
    for team in [3.0, 10.0, 30.0, 100.0, 300.0, 1_000.0, 5_000.0] {
        for scale in [1.0, 3.0, 10.0, 30.0, 100.0] {
            for reqs in &selections {
                let mut s = Scenario::defaults(&c);
                s.team_size = team;
                s.scale = scale;
                s.requirements = reqs.clone();
                let r = evaluate_to(&c, &s, Depth::COSTS);
                let winner = r.recommended.clone().unwrap_or_else(|| "none".into());
                seen.entry(winner)
                    .or_default()
                    .push(format!("team {team}, scale {scale}, {reqs:?}"));
            }
        }
    }
    seen
}

#[test]
fn the_verdict_changes_across_the_input_space() {
    for name in sample_names() {
        let seen = verdicts(&name);
        let c = sample(&name);
        for o in &c.options {
            assert!(
                seen.contains_key(&o.id),
                "{name}: {} never wins; winners: {:?}",
                o.id,
                seen.keys().collect::<Vec<_>>()
            );
        }
    }
}

/// A small team with no special needs is pointed at the community edition or a cloud tier,
/// never at a self-managed enterprise licence, whatever its scale and horizon.
#[test]
fn a_five_person_team_with_no_requirements_is_never_told_to_buy_an_enterprise_edition() {
    for name in sample_names() {
        let c = sample(&name);
        for horizon in [1, 3, 5] {
            for scale in [1.0, 3.0, 10.0, 30.0, 100.0] {
                let mut s = Scenario::defaults(&c);
                s.team_size = 5.0;
                s.scale = scale;
                s.horizon = horizon;
                s.requirements = vec![];
                let r = evaluate_to(&c, &s, Depth::COSTS);
                let Some(id) = r.recommended else { continue };
                let i = c
                    .options
                    .iter()
                    .position(|o| o.id == id)
                    .expect("the recommended option is one of the config's");
                assert_ne!(
                    c.options[i].kind(),
                    Kind::Enterprise,
                    "{name}: a 5-person team at scale {scale} over {horizon} years is told to buy {id}"
                );
            }
        }
    }
}

/// The browser's serializer (`to_value`, used for events and the JS API) writes every result
/// exactly as serde_json does for the CLI: same fields, same nulls, same numbers.
#[test]
fn results_serialize_the_same_for_the_browser_and_the_cli() {
    use tierwise::model::value::{to_value, Value};
    for name in common::sample_names() {
        let config = common::sample(&name);
        let scenario = tierwise::model::Scenario::defaults(&config);
        let report = tierwise::model::evaluate_to(&config, &scenario, tierwise::model::Depth::FULL);
        for (what, ours, theirs) in [
            (
                "report",
                to_value(&report),
                serde_json::to_value(&report).unwrap(),
            ),
            (
                "scenario",
                to_value(&scenario),
                serde_json::to_value(&scenario).unwrap(),
            ),
        ] {
            let theirs: Value = serde_json::from_value(theirs).unwrap();
            assert_eq!(sorted(ours), sorted(theirs), "{name}: the {what} differs");
        }
    }
}

/// The value with object members sorted by key (serde_json's map sorts them).
fn sorted(v: tierwise::model::value::Value) -> tierwise::model::value::Value {
    use tierwise::model::value::Value;
    match v {
        Value::Array(items) => Value::Array(items.into_iter().map(sorted).collect()),
        Value::Object(members) => {
            let mut m: Vec<_> = members.into_iter().map(|(k, v)| (k, sorted(v))).collect();
            m.sort_by(|a, b| a.0.cmp(&b.0));
            Value::Object(m)
        }
        other => other,
    }
}
