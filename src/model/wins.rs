//! `wins_team_size` and `wins_scale` (spec §6): every whole team size or scale in
//! 1…1,000,000 at which a paid option's expected present cost is at most community's and the
//! option stays within its plan limits in every year.
//!
//! Holding all else fixed, expected present cost is piecewise linear in the team size and in
//! the scale: seat (or unit) bands bend it where a year's seats (units) cross a band's `up_to`,
//! and the price minimum bends it where a year's list price crosses the minimum. Every other
//! line is linear. So the difference option − community is linear between those bends, and on
//! each linear piece the winning points form one interval, found from the piece's ends and,
//! where the sign changes, a binary search. Plan limits cut one interval of whole values, found
//! by bisection on the same year-by-year check that disqualifies an option. The search
//! evaluates with [`Model::costs`] at the expected point itself, so each interval edge agrees
//! to the bit with a direct evaluation there.

use super::cost::{broken_limits, Model, Point};
use super::price::Limit;

/// The largest whole team size or scale searched.
pub const LIMIT: u32 = 1_000_000;

/// Which input the intervals are over.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Variable {
    TeamSize,
    Scale,
}

/// Inclusive intervals `[from, to]` of whole numbers, in increasing order and disjoint.
pub type Intervals = Vec<[u32; 2]>;

impl Model<'_> {
    /// The point `p` with `var` set to `x`.
    fn at(&self, p: &Point, var: Variable, x: f64) -> Point {
        let mut q = *p;
        match var {
            Variable::TeamSize => q.team_size = x,
            Variable::Scale => q.scale = x,
        }
        q
    }

    /// Whether option `i` costs at most community at `p` with `var` = `x`.
    fn wins_at(&self, p: &Point, i: usize, var: Variable, x: u32) -> bool {
        let q = self.at(p, var, x as f64);
        self.costs(&q, i).present_cost <= self.costs(&q, self.community()).present_cost
    }

    /// The real values of `var` where option `i`'s cost stops being linear, sorted.
    fn bends(&self, p: &Point, i: usize, var: Variable) -> Vec<f64> {
        let Some(price) = self.config.options[i].price() else {
            return Vec::new();
        };
        let horizon = self.scenario.horizon as usize;
        // Each year's seats and units are the inputs times these growth factors.
        let mut team_factors = [0.0; super::cost::MAX_YEARS];
        let mut scale_factors = [0.0; super::cost::MAX_YEARS];
        let (mut t, mut s) = (1.0, 1.0);
        for y in 0..horizon {
            team_factors[y] = t;
            scale_factors[y] = s;
            t *= 1.0 + self.scenario.team_growth;
            s *= 1.0 + self.scenario.scale_growth;
        }
        let mut bends = vec![1.0, LIMIT as f64];
        let (bands, factors) = match var {
            Variable::TeamSize => (&price.seats, &team_factors[..horizon]),
            Variable::Scale => (&price.units, &scale_factors[..horizon]),
        };
        for factor in factors {
            bends.extend(bands.edges().map(|up_to| up_to / factor));
        }
        let in_domain = |x: &f64| x.is_finite() && *x >= 1.0 && *x <= LIMIT as f64;
        bends.retain(in_domain);
        super::sort::floats(&mut bends);
        bends.dedup();
        // Between seat bends each year's list price is linear, and it never falls as `var`
        // grows, so it crosses the minimum at most once: find that segment by bisection.
        if price.minimum > 0.0 {
            let mut kinks = Vec::new();
            for y in 0..horizon {
                let list = |x: f64| {
                    let q = self.at(p, var, x);
                    price.list(q.team_size * team_factors[y], q.scale * scale_factors[y])
                        - price.minimum
                };
                let k = bends.partition_point(|&b| list(b) < 0.0);
                if k > 0 && k < bends.len() {
                    let (l, r) = (bends[k - 1], bends[k]);
                    let (fl, fr) = (list(l), list(r));
                    if fr > fl {
                        kinks.push(l + (-fl) * (r - l) / (fr - fl));
                    }
                }
            }
            bends.extend(kinks.into_iter().filter(in_domain));
            super::sort::floats(&mut bends);
            bends.dedup();
        }
        bends
    }

    /// The whole values of `var` in 1…[`LIMIT`] at which option `i` stays within its plan
    /// limits in every year: one interval, or `None`.
    fn allowed(&self, i: usize, var: Variable) -> Option<[u32; 2]> {
        let option = &self.config.options[i];
        if !option.limits.any() {
            return Some([1, LIMIT]);
        }
        let s = self.scenario;
        let broken = |x: u32| {
            let (t, u) = match var {
                Variable::TeamSize => (x as f64, s.scale),
                Variable::Scale => (s.team_size, x as f64),
            };
            broken_limits(option, s, t, u)
        };
        // Limits on the other input do not move with `var`; a lower limit is met from some
        // value on, an upper one up to some value (seats and units grow monotonically).
        let (lower, upper, other): (&[Limit], &[Limit], &[Limit]) = match var {
            Variable::TeamSize => (
                &[Limit::MinTeamSize],
                &[Limit::MaxTeamSize],
                &[Limit::MaxScale],
            ),
            Variable::Scale => (
                &[],
                &[Limit::MaxScale],
                &[Limit::MinTeamSize, Limit::MaxTeamSize],
            ),
        };
        let breaks = |x: u32, which: &[Limit]| broken(x).iter().any(|l| which.contains(l));
        if breaks(1, other) || breaks(LIMIT, lower) {
            return None;
        }
        let from = first(1, LIMIT, |x| !breaks(x, lower));
        if breaks(from, upper) {
            return None;
        }
        // The last value meeting the upper limit: one before the first that breaks it.
        let to = if breaks(LIMIT, upper) {
            first(from, LIMIT, |x| breaks(x, upper)) - 1
        } else {
            LIMIT
        };
        Some([from, to])
    }

    /// The whole values of `var` in 1…[`LIMIT`] at which option `i` costs at most community
    /// in the expected view and stays within its plan limits.
    pub fn wins(&self, i: usize, var: Variable) -> Intervals {
        let Some([from, to]) = self.allowed(i, var) else {
            return Vec::new();
        };
        self.cost_wins(i, var)
            .into_iter()
            .map(|[a, b]| [a.max(from), b.min(to)])
            .filter(|[a, b]| a <= b)
            .collect()
    }

    /// The whole values of `var` at which option `i` costs at most community, limits aside.
    fn cost_wins(&self, i: usize, var: Variable) -> Intervals {
        let p = self.expected_point();
        let bends = self.bends(&p, i, var);
        let mut out: Intervals = Vec::new();
        let mut push = |from: u32, to: u32| match out.last_mut() {
            Some(last) if last[1] + 1 >= from => last[1] = last[1].max(to),
            _ => out.push([from, to]),
        };
        let mut start = 1u32;
        let ends = bends
            .iter()
            .map(|b| b.floor() as u32)
            .chain(std::iter::once(LIMIT));
        for end in ends {
            if end < start {
                continue;
            }
            let (lo, hi) = (start, end);
            start = end + 1;
            let (win_lo, win_hi) = (self.wins_at(&p, i, var, lo), self.wins_at(&p, i, var, hi));
            match (win_lo, win_hi) {
                (true, true) => push(lo, hi),
                (false, false) => {}
                // Linear on the piece: one sign change, found by bisection on whole numbers.
                (true, false) => {
                    let lost = bisect(lo, hi, |x| !self.wins_at(&p, i, var, x));
                    push(lo, lost - 1);
                }
                (false, true) => push(bisect(lo, hi, |x| self.wins_at(&p, i, var, x)), hi),
            }
        }
        out
    }
}

