//! The loop's state outside the coroutines, and the public future primitive everything in
//! [`crate::asyncio`] is built on (as CPython builds `locks.py` and `queues.py` on
//! `loop.create_future()`): create a future, settle it, cancel it, add done-callbacks, schedule
//! callbacks and timers.

use crate::callback::{Callback, HandleId, Ready};
use crate::chunked::Chunked;
use crate::clock::Micros;
use crate::futures::{FutState, Futures, Kind};
use crate::host::{ErrorKind, Host};
use crate::task::TaskState;
use crate::timers::Timers;
use crate::trace::{Awaiting, Recorder, What};
use crate::{FutId, TaskId};
use std::collections::VecDeque;

/// What the running coroutine handed back to its task when it returned `Pending`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) enum Yielded {
    /// Nothing yet (a coroutine must not return `Pending` without yielding).
    #[default]
    Nothing,
    /// A bare `yield` (`asyncio.sleep(0)`): step again next pass.
    Bare,
    /// `yield fut`: wake up when `fut` is done.
    Fut(FutId),
    /// `yield future` in `asyncio.sleep(delay)`, whose timer is due at this time: wake up when
    /// it fires ([`crate::task::Waiter::Sleep`]).
    Sleep(Micros),
}

/// The step in progress. Invariant: `throw_in` is `Some` only while a step that must raise into
/// the coroutine is polling, and the awaitable it resumes at takes it.
pub(crate) struct StepState<H: Host> {
    pub(crate) current: Option<TaskId>,
    pub(crate) throw_in: Option<H::Exc>,
    pub(crate) yielded: Yielded,
    /// The source line the program is at (set by the host before it awaits or calls into asyncio).
    pub(crate) line: u32,
}

impl<H: Host> Default for StepState<H> {
    fn default() -> Self {
        StepState {
            current: None,
            throw_in: None,
            yielded: Yielded::Nothing,
            line: 0,
        }
    }
}

/// What the loop let go of when a done-callback's handle had run (see
/// [`Core::done_callback_ran`]).
pub(crate) enum Released {
    /// A failed task's future: [`Host::task_released`].
    Task(TaskId),
    /// A failed future of another kind: [`Host::future_released`].
    Future(FutId),
}

/// The loop: ready queue, timers, futures, tasks and trace.
pub struct Core<H: Host> {
    /// The loop's time (`loop.time()`): the time of the current pass, moved on by blocking calls.
    pub(crate) now: Micros,
    /// Passes run so far.
    pub(crate) pass: u32,
    /// FIFO of callbacks (`_ready`); a pass runs only those present when it began.
    pub(crate) ready: VecDeque<Ready<H>>,
    /// `ntodo`: how many callbacks at the front of `ready` the pass in progress has still to run;
    /// 0 between passes.
    pub(crate) ntodo: usize,
    /// A pass has begun and its batch has not all run yet.
    pub(crate) in_pass: bool,
    pub(crate) timers: Timers<H>,
    pub(crate) futs: Futures<H>,
    /// Every task of the run, in creation order (main is the first).
    pub(crate) tasks: Chunked<TaskState<H>>,
    /// The tasks' coroutine names.
    pub(crate) coro_names: crate::task::CoroNames,
    /// The names the program gave its tasks (`create_task(name=…)`, `set_name`); most tasks
    /// are `Task-N`, and hold only `N`.
    pub(crate) given_names: crate::fast_hash::FastMap<TaskId, std::rc::Rc<str>>,
    /// While tracing, each `set_name`: the pass it was made in, the task, and the name the task
    /// had before (what the passes before that one knew it by).
    pub(crate) renames: Vec<(u32, TaskId, std::rc::Rc<str>)>,
    pub(crate) step: StepState<H>,
    /// Set by a `Stop` callback: the loop stops once the current pass is over.
    pub(crate) stopping: bool,
    /// A `SystemExit` or `KeyboardInterrupt` escaped a step: it leaves the loop mid-pass.
    pub(crate) escaping: Option<H::Exc>,
    /// The exception `asyncio.run` is handling while it shuts the loop down: what
    /// `run_until_complete(main)` raised (its `with Runner()` exits with it). An exception raised
    /// in a task meanwhile has it as its `__context__`.
    pub(crate) handling: Option<H::Exc>,
    /// The host stopped the run (a limit, a refusal): nothing more runs.
    pub(crate) halted: bool,
    /// Callbacks run so far (the limit on loop steps).
    pub(crate) callbacks_run: u64,
    /// Tasks created and not finished.
    pub(crate) live: usize,
    /// The trace, when recording.
    pub(crate) trace: Option<Recorder>,
}

