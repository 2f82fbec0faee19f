//! Asyncio futures (`futures.Future`): result slots in a slab, each with its done-callbacks.

use crate::callback::Callback;
use crate::chunked::Chunked;
use crate::host::Host;
use crate::trace::Awaiting;
use crate::{FutId, TaskId};
use std::rc::Rc;

/// How one future ended, or that it has not.
pub enum FutState<H: Host> {
    /// Not done yet; callbacks may be added.
    Pending,
    /// `set_result` / `set_exception`.
    Finished(Result<H::Value, H::Exc>),
    /// `cancel(msg)` succeeded (boxed: a done future is then no bigger than its result).
    Cancelled(Box<Cancellation<H>>),
}

/// How a future was cancelled.
pub struct Cancellation<H: Host> {
    /// `_cancel_message`.
    pub msg: Option<H::Value>,
    /// `_cancelled_exc`: the `CancelledError` a task ended with, handed out once by
    /// `_make_cancelled_error`.
    pub exc: Option<H::Exc>,
}

impl<H: Host> FutState<H> {
    /// A future cancelled with `msg`, or a task ended by the `CancelledError` `exc`.
    pub(crate) fn cancelled(msg: Option<H::Value>, exc: Option<H::Exc>) -> FutState<H> {
        FutState::Cancelled(Box::new(Cancellation { msg, exc }))
    }
}

/// A future whose `cancel()` is its own (`_GatheringFuture.cancel`): it returns whether anything
/// took the cancel, and the future stays pending until its owner settles it.
pub trait CancelHook<H: Host> {
    fn cancel(&self, core: &mut crate::core::Core<H>, msg: Option<H::Value>) -> bool;
}

/// What a future is, beyond a result slot, with what a task suspended on it waits for (for the
/// trace).
pub(crate) enum Kind {
    /// A future (`loop.create_future()`); or one with its own `cancel()`, which is kept in
    /// [`Futures::hooks`] (few futures have one, and every slot would pay for the pointer).
    Plain(Awaiting),
    /// A task's own future (`Task` is a `Future`): cancelling it is `Task.cancel()`. With what
    /// of the loop's holds the task as CPython's does: the handles of its done-callbacks scheduled
    /// and not yet run (`call_soon(callback, self)`), and `asyncio.run` its main task. A failed
    /// task is not freed (nor logged) while any does.
    Task(TaskId, u32),
}

impl Kind {
    /// What a task suspended on the future waits for.
    fn label(&self) -> Awaiting {
        match self {
            Kind::Plain(label) => *label,
            Kind::Task(t, _) => Awaiting::Task(*t),
        }
    }
}

/// A future's done-callbacks, in registration order. Most futures have exactly one (their awaiter).
pub(crate) enum Callbacks<H: Host> {
    None,
    One(Callback<H>),
    /// Boxed: most futures never have two, and a slot stays the size of one callback.
    #[allow(clippy::box_collection)] // a thin pointer: 24 bytes a slot rather than 32
    Many(Box<Vec<Callback<H>>>),
}

impl<H: Host> Callbacks<H> {
    fn push(&mut self, cb: Callback<H>) {
        *self = match std::mem::replace(self, Callbacks::None) {
            Callbacks::None => Callbacks::One(cb),
            Callbacks::One(first) => Callbacks::Many(Box::new(vec![first, cb])),
            Callbacks::Many(mut v) => {
                v.push(cb);
                Callbacks::Many(v)
            }
        };
    }

    pub(crate) fn into_vec(self) -> Vec<Callback<H>> {
        match self {
            Callbacks::None => Vec::new(),
            Callbacks::One(cb) => vec![cb],
            Callbacks::Many(v) => *v,
        }
    }
}

/// A future (64 bytes: 100,000 pending tasks hold one each).
struct Slot<H: Host> {
    state: FutState<H>,
    kind: Kind,
    callbacks: Callbacks<H>,
    /// `__log_traceback`: an exception was set and nothing has retrieved it yet.
    log_traceback: bool,
    /// The handles of its done-callbacks scheduled and not yet run (a task's future counts
    /// them in [`Kind::Task`] instead): as in CPython, each holds the future (and its callback
    /// may retrieve the exception), so the program's dropping it meanwhile frees nothing.
    holds: u16,
    /// A primitive that keeps the future ran a done-callback of it (gather's children,
    /// wait_for's future): from then on the primitive holds it.
    kept: bool,
}

