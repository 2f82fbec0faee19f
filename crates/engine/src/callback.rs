//! What the ready queue and the timer heap hold (`events.Handle`): the loop's own callbacks, the
//! callbacks of asyncio's primitives, and the program's.

use crate::core::Core;
use crate::host::Host;
use crate::{FutId, TaskId};
use std::rc::Rc;

/// A done-callback or timer callback of one of asyncio's primitives (gather's `_done_callback`,
/// a TaskGroup's `_on_task_done`, a timeout's `_on_timeout`, …). It runs with the loop borrowed
/// and runs no program code: it only completes futures, cancels tasks and schedules callbacks.
pub trait Native<H: Host> {
    /// Runs the callback; `fut` is the future that finished, for a done-callback.
    fn call(&self, core: &mut Core<H>, fut: Option<FutId>);
    /// The callback as a future's repr lists it (`format_helpers._format_callback_source`): its
    /// `__qualname__` and `()`, and for a plain function where CPython 3.13.0 defines it, under
    /// its place in the standard library (`gather.<locals>._done_callback() at
    /// asyncio/tasks.py:820`).
    fn source(&self) -> &'static str;
    /// Whether, as a done-callback that has run, it lets go of the future it was given: true when
    /// what holds the future after it is the program's objects (wait's sets, the objects
    /// as_completed keeps); false (the default) when the primitive keeps the future itself until
    /// it retrieves its exception (gather's children, wait_for's future). A failed task nothing
    /// retrieved is freed once the last done-callback that held it has let go.
    fn lets_go(&self) -> bool {
        false
    }
}

/// One callback (a `Handle`'s `_callback` with its `_args`).
pub enum Callback<H: Host> {
    /// `Task.__step()`: the task's first step, or its next one after a bare yield. With an
    /// exception, `Task.__step(exc)` (the loop's own `RuntimeError`s, such as a task awaiting itself).
    Step(TaskId, Option<H::Exc>),
    /// `Task.__wakeup(fut)`: the future the task awaited is done; step with its result.
    Wakeup(TaskId, FutId),
    /// `futures._set_result_unless_cancelled(future, None)`: the timer of an `asyncio.sleep`
    /// task `.0` waits on fired ([`crate::task::Waiter::Sleep`]).
    SleepDone(TaskId),
    /// A primitive's callback, with the future that finished (for done-callbacks).
    Native(Rc<dyn Native<H>>, Option<FutId>),
    /// The program's callback, with the future that finished (for done-callbacks).
    Program(Rc<H::Callback>, Option<FutId>),
    /// `run_until_complete`'s `_run_until_complete_cb`: stop the loop after this pass.
    Stop,
}

/// How `_run_until_complete_cb` shows in the repr of the future it was added to.
pub const RUN_UNTIL_COMPLETE_CB: &str = "_run_until_complete_cb() at asyncio/base_events.py:182";

impl<H: Host> Clone for Callback<H> {
    fn clone(&self) -> Self {
        match self {
            Callback::Step(t, exc) => Callback::Step(*t, exc.clone()),
            Callback::Wakeup(t, f) => Callback::Wakeup(*t, *f),
            Callback::SleepDone(t) => Callback::SleepDone(*t),
            Callback::Native(n, f) => Callback::Native(n.clone(), *f),
            Callback::Program(p, f) => Callback::Program(p.clone(), *f),
            Callback::Stop => Callback::Stop,
        }
    }
}

impl<H: Host> Callback<H> {
    /// The same callback, for `remove_done_callback` (`f != fn`): the same primitive object, or
    /// program callbacks that compare equal.
    pub(crate) fn same(&self, other: &Callback<H>) -> bool {
        match (self, other) {
            (Callback::Wakeup(a, _), Callback::Wakeup(b, _)) => a == b,
            (Callback::Native(a, _), Callback::Native(b, _)) => Rc::ptr_eq(a, b),
            (Callback::Program(a, _), Callback::Program(b, _)) => H::same_callback(a, b),
            (Callback::Stop, Callback::Stop) => true,
            _ => false,
        }
    }

    /// The future a scheduled done-callback was given (a task's wakeup: the future it awaited).
    pub(crate) fn done_future(&self) -> Option<FutId> {
        match self {
            Callback::Wakeup(_, f) => Some(*f),
            Callback::Native(_, f) | Callback::Program(_, f) => *f,
            _ => None,
        }
    }

    /// The callback with `fut` as its argument (a done-callback being scheduled).
    pub(crate) fn with_fut(self, fut: FutId) -> Callback<H> {
        match self {
            Callback::Native(n, _) => Callback::Native(n, Some(fut)),
            Callback::Program(p, _) => Callback::Program(p, Some(fut)),
            other => other,
        }
    }
}

/// A handle on a scheduled callback (`Handle` / `TimerHandle`), for `cancel()`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct HandleId(pub(crate) u32);

/// An entry of the ready queue: a callback, and its handle if it can be cancelled.
pub(crate) struct Ready<H: Host> {
    pub(crate) cb: Callback<H>,
    pub(crate) handle: Option<HandleId>,
}
