//! Means over the triangular ranges (spec §6): what the expected view feeds `Model::costs`.
//!
//! Every cost line is a product of independent factors, so its mean is the line evaluated at
//! the factors' means. A linear quantity's mean is (low + value + high) / 3; the two nonlinear
//! ones, 1/W and the discount factor (1+r)^−y, are integrated by Gauss–Legendre quadrature.
//! Quadrature rather than the closed form: the closed form cancels badly on narrow ranges and
//! needs `ln`, whose bits differ between platforms; quadrature is `+ − × ÷` only, so the
//! expected figures are the same bits natively and in wasm.

use super::assumptions::Assumption;
use super::decode::MAX_YEARS;

/// A triangular distribution (low, mode, high) with low < high.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Triangle {
    pub low: f64,
    pub mode: f64,
    pub high: f64,
}

impl Triangle {
    /// The distribution Monte Carlo draws `value` from with range `range`: the range widened
    /// to take the value in (spec §7). `None` when there is no range or it has no width.
    pub fn around(value: f64, range: Option<(f64, f64)>) -> Option<Triangle> {
        let (low, high) = range?;
        let (low, high) = (low.min(value), high.max(value));
        (low < high).then_some(Triangle {
            low,
            mode: value,
            high,
        })
    }

    /// The triangle of an assumption.
    pub fn of(a: &Assumption) -> Option<Triangle> {
        Triangle::around(a.value, a.range)
    }

    /// The mean, (low + mode + high) / 3.
    pub fn mean(&self) -> f64 {
        (self.low + self.mode + self.high) / 3.0
    }

    /// Visits quadrature nodes `(x, weight)` whose weighted sum of g(x) is E[g(X)] for a g
    /// smooth on the range with its nearest singularity at `-offset` (0 for 1/x, 1 for
    /// (1+x)^−y). Each linear piece of the density is cut into pieces whose ends, shifted by
    /// `offset`, differ by a factor of at most [`STEP`], and each piece gets 8-point
    /// Gauss–Legendre: accurate to ~1e-14 relative for the integrands used here.
    pub fn quadrature(&self, offset: f64, mut visit: impl FnMut(f64, f64)) {
        let Triangle { low, mode, high } = *self;
        let width = high - low;
        // A range narrower than the last digits of its values: g is flat across it to far
        // better than 1e-12, and the density's scale below would overflow (a range of 5e-324).
        if width <= TINY * (high.abs() + offset) {
            visit(self.mean(), 1.0);
            return;
        }
        // The density on [low, mode] rises linearly from 0; on [mode, high] it falls to 0. A
        // piece holding less than TINY of the probability is left out for the same reason.
        if mode - low > TINY * width {
            let scale = 2.0 / (width * (mode - low));
            pieces(low, mode, offset, |x, w| visit(x, w * scale * (x - low)));
        }
        if high - mode > TINY * width {
            let scale = 2.0 / (width * (high - mode));
            pieces(mode, high, offset, |x, w| visit(x, w * scale * (high - x)));
        }
    }
}

/// The mean of an assumption: its value when it has no range.
pub fn mean(a: &Assumption) -> f64 {
    Triangle::of(a).map_or(a.value, |t| t.mean())
}

/// E[1/W] for W on `t` (all of it above 0).
pub fn mean_inverse(t: &Triangle) -> f64 {
    let mut sum = 0.0;
    t.quadrature(0.0, |x, w| sum += w / x);
    sum
}

/// The discount divisors of the expected view: 1 / E[(1+r)^−y] for y = 1…`horizon`, for r
/// on `t` (r ≥ 0). Years past the horizon are left at 1.
pub fn mean_deflators(t: &Triangle, horizon: usize) -> [f64; MAX_YEARS] {
    let mut factors = [0.0; MAX_YEARS];
    t.quadrature(1.0, |x, w| {
        let mut d = 1.0;
        for f in factors.iter_mut().take(horizon) {
            d *= 1.0 + x;
            *f += w / d;
        }
    });
    let mut out = [1.0; MAX_YEARS];
    for (o, f) in out.iter_mut().zip(factors).take(horizon) {
        *o = 1.0 / f;
    }
    out
}

/// Ranges (and pieces of one) narrower than this fraction are treated as a point.
const TINY: f64 = 1e-13;

/// How far apart (as a ratio of distances to the singularity) a quadrature piece's ends may be.
pub const STEP: f64 = 1.25;

/// Gauss–Legendre nodes and weights on [−1, 1], the positive half (8 points).
const NODES: [(f64, f64); 4] = [
    (0.183_434_642_495_649_8, 0.362_683_783_378_362),
    (0.525_532_409_916_329, 0.313_706_645_877_887_4),
    (0.796_666_477_413_626_8, 0.222_381_034_453_374_45),
    (0.960_289_856_497_536_3, 0.101_228_536_290_376_18),
];

