//! The yearly price of a paid option (spec §4) and its plan limits (§4b), with their validators.

use super::decode::{field, index, Decoder, Range, FRACTION, SCALE, TEAM_SIZE};
use super::problem::Issue;
use super::value::Value;

/// Most bands or term discounts in one price.
pub const MAX_BANDS: usize = 50;
/// Largest amount of money any price field may state.
pub const MONEY_MAX: f64 = 1e12;
pub(crate) const MONEY: Range = Range::new(0.0, MONEY_MAX);
/// A quote's low factor: above 0, at most 1 (spec §4).
const QUOTE_LOW: Range = Range::above(0.0, 1.0);
/// A quote's high factor: 1 to 10.
const QUOTE_HIGH: Range = Range::new(1.0, 10.0);

/// One band of a graduated price: seats (or units) above the previous band's `up_to` and up
/// to this one's pay `per` each.
#[derive(Clone, Debug, PartialEq)]
pub struct Band {
    /// The last seat (or unit) this band prices; `None` on the last band only.
    pub up_to: Option<f64>,
    pub per: f64,
}

/// A price graduated like tax brackets over seats or units.
/// Invariants: `up_to` strictly increasing, on every band but the last; amounts in range.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Graduated {
    pub bands: Vec<Band>,
    /// `below[k]`: the price of everything under band `k`, summed band by band from the first
    /// (the order a loop over the bands would add them in, so results agree to the bit).
    below: Vec<f64>,
}

impl Graduated {
    pub fn new(bands: Vec<Band>) -> Graduated {
        let mut below = Vec::with_capacity(bands.len());
        let (mut total, mut floor) = (0.0, 0.0);
        for band in &bands {
            below.push(total);
            if let Some(cap) = band.up_to {
                total += (cap - floor) * band.per;
                floor = cap;
            }
        }
        Graduated { bands, below }
    }

    /// A linear price: `per` for every unit (model 1's `per_unit`). One open band gives the
    /// same bits as `per × x`.
    pub fn linear(per: f64) -> Graduated {
        if per == 0.0 {
            return Graduated::default();
        }
        Graduated::new(vec![Band { up_to: None, per }])
    }

    /// The graduated price of `x` seats or units. Finds the band holding the last one by
    /// bisection: the interval search prices thousands of counts against up to 50 bands.
    pub fn price(&self, x: f64) -> f64 {
        if self.bands.is_empty() || x <= 0.0 {
            return 0.0;
        }
        let last = self.bands.len() - 1;
        let k = self.bands[..last].partition_point(|b| b.up_to.is_some_and(|u| u < x));
        let floor = if k == 0 {
            0.0
        } else {
            self.bands[k - 1].up_to.unwrap_or(0.0)
        };
        self.below[k] + (x - floor) * self.bands[k].per
    }

    /// Where the price bends: every band's `up_to`.
    pub fn edges(&self) -> impl Iterator<Item = f64> + '_ {
        self.bands.iter().filter_map(|b| b.up_to)
    }

    /// The pieces of `x` each band prices, `(count, per)`, first band first: for showing
    /// the math.
    pub fn pieces(&self, x: f64) -> Vec<(f64, f64)> {
        let mut out = Vec::new();
        let mut floor = 0.0;
        for band in &self.bands {
            if x <= floor {
                break;
            }
            let cap = band.up_to.unwrap_or(f64::INFINITY);
            out.push((x.min(cap) - floor, band.per));
            floor = cap;
        }
        out
    }
}

/// A discount for committing to a term of at least `min_years`.
#[derive(Clone, Debug, PartialEq)]
pub struct TermDiscount {
    pub min_years: u32,
    pub discount: f64,
}

/// The yearly price of a paid option (spec §4).
/// Invariants: every amount in 0…[`MONEY_MAX`]; discounts in 0…1; a quote's
/// 0 < low ≤ 1 ≤ high ≤ 10.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Price {
    pub platform_fee: f64,
    pub seats: Graduated,
    pub units: Graduated,
    /// Whether `units` came from `unit_bands` (graduated) rather than a linear `per_unit`.
    pub unit_bands: bool,
    pub minimum: f64,
    pub term_discounts: Vec<TermDiscount>,
    /// A price on request: the range `(low, high)` of the factor q around the typical deal.
    pub quote: Option<(f64, f64)>,
    /// Where the price comes from.
    pub source: Option<String>,
}

impl Price {
    /// The price before the minimum, the term discount and the quote factor.
    pub fn list(&self, seats: f64, units: f64) -> f64 {
        self.platform_fee + self.seats.price(seats) + self.units.price(units)
    }

    /// The largest discount whose `min_years` ≤ `horizon`; 0 when none applies.
    pub fn term_discount(&self, horizon: u32) -> f64 {
        self.term_discounts
            .iter()
            .filter(|t| t.min_years <= horizon)
            .map(|t| t.discount)
            .fold(0.0, f64::max)
    }