/// The slab of futures. Invariant: a freed id is reused only by `create`, and only futures that
/// nothing else refers to (a finished sleep's) are freed.
pub(crate) struct Futures<H: Host> {
    slots: Chunked<Slot<H>>,
    free: Vec<u32>,
    /// `_exception_tb`: the traceback a failed future's exception had when it was set, until the
    /// first `result()` gives it back (kept apart: few futures fail).
    exception_tb: crate::fast_hash::FastMap<u32, H::Traceback>,
    /// The `cancel()` of each future that has its own (`_GatheringFuture.cancel`), by id.
    hooks: crate::fast_hash::FastMap<u32, Rc<dyn CancelHook<H>>>,
}

impl<H: Host> Default for Futures<H> {
    fn default() -> Self {
        Futures {
            slots: Chunked::default(),
            free: Vec::new(),
            exception_tb: Default::default(),
            hooks: Default::default(),
        }
    }
}

impl<H: Host> Futures<H> {
    pub(crate) fn create(&mut self, kind: Kind) -> FutId {
        let slot = Slot {
            state: FutState::Pending,
            kind,
            callbacks: Callbacks::None,
            log_traceback: false,
            holds: 0,
            kept: false,
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
        let slot = &mut self.slots[id.0 as usize];
        slot.callbacks = Callbacks::None;
        slot.state = FutState::Pending;
        self.exception_tb.remove(&id.0);
        self.hooks.remove(&id.0);
        self.free.push(id.0);
    }

    fn slot(&self, id: FutId) -> &Slot<H> {
        &self.slots[id.0 as usize]
    }

    fn slot_mut(&mut self, id: FutId) -> &mut Slot<H> {
        &mut self.slots[id.0 as usize]
    }

    /// A future with its own `cancel()`, `hook`'s.
    pub(crate) fn create_hooked(&mut self, label: Awaiting, hook: Rc<dyn CancelHook<H>>) -> FutId {
        let id = self.create(Kind::Plain(label));
        self.hooks.insert(id.0, hook);
        id
    }

    pub(crate) fn kind(&self, id: FutId) -> &Kind {
        &self.slot(id).kind
    }

    pub(crate) fn kind_mut(&mut self, id: FutId) -> &mut Kind {
        &mut self.slot_mut(id).kind
    }

    /// The `cancel()` of a future that has its own.
    pub(crate) fn hook(&self, id: FutId) -> Option<Rc<dyn CancelHook<H>>> {
        self.hooks.get(&id.0).cloned()
    }

    pub(crate) fn label(&self, id: FutId) -> Awaiting {
        self.slot(id).kind.label()
    }

    pub(crate) fn state(&self, id: FutId) -> &FutState<H> {
        &self.slot(id).state
    }

    pub(crate) fn is_done(&self, id: FutId) -> bool {
        !matches!(self.state(id), FutState::Pending)
    }

    pub(crate) fn is_cancelled(&self, id: FutId) -> bool {
        matches!(self.state(id), FutState::Cancelled(_))
    }

    pub(crate) fn log_traceback(&self, id: FutId) -> bool {
        self.slot(id).log_traceback
    }

    pub(crate) fn set_log_traceback(&mut self, id: FutId, on: bool) {
        self.slot_mut(id).log_traceback = on;
    }

    /// `_make_cancelled_error()` of a cancelled future: its saved `CancelledError` the first time,
    /// a new one (with the cancel message, if any) after that.
    pub(crate) fn make_cancelled_error(&mut self, id: FutId) -> H::Exc {
        match &mut self.slot_mut(id).state {
            FutState::Cancelled(c) => c
                .exc
                .take()
                .unwrap_or_else(|| H::cancelled_error(c.msg.as_ref())),
            _ => H::cancelled_error(None),
        }
    }

    /// `future.result()` of a done future: its value, or the exception it raises. Retrieves the
    /// exception (`__log_traceback = False`), with the traceback it had when it was set the
    /// first time, and none after (C `future_get_result` clears `fut_exception_tb`): awaiting a
    /// failed task twice does not pile the first await's frames onto the second.
    pub(crate) fn result(&mut self, id: FutId) -> Result<H::Value, H::Exc> {
        if self.is_cancelled(id) {
            return Err(self.make_cancelled_error(id));
        }
        let saved = self.exception_tb.remove(&id.0);
        let slot = self.slot_mut(id);
        slot.log_traceback = false;
        match &slot.state {
            FutState::Finished(Err(e)) => {
                H::set_traceback(e, saved);
                Err(e.clone())
            }
            FutState::Finished(r) => r.clone(),
            _ => Err(H::error(
                crate::host::ErrorKind::InvalidStateError,
                Some("Result is not set."),
            )),
        }
    }

    /// `future.exception()` of a done future. Retrieves it.
    pub(crate) fn exception(&mut self, id: FutId) -> Result<Option<H::Exc>, H::Exc> {
        if self.is_cancelled(id) {
            return Err(self.make_cancelled_error(id));
        }
        let slot = self.slot_mut(id);
        slot.log_traceback = false;
        match &slot.state {
            FutState::Finished(Err(e)) => Ok(Some(e.clone())),
            FutState::Finished(Ok(_)) => Ok(None),
            FutState::Pending | FutState::Cancelled(_) => Err(H::error(
                crate::host::ErrorKind::InvalidStateError,
                Some("Exception is not set."),
            )),
        }
    }

    /// Marks a pending future done and hands back its callbacks, for the loop to schedule.
    pub(crate) fn complete(&mut self, id: FutId, state: FutState<H>) -> Callbacks<H> {
        let slot = self.slot_mut(id);
        debug_assert!(
            matches!(slot.state, FutState::Pending),
            "completing a done future"
        );
        slot.log_traceback = matches!(state, FutState::Finished(Err(_)));
        let saved = match &state {
            FutState::Finished(Err(e)) => H::traceback(e),
            _ => None,
        };
        slot.state = state;
        let callbacks = std::mem::replace(&mut slot.callbacks, Callbacks::None);
        match saved {
            Some(tb) => self.exception_tb.insert(id.0, tb),
            None => self.exception_tb.remove(&id.0),
        };
        callbacks
    }

    /// A pending future's done-callbacks, in registration order (none once it is done: they
    /// were scheduled).
    pub(crate) fn callbacks(&self, id: FutId) -> &[Callback<H>] {
        match &self.slot(id).callbacks {
            Callbacks::None => &[],
            Callbacks::One(cb) => std::slice::from_ref(cb),
            Callbacks::Many(v) => v,
        }
    }

    /// A done-callback of the future was scheduled: its handle holds it (see `Slot::holds`).
    pub(crate) fn hold(&mut self, id: FutId) {
        let slot = self.slot_mut(id);
        slot.holds = slot.holds.saturating_add(1);
    }

    /// A done-callback of the future has run; `kept`: the primitive it belongs to keeps the
    /// future. True when nothing of the loop's or of a primitive's holds the future any more.
    pub(crate) fn let_go(&mut self, id: FutId, kept: bool) -> bool {
        let slot = self.slot_mut(id);
        slot.holds = slot.holds.saturating_sub(1);
        slot.kept |= kept;
        slot.holds == 0 && !slot.kept
    }

    /// Whether a scheduled done-callback's handle or a primitive holds the future.
    pub(crate) fn held(&self, id: FutId) -> bool {
        let slot = self.slot(id);
        slot.holds > 0 || slot.kept
    }

    /// Adds a done-callback to a pending future.
    pub(crate) fn add_callback(&mut self, id: FutId, cb: Callback<H>) {
        self.slot_mut(id).callbacks.push(cb);
    }

    /// `remove_done_callback`: drops the callbacks not yet scheduled that match; returns how many.
    pub(crate) fn remove_callbacks(&mut self, id: FutId, cb: &Callback<H>) -> usize {
        let slot = self.slot_mut(id);
        let all = std::mem::replace(&mut slot.callbacks, Callbacks::None).into_vec();
        let before = all.len();
        let kept: Vec<Callback<H>> = all.into_iter().filter(|c| !c.same(cb)).collect();
        let removed = before - kept.len();
        for c in kept {
            slot.callbacks.push(c);
        }
        removed
    }
}
