//! [`Run`]: `asyncio.run(main())` (`runners.Runner`) as a state machine a driver advances pass by pass.

use crate::api::Running;
use crate::asyncio::gather::gather;
use crate::callback::Callback;
use crate::clock::{Clock, Micros};
use crate::core::Core;
use crate::event_loop;
use crate::futures::FutState;
use crate::host::{Host, Report};
use crate::trace::{CancelCause, Event};
use crate::{Coro, TaskId};
use std::cell::RefCell;
use std::rc::Rc;

/// What the loop needs next, for a driver to provide.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Next {
    /// Callbacks are ready: run a pass now.
    Ready,
    /// Nothing is ready; the next timer is due at this time: run a pass then.
    At(Micros),
    /// `asyncio.run` has returned (or raised).
    Finished,
    /// Nothing is ready and no timer is armed, yet `asyncio.run` has not returned: CPython would
    /// wait forever.
    Stalled,
    /// The host stopped the run (a limit, a refusal).
    Halted,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Phase {
    /// `run_until_complete(main task)`.
    Main,
    /// `_cancel_all_tasks`: `run_until_complete(gather(*to_cancel, return_exceptions=True))`.
    Shutdown,
    /// `run_until_complete(loop.shutdown_asyncgens())`.
    AsyncGens,
    /// `run_until_complete(loop.shutdown_default_executor())`.
    Executor,
    Finished,
}

/// One `asyncio.run(main())`.
///
/// # Cancellation
/// When main finishes, the pass in which the loop learns it completes, then every task still
/// pending is cancelled (cause [`CancelCause::Shutdown`], in creation order: CPython iterates a set
/// there) and the loop runs until they have all finished, exactly like
/// `asyncio.runners._cancel_all_tasks`. Then the two shutdown tasks run, each for two passes.
///
/// # Errors
/// A `SystemExit` or `KeyboardInterrupt` raised in a task leaves the loop mid-pass; the shutdown
/// still runs, and [`Run::outcome`] is that exception.
pub struct Run<H: Host> {
    core: Rc<RefCell<Core<H>>>,
    phase: Phase,
    main: TaskId,
    /// The tasks `_cancel_all_tasks` cancelled.
    to_cancel: Vec<TaskId>,
    /// The exception that escaped the loop, if any.
    escaped: Option<H::Exc>,
}

/// The shutdown tasks' coroutine: `shutdown_asyncgens()` and `shutdown_default_executor()`
/// return at once when there is nothing to shut down.
async fn nothing_to_shut_down<H: Host>() -> Result<H::Value, H::Exc> {
    Ok(H::none())
}

impl<H: Host> Run<H> {
    /// Creates the loop at time `now` and the main task (`loop.create_task(main)`, named `name`);
    /// nothing runs until the first pass.
    pub fn new(
        now: Micros,
        record_trace: bool,
        main: Coro<H>,
        name: impl Into<crate::TaskName>,
        coro_name: Rc<str>,
    ) -> Run<H> {
        let mut core = Core::new(now, record_trace);
        let main = core.create_task(main, name, coro_name);
        // `run_until_complete` holds main until its `future.result()` (`Run::outcome`).
        core.hold_task(main);
        let fut = core.task_future(main);
        core.add_done_callback(fut, Callback::Stop);
        Run {
            core: Rc::new(RefCell::new(core)),
            phase: Phase::Main,
            main,
            to_cancel: Vec::new(),
            escaped: None,
        }
    }

    /// The main task.
    pub fn main(&self) -> TaskId {
        self.main
    }

    /// What the loop needs next.
    pub fn next_action(&mut self) -> Next {
        let mut core = self.core.borrow_mut();
        if core.halted {
            return Next::Halted;
        }
        if self.phase == Phase::Finished {
            return Next::Finished;
        }
        if core.in_pass || !core.ready.is_empty() || core.stopping {
            return Next::Ready;
        }
        core.timers.next_deadline().map_or(Next::Stalled, Next::At)
    }

