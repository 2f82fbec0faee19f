//! Tasks (`tasks.Task`): creation, `cancel()` / `uncancel()`, and how a step's result settles a
//! task (`__step` and `__step_run_and_handle_result`).

use crate::callback::Callback;
use crate::clock::Micros;
use crate::core::{Core, Yielded};
use crate::futures::{FutState, Kind};
use crate::host::Host;
use crate::trace::{Awaiting, CancelCause, Finish, What};
use crate::{Coro, FutId, TaskId};
use std::rc::Rc;

/// A task's name: `Task-N` (formatted only when read), or one the program gave.
#[derive(Clone, Debug)]
pub enum TaskName {
    /// `Task-N`.
    Numbered(u32),
    Given(Rc<str>),
}

impl TaskName {
    /// The name as `get_name()` returns it.
    pub fn text(&self) -> Rc<str> {
        match self {
            TaskName::Numbered(_) => {
                let mut text = String::with_capacity(12);
                self.write_to(&mut text);
                Rc::from(text)
            }
            TaskName::Given(s) => s.clone(),
        }
    }

    /// Appends the name to `out`. `Task-N` is written without the formatting machinery and
    /// without a string of its own: the outcome of 100,000 tasks writes every name.
    pub fn write_to(&self, out: &mut String) {
        match self {
            TaskName::Numbered(n) => {
                out.push_str("Task-");
                push_decimal(out, u64::from(*n));
            }
            TaskName::Given(s) => out.push_str(s),
        }
    }
}

/// Appends `n` in decimal: what `write!(out, "{n}")` writes, without the formatting machinery
/// (the outcome of 100,000 tasks writes 400,000 numbers and names).
pub fn push_decimal(out: &mut String, n: u64) {
    if n < 10 {
        out.push(char::from(b'0' + n as u8));
        return;
    }
    let mut digits = [0u8; 20];
    let (mut at, mut n) = (digits.len(), n);
    while n > 0 {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
    }
    out.reserve(digits.len() - at);
    for &d in &digits[at..] {
        out.push(char::from(d));
    }
}

impl From<Rc<str>> for TaskName {
    fn from(name: Rc<str>) -> Self {
        TaskName::Given(name)
    }
}

/// What a task that was ever asked to cancel keeps about it (most tasks never are: boxed apart).
pub(crate) struct Cancelling<H: Host> {
    /// `_must_cancel`: throw `CancelledError` in at the next step.
    pub(crate) must_cancel: bool,
    /// `_cancel_message`.
    pub(crate) msg: Option<H::Value>,
    /// `_num_cancels_requested` (`cancelling()`).
    pub(crate) num_cancels: u32,
    /// The first cancel request still standing, for the trace (cleared when `uncancel()` reaches 0).
    pub(crate) cause: Option<CancelCause>,
    /// The cause its end reports, once it ended cancelled.
    pub(crate) end_cause: Option<CancelCause>,
}

/// How a task ended, without the cancel cause (kept in [`Cancelling`]).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Ended {
    Pending,
    Done,
    Failed,
    Cancelled,
}

