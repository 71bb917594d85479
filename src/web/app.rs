//! The calculator widget and the demo page around it.

use super::charts::{BreakdownChart, CumulativeChart, SavingsChart, TornadoChart};
use super::ctx::Ctx;
use super::inputs::{AssumptionsPanel, AssumptionsPrint, Requirements, ScenarioFields};
use super::load::{fetch_config, LoadError};
use super::present::Compare;
use super::results::{CostTables, Notices, OptionCards, Verdict};
use super::state;
use super::toolbar::{current_query, Toolbar};
use crate::model::numbers::Numbers;
use crate::model::share::from_query;
use crate::model::{Config, Scenario};
use leptos::prelude::*;
use std::time::Duration;

/// The sample configs the demo page offers: (path, description).
pub const SAMPLES: [(&str, &str); 3] = [
    (
        "configs/stream-platform.json",
        "Rivulet Streams: usage-priced data platform",
    ),
    (
        "configs/devtool-seats.json",
        "Forgeline: seat-priced developer tool",
    ),
    (
        "configs/framework-platform.json",
        "Latticework: platform-fee framework with a cloud",
    ),
];

/// How long the inputs must rest before the address and storage are updated (browsers
/// throttle `history.replaceState`).
const PERSIST_DELAY: Duration = Duration::from_millis(300);

fn param(pairs: &[(String, String)], name: &str) -> Option<String> {
    pairs
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.clone())
}

/// Where a calculator starts: the link's scenario if it has one for this config, else the
/// stored one, else the config's defaults. Returns what could not be restored, in words.
pub fn initial_scenario(
    config: &Config,
    config_url: &str,
    numbers: &dyn Numbers,
) -> (Scenario, Vec<String>) {
    let link = state::query_pairs();
    let has_scenario = link
        .iter()
        .any(|(k, _)| !crate::model::share::PAGE_PARAMS.contains(&k.as_str()));
    let same_config =
        |pairs: &[(String, String)]| param(pairs, "config").is_none_or(|c| c == config_url);
    let source = if has_scenario && same_config(&link) {
        Some(link)
    } else {
        state::stored()
            .map(|s| state::parse_query(&s))
            .filter(|p| param(p, "config").as_deref() == Some(config_url))
    };
    match source {
        None => (Scenario::defaults(config), Vec::new()),
        Some(pairs) => {
            let (scenario, problems) = from_query(config, &pairs, numbers);
            (
                scenario,
                problems
                    .iter()
                    .map(|p| p.message_with(&|x| numbers.number(x)))
                    .collect(),
            )
        }
    }
}

/// The calculator for one config.
#[component]
pub fn Calculator(
    /// The checked pricing config.
    config: Config,
    /// The scenario to start from.
    scenario: Scenario,
    /// What a restored link or stored state had to ignore.
    #[prop(optional)]
    notices: Vec<String>,
    /// Where the config came from: kept in the address and in share links.
    #[prop(into)]
    config_url: String,
    /// Start in presenter mode.
    #[prop(optional)]
    present: bool,
    /// "light", "dark" or "auto" (the default).
    #[prop(optional, into)]
    theme: Option<String>,
    /// Whether to keep the scenario in the page's address and local storage.
    #[prop(optional)]
    persist: bool,
) -> impl IntoView {
    let ctx = Ctx::new(config, scenario, None);
    ctx.present.set(present);
    if let Some(t) = theme.filter(|t| ["light", "dark", "auto"].contains(&t.as_str())) {
        ctx.theme.set(t);
    }
    let notices = RwSignal::new(notices);
    if persist {
        let url = config_url.clone();
        let pending = StoredValue::new_local(None::<TimeoutHandle>);
        Effect::new(move |_| {
            let query = current_query(ctx, &url);
            if let Some(h) = pending.get_value() {
                h.clear();
            }
            let write = move || {
                state::replace_query(&query);
                state::store(&query);
            };
            pending.set_value(set_timeout_with_handle(write, PERSIST_DELAY).ok());
        });
    }
    view! {
        <div class="tierwise" class:present=move || ctx.present.get() data-theme=move || ctx.theme.get()>
            <Toolbar ctx config_url />
            <Notices notices />
            <div class="layout">
                <div class="inputs">
                    <ScenarioFields ctx />
                    <Requirements ctx />
                    <AssumptionsPanel ctx />
                </div>
                <div class="results">
                    <Verdict ctx />
                    <Show when=move || ctx.present.get()>
                        <Compare ctx />
                    </Show>
                    <OptionCards ctx />
                    <div class="charts">
                        <CumulativeChart ctx />
                        <BreakdownChart ctx />
                        <SavingsChart ctx />
                        <TornadoChart ctx />
                    </div>
                    <CostTables ctx />
                    <AssumptionsPrint ctx />
                </div>
            </div>
        </div>
    }
}

