//! The program a scenario stands for (contract section 3): its Python source, run by the
//! interpreter like any program, and the scenario outcome (contract section 4) read off that run.

mod outcome;
mod python;

pub use outcome::{MainOutcome, Outcome, ResultItem, Returned, TaskOutcome, TaskState};
pub use python::python_source;

use crate::scenario::Scenario;
use asyncio_playground_python::{End, Options, Program};
use std::rc::Rc;

/// The functions whose frame ends a scenario's outcome is read from: `work(i)`'s (the
/// coroutines of `sequential`) and `main`'s (the names it had bound: `results`, `done`,
/// `pending`).
const WATCHED: [&str; 2] = ["work", "main"];

/// A scenario's program, compiled and ready to be driven (see [`Program::next_action`]).
///
/// The interpreter's state is per thread: making a `ScenarioRun` (or any [`Program`]) starts it
/// afresh, so read what you need of one run before starting the next.
///
/// # Examples
/// ```
/// use asyncio_playground::program::ScenarioRun;
/// use asyncio_playground::scenario::Spec;
/// let spec = Spec::parse("pattern=gather&tasks=3&sleep=3000,1000,2000&fail=1").unwrap();
/// let outcome = ScenarioRun::run_virtual(&spec.scenario, false).unwrap();
/// assert_eq!(outcome.main.end_ms, 1000);
/// assert!(outcome.stdout.is_empty());
/// ```
pub struct ScenarioRun {
    program: Program,
    scenario: Rc<Scenario>,
    source: Rc<str>,
}

impl ScenarioRun {
    /// Writes the scenario's program and compiles it; `record_trace` keeps the engine's full
    /// trace (the page needs it, the CLI's `run` does not).
    pub fn new(scenario: &Scenario, record_trace: bool) -> ScenarioRun {
        let source: Rc<str> = Rc::from(python_source(scenario));
        let options = Options {
            record_trace,
            // A scenario is bounded by the scenario contract, not by the programs' time limit.
            max_time: u64::MAX,
            watch: WATCHED.iter().map(|&f| Rc::from(f)).collect(),
        };
        let program = Program::new(&source, "main.py", &options).unwrap_or_else(|e| {
            // The generator writes only what the interpreter runs (tests/python_source.rs
            // compiles every pattern); should that ever break, the run says so instead of
            // panicking.
            Program::stopped(format!(
                "the scenario's program does not compile: {}",
                e.message()
            ))
        });
        ScenarioRun {
            program,
            scenario: Rc::new(scenario.clone()),
            source,
        }
    }

    /// Runs a scenario to the end on the virtual clock and returns its outcome.
    ///
    /// # Errors
    /// Why the run stopped, if it did (a limit of the interpreter).
    pub fn run_virtual(scenario: &Scenario, record_trace: bool) -> Result<Outcome, String> {
        let mut run = ScenarioRun::new(scenario, record_trace);
        run.program.run_virtual();
        run.outcome()
            .unwrap_or_else(|| Err("the run did not end".into()))
    }

    /// The program, to drive and to read.
    pub fn program(&mut self) -> &mut Program {
        &mut self.program
    }

    /// The engine run of the program's `asyncio.run` (once main has been started).
    pub fn run(
        &self,
    ) -> Option<
        Rc<std::cell::RefCell<asyncio_playground_engine::Run<asyncio_playground_python::host::Py>>>,
    > {
        self.program.runs().into_iter().next()
    }

    pub fn scenario(&self) -> &Scenario {
        &self.scenario
    }

    /// The Python text that runs.
    pub fn source(&self) -> &Rc<str> {
        &self.source
    }

    /// The outcome (contract section 4) once the program has ended: `Err` with the reason if it
    /// was stopped.
    pub fn outcome(&self) -> Option<Result<Outcome, String>> {
        match self.program.end.as_ref()? {
            End::Stopped(why) => Some(Err(why.clone())),
            end => Some(Ok(Outcome::collect(&self.scenario, end))),
        }
    }
}
