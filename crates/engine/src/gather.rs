//! `asyncio.gather` (`tasks.gather` and `_GatheringFuture`), for main and for `asyncio.run`'s shutdown.

use super::api::Api;
use super::awaitables::AwaitFut;
use super::core::{Callback, Core};
use super::exc::{Exc, PyResult, Value};
use super::futures::{Kind, State};
use super::trace::CancelCause;
use super::{FutId, TaskId};
use std::rc::Rc;

/// One gather. Invariant: `nfinished` counts the children whose done-callback has run.
pub(crate) struct GatherState {
    outer: FutId,
    children: Box<[FutId]>,
    nfinished: usize,
    return_exceptions: bool,
    /// `_cancel_requested`: the outer future was cancelled and at least one child took the cancel.
    cancel_requested: bool,
}

impl Core {
    /// `gather(*tasks, return_exceptions=...)`: returns the outer future.
    pub(crate) fn gather(&mut self, children: &[TaskId], return_exceptions: bool) -> FutId {
        if children.is_empty() {
            let outer = self.futs.create(Kind::Plain);
            self.set_result(outer, Value::List(Rc::new(Vec::new())));
            return outer;
        }
        let g = self.gathers.len() as u32;
        let children: Box<[FutId]> = children.iter().map(|&t| self.task(t).fut).collect();
        let mut done_futs = Vec::new();
        for &child in children.iter() {
            if self.futs.is_done(child) {
                done_futs.push(child);
            } else {
                self.futs
                    .add_callback(child, Callback::GatherChildDone(g, child));
            }
        }
        let outer = self.futs.create(Kind::Gather(g));
        let nfinished = 0;
        self.gathers.push(GatherState {
            outer,
            children,
            nfinished,
            return_exceptions,
            cancel_requested: false,
        });
        for child in done_futs {
            self.gather_child_done(g, child);
        }
        outer
    }

    /// gather's `_done_callback(child)`.
    pub(crate) fn gather_child_done(&mut self, g: u32, child: FutId) {
        let st = &mut self.gathers[g as usize];
        st.nfinished += 1;
        let (outer, all_done) = (st.outer, st.nfinished == st.children.len());
        if self.futs.is_done(outer) {
            return;
        }
        if !st.return_exceptions {
            // The first exception (a cancelled child counts as CancelledError) goes to the awaiter
            // at once; the other children keep running.
            let first_error = match self.futs.state(child) {
                State::Cancelled => Some(Exc::Cancelled),
                State::Done(Err(exc)) => Some(exc.clone()),
                _ => None,
            };
            if let Some(exc) = first_error {
                self.set_exception(outer, exc);
                return;
            }
        }
        if all_done {
            let st = &self.gathers[g as usize];
            let results: Vec<PyResult> = st.children.iter().map(|&c| self.futs.result(c)).collect();
            if st.cancel_requested {
                self.set_exception(outer, Exc::Cancelled);
            } else {
                self.set_result(outer, Value::List(Rc::new(results)));
            }
        }
    }

    /// `_GatheringFuture.cancel()`: cancels every child not yet done; true if any took the cancel.
    pub(crate) fn gather_cancel(&mut self, g: u32, cause: CancelCause) -> bool {
        let g = g as usize;
        if self.futs.is_done(self.gathers[g].outer) {
            return false;
        }
        let mut any = false;
        for i in 0..self.gathers[g].children.len() {
            let child = self.gathers[g].children[i];
            any |= self.cancel_future(child, cause);
        }
        self.gathers[g].cancel_requested |= any;
        any
    }
}

impl Api {
    /// `await asyncio.gather(*tasks, return_exceptions=...)`: the results in argument order.
    ///
    /// # Errors
    /// Without `return_exceptions`, the first child to fail (or be cancelled: `CancelledError`)
    /// raises at once; the other children are not cancelled and keep running.
    ///
    /// # Cancellation
    /// Cancelling the awaiting task cancels every unfinished child, and the gather then raises
    /// `CancelledError` even with `return_exceptions`.
    pub async fn gather(&self, children: &[TaskId], return_exceptions: bool) -> PyResult {
        let outer = self.with(|core| core.gather(children, return_exceptions));
        AwaitFut::new(outer).await
    }
}
