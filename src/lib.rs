//! asyncio-playground: see how Python's asyncio runs coroutines concurrently.
//!
//! [`engine`] is an asyncio-faithful event loop in pure Rust (the `asyncio-playground-engine` crate
//! in `crates/engine`, re-exported: the page builds it for speed and the rest for size);
//! [`scenario`] parses the scenario contract; [`program`] builds and runs the program a scenario
//! stands for, and renders its outcome and its Python source; [`time_text`] and [`timeline`] are
//! what the page and the CLI show of a run. The browser app lives in `web` (wasm32 only).

pub use asyncio_playground_engine as engine;
pub mod program;
pub mod scenario;
pub mod time_text;
pub mod timeline;

#[cfg(target_arch = "wasm32")]
pub mod web;

#[cfg(not(target_arch = "wasm32"))]
pub mod cpython;
