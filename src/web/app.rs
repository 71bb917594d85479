//! The calculator widget: full, compact and presenter layouts, events to the host, and
//! the scenario it starts from.

use super::assumptions::{AssumptionsPanel, AssumptionsPrint};
use super::charts::{BreakdownChart, CumulativeChart, SavingsChart, TornadoChart};
use super::ctx::Ctx;
use super::dom::{
    div_in, draw, draw_in, effect, error_panel, region, text, Drawing, Drawn, OnClick, Slot,
};
use super::format::IntlNumbers;
use super::inputs::{main_fields, Requirements, ScenarioFields};
use super::load::LoadError;
use super::persist::Memory;
use super::present::Compare;
use super::report::ReportHeading;
use super::results::{cta, runner_up, verdict_line, CostTables, Notices, OptionCards};
use super::split::SplitLoaderError;
use super::toolbar::Toolbar;
use crate::model::messages::{self, Messages};
use crate::model::Scenario;
use leptos::mount::mount_to;
use leptos::prelude::*;
use std::any::Any;
use std::time::Duration;
use web_sys::HtmlElement;

/// The detail of `tierwise:change`.
#[derive(serde::Serialize)]
struct ChangeDetail<'a> {
    scenario: &'a Scenario,
    result: &'a crate::model::Report,
}

