//! The assumptions panel (every assumption's value and range, editable) and its print form.

use super::ctx::Ctx;
use super::dom::{data_index, el, text, OnClick, OnInput, OnToggle, Region};
use super::inputs::refusal;
use crate::model::assumptions::{Key, Unit, CATALOGUE};
use crate::model::decode::Range;
use crate::model::numbers::Numbers;
use crate::model::share::quantity;
use leptos::prelude::*;

/// A row's three fields, in order (value, low, high): the message of each one's accessible
/// name, and of its name in an error.
const FIELDS: [(&str, &str); 3] = [
    ("assumptions.value_field", "assumptions.value_label"),
    ("assumptions.low_field", "assumptions.low_label"),
    ("assumptions.high_field", "assumptions.high_label"),
];

/// What a row shows that no edit changes.
struct Row {
    label: String,
    /// Each field's accessible name ("Engineer cost low").
    fields: [String; 3],
    unit: String,
    allowed: String,
    source: String,
}

fn row(ctx: Ctx, key: Key) -> Row {
    let spec = CATALOGUE[key as usize];
    let scale_unit = ctx.with_config(|c| c.scale_unit.one.clone());
    let currency = ctx.with_config(|c| c.currency.clone());
    let source = ctx.with_config(|c| c.assumptions.get(key).source.clone());
    ctx.fmt(|n| {
        let label = spec.label(n);
        let per = spec.per(n, &scale_unit);
        let unit = match (spec.unit, per.is_empty()) {
            (Unit::Fraction, true) => "%".to_owned(),
            (Unit::Fraction, false) => n.f("unit.percent_per", &[("per", &per)]),
            (Unit::Money, _) => n.f("unit.money_per", &[("currency", &currency), ("per", &per)]),
            (Unit::Hours, true) => n.t("unit.hours_word"),
            (Unit::Hours, false) => n.f("unit.hours_per", &[("per", &per)]),
            (Unit::Weeks, _) => n.t("unit.engineer_weeks"),
        };
        let (min, max) = (
            quantity(spec.unit, spec.min, n),
            quantity(spec.unit, spec.max, n),
        );
        Row {
            fields: FIELDS.map(|(id, _)| n.f(id, &[("assumption", &label)])),
            unit,
            allowed: n.f("assumptions.allowed", &[("min", &min), ("max", &max)]),
            source: source.unwrap_or_else(|| spec.default_source(n)),
            label,
        }
    })
}

/// Every assumption, collapsed by default, with a reset to the vendor's values. One region:
/// as `view!`, each row and each of its fields was a tree type of its own.
#[component]
pub fn AssumptionsPanel(
    /// The calculator's state.
    ctx: Ctx,
) -> impl IntoView {
    // Drawn when first opened: a panel that starts closed held 146 of the 407 elements and 36
    // of the 53 fields of the full calculator's first render step.
    let opened = RwSignal::new(false);
    // Each assumption's refusal, as its row shows it ("" when there is none).
    let errors = RwSignal::new(vec![String::new(); Key::ALL.len()]);
    let rows: Vec<Row> = Key::ALL.into_iter().map(|key| row(ctx, key)).collect();
    let render = move || {
        let summary = text("summary", ctx.t("assumptions.title"));
        let details = el("details").class("assumptions").child(summary);
        if !opened.get() {
            return vec![details];
        }
        let assumptions = ctx.with_scenario(|s| s.assumptions.clone());
        let errors = errors.get();
        let body = Key::ALL
            .into_iter()
            .zip(&rows)
            .enumerate()
            .map(|(i, (key, r))| {
                let spec = CATALOGUE[key as usize];
                let item = assumptions.get(key);
                let error_id = format!("tw-a-{}-error", spec.id);
                let field = |part: usize, x: Option<f64>| {
                    let input = el("input")
                        .attr("type", "number")
                        .attr("step", "any")
                        .attr("inputmode", "decimal")
                        .attr("aria-label", r.fields[part].clone())
                        .attr("aria-describedby", error_id.clone())
                        .attr("data-key", i.to_string())
                        .attr("data-part", part.to_string());
                    let percent = spec.unit == Unit::Fraction;
                    // Attribute text via JavaScript's String(x): no Rust float formatting.
                    let shown = |x: f64| ctx.fmt(|n| n.exact(if percent { x * 100.0 } else { x }));
                    match x {
                        Some(x) => input.attr("value", shown(x)),
                        None => input,
                    }
                };
                let range = item.range;
                el("tr")
                    .child(text("th", r.label.clone()).attr("scope", "row"))
                    .child(
                        el("td")
                            .child(field(0, Some(item.value)))
                            .child(text("span", r.unit.clone()).class("unit")),
                    )
                    .child(
                        el("td")
                            .class("range-cell")
                            .child(field(1, range.map(|r| r.0)))
                            .child("–")
                            .child(field(2, range.map(|r| r.1))),
                    )
                    .child(text("td", r.allowed.clone()).class("allowed"))
                    .child(text("td", r.source.clone()).class("source"))
                    .child(
                        text("td", errors[i].clone())
                            .class("field-error")
                            .attr("id", error_id)
                            .attr("aria-live", "polite"),
                    )
            });
        let head = [
            "assumptions.assumption",
            "assumptions.value",
            "assumptions.range",
            "assumptions.allowed_heading",
            "assumptions.source",
            "assumptions.problem",
        ]
        .map(|id| text("th", ctx.t(id)).attr("scope", "col"));
        let table = el("table")
            .child(text("caption", ctx.t("assumptions.caption")))
            .child(el("thead").child(el("tr").kids(head)))
            .child(el("tbody").kids(body));
        let reset = text("button", ctx.t("assumptions.reset"))
            .attr("type", "button")
            .class("reset");
        vec![details
            .child(el("div").class("table-scroll").child(table))
            .child(reset)]
    };
    let typed: OnInput = Box::new(move |input| {
        let i = data_index(&input, "data-key").min(Key::ALL.len() - 1);
        let part = data_index(&input, "data-part").min(2);
        edit(ctx, errors, i, part, input.value_as_number());
    });
    let reset: OnClick = Box::new(move |_, _| {
        let base = ctx.with_config(|c| c.assumptions.clone());
        errors.set(vec![String::new(); Key::ALL.len()]);
        ctx.update(|s| s.assumptions = base);
    });
    let toggled: OnToggle = Box::new(move |_| {
        if !opened.get_untracked() {
            opened.set(true);
        }
    });
    view! {
        <Region class="contents" render=Box::new(render) on_input=typed on_click=("button.reset", reset) on_toggle=toggled />
    }
}

