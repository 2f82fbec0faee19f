//! The trace: a compact record of everything that happened in a run, for the page, the CLI and tests.
//!
//! Events are small `Copy` values pushed on the hot path; nothing is formatted until a reader asks.
//! How a task ended (its value or exception) is kept once, with the task, not in the events.

use crate::chunked::Chunked;
use crate::clock::{At, Micros};
use crate::TaskId;

/// One thing that happened (40 bytes: every task adds at least two).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Event {
    /// When it happened, in microseconds from the start of the program.
    pub at: Micros,
    /// The loop pass (`_run_once` call) it happened in; 0 before the first pass.
    pub pass: u32,
    /// The task it happened to (for `Printed`, `Blocked`, `TimerArmed` and `HandleCancelled`: the
    /// task that was running, if any).
    pub task: Option<TaskId>,
    pub what: What,
}

// Every task adds at least two events: the size is kept, not just stated.
#[cfg(target_pointer_width = "64")]
const _: () = assert!(std::mem::size_of::<Event>() == 40);

impl Event {
    /// [`Event::at`] in whole milliseconds, rounded to the nearest.
    pub fn at_ms(&self) -> u64 {
        crate::clock::to_ms(self.at)
    }
}

/// What happened.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum What {
    /// The task was created (its first step is scheduled for the next pass), by the task `by`
    /// (`None`: outside any task), at source line `line` of the program (0 if unknown).
    Created { by: Option<TaskId>, line: u32 },
    /// A step of the task ran and ended with the task suspended on something, at source line `line`.
    Suspended { awaiting: Awaiting, line: u32 },
    /// A step of the task ran and its coroutine ended (how: the task's end, `Run::end_of`).
    Finished,
    /// `cancel()` reached the task (delivered at its next step, or forwarded to what it awaits).
    CancelRequested(CancelCause),
    /// Line `.0` of the program's output was completed.
    Printed(u32),
    /// The running step blocked the loop for `us` microseconds (`time.sleep`), at `line`.
    Blocked { us: At, line: u32 },
    /// The loop is running a program callback (`call_soon`, `call_later`, a done-callback)
    /// scheduled at `line` (what it prints or does comes after this event); `handle` is its
    /// handle's number, if it has one the program can cancel.
    CallbackRan {
        kind: CallbackKind,
        line: u32,
        handle: Option<u32>,
    },
    /// The program armed a timer (`call_later`, `call_at`) due at `until`, at `line`; `handle`
    /// is its handle's number (its callback's `CallbackRan` has it too).
    TimerArmed { handle: u32, until: At, line: u32 },
    /// The program cancelled the handle numbered `handle` (`handle.cancel()`).
    HandleCancelled { handle: u32 },
}

/// Which of the loop's plain callbacks a program callback is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CallbackKind {
    /// `loop.call_soon(f)`: a `Handle`.
    Soon,
    /// `loop.call_later(d, f)` / `call_at(w, f)`: a `TimerHandle`, due.
    Later,
    /// `future.add_done_callback(f)`: the future is done.
    Done,
}

impl CallbackKind {
    /// What scheduled it, as the program wrote it.
    pub fn name(self) -> &'static str {
        match self {
            CallbackKind::Soon => "call_soon",
            CallbackKind::Later => "call_later",
            CallbackKind::Done => "add_done_callback",
        }
    }
}

impl What {
    /// Whether the event ends a step of its task: every step ends in exactly one of these (a
    /// suspension, or the coroutine's end), recorded as it ends.
    pub fn ends_step(&self) -> bool {
        matches!(self, What::Suspended { .. } | What::Finished)
    }
}

/// What a suspended task waits for: the label of the future it awaits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Awaiting {
    /// A bare yield (`asyncio.sleep(0)`): it runs again in the next pass.
    NextPass,
    /// `asyncio.sleep(delay)`: a timer due at `until`.
    Sleep { until: At },
    /// Another task (`await task`).
    Task(TaskId),
    /// A future of the program's (`loop.create_future()`).
    Future,
    /// An `asyncio.gather(...)`.
    Gather,
    /// An `asyncio.wait(...)`.
    Wait,
    /// The exit of an `async with asyncio.TaskGroup()`.
    TaskGroup,
    /// `asyncio.shield(...)`.
    Shield,
    /// The next result of `asyncio.as_completed(...)`.
    AsCompleted,
    /// `wait_for` cancelling its awaitable after a timeout of 0 (`_cancel_and_wait`).
    CancelAndWait,
    /// `Lock.acquire()`.
    Lock,
    /// `Event.wait()`.
    Event,
    /// `Condition.wait()`.
    Condition,
    /// `Semaphore.acquire()`.
    Semaphore,
    /// `Queue.get()` on an empty queue.
    QueueGet,
    /// `Queue.put()` on a full queue.
    QueuePut,
    /// `Queue.join()`.
    QueueJoin,
}

