//! The answer: the verdict, one card per option, and every cost line with its math.

use super::ctx::Ctx;
use super::dom::{action, data_index, el, text, Drawing, El, LazyDetails, OnClick, Region};
use crate::model::explain::{explain, explain_expected, Line};
use crate::model::messages::pairs;
use crate::model::numbers::Numbers;
use crate::model::verdict::{disqualified_because, quote_words, runner_up_sentence, verdict};
use crate::model::Model;
use leptos::prelude::*;

/// The verdict in plain words, announced to screen readers when it changes.
pub fn verdict_line(ctx: Ctx) -> Drawing {
    let render = move || {
        let said = ctx.with_monte_carlo(|mc| {
            ctx.with_report(|r| {
                ctx.with_config(|c| ctx.with_scenario(|s| ctx.fmt(|n| verdict(c, s, r, mc, n))))
            })
        });
        vec![text("p", said)
            .class("verdict")
            .attr("part", "verdict")
            .attr("aria-live", "polite")
            .attr("aria-atomic", "true")]
    };
    // A region (its `<p>` patched in place, so screen readers hear each new verdict), not a
    // `view!`: one tree type less to compile (see dom.rs).
    Drawing::new("contents", render)
}

/// Compact mode's line about the runner-up (it has no card there).
pub fn runner_up(ctx: Ctx) -> Drawing {
    let render = move || {
        let horizon = ctx.with_scenario(|s| s.horizon);
        let said = ctx.with_report(|r| ctx.fmt(|n| runner_up_sentence(r, horizon, n)));
        vec![text("p", said.unwrap_or_default()).class("runner-up")]
    };
    Drawing::new("contents", render)
}

/// Messages about what a link or stored state could not restore.
#[component]
pub fn Notices(
    /// The calculator's state, for the words.
    ctx: Ctx,
    /// What was ignored, one message each.
    notices: RwSignal<Vec<String>>,
) -> impl IntoView {
    let render = move || {
        let list = notices.get();
        if list.is_empty() {
            return Vec::new();
        }
        vec![el("div")
            .class("notice")
            .attr("role", "status")
            .child(text("p", ctx.t("notice.link")))
            .child(el("ul").kids(list.into_iter().map(|m| text("li", m))))
            .child(action("dismiss", ctx.t("notice.dismiss"), false))]
    };
    let dismiss: OnClick = Box::new(move |_, _| notices.set(Vec::new()));
    view! { <Region class="contents" render=Box::new(render) on_click=("button[data-action]", dismiss) /> }
}

/// One card per option: present cost, total, simulated range, requirements, savings and ROI.
#[component]
pub fn OptionCards(
    /// The calculator's state.
    ctx: Ctx,
) -> impl IntoView {
    let render = move || {
        let count = ctx.with_config(|c| c.options.len());
        let scale = strip_scale(ctx);
        (0..count).map(|i| card(ctx, i, scale)).collect()
    };
    let click: OnClick = Box::new(move |a, ev| cta_click(ctx, data_index(&a, "data-option"), &ev));
    view! { <Region class="cards" render=Box::new(render) on_click=("a.cta", click) /> }
}

/// The money range every card's strip shares: from the lowest P10 (or expected cost) to the
/// highest P90, so the eye compares options without reading a number.
fn strip_scale(ctx: Ctx) -> (f64, f64) {
    let (mut lo, mut hi) = ctx.with_report(|r| {
        r.options.iter().fold((f64::MAX, 0.0f64), |(lo, hi), o| {
            (
                lo.min(o.expected_present_cost),
                hi.max(o.expected_present_cost),
            )
        })
    });
    ctx.with_monte_carlo(|mc| {
        for m in mc.iter().flat_map(|mc| &mc.options) {
            lo = lo.min(m.p10);
            hi = hi.max(m.p90);
        }
    });
    (lo.min(hi), hi)
}

/// Width of a range strip in its viewBox.
const STRIP: i32 = 200;

/// Option `i`'s range strip on the shared `scale`: the P10–P90 bar and the P50 tick once
/// Monte Carlo has run, and always a mark at the expected present cost (the headline).
fn range_strip(ctx: Ctx, i: usize, expected: f64, (lo, hi): (f64, f64)) -> El {
    let x = |v: f64| 4 + (((v - lo) / (hi - lo).max(1.0)) * (STRIP - 8) as f64) as i32;
    let mut svg = el("svg")
        .class("strip")
        .attr("viewBox", format!("0 0 {STRIP} 18"))
        .attr("aria-hidden", "true");
    svg = svg.child(
        el("line")
            .class("axis")
            .at("x1", 4)
            .at("x2", STRIP - 4)
            .at("y1", 9)
            .at("y2", 9),
    );
    if let Some((p10, p50, p90)) = ctx.with_monte_carlo(|mc| {
        mc.and_then(|mc| mc.options.get(i))
            .map(|m| (m.p10, m.p50, m.p90))
    }) {
        svg = svg
            .child(
                el("rect")
                    .class("range")
                    .at("x", x(p10))
                    .at("y", 4)
                    .at("width", (x(p90) - x(p10)).max(2))
                    .at("height", 10),
            )
            .child(
                el("line")
                    .class("p50")
                    .at("x1", x(p50))
                    .at("x2", x(p50))
                    .at("y1", 2)
                    .at("y2", 16),
            );
    }
    svg.child(
        el("circle")
            .class("expected")
            .at("cx", x(expected))
            .at("cy", 9)
            .at("r", 4),
    )
}