/// Says why a config could not be used, listing every problem.
#[component]
pub fn ErrorPanel(
    /// What went wrong.
    error: LoadError,
) -> impl IntoView {
    let numbers = super::format::IntlNumbers::new("USD", None);
    let lines: Vec<String> = match error {
        LoadError::Fetch(m) => vec![m],
        LoadError::NotJson(m) => vec![format!("The config is not valid JSON: {m}")],
        LoadError::Invalid(problems) => problems
            .iter()
            .map(|p| p.message_with(&|x| numbers.number(x)))
            .collect(),
    };
    view! {
        <section class="tierwise error" role="alert" part="error">
            <h2>"This pricing config cannot be used"</h2>
            <ul>{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
        </section>
    }
}

/// The demo page: a config picker over the samples, and the calculator.
#[component]
pub fn App() -> impl IntoView {
    let pairs = state::query_pairs();
    let present = param(&pairs, "mode").as_deref() == Some("present");
    let theme = param(&pairs, "theme");
    let config_url =
        RwSignal::new(param(&pairs, "config").unwrap_or_else(|| SAMPLES[0].0.to_owned()));
    let loaded = RwSignal::new(None::<(String, Result<Config, LoadError>)>);
    Effect::new(move |_| {
        let url = config_url.get();
        loaded.set(None);
        leptos::task::spawn_local(async move {
            let result = fetch_config(&url).await;
            loaded.set(Some((url, result)));
        });
    });
    let pick = move |ev: web_sys::Event| {
        let url = event_target_value(&ev);
        // A scenario belongs to its config: switching starts from the new config's defaults.
        state::replace_query(&state::to_query_string(&[("config".into(), url.clone())]));
        config_url.set(url);
    };
    let body = move || match loaded.get() {
        None => {
            view! { <p class="loading" role="status">"Loading the pricing config…"</p> }.into_any()
        }
        Some((_, Err(e))) => view! { <ErrorPanel error=e /> }.into_any(),
        Some((url, Ok(config))) => {
            let numbers = super::format::IntlNumbers::new(&config.currency, None);
            let (scenario, notices) = initial_scenario(&config, &url, &numbers);
            let theme = theme.clone();
            view! { <Calculator config scenario notices config_url=url present theme=theme.unwrap_or_default() persist=true /> }.into_any()
        }
    };
    view! {
        <header class="demo-header">
            <h1>"Tierwise: pay, or self-host?"</h1>
            <label>
                "Pricing config "
                <select on:change=pick prop:value=move || config_url.get()>
                    {SAMPLES.iter().map(|(path, name)| view! { <option value=*path>{*name}</option> }).collect_view()}
                    {move || {
                        let url = config_url.get();
                        (!SAMPLES.iter().any(|(p, _)| *p == url)).then(|| view! { <option value=url.clone()>{url.clone()}</option> })
                    }}
                </select>
            </label>
        </header>
        <main>{body}</main>
    }
}
