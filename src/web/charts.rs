//! Charts as plain, accessible SVG: each has a title, a description and a data table.
//!
//! Coordinates are whole numbers in a fixed view box, so drawing needs no float formatting.

use super::ctx::Ctx;
use super::dom::{el, table, text, El, LazyDetails, Region};
use crate::model::assumptions::{Key, CATALOGUE};
use crate::model::cost::cumulative;
use crate::model::messages::pairs;
use crate::model::numbers::{within, Numbers};
use crate::model::Model;
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
            <Region render=Box::new(svg) after=(ctx.step, 1) />
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

/// Expected cumulative cost of each option over the months of the horizon, payback marked.
#[component]
pub fn CumulativeChart(
    /// The calculator's state.
    ctx: Ctx,
) -> impl IntoView {
    // The expected lines, the view payback and the headline figures are taken on.
    let series = move || {
        ctx.with_config(|c| {
            ctx.with_scenario(|s| {
                let model = Model::new(c, s);
                let mean = model.expected_point();
                ctx.with_report(|r| {
                    r.options
                        .iter()
                        .enumerate()
                        .map(|(i, o)| {
                            let costs = model.costs(&mean, i);
                            (
                                o.name.clone(),
                                cumulative(&costs.one_time, costs.years()),
                                o.payback_month,
                            )
                        })
                        .collect::<Vec<_>>()
                })
            })
        })
    };
    let draw = move || {
        let s = series();
        let months = s.first().map_or(12, |x| x.1.len() - 1);
        let top = s
            .iter()
            .flat_map(|x| x.1.iter().copied())
            .fold(0.0, f64::max);
        let xa = Axis::new(0.0, months as f64, LEFT, W - RIGHT);
        let ya = Axis::new(0.0, top * 1.05, H - BOTTOM, TOP);
        let mut body = y_grid(ctx, ya, ticks(0.0, top, 4));
        body.extend((0..=months / 12).map(|y| {
            let x = xa.at((y * 12) as f64);
            let name = if y == 0 {
                ctx.t("chart.start")
            } else {
                ctx.f(
                    "chart.year_tick",
                    &[("year", &ctx.fmt(|n| n.number(y as f64)))],
                )
            };
            label("tick", x, H - BOTTOM + 18, Some("middle"), name)
        }));
        for (i, (_, cum, payback)) in s.iter().enumerate() {
            let pts = points(
                cum.iter()
                    .enumerate()
                    .map(|(m, v)| (xa.at(m as f64), ya.at(*v))),
            );
            body.push(polyline(format!("series series-{i}"), pts));
            if let Some(m) = payback {
                let (x, y) = (xa.at(*m as f64), ya.at(cum[*m as usize]));
                body.push(
                    el("circle")
                        .class(format!("marker series-{i}"))
                        .at("cx", x)
                        .at("cy", y)
                        .at("r", 6),
                );
                let month = ctx.fmt(|n| n.number(*m as f64));
                body.push(label(
                    "marker-label",
                    x + 8,
                    y - 8,
                    None,
                    ctx.f("chart.pays_back_mark", &[("month", &month)]),
                ));
            }
        }
        let extra = legend(&mut body, s.iter().map(|(name, ..)| name.clone()));
        let ends = s
            .iter()
            .map(|(name, cum, _)| {
                let amount = ctx.fmt(|n| n.money(*cum.last().unwrap_or(&0.0)));
                ctx.f("chart.ends_at", &[("option", name), ("amount", &amount)])
            })
            .collect::<Vec<_>>()
            .join(&ctx.t("list.separator"));
        let paybacks: Vec<String> = s
            .iter()
            .filter_map(|(name, _, p)| {
                let m = (*p)? as f64;
                let month = ctx.fmt(|n| n.number(m));
                Some(ctx.f("chart.pays_back", &[("option", name), ("month", &month)]))
            })
            .collect();
        let paybacks = if paybacks.is_empty() {
            ctx.t("chart.no_payback")
        } else {
            let list = paybacks.join(&ctx.t("list.clauses"));
            ctx.f("chart.paybacks", &[("list", &list)])
        };
        let desc = ctx.f(
            "chart.cumulative_desc",
            &[("ends", &ends), ("paybacks", &paybacks)],
        );
        (desc, body, extra)
    };
    let data = move || {
        let s = series();
        let months = s.first().map_or(0, |x| x.1.len() - 1);
        let mut rows: Vec<usize> = (0..=months).step_by(12).collect();
        rows.extend(s.iter().filter_map(|x| x.2.map(|m| m as usize)));
        crate::model::sort::short_by(&mut rows, |a, b| a < b);
        rows.dedup();
        let rows = rows
            .into_iter()
            .map(|m| {
                let cells = s.iter().map(|x| ctx.fmt(|n| n.money(x.1[m]))).collect();
                (ctx.fmt(|n| n.number(m as f64)), cells)
            })
            .collect();
        vec![table(
            header(&ctx.t("chart.month"), s.iter().map(|x| x.0.clone())),
            rows,
        )]
    };
    view! { <Figure ctx id="tw-cumulative" title=ctx.t("chart.cumulative") draw=Box::new(draw) data=Box::new(data) /> }
}

