//! A program: compiled, then run — its module code on a thread that suspends at `asyncio.run`
//! while a driver runs the loop (the CLI on the virtual clock, the page on either clock).

use crate::compile::code::Code;
use crate::compile::compile_module;
use crate::host::Py;
use crate::modules::asyncio::runner;
use crate::objects::function::Globals;
use crate::objects::{Raised, Value};
use crate::syntax::error::CompileError;
use crate::vm::exec::Thread;
use crate::vm::frame::Frame;
use crate::vm::interp;
use asyncio_playground_engine::fast_hash::FastMap;
use asyncio_playground_engine::{Micros, Run};
use std::cell::RefCell;
use std::rc::Rc;
use std::task::{Context, Poll, Waker};

/// How a program ended.
#[derive(Clone)]
pub enum End {
    /// The module ran to its end.
    Done,
    /// An exception escaped (printed on stderr, as CPython does).
    Raised(Raised),
    /// A refusal or a limit stopped it.
    Stopped(String),
}

/// What a program needs next.
pub enum Step {
    /// It ended.
    Ended(End),
    /// `asyncio.run` is in progress: drive this run, then call [`Program::resume`] again.
    Loop(Rc<RefCell<Run<Py>>>, Rc<crate::modules::asyncio::Loop>),
}

/// The stack of a thread that runs one program and nothing else (the CLI's, the tests'
/// oracle's): room for CPython's whole recursion limit through native calls (about 5 KB a
/// level in a release build, and up to ten times that in a debug one), reserved rather than
/// used. Run with [`Options::on_program_thread`].
pub const PROGRAM_THREAD_STACK: usize = 256 << 20;

/// Options of a run.
#[derive(Clone, Debug)]
pub struct Options {
    /// Keep the engine's trace (the page needs it; the CLI's `run` does not).
    pub record_trace: bool,
    /// The virtual-time limit.
    pub max_time: Micros,
    /// Functions whose frame ends are recorded (`interp::FrameEnd`; scenarios watch `work` and
    /// `main`).
    pub watch: Vec<Rc<str>>,
    /// How much of its thread's native stack the program may use (Python code called from
    /// native code, a sort's key or a `__str__`, nests on it; beyond this the run stops).
    pub native_stack: usize,
}

impl Options {
    /// The options for a program run on a thread of [`PROGRAM_THREAD_STACK`] bytes: it may use
    /// all but 8 MiB of that stack.
    pub fn on_program_thread() -> Options {
        Options {
            native_stack: PROGRAM_THREAD_STACK - (8 << 20),
            ..Options::default()
        }
    }
}

impl Default for Options {
    fn default() -> Self {
        Options {
            record_trace: false,
            max_time: 24 * 3600 * 1_000_000,
            watch: Vec::new(),
            native_stack: crate::vm::interp::DEFAULT_NATIVE_STACK,
        }
    }
}

pub struct Program {
    thread: Option<Thread>,
    pub end: Option<End>,
    /// The `asyncio.run` in progress, between [`Program::next_action`] and the passes it asks for.
    active: Option<crate::modules::asyncio::runner::ActiveRun>,
    /// The module's globals, cleared when the program ends (as at interpreter exit).
    globals: Option<Rc<Globals>>,
}

/// What a program needs from its driver next (see [`Program::next_action`]).
#[derive(Clone)]
pub enum Next {
    /// It ended.
    Ended(End),
    /// A pass of the loop can run now.
    Ready,
    /// The loop waits until this time (µs of program time; the virtual clock wakes at the
    /// next whole millisecond).
    At(Micros),
}

/// Parses, checks and compiles a program.
///
/// # Errors
/// A syntax error (CPython's message) or a construct refused before running.
pub fn compile(source: &str, filename: &str) -> Result<Rc<Code>, CompileError> {
    crate::syntax::warnings::clear();
    let tree = crate::syntax::parse(source)?;
    crate::refuse::check(&tree)?;
    compile_module(&tree, filename)
}

impl Program {
    /// Compiles `source` and gets it ready to run (the interpreter's state starts afresh).
    ///
    /// # Errors
    /// As [`compile`].
    pub fn new(source: &str, filename: &str, options: &Options) -> Result<Program, CompileError> {
        let code = compile(source, filename)?;
        let warnings = crate::syntax::warnings::take();
        interp::reset();
        interp::with(|i| {
            *i.source.borrow_mut() = Rc::from(source);
            *i.filename.borrow_mut() = Rc::from(filename);
            i.record_trace.set(options.record_trace);
            i.max_time.set(options.max_time);
            i.stack_budget.set(options.native_stack);
            *i.watch.borrow_mut() = options.watch.clone();
        });
        for (line, message) in warnings {
            let text = crate::syntax::warnings::format(filename, source, line, &message);
            interp::write_stderr(&text);
        }
        crate::builtins::install();
        let mut globals = FastMap::default();
        globals.insert(Rc::from("__name__"), Value::str("__main__"));
        globals.insert(Rc::from("__file__"), Value::str(filename));
        let doc = code.doc.clone().map_or(Value::None, Value::Str);
        globals.insert(Rc::from("__doc__"), doc);
        let globals: Rc<Globals> = Rc::new(RefCell::new(globals));
        crate::vm::teardown::track(&globals);
        let frame = Frame::module(code, globals.clone());
        Ok(Program {
            thread: Some(Thread::new(frame)),
            end: None,
            active: None,
            globals: Some(globals),
        })
    }

    /// A program that has already ended, stopped for `why` (for a driver that could not make the
    /// one it wanted).
    pub fn stopped(why: String) -> Program {
        Program {
            thread: None,
            end: Some(End::Stopped(why)),
            active: None,
            globals: None,
        }
    }