/// Cuts [p, q] geometrically (in distance from `-offset`) and visits each piece's nodes with
/// weights that integrate over [p, q].
fn pieces(p: f64, q: f64, offset: f64, mut visit: impl FnMut(f64, f64)) {
    let mut a = p;
    // At most ~30 pieces: ranges are bounded (W in 100…8,760, r in 0…1), so `a + offset` is
    // at least 1 and each step grows it by a quarter.
    while a < q && a + offset > 0.0 {
        let b = ((a + offset) * STEP - offset).min(q);
        let (mid, half) = ((a + b) / 2.0, (b - a) / 2.0);
        for (x, w) in NODES {
            visit(mid - half * x, half * w);
            visit(mid + half * x, half * w);
        }
        a = b;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// E[1/W] by the closed form of spec §6, for ranges wide enough not to cancel.
    fn closed_form(a: f64, c: f64, b: f64) -> f64 {
        let mut e = 0.0;
        if c > a {
            e += 2.0 / ((b - a) * (c - a)) * ((c - a) - a * (c / a).ln());
        }
        if b > c {
            e += 2.0 / ((b - a) * (b - c)) * (b * (b / c).ln() - (b - c));
        }
        e
    }

    #[test]
    fn mean_inverse_matches_the_closed_form() {
        for (a, c, b) in [
            (1_200.0, 1_800.0, 2_000.0),
            (100.0, 1_800.0, 8_760.0),
            (100.0, 100.0, 8_760.0),
            (1_500.0, 2_000.0, 2_000.0),
            (1_700.0, 1_800.0, 1_900.0),
        ] {
            let t = Triangle {
                low: a,
                mode: c,
                high: b,
            };
            let (q, f) = (mean_inverse(&t), closed_form(a, c, b));
            assert!(((q - f) / f).abs() < 1e-12, "{a} {c} {b}: {q} vs {f}");
        }
    }

    #[test]
    fn narrow_ranges_do_not_cancel() {
        // A range a millionth wide: E[1/W] is 1/W to ~1e-12, with no cancellation.
        let t = Triangle {
            low: 1_800.0,
            mode: 1_800.000_5,
            high: 1_800.002,
        };
        let e = mean_inverse(&t);
        let exact = 1.0 / t.mean(); // E[1/W] ≈ 1/E[W] + Var/E[W]³, the variance term ~1e-19
        assert!(((e - exact) / exact).abs() < 1e-12);
    }

    #[test]
    fn mean_deflators_match_a_fine_integral() {
        let t = Triangle {
            low: 0.0,
            mode: 0.08,
            high: 1.0,
        };
        let d = mean_deflators(&t, 10);
        // A fine midpoint rule over the density, for reference.
        let n = 200_000;
        for (y, dy) in d.iter().enumerate() {
            let mut sum = 0.0;
            for k in 0..n {
                let x = (k as f64 + 0.5) / n as f64;
                let density = if x < t.mode {
                    2.0 * x / (1.0 * t.mode)
                } else {
                    2.0 * (1.0 - x) / (1.0 - t.mode)
                };
                sum += density * (1.0 + x).powi(-(y as i32 + 1)) / n as f64;
            }
            assert!(((1.0 / dy - sum) / sum).abs() < 1e-9, "year {}", y + 1);
        }
    }

    #[test]
    fn subnormal_ranges_give_finite_means() {
        // Found by the hostile-input soak: a discount rate ranged 0…5e-324.
        for t in [
            Triangle {
                low: 0.0,
                mode: 0.0,
                high: 5e-324,
            },
            Triangle {
                low: 0.0,
                mode: 5e-324,
                high: 1.0,
            },
            Triangle {
                low: 0.0,
                mode: 1.0 - 1e-17,
                high: 1.0,
            },
        ] {
            let d = mean_deflators(&t, 10);
            assert!(d.iter().all(|x| x.is_finite() && *x >= 1.0), "{t:?}: {d:?}");
        }
        let t = Triangle {
            low: 100.0,
            mode: 100.0,
            high: 100.0 + 1e-12,
        };
        assert!((mean_inverse(&t) - 0.01).abs() < 1e-15);
    }

    #[test]
    fn weights_sum_to_one_and_linear_means_are_exact() {
        for t in [
            Triangle {
                low: 0.0,
                mode: 0.3,
                high: 1.0,
            },
            Triangle {
                low: 100.0,
                mode: 100.0,
                high: 8_760.0,
            },
            Triangle {
                low: 0.05,
                mode: 0.2,
                high: 0.2,
            },
        ] {
            let (mut w, mut m) = (0.0, 0.0);
            t.quadrature(1.0, |x, wt| {
                w += wt;
                m += wt * x;
            });
            assert!((w - 1.0).abs() < 1e-14);
            assert!((m - t.mean()).abs() < 1e-12 * t.high);
        }
    }
}