/// The bars' parts: the one-time lines together, then each yearly line (message ids).
const BREAKDOWN: [&str; 7] = [
    "line.one_time",
    "line.licence",
    "line.infrastructure",
    "line.operations",
    "line.self_help",
    "line.downtime",
    "line.compliance",
];

/// Each option's expected total split into its cost lines, as stacked bars.
#[component]
pub fn BreakdownChart(
    /// The calculator's state.
    ctx: Ctx,
) -> impl IntoView {
    // The expected lines, like the cards' headline figures.
    let data = move || {
        ctx.with_config(|c| {
            ctx.with_scenario(|s| {
                let model = Model::new(c, s);
                let mean = model.expected_point();
                c.options
                    .iter()
                    .enumerate()
                    .map(|(i, o)| {
                        let costs = model.costs(&mean, i);
                        let mut parts = [costs.one_time.sum(), 0.0, 0.0, 0.0, 0.0, 0.0, 0.0];
                        for y in costs.years() {
                            for (k, v) in y.lines().into_iter().enumerate() {
                                parts[k + 1] += v;
                            }
                        }
                        (o.name.clone(), parts)
                    })
                    .collect::<Vec<_>>()
            })
        })
    };
    let draw = move || {
        let d = data();
        let top = d
            .iter()
            .map(|x| x.1.iter().sum::<f64>())
            .fold(0.0, f64::max);
        let xa = Axis::new(0.0, top * 1.02, LEFT + 90, W - RIGHT);
        let band = (H - TOP - BOTTOM - 20) / d.len().max(1) as i32;
        let mut body = Vec::new();
        for (i, (name, parts)) in d.iter().enumerate() {
            let y = TOP + i as i32 * band;
            body.push(label(
                "tick",
                LEFT + 84,
                y + band / 2 + 2,
                Some("end"),
                name.clone(),
            ));
            let mut acc = 0.0;
            for (k, v) in parts.iter().enumerate() {
                let (x0, x1) = (xa.at(acc), xa.at(acc + v));
                acc += v;
                body.push(rect(
                    format!("seg line-{k}"),
                    x0,
                    y + 4,
                    (x1 - x0).max(0),
                    band - 12,
                ));
            }
        }
        for (k, name) in BREAKDOWN.iter().enumerate() {
            let x = 8 + (k as i32) * 90;
            body.push(rect(format!("swatch line-{k}"), x, H - 30, 12, 12));
            body.push(label("legend", x + 16, H - 20, None, ctx.t(name)));
        }
        let desc = d
            .iter()
            .map(|(name, parts)| {
                let (k, v) = parts.iter().enumerate().fold((0, 0.0), |best, (k, v)| {
                    if *v > best.1 {
                        (k, *v)
                    } else {
                        best
                    }
                });
                let args = [
                    ("option", name.clone()),
                    ("total", ctx.fmt(|n| n.money(parts.iter().sum()))),
                    ("line", ctx.t(&format!("{}.in_text", BREAKDOWN[k]))),
                    ("amount", ctx.fmt(|n| n.money(v))),
                ];
                ctx.f("chart.breakdown_option", &pairs(&args))
            })
            .collect::<Vec<_>>()
            .join(" ");
        (desc, body, 0)
    };
    let table_data = move || {
        let rows = data()
            .into_iter()
            .map(|(name, parts)| {
                (
                    name,
                    parts.iter().map(|v| ctx.fmt(|n| n.money(*v))).collect(),
                )
            })
            .collect();
        vec![table(
            header(&ctx.t("chart.option"), BREAKDOWN.iter().map(|l| ctx.t(l))),
            rows,
        )]
    };
    view! { <Figure ctx id="tw-breakdown" title=ctx.t("chart.breakdown") draw=Box::new(draw) data=Box::new(table_data) /> }
}

/// One paid option's savings curve: (option index, name, savings per sample, wins intervals).
type Curve = (usize, String, Vec<f64>, Vec<[u32; 2]>);

