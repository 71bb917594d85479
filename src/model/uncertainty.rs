//! Sensitivity and Monte Carlo (spec §7).
//!
//! Determinism across platforms: the generator is integer-only, and the arithmetic after it is
//! `+ − × ÷` and `sqrt`, which IEEE 754 rounds exactly alike on x86-64 and in wasm.

use super::assumptions::Key;
use super::config::MAX_OPTIONS;
use super::cost::{quote_triangle, Model, Quantity};
use super::expect::Triangle;
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
    /// The assumption's id, or `quote:<option id>` for a quote factor.
    pub assumption: String,
    /// Expected savings with the quantity at its low value.
    pub low: f64,
    /// Expected savings with the quantity at its high value.
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
    /// The mean of the draws: it converges to `expected_present_cost`.
    pub mean: f64,
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

/// A Monte Carlo run under way (see `Model::simulation`): the generator and the draws so far.
pub struct Simulation {
    draws: u32,
    /// The draws made so far.
    done: u32,
    seed: u64,
    rng: Rng,
    /// Each option's present cost in each draw so far.
    costs: Vec<Vec<f64>>,
    /// How many draws so far each option was the cheapest qualified one in.
    cheapest: [u32; MAX_OPTIONS],
}

impl Simulation {
    /// The draws still to make.
    pub fn left(&self) -> u32 {
        self.draws - self.done
    }
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
    /// Every uncertain quantity with a range of some width and the triangle Monte Carlo draws
    /// it from: the ranged assumptions in catalogue order, then each quote factor in option
    /// order (spec §7).
    pub fn uncertain(&self) -> Vec<(Quantity, Triangle)> {
        let assumptions = Key::ALL.into_iter().filter_map(|key| {
            Triangle::of(self.scenario.assumptions.get(key)).map(|t| (Quantity::Assumption(key), t))
        });
        let quotes = self.config.options.iter().enumerate().filter_map(|(i, o)| {
            o.price()
                .and_then(quote_triangle)
                .map(|t| (Quantity::Quote(i), t))
        });
        assumptions.chain(quotes).collect()
    }

    /// Option `i`'s expected savings against community with each uncertain quantity fixed at
    /// its low, then its high, every other one still ranged (spec §7); largest swing first,
    /// ties in catalogue order, quote factors last. Other options' quote factors do not move
    /// option `i`'s savings, so only its own appears.
    pub fn sensitivity(&self, i: usize) -> Vec<SensitivityRow> {
        let c = self.community();
        let savings = |q: Quantity, value: f64| {
            let p = self.expected_point_with(Some((q, value)));
            self.costs(&p, c).present_cost - self.costs(&p, i).present_cost
        };
        let mut rows: Vec<SensitivityRow> = self
            .uncertain()
            .into_iter()
            .filter(|(q, _)| !matches!(q, Quantity::Quote(j) if *j != i))
            .map(|(q, t)| SensitivityRow {
                assumption: match q {
                    Quantity::Assumption(key) => key.id().to_owned(),
                    Quantity::Quote(j) => format!("quote:{}", self.config.options[j].id),
                },
                low: savings(q, t.low),
                high: savings(q, t.high),
            })
            .collect();
        super::sort::short_by(&mut rows, |a, b| b.swing().total_cmp(&a.swing()).is_lt());
        rows
    }

    /// Draws every uncertain quantity `draws` times from its triangular distribution and
    /// reports each option's present-cost percentiles and mean, and how often it is the
    /// cheapest qualified option.
    pub fn monte_carlo(&self, draws: u32, seed: u64) -> MonteCarlo {
        let mut run = self.simulation(draws, seed);
        self.draw(&mut run, draws);
        self.outcome(run)
    }

    /// A Monte Carlo run of `draws` draws that has drawn nothing yet: `draw` makes its draws,
    /// a slice at a time if need be, and `outcome` reports it.
    pub fn simulation(&self, draws: u32, seed: u64) -> Simulation {
        let n = self.config.options.len();
        Simulation {
            draws,
            done: 0,
            seed,
            rng: Rng::new(seed),
            costs: vec![Vec::with_capacity(draws as usize); n],
            cheapest: [0; MAX_OPTIONS],
        }
    }

    /// Makes up to `n` more of `run`'s draws. Slices give the same outcome as one `draw` of
    /// them all: the draws come from the one generator, in the same order.
    pub fn draw(&self, run: &mut Simulation, n: u32) {
        let base = self.point();
        let uncertain = self.uncertain();
        let horizon = self.scenario.horizon;
        let n = n.min(run.left());
        run.done += n;
        for _ in 0..n {
            let mut p = base;
            for &(q, t) in &uncertain {
                let x = triangular(t.low, t.mode, t.high, run.rng.uniform());
                match q {
                    Quantity::Assumption(key) => p.values.set(key, x),
                    Quantity::Quote(i) => p.quotes[i] = x,
                }
            }
            p.derive(horizon);
            let pcs = self.present_costs(&p);
            for (i, c) in run.costs.iter_mut().enumerate() {
                c.push(pcs[i]);
            }
            if let Some(best) = self.cheapest_qualified(&pcs) {
                run.cheapest[best] += 1;
            }
        }
    }

    /// What a run's draws say: each option's percentiles, mean and cheapest share. A run
    /// with draws left reports the ones it has.
    pub fn outcome(&self, run: Simulation) -> MonteCarlo {
        let Simulation {
            done: draws,
            seed,
            costs,
            cheapest,
            ..
        } = run;
        let options = costs
            .into_iter()
            .enumerate()
            .map(|(i, mut xs)| {
                // The mean in draw order, before sorting, so it does not depend on the sort.
                let mean = if xs.is_empty() {
                    0.0
                } else {
                    xs.iter().sum::<f64>() / xs.len() as f64
                };
                super::sort::floats(&mut xs);
                let has = !xs.is_empty();
                MonteCarloOption {
                    id: self.config.options[i].id.clone(),
                    p10: if has { percentile(&xs, 0.1) } else { 0.0 },
                    p50: if has { percentile(&xs, 0.5) } else { 0.0 },
                    p90: if has { percentile(&xs, 0.9) } else { 0.0 },
                    mean,
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
