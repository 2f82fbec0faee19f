//! [`Api`]: what a coroutine can ask of the running loop — the asyncio calls the programs make.

use super::awaitables::AwaitFut;
use super::clock::{ms, Micros};
use super::core::{Callback, Core};
use super::event_loop::Coro;
use super::exc::{Exc, PyResult};
use super::trace::{CancelCause, Finish, Line, What, Who};
use super::TaskId;
use std::cell::RefCell;
use std::future::Future;
use std::rc::Rc;

thread_local! {
    /// The loop running a pass on this thread (`asyncio.get_running_loop()`), set only while a
    /// pass runs, so that coroutines need to hold no pointer to their loop.
    static RUNNING: RefCell<Option<Rc<RefCell<Core>>>> = const { RefCell::new(None) };
}

/// Makes `core` the running loop until the guard is dropped (a pass), restoring the previous one.
pub(crate) struct Running(Option<Rc<RefCell<Core>>>);

impl Running {
    #[must_use = "the loop stops being the running loop when the guard is dropped"]
    pub(crate) fn enter(core: &Rc<RefCell<Core>>) -> Running {
        Running(RUNNING.with(|r| r.replace(Some(core.clone()))))
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        RUNNING.with(|r| *r.borrow_mut() = self.0.take());
    }
}

/// A handle on the running loop, like the `asyncio` module: zero-sized, so a coroutine holding it
/// costs nothing.
///
/// Every method borrows the loop for its own duration only, and may be called only from a
/// coroutine while its loop runs a pass (elsewhere it panics: "no running event loop").
#[derive(Clone, Copy, Debug, Default)]
pub struct Api;

impl Api {
    pub(crate) fn with<R>(&self, f: impl FnOnce(&mut Core) -> R) -> R {
        RUNNING.with(|r| {
            let running = r.borrow();
            let core = running.as_ref().expect("no running event loop");
            let mut core = core.borrow_mut();
            f(&mut core)
        })
    }

    /// `loop.time()`: the time of the current pass.
    pub fn now(&self) -> Micros {
        self.with(|core| core.now)
    }

    /// `asyncio.current_task()`.
    pub fn current_task(&self) -> TaskId {
        self.with(|core| core.step.current.expect("current_task() outside a task"))
    }

    /// Whose lane task `t` is.
    pub fn who_of(&self, t: TaskId) -> Who {
        self.with(|core| core.task(t).who)
    }

    /// `asyncio.create_task(coro)`: the task's first step runs in the next pass, not now.
    pub fn create_task(&self, who: Who, coro: impl Future<Output = PyResult> + 'static) -> TaskId {
        self.spawn(who, Coro::boxed(coro))
    }

    /// [`Api::create_task`] for a coroutine already made a [`Coro`] (an inline one, say).
    pub fn spawn(&self, who: Who, coro: Coro) -> TaskId {
        self.with(|core| core.create_task(who, coro))
    }

    /// `task.cancel()`: false if the task is already done.
    pub fn cancel_task(&self, task: TaskId, cause: CancelCause) -> bool {
        self.with(|core| core.task_cancel(task, cause))
    }

    /// `loop.call_later(delay_ms / 1000, task.cancel)`.
    pub fn call_later_cancel(&self, delay_ms: u32, task: TaskId, cause: CancelCause) {
        self.with(|core| {
            let when = core.now + ms(delay_ms);
            core.cancels.push((task, cause));
            let index = core.cancels.len() as u32 - 1;
            core.timers.arm(when, Callback::CancelTask(index));
        });
    }

    /// `print(line)`.
    pub fn print(&self, line: Line) {
        self.with(|core| core.print(line));
    }

    /// `await task`: its result, its exception, or `CancelledError` if it was cancelled.
    ///
    /// # Cancellation
    /// Cancelling the awaiting task cancels `task` too (the cancel is forwarded to what it awaits).
    pub async fn await_task(&self, task: TaskId) -> PyResult {
        let fut = self.with(|core| core.task(task).fut);
        AwaitFut::new(fut).await
    }

    /// Records that the current task entered the coroutine `who` (awaited directly, not a task).
    pub fn coroutine_started(&self, who: Who) {
        self.with(|core| core.event(who, What::Entered));
    }

    /// Records how a coroutine awaited directly by the current task ended.
    pub fn coroutine_finished(&self, who: Who, outcome: &PyResult) {
        self.with(|core| {
            let finish = match outcome {
                Ok(_) => Finish::Done,
                Err(Exc::Cancelled) => {
                    let cause = core.step.current.and_then(|t| core.task(t).cause);
                    Finish::Cancelled {
                        cause,
                        started: true,
                    }
                }
                Err(exc) => Finish::Failed(exc.clone()),
            };
            core.record_end(who, finish);
        });
    }
}