/// Team sizes sampled for the savings curve, evenly on a log scale from 1 to `max`.
fn team_samples(max: f64) -> Vec<f64> {
    const N: usize = 40;
    (0..=N)
        .map(|k| js_sys::Math::pow(max, k as f64 / N as f64).round().max(1.0))
        .collect()
}

/// Savings of each paid option against community as the team grows, crossovers marked.
#[component]
pub fn SavingsChart(
    /// The calculator's state.
    ctx: Ctx,
) -> impl IntoView {
    let data = move || {
        let team = ctx.with_scenario(|s| s.team_size);
        let max = within(team * 10.0, 1_000.0, 1_000_000.0);
        let xs = team_samples(max);
        let series: Vec<Curve> = ctx.with_config(|c| {
            ctx.with_scenario(|s| {
                let model = Model::new(c, s);
                ctx.with_report(|r| {
                    r.options
                        .iter()
                        .enumerate()
                        .filter_map(|(i, o)| {
                            o.wins_team_size
                                .clone()
                                .map(|w| (i, o.name.clone(), model.savings_by_team_size(i, &xs), w))
                        })
                        .collect()
                })
            })
        });
        (team, max, xs, series)
    };
    let wins_text = move |name: &str, wins: &[[u32; 2]]| {
        if wins.is_empty() {
            ctx.f("chart.never_wins", &[("option", name)])
        } else {
            let parts: Vec<String> = wins
                .iter()
                .map(|[a, b]| {
                    let (a, b) = ctx.fmt(|n| (n.number(*a as f64), n.number(*b as f64)));
                    ctx.f("chart.wins_range", &[("from", &a), ("to", &b)])
                })
                .collect();
            let ranges = parts.join(&ctx.t("chart.wins_and"));
            ctx.f("chart.wins", &[("option", name), ("ranges", &ranges)])
        }
    };
    let draw = move || {
        let (team, max, xs, series) = data();
        let (lo, hi) = series
            .iter()
            .flat_map(|s| s.2.iter().copied())
            .fold((0.0f64, 0.0f64), |(a, b), v| (a.min(v), b.max(v)));
        let pad = (hi - lo).max(1.0) * 0.05;
        let log = |x: f64| js_sys::Math::log(x.max(1.0)) / js_sys::Math::log(max);
        let xa = Axis::new(0.0, 1.0, LEFT, W - RIGHT);
        let ya = Axis::new(lo - pad, hi + pad, H - BOTTOM, TOP);
        let mut body = y_grid(ctx, ya, ticks(lo - pad, hi + pad, 4));
        let (zero, now) = (ya.at(0.0), xa.at(log(team)));
        body.push(line("zero".into(), LEFT, W - RIGHT, zero, zero));
        body.push(line("now".into(), now, now, TOP, H - BOTTOM));
        body.push(label(
            "marker-label",
            now + 4,
            H - BOTTOM - 6,
            None,
            ctx.t("chart.you"),
        ));
        let mut decade = 1.0;
        while decade <= max {
            let x = xa.at(log(decade));
            body.push(label(
                "tick",
                x,
                H - BOTTOM + 18,
                Some("middle"),
                ctx.fmt(|n| n.number(decade)),
            ));
            decade *= 10.0;
        }
        body.push(label(
            "axis-label",
            W / 2,
            H - 6,
            Some("middle"),
            ctx.t("chart.team_size_log"),
        ));
        for (i, _, ys, wins) in &series {
            let pts = points(xs.iter().zip(ys).map(|(x, y)| (xa.at(log(*x)), ya.at(*y))));
            body.push(polyline(format!("series series-{i}"), pts));
            let marks = wins
                .iter()
                .flat_map(|[a, b]| [(*a, *a > 1), (*b, (*b as f64) < max && *b < 1_000_000)])
                .filter(|(_, show)| *show);
            for (t, _) in marks {
                let x = xa.at(log(t as f64));
                body.push(line(format!("crossover series-{i}"), x, x, TOP, H - BOTTOM));
                body.push(label(
                    "marker-label",
                    x + 4,
                    TOP + 12,
                    None,
                    ctx.fmt(|n| n.number(t as f64)),
                ));
            }
        }
        let wins = series
            .iter()
            .map(|s| wins_text(&s.1, &s.3))
            .collect::<Vec<_>>()
            .join(&ctx.t("list.clauses"));
        let desc = ctx.f("chart.savings_desc", &[("wins", &wins)]);
        (desc, body, 0)
    };
    let table_data = move || {
        let (_, _, xs, series) = data();
        let rows = xs
            .iter()
            .enumerate()
            .step_by(4)
            .map(|(k, x)| {
                let cells = series
                    .iter()
                    .map(|s| ctx.fmt(|n| n.money(s.2[k])))
                    .collect();
                (ctx.fmt(|n| n.number(*x)), cells)
            })
            .collect();
        vec![
            table(
                header(
                    &ctx.t("field.team_size"),
                    series.iter().map(|s| s.1.clone()),
                ),
                rows,
            ),
            el("ul").kids(series.iter().map(|s| text("li", wins_text(&s.1, &s.3)))),
        ]
    };
    view! { <Figure ctx id="tw-savings" title=ctx.t("chart.savings") draw=Box::new(draw) data=Box::new(table_data) /> }
}

