//! asyncio-playground: see how Python's asyncio runs coroutines concurrently.
//!
//! [`engine`] is an asyncio-faithful event loop in pure Rust (`crates/engine`) and [`python`] the
//! interpreter of the Python subset that runs on it (`crates/python`), both re-exported;
//! [`scenario`] parses the scenario contract; [`program`] writes the program a scenario stands
//! for, runs it through the interpreter and reads the scenario's outcome off the run;
//! [`time_text`] and [`timeline`] are what the page and the CLI show of a run, [`highlight`] how
//! the page colours a program. The browser app
//! lives in `web` (wasm32 only).

pub use asyncio_playground_engine as engine;
pub use asyncio_playground_python as python;
pub mod axis;
pub mod compare;
pub mod gallery;
pub mod highlight;
pub mod moments;
pub mod program;
pub mod scenario;
pub mod time_text;
pub mod timeline;

#[cfg(target_arch = "wasm32")]
pub mod web;

#[cfg(not(target_arch = "wasm32"))]
pub mod cpython;

#[cfg(not(target_arch = "wasm32"))]
mod native_alloc;

/// Counts each thread's live bytes, for the interpreter's memory limit (the page installs the
/// same wrapper around its own allocator).
#[cfg(not(target_arch = "wasm32"))]
#[global_allocator]
static ALLOCATOR: asyncio_playground_python::memory::Counting<native_alloc::Mimalloc> =
    asyncio_playground_python::memory::Counting(native_alloc::Mimalloc);
