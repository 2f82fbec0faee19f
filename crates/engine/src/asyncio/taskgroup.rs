//! `asyncio.TaskGroup` (taskgroups.py, 3.13), line by line: abort on the first error, then an
//! `ExceptionGroup`.

use crate::api::Api;
use crate::awaitables::AwaitFut;
use crate::callback::{Callback, Native};
use crate::core::Core;
use crate::host::{ErrorKind, Host, Report};
use crate::trace::{Awaiting, CancelCause};
use crate::{Coro, FutId, TaskId};
use std::cell::RefCell;
use std::collections::BTreeSet;
use std::rc::Rc;

/// One task group's state (the attributes of `TaskGroup.__init__`).
struct State<H: Host> {
    entered: bool,
    exiting: bool,
    aborting: bool,
    parent_task: Option<TaskId>,
    parent_cancel_requested: bool,
    /// `_tasks`: the tasks not done yet, in creation order (ids grow as tasks are made).
    /// CPython's is a set; an ordered one keeps iteration deterministic and a removal cheap
    /// (a `Vec`'s `retain` made a group of 100,000 tasks quadratic).
    tasks: BTreeSet<TaskId>,
    /// `_errors`; `None` once raised (`self._errors = None`).
    errors: Option<Vec<H::Exc>>,
    base_error: Option<H::Exc>,
    on_completed_fut: Option<FutId>,
}

/// `async with asyncio.TaskGroup() as group:`.
///
/// # Errors
/// The first child to fail with anything but `CancelledError` cancels every unfinished child and
/// the body's task; `__aexit__` waits for them all, then raises `ExceptionGroup('unhandled errors in
/// a TaskGroup', [...])` with every such error in the order they happened. A child cancelled from
/// outside is not an error.
///
/// # Cancellation
/// If the body's task is cancelled from outside, the children are cancelled and `__aexit__`
/// raises `CancelledError` once they have finished (unless a child failed meanwhile: the group wins).
pub struct TaskGroup<H: Host>(Rc<RefCell<State<H>>>);

impl<H: Host> Clone for TaskGroup<H> {
    fn clone(&self) -> Self {
        TaskGroup(self.0.clone())
    }
}

impl<H: Host> Default for TaskGroup<H> {
    fn default() -> Self {
        Self::new()
    }
}

/// `self._on_task_done`, as a done-callback.
struct OnTaskDone<H: Host>(TaskGroup<H>);

impl<H: Host> Native<H> for OnTaskDone<H> {
    // A bound method: no place shown.
    fn source(&self) -> &'static str {
        "TaskGroup._on_task_done()"
    }

    fn call(&self, core: &mut Core<H>, fut: Option<FutId>) {
        if let Some(t) = fut.and_then(|f| core.task_of(f)) {
            self.0.on_task_done(core, t);
        }
    }
}

impl<H: Host> TaskGroup<H> {
    pub fn new() -> Self {
        TaskGroup(Rc::new(RefCell::new(State {
            entered: false,
            exiting: false,
            aborting: false,
            parent_task: None,
            parent_cancel_requested: false,
            tasks: BTreeSet::new(),
            errors: Some(Vec::new()),
            base_error: None,
            on_completed_fut: None,
        })))
    }

