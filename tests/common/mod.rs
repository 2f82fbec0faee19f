//! Helpers shared by the native test files: a scenario's outcome, its timeline, a task's end; a
//! Python program run on the virtual clock.
#![allow(dead_code)]

use asyncio_playground::engine::{CancelCause, Finish, Run, TaskId, What};
use asyncio_playground::program::{python_source, Outcome, ProgramRun, TaskState};
use asyncio_playground::python::host::Py;
use asyncio_playground::python::outcome::ErrorInfo;
use asyncio_playground::python::{self, End, Options, Program};
use asyncio_playground::scenario::Spec;
use asyncio_playground::timeline::Timeline;
use std::cell::RefCell;
use std::rc::Rc;

/// Runs a spec on the virtual clock.
pub fn outcome(spec: &str) -> Outcome {
    let sc = Spec::parse(spec)
        .unwrap_or_else(|e| panic!("{spec}: {e}"))
        .scenario;
    ProgramRun::run_virtual(&sc, false).unwrap_or_else(|why| panic!("{spec}: stopped: {why}"))
}

/// Runs a spec on the virtual clock, recording the trace, and folds it into a timeline.
pub fn timeline(spec: &str) -> Timeline {
    let sc = Spec::parse(spec)
        .unwrap_or_else(|e| panic!("{spec}: {e}"))
        .scenario;
    let mut run = ProgramRun::new(&sc, true);
    run.program().run_virtual();
    let mut t = Timeline::new();
    if let Some(r) = run.run() {
        t.update(&r.borrow());
    }
    t
}

/// The CPython name of the task of `work(i)` (main is `Task-1`).
pub fn task(i: u32) -> String {
    format!("Task-{}", i + 2)
}

pub const MAIN: &str = "Task-1";

/// Runs a spec and returns how the task named `name` finished.
pub fn finish(spec: &str, name: &str) -> Finish {
    let t = timeline(spec);
    let lane = t
        .lane_named(name)
        .unwrap_or_else(|| panic!("{spec}: no task {name}"));
    lane.end
        .unwrap_or_else(|| panic!("{spec}: {name} did not finish"))
        .1
}

/// The cause of a task's cancellation (panics if it was not cancelled).
pub fn cancel_cause(spec: &str, name: &str) -> Option<CancelCause> {
    match finish(spec, name) {
        Finish::Cancelled { cause, .. } => cause,
        other => panic!("{name} was not cancelled: {other:?}"),
    }
}

/// Every task's state, in index order.
pub fn states(o: &Outcome) -> Vec<TaskState> {
    o.tasks.iter().map(|t| t.state).collect()
}

/// The printed lines.
pub fn lines(o: &Outcome) -> Vec<String> {
    o.stdout.clone()
}

/// The engine's id of the task named `name` in a timeline.
pub fn id(t: &Timeline, name: &str) -> TaskId {
    t.lane_named(name)
        .unwrap_or_else(|| panic!("no task {name}"))
        .task
}

/// The cause of the cancellation of the task named `name` in a timeline (panics if it was not
/// cancelled).
pub fn cause_in(t: &Timeline, name: &str) -> Option<CancelCause> {
    match t.lane_named(name).and_then(|l| l.end).map(|e| e.1) {
        Some(Finish::Cancelled { cause, .. }) => cause,
        other => panic!("{name} was not cancelled: {other:?}"),
    }
}

/// The number (from 1) of the first line of `source` that contains `needle`.
pub fn line_in(source: &str, needle: &str) -> u32 {
    let at = source.lines().position(|l| l.contains(needle));
    at.unwrap_or_else(|| panic!("{needle:?} is not in the program:\n{source}")) as u32 + 1
}

/// The number (from 1) of the first line of a spec's program that contains `needle`.
pub fn line_of(spec: &str, needle: &str) -> u32 {
    let sc = Spec::parse(spec)
        .unwrap_or_else(|e| panic!("{spec}: {e}"))
        .scenario;
    line_in(&python_source(&sc), needle)
}

/// `ValueError('Task {i} failed')`, as the outcome shows it.
pub fn value_error(i: u32) -> ErrorInfo {
    ErrorInfo {
        type_name: "ValueError".into(),
        message: format!("Task {i} failed"),
        exceptions: None,
    }
}

/// A Python program run to its end on the virtual clock, its trace recorded.
pub struct Ran {
    pub program: Program,
    pub outcome: python::Outcome,
}

/// Compiles `source` as `main.py` and runs it on the virtual clock, recording the trace.
pub fn run_program(source: &str) -> Ran {
    let options = Options {
        record_trace: true,
        ..Default::default()
    };
    let mut program =
        Program::new(source, "main.py", &options).unwrap_or_else(|e| panic!("{}", e.message()));
    let end = program.run_virtual();
    if let End::Stopped(why) = &end {
        panic!("the program stopped: {why}");
    }
    let outcome = python::Outcome::collect(&end);
    Ran { program, outcome }
}

impl Ran {
    /// The engine run of the program's (first) `asyncio.run`.
    pub fn run(&self) -> Rc<RefCell<Run<Py>>> {
        self.program
            .runs()
            .into_iter()
            .next()
            .expect("the program called asyncio.run")
    }

    /// Its timeline.
    pub fn timeline(&self) -> Timeline {
        let mut t = Timeline::new();
        t.update(&self.run().borrow());
        t
    }

    /// Each printed line with the loop pass it was printed in.
    pub fn printed(&self) -> Vec<(u32, String)> {
        let run = self.run();
        let events = run.borrow().trace_from(0);
        events
            .iter()
            .filter_map(|e| match e.what {
                What::Printed(i) => Some((e.pass, self.outcome.stdout[i as usize].clone())),
                _ => None,
            })
            .collect()
    }
}
