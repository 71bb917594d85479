//! What the prospect types: the scenario fields, the requirements, the assumptions.
//!
//! Every entry is checked against the engine's own ranges; a refused entry shows the engine's
//! message at the field and never reaches the scenario, so the last valid result stays.

use super::ctx::Ctx;
use super::dom::{effect, el, text, Drawing, Drawn, OnInput, Region};
use crate::model::config::{Treatment, GROWTH, HORIZON, SCALE, TEAM_SIZE};
use crate::model::decode::Range;
use crate::model::explain::treatment_words;
use crate::model::numbers::Numbers;
use crate::model::problem::Problem;
use crate::model::Scenario;
use leptos::prelude::*;

/// How a slider maps to a field's value.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Slider {
    /// Evenly spaced values from `min` to `max` in steps of `step`.
    Linear { min: f64, max: f64, step: f64 },
    /// Logarithmic from `min` to `max`, for values spanning decades (team size, scale).
    Log { min: f64, max: f64 },
}

/// Slider positions of a logarithmic slider.
const LOG_STEPS: f64 = 1000.0;

impl Slider {
    fn attrs(self) -> (f64, f64, f64) {
        match self {
            Slider::Linear { min, max, step } => (min, max, step),
            Slider::Log { .. } => (0.0, LOG_STEPS, 1.0),
        }
    }

    fn to_position(self, v: f64) -> f64 {
        match self {
            Slider::Linear { .. } => v,
            Slider::Log { min, max } => {
                let ln = js_sys::Math::log;
                (ln(v.max(min) / min) / ln(max / min) * LOG_STEPS).round()
            }
        }
    }

    fn value_at(self, p: f64) -> f64 {
        match self {
            Slider::Linear { .. } => p,
            Slider::Log { min, max } => {
                let v = min * js_sys::Math::pow(max / min, p / LOG_STEPS);
                // Whole numbers above 10, one decimal below: what a person would type.
                if v >= 10.0 {
                    v.round()
                } else {
                    (v * 10.0).round() / 10.0
                }
            }
        }
    }
}

/// Checks `x` against `range`, returning the engine's message with `label` as the field's name.
pub fn refusal(ctx: Ctx, label: &str, x: f64, range: Range, percent: bool) -> Option<String> {
    let range = if percent {
        Range {
            min: range.min * 100.0,
            max: range.max * 100.0,
            ..range
        }
    } else {
        range
    };
    let issue = range.check(x)?;
    let p = Problem::new(label, issue);
    Some(ctx.fmt(|n| {
        p.message_in(n.words(), &|v| {
            if percent {
                format!("{}%", n.number(v))
            } else {
                n.number(v)
            }
        })
    }))
}

/// What a number field shows and changes.
pub struct Field {
    /// The visible label, which is also both controls' accessible name.
    pub label: String,
    /// A unique id for the number field.
    pub id: &'static str,
    /// The scenario's value the field shows, in the field's unit (e.g. percent). A plain
    /// `fn`, as is `on_change`: one instantiation of the scenario's read path for every field.
    pub value: fn(&Scenario) -> f64,
    /// Whether the field is a percentage of the engine's fraction.
    pub percent: bool,
    /// The engine's allowed range for the value, as a fraction when `percent`.
    pub range: Range,
    /// How the slider moves.
    pub slider: Slider,
    /// Puts an accepted value, in the field's unit, into the scenario.
    pub on_change: fn(&mut Scenario, f64),
}