/// Option `i`'s card.
fn card(ctx: Ctx, i: usize, scale: (f64, f64)) -> El {
    let o = ctx.option(i);
    let recommended = ctx.with_report(|r| r.recommended.as_deref() == Some(o.id.as_str()));
    let range = ctx.with_monte_carlo(|mc| {
        mc.and_then(|mc| mc.options.get(i)).map(|m| {
            ctx.fmt(|n| {
                n.f(
                    "card.range",
                    &[("low", &n.money(m.p10)), ("high", &n.money(m.p90))],
                )
            })
        })
    });
    let (why, cta) = ctx.with_config(|c| {
        let why = ctx.with_scenario(|s| ctx.fmt(|n| disqualified_because(c, s, &o, n)));
        (why, c.options[i].cta.clone())
    });
    let money = |v: f64| ctx.fmt(|n| n.money(v));
    let mut title = text("h3", o.name.clone());
    if recommended {
        title = title.child(text("span", ctx.t("card.recommended")).class("badge"));
    }
    let requirements = if o.qualified {
        ctx.t("card.meets_all")
    } else {
        // "cannot meet SSO and is limited to 250 users"
        why
    };
    let mut facts = el("dl")
        .child(text("dt", ctx.t("card.expected_present_cost")))
        .child(text("dd", money(o.expected_present_cost)).class("big"))
        .child(el("dd").class("strip-row").child(range_strip(
            ctx,
            i,
            o.expected_present_cost,
            scale,
        )))
        .child(text("dt", ctx.t("card.at_your_figures")))
        .child(text("dd", money(o.present_cost)))
        .child(text("dt", ctx.t("card.expected_total")))
        .child(text("dd", money(o.expected_total)))
        .child(text("dt", ctx.t("card.likely_range")))
        .child(text(
            "dd",
            range.unwrap_or_else(|| ctx.t("card.simulating")),
        ))
        .child(text("dt", ctx.t("card.requirements")))
        .child(text("dd", requirements));
    if let Some(quote) = ctx.with_config(|c| ctx.fmt(|n| quote_words(c, &o, n))) {
        facts = facts
            .child(text("dt", ctx.t("card.price")))
            .child(text("dd", quote));
    }
    if let Some(s) = o.savings {
        let roi = o
            .roi
            .map_or_else(|| "—".to_owned(), |r| ctx.fmt(|n| n.percent(r)));
        let savings = text("dd", money(s));
        facts = facts
            .child(text("dt", ctx.t("card.savings")))
            .child(if s < 0.0 {
                savings.class("negative")
            } else {
                savings
            })
            .child(text("dt", ctx.t("card.roi")))
            .child(text("dd", roi));
    }
    let class = if recommended {
        "card recommended"
    } else {
        "card"
    };
    let mut card = el("article")
        .class(class)
        .attr("part", "card")
        .child(title)
        .child(facts);
    if let Some(cta) = cta {
        card = card.child(cta_link(i, cta.url, cta.label));
    }
    card
}

/// The cost line a drawn figure names by index: one-time lines first, then yearly ones.
fn line_at(i: usize) -> Line {
    match i {
        0 | 1 => Line::ONE_TIME[i],
        _ => Line::YEARLY[(i - 2).min(Line::YEARLY.len() - 1)],
    }
}

/// Every option's lines by year; each figure opens its formula with the numbers substituted.
#[component]
pub fn CostTables(
    /// The calculator's state.
    ctx: Ctx,
) -> impl IntoView {
    let math = RwSignal::new(None::<(usize, u32, Line)>);
    let expected_math = move || expected_math_lines(ctx);
    // The live region is drawn before anything is said in it, so it is announced.
    let explanation = move || {
        let said = math.get().map(|(i, year, line)| {
            ctx.with_config(|c| {
                ctx.with_scenario(|s| ctx.fmt(|n| explain(&Model::new(c, s), i, year, line, n)))
            })
        });
        let p = text("p", said.unwrap_or_default()).class("math");
        vec![p.attr("aria-live", "polite")]
    };
    let render = move || {
        let count = ctx.with_config(|c| c.options.len());
        (0..count).map(|i| lines_table(ctx, i)).collect()
    };
    let click: OnClick = Box::new(move |b, _| {
        let at = |name| data_index(&b, name);
        let line = line_at(at("data-line"));
        math.set(Some((at("data-option"), at("data-year") as u32, line)));
    });
    view! {
        <section class="cost-tables" aria-labelledby="tw-lines-title">
            <h2 id="tw-lines-title">{ctx.t("lines.title")}</h2>
            <p class="hint">{ctx.t("lines.hint")}</p>
            <Region class="contents" render=Box::new(explanation) />
            <Region render=Box::new(render) on_click=("button.math-link", click) after=ctx.steps[1] />
            <LazyDetails class="expected-math" summary=ctx.t("lines.expected_math") render=Box::new(expected_math) />
        </section>
    }
}