    /// The yearly price for `seats` and `units`, given the term's discount and the quote
    /// factor `q` (1 for a list price).
    pub fn yearly(&self, seats: f64, units: f64, discount: f64, q: f64) -> f64 {
        self.minimum.max(self.list(seats, units)) * (1.0 - discount) * q
    }

    /// Whether every part of the price is zero (a free tier).
    pub fn is_free(&self) -> bool {
        self.platform_fee == 0.0
            && self.minimum == 0.0
            && self.seats.bands.iter().all(|b| b.per == 0.0)
            && self.units.bands.iter().all(|b| b.per == 0.0)
    }
}

/// A plan's limits (spec §4b): the plan is sold only within them.
/// Invariants: each within the scenario ranges of spec §2; min ≤ max.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Limits {
    pub min_team_size: Option<f64>,
    pub max_team_size: Option<f64>,
    pub max_scale: Option<f64>,
}

/// One limit of [`Limits`], by its config name, in the order results list them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Limit {
    MinTeamSize,
    MaxTeamSize,
    MaxScale,
}

impl Limit {
    pub fn as_str(self) -> &'static str {
        match self {
            Limit::MinTeamSize => "min_team_size",
            Limit::MaxTeamSize => "max_team_size",
            Limit::MaxScale => "max_scale",
        }
    }
}

impl Limits {
    /// Whether any limit is stated.
    pub fn any(&self) -> bool {
        self.min_team_size.is_some() || self.max_team_size.is_some() || self.max_scale.is_some()
    }

    /// The limits a year with `seats` and `units` breaks, added to `broken` once each.
    pub fn check(&self, seats: f64, units: f64, broken: &mut Vec<Limit>) {
        let mut add = |l: Limit| {
            if !broken.contains(&l) {
                broken.push(l);
            }
        };
        if self.min_team_size.is_some_and(|m| seats < m) {
            add(Limit::MinTeamSize);
        }
        if self.max_team_size.is_some_and(|m| seats > m) {
            add(Limit::MaxTeamSize);
        }
        if self.max_scale.is_some_and(|m| units > m) {
            add(Limit::MaxScale);
        }
    }
}

/// Reads a price; `model2` unlocks `unit_bands`, `quote` and `source`.
pub fn decode_price(d: &mut Decoder, value: &Value, path: &str) -> Option<Price> {
    let mut f = d.fields(value, path)?;
    let platform_fee = f.number_or(d, "platform_fee", MONEY, 0.0);
    let per_unit = f.opt_number(d, "per_unit", MONEY);
    let minimum = f.number_or(d, "minimum", MONEY, 0.0);
    let seats = match f.get("bands") {
        None => Some(Vec::new()),
        Some(v) => decode_bands(d, v, &f.path_of("bands"), "per_seat"),
    };
    let unit_bands = match f.model2(d, "unit_bands") {
        None => Some(None),
        Some(v) => decode_bands(d, v, &f.path_of("unit_bands"), "per_unit").map(Some),
    };
    let term_discounts = match f.get("term_discounts") {
        None => Some(Vec::new()),
        Some(v) => decode_term_discounts(d, v, &f.path_of("term_discounts")),
    };
    let quote = match f.model2(d, "quote") {
        None => Some(None),
        Some(v) => decode_quote(d, v, &f.path_of("quote")).map(Some),
    };
    let source = match f.model2(d, "source") {
        None => Some(None),
        Some(v) => d.string(v, &f.path_of("source")).map(Some),
    };
    f.finish(d);
    let (per_unit, unit_bands) = (per_unit?, unit_bands?);
    if per_unit.is_some() && unit_bands.is_some() {
        d.fail(
            field(path, "unit_bands"),
            "cannot go with per_unit: a price states one of the two",
        );
        return None;
    }
    Some(Price {
        platform_fee: platform_fee?,
        seats: Graduated::new(seats?),
        unit_bands: unit_bands.is_some(),
        units: match unit_bands {
            Some(bands) => Graduated::new(bands),
            None => Graduated::linear(per_unit.unwrap_or(0.0)),
        },
        minimum: minimum?,
        term_discounts: term_discounts?,
        quote: quote?,
        source: source?,
    })
}

fn decode_quote(d: &mut Decoder, value: &Value, path: &str) -> Option<(f64, f64)> {
    let mut f = d.fields(value, path)?;
    let low = f.number(d, "low", QUOTE_LOW);
    let high = f.number(d, "high", QUOTE_HIGH);
    f.finish(d);
    Some((low?, high?))
}

