//! `asyncio.Semaphore` and `BoundedSemaphore` (locks.py, 3.13), line by line.

use super::locks::{wait_in_line, with_waiters};
use crate::api::Api;
use crate::core::Core;
use crate::host::{ErrorKind, Host};
use crate::trace::Awaiting;
use crate::FutId;
use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;

struct State {
    waiters: RefCell<VecDeque<FutId>>,
    value: Cell<i64>,
    /// `_bound_value` of a `BoundedSemaphore`.
    bound: Option<i64>,
}

/// `asyncio.Semaphore(value)`, or `BoundedSemaphore(value)` with a bound.
///
/// # Cancellation
/// A waiter cancelled after it was woken gives its unit back, and whoever can be woken is.
#[derive(Clone)]
pub struct Semaphore(Rc<State>);

impl Semaphore {
    /// `Semaphore(value)` (`bounded`: `BoundedSemaphore(value)`).
    ///
    /// # Errors
    /// `ValueError('Semaphore initial value must be >= 0')`.
    pub fn new<H: Host>(value: i64, bounded: bool) -> Result<Semaphore, H::Exc> {
        if value < 0 {
            return Err(H::error(
                ErrorKind::ValueError,
                Some("Semaphore initial value must be >= 0"),
            ));
        }
        Ok(Semaphore(Rc::new(State {
            waiters: RefCell::new(VecDeque::new()),
            value: Cell::new(value),
            bound: bounded.then_some(value),
        })))
    }

    /// The same semaphore (`is`).
    pub fn same(&self, other: &Semaphore) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }

    pub fn value(&self) -> i64 {
        self.0.value.get()
    }

    /// `locked()`: no unit left, or a waiter not cancelled ahead of any newcomer.
    pub fn locked<H: Host>(&self, core: &Core<H>) -> bool {
        self.value() == 0
            || self
                .0
                .waiters
                .borrow()
                .iter()
                .any(|&w| !core.future_cancelled(w))
    }

    /// What `repr` shows in brackets: `unlocked, value:2`.
    pub fn repr_extra<H: Host>(&self, core: &Core<H>) -> String {
        let extra = if self.locked(core) {
            "locked".to_string()
        } else {
            format!("unlocked, value:{}", self.value())
        };
        with_waiters(&extra, self.0.waiters.borrow().len())
    }

    /// `await sem.acquire()`.
    pub async fn acquire<H: Host>(&self) -> Result<bool, H::Exc> {
        if !Api::<H>::with(|core| self.locked(core)) {
            self.0.value.set(self.value() - 1);
            return Ok(true);
        }
        let (fut, outcome) = wait_in_line::<H>(&self.0.waiters, Awaiting::Semaphore).await;
        Api::<H>::with(|core| {
            if let Err(exc) = &outcome {
                if H::is_cancelled_error(exc)
                    && core.future_done(fut)
                    && !core.future_cancelled(fut)
                {
                    self.0.value.set(self.value() + 1);
                }
            }
            // `finally:` wake whoever can be woken.
            while self.value() > 0 {
                if !self.wake_up_next(core) {
                    break;
                }
            }
        });
        outcome.map(|_| true)
    }

    /// `sem.release()`.
    ///
    /// # Errors
    /// `ValueError('BoundedSemaphore released too many times')` for a bounded one.
    pub fn release<H: Host>(&self, core: &mut Core<H>) -> Result<(), H::Exc> {
        if let Some(bound) = self.0.bound {
            if self.value() >= bound {
                return Err(H::error(
                    ErrorKind::ValueError,
                    Some("BoundedSemaphore released too many times"),
                ));
            }
        }
        self.0.value.set(self.value() + 1);
        self.wake_up_next(core);
        Ok(())
    }

    /// `release()` when no loop runs (nothing can be waiting).
    ///
    /// # Errors
    /// As [`Semaphore::release`].
    pub fn release_without_loop<H: Host>(&self) -> Result<(), H::Exc> {
        if let Some(bound) = self.0.bound {
            if self.value() >= bound {
                return Err(H::error(
                    ErrorKind::ValueError,
                    Some("BoundedSemaphore released too many times"),
                ));
            }
        }
        self.0.value.set(self.value() + 1);
        Ok(())
    }

    /// `_wake_up_next()`: the first waiter not done takes a unit.
    fn wake_up_next<H: Host>(&self, core: &mut Core<H>) -> bool {
        let waiters: Vec<FutId> = self.0.waiters.borrow().iter().copied().collect();
        for fut in waiters {
            if !core.future_done(fut) {
                self.0.value.set(self.value() - 1);
                let _ = core.set_result(fut, H::boolean(true));
                return true;
            }
        }
        false
    }
}
