//! The engine: an asyncio-faithful event loop in pure Rust (no browser crates), tested natively.
//!
//! It mirrors CPython's `asyncio` closely enough that every observable order is the same:
//! - one pass of [`Run::run_pass`] is `BaseEventLoop._run_once`: due timers join the FIFO ready
//!   queue, then exactly the callbacks that were ready when the pass began run;
//! - a task is a Rust future stepped by the loop like `Task.__step`; it suspends on an asyncio
//!   future or yields bare for one pass (`sleep(0)`);
//! - futures run their done-callbacks with `call_soon`, one pass later, never inline;
//! - cancellation is `Task.cancel()`: a request forwarded to what the task awaits, delivered as
//!   `CancelledError` at its await point on its next step;
//! - [`Run`] is `asyncio.run`: when main ends, the tasks still pending are cancelled and run to the end.
//!
//! The language is the [`Host`]'s: futures hold its values and raise its exceptions. asyncio's
//! library ([`asyncio`]: gather, wait, TaskGroup, timeouts, shield, as_completed, locks, queues) is
//! built on the public future primitive of [`Core`], as CPython builds it on `loop.create_future()`.
//! Time comes from outside: the driver passes `now` to every pass ([`clock`]).

pub mod api;
pub mod asyncio;
pub mod awaitables;
pub mod callback;
pub mod chunked;
pub mod clock;
mod core;
mod event_loop;
pub mod fast_hash;
pub mod futures;
pub mod host;
mod run;
pub mod task;
mod timers;
pub mod trace;

pub use api::Api;
pub use asyncio::wait::ReturnWhen;
pub use awaitables::{AwaitFut, PyResult, Sleep, YieldNow};
pub use callback::{Callback, HandleId, Native};
pub use clock::{Clock, Micros, VirtualClock};
pub use core::{Core, InvalidState};
pub use futures::{Cancellation, FutState};
pub use host::{ErrorKind, Host, Report};
pub use run::{Next, Run};
pub use task::{push_decimal, SleepFuture, TaskInfo, TaskName, Waiter};
pub use trace::{Awaiting, CallbackKind, CancelCause, Event, Finish, What};

use std::future::Future;
use std::pin::Pin;

/// A task's coroutine: a Rust future that only ever suspends on the engine's awaitables.
pub type Coro<H> = Pin<Box<dyn Future<Output = PyResult<H>>>>;

/// Identifies one asyncio future (a plain future, a task's own future, or a gather's outer future).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FutId(pub(crate) u32);

/// Identifies one task of a run, in creation order (main is the first).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TaskId(pub u32);

impl FutId {
    /// The future's index in its run (stable for the run).
    pub fn index(self) -> u32 {
        self.0
    }
}