/// One task: its coroutine and bookkeeping beside its future (`tasks[t].fut`). Kept small: a
/// run may hold 100,000 of them.
pub(crate) struct TaskState<H: Host> {
    /// The coroutine, until the task is done (then dropped at once); taken out while it is polled.
    pub(crate) coro: Option<Coro<H>>,
    /// `get_name()`: `N` of `Task-N`, or [`GIVEN_NAME`] for a name in [`Core::given_names`]
    /// (4 bytes, where a [`TaskName`] is 16).
    name: u32,
    /// The coroutine's `__qualname__`, by its index in [`CoroNames`].
    pub(crate) coro_name: u32,
    pub(crate) created: Micros,
    /// When it ended (meaningful once `ended` is not `Pending`).
    pub(crate) end_at: Micros,
    /// Cancel requests, once there was one.
    pub(crate) cancel: Option<Box<Cancelling<H>>>,
    /// The task's own future: done exactly when the task is.
    pub(crate) fut: FutId,
    /// `_fut_waiter`: the id of the future this task is suspended on, or one of the sentinels
    /// [`NO_WAITER`] and `SLEEP_*` (a `u32`, not an `Option<Waiter>`: 4 bytes less for each of
    /// 100,000 tasks). Future ids never reach the sentinels: four billion futures do not fit in
    /// memory.
    fut_waiter: u32,
    pub(crate) ended: Ended,
    /// False until the first step ran the coroutine (a task cancelled before it never runs its body).
    pub(crate) started: bool,
    /// One of the tasks `asyncio.run` makes for its own shutdown, not the program's.
    pub(crate) internal: bool,
    /// `_log_destroy_pending`: "Task was destroyed but it is pending!" is logged if it is freed
    /// pending (false for the tasks gather wraps coroutines in: the caller cannot control them).
    pub(crate) log_destroy_pending: bool,
}

/// [`TaskState::name`] of a task named by the program.
const GIVEN_NAME: u32 = u32::MAX;

/// [`TaskState::fut_waiter`] when the task is suspended on no future.
const NO_WAITER: u32 = u32::MAX;
/// [`TaskState::fut_waiter`] for a sleep's future, by its state.
const SLEEP_PENDING: u32 = u32::MAX - 1;
const SLEEP_FINISHED: u32 = u32::MAX - 2;
const SLEEP_CANCELLED: u32 = u32::MAX - 3;

/// What a suspended task waits on (`_fut_waiter`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Waiter {
    /// A future of the slab.
    Future(FutId),
    /// The future of an `asyncio.sleep(delay)` whose result is `None` (`tasks.sleep`'s
    /// `future`): it is not kept in the slab, as nothing but its task can reach it (100,000
    /// sleeping tasks would hold one slot each); the task holds its state.
    Sleep(SleepFuture),
}

/// The state of a sleep's future ([`Waiter::Sleep`]); its one done-callback is the task's
/// wakeup.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SleepFuture {
    Pending,
    /// Its timer fired (`_set_result_unless_cancelled(future, None)`): the task steps next pass.
    Finished,
    /// The task's `cancel()` cancelled it: the task steps next pass with `CancelledError`.
    Cancelled,
}

/// The coroutines' `__qualname__`s, each text once: a task holds its index (the 100,000 tasks of
/// one coroutine function share one name).
#[derive(Default)]
pub(crate) struct CoroNames {
    names: Vec<Rc<str>>,
    index: crate::fast_hash::FastMap<Rc<str>, u32>,
    /// The index of the name interned last: tasks made in a row mostly run one coroutine
    /// function, whose `__qualname__` is then this very string (no hashing).
    last: Option<(Rc<str>, u32)>,
}

impl CoroNames {
    fn intern(&mut self, name: Rc<str>) -> u32 {
        if let Some((last, i)) = &self.last {
            if Rc::ptr_eq(last, &name) {
                return *i;
            }
        }
        let i = match self.index.get(&name) {
            Some(&i) => i,
            None => {
                let i = self.names.len() as u32;
                self.names.push(name.clone());
                self.index.insert(name.clone(), i);
                i
            }
        };
        self.last = Some((name, i));
        i
    }

    fn get(&self, i: u32) -> Rc<str> {
        self.names[i as usize].clone()
    }
}

impl<H: Host> TaskState<H> {
    /// `_fut_waiter`.
    pub(crate) fn waiter(&self) -> Option<Waiter> {
        match self.fut_waiter {
            NO_WAITER => None,
            SLEEP_PENDING => Some(Waiter::Sleep(SleepFuture::Pending)),
            SLEEP_FINISHED => Some(Waiter::Sleep(SleepFuture::Finished)),
            SLEEP_CANCELLED => Some(Waiter::Sleep(SleepFuture::Cancelled)),
            fut => Some(Waiter::Future(FutId(fut))),
        }
    }

