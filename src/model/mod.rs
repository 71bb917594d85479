//! The functional core: the cost model of `shared/spec/model.md`, in plain Rust.
//!
//! Nothing here touches the browser, so it builds and is tested natively and in wasm alike,
//! and every function is deterministic. Documents come in as [`Value`]s, are checked once
//! into a [`Config`] and a [`Scenario`], and [`evaluate`] turns those into a [`Report`].

pub mod assumptions;
pub mod catalogue;
pub mod config;
pub mod cost;
pub mod decode;
pub mod expect;
pub mod explain;
pub mod messages;
pub mod migrate;
pub mod numbers;
pub mod option;
pub mod price;
pub mod problem;
pub mod report;
pub mod requirement;
pub mod scenario;
pub mod share;
pub mod sort;
pub mod uncertainty;
pub mod value;
pub mod verdict;
pub mod wins;

pub use config::Config;
pub use cost::Model;
pub use problem::{Problem, Problems};
pub use report::{evaluate, evaluate_to, Depth, Report};
pub use scenario::Scenario;
pub use value::Value;
