//! Presenter mode's comparison: scenario A (pinned) beside the current scenario B, the
//! inputs that differ highlighted.

use super::ctx::Ctx;
use crate::model::explain::verdict;
use crate::model::numbers::Numbers;
use crate::model::share::differences;
use crate::model::{evaluate_to, Depth, Report};
use leptos::prelude::*;

/// A/B comparison for calls.
#[component]
pub fn Compare(
    /// The calculator's state.
    ctx: Ctx,
) -> impl IntoView {
    let report_a = Memo::new(move |_| {
        ctx.pinned.get().map(|a| {
            ctx.config
                .with_value(|c| (a.horizon, evaluate_to(c, &a, Depth::COSTS)))
        })
    });
    let column = move |title: &'static str, horizon: u32, r: Report| {
        let sentence = ctx
            .config
            .with_value(|c| ctx.fmt(|n| verdict(c, &r, horizon, None, n)));
        view! {
            <section class="scenario-column">
                <h3>{title}</h3>
                <p class="verdict-small">{sentence}</p>
                <ul>
                    {r.options.iter().map(|o| view! { <li>{format!("{}: {}", o.name, ctx.fmt(|n| n.money(o.present_cost)))}</li> }).collect_view()}
                </ul>
            </section>
        }
    };
    let body = move || {
        let Some((horizon_a, a)) = report_a.get() else {
            return view! { <p class="hint">"Pin the current scenario as A, change the inputs, and compare A with B side by side."</p> }.into_any();
        };
        let pinned = ctx.pinned.get().expect("a report for A means A is pinned");
        let diffs = ctx.config.with_value(|c| {
            ctx.scenario
                .with(|b| ctx.fmt(|n| differences(c, &pinned, b, n)))
        });
        let b = ctx.report.get();
        let horizon_b = ctx.scenario.with(|s| s.horizon);
        view! {
            <div class="columns">
                {column("Scenario A", horizon_a, a)}
                {column("Scenario B (current)", horizon_b, b)}
            </div>
            <table class="differences">
                <caption>"What differs"</caption>
                <thead><tr><th scope="col">"Input"</th><th scope="col">"A"</th><th scope="col">"B"</th></tr></thead>
                <tbody>
                    {if diffs.is_empty() {
                        view! { <tr><td colspan="3">"Nothing yet: change an input."</td></tr> }.into_any()
                    } else {
                        diffs.into_iter().map(|d| view! {
                            <tr class="changed"><th scope="row">{d.label}</th><td>{d.a}</td><td><mark>{d.b}</mark></td></tr>
                        }).collect_view().into_any()
                    }}
                </tbody>
            </table>
        }
        .into_any()
    };
    view! {
        <section class="compare" aria-labelledby="tw-compare-title">
            <h2 id="tw-compare-title">"Compare scenarios"</h2>
            <div class="compare-actions">
                <button type="button" on:click=move |_| ctx.pinned.set(Some(ctx.scenario.get()))>"Pin current as A"</button>
                <button type="button" on:click=move |_| ctx.pinned.set(None) disabled=move || ctx.pinned.with(Option::is_none)>"Clear A"</button>
            </div>
            {body}
        </section>
    }
}
