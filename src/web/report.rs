//! The printed report's heading: what a reader needs that the screen shows elsewhere or not at
//! all (product, date, model, the scenario in words, the link that reopens it). Print only.

use super::ctx::Ctx;
use super::dom::{el, text, Region};
use super::state;
use super::toolbar::current_query;
use crate::model::config::MODEL;
use crate::model::share::scenario_words;
use leptos::prelude::*;

/// The report's heading, shown only in print.
#[component]
pub fn ReportHeading(
    /// The calculator's state.
    ctx: Ctx,
    /// Where the config came from, kept in the printed link.
    config_url: String,
) -> impl IntoView {
    let render = move || {
        let product = ctx.with_config(|c| c.product.clone());
        let (scenario, requirements) =
            ctx.with_config(|c| ctx.with_scenario(|s| ctx.fmt(|n| scenario_words(c, s, n))));
        // The ISO date: unambiguous in every language the report may be read in.
        let today: String = js_sys::Date::new_0()
            .to_iso_string()
            .as_string()
            .unwrap_or_default()
            .chars()
            .take(10)
            .collect();
        let link = state::link_with(&current_query(ctx, &config_url));
        vec![el("header")
            .class("print-only report-heading")
            .child(text("h2", ctx.f("report.title", &[("product", &product)])))
            .child(text(
                "p",
                ctx.f(
                    "report.prepared",
                    &[("date", &today), ("model", &MODEL.to_string())],
                ),
            ))
            .child(text(
                "p",
                ctx.f("report.scenario", &[("scenario", &scenario)]),
            ))
            .child(text(
                "p",
                ctx.f("report.requirements", &[("requirements", &requirements)]),
            ))
            .child(
                el("p")
                    .child(text("span", ctx.t("report.reopen")))
                    .child(text("span", " "))
                    .child(text("span", link).class("link")),
            )]
    };
    view! { <Region render=Box::new(render) /> }
}
