//! Presenter mode's comparison: scenario A (pinned) beside the current scenario B, the
//! inputs that differ highlighted.

use super::ctx::Ctx;
use super::dom::{action, el, text, OnClick, Region};
use crate::model::numbers::Numbers;
use crate::model::share::differences;
use crate::model::verdict::verdict;
use crate::model::{evaluate_to, Depth, Report, Scenario};
use leptos::prelude::*;
use std::cell::RefCell;

/// A/B comparison for calls.
#[component]
pub fn Compare(
    /// The calculator's state.
    ctx: Ctx,
) -> impl IntoView {
    // Scenario A and its costs, computed again only when A is pinned anew: kept here, not in
    // a `Memo`, whose type would compile reactive_graph's memo code anew (1.7 KB of gzipped
    // wasm, measured).
    let evaluated = RefCell::new(None::<(Report, Scenario)>);
    let pinned = move || {
        let a = ctx.pinned.get()?;
        let mut last = evaluated.borrow_mut();
        if !matches!(&*last, Some((_, s)) if *s == a) {
            *last = Some(ctx.with_config(|c| (evaluate_to(c, &a, Depth::COSTS), a)));
        }
        last.clone()
    };
    let column = move |title: &'static str, scenario: &Scenario, r: &Report| {
        let sentence = ctx.with_config(|c| ctx.fmt(|n| verdict(c, scenario, r, None, n)));
        let costs = r.options.iter().map(|o| {
            let amount = ctx.fmt(|n| n.money(o.expected_present_cost));
            text(
                "li",
                ctx.f("compare.cost", &[("option", &o.name), ("amount", &amount)]),
            )
        });
        el("section")
            .class("scenario-column")
            .child(text("h3", ctx.t(title)))
            .child(text("p", sentence).class("verdict-small"))
            .child(el("ul").kids(costs))
    };
    let contents = move || {
        let current = pinned();
        let actions = el("div")
            .class("compare-actions")
            .child(action("pin", ctx.t("compare.pin"), false))
            .child(action("clear", ctx.t("compare.clear"), current.is_none()));
        let Some((a, pinned)) = current else {
            return vec![actions, text("p", ctx.t("compare.hint")).class("hint")];
        };
        let diffs =
            ctx.with_config(|c| ctx.with_scenario(|b| ctx.fmt(|n| differences(c, &pinned, b, n))));
        let b = ctx.report();
        let scenario_b = ctx.scenario.get();
        let rows = if diffs.is_empty() {
            vec![el("tr").child(text("td", ctx.t("compare.nothing")).attr("colspan", "3"))]
        } else {
            diffs
                .into_iter()
                .map(|d| {
                    el("tr")
                        .class("changed")
                        .child(text("th", d.label).attr("scope", "row"))
                        .child(text("td", d.a))
                        .child(el("td").child(text("mark", d.b)))
                })
                .collect()
        };
        let head = ["compare.input", "compare.a", "compare.b"]
            .map(|h| text("th", ctx.t(h)).attr("scope", "col"));
        vec![
            actions,
            el("div")
                .class("columns")
                .child(column("compare.scenario_a", &pinned, &a))
                .child(column("compare.scenario_b", &scenario_b, &b)),
            el("table")
                .class("differences")
                .child(text("caption", ctx.t("compare.what_differs")))
                .child(el("thead").child(el("tr").kids(head)))
                .child(el("tbody").kids(rows)),
        ]
    };
    // Drawn in presenter mode only; the whole section is the region's, so no `view!` switches.
    let render = move || {
        if !ctx.present.get() {
            return Vec::new();
        }
        let section = el("section")
            .class("compare")
            .attr("aria-labelledby", "tw-compare-title")
            .child(text("h2", ctx.t("compare.title")).attr("id", "tw-compare-title"));
        vec![section.kids(contents())]
    };
    // The buttons are drawn in the region too: no `on:` closure or reactive attribute in
    // `view!`, each of which costs tachys's code per closure type.
    let click: OnClick = Box::new(move |button, _| match button.get_attribute("data-action") {
        Some(a) if a == "pin" => ctx.pinned.set(Some(ctx.scenario.get_untracked())),
        _ => ctx.pinned.set(None),
    });
    view! { <Region class="contents" render=Box::new(render) on_click=("button[data-action]", click) /> }
}
