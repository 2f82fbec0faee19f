//! The program that runs: the one a scenario stands for (contract section 3), its Python source
//! run by the interpreter like any program and the scenario outcome (contract section 4) read off
//! that run; or the learner's own, with the program outcome (programs contract section 6).

mod outcome;
mod python;

pub use outcome::{MainOutcome, Outcome, ResultItem, Returned, TaskOutcome, TaskState};
pub use python::python_source;

use crate::scenario::Scenario;
use asyncio_playground_python::syntax::error::CompileError;
use asyncio_playground_python::vm::interp::{self, ErrLine};
use asyncio_playground_python::{End, Options, Program};
use std::rc::Rc;

/// The functions whose frame ends a scenario's outcome is read from: `work(i)`'s (the
/// coroutines of `sequential`) and `main`'s (the names it had bound: `results`, `done`,
/// `pending`).
const WATCHED: [&str; 2] = ["work", "main"];

/// A program compiled and ready to be driven (see [`Program::next_action`]): the one a scenario
/// stands for, or the learner's own.
///
/// The interpreter's state is per thread: making a `ProgramRun` (or any [`Program`]) starts it
/// afresh, so read what you need of one run before starting the next.
///
/// # Examples
/// ```
/// use asyncio_playground::program::ProgramRun;
/// use asyncio_playground::scenario::Spec;
/// let spec = Spec::parse("pattern=gather&tasks=3&sleep=3000,1000,2000&fail=1").unwrap();
/// let outcome = ProgramRun::run_virtual(&spec.scenario, false).unwrap();
/// assert_eq!(outcome.main.end_ms, 1000);
/// assert!(outcome.stdout.is_empty());
/// ```
pub struct ProgramRun {
    program: Program,
    /// The scenario the program was written from (its outcome is then the scenario contract's);
    /// `None` for a program of the learner's own.
    scenario: Option<Rc<Scenario>>,
    source: Rc<str>,
    /// The outcome and its JSON, once [`ProgramRun::prepare_end`] read them (the program has
    /// ended) and until [`ProgramRun::take_end`] hands them over.
    prepared: Option<RunEnd>,
}

/// How a run ended: its outcome with its JSON, or why it was stopped.
pub type RunEnd = Result<(RunOutcome, String), String>;

/// How a run ended, read off the interpreter once the program has ended.
#[derive(Clone, Debug, PartialEq)]
pub enum RunOutcome {
    /// A scenario's program: the scenario outcome (which holds the program outcome too).
    Scenario(Box<Outcome>),
    /// The learner's own program: the program outcome (programs contract, section 6) and what
    /// it wrote on stderr.
    Program {
        program: Box<asyncio_playground_python::Outcome>,
        stderr: Vec<ErrLine>,
    },
}

impl RunOutcome {
    /// The run as any program's outcome.
    pub fn program(&self) -> &asyncio_playground_python::Outcome {
        match self {
            RunOutcome::Scenario(o) => &o.program,
            RunOutcome::Program { program, .. } => program,
        }
    }

    /// What the program wrote on stderr (a traceback, warnings), with the time of each line.
    pub fn stderr(&self) -> &[ErrLine] {
        match self {
            RunOutcome::Scenario(o) => &o.stderr,
            RunOutcome::Program { stderr, .. } => stderr,
        }
    }

    /// The scenario outcome, for a scenario's program.
    pub fn scenario(&self) -> Option<&Outcome> {
        match self {
            RunOutcome::Scenario(o) => Some(o),
            RunOutcome::Program { .. } => None,
        }
    }

    /// The outcome JSON: the scenario contract's for a scenario, the programs contract's for a
    /// program (what the CLI's `run` prints for each).
    pub fn to_json(&self) -> String {
        match self {
            RunOutcome::Scenario(o) => o.to_json(),
            RunOutcome::Program { program, .. } => program.to_json(),
        }
    }
}

impl ProgramRun {
    /// Writes the scenario's program and compiles it; `record_trace` keeps the engine's full
    /// trace (the page needs it, the CLI's `run` does not).
    pub fn new(scenario: &Scenario, record_trace: bool) -> ProgramRun {
        let source: Rc<str> = Rc::from(python_source(scenario));
        let options = Options {
            record_trace,
            // A scenario is bounded by the scenario contract, not by the programs' time limit.
            max_time: u64::MAX,
            watch: WATCHED.iter().map(|&f| Rc::from(f)).collect(),
            ..Options::default()
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
        ProgramRun {
            program,
            scenario: Some(Rc::new(scenario.clone())),
            source,
            prepared: None,
        }
    }

    /// Compiles a program of the learner's own, named `filename` in its tracebacks, within the
    /// programs contract's limits.
    ///
    /// # Errors
    /// The syntax error or refusal that keeps it from running.
    pub fn of_source(
        source: &str,
        filename: &str,
        record_trace: bool,
    ) -> Result<ProgramRun, CompileError> {
        let options = Options {
            record_trace,
            ..Options::default()
        };
        Ok(ProgramRun {
            program: Program::new(source, filename, &options)?,
            scenario: None,
            source: Rc::from(source),
            prepared: None,
        })
    }

    /// Runs a scenario to the end on the virtual clock and returns its outcome.
    ///
    /// # Errors
    /// Why the run stopped, if it did (a limit of the interpreter).
    pub fn run_virtual(scenario: &Scenario, record_trace: bool) -> Result<Outcome, String> {
        let mut run = ProgramRun::new(scenario, record_trace);
        run.program.run_virtual();
        match run.outcome() {
            Some(Ok(RunOutcome::Scenario(o))) => Ok(*o),
            Some(Err(why)) => Err(why),
            _ => Err("the run did not end".into()),
        }
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

    /// The scenario the program was written from (`None` for the learner's own).
    pub fn scenario(&self) -> Option<&Scenario> {
        self.scenario.as_deref()
    }

    /// The Python text that runs.
    pub fn source(&self) -> &Rc<str> {
        &self.source
    }

    /// The outcome once the program has ended: `Err` with the reason if it was stopped.
    pub fn outcome(&self) -> Option<Result<RunOutcome, String>> {
        let end = self.program.end.as_ref()?;
        if let End::Stopped(why) = end {
            return Some(Err(why.clone()));
        }
        Some(Ok(match &self.scenario {
            Some(scenario) => RunOutcome::Scenario(Box::new(Outcome::collect(scenario, end))),
            None => RunOutcome::Program {
                program: Box::new(asyncio_playground_python::Outcome::collect(end)),
                stderr: interp::with(|i| i.err.borrow().clone()),
            },
        }))
    }

    /// Reads the outcome and writes its JSON, once the program has ended (does nothing before,
    /// or when they are already read): the page does this in a task of its own, so that for
    /// 100,000 tasks neither it nor the render that shows it keeps the page from its input.
    pub fn prepare_end(&mut self) {
        if self.prepared.is_none() {
            self.prepared = self.outcome().map(|r| {
                r.map(|o| {
                    let json = o.to_json();
                    (o, json)
                })
            });
        }
    }

    /// The outcome and its JSON (read now unless [`ProgramRun::prepare_end`] did), handed over
    /// once; `None` while the program runs.
    pub fn take_end(&mut self) -> Option<RunEnd> {
        self.prepare_end();
        self.prepared.take()
    }
}
