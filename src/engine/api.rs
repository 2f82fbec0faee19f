//! [`Api`]: what a coroutine can ask of the loop — the asyncio calls the scenario programs make.

use super::awaitables::AwaitFut;
use super::clock::{ms, Micros};
use super::core::{Callback, Core};
use super::exc::{Exc, PyResult};
use super::trace::{CancelCause, Finish, Line, What, Who};
use super::TaskId;
use std::cell::RefCell;
use std::future::Future;
use std::rc::Rc;

/// A handle on the running loop, cloned into every coroutine (one `Rc`).
///
/// Every method borrows the loop only for its own duration, so none may be called while another
/// is borrowing (they never are: coroutines are polled with no borrow held).
#[derive(Clone)]
pub struct Api {
    pub(crate) core: Rc<RefCell<Core>>,
}

impl Api {
    pub(crate) fn with<R>(&self, f: impl FnOnce(&mut Core) -> R) -> R {
        f(&mut self.core.borrow_mut())
    }

    /// `loop.time()`: the time of the current pass.
    pub fn now(&self) -> Micros {
        self.core.borrow().now
    }

    /// `asyncio.current_task()`.
    pub fn current_task(&self) -> TaskId {
        self.core.borrow().step.current.expect("current_task() outside a task")
    }

    /// `asyncio.create_task(coro)`: the task's first step runs in the next pass, not now.
    pub fn create_task(&self, who: Who, coro: impl Future<Output = PyResult> + 'static) -> TaskId {
        self.with(|core| core.create_task(who, Box::pin(coro)))
    }

    /// `loop.call_later(delay_ms / 1000, task.cancel)`.
    pub fn call_later_cancel(&self, delay_ms: u32, task: TaskId, cause: CancelCause) {
        self.with(|core| {
            let when = core.now + ms(delay_ms);
            core.timers.arm(when, Callback::CancelTask(task, cause));
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
        let fut = self.core.borrow().task(task).fut;
        AwaitFut::new(self, fut).await
    }

    /// Records that main entered the coroutine `who` (awaited directly, not as a task).
    pub fn coroutine_started(&self, who: Who) {
        self.with(|core| core.event(who, What::Created));
    }

    /// Records how a coroutine awaited directly by the current task ended.
    pub fn coroutine_finished(&self, who: Who, outcome: &PyResult) {
        self.with(|core| {
            let finish = match outcome {
                Ok(_) => Finish::Done,
                Err(Exc::Cancelled) => {
                    let cause = core.step.current.and_then(|t| core.task(t).cause);
                    Finish::Cancelled { cause, started: true }
                }
                Err(exc) => Finish::Failed(exc.clone()),
            };
            core.record_end(who, finish);
        });
    }
}

impl Api {
    /// Whose lane task `t` is.
    pub fn who_of(&self, t: TaskId) -> Who {
        self.core.borrow().task(t).who
    }
}
