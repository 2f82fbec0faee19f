//! The engine: an asyncio-faithful event loop in pure Rust (no browser crates), tested natively.
//!
//! It mirrors CPython's `asyncio` closely enough that every observable order is the same:
//! - one pass of [`Run::run_pass`] is `BaseEventLoop._run_once`: due timers join the FIFO ready queue,
//!   then exactly the callbacks that were ready when the pass began run;
//! - a task is a Rust future stepped by the loop like `Task.__step`; it suspends on an asyncio future
//!   (a sleep, another task, a gather, a wait, a task group) or yields bare for one pass (`sleep(0)`);
//! - futures run their done-callbacks with `call_soon`, one pass later, never inline;
//! - cancellation is `Task.cancel()`: a request forwarded to what the task awaits, delivered as
//!   `CancelledError` at its await point on its next step;
//! - [`Run`] is `asyncio.run`: when main ends, the tasks still pending are cancelled and run to the end.
//!
//! Time comes from outside: the driver passes `now` to every pass ([`clock`]).

pub mod api;
mod awaitables;
pub mod clock;
mod core;
mod event_loop;
pub use event_loop::Coro;
pub mod exc;
mod futures;
mod gather;
mod run;
mod task;
mod taskgroup;
mod timers;
pub mod trace;
mod wait;

pub use api::Api;
pub use awaitables::{sleep, Sleep, SleepThen};
pub use clock::{Clock, Micros, VirtualClock};
pub use core::End;
pub use exc::{Exc, PyResult, Value};
pub use run::{Next, Run};
pub use taskgroup::TaskGroup;
pub use trace::{Awaiting, CancelCause, Event, Finish, Line, What, Who};
pub use wait::{wait, ReturnWhen, WaitSets};

/// Identifies one asyncio future (a plain future, a task's own future, or a gather's outer future).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct FutId(pub(crate) u32);

/// Identifies one task, in creation order (main is task 0).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TaskId(pub(crate) u32);
