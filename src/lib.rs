//! Tierwise: does self-hosting the free edition really cost less than paying?
//!
//! [`model`] is the engine (plain Rust); `web` is the Leptos shell, built for wasm32 only.

pub mod model;

#[cfg(target_arch = "wasm32")]
pub mod web;

/// Std's dlmalloc is replaced by a small size-class allocator (see `web::alloc` for why).
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: web::alloc::Classes = web::alloc::Classes::new();