/// The expected view's math (spec §6), one line each: the means, E[1/W], the discount factors.
fn expected_math_lines(ctx: Ctx) -> Vec<El> {
    let lines = ctx.with_config(|c| {
        ctx.with_scenario(|s| ctx.fmt(|n| explain_expected(&Model::new(c, s), n)))
    });
    vec![el("ul").kids(lines.into_iter().map(|l| text("li", l)))]
}

/// Option `i`'s lines by year, each figure a button that shows its math.
fn lines_table(ctx: Ctx, i: usize) -> El {
    let o = ctx.option(i);
    let cell = |year: u32, line: usize, value: f64| {
        let money = ctx.fmt(|n| n.money(value));
        let args = [
            ("option", o.name.clone()),
            ("line", ctx.fmt(|n| line_at(line).label(n))),
            ("year", ctx.fmt(|n| n.number(year as f64))),
            ("amount", money.clone()),
        ];
        let label = ctx.f("lines.show_math", &pairs(&args));
        let button = text("button", money)
            .attr("type", "button")
            .class("math-link")
            .attr("aria-label", label)
            .attr("data-option", i.to_string())
            .attr("data-year", year.to_string())
            .attr("data-line", line.to_string());
        el("td").child(button)
    };
    let row = |line: usize, cells: Vec<El>| {
        el("tr")
            .child(text("th", ctx.fmt(|n| line_at(line).label(n))).attr("scope", "row"))
            .kids(cells)
    };
    // One-time lines: a figure in the first year's column, the other years blank.
    let one_time = |line: usize, value: f64| {
        let blanks = (1..o.years.len()).map(|_| el("td"));
        row(
            line,
            std::iter::once(cell(1, line, value))
                .chain(blanks)
                .collect(),
        )
    };
    let mut rows = vec![
        one_time(0, o.one_time.migration),
        one_time(1, o.one_time.compliance_build),
    ];
    for k in 0..Line::YEARLY.len() {
        let cells = o
            .years
            .iter()
            .map(|y| cell(y.year, k + 2, y.lines()[k]))
            .collect();
        rows.push(row(k + 2, cells));
    }
    let year = |y: usize| ctx.f("lines.year", &[("year", &ctx.fmt(|n| n.number(y as f64)))]);
    let head = std::iter::once(text("th", ctx.t("lines.line")).attr("scope", "col"))
        .chain((1..=o.years.len()).map(|y| text("th", year(y)).attr("scope", "col")));
    let caption = ctx.f("lines.caption", &[("option", &o.name)]);
    el("div").class("table-scroll").child(
        el("table")
            .class("lines")
            .child(text("caption", caption))
            .child(el("thead").child(el("tr").kids(head)))
            .child(el("tbody").kids(rows)),
    )
}

/// The detail of `tierwise:cta`.
#[derive(serde::Serialize)]
struct CtaDetail<'a> {
    option: &'a str,
    scenario: &'a crate::model::Scenario,
    result: &'a crate::model::Report,
}

/// Option `option`'s call-to-action link.
fn cta_link(option: usize, url: String, label: String) -> El {
    text("a", label)
        .class("cta")
        .attr("part", "cta")
        .attr("href", url)
        .attr("data-option", option.to_string())
}

/// Fires `tierwise:cta`, and keeps the link from being followed if the host cancelled it.
fn cta_click(ctx: Ctx, option: usize, ev: &web_sys::MouseEvent) {
    let id = ctx.with_config(|c| c.options[option].id.clone());
    let go = ctx.with_report(|result| {
        ctx.with_scenario(|scenario| {
            let detail = CtaDetail {
                option: &id,
                scenario,
                result,
            };
            ctx.emit("cta", &detail, true)
        })
    });
    if !go {
        ev.prevent_default();
    }
}

/// Compact mode's one call to action: the recommended option's, else the first there is.
/// Clicking fires `tierwise:cta`; the link is followed unless the host calls
/// `preventDefault()` (to open its own lead form, say).
pub fn cta(ctx: Ctx) -> Drawing {
    let render = move || {
        let best = ctx.with_report(|r| r.recommended.clone());
        ctx.with_config(|c| {
            let has = |i: &usize| c.options[*i].cta.is_some();
            let option = c
                .options
                .iter()
                .position(|o| Some(&o.id) == best.as_ref())
                .filter(has)
                .or_else(|| (0..c.options.len()).find(has));
            option
                .and_then(|i| Some((i, c.options[i].cta.clone()?)))
                .map(|(i, cta)| cta_link(i, cta.url, cta.label))
                .into_iter()
                .collect()
        })
    };
    let click: OnClick = Box::new(move |a, ev| cta_click(ctx, data_index(&a, "data-option"), &ev));
    Drawing {
        on_click: Some(("a.cta", click)),
        ..Drawing::new("contents", render)
    }
}
