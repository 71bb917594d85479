//! The cost charts: each option's cumulative cost over the horizon, and its cost lines.

use super::{header, label, legend, points, polyline, rect, ticks, y_grid, Axis, Figure};
use super::{BOTTOM, H, LEFT, RIGHT, TOP, W};
use crate::model::cost::cumulative;
use crate::model::messages::pairs;
use crate::model::numbers::Numbers;
use crate::model::Model;
use crate::web::ctx::Ctx;
use crate::web::dom::{el, table};
use leptos::prelude::*;

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
