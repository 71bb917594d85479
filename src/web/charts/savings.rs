//! The savings charts: savings as the team grows, and which assumptions move them most.

use super::{header, label, line, points, polyline, rect, ticks, y_grid, Axis, Figure};
use super::{BOTTOM, H, LEFT, RIGHT, TOP, W};
use crate::model::assumptions::{Key, CATALOGUE};
use crate::model::messages::pairs;
use crate::model::numbers::{within, Numbers};
use crate::model::Model;
use crate::web::ctx::Ctx;
use crate::web::dom::{el, table, text};
use leptos::prelude::*;

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