/// A number field paired with a slider (WCAG 2.5.7: dragging is never the only way), drawn as
/// a region (`display: contents` in the stylesheet: laid out as its parent's child).
pub fn number_field(ctx: Ctx, field: Field) -> Drawing {
    let Field {
        label,
        id,
        value,
        percent,
        range,
        slider,
        on_change,
    } = field;
    // A refused entry's message, empty when there is none: a `String` signal, as others are
    // (each signal type compiles reactive_graph's code anew: `Option<String>` cost 0.6 KB of
    // gzipped wasm, measured).
    let error = RwSignal::new(String::new());
    // A change from elsewhere (the slider, a reset, the host) clears a refused entry's message.
    effect(move || {
        ctx.scenario.track();
        error.set(String::new());
    });
    let accept = {
        let label = label.clone();
        move |x: f64| {
            let message = if x.is_nan() {
                Some(ctx.f("field.not_a_number", &[("label", &label)]))
            } else {
                refusal(ctx, &label, x, range, percent)
            };
            match message {
                Some(m) => error.set(m),
                None => {
                    error.set(String::new());
                    ctx.update(|s| on_change(s, x));
                }
            }
        }
    };
    let typed: OnInput = Box::new(move |input| {
        let x = input.value_as_number();
        accept(if input.type_() == "range" {
            slider.value_at(x)
        } else {
            x
        });
    });
    // Attribute text via JavaScript's String(x): f64 attributes would link Rust's float formatting.
    let text_of = move |x: f64| ctx.fmt(|n| n.exact(x));
    let (smin, smax, sstep) = slider.attrs();
    let (min, max) = if percent {
        (range.min * 100.0, range.max * 100.0)
    } else {
        (range.min, range.max)
    };
    let [min, max, smin, smax, sstep] = [min, max, smin, smax, sstep].map(text_of);
    let render = move || {
        let v = ctx.with_scenario(value);
        let message = Some(error.get()).filter(|m| !m.is_empty());
        let number = el("input")
            .attr("type", "number")
            .attr("id", id)
            .attr("inputmode", "decimal")
            .attr("step", "any")
            .attr("min", min.clone())
            .attr("max", max.clone())
            .attr(
                "aria-invalid",
                if message.is_some() { "true" } else { "false" },
            )
            .attr("aria-describedby", format!("{id}-error"))
            .attr("value", text_of(v));
        let knob = el("input")
            .attr("type", "range")
            .attr("id", format!("{id}-slider"))
            .attr("aria-label", label.clone())
            .attr("min", smin.clone())
            .attr("max", smax.clone())
            .attr("step", sstep.clone())
            .attr("value", text_of(slider.to_position(v)));
        let unit = percent.then(|| text("span", "%").class("unit").attr("aria-hidden", "true"));
        vec![el("div")
            .class(if message.is_some() {
                "field invalid"
            } else {
                "field"
            })
            .child(text("label", label.clone()).attr("for", id))
            .child(
                el("div")
                    .class("field-controls")
                    .child(number)
                    .kids(unit)
                    .child(knob),
            )
            .child(
                el("p")
                    .attr("id", format!("{id}-error"))
                    .class("field-error")
                    .attr("aria-live", "polite")
                    .kids(message),
            )]
    };
    Drawing {
        on_input: Some(typed),
        ..Drawing::new("contents", render)
    }
}

/// Team size and deployment scale, the inputs compact mode keeps, and the hint saying what
/// scale counts.
pub fn main_fields(ctx: Ctx) -> ([Drawing; 2], String) {
    let unit = ctx.with_config(|c| c.scale_unit.many.clone());
    let team = Field {
        label: ctx.t("field.team_size"),
        id: "tw-team-size",
        value: |s| s.team_size,
        percent: false,
        range: TEAM_SIZE,
        slider: Slider::Log {
            min: 1.0,
            max: 100_000.0,
        },
        on_change: |s, x| s.team_size = x,
    };
    let scale = Field {
        label: ctx.t("field.scale"),
        id: "tw-scale",
        value: |s| s.scale,
        range: SCALE,
        slider: Slider::Log {
            min: 0.1,
            max: 10_000.0,
        },
        on_change: |s, x| s.scale = x,
        ..team
    };
    let hint = ctx.f("field.scale_hint", &[("unit", &unit)]);
    ([number_field(ctx, team), number_field(ctx, scale)], hint)
}

/// Team size, deployment scale, horizon and growth.
#[component]
pub fn ScenarioFields(
    /// The calculator's state.
    ctx: Ctx,
) -> impl IntoView {
    let ([team, scale], hint) = main_fields(ctx);
    let growth = |label: &str,
                  id: &'static str,
                  value: fn(&Scenario) -> f64,
                  on_change: fn(&mut Scenario, f64)| Field {
        label: ctx.t(label),
        id,
        value,
        percent: true,
        range: GROWTH,
        slider: Slider::Linear {
            min: -50.0,
            max: 200.0,
            step: 1.0,
        },
        on_change,
    };
    let horizon = Field {
        label: ctx.t("field.horizon"),
        id: "tw-horizon",
        value: |s| s.horizon as f64,
        percent: false,
        range: HORIZON,
        slider: Slider::Linear {
            min: 1.0,
            max: 10.0,
            step: 1.0,
        },
        on_change: |s, x| s.horizon = x as u32,
    };
    let team_growth = growth(
        "field.team_growth",
        "tw-team-growth",
        |s| s.team_growth * 100.0,
        |s, x| s.team_growth = x / 100.0,
    );
    let scale_growth = growth(
        "field.scale_growth",
        "tw-scale-growth",
        |s| s.scale_growth * 100.0,
        |s, x| s.scale_growth = x / 100.0,
    );
    view! {
        <fieldset class="scenario-fields">
            <legend>{ctx.t("field.situation")}</legend>
            <Drawn drawing=team />
            <Drawn drawing=scale />
            <p class="hint">{hint}</p>
            <Drawn drawing=number_field(ctx, horizon) />
            <Drawn drawing=number_field(ctx, team_growth) />
            <Drawn drawing=number_field(ctx, scale_growth) />
        </fieldset>
    }
}