/// Takes what a person typed into field `part` (0 value, 1 low, 2 high) of assumption `i`'s
/// row into the scenario, or says at the row why not.
fn edit(ctx: Ctx, errors: RwSignal<Vec<String>>, i: usize, part: usize, x: f64) {
    let key = Key::ALL[i];
    let spec = CATALOGUE[key as usize];
    let percent = spec.unit == Unit::Fraction;
    let name = ctx.fmt(|n| spec.label(n));
    let label = ctx.f(FIELDS[part].1, &[("assumption", &name)]);
    let v = if percent { x / 100.0 } else { x };
    let mut a = ctx.with_scenario(|s| s.assumptions.get(key).clone());
    let refused = if x.is_nan() {
        Some(ctx.f("field.not_a_number", &[("label", &label)]))
    } else {
        refusal(ctx, &label, x, Range::new(spec.min, spec.max), percent)
    };
    let refused = refused.or_else(|| match (part, a.range) {
        (0, _) => {
            a.value = v;
            None
        }
        (1, Some((_, high))) if v > high => {
            Some(ctx.f("assumptions.low_above_high", &[("label", &label)]))
        }
        (2, Some((low, _))) if v < low => {
            Some(ctx.f("assumptions.high_below_low", &[("label", &label)]))
        }
        (1, r) => {
            a.range = Some((v, r.map_or(v, |r| r.1)));
            None
        }
        (_, r) => {
            a.range = Some((r.map_or(v, |r| r.0), v));
            None
        }
    });
    errors.update(|e| e[i] = refused.clone().unwrap_or_default());
    if refused.is_none() {
        ctx.update(|s| *s.assumptions.get_mut(key) = a);
    }
}

/// The assumptions as plain text, shown only in print.
#[component]
pub fn AssumptionsPrint(
    /// The calculator's state.
    ctx: Ctx,
) -> impl IntoView {
    let render = move || {
        let a = ctx.with_scenario(|s| s.assumptions.clone());
        let rows = Key::ALL.into_iter().map(|key| {
            let spec = CATALOGUE[key as usize];
            let item = a.get(key);
            let value = ctx.fmt(|n| {
                let range = item
                    .range
                    .map(|(l, h)| {
                        format!(
                            " ({} – {})",
                            quantity(spec.unit, l, n),
                            quantity(spec.unit, h, n)
                        )
                    })
                    .unwrap_or_default();
                format!("{}{range}", quantity(spec.unit, item.value, n))
            });
            let (label, default_source) = ctx.fmt(|n| (spec.label(n), spec.default_source(n)));
            let source = item.source.clone().unwrap_or(default_source);
            el("tr")
                .child(text("th", label).attr("scope", "row"))
                .child(text("td", value))
                .child(text("td", source))
        });
        vec![el("table")
            .class("print-only assumptions-print")
            .child(text("caption", ctx.t("assumptions.print_caption")))
            .child(el("tbody").kids(rows))]
    };
    view! { <Region render=Box::new(render) after=ctx.steps[1] /> }
}
