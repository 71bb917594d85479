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

pub use ctx::Ctx;
pub use format::IntlNumbers;
pub use load::{fetch_config, LoadError};

use crate::model::{Config, Scenario};

/// A calculator [`mount_calculator`] put in its parent: dropping it unmounts it (emptying the
/// parent) and frees its state.
pub struct Mounted(leptos::prelude::Owner, web_sys::HtmlElement);

impl Drop for Mounted {
    fn drop(&mut self) {
        self.0.cleanup();
        self.1.set_text_content(None);
    }
}

/// Mounts a calculator for `config`, starting at `scenario`, inside `parent`; it keeps nothing
/// in the address or storage and dispatches no events.
pub fn mount_calculator(
    parent: web_sys::HtmlElement,
    config: Config,
    scenario: Scenario,
) -> Mounted {
    let _ = any_spawner::Executor::init_wasm_bindgen();
    let owner = leptos::prelude::Owner::new();
    owner.with(|| {
        let numbers = IntlNumbers::new(&config.currency, None);
        let ctx = Ctx::new(std::sync::Arc::new(config), scenario, numbers);
        app::calculator(&parent, ctx, Vec::new(), String::new(), None);
    });
    Mounted(owner, parent)
}