    /// Runs the module code until it ends or needs a loop driven.
    pub fn resume(&mut self) -> Step {
        if let Some(end) = &self.end {
            return Step::Ended(end.clone());
        }
        let Some(thread) = self.thread.as_mut() else {
            return Step::Ended(End::Done);
        };
        interp::with(|i| i.ops.set(0));
        let mut cx = Context::from_waker(Waker::noop());
        match thread.poll_run(&mut cx) {
            Poll::Pending => match runner::active() {
                Some((run, lp)) => Step::Loop(run, lp),
                None => {
                    // The run ended (or stopped) between polls: poll again to take its result.
                    match thread.poll_run(&mut cx) {
                        Poll::Pending => {
                            self.finish(End::Stopped("the program is waiting on nothing".into()))
                        }
                        Poll::Ready(r) => self.settle(r),
                    }
                }
            },
            Poll::Ready(r) => self.settle(r),
        }
    }

    fn settle(&mut self, r: Result<Value, Raised>) -> Step {
        let end = match r {
            Ok(_) => End::Done,
            Err(e) if e.is_stop() => {
                let why =
                    interp::with(|i| i.stop.borrow().clone()).unwrap_or_else(|| "stopped".into());
                End::Stopped(why)
            }
            Err(e) => {
                interp::write_stderr(&crate::traceback::format_exception(&e));
                End::Raised(e)
            }
        };
        self.finish(end)
    }

    fn finish(&mut self, end: End) -> Step {
        self.end = Some(end.clone());
        // The uncaught exception goes (`sys.last_exc`, the first thing interpreter exit clears),
        // and with it the locals of the frames it passed through; so do the main tasks'.
        // No frame runs any more: what this frees warns from `<sys>:0`.
        interp::set_line(0);
        let mut held = interp::with(|i| std::mem::take(&mut *i.main_exceptions.borrow_mut()));
        if let End::Raised(e) = &end {
            held.insert(0, e.clone());
        }
        for e in held {
            crate::objects::exception::release_frames(&e);
        }
        for log in interp::with(|i| std::mem::take(&mut *i.deferred_logs.borrow_mut())) {
            log.write();
        }
        // The module's globals go, as at interpreter exit: coroutines nobody awaited warn now,
        // from no frame (`<sys>:0:`). `_PyModule_ClearDict` clears the names with one leading
        // underscore first (the playground's globals keep no order beyond that).
        interp::set_line(0);
        self.thread = None;
        if let Some(globals) = self.globals.take() {
            interp::with(|i| i.exiting.set(true));
            let entries = std::mem::take(&mut *globals.borrow_mut());
            let (private, public): (Vec<_>, Vec<_>) = entries
                .into_iter()
                .partition(|(name, _)| name.starts_with('_') && !name.starts_with("__"));
            drop(private);
            drop(public);
            interp::with(|i| {
                i.exiting.set(false);
                i.deferred_logs.borrow_mut().clear();
            });
        }
        Step::Ended(end)
    }

    /// Runs the whole program on the virtual clock.
    pub fn run_virtual(&mut self) -> End {
        loop {
            match self.next_action() {
                Next::Ended(end) => return end,
                Next::Ready => self.run_pass(self.now()),
                Next::At(deadline) => {
                    let mut clock = asyncio_playground_engine::VirtualClock::at(self.now());
                    asyncio_playground_engine::Clock::wait_until(&mut clock, deadline);
                    self.run_pass(asyncio_playground_engine::Clock::now(&clock));
                }
            }
        }
    }

    /// What the program needs next: the module code runs until it ends or a loop needs
    /// driving, and the limits are applied (virtual time, a loop waiting on nothing).
    pub fn next_action(&mut self) -> Next {
        loop {
            if let Some((run, _)) = &self.active {
                match runner::next_step(run) {
                    Some(asyncio_playground_engine::Next::At(t)) => return Next::At(t),
                    Some(_) => return Next::Ready,
                    None => self.active = None,
                }
            }
            match self.resume() {
                Step::Ended(end) => return Next::Ended(end),
                Step::Loop(run, lp) => self.active = Some((run, lp)),
            }
        }
    }

    /// Runs one pass of the loop at `now` (after [`Program::next_action`] said `Ready` or `At`).
    pub fn run_pass(&mut self, now: Micros) {
        self.run_pass_within(now, || false);
    }

    /// [`Program::run_pass`], stopping between two callbacks once `out_of_time()` says so;
    /// returns whether the pass completed (an unfinished one goes on at the next call).
    pub fn run_pass_within(&mut self, now: Micros, out_of_time: impl FnMut() -> bool) -> bool {
        match &self.active {
            Some((run, lp)) => runner::pass_within(run, lp, now, out_of_time),
            None => true,
        }
    }

    /// The program's time now: the running loop's, or its own clock between loops.
    pub fn now(&self) -> Micros {
        match &self.active {
            Some((run, _)) => run.borrow().now(),
            None => interp::with(|i| i.clock.get()),
        }
    }

    /// Every `asyncio.run` the program has started, in order (finished or running): their
    /// engine runs, to read traces and tasks.
    pub fn runs(&self) -> Vec<Rc<RefCell<Run<Py>>>> {
        interp::with(|i| i.runs.borrow().iter().map(|(run, _)| run.clone()).collect())
    }

    /// The loop in progress, if any (to read its trace).
    pub fn active_run(&self) -> Option<Rc<RefCell<Run<Py>>>> {
        self.active.as_ref().map(|(run, _)| run.clone())
    }
}