impl Model<'_> {
    /// Option `i`'s expected savings against community at each team size in `team_sizes`,
    /// everything else as in the scenario: the curve behind "savings against team size".
    pub fn savings_by_team_size(&self, i: usize, team_sizes: &[f64]) -> Vec<f64> {
        let p = self.expected_point();
        team_sizes
            .iter()
            .map(|&t| {
                let q = self.at(&p, Variable::TeamSize, t);
                self.costs(&q, self.community()).present_cost - self.costs(&q, i).present_cost
            })
            .collect()
    }
}

/// The first whole `x` in `lo…hi` where `pred` holds, for a `pred` false then true (`pred(hi)`
/// holds).
fn first(lo: u32, hi: u32, pred: impl Fn(u32) -> bool) -> u32 {
    if pred(lo) {
        lo
    } else {
        bisect(lo, hi, pred)
    }
}

/// The first whole `x` after `bad` up to `good` where `pred` holds, given `pred(bad)` is false
/// and `pred(good)` true (and `pred` false then true between them).
fn bisect(mut bad: u32, mut good: u32, pred: impl Fn(u32) -> bool) -> u32 {
    while good - bad > 1 {
        let mid = bad + (good - bad) / 2;
        if pred(mid) {
            good = mid
        } else {
            bad = mid
        }
    }
    good
}
