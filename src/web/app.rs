//! The calculator widget: full, compact and presenter layouts, events to the host, and
//! the scenario it starts from.

use super::ctx::Ctx;
use super::dom::{el, text, El, OnClick, Region};
use super::format::IntlNumbers;
use super::inputs::MainFields;
use super::load::LoadError;
use super::results::{Cta, RunnerUp, Verdict};
use crate::model::messages::Messages;
use crate::model::Scenario;
#[cfg(not(feature = "compact"))]
use {
    super::assumptions::{AssumptionsPanel, AssumptionsPrint},
    super::charts::{BreakdownChart, CumulativeChart, SavingsChart, TornadoChart},
    super::inputs::{Requirements, ScenarioFields},
    super::present::Compare,
    super::report::ReportHeading,
    super::results::{CostTables, Notices, OptionCards},
    super::state,
    super::toolbar::{current_query, Toolbar},
    crate::model::share::from_query,
    crate::model::Config,
    leptos::either::Either,
    std::time::Duration,
};

use leptos::html::Div;
use leptos::prelude::*;

#[cfg(not(feature = "compact"))]
/// How long the inputs must rest before the address and storage are updated (browsers
/// throttle `history.replaceState`).
const PERSIST_DELAY: Duration = Duration::from_millis(300);

#[cfg(not(feature = "compact"))]
fn param(pairs: &[(String, String)], name: &str) -> Option<String> {
    pairs
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.clone())
}

#[cfg(not(feature = "compact"))]
/// Where a calculator starts: the link's scenario if it has one for this config, else the
/// stored one, else the config's defaults. Returns what could not be restored, in words.
pub fn initial_scenario(
    config: &Config,
    config_url: &str,
    numbers: &IntlNumbers,
) -> (Scenario, Vec<String>) {
    let link = state::query_pairs();
    let has_scenario = link
        .iter()
        .any(|(k, _)| !crate::model::share::PAGE_PARAMS.contains(&k.as_str()));
    let same_config =
        |pairs: &[(String, String)]| param(pairs, "config").is_none_or(|c| c == config_url);
    let source = if has_scenario && same_config(&link) {
        Some(link)
    } else {
        state::stored()
            .map(|s| state::parse_query(&s))
            .filter(|p| param(p, "config").as_deref() == Some(config_url))
    };
    match source {
        None => (Scenario::defaults(config), Vec::new()),
        Some(pairs) => {
            let (scenario, problems) = from_query(config, &pairs, numbers);
            (
                scenario,
                problems.iter().map(|p| numbers.problem(p)).collect(),
            )
        }
    }
}

/// The detail of `tierwise:change`.
#[derive(serde::Serialize)]
struct ChangeDetail<'a> {
    scenario: &'a Scenario,
    result: &'a crate::model::Report,
}

/// The calculator for one config: full, compact (pricing pages) or presenter mode.
#[component]
pub fn Calculator(
    /// The calculator's state, already holding its config and starting scenario.
    ctx: Ctx,
    /// What a restored link or stored state had to ignore.
    #[prop(optional)]
    notices: Vec<String>,
    /// Where the config came from: kept in the address and in share links.
    #[prop(into)]
    config_url: String,
    /// Whether to keep the scenario in the page's address and local storage.
    #[prop(optional)]
    persist: bool,
) -> impl IntoView {
    #[cfg(not(feature = "compact"))]
    if persist {
        keep_in_address(ctx, config_url.clone());
    }
    // The compact build keeps nothing: its full calculator (the other build) does.
    #[cfg(feature = "compact")]
    let _ = (persist, &notices, config_url);
    // The root's class and theme, set by one effect (before the one that says `ready`):
    // reactive attributes in `view!` cost tachys's attribute code per closure type.
    let root = NodeRef::<Div>::new();
    Effect::new(move |_| {
        let (class, theme) = (root_class(ctx), ctx.theme.get());
        if let Some(el) = root.get() {
            let _ = el.set_attribute("class", class);
            let _ = el.set_attribute("data-theme", &theme);
        }
    });
    // The host hears of every new result, the first one after `ready`, so no event ever
    // comes before the widget says it is ready.
    Effect::new(move |first: Option<()>| {
        if first.is_none() {
            ctx.emit("ready", &(), false);
        }
        ctx.with_report(|result| {
            ctx.with_scenario(|scenario| {
                ctx.emit("change", &ChangeDetail { scenario, result }, false)
            })
        });
    });
    #[cfg(not(feature = "compact"))]
    let layout = {
        let notices = RwSignal::new(notices);
        // Either, not `AnyView`: erasing the two layouts' types cost 5.4 KB of gzipped wasm.
        move || {
            if ctx.compact.get() {
                Either::Left(compact_layout(ctx))
            } else {
                Either::Right(full_layout(ctx, config_url.clone(), notices))
            }
        }
    };
    #[cfg(feature = "compact")]
    let layout = compact_layout(ctx);
    view! {
        <div node_ref=root part="root" lang=ctx.lang()>
            {layout}
        </div>
    }
}

/// The root's classes: one attribute closure instead of a `class:` closure each (less wasm).
fn root_class(ctx: Ctx) -> &'static str {
    match (ctx.present.get(), ctx.compact.get()) {
        (true, true) => "tierwise present compact",
        (true, false) => "tierwise present",
        (false, true) => "tierwise compact",
        (false, false) => "tierwise",
    }
}

