//! Tasks (`tasks.Task`): creation, `cancel()` / `uncancel()`, and how a step's result settles a task.

use super::core::{Callback, Core, Yielded};
use super::event_loop::Coro;
use super::exc::{Exc, PyResult};
use super::futures::Kind;
use super::trace::{Awaiting, CancelCause, Finish, What, Who};
use super::{FutId, TaskId};

/// One task: its coroutine and bookkeeping beside its future (`tasks[t].fut`).
pub(crate) struct TaskState {
    /// The coroutine, until the task is done (then dropped at once); taken out while it is polled.
    pub(crate) coro: Option<Coro>,
    /// The task's own future: done exactly when the task is.
    pub(crate) fut: FutId,
    pub(crate) who: Who,
    /// `_fut_waiter`: the future this task is suspended on, if any.
    pub(crate) fut_waiter: Option<FutId>,
    /// `_must_cancel`: throw `CancelledError` in at the next step.
    pub(crate) must_cancel: bool,
    /// False until the first step ran the coroutine (a task cancelled before it never runs its body).
    pub(crate) started: bool,
    /// `_num_cancels_requested` (`cancelling()`).
    pub(crate) num_cancels: u32,
    /// The first cancel request still standing, for the trace (cleared when `uncancel()` reaches 0).
    pub(crate) cause: Option<CancelCause>,
}

impl Core {
    /// `loop.create_task(coro)`: the first step is scheduled with `call_soon`; nothing runs yet.
    pub(crate) fn create_task(&mut self, who: Who, coro: Coro) -> TaskId {
        let id = TaskId(self.tasks.len() as u32);
        let fut = self.futs.create(Kind::Task(id));
        self.tasks.push(TaskState {
            coro: Some(coro),
            fut,
            who,
            fut_waiter: None,
            must_cancel: false,
            started: false,
            num_cancels: 0,
            cause: None,
        });
        self.call_soon(Callback::Step(id));
        self.event(who, What::Created);
        id
    }

    pub(crate) fn task(&self, t: TaskId) -> &TaskState {
        &self.tasks[t.0 as usize]
    }

    fn task_mut(&mut self, t: TaskId) -> &mut TaskState {
        &mut self.tasks[t.0 as usize]
    }

    /// `task.cancel()`: False if done; otherwise a request, forwarded to what the task awaits, or
    /// delivered as `CancelledError` at its next step.
    pub(crate) fn task_cancel(&mut self, t: TaskId, cause: CancelCause) -> bool {
        if self.futs.is_done(self.task(t).fut) {
            return false;
        }
        let task = self.task_mut(t);
        task.num_cancels += 1;
        task.cause.get_or_insert(cause);
        let (who, waiter) = (task.who, task.fut_waiter);
        self.event(who, What::CancelRequested(cause));
        if let Some(waiter) = waiter {
            if self.cancel_future(waiter, CancelCause::AwaiterCancelled { awaiter: who }) {
                return true;
            }
        }
        self.task_mut(t).must_cancel = true;
        true
    }

    /// `task.uncancel()`: one cancel request fewer; returns how many remain.
    pub(crate) fn task_uncancel(&mut self, t: TaskId) -> u32 {
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
    pub(crate) fn begin_step(&mut self, t: TaskId, mut exc: Option<Exc>) -> Option<Exc> {
        let task = self.task_mut(t);
        if task.must_cancel {
            if !matches!(exc, Some(Exc::Cancelled)) {
                exc = Some(Exc::Cancelled);
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
        debug_assert!(
            self.step.throw_in.is_none(),
            "an exception thrown in was not delivered"
        );
        let who = self.task(t).who;
        match std::mem::take(&mut self.step.yielded) {
            Yielded::Bare => {
                self.call_soon(Callback::Step(t));
                self.event(who, What::Suspended(Awaiting::NextPass));
            }
            Yielded::Fut(fut) => {
                self.add_done_callback(fut, Callback::Wakeup(t, fut));
                self.task_mut(t).fut_waiter = Some(fut);
                let awaiting = self.awaiting(fut);
                self.event(who, What::Suspended(awaiting));
                if self.task(t).must_cancel {
                    let cause = CancelCause::AwaiterCancelled { awaiter: who };
                    if self.cancel_future(fut, cause) {
                        self.task_mut(t).must_cancel = false;
                    }
                }
            }
            Yielded::Nothing => unreachable!("a coroutine returned Pending without awaiting"),
        }
    }

    /// The end of a step whose coroutine finished: settle the task's future.
    pub(crate) fn finish_task(&mut self, t: TaskId, outcome: PyResult) {
        self.step.current = None;
        self.step.throw_in = None;
        let task = self.task_mut(t);
        let (fut, who, started) = (task.fut, task.who, task.started);
        let finish = match outcome {
            Ok(value) if !task.must_cancel => {
                self.set_result(fut, value);
                Finish::Done
            }
            Ok(_) | Err(Exc::Cancelled) => {
                task.must_cancel = false;
                let cause = task.cause;
                self.cancel_plain(fut);
                Finish::Cancelled { cause, started }
            }
            Err(exc) => {
                self.set_exception(fut, exc.clone());
                Finish::Failed(exc)
            }
        };
        self.record_end(who, finish);
    }
}
