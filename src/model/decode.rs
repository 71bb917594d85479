//! Walking an untrusted [`Value`] while collecting every problem by path.
//!
//! Each reader returns `None` after recording a problem, so a validator can keep going and
//! report all that is wrong in one pass instead of stopping at the first mistake.

use super::problem::{Issue, Problem, Problems};
use super::value::Value;

/// The longest string a config or scenario may hold (names, notes, URLs).
pub const MAX_STRING: usize = 2_000;

/// The allowed values of a number.
#[derive(Clone, Copy, Debug)]
pub struct Range {
    pub min: f64,
    pub max: f64,
    /// `min` itself is not allowed (`scale` must be more than 0).
    pub min_exclusive: bool,
    /// Only whole numbers are allowed.
    pub whole: bool,
}

impl Range {
    pub const fn new(min: f64, max: f64) -> Range {
        Range {
            min,
            max,
            min_exclusive: false,
            whole: false,
        }
    }
    pub const fn whole(min: f64, max: f64) -> Range {
        Range {
            min,
            max,
            min_exclusive: false,
            whole: true,
        }
    }
    pub const fn above(min: f64, max: f64) -> Range {
        Range {
            min,
            max,
            min_exclusive: true,
            whole: false,
        }
    }

    /// Checks `value`, returning what is wrong with it.
    pub fn check(&self, value: f64) -> Option<Issue> {
        let below = if self.min_exclusive {
            value <= self.min
        } else {
            value < self.min
        };
        // NaN fails every comparison, so test for the good case, not the bad one.
        if !(value.is_finite() && !below && value <= self.max) {
            return Some(Issue::OutOfRange {
                value,
                min: self.min,
                max: self.max,
                min_exclusive: self.min_exclusive,
            });
        }
        if self.whole && value.fract() != 0.0 {
            return Some(Issue::NotWhole { value });
        }
        None
    }
}

/// The longest horizon (spec §2), in years.
pub const MAX_YEARS: usize = 10;
/// The scenario ranges of spec §2.
pub const TEAM_SIZE: Range = Range::new(1.0, 1_000_000.0);
pub const SCALE: Range = Range::above(0.0, 1_000_000.0);
pub const HORIZON: Range = Range::whole(1.0, MAX_YEARS as f64);
pub const GROWTH: Range = Range::new(-0.9, 10.0);
/// A share, from none to all of it.
pub const FRACTION: Range = Range::new(0.0, 1.0);

/// `path.key`, or `key` at the top.
pub fn field(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

/// `path[index]`.
pub fn index(path: &str, i: usize) -> String {
    format!("{path}[{i}]")
}

/// Collects problems (which refuse the document) and warnings (which do not).
#[derive(Default, Debug)]
pub struct Decoder {
    pub problems: Vec<Problem>,
    pub warnings: Vec<Problem>,
    /// The document is a model-1 config: model-2 fields are refused (see [`Fields::model2`]).
    pub model1: bool,
}

impl Decoder {
    /// `value` when nothing was wrong, else every problem found.
    pub fn into_result<T>(self, value: T) -> Result<T, Problems> {
        if self.problems.is_empty() {
            Ok(value)
        } else {
            Err(Problems(self.problems))
        }
    }

    pub fn report(&mut self, path: impl Into<String>, issue: Issue) {
        self.problems.push(Problem::new(path, issue));
    }

    pub fn fail(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.problems.push(Problem::other(path, message));
    }

    fn wrong_type(&mut self, path: &str, expected: &'static str, found: &Value) {
        self.report(
            path,
            Issue::WrongType {
                expected,
                found: found.kind(),
            },
        );
    }

    /// The members of an object, or a problem.
    pub fn object<'v>(&mut self, value: &'v Value, path: &str) -> Option<&'v [(String, Value)]> {
        match value {
            Value::Object(members) => Some(members),
            other => {
                self.wrong_type(path, "an object", other);
                None
            }
        }
    }

    /// The items of an array, or a problem.
    pub fn array<'v>(&mut self, value: &'v Value, path: &str) -> Option<&'v [Value]> {
        match value {
            Value::Array(items) => Some(items),
            other => {
                self.wrong_type(path, "an array", other);
                None
            }
        }
    }

    /// A number within `range`, or a problem.
    pub fn number(&mut self, value: &Value, path: &str, range: Range) -> Option<f64> {
        match value {
            Value::Number(n) => match range.check(*n) {
                None => Some(*n),
                Some(issue) => {
                    self.report(path, issue);
                    None
                }
            },
            other => {
                self.wrong_type(path, "a number", other);
                None
            }
        }
    }

    /// A non-empty string of at most [`MAX_STRING`] characters, or a problem.
    pub fn string(&mut self, value: &Value, path: &str) -> Option<String> {
        match value {
            Value::String(s) if s.trim().is_empty() => {
                self.fail(path, "must not be empty");
                None
            }
            Value::String(s) if s.chars().count() > MAX_STRING => {
                self.fail(path, format!("is longer than {MAX_STRING} characters"));
                None
            }
            Value::String(s) => Some(s.clone()),
            other => {
                self.wrong_type(path, "a string", other);
                None
            }
        }
    }

    /// A boolean, or a problem.
    pub fn boolean(&mut self, value: &Value, path: &str) -> Option<bool> {
        match value {
            Value::Bool(b) => Some(*b),
            other => {
                self.wrong_type(path, "true or false", other);
                None
            }
        }
    }

    /// Reads the fields of an object: see [`Fields`].
    pub fn fields<'v>(&mut self, value: &'v Value, path: &str) -> Option<Fields<'v>> {
        self.object(value, path).map(|members| Fields {
            members,
            path: path.to_owned(),
            seen: vec![false; members.len()],
        })
    }
}