    /// Runs one pass at time `now` (never earlier than the loop's time), then, if the loop was
    /// told to stop, moves `asyncio.run` on to its next phase.
    pub fn run_pass(&mut self, now: Micros) {
        self.run_pass_within(now, || false);
    }

    /// [`Run::run_pass`], but stops between two callbacks once `out_of_time()` says so (it is
    /// asked every few callbacks); returns whether the pass completed. An unfinished pass goes on
    /// at the next call; `next_action` says `Ready` meanwhile.
    pub fn run_pass_within(&mut self, now: Micros, out_of_time: impl FnMut() -> bool) -> bool {
        if self.phase == Phase::Finished || self.core.borrow().halted {
            return true;
        }
        if !self.core.borrow().in_pass {
            event_loop::begin_pass(&mut self.core.borrow_mut(), now);
        }
        if !event_loop::continue_pass(&self.core, out_of_time) {
            return false;
        }
        let escaping = self.core.borrow_mut().escaping.take();
        if let Some(exc) = escaping {
            self.escape(exc);
            return true;
        }
        let stopping = std::mem::take(&mut self.core.borrow_mut().stopping);
        if stopping {
            self.phase = self.next_phase();
        }
        true
    }

    /// A `SystemExit`/`KeyboardInterrupt` left the loop mid-pass: the callbacks not yet run stay
    /// in the ready queue, `run_until_complete` raises, and the runner shuts the loop down.
    fn escape(&mut self, exc: H::Exc) {
        {
            let mut core = self.core.borrow_mut();
            core.ntodo = 0;
            core.in_pass = false;
            core.stopping = false;
            // A SystemExit/KeyboardInterrupt main raised is retrieved as it is in CPython, by
            // `_run_until_complete_cb` run at shutdown: nothing logs it as never retrieved.
            let fut = core.task_future(self.main);
            if self.phase == Phase::Main && core.futs.is_done(fut) && !core.futs.is_cancelled(fut) {
                let _ = core.futs.exception(fut);
            }
        }
        if self.escaped.is_none() {
            self.escaped = Some(exc);
        }
        self.phase = match self.phase {
            Phase::Main => self.cancel_all_tasks(),
            _ => Phase::Finished,
        };
    }

    fn next_phase(&mut self) -> Phase {
        match self.phase {
            Phase::Main => self.cancel_all_tasks(),
            Phase::Shutdown => {
                self.report_shutdown_errors();
                self.start_shutdown_task(Phase::AsyncGens)
            }
            Phase::AsyncGens => self.start_shutdown_task(Phase::Executor),
            Phase::Executor | Phase::Finished => Phase::Finished,
        }
    }

    fn cancel_all_tasks(&mut self) -> Phase {
        let _running = Running::enter(self.core.clone());
        let mut core = self.core.borrow_mut();
        // `run_until_complete(main)` raised: the shutdown runs while that is being handled.
        let main_fut = core.task_future(self.main);
        core.handling = self
            .escaped
            .clone()
            .or_else(|| match core.futs.state(main_fut) {
                FutState::Finished(Err(e)) => Some(e.clone()),
                FutState::Cancelled(c) => c.exc.clone(),
                _ => None,
            });
        let to_cancel = core.pending_tasks();
        if to_cancel.is_empty() {
            drop(core);
            return self.start_shutdown_task(Phase::AsyncGens);
        }
        for &t in &to_cancel {
            core.task_cancel(t, None, CancelCause::Shutdown);
        }
        let futs: Vec<_> = to_cancel.iter().map(|&t| core.task_future(t)).collect();
        let outer = gather(&mut core, &futs, true);
        core.add_done_callback(outer, Callback::Stop);
        self.to_cancel = to_cancel;
        Phase::Shutdown
    }