impl<H: Host> Core<H> {
    /// Hands over everything the loop holds (tasks and their coroutines, futures and their
    /// values, callbacks, timers, the trace), leaving an empty loop at the same time. The caller
    /// drops it outside any borrow of the loop: a host breaks the reference cycles that run through
    /// a finished program's loop this way.
    pub fn take_all(&mut self) -> Core<H> {
        let empty = Core::new(self.now, false);
        std::mem::replace(self, empty)
    }

    pub(crate) fn new(now: Micros, record_trace: bool) -> Core<H> {
        Core {
            now,
            pass: 0,
            ready: VecDeque::new(),
            ntodo: 0,
            in_pass: false,
            timers: Timers::default(),
            futs: Futures::default(),
            tasks: Chunked::default(),
            coro_names: Default::default(),
            given_names: Default::default(),
            renames: Vec::new(),
            step: StepState::default(),
            stopping: false,
            escaping: None,
            handling: None,
            halted: false,
            callbacks_run: 0,
            live: 0,
            trace: record_trace.then(Recorder::default),
        }
    }

    /// The exception `asyncio.run` is handling while it shuts the loop down (see
    /// [`Core::handling`]), if any.
    pub fn handled_exception(&self) -> Option<H::Exc> {
        self.handling.clone()
    }

    /// `loop.time()`, in microseconds.
    pub fn now(&self) -> Micros {
        self.now
    }

    /// How many tasks are alive (created, not finished).
    pub fn live_tasks(&self) -> usize {
        self.live
    }

    /// The pass in progress (or the last one).
    pub fn pass(&self) -> u32 {
        self.pass
    }

    /// Records an event at the current time, if tracing.
    pub(crate) fn event(&mut self, task: Option<TaskId>, what: What) {
        if let Some(trace) = &mut self.trace {
            trace.record(self.now, task, what);
        }
    }

    /// The source line the program is at, as the host last set it.
    pub fn line(&self) -> u32 {
        self.step.line
    }

    /// The host says where the program is (before an `await` or a call into asyncio), for the trace.
    pub fn set_line(&mut self, line: u32) {
        self.step.line = line;
    }

    /// Line `index` of the program's output was completed.
    pub fn printed(&mut self, index: u32) {
        let task = self.step.current;
        self.event(task, What::Printed(index));
    }

    /// A blocking call (`time.sleep`) took `us`: nothing else runs meanwhile.
    pub fn block(&mut self, us: Micros) {
        let (task, line) = (self.step.current, self.step.line);
        self.event(
            task,
            What::Blocked {
                us: us.into(),
                line,
            },
        );
        self.now = self.now.saturating_add(us);
    }

    /// The host stops the run: nothing more runs (a limit was reached, or a refusal).
    pub fn halt(&mut self) {
        self.halted = true;
    }

    /// A `SystemExit` or `KeyboardInterrupt` raised in a callback: `Handle._run` re-raises it,
    /// so it leaves the loop mid-pass as one a task raised does.
    pub fn escape_from_callback(&mut self, exc: H::Exc) {
        if self.escaping.is_none() {
            self.escaping = Some(exc);
        }
    }

    // --- scheduling -------------------------------------------------------------------------

