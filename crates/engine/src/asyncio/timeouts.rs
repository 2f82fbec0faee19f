//! `asyncio.timeout()` / `timeout_at()` (timeouts.py, 3.13) and `tasks._cancel_and_wait`, on which
//! `wait_for` is built.

use crate::api::Api;
use crate::awaitables::AwaitFut;
use crate::callback::{Callback, HandleId, Native};
use crate::clock::{seconds_to_us, us_to_seconds};
use crate::core::Core;
use crate::host::{ErrorKind, Host};
use crate::trace::{Awaiting, CancelCause};
use crate::{FutId, TaskId};
use std::cell::RefCell;
use std::rc::Rc;

/// `timeouts._State`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimeoutState {
    Created,
    Entered,
    Expiring,
    Expired,
    Exited,
}

impl TimeoutState {
    /// `_State.value`, as `repr` and the error messages show it.
    pub fn value(self) -> &'static str {
        match self {
            TimeoutState::Created => "created",
            TimeoutState::Entered => "active",
            TimeoutState::Expiring => "expiring",
            TimeoutState::Expired => "expired",
            TimeoutState::Exited => "finished",
        }
    }
}

struct State {
    state: TimeoutState,
    handler: Option<HandleId>,
    task: Option<TaskId>,
    /// The deadline in loop time (seconds), `None` for never.
    when: Option<f64>,
    /// `_cancelling`: the task's `cancelling()` on entry.
    cancelling: u32,
    /// The source line the timeout was entered at (for the cancel's cause in the trace).
    line: u32,
}

/// `asyncio.Timeout`: an async context manager that cancels its task at the deadline and turns
/// that cancellation into `TimeoutError` on exit.
///
/// # Cancellation
/// At the deadline the task is cancelled (cause [`CancelCause::Timeout`]); `__aexit__` raises
/// `TimeoutError` from the `CancelledError` if that cancel is the one being delivered (the task's
/// `uncancel()` brings it back to its count on entry). A cancel from elsewhere propagates.
pub struct Timeout(Rc<RefCell<State>>);

impl Clone for Timeout {
    fn clone(&self) -> Self {
        Timeout(self.0.clone())
    }
}

/// `self._on_timeout`, as a timer callback.
struct OnTimeout(Timeout);

impl<H: Host> Native<H> for OnTimeout {
    // `Timeout._on_timeout`, a bound method: no place shown.
    fn source(&self) -> &'static str {
        "Timeout._on_timeout()"
    }

    fn call(&self, core: &mut Core<H>, _fut: Option<FutId>) {
        let (task, line) = {
            let st = self.0 .0.borrow();
            (st.task, st.line)
        };
        if let Some(task) = task {
            core.task_cancel(task, None, CancelCause::Timeout { line });
        }
        let mut st = self.0 .0.borrow_mut();
        st.state = TimeoutState::Expiring;
        st.handler = None;
    }
}

impl Timeout {
    /// `Timeout(when)`: `timeout_at(when)`, or `timeout(delay)` with `when = loop.time() + delay`.
    pub fn new(when: Option<f64>) -> Timeout {
        Timeout(Rc::new(RefCell::new(State {
            state: TimeoutState::Created,
            handler: None,
            task: None,
            when,
            cancelling: 0,
            line: 0,
        })))
    }

    /// `when()`.
    pub fn when(&self) -> Option<f64> {
        self.0.borrow().when
    }

    pub fn state(&self) -> TimeoutState {
        self.0.borrow().state
    }

    /// `expired()`.
    pub fn expired(&self) -> bool {
        matches!(self.state(), TimeoutState::Expiring | TimeoutState::Expired)
    }

    /// `repr(timeout)`: `<Timeout [active] when=12.5>`.
    pub fn repr(&self, when_text: impl Fn(f64) -> String) -> String {
        let st = self.0.borrow();
        let info = match (st.state, st.when) {
            (TimeoutState::Entered, Some(w)) => format!(
                " when={}",
                when_text((w * 1000.0).round_ties_even() / 1000.0)
            ),
            (TimeoutState::Entered, None) => " when=None".to_string(),
            _ => String::new(),
        };
        format!("<Timeout [{}]{info}>", st.state.value())
    }

