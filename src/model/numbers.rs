//! How numbers become text, and text numbers.
//!
//! The engine writes sentences (the verdict, the math behind a line, messages) but does not
//! choose how numbers look: the browser passes an `Intl.NumberFormat`-backed implementation
//! (no float formatting in the wasm), native code and tests use [`Plain`].

use super::messages::{english_plural, Messages};
use super::problem::plain_number;

/// The built-in English, for [`Plain`].
static ENGLISH: Messages = Messages::english();

/// `x` limited to [`low`, `high`] (`low` ≤ `high`). Not `f64::clamp`: its panic message
/// prints floats, which links ~7 KB of float formatting into the wasm.
#[allow(clippy::manual_clamp)]
pub fn within(x: f64, low: f64, high: f64) -> f64 {
    x.max(low).min(high)
}

/// Number formatting and parsing for one currency.
pub trait Numbers {
    /// An amount of money, rounded to whole units ("$119,000").
    fn money(&self, x: f64) -> String;
    /// A quantity for people, grouped, at most two decimals ("7.8", "1,200").
    fn number(&self, x: f64) -> String;
    /// Money to three significant figures, for sentences and chart axes ("$120K", "$1.23M").
    fn about(&self, x: f64) -> String;
    /// A fraction as a percentage ("83%", "99.5%").
    fn percent(&self, x: f64) -> String;
    /// The shortest text that reads back as exactly `x`, for URLs and files ("0.2").
    fn exact(&self, x: f64) -> String;
    /// Reads a number written by [`Numbers::exact`] or typed by a person; `None` if it is not one.
    fn parse(&self, text: &str) -> Option<f64>;
    /// The words of this locale (English with a vendor's overrides, or a catalogue).
    fn words(&self) -> &Messages;
    /// The plural category of `n` in this locale ("one", "other", …).
    fn plural(&self, n: f64) -> &'static str;

    /// Message `id`.
    fn t(&self, id: &str) -> String {
        self.words().get(id).to_owned()
    }
    /// Message `id` with its `{name}` placeholders filled.
    fn f(&self, id: &str, args: &[(&str, &str)]) -> String {
        self.words().fill(id, args)
    }
    /// The plural form of message `id` for `n` (written as `{n}`), filled.
    fn count(&self, id: &str, n: f64, args: &[(&str, &str)]) -> String {
        let written = self.number(n);
        let mut all = vec![("n", written.as_str())];
        all.extend_from_slice(args);
        self.words().plural(id, self.plural(n), &all)
    }
}

/// Rust's own formatting: for the CLI and tests. Money is written "USD 119,000".
pub struct Plain {
    pub currency: String,
}

fn round_to(x: f64, digits: i32) -> f64 {
    let scale = 10f64.powi(digits);
    (x * scale).round() / scale
}

impl Numbers for Plain {
    fn money(&self, x: f64) -> String {
        format!("{} {}", self.currency, plain_number(x.round() + 0.0))
    }
    fn number(&self, x: f64) -> String {
        let r = round_to(x, 2);
        if r < 0.0 {
            return format!("-{}", self.number(-r));
        }
        let whole = plain_number(r.trunc());
        let frac = (r.fract().abs() * 100.0).round() as u32;
        match frac {
            0 => whole,
            f if f % 10 == 0 => format!("{whole}.{}", f / 10),
            f => format!("{whole}.{f:02}"),
        }
    }
    fn about(&self, x: f64) -> String {
        if x < 0.0 {
            return format!("-{}", self.about(-x));
        }
        let (scaled, suffix) = match x {
            x if x >= 1e9 => (x / 1e9, "B"),
            x if x >= 1e6 => (x / 1e6, "M"),
            x if x >= 1e3 => (x / 1e3, "K"),
            x => (x, ""),
        };
        // Three significant figures: 120K, 12.3K, 1.23K.
        let digits = if scaled >= 100.0 {
            0
        } else if scaled >= 10.0 {
            1
        } else {
            2
        };
        let text = format!("{:.*}", digits as usize, round_to(scaled, digits));
        let text = if text.contains('.') {
            text.trim_end_matches('0').trim_end_matches('.').to_owned()
        } else {
            text
        };
        format!("{} {text}{suffix}", self.currency)
    }
    fn percent(&self, x: f64) -> String {
        format!("{}%", self.number(round_to(x * 100.0, 2)))
    }
    fn exact(&self, x: f64) -> String {
        format!("{x}")
    }
    fn words(&self) -> &Messages {
        &ENGLISH
    }
    fn plural(&self, n: f64) -> &'static str {
        english_plural(n)
    }
    fn parse(&self, text: &str) -> Option<f64> {
        text.trim().parse::<f64>().ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_numbers() {
        let n = Plain {
            currency: "USD".into(),
        };
        assert_eq!(n.money(119_000.4), "USD 119,000");
        assert_eq!(n.money(-2_500.0), "USD -2,500");
        assert_eq!(n.number(7.8), "7.8");
        assert_eq!(n.number(1_200.0), "1,200");
        assert_eq!(n.number(17.52), "17.52");
        assert_eq!(n.number(-0.5), "-0.5");
        assert_eq!(n.percent(0.83), "83%");
        assert_eq!(n.about(120_345.0), "USD 120K");
        assert_eq!(n.about(1_234_567.0), "USD 1.23M");
        assert_eq!(n.about(12_345.0), "USD 12.3K");
        assert_eq!(n.about(950.4), "USD 950");
        assert_eq!(n.about(-2_000.0), "-USD 2K");
        assert_eq!(n.percent(0.995), "99.5%");
        assert_eq!(n.exact(0.2), "0.2");
        assert_eq!(n.parse(" 40 "), Some(40.0));
        assert_eq!(n.parse("forty"), None);
    }
}
