//! The trace: a compact record of everything that happened in a run, for the page, the CLI and tests.
//!
//! Events are small `Copy`-like values pushed on the hot path; nothing is formatted until a reader
//! asks (`Display` for lines and causes, the CLI's JSON lines).

use super::clock::Micros;
use super::exc::Exc;
use std::fmt;

/// Whose lane an event belongs to: `main()` or the coroutine `work(i)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Who(u32);

impl Who {
    /// The `main()` coroutine (the task `asyncio.run` creates).
    pub const MAIN: Who = Who(u32::MAX);

    /// The coroutine `work(i)` (a task in every pattern but `sequential`).
    pub const fn work(i: u32) -> Who {
        Who(i)
    }

    /// `Some(i)` for `work(i)`, `None` for main.
    pub fn work_index(self) -> Option<u32> {
        (self != Who::MAIN).then_some(self.0)
    }
}

impl fmt::Display for Who {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.work_index() {
            Some(i) => write!(f, "Task {i}"),
            None => f.write_str("main"),
        }
    }
}

/// One thing that happened, at a time and in a loop pass (32 bytes: details such as an exception
/// or a printed line are referred to, not copied).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Event {
    /// When it happened, in microseconds from the start of the run.
    pub at: Micros,
    /// The loop pass (`_run_once` call) it happened in; 0 before the first pass.
    pub pass: u32,
    /// Whose lane it belongs to.
    pub who: Who,
    /// What happened.
    pub what: What,
}

impl Event {
    /// [`Event::at`] in whole milliseconds.
    pub fn at_ms(&self) -> u64 {
        self.at / 1000
    }
}

/// What happened to a task or coroutine.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum What {
    /// The task was created: its first step is scheduled for the next pass.
    Created,
    /// The running task entered this coroutine, awaiting it directly (`sequential`): it runs inside
    /// that task's steps until its `Finished`.
    Entered,
    /// A step of the task ran (at `at`, in pass `pass`; a step takes no virtual time) and ended
    /// with the task suspended on something.
    Suspended(Awaiting),
    /// `cancel()` reached the task (it is delivered at its next step, or forwarded to what it awaits).
    CancelRequested(CancelCause),
    /// The task or coroutine finished (for a task: a step ran and its coroutine ended); how, and
    /// why if cancelled, is `Run::end_of(who)`.
    Finished,
    /// The program printed line number `.0` of `Run::stdout`.
    Printed(u32),
}

/// What a suspended task waits for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Awaiting {
    /// `asyncio.sleep(delay)`: a timer armed at the event's time, due `delay_ms` later.
    Sleep { delay_ms: u32 },
    /// Another task (`await task`).
    Task(Who),
    /// An `asyncio.gather(...)`.
    Gather,
    /// An `asyncio.wait(...)`.
    Wait,
    /// The exit of an `async with asyncio.TaskGroup()`.
    TaskGroup,
    /// A bare yield (`asyncio.sleep(0)`): it runs again in the next pass.
    NextPass,
    /// Any other future.
    Future,
}

/// How a task or coroutine ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Finish {
    /// It returned.
    Done,
    /// It raised this exception.
    Failed(Exc),
    /// It ended with `CancelledError`.
    Cancelled {
        /// The first cancel request that reached it; `None` when the `CancelledError` came from what
        /// it awaited (a cancelled task, or a gather whose child was cancelled).
        cause: Option<CancelCause>,
        /// False when it was cancelled before its first step: its body never ran.
        started: bool,
    },
}

/// Why `cancel()` was called on a task.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CancelCause {
    /// The scenario's `cancel=i@ms`: `loop.call_later(ms, task.cancel)`.
    Scheduled { at_ms: u32 },
    /// The scenario's `interrupt=ms`: main cancelled from outside, like Ctrl-C.
    Interrupt { at_ms: u32 },
    /// A TaskGroup aborted: after `Task i` failed (`failed = Some(i)`), or because its body (main) was
    /// cancelled (`None`).
    TaskGroupAbort { failed: Option<u32> },
    /// The gather it belongs to was cancelled.
    GatherCancelled,
    /// The task awaiting it was cancelled and forwarded the cancel.
    AwaiterCancelled { awaiter: Who },
    /// `asyncio.run()` cancelled it at shutdown because main had finished.
    Shutdown,
}

impl fmt::Display for CancelCause {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CancelCause::Scheduled { at_ms } => write!(f, "cancelled by cancel() at {at_ms} ms"),
            CancelCause::Interrupt { at_ms } => {
                write!(f, "cancelled from outside (interrupt) at {at_ms} ms")
            }
            CancelCause::TaskGroupAbort { failed: Some(i) } => {
                write!(f, "cancelled by TaskGroup after Task {i} failed")
            }
            CancelCause::TaskGroupAbort { failed: None } => {
                f.write_str("cancelled by TaskGroup because main was cancelled")
            }
            CancelCause::GatherCancelled => f.write_str("cancelled by gather, which was cancelled"),
            CancelCause::AwaiterCancelled { awaiter } => {
                write!(f, "cancelled because {awaiter}, awaiting it, was cancelled")
            }
            CancelCause::Shutdown => f.write_str("cancelled by asyncio.run() at shutdown"),
        }
    }
}

/// A line the program prints.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Line {
    /// `>Task {i} done`.
    TaskDone(u32),
    /// `Caught {type(e).__name__}: {e}` (the `linger` key).
    Caught(Exc),
    /// `Done.`
    Done,
}

impl fmt::Display for Line {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Line::TaskDone(i) => write!(f, ">Task {i} done"),
            Line::Caught(e) => write!(f, "Caught {}: {e}", e.type_name()),
            Line::Done => f.write_str("Done."),
        }
    }
}

/// An event as stored: its time is that of its pass (a pass runs at one instant), kept once per pass.
#[derive(Clone, Debug)]
struct Record {
    pass: u32,
    who: Who,
    what: What,
}

/// The trace being recorded: 20 bytes an event plus one time per pass.
#[derive(Default)]
pub(crate) struct Recorder {
    records: Vec<Record>,
    /// `pass_times[p]` is the time of pass `p`.
    pass_times: Vec<Micros>,
}

impl Recorder {
    pub(crate) fn record(&mut self, at: Micros, pass: u32, who: Who, what: What) {
        let p = pass as usize;
        if self.pass_times.len() <= p {
            self.pass_times.resize(p + 1, at);
        }
        self.records.push(Record { pass, who, what });
    }

    pub(crate) fn len(&self) -> usize {
        self.records.len()
    }

    pub(crate) fn reserve(&mut self, events: usize) {
        self.records.reserve(events);
    }

    /// The events from index `from` on, with their times.
    pub(crate) fn events_from(&self, from: usize) -> Vec<Event> {
        let records = self.records.get(from..).unwrap_or(&[]);
        records
            .iter()
            .map(|r| Event {
                at: self.pass_times[r.pass as usize],
                pass: r.pass,
                who: r.who,
                what: r.what.clone(),
            })
            .collect()
    }
}
