//! Charts as plain, accessible SVG: each has a title, a description and a data table.
//!
//! Coordinates are whole numbers in a fixed view box, so drawing needs no float formatting.

use super::ctx::Ctx;
use crate::model::assumptions::{Key, CATALOGUE};
use crate::model::cost::cumulative;
use crate::model::numbers::Numbers;
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
        let t = ((v - self.min) / (self.max - self.min)).clamp(-0.05, 1.05);
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

/// A chart with its accessible name, description and data table.
#[component]
fn Figure(
    /// Unique prefix for the ids that tie title and description to the SVG.
    id: &'static str,
    /// The chart's title, shown and announced.
    title: &'static str,
    /// A sentence saying what the chart shows, for screen readers and print.
    #[prop(into)]
    desc: Signal<String>,
    /// The SVG's contents.
    body: ViewFn,
    /// The same data as a table.
    table: ViewFn,
) -> impl IntoView {
    let title_id = format!("{id}-title");
    let desc_id = format!("{id}-desc");
    let labelled_by = format!("{title_id} {desc_id}");
    view! {
        <figure class="chart" part="chart">
            <figcaption id=format!("{id}-caption")>{title}</figcaption>
            <svg
                viewBox=format!("0 0 {W} {H}")
                role="img"
                aria-labelledby=labelled_by
                preserveAspectRatio="xMidYMid meet"
            >
                <title id=title_id>{title}</title>
                <desc id=desc_id>{move || desc.get()}</desc>
                {body.run()}
            </svg>
            <details class="data">
                <summary>{format!("{title}: data table")}</summary>
                <div class="table-scroll">{table.run()}</div>
            </details>
        </figure>
    }
}

/// Horizontal grid lines with money labels on the left.
fn y_grid(ctx: Ctx, axis: Axis, values: Vec<f64>) -> impl IntoView {
    values
        .into_iter()
        .map(|v| {
            let y = axis.at(v);
            let label = ctx.fmt(|n| n.compact(v));
            view! {
                <line class="grid" x1=LEFT x2=W - RIGHT y1=y y2=y />
                <text class="tick" x=LEFT - 6 y=y + 4 text-anchor="end">{label}</text>
            }
        })
        .collect_view()
}

