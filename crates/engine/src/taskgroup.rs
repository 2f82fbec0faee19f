//! `asyncio.TaskGroup` (taskgroups.py, Python 3.13): abort on the first error, then an ExceptionGroup.

use super::api::Api;
use super::awaitables::AwaitFut;
use super::core::{Callback, Core};
use super::event_loop::Coro;
use super::exc::{Exc, PyResult, Value};
use super::futures::{Kind, State};
use super::trace::{CancelCause, Who};
use super::{FutId, TaskId};

/// One task group's state. Invariant: `pending` counts the tasks whose `_on_task_done` has not run
/// (the size of `_tasks`).
pub(crate) struct GroupState {
    parent: TaskId,
    tasks: Vec<TaskId>,
    pending: usize,
    errors: Vec<Exc>,
    aborting: bool,
    parent_cancel_requested: bool,
    on_completed: Option<FutId>,
}

impl Core {
    /// `_abort()`: cancel every task not yet done.
    fn group_abort(&mut self, g: usize, cause: CancelCause) {
        self.groups[g].aborting = true;
        for i in 0..self.groups[g].tasks.len() {
            let t = self.groups[g].tasks[i];
            if !self.futs.is_done(self.task(t).fut) {
                self.task_cancel(t, cause);
            }
        }
    }

    /// `_on_task_done(task)`.
    pub(crate) fn group_on_task_done(&mut self, g: u32, task: TaskId) {
        let g = g as usize;
        self.groups[g].pending -= 1;
        if let Some(fut) = self.groups[g].on_completed {
            if self.groups[g].pending == 0 && !self.futs.is_done(fut) {
                self.set_result(fut, Value::None);
            }
        }
        let exc = match self.futs.state(self.task(task).fut) {
            State::Done(Err(exc)) => exc.clone(),
            _ => return, // done, or cancelled: not an error
        };
        self.groups[g].errors.push(exc);
        let parent = self.groups[g].parent;
        if self.futs.is_done(self.task(parent).fut) {
            return;
        }
        let st = &self.groups[g];
        if !st.aborting && !st.parent_cancel_requested {
            let cause = CancelCause::TaskGroupAbort {
                failed: self.task(task).who.work_index(),
            };
            self.group_abort(g, cause);
            self.groups[g].parent_cancel_requested = true;
            self.task_cancel(parent, cause);
        }
    }
}

/// `async with asyncio.TaskGroup() as group:`.
///
/// # Errors
/// The first child to fail with anything but `CancelledError` cancels every unfinished child and
/// the body; `exit` then waits for them all and raises `ExceptionGroup('unhandled errors in a
/// TaskGroup', [...])` with every such error in the order they happened. A child cancelled from
/// outside is not an error.
///
/// # Cancellation
/// If the body's task is cancelled from outside, the children are cancelled and `exit` raises
/// `CancelledError` once they have finished (unless a child failed meanwhile: then the group wins).
#[derive(Clone, Copy, Debug)]
pub struct TaskGroup(u32);

impl TaskGroup {
    /// `__aenter__`: the current task becomes the group's parent.
    pub fn enter(api: &Api) -> TaskGroup {
        let parent = api.current_task();
        api.with(|core| {
            core.groups.push(GroupState {
                parent,
                tasks: Vec::new(),
                pending: 0,
                errors: Vec::new(),
                aborting: false,
                parent_cancel_requested: false,
                on_completed: None,
            });
            TaskGroup(core.groups.len() as u32 - 1)
        })
    }

    /// `group.create_task(coro)`.
    pub fn create_task(&self, api: &Api, who: Who, coro: Coro) -> TaskId {
        api.with(|core| {
            let t = core.create_task(who, coro);
            let st = &mut core.groups[self.0 as usize];
            st.tasks.push(t);
            st.pending += 1;
            let fut = core.task(t).fut;
            core.add_done_callback(fut, Callback::GroupTaskDone(self.0, t));
            t
        })
    }

    /// `__aexit__(None, None, None)`: wait for every task, then raise what the group collected.
    pub async fn exit(&self, api: &Api) -> PyResult<()> {
        let g = self.0 as usize;
        let mut propagate_cancel = false;
        loop {
            let fut = api.with(|core| {
                let st = &mut core.groups[g];
                (st.pending > 0).then(|| {
                    *st.on_completed
                        .get_or_insert_with(|| core.futs.create(Kind::GroupExit))
                })
            });
            let Some(fut) = fut else { break };
            if AwaitFut::new(fut).await.is_err() {
                // Our parent task is being cancelled from outside: abort, keep waiting.
                api.with(|core| {
                    if !core.groups[g].aborting {
                        propagate_cancel = true;
                        core.group_abort(g, CancelCause::TaskGroupAbort { failed: None });
                    }
                });
            }
            api.with(|core| core.groups[g].on_completed = None);
        }
        api.with(|core| {
            let parent = core.groups[g].parent;
            if core.groups[g].parent_cancel_requested && core.task_uncancel(parent) == 0 {
                propagate_cancel = false;
            }
            let errors = std::mem::take(&mut core.groups[g].errors);
            if errors.is_empty() {
                return if propagate_cancel {
                    Err(Exc::Cancelled)
                } else {
                    Ok(())
                };
            }
            // Cancelled from outside as well: un-cancel and re-cancel, keeping the count stable.
            if core.task(parent).num_cancels > 0 {
                let cause = core.task(parent).cause;
                core.task_uncancel(parent);
                core.task_cancel(
                    parent,
                    cause.unwrap_or(CancelCause::TaskGroupAbort { failed: None }),
                );
            }
            Err(Exc::TaskGroup(errors.into()))
        })
    }
}