/// Why `cancel()` was called on a task.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CancelCause {
    /// The program called `task.cancel()` at this source line (from task `by`, or a callback).
    Program { line: u32, by: Option<TaskId> },
    /// A TaskGroup aborted: after task `failed` failed, or because its body's task was cancelled
    /// (`None`).
    TaskGroup { failed: Option<TaskId> },
    /// The gather it belongs to was cancelled.
    Gather,
    /// The task awaiting it (directly, or through `shield`'s outer future) was cancelled and
    /// forwarded the cancel.
    Awaiter { awaiter: TaskId },
    /// An `asyncio.timeout()` or `wait_for()` entered at this source line expired.
    Timeout { line: u32 },
    /// `asyncio.run()` cancelled it at shutdown because main had finished.
    Shutdown,
    /// Cancelled from outside the program (the page's Interrupt).
    Interrupt,
}

/// How a task ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Finish {
    /// It returned (its value is its future's result).
    Done,
    /// It raised (its exception is its future's).
    Failed,
    /// It ended with `CancelledError`.
    Cancelled {
        /// The first cancel request still standing when it ended; `None` when the
        /// `CancelledError` came from what it awaited (a cancelled task, say) or was raised by
        /// the program itself.
        cause: Option<CancelCause>,
        /// False when it was cancelled before its first step: its body never ran.
        started: bool,
    },
}

/// The trace being recorded.
#[derive(Default)]
pub(crate) struct Recorder {
    events: Chunked<Stored>,
    /// The loop's time as each pass began: pass `n` (from 1) at index `n - 1`.
    pub(crate) pass_starts: Chunked<Micros>,
    /// How many events were recorded before pass `n` (from 1) began, at index `n - 1`
    /// (nondecreasing): an event's pass is the number of passes begun before it.
    pass_first: Chunked<u32>,
}

/// An event as the recorder keeps it (32 bytes where an [`Event`] is 40: every task adds at
/// least two): its time in two halves, its task with [`NO_TASK`] for none, and no pass (see
/// [`Recorder::pass_first`]).
#[derive(Clone, Copy)]
struct Stored {
    at: At,
    task: u32,
    what: What,
}

#[cfg(target_pointer_width = "64")]
const _: () = assert!(std::mem::size_of::<Stored>() == 32);

/// [`Stored::task`] of an event that happened to no task.
const NO_TASK: u32 = u32::MAX;

impl Recorder {
    /// Pass `pass_starts.len() + 1` begins at `now`.
    pub(crate) fn begin_pass(&mut self, now: Micros) {
        self.pass_starts.push(now);
        self.pass_first.push(self.events.len() as u32);
    }

    pub(crate) fn record(&mut self, at: Micros, task: Option<TaskId>, what: What) {
        let task = task.map_or(NO_TASK, |t| t.0);
        self.events.push(Stored {
            at: at.into(),
            task,
            what,
        });
    }

    pub(crate) fn len(&self) -> usize {
        self.events.len()
    }

    /// The events from index `from` on.
    pub(crate) fn events_from(&self, from: usize) -> impl Iterator<Item = Event> + '_ {
        // The passes that began at or before event `from`: a binary search, then a walk.
        let (mut lo, mut hi) = (0, self.pass_first.len());
        while lo < hi {
            let mid = (lo + hi) / 2;
            if self.pass_first[mid] as usize <= from {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        let mut pass = lo;
        self.events.iter_from(from).enumerate().map(move |(k, e)| {
            let i = from + k;
            while self.pass_first.get(pass).is_some_and(|&f| f as usize <= i) {
                pass += 1;
            }
            Event {
                at: e.at.get(),
                pass: pass as u32,
                task: (e.task != NO_TASK).then_some(TaskId(e.task)),
                what: e.what,
            }
        })
    }
}