/// The calculator for one config, drawn into `parent`: full, compact (pricing pages) or
/// presenter mode. Plain DOM down to the full layout, which is a `view!` in its own chunk of
/// wasm: a compact calculator, all a pricing page downloads, then links none of tachys's view
/// code (measured, gzipped: see ARCHITECTURE.md).
pub fn calculator(
    parent: &web_sys::Node,
    // The calculator's state, already holding its config and starting scenario.
    ctx: Ctx,
    // What the host's scenario options had to leave out (the full layout adds what a restored
    // link or stored state had to).
    notices: Vec<String>,
    // Where the config came from: kept in the address and in share links.
    config_url: String,
    // The full layout's memory (`persist`): `None` keeps nothing.
    memory: Option<Memory>,
) {
    let Some(el) = div_in(parent, "") else {
        return;
    };
    let _ = el.set_attribute("part", "root");
    let _ = el.set_attribute("lang", ctx.lang());
    let root: Slot = StoredValue::new_local(Some(el));
    // The root's class and theme, set by one effect (before the one that says `ready`).
    effect(move || {
        let (class, theme) = (root_class(ctx), ctx.theme.get());
        if let Some(el) = root.get_value() {
            let _ = el.set_attribute("class", class);
            let _ = el.set_attribute("data-theme", &theme);
        }
    });
    // Whether a layout has been painted (the full one comes with its own chunk of wasm:
    // `load_full`).
    let drawn = RwSignal::new(false);
    let full = Full {
        config_url,
        notices: RwSignal::new(notices),
        memory,
    };
    // Whether the full layout's chunk has come in or failed to (`load_full`), and which: a
    // `bool` signal and a stored `bool`, types the calculator has already (each signal type
    // compiles reactive_graph's code anew: an `Option<bool>` signal cost 0.5 KB of gzipped
    // wasm, measured).
    let settled = RwSignal::new(false);
    let loaded = StoredValue::new(false);
    let asked = StoredValue::new(false);
    // One effect draws the layout: what it built (regions, effects, the full layout's view)
    // belongs to its run, and goes when it runs again.
    // Held, never read: dropping it unmounts the full layout.
    let mut _full_shown: Option<Box<dyn Any>> = None;
    effect(move || {
        let (compact, is_settled) = (ctx.compact.get(), settled.get());
        _full_shown = None;
        let Some(root_el) = root.get_value() else {
            return;
        };
        root_el.set_text_content(None);
        untrack(|| {
            if compact {
                compact_layout(&root_el, ctx);
                return shown(ctx, root, drawn);
            }
            if !is_settled {
                if !asked.get_value() {
                    asked.set_value(true);
                    load_full(ctx, settled, loaded, asked);
                }
                return;
            }
            shown(ctx, root, drawn);
            if loaded.get_value() {
                // Loaded, so the call finishes at once.
                _full_shown =
                    ready_now(full_view(ctx, full.clone(), root_el.clone())).and_then(Result::ok);
            } else {
                let title = ctx.t("error.full");
                draw(&root_el, &[error_panel(&title, &[])]);
            }
        });
    });
    // `ready` once the calculator has been painted, then every new result, the first one after
    // `ready`, so no event comes before it.
    let mut ready = false;
    effect(move || {
        // Once ready, `drawn` is not read again: a mode change says nothing.
        if !(ready || drawn.get()) {
            return;
        }
        if !ready {
            ready = true;
            ctx.emit("ready", &(), false);
        }
        ctx.with_report(|result| {
            ctx.with_scenario(|scenario| {
                ctx.emit("change", &ChangeDetail { scenario, result }, false)
            })
        });
    });
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

/// Brings in the full layout's chunk of wasm and its stylesheet (fetched on first need, so a
/// pricing page's compact calculator never downloads them: issue 12), then sets `loaded` and
/// `settled`. If the chunk cannot load (the loader has fired `tierwiseerror` naming the file
/// and why), a visitor who came from compact mode is back there, where "compare all options"
/// tries again; a calculator that started full shows an error panel.
fn load_full(
    ctx: Ctx,
    settled: RwSignal<bool>,
    loaded: StoredValue<bool>,
    asked: StoredValue<bool>,
) {
    let style = ctx
        .host
        .get_value()
        .and_then(|h| super::loader::full(&h))
        .map(wasm_bindgen_futures::JsFuture::from);
    leptos::task::spawn_local(async move {
        if let Some(style) = style {
            // The loader reports a stylesheet or chunk that failed itself.
            let _ = style.await;
        }
        let ok = preload_full_view().await.is_ok();
        if !ok && ctx.focus_full.try_get_value() == Some(true) {
            ctx.focus_full.set_value(false);
            asked.set_value(false);
            ctx.compact.set(true);
        } else {
            // `loaded` first: `settled` redraws the layout, which reads it.
            let _ = loaded.try_set_value(ok);
            let _ = settled.try_set(true);
        }
    });
}

/// Once a layout (or the full layout's error panel) has been painted: `drawn` is set, and
/// focus moves into the calculator if the visitor asked for it (`ctx.focus_full`). The
/// calculator may be gone by then.
fn shown(ctx: Ctx, root: Slot, drawn: RwSignal<bool>) {
    after_paint(move || {
        let _ = drawn.try_set(true);
        if ctx.focus_full.try_get_value() == Some(true) {
            ctx.focus_full.set_value(false);
            if let Some(el) = root.try_get_value().flatten() {
                el.set_tab_index(-1);
                let _ = el.focus();
            }
        }
    });
}

/// The full layout, in its own chunk of wasm in the widget's build (the `split` feature:
/// scripts/bundle.mjs splits it out with wasm-split), mounted in `root`: its future loads the
/// chunk first; `preload_full_view` only loads it. The handle it gives unmounts the layout
/// when dropped, and its reactive owner is the caller's (an effect's run) child. `fallible`: a
/// chunk that cannot load is an `Err`, not a panic (which would stop the whole wasm).
#[cfg(feature = "split")]
#[leptos::wasm_split::wasm_split(
    full_view,
    wasm_split_path = crate::web::split,
    preload(preload_full_view),
    fallible
)]
fn full_view(ctx: Ctx, full: Full, root: HtmlElement) -> Result<Box<dyn Any>, SplitLoaderError> {
    Ok(Box::new(mount_to(root, move || full_layout(ctx, full))))
}
/// Without the split (native builds, wasm tests): the same, in the one wasm.
#[cfg(not(feature = "split"))]
async fn full_view(
    ctx: Ctx,
    full: Full,
    root: HtmlElement,
) -> Result<Box<dyn Any>, SplitLoaderError> {
    Ok(Box::new(mount_to(root, move || full_layout(ctx, full))))
}
#[cfg(not(feature = "split"))]
async fn preload_full_view() -> Result<(), SplitLoaderError> {
    Ok(())
}

/// The full layout's English (the texts of [`messages::EN_FULL`]; their ids are in the main
/// wasm) as a custom section of the wasm, which scripts/bundle.mjs moves from the main
/// module's file into the chunk's: the main wasm, all a compact calculator downloads, keeps
/// only the ids and placeholders, which checking a catalogue or override needs (1.3 KB less
/// gzipped, measured). A custom section is never in the wasm's memory: the loader reads it from
/// the chunk's compiled module (`loader::full_words`).
#[cfg(feature = "split")]
#[used]
#[link_section = "tierwise_en_full"]
static FULL_WORDS: [u8; messages::FULL_TEXTS_LEN] = messages::FULL_TEXT_BYTES;

/// Gives the model the full layout's English, from the chunk just loaded; `false` (the chunk
/// failing, as far as the calculator goes) if the loader has none or they do not fit, which
/// only a chunk from another build could cause.
#[cfg(feature = "split")]
fn full_words() -> bool {
    super::loader::full_words().is_some_and(|texts| messages::install_full(&texts))
}
/// Without the split, the words are in this wasm.
#[cfg(not(feature = "split"))]
fn full_words() -> bool {
    messages::install_full(messages::FULL_TEXTS)
}

