//! Runs one scenario with the trace recorded, for profilers: `cargo run --release --example profile_run -- SPEC`.
use asyncio_playground::program::ProgramRun;
use asyncio_playground::scenario::{Limits, Spec};

fn main() {
    let spec = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "pattern=gather&tasks=100000&sleep=0".into());
    let limits = Limits {
        max_tasks: 1_000_000,
        max_ms: 600_000,
    };
    let sc = Spec::parse_with(&spec, &limits)
        .expect("a valid spec")
        .scenario;
    let start = std::time::Instant::now();
    match ProgramRun::run_virtual(&sc, true) {
        Ok(outcome) => eprintln!("{} tasks in {:?}", outcome.tasks.len(), start.elapsed()),
        Err(why) => eprintln!("stopped after {:?}: {why}", start.elapsed()),
    }
}