    /// The same group (`is`).
    pub fn same(&self, other: &TaskGroup<H>) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }

    /// `repr(group)`: `<TaskGroup tasks=2 errors=1 cancelling>`.
    pub fn repr(&self) -> String {
        let st = self.0.borrow();
        let mut info = String::new();
        if !st.tasks.is_empty() {
            info += &format!(" tasks={}", st.tasks.len());
        }
        if let Some(errors) = st.errors.as_ref().filter(|e| !e.is_empty()) {
            info += &format!(" errors={}", errors.len());
        }
        if st.aborting {
            info += " cancelling";
        } else if st.entered {
            info += " entered";
        }
        format!("<TaskGroup{info}>")
    }

    /// `__aenter__`: the current task becomes the group's parent.
    pub fn aenter(&self, core: &mut Core<H>) -> Result<(), H::Exc> {
        let mut st = self.0.borrow_mut();
        if st.entered {
            drop(st);
            let msg = format!("TaskGroup {} has already been entered", self.repr());
            return Err(H::error(ErrorKind::RuntimeError, Some(&msg)));
        }
        st.parent_task = core.current_task();
        if st.parent_task.is_none() {
            drop(st);
            let msg = format!("TaskGroup {} cannot determine the parent task", self.repr());
            return Err(H::error(ErrorKind::RuntimeError, Some(&msg)));
        }
        st.entered = true;
        Ok(())
    }

    /// `group.create_task(coro, name=...)`. The caller closes `coro` on an error.
    pub fn create_task(
        &self,
        core: &mut Core<H>,
        coro: Coro<H>,
        name: impl Into<crate::TaskName>,
        coro_name: Rc<str>,
    ) -> Result<TaskId, H::Exc> {
        let problem = {
            let st = self.0.borrow();
            if !st.entered {
                Some("has not been entered")
            } else if st.exiting && st.tasks.is_empty() {
                Some("is finished")
            } else if st.aborting {
                Some("is shutting down")
            } else {
                None
            }
        };
        if let Some(p) = problem {
            let msg = format!("TaskGroup {} {p}", self.repr());
            return Err(H::error(ErrorKind::RuntimeError, Some(&msg)));
        }
        let t = core.create_task(coro, name, coro_name);
        if core.task_done(t) {
            self.on_task_done(core, t);
        } else {
            self.0.borrow_mut().tasks.insert(t);
            let native: Rc<dyn Native<H>> = Rc::new(OnTaskDone(self.clone()));
            let fut = core.task_future(t);
            core.add_done_callback(fut, Callback::Native(native, None));
        }
        Ok(t)
    }

    /// `_abort()`: cancel every task not yet done.
    fn abort(&self, core: &mut Core<H>, cause: CancelCause) {
        let tasks = {
            let mut st = self.0.borrow_mut();
            st.aborting = true;
            st.tasks.clone()
        };
        for t in tasks {
            if !core.task_done(t) {
                core.task_cancel(t, None, cause);
            }
        }
    }

    /// `_on_task_done(task)`.
    fn on_task_done(&self, core: &mut Core<H>, task: TaskId) {
        let (parent, done_fut) = {
            let mut st = self.0.borrow_mut();
            st.tasks.remove(&task);
            let done_fut = st.on_completed_fut.filter(|_| st.tasks.is_empty());
            (st.parent_task, done_fut)
        };
        if let Some(f) = done_fut {
            if !core.future_done(f) {
                let _ = core.set_result(f, H::boolean(true));
            }
        }
        let fut = core.task_future(task);
        if core.future_cancelled(fut) {
            return;
        }
        let Ok(Some(exc)) = core.future_exception(fut) else {
            return;
        };
        let Some(parent) = parent else { return };
        {
            let mut st = self.0.borrow_mut();
            if let Some(errors) = st.errors.as_mut() {
                errors.push(exc.clone());
            }
            if H::is_exit(&exc) && st.base_error.is_none() {
                st.base_error = Some(exc);
            }
        }
        if core.task_done(parent) {
            H::report(Report::OrphanError { task, parent });
            return;
        }
        let (aborting, requested) = {
            let st = self.0.borrow();
            (st.aborting, st.parent_cancel_requested)
        };
        if !aborting && !requested {
            let cause = CancelCause::TaskGroup { failed: Some(task) };
            self.abort(core, cause);
            self.0.borrow_mut().parent_cancel_requested = true;
            core.task_cancel(parent, None, cause);
        }
    }

    /// `__aexit__(et, exc, tb)`: `exc` is what the body raised, if anything.
    ///
    /// # Errors
    /// The body's `SystemExit`/`KeyboardInterrupt`, a `CancelledError`, or the `ExceptionGroup`.
    pub async fn aexit(&self, exc: Option<H::Exc>) -> Result<(), H::Exc> {
        let mut propagate_cancellation_error: Option<H::Exc> = None;
        {
            let mut st = self.0.borrow_mut();
            st.exiting = true;
            if let Some(e) = &exc {
                if H::is_exit(e) && st.base_error.is_none() {
                    st.base_error = Some(e.clone());
                }
                if H::is_cancelled_error(e) {
                    propagate_cancellation_error = Some(e.clone());
                }
            }
        }
        if exc.is_some() && !self.0.borrow().aborting {
            Api::<H>::with(|core| self.abort(core, CancelCause::TaskGroup { failed: None }));
        }
        while !self.0.borrow().tasks.is_empty() {
            let fut = Api::<H>::with(|core| {
                let mut st = self.0.borrow_mut();
                *st.on_completed_fut
                    .get_or_insert_with(|| core.create_future(Awaiting::TaskGroup))
            });
            if let Err(ex) = AwaitFut::<H>::new(fut).await {
                if H::is_cancelled_error(&ex) && !self.0.borrow().aborting {
                    propagate_cancellation_error = Some(ex);
                    Api::<H>::with(|core| {
                        self.abort(core, CancelCause::TaskGroup { failed: None })
                    });
                } else if !H::is_cancelled_error(&ex) {
                    return Err(ex);
                }
            }
            self.0.borrow_mut().on_completed_fut = None;
        }
        if let Some(base) = self.0.borrow().base_error.clone() {
            return Err(base);
        }
        let (parent, requested) = {
            let st = self.0.borrow();
            (st.parent_task, st.parent_cancel_requested)
        };
        let parent = parent.expect("an entered group has a parent");
        if requested && Api::<H>::with(|core| core.task_uncancel(parent)) == 0 {
            propagate_cancellation_error = None;
        }
        let no_errors = self.0.borrow().errors.as_ref().is_none_or(|e| e.is_empty());
        if let Some(e) = propagate_cancellation_error {
            if no_errors {
                return Err(e);
            }
        }
        if let Some(e) = exc.filter(|e| !H::is_cancelled_error(e)) {
            if let Some(errors) = self.0.borrow_mut().errors.as_mut() {
                errors.push(e);
            }
        }
        let errors = self.0.borrow().errors.clone().unwrap_or_default();
        if errors.is_empty() {
            return Ok(());
        }
        Api::<H>::with(|core| {
            if core.task_cancelling(parent) > 0 {
                let cause = core.tasks[parent.0 as usize].cause();
                core.task_uncancel(parent);
                core.task_cancel(
                    parent,
                    None,
                    cause.unwrap_or(CancelCause::TaskGroup { failed: None }),
                );
            }
        });
        self.0.borrow_mut().errors = None;
        Err(H::exception_group(
            "unhandled errors in a TaskGroup",
            errors,
        ))
    }

    /// Whether the group's tasks have all finished (for the trace reader: nothing else).
    pub fn is_idle(&self) -> bool {
        self.0.borrow().tasks.is_empty()
    }
}
