//! Problems found in a config or a scenario, each tied to the path of the field at fault.
//!
//! A problem keeps its numbers as numbers: the browser formats them with `Intl.NumberFormat`
//! (so the wasm never links Rust's float formatting) and the CLI with [`plain_number`].

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
    /// Anything else, said in full (no numbers in it: those go in a variant of their own, so
    /// the browser formats them).
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

    /// The problem in words, with numbers written by `number`.
    pub fn message_with(&self, number: &dyn Fn(f64) -> String) -> String {
        let what = match &self.issue {
            Issue::Missing => "is missing".to_owned(),
            Issue::WrongType { expected, found } => format!("must be {expected}, not {found}"),
            Issue::OutOfRange {
                value,
                min,
                max,
                min_exclusive,
            } => {
                let low = if *min_exclusive {
                    "more than"
                } else {
                    "between"
                };
                let and = if *min_exclusive {
                    ", and at most"
                } else {
                    " and"
                };
                format!(
                    "is {}, but must be {low} {}{and} {}",
                    number(*value),
                    number(*min),
                    number(*max)
                )
            }
            Issue::NotWhole { value } => {
                format!("is {}, but must be a whole number", number(*value))
            }
            Issue::NotOneOf { found, allowed } => {
                format!("is \"{found}\", but must be one of: {}", allowed.join(", "))
            }
            Issue::Unknown { what, name } => format!("names an unknown {what} \"{name}\""),
            Issue::Duplicate { what, name } => format!("repeats the {what} \"{name}\""),
            Issue::Schema { found } => format!(
                "is {}, but this version of Tierwise reads schema 1 and 2",
                number(*found)
            ),
            Issue::LowAboveHigh { low, high } => {
                format!("has low {} above high {}", number(*low), number(*high))
            }
            Issue::NotIncreasing { previous } => {
                format!("must be more than the previous band's up_to ({}): bands go in increasing order", number(*previous))
            }
            Issue::BelowMinimum { minimum } => {
                format!("must be at least the minimum ({})", number(*minimum))
            }
            Issue::NeedsModel2 => "is a model-2 field: declare \"schema\": 2 to use it".to_owned(),
            Issue::Other(message) => message.clone(),
        };
        if self.path.is_empty() {
            what
        } else {
            format!("{} {what}", self.path)
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