    pub(crate) fn set_waiter(&mut self, waiter: Option<Waiter>) {
        self.fut_waiter = match waiter {
            None => NO_WAITER,
            Some(Waiter::Sleep(SleepFuture::Pending)) => SLEEP_PENDING,
            Some(Waiter::Sleep(SleepFuture::Finished)) => SLEEP_FINISHED,
            Some(Waiter::Sleep(SleepFuture::Cancelled)) => SLEEP_CANCELLED,
            Some(Waiter::Future(fut)) => fut.0,
        };
    }

    pub(crate) fn must_cancel(&self) -> bool {
        self.cancel.as_ref().is_some_and(|c| c.must_cancel)
    }

    /// The first cancel request still standing.
    pub(crate) fn cause(&self) -> Option<CancelCause> {
        self.cancel.as_ref().and_then(|c| c.cause)
    }

    fn cancel_msg(&self) -> Option<H::Value> {
        self.cancel.as_ref().and_then(|c| c.msg.clone())
    }

    fn cancelling(&mut self) -> &mut Cancelling<H> {
        self.cancel.get_or_insert_with(|| {
            Box::new(Cancelling {
                must_cancel: false,
                msg: None,
                num_cancels: 0,
                cause: None,
                end_cause: None,
            })
        })
    }

    /// When and how it ended; `None` while pending.
    pub(crate) fn end(&self) -> Option<(Micros, Finish)> {
        let finish = match self.ended {
            Ended::Pending => return None,
            Ended::Done => Finish::Done,
            Ended::Failed => Finish::Failed,
            Ended::Cancelled => Finish::Cancelled {
                cause: self.cancel.as_ref().and_then(|c| c.end_cause),
                started: self.started,
            },
        };
        Some((self.end_at, finish))
    }
}

/// What the outcome and the timeline read about a task.
#[derive(Clone, Debug)]
pub struct TaskInfo {
    /// Formatted only when read ([`TaskName::text`], [`TaskName::write_to`]).
    pub name: TaskName,
    pub coro_name: Rc<str>,
    pub created: Micros,
    /// When and how it ended; `None` while pending.
    pub end: Option<(Micros, Finish)>,
    /// One of `asyncio.run`'s own shutdown tasks.
    pub internal: bool,
    /// The first cancel request still standing.
    pub cause: Option<CancelCause>,
}

impl<H: Host> Core<H> {
    /// How many tasks the run has made (including `asyncio.run`'s own).
    pub fn task_count(&self) -> usize {
        self.tasks.len()
    }

    /// What the outcome and the timeline read about task `t`.
    pub fn task_info(&self, t: TaskId) -> TaskInfo {
        let task = self.task(t);
        TaskInfo {
            name: self.task_name_unformatted(t),
            coro_name: self.coro_names.get(task.coro_name),
            created: task.created,
            end: task.end(),
            internal: task.internal,
            cause: task.cause(),
        }
    }

    /// `loop.create_task(coro, name=name)`: the first step is scheduled with `call_soon`; nothing
    /// runs yet. `coro_name` is the coroutine's `__qualname__`.
    pub fn create_task(
        &mut self,
        coro: Coro<H>,
        name: impl Into<TaskName>,
        coro_name: Rc<str>,
    ) -> TaskId {
        let id = TaskId(self.tasks.len() as u32);
        let fut = self.futs.create(Kind::Task(id, 0));
        let coro_name = self.coro_names.intern(coro_name);
        let name = match name.into() {
            TaskName::Numbered(n) if n != GIVEN_NAME => n,
            other => {
                self.given_names.insert(id, other.text());
                GIVEN_NAME
            }
        };
        self.tasks.push(TaskState {
            coro: Some(coro),
            name,
            coro_name,
            created: self.now,
            end_at: 0,
            cancel: None,
            fut,
            fut_waiter: NO_WAITER,
            ended: Ended::Pending,
            started: false,
            internal: false,
            log_destroy_pending: true,
        });
        self.schedule(Callback::Step(id, None));
        self.live += 1;
        let (by, line) = (self.step.current, self.step.line);
        self.event(Some(id), What::Created { by, line });
        id
    }