    /// `loop.call_soon(cb)` for the loop's own callbacks (no handle: they are never cancelled).
    pub(crate) fn schedule(&mut self, cb: Callback<H>) {
        self.ready.push_back(Ready { cb, handle: None });
    }

    /// `loop.call_soon(cb)`: runs in the next pass; the handle can cancel it until then.
    pub fn call_soon(&mut self, cb: Callback<H>) -> HandleId {
        let handle = self.timers.handle();
        self.ready.push_back(Ready {
            cb,
            handle: Some(handle),
        });
        handle
    }

    /// `loop.call_at(when, cb)`.
    pub fn call_at(&mut self, when: Micros, cb: Callback<H>) -> HandleId {
        self.call_at_signed(i64::try_from(when).unwrap_or(i64::MAX), cb)
    }

    /// `loop.call_at(when, cb)` for the program's own timers, whose deadline may be before the
    /// program's start (`when` in µs from it, negative then): such a timer fires first.
    pub fn call_at_signed(&mut self, when: i64, cb: Callback<H>) -> HandleId {
        // The program's timers are traced (the inspector lists them while armed).
        let line = match &cb {
            Callback::Program(p, _) => Some(H::callback_origin(p).0),
            _ => None,
        };
        let handle = self.timers.arm(when, cb);
        if let Some(line) = line {
            let armed = What::TimerArmed {
                handle: handle.0,
                until: Micros::try_from(when).unwrap_or(0).into(),
                line,
            };
            self.event(self.step.current, armed);
        }
        handle
    }

    /// `handle.cancel()`: the callback will not run, even if its timer has already fired.
    pub fn cancel_handle(&mut self, handle: HandleId) {
        self.timers.cancel(handle);
    }

    /// The program's `handle.cancel()`: as [`Core::cancel_handle`], traced (once).
    pub fn cancel_program_handle(&mut self, handle: HandleId) {
        if !self.timers.is_cancelled(handle) {
            self.event(
                self.step.current,
                What::HandleCancelled { handle: handle.0 },
            );
        }
        self.timers.cancel(handle);
    }

    /// `handle.cancelled()`.
    pub fn handle_cancelled(&self, handle: HandleId) -> bool {
        self.timers.is_cancelled(handle)
    }

    /// The live timers, by deadline (for the inspector).
    pub fn armed_timers(&self) -> Vec<(Micros, HandleId)> {
        self.timers.armed()
    }

    // --- the future primitive ---------------------------------------------------------------

    /// `loop.create_future()`; `label` says what a task awaiting it waits for.
    pub fn create_future(&mut self, label: Awaiting) -> FutId {
        self.futs.create(Kind::Plain(label))
    }

    /// A future whose `cancel()` is `hook`'s (as `_GatheringFuture` overrides `cancel`).
    pub fn create_hooked_future(
        &mut self,
        label: Awaiting,
        hook: std::rc::Rc<dyn crate::futures::CancelHook<H>>,
    ) -> FutId {
        self.futs.create_hooked(label, hook)
    }

    /// Frees a future nothing refers to any more (its id may be handed out again).
    pub(crate) fn free_future(&mut self, fut: FutId) {
        self.futs.free(fut);
    }

    pub fn future_done(&self, fut: FutId) -> bool {
        self.futs.is_done(fut)
    }

    pub fn future_cancelled(&self, fut: FutId) -> bool {
        self.futs.is_cancelled(fut)
    }

    /// The task whose own future `fut` is, if any.
    pub fn task_of(&self, fut: FutId) -> Option<TaskId> {
        match self.futs.kind(fut) {
            Kind::Task(t, _) => Some(*t),
            _ => None,
        }
    }

    /// The state of a future, without retrieving anything.
    pub fn future_state(&self, fut: FutId) -> &FutState<H> {
        self.futs.state(fut)
    }

