//! The answer: the verdict, one card per option, and every cost line with its math.

use super::ctx::Ctx;
use crate::model::explain::{explain, verdict, Line};
use crate::model::numbers::Numbers;
use crate::model::Model;
use leptos::prelude::*;

/// The verdict in plain words, announced to screen readers when it changes.
#[component]
pub fn Verdict(
    /// The calculator's state.
    ctx: Ctx,
) -> impl IntoView {
    let text = move || {
        let horizon = ctx.scenario.with(|s| s.horizon);
        ctx.monte_carlo.with(|mc| {
            ctx.report.with(|r| {
                ctx.config
                    .with_value(|c| ctx.fmt(|n| verdict(c, r, horizon, mc.as_ref(), n)))
            })
        })
    };
    view! {
        <p class="verdict" part="verdict" aria-live="polite" aria-atomic="true">
            {text}
        </p>
    }
}

/// Messages about what a link or stored state could not restore.
#[component]
pub fn Notices(
    /// What was ignored, one message each.
    notices: RwSignal<Vec<String>>,
) -> impl IntoView {
    view! {
        <Show when=move || notices.with(|n| !n.is_empty())>
            <div class="notice" role="status">
                <p>"Some settings in the link could not be used and were left at the vendor's defaults:"</p>
                <ul>{move || notices.get().into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}</ul>
                <button type="button" on:click=move |_| notices.set(Vec::new())>
                    "Dismiss"
                </button>
            </div>
        </Show>
    }
}

/// One card per option: present cost, total, simulated range, requirements, savings and ROI.
#[component]
pub fn OptionCards(
    /// The calculator's state.
    ctx: Ctx,
) -> impl IntoView {
    let count = ctx.config.with_value(|c| c.options.len());
    let card = move |i: usize| {
        let body = move || {
            let o = ctx.option(i);
            let recommended = ctx
                .report
                .with(|r| r.recommended.as_deref() == Some(o.id.as_str()));
            let range = ctx.monte_carlo.with(|mc| {
                mc.as_ref()
                    .and_then(|mc| mc.options.get(i))
                    .map(|m| ctx.fmt(|n| format!("{} – {}", n.money(m.p10), n.money(m.p90))))
            });
            let unmet = ctx.config.with_value(|c| {
                o.unmet
                    .iter()
                    .filter_map(|id| c.requirements.iter().find(|r| &r.id == id))
                    .map(|r| r.name.clone())
                    .collect::<Vec<_>>()
                    .join(", ")
            });
            let n = |f: &dyn Fn(&dyn Numbers) -> String| ctx.fmt(|x| f(x));
            view! {
                <h3>
                    {o.name.clone()}
                    {recommended.then(|| view! { <span class="badge">"Recommended"</span> })}
                </h3>
                <dl>
                    <dt>"Present cost"</dt>
                    <dd class="big">{n(&|x| x.money(o.present_cost))}</dd>
                    <dt>"Total, undiscounted"</dt>
                    <dd>{n(&|x| x.money(o.total))}</dd>
                    <dt>"Likely range (P10–P90)"</dt>
                    <dd>{range.unwrap_or_else(|| "simulating…".into())}</dd>
                    <dt>"Requirements"</dt>
                    <dd>{if o.qualified { "meets every one selected".to_owned() } else { format!("cannot meet: {unmet}") }}</dd>
                    {o.savings.map(|s| {
                        let roi = o.roi.map_or_else(|| "—".to_owned(), |r| n(&|x| x.percent(r)));
                        view! {
                            <dt>"Savings against community"</dt>
                            <dd class:negative=s < 0.0>{n(&|x| x.money(s))}</dd>
                            <dt>"Return on investment"</dt>
                            <dd>{roi}</dd>
                        }
                    })}
                </dl>
            }
        };
        view! {
            <article class="card" part="card" class:recommended=move || ctx.report.with(|r| r.recommended == Some(r.options[i].id.clone()))>
                {body}
                <CtaLink ctx option=i />
            </article>
        }
    };
    view! { <div class="cards">{(0..count).map(card).collect_view()}</div> }
}