    /// `task._log_destroy_pending = False` (gather, for the tasks it makes from coroutines).
    pub fn set_log_destroy_pending(&mut self, t: TaskId, log: bool) {
        self.task_mut(t).log_destroy_pending = log;
    }

    /// Whether freeing the task while it is pending logs "Task was destroyed but it is pending!".
    pub fn log_destroy_pending(&self, t: TaskId) -> bool {
        self.task(t).log_destroy_pending
    }

    /// Takes the coroutine of a pending task that is being freed (the loop is closed and nothing
    /// holds it): the cycle collector frees its coroutine with it, and with the coroutine's frames
    /// whatever they held.
    pub fn take_task_coro(&mut self, t: TaskId) -> Option<Coro<H>> {
        self.task_mut(t).coro.take()
    }

    pub(crate) fn task(&self, t: TaskId) -> &TaskState<H> {
        &self.tasks[t.0 as usize]
    }

    fn task_mut(&mut self, t: TaskId) -> &mut TaskState<H> {
        &mut self.tasks[t.0 as usize]
    }

    /// `asyncio.current_task()`.
    pub fn current_task(&self) -> Option<TaskId> {
        self.step.current
    }

    /// The task's own future.
    pub fn task_future(&self, t: TaskId) -> FutId {
        self.task(t).fut
    }

    pub fn task_done(&self, t: TaskId) -> bool {
        self.futs.is_done(self.task(t).fut)
    }

    pub fn task_name(&self, t: TaskId) -> Rc<str> {
        self.task_name_unformatted(t).text()
    }

    /// Task `t`'s name, not yet formatted.
    fn task_name_unformatted(&self, t: TaskId) -> TaskName {
        match self.task(t).name {
            GIVEN_NAME => TaskName::Given(
                self.given_names
                    .get(&t)
                    .cloned()
                    .unwrap_or_else(|| Rc::from("")),
            ),
            n => TaskName::Numbered(n),
        }
    }

    /// The `set_name` calls of a traced run, in order: the pass each was made in, the task, and
    /// the name it had before.
    pub fn task_renames(&self) -> &[(u32, TaskId, Rc<str>)] {
        &self.renames
    }

    /// `task.set_name(value)`.
    pub fn set_task_name(&mut self, t: TaskId, name: Rc<str>) {
        if self.trace.is_some() {
            let before = self.task_name(t);
            self.renames.push((self.pass, t, before));
        }
        self.task_mut(t).name = GIVEN_NAME;
        self.given_names.insert(t, name);
    }

    pub fn task_coro_name(&self, t: TaskId) -> Rc<str> {
        self.coro_names.get(self.task(t).coro_name)
    }

    /// `task.cancelling()`.
    pub fn task_cancelling(&self, t: TaskId) -> u32 {
        self.task(t).cancel.as_ref().map_or(0, |c| c.num_cancels)
    }

    /// Whether task `t`'s coroutine has run a step (it ran its body, or was thrown into).
    pub fn task_started(&self, t: TaskId) -> bool {
        self.task(t).started
    }

    /// `_fut_waiter`: what the task is suspended on, if anything.
    pub fn task_waiter(&self, t: TaskId) -> Option<Waiter> {
        self.task(t).waiter()
    }

    /// Whether the loop still holds task `t` as CPython's does: the handles of its future's
    /// done-callbacks, scheduled and not yet run, or `asyncio.run` its main task.
    pub fn task_held(&self, t: TaskId) -> bool {
        matches!(self.futs.kind(self.task(t).fut), Kind::Task(_, holds) if *holds > 0)
    }

