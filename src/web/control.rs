//! The page's commands to a running driver (pause, resume, step, stop), the futures the driver waits
//! on for them, and the counters that show no driver or timer outlives its run.

use gloo_timers::future::TimeoutFuture;
use std::cell::{Cell, RefCell};
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll, Waker};

thread_local! {
    /// Drivers whose future has not returned yet, and driver timers armed and not yet dropped.
    static LIVE: Cell<(u32, u32)> = const { Cell::new((0, 0)) };
}

/// `(live drivers, armed timers)`: both 0 once every run has finished or been reset.
pub fn live_counts() -> (u32, u32) {
    LIVE.with(Cell::get)
}

pub(super) fn count(drivers: i32, timers: i32) {
    LIVE.with(|c| {
        let (d, t) = c.get();
        c.set(((d as i32 + drivers) as u32, (t as i32 + timers) as u32));
    });
}

/// Counts a live driver future for as long as it exists.
pub(super) struct LiveDriver;
impl LiveDriver {
    pub(super) fn new() -> LiveDriver {
        count(1, 0);
        LiveDriver
    }
}
impl Drop for LiveDriver {
    fn drop(&mut self) {
        count(-1, 0);
    }
}

/// The commands the page sends to a running driver. Invariant: `waker` is the driver's, set only
/// while it waits (for a timer or for a command), and woken by every command.
#[derive(Default)]
pub(super) struct Control {
    pub(super) stopped: Cell<bool>,
    pub(super) paused: Cell<bool>,
    pub(super) steps: Cell<u32>,
    waker: RefCell<Option<Waker>>,
}

impl Control {
    pub(super) fn wake(&self) {
        let waker = self.waker.borrow_mut().take();
        if let Some(w) = waker {
            w.wake();
        }
    }
}

/// Waits for the next command (resume, step or stop).
pub(super) struct Command<'a> {
    pub(super) control: &'a Control,
}

impl Future for Command<'_> {
    type Output = ();
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        let c = self.control;
        if c.stopped.get() || !c.paused.get() || c.steps.get() > 0 {
            return Poll::Ready(());
        }
        *c.waker.borrow_mut() = Some(cx.waker().clone());
        Poll::Pending
    }
}

/// A timer that a command cuts short; resolves to true if the timer fired. The timer is cleared
/// when this is dropped.
pub(super) struct Interruptible<'a> {
    pub(super) timer: TimeoutFuture,
    pub(super) control: &'a Control,
}

impl Future for Interruptible<'_> {
    type Output = bool;
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<bool> {
        let c = self.control;
        if c.stopped.get() || c.paused.get() {
            return Poll::Ready(false);
        }
        if Pin::new(&mut self.timer).poll(cx).is_ready() {
            return Poll::Ready(true);
        }
        *c.waker.borrow_mut() = Some(cx.waker().clone());
        Poll::Pending
    }
}