/// Every option's lines by year; each figure opens its formula with the numbers substituted.
#[component]
pub fn CostTables(
    /// The calculator's state.
    ctx: Ctx,
) -> impl IntoView {
    let math = RwSignal::new(None::<(usize, u32, Line)>);
    let explanation = move || {
        math.get().map(|(i, year, line)| {
            ctx.config.with_value(|c| {
                ctx.scenario
                    .with(|s| ctx.fmt(|n| explain(&Model::new(c, s), i, year, line, n)))
            })
        })
    };
    let table = move |i: usize| {
        let rows = move || {
            let o = ctx.option(i);
            let cell = move |year: u32, line: Line, value: f64| {
                let text = ctx.fmt(|n| n.money(value));
                let label = format!(
                    "{}, {}, year {year}: {text}. Show the math",
                    o_name(ctx, i),
                    line.label()
                );
                view! {
                    <td>
                        <button type="button" class="math-link" aria-label=label on:click=move |_| math.set(Some((i, year, line)))>
                            {text.clone()}
                        </button>
                    </td>
                }
            };
            let mut out = Vec::new();
            for line in Line::ONE_TIME {
                let v = match line {
                    Line::Migration => o.one_time.migration,
                    _ => o.one_time.compliance_build,
                };
                out.push(view! { <tr><th scope="row">{line.label()}</th>{cell(1, line, v)}{(1..o.years.len()).map(|_| view! { <td></td> }).collect_view()}</tr> }.into_any());
            }
            for (k, line) in Line::YEARLY.into_iter().enumerate() {
                let cells = o
                    .years
                    .iter()
                    .map(|y| cell(y.year, line, y.lines()[k]))
                    .collect_view();
                out.push(view! { <tr><th scope="row">{line.label()}</th>{cells}</tr> }.into_any());
            }
            out
        };
        let head = move || {
            let h = ctx.scenario.with(|s| s.horizon);
            (1..=h)
                .map(|y| view! { <th scope="col">{format!("Year {y}")}</th> })
                .collect_view()
        };
        view! {
            <div class="table-scroll">
                <table class="lines">
                    <caption>{move || format!("{}: cost lines (one-time lines in the first column)", o_name(ctx, i))}</caption>
                    <thead><tr><th scope="col">"Line"</th>{head}</tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
    };
    let count = ctx.config.with_value(|c| c.options.len());
    view! {
        <section class="cost-tables" aria-labelledby="tw-lines-title">
            <h2 id="tw-lines-title">"Every cost line"</h2>
            <p class="hint">"Select a figure to see how it is calculated."</p>
            <p class="math" aria-live="polite">{explanation}</p>
            {(0..count).map(table).collect_view()}
        </section>
    }
}

fn o_name(ctx: Ctx, i: usize) -> String {
    ctx.config.with_value(|c| c.options[i].name.clone())
}

/// The detail of `tierwise:cta`.
#[derive(serde::Serialize)]
struct CtaDetail<'a> {
    option: &'a str,
    scenario: &'a crate::model::Scenario,
    result: &'a crate::model::Report,
}

/// An option's call to action. Clicking fires `tierwise:cta`; the link is followed unless the
/// host calls `preventDefault()` (to open its own lead form, say).
#[component]
pub fn CtaLink(
    /// The calculator's state.
    ctx: Ctx,
    /// The option whose call to action this is.
    option: usize,
) -> impl IntoView {
    let cta = ctx.config.with_value(|c| c.options[option].cta.clone());
    cta.map(|cta| {
        let click = move |ev: web_sys::MouseEvent| {
            let id = ctx.config.with_value(|c| c.options[option].id.clone());
            let go = ctx.report.with(|result| {
                ctx.scenario.with(|scenario| {
                    ctx.emit(
                        "tierwise:cta",
                        &CtaDetail {
                            option: &id,
                            scenario,
                            result,
                        },
                        true,
                    )
                })
            });
            if !go {
                ev.prevent_default();
            }
        };
        view! { <a class="cta" part="cta" href=cta.url on:click=click>{cta.label}</a> }
    })
}

/// Compact mode's one call to action: the recommended option's, else the first there is.
#[component]
pub fn Cta(
    /// The calculator's state.
    ctx: Ctx,
) -> impl IntoView {
    move || {
        let best = ctx.report.with(|r| r.recommended.clone());
        let option = ctx.config.with_value(|c| {
            let has = |i: &usize| c.options[*i].cta.is_some();
            c.options
                .iter()
                .position(|o| Some(&o.id) == best.as_ref())
                .filter(has)
                .or_else(|| (0..c.options.len()).find(has))
        });
        option.map(|option| view! { <CtaLink ctx option /> })
    }
}
