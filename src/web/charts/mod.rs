//! Charts as plain, accessible SVG: each has a title, a description and a data table.
//!
//! Coordinates are whole numbers in a fixed view box, so drawing needs no float formatting.
//! This module holds what every chart draws with (axes, ticks, lines, legends, the figure
//! with its data table); `costs.rs` and `savings.rs` hold the charts.

mod costs;
mod savings;

pub use costs::{BreakdownChart, CumulativeChart};
pub use savings::{SavingsChart, TornadoChart};

use super::ctx::Ctx;
use super::dom::{el, text, El, LazyDetails, Region};
use crate::model::numbers::{within, Numbers};
use leptos::prelude::*;

const W: i32 = 640;
const H: i32 = 300;
const LEFT: i32 = 72;
const RIGHT: i32 = 16;
const TOP: i32 = 16;
const BOTTOM: i32 = 44;

/// Maps values in [min, max] onto pixels [from, to].
#[derive(Clone, Copy)]
struct Axis {
    min: f64,
    max: f64,
    from: i32,
    to: i32,
}

impl Axis {
    fn new(min: f64, max: f64, from: i32, to: i32) -> Axis {
        let max = if max > min { max } else { min + 1.0 };
        Axis { min, max, from, to }
    }
    fn at(&self, v: f64) -> i32 {
        let t = within((v - self.min) / (self.max - self.min), -0.05, 1.05);
        self.from + (t * (self.to - self.from) as f64).round() as i32
    }
}

/// Round tick values covering [min, max], about `count` of them.
fn ticks(min: f64, max: f64, count: usize) -> Vec<f64> {
    let raw = ((max - min) / count as f64).max(1e-9);
    let mut p = 1.0;
    while p * 10.0 <= raw {
        p *= 10.0;
    }
    while p > raw {
        p /= 10.0;
    }
    let step = [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * p)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * p);
    let mut t = (min / step).ceil() * step;
    let mut out = Vec::new();
    while t <= max + step * 1e-9 && out.len() < 20 {
        // Snap rounding residue (and -0) to 0, which would otherwise print as "-$0".
        out.push(if t.abs() < step * 1e-9 { 0.0 } else { t });
        t += step;
    }
    out
}

fn points(xs: impl Iterator<Item = (i32, i32)>) -> String {
    xs.map(|(x, y)| format!("{x},{y}"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// A `<text>` at (x, y) with a class and, when given, an anchor.
fn label(class: &str, x: i32, y: i32, anchor: Option<&str>, value: impl Into<String>) -> El {
    let t = text("text", value).class(class).at("x", x).at("y", y);
    match anchor {
        Some(a) => t.attr("text-anchor", a),
        None => t,
    }
}

/// A `<line>` from (x1, y1) to (x2, y2).
fn line(class: String, x1: i32, x2: i32, y1: i32, y2: i32) -> El {
    el("line")
        .class(class)
        .at("x1", x1)
        .at("x2", x2)
        .at("y1", y1)
        .at("y2", y2)
}

/// A `<rect>`.
fn rect(class: String, x: i32, y: i32, width: i32, height: i32) -> El {
    el("rect")
        .class(class)
        .at("x", x)
        .at("y", y)
        .at("width", width)
        .at("height", height)
}

/// An open `<polyline>` through the points.
fn polyline(class: String, pts: String) -> El {
    el("polyline")
        .class(class)
        .attr("points", pts)
        .attr("fill", "none")
}

/// What a chart draws: the sentence describing it, the SVG's contents, and how much taller
/// than [`H`] they are (legend rows under the plot).
type Drawing = (String, Vec<El>, i32);

/// Legend rows hold this many entries.
const LEGEND_COLUMNS: usize = 3;

/// A legend under the plot, [`LEGEND_COLUMNS`] entries a row (up to seven options fit in
/// three rows); returns the height it adds below [`H`].
fn legend(body: &mut Vec<El>, names: impl Iterator<Item = String>) -> i32 {
    let mut extra = 0;
    for (i, name) in names.enumerate() {
        let (col, row) = ((i % LEGEND_COLUMNS) as i32, (i / LEGEND_COLUMNS) as i32);
        let (x, y) = (LEFT + col * 190, H - 18 + row * 18);
        // A line, not a block: it shows the series' dash pattern as well as its colour.
        body.push(line(format!("swatch series-{i}"), x, x + 22, y + 6, y + 6));
        body.push(label("legend", x + 26, y + 10, None, name));
        extra = row * 18;
    }
    extra
}

/// A chart with its accessible name, description and data table.
#[component]
fn Figure(
    /// Unique prefix for the ids that tie title and description to the SVG.
    id: &'static str,
    /// The chart's title, shown and announced.
    title: String,
    /// The calculator's state, for the words.
    ctx: Ctx,
    /// Draws the description and the SVG's contents.
    draw: Box<dyn Fn() -> Drawing>,
    /// Draws the same data as a table.
    data: Box<dyn Fn() -> Vec<El>>,
) -> impl IntoView {
    let caption = title.clone();
    let svg = move || {
        let (desc, body, extra) = draw();
        let title_id = format!("{id}-title");
        let desc_id = format!("{id}-desc");
        vec![el("svg")
            .attr("viewBox", format!("0 0 {W} {}", H + extra))
            .attr("role", "img")
            .attr("aria-labelledby", format!("{title_id} {desc_id}"))
            .attr("preserveAspectRatio", "xMidYMid meet")
            .child(text("title", title.as_str()).attr("id", title_id))
            .child(text("desc", desc).attr("id", desc_id))
            .kids(body)]
    };
    // The table is drawn only while its <details> is open: closed, nobody can see it, and
    // drawing four tables on every keystroke cost more than the charts themselves.
    let summary = ctx.f("chart.data_table", &[("title", &caption)]);
    view! {
        <figure class="chart" part="chart">
            <figcaption id=format!("{id}-caption")>{caption}</figcaption>
            <Region render=Box::new(svg) after=ctx.steps[0] />
            <LazyDetails class="data" summary=summary inner_class="table-scroll" render=data />
        </figure>
    }
}

/// Horizontal grid lines with money labels on the left.
fn y_grid(ctx: Ctx, axis: Axis, values: Vec<f64>) -> Vec<El> {
    values
        .into_iter()
        .flat_map(|v| {
            let y = axis.at(v);
            [
                line("grid".into(), LEFT, W - RIGHT, y, y),
                label(
                    "tick",
                    LEFT - 6,
                    y + 4,
                    Some("end"),
                    ctx.fmt(|n| n.about(v)),
                ),
            ]
        })
        .collect()
}

/// Names of the options, as the header row of a data table after its first column.
fn header(first: &str, names: impl Iterator<Item = String>) -> Vec<String> {
    std::iter::once(first.to_owned()).chain(names).collect()
}