    /// `asyncio.run` holds its main task (`run_until_complete`'s `future`) to the end.
    pub(crate) fn hold_task(&mut self, t: TaskId) {
        let fut = self.task(t).fut;
        if let Kind::Task(_, holds) = self.futs.kind_mut(fut) {
            *holds += 1;
        }
    }

    /// The tasks not done yet, in creation order (`asyncio.all_tasks()`; CPython's is a set).
    pub fn pending_tasks(&self) -> Vec<TaskId> {
        (0..self.tasks.len() as u32)
            .map(TaskId)
            .filter(|&t| !self.task_done(t) && !self.task(t).internal)
            .collect()
    }

    /// `task.cancel(msg)`: false if done; otherwise a request, forwarded to what the task awaits,
    /// or delivered as `CancelledError` at its next step. `cause` is recorded in the trace.
    pub fn task_cancel(&mut self, t: TaskId, msg: Option<H::Value>, cause: CancelCause) -> bool {
        let fut = self.task(t).fut;
        self.futs.set_log_traceback(fut, false);
        if self.futs.is_done(fut) {
            return false;
        }
        let task = self.task_mut(t);
        let waiter = task.waiter();
        let c = task.cancelling();
        c.num_cancels += 1;
        c.cause.get_or_insert(cause);
        self.event(Some(t), What::CancelRequested(cause));
        let forwarded = match waiter {
            Some(Waiter::Future(f)) => {
                self.cancel_future(f, msg.clone(), CancelCause::Awaiter { awaiter: t })
            }
            Some(Waiter::Sleep(_)) => self.cancel_sleep(t, msg.clone()),
            None => false,
        };
        if forwarded {
            return true;
        }
        let c = self.task_mut(t).cancelling();
        c.must_cancel = true;
        c.msg = msg;
        true
    }

    /// `future.cancel(msg)` on the sleep's future task `t` waits on: false unless it is pending;
    /// otherwise it is cancelled and its done-callback, the task's wakeup, is scheduled (which
    /// raises `CancelledError(msg)` as `future.result()` does).
    fn cancel_sleep(&mut self, t: TaskId, msg: Option<H::Value>) -> bool {
        if self.task(t).waiter() != Some(Waiter::Sleep(SleepFuture::Pending)) {
            return false;
        }
        self.task_mut(t)
            .set_waiter(Some(Waiter::Sleep(SleepFuture::Cancelled)));
        let exc = H::cancelled_error(msg.as_ref());
        self.schedule(Callback::Step(t, Some(exc)));
        true
    }

    /// The timer of the sleep task `t` waits on fired (`_set_result_unless_cancelled(future,
    /// None)`): unless the future was cancelled, it gets its result and its done-callback, the
    /// task's wakeup, is scheduled.
    pub(crate) fn sleep_done(&mut self, t: TaskId) {
        if self.task(t).waiter() == Some(Waiter::Sleep(SleepFuture::Pending)) {
            self.task_mut(t)
                .set_waiter(Some(Waiter::Sleep(SleepFuture::Finished)));
            self.schedule(Callback::Step(t, None));
        }
    }

    /// `task.uncancel()`: one cancel request fewer; returns how many remain.
    pub fn task_uncancel(&mut self, t: TaskId) -> u32 {
        let Some(c) = self.task_mut(t).cancel.as_mut() else {
            return 0;
        };
        if c.num_cancels > 0 {
            c.num_cancels -= 1;
            if c.num_cancels == 0 {
                c.must_cancel = false;
                c.cause = None;
            }
        }
        c.num_cancels
    }