    /// `reschedule(when)`.
    ///
    /// # Errors
    /// `RuntimeError` unless the timeout is entered.
    pub fn reschedule<H: Host>(&self, core: &mut Core<H>, when: Option<f64>) -> Result<(), H::Exc> {
        let state = self.state();
        if state != TimeoutState::Entered {
            let msg = match state {
                TimeoutState::Created => "Timeout has not been entered".to_string(),
                s => format!("Cannot change state of {} Timeout", s.value()),
            };
            return Err(H::error(ErrorKind::RuntimeError, Some(&msg)));
        }
        let old = {
            let mut st = self.0.borrow_mut();
            st.when = when;
            st.handler.take()
        };
        if let Some(h) = old {
            core.cancel_handle(h);
        }
        let Some(when) = when else { return Ok(()) };
        let native: Rc<dyn Native<H>> = Rc::new(OnTimeout(self.clone()));
        let cb = Callback::Native(native, None);
        let handle = if when <= us_to_seconds(core.now()) {
            core.call_soon(cb)
        } else {
            core.call_at(seconds_to_us(when), cb)
        };
        self.0.borrow_mut().handler = Some(handle);
        Ok(())
    }

    /// `__aenter__`, at source line `line`.
    ///
    /// # Errors
    /// `RuntimeError` if already entered, or outside a task.
    pub fn aenter<H: Host>(&self, core: &mut Core<H>, line: u32) -> Result<(), H::Exc> {
        if self.state() != TimeoutState::Created {
            return Err(H::error(
                ErrorKind::RuntimeError,
                Some("Timeout has already been entered"),
            ));
        }
        let Some(task) = core.current_task() else {
            return Err(H::error(
                ErrorKind::RuntimeError,
                Some("Timeout should be used inside a task"),
            ));
        };
        let when = {
            let mut st = self.0.borrow_mut();
            st.state = TimeoutState::Entered;
            st.task = Some(task);
            st.cancelling = core.task_cancelling(task);
            st.line = line;
            st.when
        };
        self.reschedule(core, when)
    }

    /// `__aexit__(exc_type, exc_val, tb)`: `exc` is what the body raised, if anything.
    ///
    /// # Errors
    /// `TimeoutError` (from the `CancelledError`) when this timeout's cancel is being delivered.
    pub fn aexit<H: Host>(&self, core: &mut Core<H>, exc: Option<&H::Exc>) -> Result<(), H::Exc> {
        let handler = self.0.borrow_mut().handler.take();
        if let Some(h) = handler {
            core.cancel_handle(h);
        }
        let state = self.state();
        if state == TimeoutState::Expiring {
            let (task, cancelling) = {
                let mut st = self.0.borrow_mut();
                st.state = TimeoutState::Expired;
                (st.task, st.cancelling)
            };
            let task = task.expect("an entered timeout has a task");
            if core.task_uncancel(task) <= cancelling {
                if let Some(exc) = exc {
                    if H::is_cancelled_error(exc) {
                        return Err(H::timeout_error_from(exc));
                    }
                    H::insert_timeout_error(exc);
                }
            }
        } else if state == TimeoutState::Entered {
            self.0.borrow_mut().state = TimeoutState::Exited;
        }
        Ok(())
    }
}

/// `_release_waiter(waiter)` as a done-callback (`functools.partial(_release_waiter, waiter)`).
struct ReleaseWaiter(FutId);

impl<H: Host> Native<H> for ReleaseWaiter {
    // `functools.partial(_release_waiter, waiter)`: the partial's arguments come first. It is registered only while `_cancel_and_wait` awaits `waiter`, so the waiter is then pending with its task's wakeup.
    fn source(&self) -> &'static str {
        "_release_waiter(<Future pending cb=[Task.task_wakeup()]>)() at asyncio/tasks.py:454"
    }

    fn call(&self, core: &mut Core<H>, _fut: Option<FutId>) {
        if !core.future_done(self.0) {
            let _ = core.set_result(self.0, H::none());
        }
    }
}

/// `tasks._cancel_and_wait(fut)`: cancel `fut` and wait until it completes (`wait_for` with a
/// timeout of 0 or less).
///
/// # Cancellation
/// Cancelling the waiting task stops the wait; `fut` has been cancelled already.
pub async fn cancel_and_wait<H: Host>(fut: FutId, cause: CancelCause) -> Result<(), H::Exc> {
    let (waiter, cb) = Api::<H>::with(|core| {
        let waiter = core.create_future(Awaiting::CancelAndWait);
        let native: Rc<dyn Native<H>> = Rc::new(ReleaseWaiter(waiter));
        let cb = Callback::Native(native, None);
        core.add_done_callback(fut, cb.clone());
        core.cancel_future(fut, None, cause);
        (waiter, cb)
    });
    let outcome = AwaitFut::<H>::new(waiter).await;
    Api::<H>::with(|core| core.remove_done_callback(fut, &cb));
    outcome.map(|_| ())
}
