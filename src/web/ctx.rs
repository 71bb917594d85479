//! The calculator's state: one config, the current scenario, and what follows from them.
//!
//! Everything is a signal or a memo over the scenario, so a change anywhere recomputes the
//! report synchronously (it takes microseconds) and the components simply read it.

use super::format::IntlNumbers;
use crate::model::report::OptionReport;
use crate::model::scenario::{DEFAULT_DRAWS, DEFAULT_SEED};
use crate::model::uncertainty::MonteCarlo;
use crate::model::{evaluate_to, Config, Depth, Model, Report, Scenario};
use leptos::prelude::*;
use std::time::Duration;

/// How long typing must pause before Monte Carlo runs.
const MONTE_CARLO_DELAY: Duration = Duration::from_millis(250);

/// Handles on the calculator's state, passed to every component. `Copy`, so closures take it.
#[derive(Clone, Copy)]
pub struct Ctx {
    pub config: StoredValue<Config>,
    pub numbers: StoredValue<IntlNumbers, LocalStorage>,
    /// The last valid scenario: invalid entries never reach it.
    pub scenario: RwSignal<Scenario>,
    /// Everything but Monte Carlo, recomputed on every change.
    pub report: Memo<Report>,
    /// The simulation for the current scenario; `None` while typing has not paused.
    pub monte_carlo: RwSignal<Option<MonteCarlo>>,
    /// Presenter mode: large type, results first, assumptions hidden.
    pub present: RwSignal<bool>,
    /// Compact mode for pricing pages: the main inputs, the verdict, one call to action.
    pub compact: RwSignal<bool>,
    /// The element events are dispatched on (the custom element), if any.
    pub host: StoredValue<Option<web_sys::HtmlElement>, LocalStorage>,
    /// Scenario A, pinned for comparison with the current one (B).
    pub pinned: RwSignal<Option<Scenario>>,
    /// "light", "dark" or "auto".
    pub theme: RwSignal<String>,
}

/// The depth computed on every keystroke: all but Monte Carlo.
pub const LIVE: Depth = Depth {
    wins: true,
    sensitivity: true,
    monte_carlo: false,
};

impl Ctx {
    /// Sets up the state for `config`, starting from `scenario`, and schedules Monte Carlo
    /// after every change.
    pub fn new(config: Config, scenario: Scenario, locale: Option<String>) -> Ctx {
        let numbers = StoredValue::new_local(IntlNumbers::new(&config.currency, locale.as_deref()));
        let config = StoredValue::new(config);
        let scenario = RwSignal::new(scenario);
        let report =
            Memo::new(move |_| config.with_value(|c| scenario.with(|s| evaluate_to(c, s, LIVE))));
        let monte_carlo = RwSignal::new(None);
        let pending = StoredValue::new_local(None::<TimeoutHandle>);
        Effect::new(move |_| {
            let s = scenario.get();
            monte_carlo.set(None);
            if let Some(h) = pending.get_value() {
                h.clear();
            }
            let run = move || {
                let mc = config
                    .with_value(|c| Model::new(c, &s).monte_carlo(DEFAULT_DRAWS, DEFAULT_SEED));
                monte_carlo.set(Some(mc));
            };
            pending.set_value(set_timeout_with_handle(run, MONTE_CARLO_DELAY).ok());
        });
        Ctx {
            config,
            numbers,
            scenario,
            report,
            monte_carlo,
            present: RwSignal::new(false),
            compact: RwSignal::new(false),
            host: StoredValue::new_local(None),
            pinned: RwSignal::new(None),
            theme: RwSignal::new("auto".into()),
        }
    }

    /// Changes the scenario in place.
    pub fn update(&self, edit: impl FnOnce(&mut Scenario)) {
        self.scenario.update(edit);
    }

    /// Reads the number formatters.
    pub fn fmt<R>(&self, f: impl FnOnce(&IntlNumbers) -> R) -> R {
        self.numbers.with_value(f)
    }

    /// Dispatches `name` on the host element, bubbling and composed, with `detail`; returns
    /// whether the host let the default action happen.
    pub fn emit<T: serde::Serialize>(&self, name: &str, detail: &T, cancelable: bool) -> bool {
        self.host.with_value(|h| {
            h.as_ref()
                .is_none_or(|h| super::embed::dispatch(h, name, detail, cancelable))
        })
    }

    /// The report's option `i`.
    pub fn option(&self, i: usize) -> OptionReport {
        self.report.with(|r| r.options[i].clone())
    }
}