    /// The start of `Task.__step(exc)`: returns the exception to throw into the coroutine.
    pub(crate) fn begin_step(&mut self, t: TaskId, mut exc: Option<H::Exc>) -> Option<H::Exc> {
        let task = self.task_mut(t);
        if let Some(c) = task.cancel.as_mut().filter(|c| c.must_cancel) {
            if !exc.as_ref().is_some_and(H::is_cancelled_error) {
                exc = Some(H::cancelled_error(c.msg.as_ref()));
            }
            c.must_cancel = false;
        }
        task.set_waiter(None);
        self.step.current = Some(t);
        self.step.throw_in = exc.clone();
        self.step.yielded = Yielded::Nothing;
        exc
    }

    /// The end of a step whose coroutine returned `Pending`: suspend the task on what it yielded.
    /// Returns true when that was the task's own future: the caller schedules the step that
    /// raises the error (whose message the host writes with no borrow of the loop).
    pub(crate) fn suspend(&mut self, t: TaskId) -> bool {
        self.step.current = None;
        self.step.throw_in = None;
        let line = self.step.line;
        match std::mem::take(&mut self.step.yielded) {
            Yielded::Bare => {
                self.schedule(Callback::Step(t, None));
                self.event(
                    Some(t),
                    What::Suspended {
                        awaiting: Awaiting::NextPass,
                        line,
                    },
                );
            }
            Yielded::Fut(fut) if fut == self.task(t).fut => {
                self.event(
                    Some(t),
                    What::Suspended {
                        awaiting: Awaiting::NextPass,
                        line,
                    },
                );
                return true;
            }
            Yielded::Sleep(until) => {
                self.task_mut(t)
                    .set_waiter(Some(Waiter::Sleep(SleepFuture::Pending)));
                let awaiting = Awaiting::Sleep {
                    until: until.into(),
                };
                self.event(Some(t), What::Suspended { awaiting, line });
                if self.task(t).must_cancel() {
                    let msg = self.task(t).cancel_msg();
                    if self.cancel_sleep(t, msg) {
                        self.task_mut(t).cancelling().must_cancel = false;
                    }
                }
            }
            Yielded::Fut(fut) => {
                self.add_done_callback(fut, Callback::Wakeup(t, fut));
                self.task_mut(t).set_waiter(Some(Waiter::Future(fut)));
                let awaiting = self.futs.label(fut);
                self.event(Some(t), What::Suspended { awaiting, line });
                if self.task(t).must_cancel() {
                    let msg = self.task(t).cancel_msg();
                    if self.cancel_future(fut, msg, CancelCause::Awaiter { awaiter: t }) {
                        self.task_mut(t).cancelling().must_cancel = false;
                    }
                }
            }
            Yielded::Nothing => unreachable!("a coroutine returned Pending without awaiting"),
        }
        false
    }

    /// The end of a step whose coroutine finished: settle the task's future.
    pub(crate) fn finish_task(&mut self, t: TaskId, outcome: Result<H::Value, H::Exc>) {
        self.step.current = None;
        self.step.throw_in = None;
        let task = self.task_mut(t);
        let (fut, cause) = (task.fut, task.cause());
        let ended = match outcome {
            Ok(value) if !task.must_cancel() => {
                self.complete(fut, FutState::Finished(Ok(value)));
                Ended::Done
            }
            Ok(_) => {
                let c = task.cancelling();
                c.must_cancel = false;
                let msg = c.msg.clone();
                self.cancel_plain(fut, msg);
                Ended::Cancelled
            }
            Err(exc) if H::is_cancelled_error(&exc) => {
                self.complete(fut, FutState::cancelled(None, Some(exc)));
                Ended::Cancelled
            }
            Err(exc) => {
                if H::is_exit(&exc) {
                    self.escaping = Some(exc.clone());
                }
                self.complete(fut, FutState::Finished(Err(exc)));
                Ended::Failed
            }
        };
        self.live = self.live.saturating_sub(1);
        let now = self.now;
        let task = self.task_mut(t);
        task.end_at = now;
        task.ended = ended;
        if ended == Ended::Cancelled && cause.is_some() {
            task.cancelling().end_cause = cause;
        }
        self.event(Some(t), What::Finished);
    }
}
