//! `asyncio.wait` (`tasks.wait` / `tasks._wait`): never raises the tasks' errors, never cancels them.

use super::api::Api;
use super::awaitables::AwaitFut;
use super::clock::ms;
use super::core::{Callback, Core};
use super::exc::{Exc, PyResult, Value};
use super::futures::{Kind, State};
use super::timers::TimerHandle;
use super::{FutId, TaskId};

/// `return_when`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum ReturnWhen {
    #[default]
    AllCompleted,
    FirstCompleted,
    FirstException,
}

/// The `(done, pending)` pair `asyncio.wait` returns, each in task-creation order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WaitSets {
    pub done: Vec<TaskId>,
    pub pending: Vec<TaskId>,
}

/// One wait in progress.
pub(crate) struct WaitState {
    waiter: FutId,
    futs: Box<[FutId]>,
    /// `counter`: completions still to come before ALL_COMPLETED (may go below 0 with callbacks
    /// that were already scheduled when the wait returned).
    counter: i64,
    when: ReturnWhen,
    timeout: Option<TimerHandle>,
}

impl Core {
    fn wait_begin(
        &mut self,
        tasks: &[TaskId],
        timeout_ms: Option<u32>,
        when: ReturnWhen,
    ) -> (u32, FutId) {
        let w = self.waits.len() as u32;
        let waiter = self.futs.create(Kind::Wait);
        let timeout = timeout_ms.map(|t| {
            self.timers
                .arm(self.now + ms(t), Callback::ReleaseWaiter(waiter))
        });
        let futs: Box<[FutId]> = tasks.iter().map(|&t| self.task(t).fut).collect();
        let counter = futs.len() as i64;
        for &f in futs.iter() {
            self.add_done_callback(f, Callback::WaitCompletion(w, f));
        }
        self.waits.push(WaitState {
            waiter,
            futs,
            counter,
            when,
            timeout,
        });
        (w, waiter)
    }

    /// `_on_completion(f)`.
    pub(crate) fn wait_on_completion(&mut self, w: u32, f: FutId) {
        let st = &mut self.waits[w as usize];
        st.counter -= 1;
        let failed = matches!(self.futs.state(f), State::Done(Err(_)));
        let release = st.counter <= 0
            || st.when == ReturnWhen::FirstCompleted
            || (st.when == ReturnWhen::FirstException && failed);
        if release {
            let (waiter, timeout) = (st.waiter, st.timeout);
            if let Some(h) = timeout {
                self.timers.cancel(h);
            }
            if !self.futs.is_done(waiter) {
                self.set_result(waiter, Value::None);
            }
        }
    }

    /// The `finally:` of `_wait`: cancel the timeout, remove the callbacks not yet scheduled.
    fn wait_end(&mut self, w: u32) {
        let st = &self.waits[w as usize];
        if let Some(h) = st.timeout {
            self.timers.cancel(h);
        }
        for i in 0..self.waits[w as usize].futs.len() {
            let f = self.waits[w as usize].futs[i];
            self.futs
                .remove_callbacks(f, |cb| *cb == Callback::WaitCompletion(w, f));
        }
    }
}

/// `done, pending = await asyncio.wait(tasks, timeout=..., return_when=...)`.
///
/// # Errors
/// `ValueError('Set of Tasks/Futures is empty.')` at once for no tasks. The tasks' own exceptions
/// are never raised: a failed task is simply in `done`.
///
/// # Cancellation
/// Nothing is cancelled: not on return, not on timeout (no `TimeoutError`: late tasks are in
/// `pending`), and not when the awaiting task is cancelled (only the wait itself stops).
pub async fn wait(
    api: &Api,
    tasks: &[TaskId],
    timeout_ms: Option<u32>,
    when: ReturnWhen,
) -> PyResult<WaitSets> {
    if tasks.is_empty() {
        return Err(Exc::EmptyWait);
    }
    let (w, waiter) = api.with(|core| core.wait_begin(tasks, timeout_ms, when));
    let outcome = AwaitFut::new(waiter).await;
    api.with(|core| core.wait_end(w));
    outcome?;
    Ok(api.with(|core| {
        let (done, pending) = tasks
            .iter()
            .partition(|&&t| core.futs.is_done(core.task(t).fut));
        WaitSets { done, pending }
    }))
}
