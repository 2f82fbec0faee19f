//! `asyncio.Lock`, `Event` and `Condition` (locks.py, 3.13), line by line, on plain futures.

use crate::api::Api;
use crate::awaitables::AwaitFut;
use crate::core::Core;
use crate::host::{ErrorKind, Host};
use crate::trace::Awaiting;
use crate::FutId;
use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;

/// `waiters:N` after the state in a lock's repr, when there are waiters.
pub(crate) fn with_waiters(extra: &str, waiters: usize) -> String {
    if waiters == 0 {
        extra.to_string()
    } else {
        format!("{extra}, waiters:{waiters}")
    }
}

/// Creates a waiter future, appends it to `waiters`, awaits it, and removes it again (the
/// `try: await fut finally: self._waiters.remove(fut)` every primitive shares).
pub(crate) async fn wait_in_line<H: Host>(
    waiters: &RefCell<VecDeque<FutId>>,
    label: Awaiting,
) -> (FutId, Result<H::Value, H::Exc>) {
    let fut = Api::<H>::with(|core| core.create_future(label));
    waiters.borrow_mut().push_back(fut);
    let outcome = AwaitFut::<H>::new(fut).await;
    waiters.borrow_mut().retain(|&w| w != fut);
    (fut, outcome)
}

struct LockState {
    /// `_waiters` (`None` until the first wait: CPython's `deque` is created lazily).
    waiters: RefCell<VecDeque<FutId>>,
    locked: std::cell::Cell<bool>,
}

/// `asyncio.Lock`.
///
/// # Cancellation
/// A waiter cancelled while the lock is free wakes the next waiter, so the lock never stays
/// unclaimed with tasks waiting.
#[derive(Clone)]
pub struct Lock(Rc<LockState>);

impl Default for Lock {
    fn default() -> Self {
        Self::new()
    }
}

impl Lock {
    pub fn new() -> Lock {
        Lock(Rc::new(LockState {
            waiters: RefCell::new(VecDeque::new()),
            locked: std::cell::Cell::new(false),
        }))
    }

    /// The same lock (`is`).
    pub fn same(&self, other: &Lock) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }

    /// `locked()`.
    pub fn locked(&self) -> bool {
        self.0.locked.get()
    }

    /// What `repr` shows in brackets: `locked, waiters:2`.
    pub fn repr_extra(&self) -> String {
        let extra = if self.locked() { "locked" } else { "unlocked" };
        with_waiters(extra, self.0.waiters.borrow().len())
    }

    /// `await lock.acquire()`.
    pub async fn acquire<H: Host>(&self) -> Result<bool, H::Exc> {
        let free = !self.locked()
            && Api::<H>::with(|core| {
                self.0
                    .waiters
                    .borrow()
                    .iter()
                    .all(|&w| core.future_cancelled(w))
            });
        if free {
            self.0.locked.set(true);
            return Ok(true);
        }
        let (_, outcome) = wait_in_line::<H>(&self.0.waiters, Awaiting::Lock).await;
        if let Err(exc) = outcome {
            if H::is_cancelled_error(&exc) && !self.locked() {
                Api::<H>::with(|core| self.wake_up_first(core));
            }
            return Err(exc);
        }
        self.0.locked.set(true);
        Ok(true)
    }

    /// `lock.release()`.
    ///
    /// # Errors
    /// `RuntimeError('Lock is not acquired.')`.
    pub fn release<H: Host>(&self, core: &mut Core<H>) -> Result<(), H::Exc> {
        if !self.locked() {
            return Err(H::error(
                ErrorKind::RuntimeError,
                Some("Lock is not acquired."),
            ));
        }
        self.0.locked.set(false);
        self.wake_up_first(core);
        Ok(())
    }

    /// `_wake_up_first()`: the first waiter, if not done, gets `True`.
    fn wake_up_first<H: Host>(&self, core: &mut Core<H>) {
        let first = self.0.waiters.borrow().front().copied();
        if let Some(fut) = first {
            if !core.future_done(fut) {
                let _ = core.set_result(fut, H::boolean(true));
            }
        }
    }
}

/// `asyncio.Event`.
#[derive(Clone)]
pub struct Event(Rc<(RefCell<VecDeque<FutId>>, std::cell::Cell<bool>)>);

impl Default for Event {
    fn default() -> Self {
        Self::new()
    }
}

impl Event {
    pub fn new() -> Event {
        Event(Rc::new((
            RefCell::new(VecDeque::new()),
            std::cell::Cell::new(false),
        )))
    }

    /// `is_set()`.
    pub fn is_set(&self) -> bool {
        self.0 .1.get()
    }

    /// What `repr` shows in brackets: `set, waiters:1`.
    pub fn repr_extra(&self) -> String {
        let extra = if self.is_set() { "set" } else { "unset" };
        with_waiters(extra, self.0 .0.borrow().len())
    }

