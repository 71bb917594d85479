//! The shell: Leptos components and browser glue around [`crate::model`].
//!
//! It only turns signals into views and events into inputs; every number comes from the model.

mod app;
mod format;
mod load;

pub use app::App;

/// Mounts the calculator on the page's body.
pub fn start() {
    leptos::mount::mount_to_body(App);
}