    /// Marks a pending future done and schedules its callbacks (`__schedule_callbacks`).
    pub(crate) fn complete(&mut self, fut: FutId, state: FutState<H>) {
        let cbs = self.futs.complete(fut, state);
        for cb in cbs.into_vec() {
            self.schedule_done(fut, cb);
        }
    }

    /// Schedules a done-callback of `fut` (which is done), with `fut` as its argument; a
    /// task's future counts it among the handles that hold the task.
    fn schedule_done(&mut self, fut: FutId, cb: Callback<H>) {
        let cb = cb.with_fut(fut);
        if cb.done_future() == Some(fut) {
            match self.futs.kind_mut(fut) {
                Kind::Task(_, holds) => *holds += 1,
                _ => self.futs.hold(fut),
            }
        }
        self.schedule(cb);
    }

    /// A done-callback of `fut` has run. Returns what to release (see [`Host::task_released`]
    /// and [`Host::future_released`]) when `fut` failed, nothing retrieved its exception and
    /// this was the last of its handles; `release` is false for a primitive's callback that
    /// keeps the future ([`crate::callback::Native::lets_go`]).
    pub(crate) fn done_callback_ran(&mut self, fut: FutId, release: bool) -> Option<Released> {
        let unretrieved = self.futs.log_traceback(fut);
        if let Kind::Task(t, holds) = self.futs.kind_mut(fut) {
            *holds = holds.saturating_sub(1);
            let (t, held) = (*t, *holds > 0);
            return (release && !held && unretrieved).then_some(Released::Task(t));
        }
        let free = self.futs.let_go(fut, !release);
        (free && unretrieved).then_some(Released::Future(fut))
    }

    /// Task `t` has finished its last step: the task to release when nothing holds it (see
    /// [`Core::done_callback_ran`]).
    pub(crate) fn step_ended(&self, t: TaskId) -> Option<TaskId> {
        (!self.task_held(t) && self.futs.log_traceback(self.task(t).fut)).then_some(t)
    }

    /// `fut.set_result(value)`.
    ///
    /// # Errors
    /// `InvalidStateError` if the future is done (the host words it: CPython puts the future's
    /// state and repr in the message).
    pub fn set_result(&mut self, fut: FutId, value: H::Value) -> Result<(), InvalidState> {
        if self.futs.is_done(fut) {
            return Err(InvalidState);
        }
        self.complete(fut, FutState::Finished(Ok(value)));
        Ok(())
    }

    /// `fut.set_exception(exc)`. Errors as [`Core::set_result`].
    pub fn set_exception(&mut self, fut: FutId, exc: H::Exc) -> Result<(), InvalidState> {
        if self.futs.is_done(fut) {
            return Err(InvalidState);
        }
        self.complete(fut, FutState::Finished(Err(exc)));
        Ok(())
    }

    /// `Future.cancel(msg)` of a plain future: false if it is done.
    pub(crate) fn cancel_plain(&mut self, fut: FutId, msg: Option<H::Value>) -> bool {
        self.futs.set_log_traceback(fut, false);
        if self.futs.is_done(fut) {
            return false;
        }
        self.complete(fut, FutState::cancelled(msg, None));
        true
    }

    /// `fut.cancel(msg)`, dispatched on what the future is: a task's (`Task.cancel`), one with its
    /// own `cancel()`, or a plain future. `cause` is what the trace says for a task.
    pub fn cancel_future(
        &mut self,
        fut: FutId,
        msg: Option<H::Value>,
        cause: crate::trace::CancelCause,
    ) -> bool {
        match self.futs.kind(fut) {
            Kind::Task(t, _) => {
                let t = *t;
                self.task_cancel(t, msg, cause)
            }
            Kind::Plain(_) => match self.futs.hook(fut) {
                Some(hook) => hook.cancel(self, msg),
                None => self.cancel_plain(fut, msg),
            },
        }
    }