/// The config's requirements as a matrix, the pricing-page convention: one row per
/// requirement (its checkbox first), one column per option saying how it meets it, rows
/// grouped by the config's `group`. The option columns scroll; the requirement column stays.
#[component]
pub fn Requirements(
    /// The calculator's state.
    ctx: Ctx,
) -> impl IntoView {
    let (groups, options) = ctx.with_config(|c| {
        let mut groups: Vec<(String, Vec<usize>)> = Vec::new();
        for (i, r) in c.requirements.iter().enumerate() {
            match groups.iter_mut().find(|(g, _)| *g == r.group) {
                Some((_, items)) => items.push(i),
                None => groups.push((r.group.clone(), vec![i])),
            }
        }
        let options: Vec<String> = c.options.iter().map(|o| o.name.clone()).collect();
        (groups, options)
    });
    let columns = (options.len() + 1).to_string();
    // Drawn as one region (its checkboxes' `checked` is their property, see dom.rs): as a
    // `view!`, each row was a tree type of its own.
    // Each requirement's id, name and cells, in words once: only the ticks follow the scenario.
    let rows: Vec<MatrixRow> = ctx.with_config(|c| {
        c.requirements
            .iter()
            .map(|r| {
                let cells = r.treatments.iter();
                let cells = cells.map(|t| (kind_class(*t), ctx.fmt(|n| treatment_words(c, *t, n))));
                (r.id.clone(), r.name.clone(), cells.collect())
            })
            .collect()
    });
    let row = move |(id, name, cells): &MatrixRow, scenario: &Scenario| {
        let on = scenario.requires(id);
        let dom_id = format!("tw-req-{id}");
        let mut tick = el("input")
            .attr("type", "checkbox")
            .attr("id", dom_id.clone())
            .attr("data-requirement", id.clone());
        if on {
            tick = tick.attr("checked", "");
        }
        let row = el("tr")
            .child(
                el("th")
                    .attr("scope", "row")
                    .child(tick)
                    .child(text("label", name.clone()).attr("for", dom_id)),
            )
            .kids(
                cells
                    .iter()
                    .map(|(kind, words)| text("td", words.clone()).class(*kind)),
            );
        if on {
            row.class("selected")
        } else {
            row
        }
    };
    let [legend, region, heading] = [
        "requirements.legend",
        "requirements.region",
        "requirements.requirement",
    ]
    .map(|id| ctx.t(id));
    // The scenario read once a drawing (each read clones it), not once a row.
    let render = move || {
        let scenario = ctx.scenario.get();
        let head = el("tr")
            .child(text("th", heading.clone()).attr("scope", "col"))
            .kids(
                options
                    .iter()
                    .map(|o| text("th", o.clone()).attr("scope", "col")),
            );
        let bodies = groups.iter().map(|(group, items)| {
            el("tbody")
                .child(
                    el("tr").class("group").child(
                        text("th", group.clone())
                            .attr("scope", "colgroup")
                            .attr("colspan", columns.clone()),
                    ),
                )
                .kids(items.iter().map(|&i| row(&rows[i], &scenario)))
        });
        vec![el("fieldset")
            .class("requirements")
            .child(text("legend", legend.clone()))
            .child(
                el("div")
                    .class("matrix-scroll")
                    .attr("role", "region")
                    .attr("aria-label", region.clone())
                    .attr("tabindex", "0")
                    .child(
                        el("table")
                            .class("matrix")
                            .child(el("thead").child(head))
                            .kids(bodies),
                    ),
            )]
    };
    // A ticked or cleared box: the scenario's requirements, in the config's order.
    let toggle: OnInput = Box::new(move |input| {
        let Some(id) = input.get_attribute("data-requirement") else {
            return;
        };
        let on = input.checked();
        let order: Vec<String> =
            ctx.with_config(|c| c.requirements.iter().map(|r| r.id.clone()).collect());
        ctx.update(|s| {
            let mut set: Vec<String> = s
                .requirements
                .iter()
                .filter(|r| **r != id)
                .cloned()
                .collect();
            if on {
                set.push(id.clone());
            }
            s.requirements = order.into_iter().filter(|r| set.contains(r)).collect();
        });
    });
    view! { <Region class="contents" render=Box::new(render) on_input=toggle /> }
}

/// A requirement's row in the matrix: its id, its name, and per option the cell's class and
/// words.
type MatrixRow = (String, String, Vec<(&'static str, String)>);

/// The class of a matrix cell, by how the option meets the requirement.
fn kind_class(t: Treatment) -> &'static str {
    match t {
        Treatment::Included => "included",
        Treatment::Unavailable => "unavailable",
        Treatment::Build { .. } => "build",
        Treatment::Addon(_) | Treatment::External(_) => "priced",
    }
}