/// Cumulative cost of each option over the months of the horizon, payback marked.
#[component]
pub fn CumulativeChart(
    /// The calculator's state.
    ctx: Ctx,
) -> impl IntoView {
    let series = Memo::new(move |_| {
        ctx.report.with(|r| {
            r.options
                .iter()
                .map(|o| {
                    (
                        o.name.clone(),
                        cumulative(&o.one_time, &o.years),
                        o.payback_month,
                    )
                })
                .collect::<Vec<_>>()
        })
    });
    let body = move || {
        let s = series.get();
        let months = s.first().map_or(12, |x| x.1.len() - 1);
        let top = s
            .iter()
            .flat_map(|x| x.1.iter().copied())
            .fold(0.0, f64::max);
        let xa = Axis::new(0.0, months as f64, LEFT, W - RIGHT);
        let ya = Axis::new(0.0, top * 1.05, H - BOTTOM, TOP);
        let years = (0..=months / 12)
            .map(|y| {
                let x = xa.at((y * 12) as f64);
                view! { <text class="tick" x=x y=H - BOTTOM + 18 text-anchor="middle">{if y == 0 { "start".to_owned() } else { format!("Y{y}") }}</text> }
            })
            .collect_view();
        let lines = s
            .iter()
            .enumerate()
            .map(|(i, (_, cum, payback))| {
                let pts = points(cum.iter().enumerate().map(|(m, v)| (xa.at(m as f64), ya.at(*v))));
                let marker = payback.map(|m| {
                    let (x, y) = (xa.at(m as f64), ya.at(cum[m as usize]));
                    view! {
                        <circle class=format!("marker series-{i}") cx=x cy=y r=6 />
                        <text class="marker-label" x=x + 8 y=y - 8>{format!("pays back, month {m}")}</text>
                    }
                });
                view! {
                    <polyline class=format!("series series-{i}") points=pts fill="none" />
                    {marker}
                }
            })
            .collect_view();
        let legend = s
            .iter()
            .enumerate()
            .map(|(i, (name, ..))| {
                let x = LEFT + (i as i32) * 190;
                view! {
                    <rect class=format!("swatch series-{i}") x=x y=H - 18 width=12 height=12 />
                    <text class="legend" x=x + 16 y=H - 8>{name.clone()}</text>
                }
            })
            .collect_view();
        view! {
            {y_grid(ctx, ya, ticks(0.0, top, 4))}
            {years}
            {lines}
            {legend}
        }
    };
    let desc = Signal::derive(move || {
        let s = series.get();
        let ends = s
            .iter()
            .map(|(name, cum, _)| {
                format!(
                    "{name} ends at {}",
                    ctx.fmt(|n| n.money(*cum.last().unwrap_or(&0.0)))
                )
            })
            .collect::<Vec<_>>()
            .join(", ");
        let paybacks: Vec<String> = s
            .iter()
            .filter_map(|(name, _, p)| p.map(|m| format!("{name} pays back in month {m}")))
            .collect();
        format!(
            "Cumulative cost month by month, undiscounted. {ends}. {}",
            if paybacks.is_empty() {
                "No paid option pays back.".into()
            } else {
                paybacks.join("; ") + "."
            }
        )
    });
    let table = move || {
        let s = series.get();
        let months = s.first().map_or(0, |x| x.1.len() - 1);
        let mut rows: Vec<usize> = (0..=months).step_by(12).collect();
        rows.extend(s.iter().filter_map(|x| x.2.map(|m| m as usize)));
        rows.sort_unstable();
        rows.dedup();
        view! {
            <table>
                <thead><tr><th scope="col">"Month"</th>{s.iter().map(|x| view! { <th scope="col">{x.0.clone()}</th> }).collect_view()}</tr></thead>
                <tbody>
                    {rows.into_iter().map(|m| view! {
                        <tr>
                            <th scope="row">{m}</th>
                            {s.iter().map(|x| view! { <td>{ctx.fmt(|n| n.money(x.1[m]))}</td> }).collect_view()}
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        }
    };
    view! { <Figure id="tw-cumulative" title="Cumulative cost over time" desc body=ViewFn::from(body) table=ViewFn::from(table) /> }
}

const BREAKDOWN: [&str; 7] = [
    "One-time",
    "Licence",
    "Infrastructure",
    "Operations",
    "Self-help",
    "Downtime",
    "Compliance",
];

/// Each option's total split into its cost lines, as stacked bars.
#[component]
pub fn BreakdownChart(
    /// The calculator's state.
    ctx: Ctx,
) -> impl IntoView {
    let data = Memo::new(move |_| {
        ctx.report.with(|r| {
            r.options
                .iter()
                .map(|o| {
                    let mut parts = [o.one_time.sum(), 0.0, 0.0, 0.0, 0.0, 0.0, 0.0];
                    for y in &o.years {
                        for (k, v) in y.lines().into_iter().enumerate() {
                            parts[k + 1] += v;
                        }
                    }
                    (o.name.clone(), parts)
                })
                .collect::<Vec<_>>()
        })
    });
    let body = move || {
        let d = data.get();
        let top = d
            .iter()
            .map(|x| x.1.iter().sum::<f64>())
            .fold(0.0, f64::max);
        let xa = Axis::new(0.0, top * 1.02, LEFT + 90, W - RIGHT);
        let band = (H - TOP - BOTTOM - 20) / d.len().max(1) as i32;
        let bars = d
            .iter()
            .enumerate()
            .map(|(i, (name, parts))| {
                let y = TOP + i as i32 * band;
                let mut acc = 0.0;
                let segs = parts
                    .iter()
                    .enumerate()
                    .map(|(k, v)| {
                        let (x0, x1) = (xa.at(acc), xa.at(acc + v));
                        acc += v;
                        view! { <rect class=format!("seg line-{k}") x=x0 y=y + 4 width=(x1 - x0).max(0) height=band - 12 /> }
                    })
                    .collect_view();
                view! {
                    <text class="tick" x=LEFT + 84 y=y + band / 2 + 2 text-anchor="end">{name.clone()}</text>
                    {segs}
                }
            })
            .collect_view();
        let legend = BREAKDOWN
            .iter()
            .enumerate()
            .map(|(k, label)| {
                let x = 8 + (k as i32) * 90;
                view! {
                    <rect class=format!("swatch line-{k}") x=x y=H - 30 width=12 height=12 />
                    <text class="legend" x=x + 16 y=H - 20>{*label}</text>
                }
            })
            .collect_view();
        view! { {bars} {legend} }
    };
    let desc = Signal::derive(move || {
        data.get()
            .iter()
            .map(|(name, parts)| {
                let (k, v) = parts.iter().enumerate().fold((0, 0.0), |best, (k, v)| {
                    if *v > best.1 {
                        (k, *v)
                    } else {
                        best
                    }
                });
                format!(
                    "{name}: {} in all, most of it {} ({})",
                    ctx.fmt(|n| n.money(parts.iter().sum())),
                    BREAKDOWN[k].to_lowercase(),
                    ctx.fmt(|n| n.money(v))
                )
            })
            .collect::<Vec<_>>()
            .join(". ")
            + "."
    });
    let table = move || {
        let d = data.get();
        view! {
            <table>
                <thead><tr><th scope="col">"Option"</th>{BREAKDOWN.iter().map(|l| view! { <th scope="col">{*l}</th> }).collect_view()}</tr></thead>
                <tbody>
                    {d.into_iter().map(|(name, parts)| view! {
                        <tr><th scope="row">{name}</th>{parts.into_iter().map(|v| view! { <td>{ctx.fmt(|n| n.money(v))}</td> }).collect_view()}</tr>
                    }).collect_view()}
                </tbody>
            </table>
        }
    };
    view! { <Figure id="tw-breakdown" title="Where the money goes" desc body=ViewFn::from(body) table=ViewFn::from(table) /> }
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
    let data = Memo::new(move |_| {
        let team = ctx.scenario.with(|s| s.team_size);
        let max = (team * 10.0).clamp(1_000.0, 1_000_000.0);
        let xs = team_samples(max);
        let series: Vec<Curve> = ctx.config.with_value(|c| {
            ctx.scenario.with(|s| {
                let model = Model::new(c, s);
                ctx.report.with(|r| {
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
    });
    let body = move || {
        let (team, max, xs, series) = data.get();
        let (lo, hi) = series
            .iter()
            .flat_map(|s| s.2.iter().copied())
            .fold((0.0f64, 0.0f64), |(a, b), v| (a.min(v), b.max(v)));
        let pad = (hi - lo).max(1.0) * 0.05;
        let log = |x: f64| js_sys::Math::log(x.max(1.0)) / js_sys::Math::log(max);
        let xa = Axis::new(0.0, 1.0, LEFT, W - RIGHT);
        let ya = Axis::new(lo - pad, hi + pad, H - BOTTOM, TOP);
        let mut decade = 1.0;
        let mut xticks = Vec::new();
        while decade <= max {
            xticks.push(decade);
            decade *= 10.0;
        }
        let xt = xticks
            .into_iter()
            .map(|t| {
                let x = xa.at(log(t));
                view! { <text class="tick" x=x y=H - BOTTOM + 18 text-anchor="middle">{ctx.fmt(|n| n.number(t))}</text> }
            })
            .collect_view();
        let lines = series
            .iter()
            .map(|(i, _, ys, wins)| {
                let pts = points(xs.iter().zip(ys).map(|(x, y)| (xa.at(log(*x)), ya.at(*y))));
                let marks = wins
                    .iter()
                    .flat_map(|[a, b]| [(*a, *a > 1), (*b, (*b as f64) < max && *b < 1_000_000)])
                    .filter(|(_, show)| *show)
                    .map(|(t, _)| {
                        let x = xa.at(log(t as f64));
                        view! {
                            <line class=format!("crossover series-{i}") x1=x x2=x y1=TOP y2=H - BOTTOM />
                            <text class="marker-label" x=x + 4 y=TOP + 12>{ctx.fmt(|n| n.number(t as f64))}</text>
                        }
                    })
                    .collect_view();
                view! {
                    <polyline class=format!("series series-{i}") points=pts fill="none" />
                    {marks}
                }
            })
            .collect_view();
        let zero = ya.at(0.0);
        let now = xa.at(log(team));
        view! {
            {y_grid(ctx, ya, ticks(lo - pad, hi + pad, 4))}
            <line class="zero" x1=LEFT x2=W - RIGHT y1=zero y2=zero />
            <line class="now" x1=now x2=now y1=TOP y2=H - BOTTOM />
            <text class="marker-label" x=now + 4 y=H - BOTTOM - 6>"you"</text>
            {xt}
            <text class="axis-label" x=W / 2 y=H - 6 text-anchor="middle">"Team size (log scale)"</text>
            {lines}
        }
    };
    let wins_text = move |name: &str, wins: &[[u32; 2]]| {
        if wins.is_empty() {
            format!("{name} never costs less than community at any team size")
        } else {
            let parts: Vec<String> = wins
                .iter()
                .map(|[a, b]| {
                    ctx.fmt(|n| format!("{} to {}", n.number(*a as f64), n.number(*b as f64)))
                })
                .collect();
            format!(
                "{name} costs no more than community from {} users",
                parts.join(" and from ")
            )
        }
    };
    let desc = Signal::derive(move || {
        let (_, _, _, series) = data.get();
        format!(
            "Savings against community by team size, everything else fixed. {}.",
            series
                .iter()
                .map(|s| wins_text(&s.1, &s.3))
                .collect::<Vec<_>>()
                .join("; ")
        )
    });
    let table = move || {
        let (_, _, xs, series) = data.get();
        view! {
            <table>
                <thead><tr><th scope="col">"Team size"</th>{series.iter().map(|s| view! { <th scope="col">{s.1.clone()}</th> }).collect_view()}</tr></thead>
                <tbody>
                    {xs.iter().enumerate().step_by(4).map(|(k, x)| view! {
                        <tr>
                            <th scope="row">{ctx.fmt(|n| n.number(*x))}</th>
                            {series.iter().map(|s| view! { <td>{ctx.fmt(|n| n.money(s.2[k]))}</td> }).collect_view()}
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
            <ul>{series.iter().map(|s| view! { <li>{wins_text(&s.1, &s.3)}</li> }).collect_view()}</ul>
        }
    };
    view! { <Figure id="tw-savings" title="Savings against team size" desc body=ViewFn::from(body) table=ViewFn::from(table) /> }
}

fn assumption_label(id: &str) -> &'static str {
    Key::from_id(id).map_or("", |k| CATALOGUE[k as usize].label)
}

/// Which assumptions move the savings most: a tornado of savings at each one's low and high.
#[component]
pub fn TornadoChart(
    /// The calculator's state.
    ctx: Ctx,
) -> impl IntoView {
    let data = Memo::new(move |_| {
        ctx.report.with(|r| {
            let target = r.sensitivity_option.clone().unwrap_or_default();
            let o = r.options.iter().find(|o| o.id == target);
            let base = o.and_then(|o| o.savings).unwrap_or(0.0);
            let name = o.map(|o| o.name.clone()).unwrap_or_default();
            (name, base, r.sensitivity.clone())
        })
    });
    let body = move || {
        let (_, base, rows) = data.get();
        let (lo, hi) = rows.iter().fold((base, base), |(a, b), r| {
            (a.min(r.low).min(r.high), b.max(r.low).max(r.high))
        });
        let pad = (hi - lo).max(1.0) * 0.05;
        let xa = Axis::new(lo - pad, hi + pad, LEFT + 110, W - RIGHT);
        let band = ((H - TOP - BOTTOM) / rows.len().max(1) as i32).min(32);
        let bars = rows
            .iter()
            .enumerate()
            .map(|(k, r)| {
                let y = TOP + k as i32 * band;
                let (x0, x1) = (xa.at(r.low.min(r.high)), xa.at(r.low.max(r.high)));
                view! {
                    <text class="tick" x=LEFT + 104 y=y + band / 2 + 4 text-anchor="end">{assumption_label(r.assumption)}</text>
                    <rect class="tornado-bar" x=x0 y=y + 3 width=(x1 - x0).max(1) height=band - 6 />
                }
            })
            .collect_view();
        let b = xa.at(base);
        let axis = ticks(lo - pad, hi + pad, 4)
            .into_iter()
            .map(|t| {
                let x = xa.at(t);
                view! { <text class="tick" x=x y=H - BOTTOM + 18 text-anchor="middle">{ctx.fmt(|n| n.compact(t))}</text> }
            })
            .collect_view();
        view! {
            {bars}
            <line class="zero" x1=b x2=b y1=TOP y2=H - BOTTOM />
            {axis}
            <text class="axis-label" x=W / 2 y=H - 6 text-anchor="middle">"Savings against community"</text>
        }
    };
    let desc = Signal::derive(move || {
        let (name, _, rows) = data.get();
        match rows.first() {
            None => "No assumption has an uncertainty range.".into(),
            Some(r) => format!(
                "How {name}'s savings move when one assumption goes from its low to its high value. {} matters most: savings from {} to {}.",
                assumption_label(r.assumption),
                ctx.fmt(|n| n.money(r.low)),
                ctx.fmt(|n| n.money(r.high))
            ),
        }
    });
    let table = move || {
        let (_, _, rows) = data.get();
        view! {
            <table>
                <thead><tr><th scope="col">"Assumption"</th><th scope="col">"Savings at low"</th><th scope="col">"Savings at high"</th></tr></thead>
                <tbody>
                    {rows.into_iter().map(|r| view! {
                        <tr>
                            <th scope="row">{assumption_label(r.assumption)}</th>
                            <td>{ctx.fmt(|n| n.money(r.low))}</td>
                            <td>{ctx.fmt(|n| n.money(r.high))}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        }
    };
    view! { <Figure id="tw-tornado" title="What the answer depends on" desc body=ViewFn::from(body) table=ViewFn::from(table) /> }
}
