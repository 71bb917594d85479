//! The demo page: loads a sample config and shows the engine's verdict for its default
//! scenario. The full calculator grows from here.

use super::format::Formatter;
use super::load::{fetch_config, LoadError};
use crate::model::{evaluate_to, Config, Depth, Report, Scenario};
use leptos::prelude::*;

/// The config the demo opens with.
const SAMPLE: &str = "configs/stream-platform.json";

/// The demo page.
#[component]
pub fn App() -> impl IntoView {
    let (config, set_config) = signal::<Option<Result<Config, LoadError>>>(None);
    leptos::task::spawn_local(async move {
        set_config.set(Some(fetch_config(SAMPLE).await));
    });
    view! {
        <main class="tierwise">
            {move || match config.get() {
                None => view! { <p class="loading">"Loading the pricing config…"</p> }.into_any(),
                Some(Err(e)) => view! { <ErrorPanel error=e /> }.into_any(),
                Some(Ok(c)) => view! { <Summary config=c /> }.into_any(),
            }}
        </main>
    }
}

/// Says why the config could not be used.
#[component]
fn ErrorPanel(
    /// What went wrong.
    error: LoadError,
) -> impl IntoView {
    let fmt = Formatter::new("USD", None);
    let lines: Vec<String> = match error {
        LoadError::Fetch(m) => vec![m],
        LoadError::NotJson(m) => vec![format!("The config is not valid JSON: {m}")],
        LoadError::Invalid(problems) => problems
            .iter()
            .map(|p| p.message_with(&|x| fmt.number(x)))
            .collect(),
    };
    view! {
        <section class="error" role="alert">
            <h2>"This pricing config cannot be used"</h2>
            <ul>{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
        </section>
    }
}

/// The verdict in one sentence, from the report's figures.
fn verdict(scenario: &Scenario, report: &Report, fmt: &Formatter) -> String {
    let years = scenario.horizon;
    let Some(id) = &report.recommended else {
        return "No option meets every selected requirement.".into();
    };
    let Some(best) = report.options.iter().find(|o| &o.id == id) else {
        return String::new();
    };
    match best.savings {
        None => format!(
            "{} costs least over {years} years: no paid option pays off at this size.",
            best.name
        ),
        Some(s) => {
            let payback = best
                .payback_month
                .map(|m| format!(", pays back in month {m}"))
                .unwrap_or_default();
            format!(
                "{} pays off: saves {} over {years} years{payback}.",
                best.name,
                fmt.money(s)
            )
        }
    }
}

/// The default scenario's verdict and each option's cost.
#[component]
fn Summary(
    /// The checked pricing config.
    config: Config,
) -> impl IntoView {
    let scenario = Scenario::defaults(&config);
    let report = evaluate_to(&config, &scenario, Depth::COSTS);
    let fmt = Formatter::new(&config.currency, None);
    let sentence = verdict(&scenario, &report, &fmt);
    let rows = report
        .options
        .iter()
        .map(|o| {
            let status = if o.qualified {
                "meets every requirement".to_owned()
            } else {
                format!("cannot meet: {}", o.unmet.join(", "))
            };
            view! {
                <tr>
                    <th scope="row">{o.name.clone()}</th>
                    <td>{fmt.money(o.present_cost)}</td>
                    <td>{fmt.money(o.total)}</td>
                    <td>{status}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <h1>{format!("{}: pay, or self-host?", config.product)}</h1>
        <p class="verdict" aria-live="polite">{sentence}</p>
        <table class="options">
            <caption>{format!("Cost of each option over {} years", scenario.horizon)}</caption>
            <thead>
                <tr>
                    <th scope="col">"Option"</th>
                    <th scope="col">"Present cost"</th>
                    <th scope="col">"Total"</th>
                    <th scope="col">"Requirements"</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
    }
}