    /// `unhandled exception during asyncio.run() shutdown`, for each task that failed meanwhile.
    fn report_shutdown_errors(&mut self) {
        for &t in &self.to_cancel {
            let failed = {
                let core = self.core.borrow();
                matches!(
                    core.futs.state(core.task_future(t)),
                    FutState::Finished(Err(_))
                )
            };
            if failed {
                H::report(Report::ShutdownError(t));
            }
        }
    }

    fn start_shutdown_task(&mut self, phase: Phase) -> Phase {
        let mut core = self.core.borrow_mut();
        let name: Rc<str> = Rc::from("");
        let coro_name: Rc<str> = Rc::from(match phase {
            Phase::AsyncGens => "BaseEventLoop.shutdown_asyncgens",
            _ => "BaseEventLoop.shutdown_default_executor",
        });
        let t = core.create_task(Box::pin(nothing_to_shut_down::<H>()), name, coro_name);
        core.tasks[t.0 as usize].internal = true;
        let fut = core.task_future(t);
        core.add_done_callback(fut, Callback::Stop);
        phase
    }

    /// Runs to the end on `clock`. Returns what stopped it: [`Next::Finished`], [`Next::Stalled`]
    /// or [`Next::Halted`].
    pub fn run_to_end(&mut self, clock: &mut impl Clock) -> Next {
        loop {
            match self.next_action() {
                Next::Ready => self.run_pass(clock.now()),
                Next::At(deadline) => {
                    clock.wait_until(deadline);
                    self.run_pass(clock.now());
                }
                other => return other,
            }
        }
    }

    /// What `asyncio.run` returns or raises, once finished: main's result, or the exception that
    /// escaped the loop. Retrieves main's exception.
    pub fn outcome(&mut self) -> Option<Result<H::Value, H::Exc>> {
        if self.phase != Phase::Finished {
            return None;
        }
        if let Some(exc) = &self.escaped {
            return Some(Err(exc.clone()));
        }
        let mut core = self.core.borrow_mut();
        let fut = core.task_future(self.main);
        Some(core.future_result(fut))
    }

    /// The loop itself, shared (for the host's objects to reach it between passes).
    pub fn core_handle(&self) -> Rc<RefCell<Core<H>>> {
        self.core.clone()
    }

    /// Whether `asyncio.run` has returned (or raised).
    pub fn is_finished(&self) -> bool {
        self.phase == Phase::Finished
    }

    /// Reads (or changes) the loop's state outside a pass.
    pub fn with_core<R>(&self, f: impl FnOnce(&mut Core<H>) -> R) -> R {
        f(&mut self.core.borrow_mut())
    }

    /// Runs `f` with this loop as the running loop (for the host to settle futures from outside,
    /// such as an interrupt from the page).
    pub fn enter<R>(&self, f: impl FnOnce() -> R) -> R {
        let _running = Running::enter(self.core.clone());
        f()
    }

    /// The time of the loop.
    pub fn now(&self) -> Micros {
        self.core.borrow().now
    }

    /// Passes run so far.
    pub fn passes(&self) -> u32 {
        self.core.borrow().pass
    }

    /// Callbacks run so far.
    pub fn callbacks_run(&self) -> u64 {
        self.core.borrow().callbacks_run
    }

    /// How many events the trace holds (0 when not recording).
    pub fn trace_len(&self) -> usize {
        self.core.borrow().trace.as_ref().map_or(0, |t| t.len())
    }

    /// When pass `pass` (from 1) began, if the trace recorded it.
    pub fn pass_start(&self, pass: u32) -> Option<Micros> {
        let core = self.core.borrow();
        let i = usize::try_from(pass).ok()?.checked_sub(1)?;
        core.trace.as_ref()?.pass_starts.get(i).copied()
    }

    /// The trace events from index `from` on.
    pub fn trace_from(&self, from: usize) -> Vec<Event> {
        let core = self.core.borrow();
        core.trace
            .as_ref()
            .map_or_else(Vec::new, |t| t.events_from(from).collect())
    }
}
