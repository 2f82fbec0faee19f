//! Tasks (`tasks.Task`): creation, `cancel()` / `uncancel()`, and how a step's result settles a
//! task (`__step` and `__step_run_and_handle_result`).

use crate::callback::Callback;
use crate::clock::Micros;
use crate::core::{Core, Yielded};
use crate::futures::{FutState, Kind};
use crate::host::{ErrorKind, Host};
use crate::trace::{Awaiting, CancelCause, Finish, What};
use crate::{Coro, FutId, TaskId};
use std::rc::Rc;

/// One task: its coroutine and bookkeeping beside its future (`tasks[t].fut`).
pub(crate) struct TaskState<H: Host> {
    /// The coroutine, until the task is done (then dropped at once); taken out while it is polled.
    pub(crate) coro: Option<Coro<H>>,
    /// The task's own future: done exactly when the task is.
    pub(crate) fut: FutId,
    /// `get_name()`.
    pub(crate) name: Rc<str>,
    /// The coroutine's `__qualname__`.
    pub(crate) coro_name: Rc<str>,
    /// `_fut_waiter`: the future this task is suspended on, if any.
    pub(crate) fut_waiter: Option<FutId>,
    /// `_must_cancel`: throw `CancelledError` in at the next step.
    pub(crate) must_cancel: bool,
    /// `_cancel_message`.
    pub(crate) cancel_msg: Option<H::Value>,
    /// False until the first step ran the coroutine (a task cancelled before it never runs its body).
    pub(crate) started: bool,
    /// `_num_cancels_requested` (`cancelling()`).
    pub(crate) num_cancels: u32,
    /// The first cancel request still standing, for the trace (cleared when `uncancel()` reaches 0).
    pub(crate) cause: Option<CancelCause>,
    pub(crate) created: Micros,
    pub(crate) end: Option<(Micros, Finish)>,
    /// One of the tasks `asyncio.run` makes for its own shutdown, not the program's.
    pub(crate) internal: bool,
}

