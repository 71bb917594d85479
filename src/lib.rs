//! Tierwise: does self-hosting the free edition really cost less than paying?
//!
//! [`model`] is the engine (plain Rust); `web` is the Leptos shell, built for wasm32 only.

pub mod model;

#[cfg(target_arch = "wasm32")]
pub mod web;
