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

/// What [`mount`] drew in its parent: dropping it unmounts it (emptying the parent) and frees
/// its state.
pub struct Mounted(leptos::prelude::Owner, web_sys::HtmlElement);

/// Runs `draw` on `parent` under a reactive owner of its own (no Leptos view: the compact path
/// has none), with Leptos's executor started (for `spawn_local`), as `mount_to` would.
pub fn mount<T>(
    parent: web_sys::HtmlElement,
    draw: impl FnOnce(&web_sys::HtmlElement) -> T,
) -> (Mounted, T) {
    let _ = any_spawner::Executor::init_wasm_bindgen();
    let owner = leptos::prelude::Owner::new();
    let made = owner.with(|| draw(&parent));
    (Mounted(owner, parent), made)
}

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
    let (mounted, ()) = mount(parent, |parent| {
        let numbers = IntlNumbers::new(&config.currency, None);
        let ctx = Ctx::new(std::sync::Arc::new(config), scenario, numbers);
        app::calculator(parent, ctx, Vec::new(), String::new(), None);
    });
    mounted
}