/// Graduated bands whose amount is called `per` (`per_seat` or `per_unit`).
fn decode_bands(
    d: &mut Decoder,
    value: &Value,
    path: &str,
    per: &'static str,
) -> Option<Vec<Band>> {
    let items = d.array(value, path)?;
    if items.len() > MAX_BANDS {
        d.fail(
            path,
            format!(
                "has {} bands, more than the {MAX_BANDS} allowed",
                items.len()
            ),
        );
        return None;
    }
    let before = d.problems.len();
    let mut bands = Vec::new();
    let mut last_up_to: Option<f64> = None;
    for (i, item) in items.iter().enumerate() {
        let p = index(path, i);
        let Some(mut f) = d.fields(item, &p) else {
            continue;
        };
        let amount = f.number(d, per, MONEY);
        let up_to = f.opt_number(d, "up_to", Range::above(0.0, MONEY_MAX));
        f.finish(d);
        let (Some(amount), Some(up_to)) = (amount, up_to) else {
            continue;
        };
        let is_last = i + 1 == items.len();
        match up_to {
            None if !is_last => d.fail(
                field(&p, "up_to"),
                "is missing: only the last band may leave it out",
            ),
            Some(_) if is_last => d.fail(
                field(&p, "up_to"),
                "must be left out on the last band, which prices everything above the one before",
            ),
            Some(u) => {
                if let Some(prev) = last_up_to {
                    if u <= prev {
                        d.report(field(&p, "up_to"), Issue::NotIncreasing { previous: prev });
                    }
                }
                last_up_to = Some(u);
            }
            None => {}
        }
        bands.push(Band { up_to, per: amount });
    }
    (d.problems.len() == before).then_some(bands)
}

fn decode_term_discounts(d: &mut Decoder, value: &Value, path: &str) -> Option<Vec<TermDiscount>> {
    let items = d.array(value, path)?;
    if items.len() > MAX_BANDS {
        d.fail(
            path,
            format!(
                "has {} entries, more than the {MAX_BANDS} allowed",
                items.len()
            ),
        );
        return None;
    }
    let before = d.problems.len();
    let mut out = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let Some(mut f) = d.fields(item, &index(path, i)) else {
            continue;
        };
        let min_years = f.number(d, "min_years", Range::whole(1.0, 100.0));
        let discount = f.number(d, "discount", FRACTION);
        f.finish(d);
        if let (Some(min_years), Some(discount)) = (min_years, discount) {
            out.push(TermDiscount {
                min_years: min_years as u32,
                discount,
            });
        }
    }
    (d.problems.len() == before).then_some(out)
}

/// Reads an option's `limits` (model 2).
pub fn decode_limits(d: &mut Decoder, value: &Value, path: &str) -> Option<Limits> {
    let mut f = d.fields(value, path)?;
    let min_team_size = f.opt_number(d, "min_team_size", TEAM_SIZE);
    let max_team_size = f.opt_number(d, "max_team_size", TEAM_SIZE);
    let max_scale = f.opt_number(d, "max_scale", SCALE);
    f.finish(d);
    let limits = Limits {
        min_team_size: min_team_size?,
        max_team_size: max_team_size?,
        max_scale: max_scale?,
    };
    if let (Some(min), Some(max)) = (limits.min_team_size, limits.max_team_size) {
        if max < min {
            d.report(
                field(path, "max_team_size"),
                Issue::BelowMinimum { minimum: min },
            );
            return None;
        }
    }
    Some(limits)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The graduated price the slow way: every band in turn.
    fn by_loop(bands: &[Band], x: f64) -> f64 {
        Graduated::new(bands.to_vec())
            .pieces(x)
            .into_iter()
            .map(|(n, per)| n * per)
            .sum()
    }

    #[test]
    fn bisected_price_agrees_with_the_loop_to_the_bit() {
        let bands = vec![
            Band {
                up_to: Some(50.0),
                per: 600.0,
            },
            Band {
                up_to: Some(250.0),
                per: 450.5,
            },
            Band {
                up_to: Some(1000.0),
                per: 0.0,
            },
            Band {
                up_to: None,
                per: 299.99,
            },
        ];
        let g = Graduated::new(bands.clone());
        for x in [
            0.5, 1.0, 49.9, 50.0, 50.1, 137.3, 250.0, 999.0, 1000.0, 1000.5, 123_456.7,
        ] {
            assert_eq!(g.price(x).to_bits(), by_loop(&bands, x).to_bits(), "{x}");
        }
        assert_eq!(Graduated::default().price(10.0), 0.0);
        assert_eq!(Graduated::linear(240.0).price(40.0), 9_600.0);
        // A linear price is `per × x` to the bit, as model 1 computed it.
        for x in [0.3, 6.0, 7.8, 1e6 / 3.0] {
            assert_eq!(
                Graduated::linear(2_400.7).price(x).to_bits(),
                (2_400.7 * x).to_bits()
            );
        }
    }
}
