//! The calculator's state: one config, the current scenario, and what follows from them.
//!
//! Everything is a signal or a memo over the scenario, so a change anywhere recomputes the
//! report synchronously (it takes microseconds) and the components simply read it.

use super::dom::effect;
use super::format::IntlNumbers;
use crate::model::numbers::Numbers;
use crate::model::report::OptionReport;
use crate::model::scenario::{DEFAULT_DRAWS, DEFAULT_SEED};
use crate::model::uncertainty::{MonteCarlo, Simulation};
use crate::model::{evaluate_to, Config, Depth, Model, Report, Scenario};
use leptos::prelude::*;
use std::rc::Rc;
use std::sync::Arc;
use std::time::Duration;

/// How long typing must pause before Monte Carlo runs.
const MONTE_CARLO_DELAY: Duration = Duration::from_millis(250);

/// Handles on the calculator's state, passed to every component. `Copy`, so closures take it.
///
/// Config, report, numbers and simulation are read through the `with_*` methods, whose
/// generic part is a one-line shell around a non-generic read: reading a signal with a
/// closure instantiates reactive_graph's whole read path per call site (~400 bytes of wasm
/// each), so call sites never touch these signals directly.
#[derive(Clone, Copy)]
pub struct Ctx {
    config: StoredValue<Arc<Config>>,
    numbers: StoredValue<Rc<IntlNumbers>, LocalStorage>,
    /// The last valid scenario: invalid entries never reach it.
    pub scenario: RwSignal<Scenario>,
    /// Everything but Monte Carlo, recomputed on every change.
    report: Memo<Arc<Report>>,
    /// The simulation for the current scenario; `None` while typing has not paused.
    monte_carlo: RwSignal<Option<Arc<MonteCarlo>>>,
    /// Presenter mode: large type, results first, assumptions hidden.
    pub present: RwSignal<bool>,
    /// Compact mode for pricing pages: the main inputs, the verdict, one call to action.
    pub compact: RwSignal<bool>,
    /// The element events are dispatched on (the custom element), if any.
    pub host: StoredValue<Option<web_sys::HtmlElement>, LocalStorage>,
    /// Scenario A, pinned for comparison with the current one (B): presenter mode's.
    pub pinned: RwSignal<Option<Scenario>>,
    /// Whether focus moves into the full layout once it is drawn (the visitor asked for it
    /// from compact mode's "compare all options").
    pub focus_full: StoredValue<bool>,
    /// "light", "dark" or "auto".
    pub theme: RwSignal<String>,
    /// Whether the full layout's first render has reached its charts (`[0]`) and then its
    /// tables (`[1]`): regions drawn at a later step wait for theirs (see `app::steps`). Both
    /// true unless the full layout is starting. `bool`s, not a count: each type of signal
    /// compiles reactive_graph's code anew (a `u8` cost 0.45 KB of gzipped wasm, measured).
    pub steps: [RwSignal<bool>; 2],
}

/// Draws per task of a Monte Carlo run. 10,000 draws take 4–6 ms once the browser has
/// optimised the wasm, but several times that in a page's first seconds (and 4× that on a
/// phone): in slices, a keystroke or a tap never waits behind a whole simulation.
const SLICE: u32 = 2500;

/// A Monte Carlo run in slices, each its own task. The timers hold these handles only, never
/// the run itself: a change of scenario replaces the run and clears the timer, and a cleared
/// timer's closure is freed only when the JS garbage collector gets to it.
#[derive(Clone, Copy)]
struct Slices {
    config: StoredValue<Arc<Config>>,
    /// The scenario to simulate and its draws so far (none before the first slice).
    running: StoredValue<Option<(Scenario, Option<Simulation>)>, LocalStorage>,
    out: RwSignal<Option<Arc<MonteCarlo>>>,
    pending: StoredValue<Option<TimeoutHandle>, LocalStorage>,
}

impl Slices {
    /// Starts simulating `scenario` after `delay`, dropping any run under way.
    fn start(self, scenario: Scenario, delay: Duration) {
        if let Some(h) = self.pending.get_value() {
            h.clear();
        }
        self.running.set_value(Some((scenario, None)));
        self.next(delay);
    }

    /// Draws the next slice after `delay`, then the next, and shows the outcome.
    fn next(self, delay: Duration) {
        let step = move || {
            // try_: the calculator may be gone by the time the timer fires.
            let Some(c) = self.config.try_get_value() else {
                return;
            };
            let Some(Some((scenario, run))) = self.running.try_update_value(Option::take) else {
                return;
            };
            let model = Model::new(&c, &scenario);
            // Made at the first slice: typing replaces runs that never draw.
            let mut run = run.unwrap_or_else(|| model.simulation(DEFAULT_DRAWS, DEFAULT_SEED));
            model.draw(&mut run, SLICE);
            if run.left() == 0 {
                self.out.try_set(Some(Arc::new(model.outcome(run))));
                return;
            }
            self.running.set_value(Some((scenario, Some(run))));
            self.next(Duration::ZERO);
        };
        self.pending
            .try_set_value(set_timeout_with_handle(step, delay).ok());
    }
}

