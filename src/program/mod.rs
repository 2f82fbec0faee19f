//! The program a scenario stands for (contract section 3): built on the engine, run, and rendered as
//! outcome JSON, trace JSON lines, or the equivalent Python source.

mod json;
mod outcome;
mod patterns;
mod python;
mod trace_json;
mod traceback;

pub use outcome::{MainOutcome, Outcome, Returned, TaskOutcome, TaskState};
pub use python::python_source;
pub use trace_json::event_json;
pub use traceback::traceback;

use crate::engine::{Clock, Run, VirtualClock};
use crate::scenario::Scenario;
use std::cell::RefCell;
use std::rc::Rc;

/// A scenario's program on the engine, ready to be driven pass by pass (see [`Run`]).
///
/// # Examples
/// ```
/// use asyncio_playground::program::ScenarioRun;
/// use asyncio_playground::scenario::Spec;
/// let spec = Spec::parse("pattern=gather&tasks=3&sleep=3000,1000,2000&fail=1").unwrap();
/// let outcome = ScenarioRun::run_virtual(&spec.scenario, false);
/// assert_eq!(outcome.main.end_ms, 1000);
/// assert!(outcome.stdout.is_empty());
/// ```
pub struct ScenarioRun {
    run: Run,
    scenario: Rc<Scenario>,
    returned: Rc<RefCell<Option<Returned>>>,
}

impl ScenarioRun {
    /// Builds the program; `record_trace` keeps the full trace (the page needs it, the CLI's `run`
    /// does not).
    pub fn new(scenario: &Scenario, record_trace: bool) -> ScenarioRun {
        let scenario = Rc::new(scenario.clone());
        let returned = Rc::new(RefCell::new(None));
        let (sc, ret) = (scenario.clone(), returned.clone());
        let tasks = scenario.tasks as usize;
        let run = Run::new(record_trace, tasks, move |api| patterns::main(api, sc, ret));
        ScenarioRun {
            run,
            scenario,
            returned,
        }
    }

    /// Runs a scenario to the end on the virtual clock and returns its outcome.
    pub fn run_virtual(scenario: &Scenario, record_trace: bool) -> Outcome {
        let mut run = ScenarioRun::new(scenario, record_trace);
        run.run_to_end(&mut VirtualClock::default());
        run.outcome().expect("a finished run has an outcome")
    }

    /// Runs to the end on `clock`.
    pub fn run_to_end(&mut self, clock: &mut impl Clock) {
        let finished = self.run.run_to_end(clock);
        debug_assert!(finished, "the scenario programs never stall");
    }

    /// The engine run, to drive and to read.
    pub fn run(&mut self) -> &mut Run {
        &mut self.run
    }

    pub fn scenario(&self) -> &Scenario {
        &self.scenario
    }

    /// The lines printed so far (shared, not copied).
    pub fn stdout(&self) -> std::rc::Rc<Vec<crate::engine::Line>> {
        self.run.stdout()
    }

    /// The outcome (contract section 4), once `asyncio.run` has returned.
    pub fn outcome(&mut self) -> Option<Outcome> {
        Outcome::collect(
            &mut self.run,
            &self.scenario,
            self.returned.borrow().clone(),
        )
    }
}
