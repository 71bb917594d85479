//! Sensitivity and Monte Carlo (spec §7).
//!
//! Determinism across platforms: the generator is integer-only, and the arithmetic after it is
//! `+ − × ÷` and `sqrt`, which IEEE 754 rounds exactly alike on x86-64 and in wasm.

use super::assumptions::Key;
use super::cost::Model;
use serde::Serialize;

/// SplitMix64: small, fast, statistically sound for simulation, and the same everywhere.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A uniform draw from [0, 1), with 53 random bits.
    pub fn uniform(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }
}

/// A draw from the triangular distribution on [low, high] with mode `mode`, by inverting its
/// CDF at `u` ∈ [0, 1). Requires low ≤ mode ≤ high.
pub fn triangular(low: f64, mode: f64, high: f64, u: f64) -> f64 {
    let width = high - low;
    if width <= 0.0 {
        return mode;
    }
    let split = (mode - low) / width;
    let x = if u < split {
        low + (u * width * (mode - low)).sqrt()
    } else {
        high - ((1.0 - u) * width * (high - mode)).sqrt()
    };
    crate::model::numbers::within(x, low, high)
}

/// How the savings of one option move with one assumption.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SensitivityRow {
    /// The assumption's id.
    pub assumption: &'static str,
    /// Savings with the assumption at its low value.
    pub low: f64,
    /// Savings with the assumption at its high value.
    pub high: f64,
}

impl SensitivityRow {
    pub fn swing(&self) -> f64 {
        (self.high - self.low).abs()
    }
}

/// One option's spread over the simulated futures.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MonteCarloOption {
    pub id: String,
    pub p10: f64,
    pub p50: f64,
    pub p90: f64,
    /// Share of draws in which this option was the cheapest qualified one; `None` for an
    /// option that does not qualify.
    pub cheapest_share: Option<f64>,
}

/// The outcome of a Monte Carlo run.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MonteCarlo {
    pub draws: u32,
    pub seed: u64,
    pub options: Vec<MonteCarloOption>,
}

/// The value at fraction `q` of sorted `xs`, interpolating linearly between ranks
/// (spreadsheets' PERCENTILE.INC). `xs` is not empty.
pub fn percentile(xs: &[f64], q: f64) -> f64 {
    let rank = q * (xs.len() - 1) as f64;
    let lo = rank.floor() as usize;
    let hi = (lo + 1).min(xs.len() - 1);
    xs[lo] + (xs[hi] - xs[lo]) * (rank - lo as f64)
}

impl Model<'_> {
    /// Savings of option `i` against community, per ranged assumption at its low and high,
    /// largest swing first (ties keep catalogue order).
    pub fn sensitivity(&self, i: usize) -> Vec<SensitivityRow> {
        let base = self.point();
        let c = self.community();
        let savings = |key: Key, value: f64| {
            let mut p = base;
            p.values.set(key, value);
            self.costs(&p, c).present_cost - self.costs(&p, i).present_cost
        };
        let mut rows: Vec<SensitivityRow> = Key::ALL
            .into_iter()
            .filter_map(|key| {
                let (low, high) = self.scenario.assumptions.get(key).range?;
                Some(SensitivityRow {
                    assumption: key.id(),
                    low: savings(key, low),
                    high: savings(key, high),
                })
            })
            .collect();
        rows.sort_by(|a, b| b.swing().total_cmp(&a.swing()));
        rows
    }

    /// Draws every ranged assumption `draws` times from its triangular distribution and
    /// reports each option's present-cost percentiles and how often it is the cheapest.
    pub fn monte_carlo(&self, draws: u32, seed: u64) -> MonteCarlo {
        let n = self.config.options.len();
        let base = self.point();
        let ranged: Vec<(Key, f64, f64, f64)> = Key::ALL
            .into_iter()
            .filter_map(|key| {
                let a = self.scenario.assumptions.get(key);
                let (low, high) = a.range?;
                // A value outside its range widens the range to take it in.
                Some((key, low.min(a.value), a.value, high.max(a.value)))
            })
            .collect();
        let mut rng = Rng::new(seed);
        let mut costs: Vec<Vec<f64>> = vec![Vec::with_capacity(draws as usize); n];
        let mut cheapest = [0u32; 3];
        for _ in 0..draws {
            let mut p = base;
            for &(key, low, mode, high) in &ranged {
                p.values
                    .set(key, triangular(low, mode, high, rng.uniform()));
            }
            let pcs = self.present_costs(&p);
            for (i, c) in costs.iter_mut().enumerate() {
                c.push(pcs[i]);
            }
            if let Some(best) = self.cheapest_qualified(&pcs) {
                cheapest[best] += 1;
            }
        }
        let options = costs
            .into_iter()
            .enumerate()
            .map(|(i, mut xs)| {
                xs.sort_by(f64::total_cmp);
                let has = !xs.is_empty();
                MonteCarloOption {
                    id: self.config.options[i].id.clone(),
                    p10: if has { percentile(&xs, 0.1) } else { 0.0 },
                    p50: if has { percentile(&xs, 0.5) } else { 0.0 },
                    p90: if has { percentile(&xs, 0.9) } else { 0.0 },
                    cheapest_share: (self.qualified(i) && draws > 0)
                        .then(|| cheapest[i] as f64 / draws as f64),
                }
            })
            .collect();
        MonteCarlo {
            draws,
            seed,
            options,
        }
    }
}