/// The members of one object, read by name; [`Fields::finish`] warns of the ones never read.
pub struct Fields<'v> {
    members: &'v [(String, Value)],
    pub path: String,
    /// Which members have been asked for, aligned with `members`.
    seen: Vec<bool>,
}

impl<'v> Fields<'v> {
    /// The member `key`, if present and not `null`.
    pub fn get(&mut self, key: &str) -> Option<&'v Value> {
        let i = self.members.iter().position(|(k, _)| k == key)?;
        self.seen[i] = true;
        Some(&self.members[i].1).filter(|v| !matches!(v, Value::Null))
    }

    /// The member `key` of model 2: refused, naming the schema to declare, in a model-1 config.
    pub fn model2(&mut self, d: &mut Decoder, key: &str) -> Option<&'v Value> {
        let v = self.get(key)?;
        if d.model1 {
            d.report(self.path_of(key), Issue::NeedsModel2);
            return None;
        }
        Some(v)
    }

    /// The path of member `key`.
    pub fn path_of(&self, key: &str) -> String {
        field(&self.path, key)
    }

    /// The member `key`, or a `Missing` problem.
    pub fn require(&mut self, d: &mut Decoder, key: &'static str) -> Option<&'v Value> {
        let v = self.get(key);
        if v.is_none() {
            d.report(self.path_of(key), Issue::Missing);
        }
        v
    }

    /// An optional number within `range`: `Some(None)` when absent, `None` when wrong.
    pub fn opt_number(
        &mut self,
        d: &mut Decoder,
        key: &'static str,
        range: Range,
    ) -> Option<Option<f64>> {
        match self.get(key) {
            None => Some(None),
            Some(v) => d.number(v, &self.path_of(key), range).map(Some),
        }
    }

    /// A number within `range`, `default` when absent; `None` when wrong.
    pub fn number_or(
        &mut self,
        d: &mut Decoder,
        key: &'static str,
        range: Range,
        default: f64,
    ) -> Option<f64> {
        self.opt_number(d, key, range).map(|n| n.unwrap_or(default))
    }

    /// A required number within `range`.
    pub fn number(&mut self, d: &mut Decoder, key: &'static str, range: Range) -> Option<f64> {
        let v = self.require(d, key)?;
        d.number(v, &self.path_of(key), range)
    }

    /// A required non-empty string.
    pub fn string(&mut self, d: &mut Decoder, key: &'static str) -> Option<String> {
        let v = self.require(d, key)?;
        d.string(v, &self.path_of(key))
    }

    /// An optional non-empty string: `Some(None)` when absent, `None` when wrong.
    pub fn opt_string(&mut self, d: &mut Decoder, key: &'static str) -> Option<Option<String>> {
        match self.get(key) {
            None => Some(None),
            Some(v) => d.string(v, &self.path_of(key)).map(Some),
        }
    }

    /// The members whose keys were never asked for.
    pub fn unread(&self) -> impl Iterator<Item = &'v (String, Value)> + '_ {
        self.members
            .iter()
            .zip(&self.seen)
            .filter(|(_, seen)| !**seen)
            .map(|(m, _)| m)
    }

    /// Warns of every member never read: a misspelt field is ignored, but not silently.
    pub fn finish(self, d: &mut Decoder) {
        for (k, _) in self.unread() {
            d.warnings.push(Problem::other(
                field(&self.path, k),
                "is not a field Tierwise knows; it is ignored",
            ));
        }
    }
}

/// Whether `id` may name an option or a requirement: it appears in URLs and as a JSON key.
fn valid_id(id: &str) -> bool {
    id.len() <= 64
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
}

pub fn decode_id(d: &mut Decoder, f: &mut Fields, what: &str) -> Option<String> {
    let id = f.string(d, "id")?;
    if !valid_id(&id) {
        d.fail(
            f.path_of("id"),
            format!("\"{id}\" is not a valid {what} id: use up to 64 letters, digits, '_' or '-'"),
        );
        return None;
    }
    Some(id)
}
