//! `tierwise`: check a pricing config, or evaluate a scenario, from the command line.
//!
//! Native only: it reads files and prints JSON with serde_json, which the wasm never links.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    std::process::exit(cli::run(std::env::args().skip(1).collect()));
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use tierwise::model::{evaluate, Config, Scenario, Value};

    const USAGE: &str = "usage:
  tierwise check CONFIG.json
      Validate a pricing config; print every problem by path. Exit 1 on any problem.
  tierwise eval --config CONFIG.json --scenario SCENARIO.json
      Print the Result JSON for the scenario. Exit 2 on a bad file.
  tierwise migrate CONFIG.json
      Print the model-2 form of a model-1 config (same figures). Exit 1 if it is not one.";

    /// Runs the command line `args`, printing as it goes; returns the exit code.
    pub fn run(args: Vec<String>) -> i32 {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        match args.as_slice() {
            ["check", path] => check(path),
            ["migrate", path] => migrate(path),
            ["eval", rest @ ..] => match eval_args(rest) {
                Ok((config, scenario)) => eval(config, scenario),
                Err(message) => fail(&message),
            },
            ["help" | "--help" | "-h"] => {
                println!("{USAGE}");
                0
            }
            _ => fail(&format!("unrecognised arguments\n{USAGE}")),
        }
    }

    fn fail(message: &str) -> i32 {
        eprintln!("error: {message}");
        2
    }

    fn eval_args<'a>(args: &[&'a str]) -> Result<(&'a str, &'a str), String> {
        let (mut config, mut scenario) = (None, None);
        let mut it = args.iter();
        while let Some(flag) = it.next() {
            let slot = match *flag {
                "--config" => &mut config,
                "--scenario" => &mut scenario,
                other => return Err(format!("unknown argument {other:?}\n{USAGE}")),
            };
            *slot = Some(
                *it.next()
                    .ok_or_else(|| format!("{flag} needs a file name"))?,
            );
        }
        match (config, scenario) {
            (Some(c), Some(s)) => Ok((c, s)),
            _ => Err(format!("eval needs both --config and --scenario\n{USAGE}")),
        }
    }

    /// Reads a JSON file into a [`Value`], or says in one line why not.
    fn read_json(path: &str) -> Result<Value, String> {
        let text =
            std::fs::read_to_string(path).map_err(|e| format!("{path}: cannot read: {e}"))?;
        tierwise::model::value::check_size(path, text.len())?;
        serde_json::from_str(&text).map_err(|e| format!("{path}: not valid JSON: {e}"))
    }

    fn check(path: &str) -> i32 {
        let value = match read_json(path) {
            Ok(v) => v,
            Err(message) => return fail(&message),
        };
        match Config::from_value(&value) {
            Ok(config) => {
                for w in &config.warnings {
                    println!("{path}: warning: {w}");
                }
                println!(
                    "{path}: ok: {} in {}, {} options, {} requirements",
                    config.product,
                    config.currency,
                    config.options.len(),
                    config.requirements.len()
                );
                0
            }
            Err(problems) => {
                for p in &problems.0 {
                    println!("{path}: {p}");
                }
                let n = problems.0.len();
                eprintln!("{path}: {n} problem{}", if n == 1 { "" } else { "s" });
                1
            }
        }
    }

    fn migrate(path: &str) -> i32 {
        let value = match read_json(path) {
            Ok(v) => v,
            Err(message) => return fail(&message),
        };
        match tierwise::model::migrate::migrate(&value) {
            Ok(doc) => match serde_json::to_string_pretty(&doc) {
                Ok(json) => {
                    println!("{json}");
                    0
                }
                Err(e) => fail(&format!("cannot write the config: {e}")),
            },
            Err(problems) => {
                for p in &problems.0 {
                    eprintln!("{path}: {p}");
                }
                1
            }
        }
    }

    fn eval(config_path: &str, scenario_path: &str) -> i32 {
        let result = (|| {
            let config = Config::from_value(&read_json(config_path)?)
                .map_err(|p| format!("{config_path}: {p}"))?;
            let scenario = Scenario::from_value(&config, &read_json(scenario_path)?)
                .map_err(|p| format!("{scenario_path}: {p}"))?;
            let report = evaluate(&config, &scenario);
            serde_json::to_string_pretty(&report)
                .map_err(|e| format!("cannot write the result: {e}"))
        })();
        match result {
            Ok(json) => {
                println!("{json}");
                0
            }
            Err(message) => fail(&message),
        }
    }
}
