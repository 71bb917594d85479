//! The shell: Leptos components and browser glue around [`crate::model`].
//!
//! It only turns signals into views and events into inputs; every number comes from the model.

pub mod alloc;
mod api;
mod app;
mod assumptions;
mod charts;
mod ctx;
pub mod dom;
pub mod embed;
mod events;
mod format;
mod inputs;
pub mod js;
pub mod load;
mod loader;
mod options;
mod persist;
mod present;
mod report;
mod results;
pub mod split;
pub mod state;
mod toolbar;

pub use app::Calculator;
pub use ctx::Ctx;
pub use format::IntlNumbers;
pub use load::{fetch_config, LoadError};

use crate::model::{Config, Scenario};

/// Mounts a calculator for `config`, starting at `scenario`, inside `parent`; it keeps nothing
/// in the address or storage and dispatches no events. Dropping the handle unmounts it.
pub fn mount_calculator(
    parent: web_sys::HtmlElement,
    config: Config,
    scenario: Scenario,
) -> leptos::mount::UnmountHandle<impl leptos::tachys::view::Mountable> {
    use leptos::prelude::*;
    leptos::mount::mount_to(parent, move || {
        let numbers = IntlNumbers::new(&config.currency, None);
        let ctx = Ctx::new(std::sync::Arc::new(config), scenario, numbers);
        view! { <Calculator ctx config_url="" /> }
    })
}
