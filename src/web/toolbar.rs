//! Share, export, print, presenter mode and theme.

use super::ctx::Ctx;
use super::dom::{action, el, text, OnClick, OnSelect, Region};
use super::state;
use crate::model::numbers::Numbers;
use crate::model::share::{csv, to_query};
use crate::model::{evaluate, Model, Report, Scenario};
use leptos::prelude::*;
use serde::Serialize;
use wasm_bindgen::{JsCast, JsValue};

/// Offers `text` as a file download named `name`.
pub fn download(name: &str, mime: &str, text: &str) {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Some(a) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.create_element("a").ok())
        .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    {
        a.set_href(&url);
        a.set_download(name);
        a.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// The scenario and its full result, as the JSON export and the JavaScript API write them.
#[derive(Serialize)]
struct Export<'a> {
    product: &'a str,
    currency: &'a str,
    scenario: &'a Scenario,
    result: &'a Report,
}

/// Writes `value` as indented JSON with the browser's `JSON.stringify`: `null` for absent values.
pub fn to_json<T: Serialize>(value: &T) -> String {
    let js = super::events::to_js(value);
    js_sys::JSON::stringify_with_replacer_and_space(&js, &JsValue::NULL, &JsValue::from_f64(2.0))
        .map(String::from)
        .unwrap_or_default()
}

/// A file name for exports: the product's name, made safe.
fn file_stem(product: &str) -> String {
    let s: String = product
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    format!("tierwise-{}", s.trim_matches('-'))
}

/// The query string of the current state: config, scenario, and presenter mode.
pub fn current_query(ctx: Ctx, config_url: &str) -> String {
    let mut pairs = vec![("config".to_owned(), config_url.to_owned())];
    pairs.extend(ctx.with_config(|c| ctx.with_scenario(|s| ctx.fmt(|n| to_query(c, s, n)))));
    if ctx.present.get() {
        pairs.push(("mode".into(), "present".into()));
    }
    let theme = ctx.theme.get();
    if theme != "auto" {
        pairs.push(("theme".into(), theme));
    }
    state::to_query_string(&pairs)
}

/// Copies the share link of the current state and says so.
fn share(ctx: Ctx, config_url: &str, copied: RwSignal<String>) {
    let link = state::link_with(&current_query(ctx, config_url));
    if let Some(w) = web_sys::window() {
        let _ = w.navigator().clipboard().write_text(&link);
    }
    copied.set(ctx.f("toolbar.copied", &[("link", &link)]));
}

/// Downloads the yearly lines as CSV.
fn export_csv(ctx: Ctx) {
    let (stem, text) = ctx.with_config(|c| {
        (
            file_stem(&c.product),
            ctx.with_scenario(|s| ctx.fmt(|n| csv(&Model::new(c, s), n as &dyn Numbers))),
        )
    });
    download(&format!("{stem}.csv"), "text/csv", &text);
}

/// Downloads the scenario and its full result, Monte Carlo included, as JSON.
fn export_json(ctx: Ctx) {
    let (stem, text) = ctx.with_config(|c| {
        ctx.with_scenario(|s| {
            let mut with_mc = s.clone();
            with_mc.monte_carlo = Some(crate::model::scenario::MonteCarloSpec {
                draws: crate::model::scenario::DEFAULT_DRAWS,
                seed: crate::model::scenario::DEFAULT_SEED,
            });
            let result = evaluate(c, &with_mc);
            (
                file_stem(&c.product),
                to_json(&Export {
                    product: &c.product,
                    currency: &c.currency,
                    scenario: &with_mc,
                    result: &result,
                }),
            )
        })
    });
    download(&format!("{stem}.json"), "application/json", &text);
}

/// The actions bar, drawn as a region (see dom.rs).
#[component]
pub fn Toolbar(
    /// The calculator's state.
    ctx: Ctx,
    /// Where the config came from, kept in share links.
    #[prop(into)]
    config_url: String,
) -> impl IntoView {
    let copied = RwSignal::new(String::new());
    let render = move || {
        let pressed = if ctx.present.get() { "true" } else { "false" };
        let theme = ctx.theme.get();
        let options = [
            ("auto", "toolbar.theme_auto"),
            ("light", "toolbar.theme_light"),
            ("dark", "toolbar.theme_dark"),
        ]
        .map(|(value, id)| text("option", ctx.t(id)).attr("value", value));
        let picker = el("label")
            .class("theme")
            .child(ctx.t("toolbar.theme"))
            .child(" ")
            .child(el("select").attr("value", theme).kids(options));
        vec![el("div")
            .class("toolbar")
            .attr("role", "toolbar")
            .attr("aria-label", ctx.t("toolbar.label"))
            .attr("part", "toolbar")
            .child(action("share", ctx.t("toolbar.share"), false))
            .child(action("csv", ctx.t("toolbar.csv"), false))
            .child(action("json", ctx.t("toolbar.json"), false))
            .child(action("print", ctx.t("toolbar.print"), false))
            .child(action("present", ctx.t("toolbar.present"), false).attr("aria-pressed", pressed))
            .child(picker)
            .child(
                text("p", copied.get())
                    .class("copied")
                    .attr("aria-live", "polite"),
            )]
    };
    let click: OnClick =
        Box::new(
            move |button, _| match button.get_attribute("data-action").as_deref() {
                Some("share") => share(ctx, &config_url, copied),
                Some("csv") => export_csv(ctx),
                Some("json") => export_json(ctx),
                Some("print") => {
                    if let Some(w) = web_sys::window() {
                        let _ = w.print();
                    }
                }
                _ => ctx.present.update(|p| *p = !*p),
            },
        );
    let picked: OnSelect = Box::new(move |select| ctx.theme.set(select.value()));
    view! {
        <Region class="contents" render=Box::new(render) on_click=("button[data-action]", click) on_select=picked />
    }
}