/// What the outcome and the timeline read about a task.
#[derive(Clone, Debug)]
pub struct TaskInfo {
    pub name: Rc<str>,
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
            name: task.name.clone(),
            coro_name: task.coro_name.clone(),
            created: task.created,
            end: task.end,
            internal: task.internal,
            cause: task.cause,
        }
    }

    /// `loop.create_task(coro, name=name)`: the first step is scheduled with `call_soon`; nothing
    /// runs yet. `coro_name` is the coroutine's `__qualname__`.
    pub fn create_task(&mut self, coro: Coro<H>, name: Rc<str>, coro_name: Rc<str>) -> TaskId {
        let id = TaskId(self.tasks.len() as u32);
        let fut = self.futs.create(Kind::Task(id), Awaiting::Task(id));
        self.tasks.push(TaskState {
            coro: Some(coro),
            fut,
            name,
            coro_name,
            fut_waiter: None,
            must_cancel: false,
            cancel_msg: None,
            started: false,
            num_cancels: 0,
            cause: None,
            created: self.now,
            end: None,
            internal: false,
        });
        self.schedule(Callback::Step(id, None));
        self.live += 1;
        let (by, line) = (self.step.current, self.step.line);
        self.event(Some(id), What::Created { by, line });
        id
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
        self.task(t).name.clone()
    }

    /// `task.set_name(value)`.
    pub fn set_task_name(&mut self, t: TaskId, name: Rc<str>) {
        self.task_mut(t).name = name;
    }

    pub fn task_coro_name(&self, t: TaskId) -> Rc<str> {
        self.task(t).coro_name.clone()
    }

    /// `task.cancelling()`.
    pub fn task_cancelling(&self, t: TaskId) -> u32 {
        self.task(t).num_cancels
    }

    /// `_fut_waiter`: the future the task is suspended on, if any.
    pub fn task_waiter(&self, t: TaskId) -> Option<FutId> {
        self.task(t).fut_waiter
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
        task.num_cancels += 1;
        task.cause.get_or_insert(cause);
        let waiter = task.fut_waiter;
        self.event(Some(t), What::CancelRequested(cause));
        if let Some(waiter) = waiter {
            if self.cancel_future(waiter, msg.clone(), CancelCause::Awaiter { awaiter: t }) {
                return true;
            }
        }
        let task = self.task_mut(t);
        task.must_cancel = true;
        task.cancel_msg = msg;
        true
    }

    /// `task.uncancel()`: one cancel request fewer; returns how many remain.
    pub fn task_uncancel(&mut self, t: TaskId) -> u32 {
        let task = self.task_mut(t);
        if task.num_cancels > 0 {
            task.num_cancels -= 1;
            if task.num_cancels == 0 {
                task.must_cancel = false;
                task.cause = None;
            }
        }
        task.num_cancels
    }

    /// The start of `Task.__step(exc)`: returns the exception to throw into the coroutine.
    pub(crate) fn begin_step(&mut self, t: TaskId, mut exc: Option<H::Exc>) -> Option<H::Exc> {
        let task = self.task_mut(t);
        if task.must_cancel {
            if !exc.as_ref().is_some_and(H::is_cancelled_error) {
                exc = Some(H::cancelled_error(task.cancel_msg.as_ref()));
            }
            task.must_cancel = false;
        }
        task.fut_waiter = None;
        self.step.current = Some(t);
        self.step.throw_in = exc.clone();
        self.step.yielded = Yielded::Nothing;
        exc
    }

    /// The end of a step whose coroutine returned `Pending`: suspend the task on what it yielded.
    pub(crate) fn suspend(&mut self, t: TaskId) {
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
                let message = format!(
                    "Task cannot await on itself: <Task pending name='{}'>",
                    self.task(t).name
                );
                let exc = H::error(ErrorKind::RuntimeError, Some(&message));
                self.schedule(Callback::Step(t, Some(exc)));
                self.event(
                    Some(t),
                    What::Suspended {
                        awaiting: Awaiting::NextPass,
                        line,
                    },
                );
            }
            Yielded::Fut(fut) => {
                self.add_done_callback(fut, Callback::Wakeup(t, fut));
                self.task_mut(t).fut_waiter = Some(fut);
                let awaiting = self.futs.label(fut);
                self.event(Some(t), What::Suspended { awaiting, line });
                if self.task(t).must_cancel {
                    let msg = self.task(t).cancel_msg.clone();
                    if self.cancel_future(fut, msg, CancelCause::Awaiter { awaiter: t }) {
                        self.task_mut(t).must_cancel = false;
                    }
                }
            }
            Yielded::Nothing => unreachable!("a coroutine returned Pending without awaiting"),
        }
    }

    /// The end of a step whose coroutine finished: settle the task's future.
    pub(crate) fn finish_task(&mut self, t: TaskId, outcome: Result<H::Value, H::Exc>) {
        self.step.current = None;
        self.step.throw_in = None;
        let task = self.task_mut(t);
        let (fut, started, cause) = (task.fut, task.started, task.cause);
        let finish = match outcome {
            Ok(value) if !task.must_cancel => {
                self.complete(fut, FutState::Finished(Ok(value)));
                Finish::Done
            }
            Ok(_) => {
                task.must_cancel = false;
                let msg = task.cancel_msg.clone();
                self.cancel_plain(fut, msg);
                Finish::Cancelled { cause, started }
            }
            Err(exc) if H::is_cancelled_error(&exc) => {
                self.complete(
                    fut,
                    FutState::Cancelled {
                        msg: None,
                        exc: Some(exc),
                    },
                );
                Finish::Cancelled { cause, started }
            }
            Err(exc) => {
                if H::is_exit(&exc) {
                    self.escaping = Some(exc.clone());
                }
                self.complete(fut, FutState::Finished(Err(exc)));
                Finish::Failed
            }
        };
        self.live = self.live.saturating_sub(1);
        self.task_mut(t).end = Some((self.now, finish));
        self.event(Some(t), What::Finished);
    }
}
