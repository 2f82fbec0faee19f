//! Asyncio futures (`futures.Future`): result slots in a slab, each with its done-callbacks.

use super::core::Callback;
use super::exc::{Exc, PyResult};
use super::{FutId, TaskId};

/// The state of one future.
#[derive(Clone, Debug)]
pub(crate) enum State {
    /// Not done yet; callbacks may be added.
    Pending,
    /// Finished with a result or an exception (`set_result` / `set_exception`).
    Done(PyResult),
    /// `Future.cancel()` succeeded.
    Cancelled,
}

/// What a future stands for: decides how `cancel()` acts on it and what a waiter is shown waiting on.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Kind {
    /// The future inside `asyncio.sleep`, completed by a timer (its deadline is in the trace).
    Sleep,
    /// A task's own future (`Task` is a `Future`): cancelling it is `Task.cancel()`.
    Task(TaskId),
    /// A gather's outer `_GatheringFuture`: cancelling it cancels the children.
    Gather(u32),
    /// The waiter future inside `asyncio.wait`.
    Wait,
    /// The `_on_completed_fut` a TaskGroup's `__aexit__` awaits.
    GroupExit,
    /// A plain future with no special role.
    Plain,
}

/// A future's done-callbacks, in registration order. Most futures have exactly one (their awaiter).
#[derive(Debug, Default)]
pub(crate) enum Callbacks {
    #[default]
    None,
    One(Callback),
    // Boxed so that `Callbacks` stays 16 bytes: two futures per live task carry one.
    #[allow(clippy::box_collection)]
    Many(Box<Vec<Callback>>),
}

impl Callbacks {
    fn push(&mut self, cb: Callback) {
        *self = match std::mem::take(self) {
            Callbacks::None => Callbacks::One(cb),
            Callbacks::One(first) => Callbacks::Many(Box::new(vec![first, cb])),
            Callbacks::Many(mut v) => {
                v.push(cb);
                Callbacks::Many(v)
            }
        };
    }

    /// Calls `f` on each callback in registration order, consuming them.
    pub(crate) fn for_each(self, mut f: impl FnMut(Callback)) {
        match self {
            Callbacks::None => {}
            Callbacks::One(cb) => f(cb),
            Callbacks::Many(v) => v.into_iter().for_each(f),
        }
    }
}

struct Slot {
    state: State,
    kind: Kind,
    callbacks: Callbacks,
}

/// The slab of futures. Invariant: a freed id is never used again until `create` hands it out anew,
/// and only futures nothing else refers to (a finished sleep's) are freed.
#[derive(Default)]
pub(crate) struct Futures {
    slots: Vec<Slot>,
    free: Vec<u32>,
}

impl Futures {
    pub(crate) fn reserve(&mut self, n: usize) {
        self.slots.reserve(n);
    }

    pub(crate) fn create(&mut self, kind: Kind) -> FutId {
        let slot = Slot {
            state: State::Pending,
            kind,
            callbacks: Callbacks::None,
        };
        match self.free.pop() {
            Some(i) => {
                self.slots[i as usize] = slot;
                FutId(i)
            }
            None => {
                self.slots.push(slot);
                FutId(self.slots.len() as u32 - 1)
            }
        }
    }

    pub(crate) fn free(&mut self, id: FutId) {
        self.slots[id.0 as usize].callbacks = Callbacks::None;
        self.free.push(id.0);
    }

    pub(crate) fn kind(&self, id: FutId) -> Kind {
        self.slots[id.0 as usize].kind
    }

    pub(crate) fn state(&self, id: FutId) -> &State {
        &self.slots[id.0 as usize].state
    }

    pub(crate) fn is_done(&self, id: FutId) -> bool {
        !matches!(self.state(id), State::Pending)
    }

    /// `future.result()`: the value, or the exception it raises (`CancelledError` if cancelled).
    pub(crate) fn result(&self, id: FutId) -> PyResult {
        match self.state(id) {
            State::Done(r) => r.clone(),
            State::Cancelled => Err(Exc::Cancelled),
            State::Pending => unreachable!("result() of a pending future"),
        }
    }

    /// Marks a pending future done and hands back its callbacks, for the loop to schedule.
    pub(crate) fn complete(&mut self, id: FutId, state: State) -> Callbacks {
        let slot = &mut self.slots[id.0 as usize];
        debug_assert!(
            matches!(slot.state, State::Pending),
            "completing a done future"
        );
        slot.state = state;
        std::mem::take(&mut slot.callbacks)
    }

    /// Adds a done-callback to a pending future.
    pub(crate) fn add_callback(&mut self, id: FutId, cb: Callback) {
        self.slots[id.0 as usize].callbacks.push(cb);
    }

    /// `remove_done_callback`: drops the callbacks not yet scheduled that match `pred`.
    pub(crate) fn remove_callbacks(&mut self, id: FutId, pred: impl Fn(&Callback) -> bool) {
        let slot = &mut self.slots[id.0 as usize];
        slot.callbacks = match std::mem::take(&mut slot.callbacks) {
            Callbacks::One(cb) if pred(&cb) => Callbacks::None,
            Callbacks::Many(mut v) => {
                v.retain(|cb| !pred(cb));
                Callbacks::Many(v)
            }
            other => other,
        };
    }
}
