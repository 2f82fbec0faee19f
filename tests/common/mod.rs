//! Helpers shared by the native test files.
#![allow(dead_code)]

use asyncio_playground::engine::{CancelCause, Finish, VirtualClock, Who};
use asyncio_playground::program::{Outcome, ScenarioRun, TaskState};
use asyncio_playground::scenario::Spec;

/// Runs a spec on the virtual clock.
pub fn outcome(spec: &str) -> Outcome {
    let sc = Spec::parse(spec)
        .unwrap_or_else(|e| panic!("{spec}: {e}"))
        .scenario;
    ScenarioRun::run_virtual(&sc, false)
}

/// Runs a spec and returns how `who` finished.
pub fn finish(spec: &str, who: Who) -> Finish {
    let sc = Spec::parse(spec).unwrap().scenario;
    let mut run = ScenarioRun::new(&sc, true);
    run.run_to_end(&mut VirtualClock::default());
    run.run().end_of(who).expect("it finished").finish
}

/// The cause of `who`'s cancellation (panics if it was not cancelled).
pub fn cancel_cause(spec: &str, who: Who) -> Option<CancelCause> {
    match finish(spec, who) {
        Finish::Cancelled { cause, .. } => cause,
        other => panic!("{who} was not cancelled: {other:?}"),
    }
}

/// Every task's state, in index order.
pub fn states(o: &Outcome) -> Vec<TaskState> {
    o.tasks.iter().map(|t| t.state).collect()
}

/// The printed lines as text.
pub fn lines(o: &Outcome) -> Vec<String> {
    o.stdout.iter().map(|l| l.to_string()).collect()
}
