//! A full calculator's memory (`persist`): it starts from the link's scenario, or the stored
//! one, and keeps its scenario in the page's address and local storage while the inputs rest.
//! The full layout's business, so it is in the full layout's chunk of wasm: a compact
//! calculator (a pricing page's) keeps nothing, and its visitor's scenario is what the full
//! layout opens with.

use super::ctx::Ctx;
use super::dom::effect;
use super::options::with_options;
use super::state;
use super::toolbar::current_query;
use crate::model::share::{from_query, PAGE_PARAMS};
use crate::model::{Scenario, Value};
use leptos::prelude::*;
use std::time::Duration;

/// How long the inputs must rest before the address and storage are updated (browsers
/// throttle `history.replaceState`).
const PERSIST_DELAY: Duration = Duration::from_millis(300);

/// A calculator's memory, for its full layout.
#[derive(Clone, Copy)]
pub struct Memory {
    /// The host's scenario options, to lay over a restored scenario as over the defaults; taken
    /// by the first full layout, and `None` from the start for a calculator that started compact.
    restore: StoredValue<Option<Vec<(String, Value)>>>,
}

impl Memory {
    /// A memory that restores the scenario when the first full layout shows (if `restore`,
    /// the host's scenario options go over it again).
    pub fn new(restore: Option<Vec<(String, Value)>>) -> Self {
        Memory {
            restore: StoredValue::new(restore),
        }
    }

    /// In the full layout: restores the scenario once, adding what could not be used to
    /// `notices`, then keeps it in the address and storage.
    pub fn start(self, ctx: Ctx, url: String, notices: RwSignal<Vec<String>>) {
        if let Some(options) = self.restore.try_update_value(Option::take).flatten() {
            let numbers = ctx.numbers();
            let restored = ctx.with_config(|c| {
                let (scenario, mut lines) = restored(c, &url, &numbers)?;
                let host = ctx.host.get_value();
                let (scenario, more) = with_options(c, scenario, &options, &numbers, host.as_ref());
                lines.extend(more);
                Some((scenario, lines))
            });
            if let Some((scenario, lines)) = restored {
                ctx.scenario.set(scenario);
                notices.update(|n| n.extend(lines));
            }
        }
        keep_in_address(ctx, url);
    }
}

fn param(pairs: &[(String, String)], name: &str) -> Option<String> {
    pairs
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.clone())
}

/// The link's scenario if it has one for this config, else the stored one, else `None`; with
/// what could not be restored, in words.
fn restored(
    config: &crate::model::Config,
    config_url: &str,
    numbers: &super::IntlNumbers,
) -> Option<(Scenario, Vec<String>)> {
    let link = state::query_pairs();
    let has_scenario = link.iter().any(|(k, _)| !PAGE_PARAMS.contains(&k.as_str()));
    let same_config =
        |pairs: &[(String, String)]| param(pairs, "config").is_none_or(|c| c == config_url);
    let pairs = if has_scenario && same_config(&link) {
        link
    } else {
        state::stored()
            .map(|s| state::parse_query(&s))
            .filter(|p| param(p, "config").as_deref() == Some(config_url))?
    };
    let (scenario, problems) = from_query(config, &pairs, numbers);
    Some((
        scenario,
        problems.iter().map(|p| numbers.problem(p)).collect(),
    ))
}

/// Keeps the scenario in the page's address and local storage, once the inputs rest.
fn keep_in_address(ctx: Ctx, url: String) {
    let pending = StoredValue::new_local(None::<TimeoutHandle>);
    effect(move || {
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
    // A destroyed calculator (or a full layout gone back to compact) writes nothing more.
    on_cleanup(move || {
        if let Some(Some(h)) = pending.try_get_value() {
            h.clear();
        }
    });
}
