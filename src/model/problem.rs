//! Problems found in a config or a scenario, each tied to the path of the field at fault.
//!
//! A problem keeps its numbers as numbers: the browser formats them with `Intl.NumberFormat`
//! (so the wasm never links Rust's float formatting) and the CLI with [`plain_number`].

use super::messages::{english, Messages};
use std::fmt;

/// One thing wrong with an input, at `path` (`options[1].price.bands[0].per_seat`).
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    /// Where the problem is, in JSON path notation; empty for the document itself.
    pub path: String,
    /// What is wrong there.
    pub issue: Issue,
}

/// What is wrong with a field.
#[derive(Clone, Debug, PartialEq)]
pub enum Issue {
    /// A required field is absent.
    Missing,
    /// The field holds the wrong kind of JSON value.
    WrongType {
        expected: &'static str,
        found: &'static str,
    },
    /// A number outside its allowed range (both ends inclusive unless `min_exclusive`).
    OutOfRange {
        value: f64,
        min: f64,
        max: f64,
        min_exclusive: bool,
    },
    /// A number that must be whole.
    NotWhole { value: f64 },
    /// A string that is not one of the allowed words.
    NotOneOf {
        found: String,
        allowed: &'static [&'static str],
    },
    /// A reference to something the document does not define (`unknown requirement 'x'`).
    Unknown { what: &'static str, name: String },
    /// An identifier used twice.
    Duplicate { what: &'static str, name: String },
    /// A schema version this engine does not read.
    Schema { found: f64 },
    /// An uncertainty range whose low is above its high.
    LowAboveHigh { low: f64, high: f64 },
    /// A band limit not above the previous band's.
    NotIncreasing { previous: f64 },
    /// A maximum below the minimum it goes with.
    BelowMinimum { minimum: f64 },
    /// A model-2 field in a config that declares `"schema": 1`.
    NeedsModel2,
    /// A message of the catalogue (`id`), with `{n}` standing for `number`: words a person
    /// reads in the widget, so they follow its language.
    Said { id: &'static str, number: f64 },
    /// Anything else, said in full (no numbers in it: those go in a variant of their own, so
    /// the browser formats them). For config authors: stays in English.
    Other(String),
}

impl Problem {
    pub fn new(path: impl Into<String>, issue: Issue) -> Self {
        Problem {
            path: path.into(),
            issue,
        }
    }

    pub fn other(path: impl Into<String>, message: impl Into<String>) -> Self {
        Problem::new(path, Issue::Other(message.into()))
    }

    /// The problem in English, with numbers written by `number`.
    pub fn message_with(&self, number: &dyn Fn(f64) -> String) -> String {
        self.message_in(&Messages::english(), number)
    }

    /// The problem in `words`' language, with numbers written by `number`.
    pub fn message_in(&self, words: &Messages, number: &dyn Fn(f64) -> String) -> String {
        // The kinds of value ("a number") are messages too, where there is one.
        let kind = |k: &str| {
            let id = format!("kind.{k}");
            if english(&id).is_some() {
                words.get(&id).to_owned()
            } else {
                k.to_owned()
            }
        };
        let what = match &self.issue {
            Issue::Missing => words.get("problem.missing").to_owned(),
            Issue::WrongType { expected, found } => words.fill(
                "problem.wrong_type",
                &[("expected", &kind(expected)), ("found", &kind(found))],
            ),
            Issue::OutOfRange {
                value,
                min,
                max,
                min_exclusive,
            } => {
                let id = match min_exclusive {
                    true => "problem.above_and_at_most",
                    false => "problem.between",
                };
                let (value, min, max) = (number(*value), number(*min), number(*max));
                words.fill(id, &[("value", &value), ("min", &min), ("max", &max)])
            }
            Issue::NotWhole { value } => {
                words.fill("problem.not_whole", &[("value", &number(*value))])
            }
            Issue::NotOneOf { found, allowed } => {
                let allowed = allowed.join(", ");
                words.fill(
                    "problem.not_one_of",
                    &[("found", found), ("allowed", &allowed)],
                )
            }
            Issue::Unknown { what, name } => {
                words.fill("problem.unknown", &[("what", &kind(what)), ("name", name)])
            }
            Issue::Duplicate { what, name } => words.fill(
                "problem.duplicate",
                &[("what", &kind(what)), ("name", name)],
            ),
            Issue::Schema { found } => words.fill("problem.schema", &[("value", &number(*found))]),
            Issue::LowAboveHigh { low, high } => words.fill(
                "problem.low_above_high",
                &[("low", &number(*low)), ("high", &number(*high))],
            ),
            Issue::NotIncreasing { previous } => words.fill(
                "problem.not_increasing",
                &[("previous", &number(*previous))],
            ),
            Issue::BelowMinimum { minimum } => {
                words.fill("problem.below_minimum", &[("minimum", &number(*minimum))])
            }
            Issue::NeedsModel2 => words.get("problem.needs_model2").to_owned(),
            Issue::Said { id, number: x } => words.fill(id, &[("n", &number(*x))]),
            Issue::Other(message) => message.clone(),
        };
        if self.path.is_empty() {
            what
        } else {
            words.fill("problem.at", &[("path", &self.path), ("problem", &what)])
        }
    }
}

/// Writes a number for a person: whole numbers with thousands separators, fractions with up
/// to six significant decimals. Native only in practice; the browser uses `Intl`.
pub fn plain_number(x: f64) -> String {
    if !x.is_finite() {
        return if x.is_nan() {
            "not a number".into()
        } else if x > 0.0 {
            "infinity".into()
        } else {
            "minus infinity".into()
        };
    }
    if x.fract() == 0.0 && x.abs() < 1e15 {
        let digits = format!("{}", x.abs() as u64);
        let mut out = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                out.push(',');
            }
            out.push(c);
        }
        if x < 0.0 {
            out.insert(0, '-');
        }
        out
    } else if x.abs() >= 1e15 || x.abs() < 1e-6 {
        format!("{x:e}")
    } else {
        let s = format!("{x}");
        if s.len() > 12 {
            format!("{x:.6}").trim_end_matches('0').to_owned()
        } else {
            s
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(&self.message_with(&plain_number))
    }
}

/// Every problem found in one document; never empty.
#[derive(Clone, Debug, PartialEq)]
pub struct Problems(pub Vec<Problem>);

impl Problems {
    /// The problems joined on one line, for an error that must fit one line.
    pub fn one_line(&self) -> String {
        self.0
            .iter()
            .map(|p| p.to_string())
            .collect::<Vec<_>>()
            .join("; ")
    }
}

impl fmt::Display for Problems {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        let n = self.0.len();
        write!(
            f,
            "{n} problem{}: {}",
            if n == 1 { "" } else { "s" },
            self.one_line()
        )
    }
}

impl std::error::Error for Problems {}