    /// `set()`: every waiter gets `True`.
    pub fn set<H: Host>(&self, core: &mut Core<H>) {
        if !self.is_set() {
            self.0 .1.set(true);
            let waiters: Vec<FutId> = self.0 .0.borrow().iter().copied().collect();
            for fut in waiters {
                if !core.future_done(fut) {
                    let _ = core.set_result(fut, H::boolean(true));
                }
            }
        }
    }

    /// `clear()`.
    pub fn clear(&self) {
        self.0 .1.set(false);
    }

    /// `set()` when no loop runs (nothing can be waiting).
    pub fn set_without_loop(&self) {
        self.set_flag();
    }

    /// Sets the flag with no waiter to wake (a new queue's `_finished.set()`).
    pub(crate) fn set_flag(&self) {
        self.0 .1.set(true);
    }

    /// `await event.wait()`.
    pub async fn wait<H: Host>(&self) -> Result<bool, H::Exc> {
        self.wait_labelled::<H>(Awaiting::Event).await
    }

    /// `await event.wait()`, the waiting task shown as waiting for `label` (a queue's `join()`).
    pub(crate) async fn wait_labelled<H: Host>(&self, label: Awaiting) -> Result<bool, H::Exc> {
        if self.is_set() {
            return Ok(true);
        }
        let (_, outcome) = wait_in_line::<H>(&self.0 .0, label).await;
        outcome.map(|_| true)
    }
}

/// `asyncio.Condition(lock)`: its `acquire`, `release` and `locked` are the lock's.
#[derive(Clone)]
pub struct Condition {
    lock: Lock,
    waiters: Rc<RefCell<VecDeque<FutId>>>,
}

impl Condition {
    pub fn new(lock: Option<Lock>) -> Condition {
        Condition {
            lock: lock.unwrap_or_default(),
            waiters: Rc::new(RefCell::new(VecDeque::new())),
        }
    }

    pub fn lock(&self) -> &Lock {
        &self.lock
    }

    /// The same condition (`is`).
    pub fn same(&self, other: &Condition) -> bool {
        Rc::ptr_eq(&self.waiters, &other.waiters)
    }

    /// What `repr` shows in brackets.
    pub fn repr_extra(&self) -> String {
        let extra = if self.lock.locked() {
            "locked"
        } else {
            "unlocked"
        };
        with_waiters(extra, self.waiters.borrow().len())
    }

    /// `await cond.wait()`: release the lock, wait for a notify, take the lock again (even when
    /// cancelled meanwhile: the cancel is raised once the lock is held again).
    ///
    /// # Errors
    /// `RuntimeError('cannot wait on un-acquired lock')`.
    pub async fn wait<H: Host>(&self) -> Result<bool, H::Exc> {
        if !self.lock.locked() {
            return Err(H::error(
                ErrorKind::RuntimeError,
                Some("cannot wait on un-acquired lock"),
            ));
        }
        let fut = Api::<H>::with(|core| {
            let fut = core.create_future(Awaiting::Condition);
            let _ = self.lock.release(core);
            fut
        });
        self.waiters.borrow_mut().push_back(fut);
        let waited = AwaitFut::<H>::new(fut).await;
        self.waiters.borrow_mut().retain(|&w| w != fut);
        // `finally:` take the lock again, however many cancels arrive meanwhile.
        let mut err = None;
        loop {
            match self.lock.acquire::<H>().await {
                Ok(_) => break,
                Err(e) if H::is_cancelled_error(&e) => err = Some(e),
                Err(e) => {
                    Api::<H>::with(|core| self.notify_n(core, 1));
                    return Err(e);
                }
            }
        }
        let outcome = match (err, waited) {
            (Some(e), _) => Err(e),
            (None, Err(e)) => Err(e),
            (None, Ok(_)) => Ok(true),
        };
        if outcome.is_err() {
            // `except BaseException: self._notify(1); raise`
            Api::<H>::with(|core| self.notify_n(core, 1));
        }
        outcome
    }

    /// `notify(n)`.
    ///
    /// # Errors
    /// `RuntimeError('cannot notify on un-acquired lock')`.
    pub fn notify<H: Host>(&self, core: &mut Core<H>, n: usize) -> Result<(), H::Exc> {
        if !self.lock.locked() {
            return Err(H::error(
                ErrorKind::RuntimeError,
                Some("cannot notify on un-acquired lock"),
            ));
        }
        self.notify_n(core, n);
        Ok(())
    }

    /// `notify_all()`.
    pub fn notify_all<H: Host>(&self, core: &mut Core<H>) -> Result<(), H::Exc> {
        let n = self.waiters.borrow().len();
        self.notify(core, n)
    }

    /// `_notify(n)`: wake up to `n` waiters not done, in order, with `False`.
    fn notify_n<H: Host>(&self, core: &mut Core<H>, n: usize) {
        let waiters: Vec<FutId> = self.waiters.borrow().iter().copied().collect();
        let mut idx = 0;
        for fut in waiters {
            if idx >= n {
                break;
            }
            if !core.future_done(fut) {
                idx += 1;
                let _ = core.set_result(fut, H::boolean(false));
            }
        }
    }
}