    /// `fut.result()`: its value, or the exception it raises (`CancelledError` if cancelled,
    /// `InvalidStateError('Result is not ready.')` if pending). Retrieves an exception.
    pub fn future_result(&mut self, fut: FutId) -> Result<H::Value, H::Exc> {
        self.futs.result(fut)
    }

    /// `fut.exception()`: `None`, or the exception set; raises as [`Core::future_result`] does.
    pub fn future_exception(&mut self, fut: FutId) -> Result<Option<H::Exc>, H::Exc> {
        self.futs.exception(fut)
    }

    /// `fut._make_cancelled_error()` of a cancelled future.
    pub fn make_cancelled_error(&mut self, fut: FutId) -> H::Exc {
        self.futs.make_cancelled_error(fut)
    }

    /// `fut._cancel_message` of a cancelled future.
    pub fn cancel_message(&self, fut: FutId) -> Option<H::Value> {
        match self.futs.state(fut) {
            FutState::Cancelled(c) => c.msg.clone(),
            _ => None,
        }
    }

    /// An exception was set on `fut` and nothing retrieved it (`_log_traceback`).
    pub fn unretrieved(&self, fut: FutId) -> bool {
        self.futs.log_traceback(fut)
    }

    /// Whether `fut` is a gather's own future (`_GatheringFuture`), not a plain one.
    pub fn future_is_gathering(&self, fut: FutId) -> bool {
        self.futs.hook(fut).is_some()
    }

    /// The program let go of future `fut` (`Future.__del__`), or the last handle that held it
    /// has run ([`Host::future_released`]): its exception, if it failed and nothing retrieved it,
    /// to be logged ("Future exception was never retrieved"), once. `None` while a scheduled
    /// done-callback's handle holds it (its callback may retrieve the exception; the log waits
    /// for it), or a primitive keeps it.
    pub fn released_unretrieved(&mut self, fut: FutId) -> Option<H::Exc> {
        if !self.futs.log_traceback(fut) || self.futs.held(fut) {
            return None;
        }
        self.futs.set_log_traceback(fut, false);
        match self.futs.state(fut) {
            FutState::Finished(Err(e)) => Some(e.clone()),
            _ => None,
        }
    }

    /// `fut.add_done_callback(cb)`: scheduled at once if the future is already done.
    pub fn add_done_callback(&mut self, fut: FutId, cb: Callback<H>) {
        if self.futs.is_done(fut) {
            self.schedule_done(fut, cb);
        } else {
            self.futs.add_callback(fut, cb);
        }
    }

    /// What kind of future it is (a sleep's, a gather's, a lock's, …).
    pub fn future_label(&self, fut: FutId) -> Awaiting {
        self.futs.label(fut)
    }

    /// A pending future's done-callbacks, in registration order (what its repr's `cb=[…]`
    /// lists); none once it is done.
    pub fn done_callbacks(&self, fut: FutId) -> &[Callback<H>] {
        self.futs.callbacks(fut)
    }

    /// `fut.remove_done_callback(cb)`: how many were removed.
    pub fn remove_done_callback(&mut self, fut: FutId, cb: &Callback<H>) -> usize {
        self.futs.remove_callbacks(fut, cb)
    }

    /// An asyncio error, for primitives to raise.
    pub fn error(&self, kind: ErrorKind, message: &str) -> H::Exc {
        H::error(kind, Some(message))
    }

    /// Runs one of the loop's own callbacks that needs no coroutine, no program code and no
    /// primitive (a sleep's timer, a stop; see `event_loop`).
    pub(crate) fn run_native(&mut self, cb: Callback<H>) {
        match cb {
            Callback::SleepDone(t) => self.sleep_done(t),
            Callback::Stop => self.stopping = true,
            Callback::Step(..)
            | Callback::Wakeup(..)
            | Callback::Program(..)
            | Callback::Native(..) => {
                unreachable!("steps, primitives' and program callbacks run in event_loop")
            }
        }
    }
}

/// The future was already done (`asyncio.InvalidStateError`; the host words the message).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct InvalidState;