/// The output of `future` if it is ready at once (a split function whose chunk is loaded).
fn ready_now<F: std::future::Future>(future: F) -> Option<F::Output> {
    let mut future = std::pin::pin!(future);
    let mut cx = std::task::Context::from_waker(std::task::Waker::noop());
    match future.as_mut().poll(&mut cx) {
        std::task::Poll::Ready(v) => Some(v),
        std::task::Poll::Pending => None,
    }
}

/// What the full layout needs beyond the calculator's state.
#[derive(Clone)]
struct Full {
    /// Where the config came from: kept in the address and in share links.
    config_url: String,
    /// What a restored link or stored state, or the host's options, had to ignore.
    notices: RwSignal<Vec<String>>,
    /// Its memory (`persist`), if it keeps one.
    memory: Option<Memory>,
}

/// Everything: inputs, assumptions, verdict, cards, charts, tables (and presenter mode's
/// comparison).
fn full_layout(ctx: Ctx, full: Full) -> impl IntoView {
    let Full {
        config_url,
        notices,
        memory,
    } = full;
    if !full_words() {
        web_sys::console::error_1(
            &"Tierwise: the full calculator's words do not fit this build".into(),
        );
    }
    if let Some(memory) = memory {
        memory.start(ctx, config_url.clone(), notices);
    }
    steps(ctx.steps);
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
                <Drawn drawing=verdict_line(ctx) />
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

/// Runs `f` in a task of its own once the next frame has been painted (a frame's animation
/// callbacks run before its paint), so what it does never holds up that paint. A hidden page
/// paints no frames: there it runs in the next task.
fn after_paint(f: impl FnOnce() + 'static) {
    let doc = web_sys::window().and_then(|w| w.document());
    if doc.is_some_and(|d| d.hidden()) {
        set_timeout(f, Duration::ZERO);
    } else {
        request_animation_frame(move || set_timeout(f, Duration::ZERO));
    }
}

/// The full layout's first render in steps, each in its own task after a painted frame: the
/// inputs, verdict and cards, then the charts (`Region`s drawn `after` `steps[0]`), then the
/// tables (`steps[1]`). In one task it took ~70 ms (~280 ms at a phone's speed) in which the
/// page could not answer a tap; the verdict now shows after the first step.
fn steps(steps: [RwSignal<bool>; 2]) {
    for step in steps {
        step.set(false);
    }
    fn step(steps: [RwSignal<bool>; 2], next: usize) {
        after_paint(move || {
            // Not set: the calculator is gone.
            if steps[next].try_set(true).is_none() && next + 1 < steps.len() {
                step(steps, next + 1);
            }
        });
    }
    step(steps, 0);
}

/// What a pricing page shows: the main inputs, the verdict and runner-up, one call to action,
/// and the way to the full calculator with the scenario as it is, in place (its chunk of wasm
/// comes in then, or already when the button is pointed at or tabbed to: see tierwise.js).
fn compact_layout(root: &web_sys::Node, ctx: Ctx) {
    let Some(layout) = div_in(root, "compact-layout") else {
        return;
    };
    let ([team, scale], hint) = main_fields(ctx);
    region(&layout, team);
    region(&layout, scale);
    draw_in(&layout, text("p", hint).class("hint"));
    region(&layout, verdict_line(ctx));
    region(&layout, runner_up(ctx));
    let Some(actions) = div_in(&layout, "compact-actions") else {
        return;
    };
    region(&actions, cta(ctx));
    let open: OnClick = Box::new(move |_, _| {
        ctx.focus_full.set_value(true);
        ctx.compact.set(false);
    });
    let button = move || {
        let label = ctx.t("compact.compare_all");
        vec![text("button", label)
            .attr("type", "button")
            .class("compare-all")]
    };
    region(
        &actions,
        Drawing {
            on_click: Some(("button.compare-all", open)),
            ..Drawing::new("contents", button)
        },
    );
}

/// Says why a config could not be used, listing every problem, in `parent`.
pub fn error_panel_in(
    parent: &web_sys::Node,
    // What went wrong.
    error: LoadError,
    // The words of the widget's language.
    words: Messages,
) {
    let lang = words.lang;
    let title = words.get("error.config").to_owned();
    let numbers = IntlNumbers::with_words("USD", None, words);
    // An invalid config lists its problems; anything else has one sentence to say.
    let lines: Vec<String> = match error.problems() {
        [] => vec![error.summary()],
        problems => problems.iter().map(|p| numbers.problem(p)).collect(),
    };
    draw_in(parent, error_panel(&title, &lines).attr("lang", lang));
}
