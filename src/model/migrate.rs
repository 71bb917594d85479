//! `tierwise migrate`: the model-2 form of a model-1 config, with the same figures.
//!
//! Model 2 reads a model-1 config's fields the same way; what changes is the schema number
//! and that every requirement must say how every option meets it (model 1 read a missing
//! entry as "unavailable"). So the migration writes those two things and nothing else,
//! keeping the vendor's field order and notes.

use super::config::Config;
use super::problem::{Problem, Problems};
use super::value::Value;

/// Where editors find the JSON Schema of model-2 configs.
pub const SCHEMA_URL: &str = "https://tierwise.example/schema/config-2.json";

/// The model-2 form of `doc`, a model-1 config. A config that is not a valid model-1 config
/// is refused with its problems (a model-2 one with a note that it needs no migration).
pub fn migrate(doc: &Value) -> Result<Value, Problems> {
    let config = Config::from_value(doc)?;
    if config.schema != 1 {
        return Err(Problems(vec![Problem::other(
            "schema",
            "is already 2: the config needs no migration",
        )]));
    }
    let Value::Object(members) = doc else {
        unreachable!("a valid config is an object");
    };
    let mut out: Vec<(String, Value)> = vec![
        ("$schema".into(), Value::String(SCHEMA_URL.into())),
        ("schema".into(), Value::Number(2.0)),
    ];
    for (key, value) in members {
        match key.as_str() {
            "$schema" | "schema" => {}
            "requirements" => out.push((key.clone(), requirements(&config, value))),
            _ => out.push((key.clone(), value.clone())),
        }
    }
    Ok(Value::Object(out))
}

/// The requirements with an explicit "unavailable" for every option a requirement left out.
fn requirements(config: &Config, value: &Value) -> Value {
    let Value::Array(items) = value else {
        return value.clone();
    };
    Value::Array(
        items
            .iter()
            .map(|item| {
                let Value::Object(fields) = item else {
                    return item.clone();
                };
                let mut fields = fields.clone();
                for o in &config.options {
                    if !fields
                        .iter()
                        .any(|(k, v)| k == &o.id && !matches!(v, Value::Null))
                    {
                        fields.retain(|(k, _)| k != &o.id);
                        fields.push((o.id.clone(), Value::String("unavailable".into())));
                    }
                }
                Value::Object(fields)
            })
            .collect(),
    )
}
