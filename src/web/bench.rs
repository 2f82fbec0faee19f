//! Entry points for `make bench`, called from the page by the benchmark harness (`bench/run.mjs`).

use super::page_clock::performance_now;
use crate::program::ProgramRun;
use crate::python::Next;
use crate::scenario::{Limits, Spec};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

const BENCH_LIMITS: Limits = Limits {
    max_tasks: 1_000_000,
    max_ms: 600_000,
};

fn wasm_memory_bytes() -> f64 {
    wasm_bindgen::memory()
        .dyn_into::<js_sys::WebAssembly::Memory>()
        .map_or(0.0, |m| {
            m.buffer()
                .unchecked_into::<js_sys::ArrayBuffer>()
                .byte_length() as f64
        })
}

/// Runs `spec` to the end on the virtual clock with the trace recorded; returns the ms it took.
#[wasm_bindgen]
pub fn bench_engine(spec: &str) -> Result<f64, JsError> {
    let sc = Spec::parse_with(spec, &BENCH_LIMITS)
        .map_err(|e| JsError::new(&e.to_string()))?
        .scenario;
    let start = performance_now();
    let outcome = ProgramRun::run_virtual(&sc, true).map_err(|e| JsError::new(&e))?;
    let took = performance_now() - start;
    if outcome.tasks.len() != sc.tasks as usize {
        return Err(JsError::new("the run lost tasks"));
    }
    Ok(took)
}

/// Wasm memory grown per task while `tasks` tasks sleep (main awaiting gather), trace recorded.
/// Meaningful in a fresh page (wasm memory never shrinks).
#[wasm_bindgen]
pub fn bench_memory(tasks: u32) -> Result<f64, JsError> {
    let spec = format!("pattern=gather&tasks={tasks}&sleep=1000");
    let sc = Spec::parse_with(&spec, &BENCH_LIMITS)
        .map_err(|e| JsError::new(&e.to_string()))?
        .scenario;
    let before = wasm_memory_bytes();
    let mut run = ProgramRun::new(&sc, true);
    // Main creates the tasks in the first pass, they start and sleep in the second.
    for _ in 0..2 {
        let program = run.program();
        if let Next::Ended(_) = program.next_action() {
            return Err(JsError::new("the program ended early"));
        }
        program.run_pass(program.now());
    }
    let timers = run
        .run()
        .map_or(0, |r| r.borrow().with_core(|c| c.armed_timers().len()));
    if timers != tasks as usize {
        return Err(JsError::new("not every task is sleeping"));
    }
    let grown = wasm_memory_bytes() - before;
    drop(run);
    Ok(grown / tasks as f64)
}
