//! asyncio-playground's interpreter: a subset of Python 3.13, run on the engine.
//!
//! Source goes through [`syntax`] (tokens, then a tree with spans), [`refuse`] (constructs
//! outside the subset) and [`compile`] (bytecode per function); [`vm`] runs it, with the objects
//! of [`objects`] and the built-ins of [`builtins`]; [`modules`] are `asyncio`, `time` and
//! `random`, thin bindings over the engine ([`host`] is what the engine sees of Python). A
//! [`program::Program`] is one run; [`outcome`] is what it did, [`traceback`] how CPython prints
//! its exceptions.

pub mod builtins;
pub mod compile;
pub mod cpython_attrs;
pub mod host;
pub mod json;
pub mod memory;
pub mod modules;
pub mod numfmt;
pub mod objects;
pub mod outcome;
pub mod passes;
pub mod program;
pub mod refuse;
pub mod stdlib_names;
pub mod suggestions;
pub mod syntax;
pub mod trace_json;
pub mod traceback;
pub mod vm;

pub use outcome::Outcome;
pub use program::{End, Next, Options, Program, Step, PROGRAM_THREAD_STACK};