/// The depth computed on every keystroke: all but Monte Carlo.
pub const LIVE: Depth = Depth {
    wins: true,
    sensitivity: true,
    monte_carlo: false,
};

impl Ctx {
    /// Sets up the state for `config`, starting from `scenario`, speaking through `numbers`
    /// (made for the config's currency), and schedules Monte Carlo after every change.
    pub fn new(config: Arc<Config>, scenario: Scenario, numbers: IntlNumbers) -> Ctx {
        let numbers = StoredValue::new_local(Rc::new(numbers));
        let config = StoredValue::new(config);
        let scenario = RwSignal::new(scenario);
        // A new report is a change. Comparing reports field by field (`Report::eq`) cost
        // 0.7 KB of gzipped main wasm (measured), to spare a redraw only when a change left
        // the report as it was (Monte Carlo's draws or seed, a field set to what it was),
        // where the regions' patches find nothing to change anyway.
        let report = Memo::new_with_compare(
            move |_| {
                let s = scenario.get();
                Arc::new(evaluate_to(&config.get_value(), &s, LIVE))
            },
            |a, b| !matches!((a, b), (Some(a), Some(b)) if Arc::ptr_eq(a, b)),
        );
        let monte_carlo = RwSignal::new(None);
        let pending = StoredValue::new_local(None::<TimeoutHandle>);
        let slices = Slices {
            config,
            running: StoredValue::new_local(None),
            out: monte_carlo,
            pending,
        };
        effect(move || {
            let s = scenario.get();
            monte_carlo.set(None);
            slices.start(s, MONTE_CARLO_DELAY);
        });
        on_cleanup(move || {
            if let Some(Some(h)) = pending.try_get_value() {
                h.clear();
            }
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
            focus_full: StoredValue::new(false),
            theme: RwSignal::new("auto".into()),
            steps: [RwSignal::new(true), RwSignal::new(true)],
        }
    }

    /// Changes the scenario in place.
    pub fn update(&self, edit: impl FnOnce(&mut Scenario)) {
        self.scenario.update(edit);
    }

    /// The config (not reactive: a calculator's config never changes).
    #[inline(never)]
    pub fn config(&self) -> Arc<Config> {
        self.config.get_value()
    }

    /// Reads the config.
    pub fn with_config<R>(&self, f: impl FnOnce(&Config) -> R) -> R {
        f(&self.config())
    }

    /// The current report, tracked.
    #[inline(never)]
    pub fn report(&self) -> Arc<Report> {
        self.report.get()
    }

    /// Reads the current report, tracked.
    pub fn with_report<R>(&self, f: impl FnOnce(&Report) -> R) -> R {
        f(&self.report())
    }

    /// Reads the current scenario, tracked.
    pub fn with_scenario<R>(&self, f: impl FnOnce(&Scenario) -> R) -> R {
        f(&self.scenario.get())
    }

    /// Reads the simulation, tracked (`None` until typing pauses).
    pub fn with_monte_carlo<R>(&self, f: impl FnOnce(Option<&MonteCarlo>) -> R) -> R {
        f(self.monte_carlo.get().as_deref())
    }

    /// The number formatters.
    #[inline(never)]
    pub fn numbers(&self) -> Rc<IntlNumbers> {
        self.numbers.get_value()
    }

    /// Reads the number formatters.
    pub fn fmt<R>(&self, f: impl FnOnce(&IntlNumbers) -> R) -> R {
        f(&self.numbers())
    }

    /// The language of the calculator's words ("en", "de", …), for its `lang` attribute.
    pub fn lang(&self) -> &'static str {
        self.numbers().words().lang
    }

    /// Message `id` in the calculator's language.
    #[inline(never)]
    pub fn t(&self, id: &str) -> String {
        self.numbers().t(id)
    }

    /// Message `id` with its placeholders filled.
    #[inline(never)]
    pub fn f(&self, id: &str, args: &[(&str, &str)]) -> String {
        self.numbers().f(id, args)
    }

    /// Dispatches `name` on the host element, bubbling and composed, with `detail`; returns
    /// whether the host let the default action happen.
    pub fn emit<T: serde::Serialize>(&self, name: &str, detail: &T, cancelable: bool) -> bool {
        self.emit_value(name, crate::model::value::to_value(detail), cancelable)
    }

    #[inline(never)]
    fn emit_value(&self, name: &str, detail: crate::model::value::Value, cancelable: bool) -> bool {
        let host = self.host.get_value();
        host.is_none_or(|h| super::events::dispatch(&h, name, &detail, cancelable))
    }

    /// The report's option `i`.
    pub fn option(&self, i: usize) -> OptionReport {
        self.report().options[i].clone()
    }
}