/// Keeps the scenario in the page's address and local storage, once the inputs rest.
#[cfg(not(feature = "compact"))]
fn keep_in_address(ctx: Ctx, url: String) {
    let pending = StoredValue::new_local(None::<TimeoutHandle>);
    Effect::new(move |_| {
        let query = current_query(ctx, &url);
        if let Some(h) = pending.get_value() {
            h.clear();
        }
        let write = move || {
            state::replace_query(&query);
            state::store(&query);
        };
        pending.set_value(set_timeout_with_handle(write, PERSIST_DELAY).ok());
    });
    // A destroyed calculator writes nothing more.
    on_cleanup(move || {
        if let Some(Some(h)) = pending.try_get_value() {
            h.clear();
        }
    });
}

/// Everything: inputs, assumptions, verdict, cards, charts, tables (and presenter mode's
/// comparison).
#[cfg(not(feature = "compact"))]
fn full_layout(ctx: Ctx, config_url: String, notices: RwSignal<Vec<String>>) -> impl IntoView {
    steps(ctx.step, 2);
    view! {
        <ReportHeading ctx config_url=config_url.clone() />
        <Toolbar ctx config_url />
        <Notices ctx notices />
        <div class="layout">
            // Headings for the outline (and screen readers' heading lists), not the eye.
            <div class="inputs">
                <h2 class="sr-only">{ctx.t("layout.inputs")}</h2>
                <ScenarioFields ctx />
                <Requirements ctx />
                <AssumptionsPanel ctx />
            </div>
            <div class="results">
                <h2 class="sr-only">{ctx.t("layout.results")}</h2>
                <Verdict ctx />
                <Compare ctx />
                <OptionCards ctx />
                <div class="charts">
                    <CumulativeChart ctx />
                    <BreakdownChart ctx />
                    <SavingsChart ctx />
                    <TornadoChart ctx />
                </div>
                <CostTables ctx />
                <AssumptionsPrint ctx />
            </div>
        </div>
    }
}

/// The full layout's first render in steps, each in its own task after a painted frame: the
/// inputs, verdict and cards, then the charts (`Region`s drawn `after` step 1), then the
/// tables (step 2). In one task it took ~70 ms (~280 ms at a phone's speed) in which the page
/// could not answer a tap; the verdict now shows after the first step. Counts `step` from 0
/// to `last`.
#[cfg(not(feature = "compact"))]
fn steps(step: RwSignal<u8>, last: u8) {
    step.set(0);
    fn after_paint(step: RwSignal<u8>, last: u8) {
        request_animation_frame(move || {
            set_timeout(
                move || {
                    // None: the calculator is gone.
                    if let Some(n) = step.try_update(|n| {
                        *n += 1;
                        *n
                    }) {
                        if n < last {
                            after_paint(step, last);
                        }
                    }
                },
                Duration::ZERO,
            )
        });
    }
    after_paint(step, last);
}

/// What a pricing page shows: the main inputs, the verdict and runner-up, one call to action,
/// and the way to the full calculator with the scenario as it is: in place in the full build,
/// by loading the full build in the compact one (the loader swaps them, see `loader::open_full`).
fn compact_layout(ctx: Ctx) -> impl IntoView {
    // In the compact build the loader brings in the full build (and fetches it already when
    // the button is pointed at or tabbed to, so a click finds it compiled).
    #[cfg(feature = "compact")]
    let open: OnClick = Box::new(move |_, _| {
        if let Some(h) = ctx.host.get_value() {
            super::loader::open_full(&h);
        }
    });
    #[cfg(not(feature = "compact"))]
    let open: OnClick = Box::new(move |_, _| ctx.compact.set(false));
    // A region, not a `view!` button: the compact build then has no `on:` at all (see dom.rs).
    let button = move || {
        let label = ctx.t("compact.compare_all");
        vec![text("button", label)
            .attr("type", "button")
            .class("compare-all")]
    };
    view! {
        <div class="compact-layout">
            <MainFields ctx />
            <Verdict ctx />
            <RunnerUp ctx />
            <div class="compact-actions">
                <Cta ctx />
                <Region class="contents" render=Box::new(button) on_click=("button.compare-all", open) />
            </div>
        </div>
    }
}

/// Says why a config could not be used, listing every problem.
#[component]
pub fn ErrorPanel(
    /// What went wrong.
    error: LoadError,
    /// The words of the widget's language.
    words: Messages,
) -> impl IntoView {
    let lang = words.lang;
    let title = words.get("error.config").to_owned();
    let numbers = IntlNumbers::with_words("USD", None, words);
    // An invalid config lists its problems; anything else has one sentence to say.
    let lines: Vec<String> = match error.problems() {
        [] => vec![error.summary()],
        problems => problems.iter().map(|p| numbers.problem(p)).collect(),
    };
    let render = move || vec![error_panel(&title, &lines).attr("lang", lang)];
    view! { <Region render=Box::new(render) /> }
}

/// The error panel: a heading and what went wrong, one line each. Plain DOM, so a panic can
/// draw it too.
pub fn error_panel(title: &str, lines: &[String]) -> El {
    el("section")
        .class("tierwise error")
        .attr("role", "alert")
        .attr("part", "error")
        .child(text("h2", title))
        .child(el("ul").kids(lines.iter().map(|l| text("li", l.as_str()))))
}