/// A sensitivity row's name: an assumption's label, or "Quoted price".
fn assumption_label(ctx: Ctx, id: &str) -> String {
    if id.starts_with("quote:") {
        return ctx.t("chart.quoted_price");
    }
    Key::from_id(id).map_or(String::new(), |k| {
        ctx.fmt(|n| CATALOGUE[k as usize].label(n))
    })
}

/// Which assumptions move the savings most: a tornado of savings at each one's low and high.
#[component]
pub fn TornadoChart(
    /// The calculator's state.
    ctx: Ctx,
) -> impl IntoView {
    let data = move || {
        ctx.with_report(|r| {
            let target = r.sensitivity_option.clone().unwrap_or_default();
            let o = r.options.iter().find(|o| o.id == target);
            let base = o.and_then(|o| o.savings).unwrap_or(0.0);
            let name = o.map(|o| o.name.clone()).unwrap_or_default();
            (name, base, r.sensitivity.clone())
        })
    };
    let draw = move || {
        let (name, base, rows) = data();
        let (lo, hi) = rows.iter().fold((base, base), |(a, b), r| {
            (a.min(r.low).min(r.high), b.max(r.low).max(r.high))
        });
        let pad = (hi - lo).max(1.0) * 0.05;
        let xa = Axis::new(lo - pad, hi + pad, LEFT + 110, W - RIGHT);
        let band = ((H - TOP - BOTTOM) / rows.len().max(1) as i32).min(32);
        let mut body = Vec::new();
        for (k, r) in rows.iter().enumerate() {
            let y = TOP + k as i32 * band;
            let (x0, x1) = (xa.at(r.low.min(r.high)), xa.at(r.low.max(r.high)));
            body.push(label(
                "tick",
                LEFT + 104,
                y + band / 2 + 4,
                Some("end"),
                assumption_label(ctx, &r.assumption),
            ));
            body.push(rect(
                "tornado-bar".into(),
                x0,
                y + 3,
                (x1 - x0).max(1),
                band - 6,
            ));
        }
        let b = xa.at(base);
        body.push(line("zero".into(), b, b, TOP, H - BOTTOM));
        for t in ticks(lo - pad, hi + pad, 4) {
            body.push(label(
                "tick",
                xa.at(t),
                H - BOTTOM + 18,
                Some("middle"),
                ctx.fmt(|n| n.about(t)),
            ));
        }
        body.push(label(
            "axis-label",
            W / 2,
            H - 6,
            Some("middle"),
            ctx.t("chart.savings_axis"),
        ));
        let desc = match rows.first() {
            None => ctx.t("chart.no_ranges"),
            Some(r) => {
                let args = [
                    ("option", name),
                    ("assumption", assumption_label(ctx, &r.assumption)),
                    ("low", ctx.fmt(|n| n.money(r.low))),
                    ("high", ctx.fmt(|n| n.money(r.high))),
                ];
                ctx.f("chart.tornado_desc", &pairs(&args))
            }
        };
        (desc, body, 0)
    };
    let table_data = move || {
        let (_, _, rows) = data();
        let rows = rows
            .into_iter()
            .map(|r| {
                let cells = vec![ctx.fmt(|n| n.money(r.low)), ctx.fmt(|n| n.money(r.high))];
                (assumption_label(ctx, &r.assumption), cells)
            })
            .collect();
        let head = [
            "assumptions.assumption",
            "chart.savings_at_low",
            "chart.savings_at_high",
        ]
        .map(|id| ctx.t(id));
        vec![table(head.to_vec(), rows)]
    };
    view! { <Figure ctx id="tw-tornado" title=ctx.t("chart.tornado") draw=Box::new(draw) data=Box::new(table_data) /> }
}
