//! Any moment of a run, read off an index over its trace rather than a fold from the start: a
//! moment is a cursor `k`, "the first `k` events have happened". For each task the events that
//! created and ended it, each printed line's event, and the loop passes in which tasks stepped, so
//! that a task's state, the console and the pass at any cursor are a lookup or a binary search.
//! Pure data (no UI code), folded incrementally as the timeline is.

use crate::engine::{CallbackKind, Event, Finish, Micros, Run, TaskId, What};
use crate::timeline::{Lane, Timeline};
use asyncio_playground_python::host::Py;

mod timers;
mod why;
pub use timers::{ProgramTimer, ProgramTimers};
pub use why::{span_at, why_ready};

/// A moment of a run: the first `k` events of its trace have happened, and the loop's time is
/// `t` (at least the last one's time, before the next one's: a scrubber may stop between events).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cursor {
    pub k: usize,
    pub t: Micros,
}

/// A task's state at a moment (`data-state-at` in the page).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StateAt {
    NotCreated,
    Pending,
    Done,
    Failed,
    Cancelled,
}

impl StateAt {
    pub fn name(self) -> &'static str {
        match self {
            StateAt::NotCreated => "not_created",
            StateAt::Pending => "pending",
            StateAt::Done => "done",
            StateAt::Failed => "failed",
            StateAt::Cancelled => "cancelled",
        }
    }
}

/// One of the handles a pass ran, in the order it ran them: the ready queue as the pass began,
/// then the timers that came due (the program's own; asyncio's are not traced).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ready {
    /// A step of a task (its `__step` or `__wakeup`).
    Step(TaskId),
    /// A plain callback of the program, scheduled at source line `line`.
    Callback { kind: CallbackKind, line: u32 },
}

/// A loop pass in which at least one of the program's tasks stepped or one of its plain
/// callbacks ran.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PassSteps {
    /// The pass's number in its loop (`_run_once` calls so far, from 1).
    pub pass: u32,
    /// The loop's time as the pass began.
    pub at: Micros,
    /// The tasks that stepped, in the order they stepped (a task may step twice: a wakeup and a
    /// step were both in the ready queue). Empty in a pass that ran only callbacks.
    pub steps: Vec<TaskId>,
    /// The steps and the program's callbacks, in the order they ran.
    pub ready: Vec<Ready>,
    /// The cursor just after the pass's last event.
    pub end: usize,
}

/// The index over one run's trace.
#[derive(Clone, Debug, Default)]
pub struct Moments {
    /// Every event of the trace, in order (their times never decrease).
    events: Vec<Event>,
    /// Per task (by id): the index of the event that created it.
    created: Vec<usize>,
    /// Per task (by id): the index of the event that ended it, once it has ended.
    ended: Vec<Option<usize>>,
    /// The index of each printed line's event, in order.
    printed: Vec<usize>,
    /// The passes in which a shown task stepped or a program callback ran, in order.
    pub passes: Vec<PassSteps>,
    /// The program's timers (`call_later`), from their arming to their run or cancel.
    timers: ProgramTimers,
}

impl Moments {
    pub fn new() -> Moments {
        Moments::default()
    }

    /// How many events are indexed: the cursor of the latest moment.
    pub fn len(&self) -> usize {
        self.events.len()
    }

    pub fn is_empty(&self) -> bool {
        self.events.is_empty()
    }

    /// The event that happened last at cursor `k`.
    pub fn last_event(&self, k: usize) -> Option<&Event> {
        self.events.get(k.checked_sub(1)?)
    }

    /// Indexes `events`, the next ones of `run`'s trace; `timeline` has already folded them
    /// (it says which tasks are `asyncio.run`'s own, left out of the passes).
    pub fn update(&mut self, events: &[Event], run: &Run<Py>, timeline: &Timeline) {
        for e in events {
            let k = self.events.len();
            self.events.push(*e);
            match e.what {
                What::Printed(_) => self.printed.push(k),
                What::CallbackRan { kind, line, handle } => {
                    self.ran(e, k, run, Ready::Callback { kind, line });
                    self.timers.ended(handle, k);
                }
                What::TimerArmed {
                    handle,
                    until,
                    line,
                } => self.timers.armed(handle, until.get(), line, k),
                What::HandleCancelled { handle } => self.timers.ended(Some(handle), k),
                _ => {}
            }
            // What a callback does (prints, arms a timer, blocks) comes after its `CallbackRan`
            // and belongs to it: the pass ends after it.
            if let Some(p) = self.passes.last_mut().filter(|p| p.pass == e.pass) {
                if matches!(p.ready.last(), Some(Ready::Callback { .. })) {
                    p.end = k + 1;
                }
            }
            let Some(t) = e.task else {
                continue;
            };
            let i = t.0 as usize;
            if self.created.len() <= i {
                self.created.resize(i + 1, usize::MAX);
                self.ended.resize(i + 1, None);
            }
            match e.what {
                What::Created { .. } => self.created[i] = k,
                What::Finished => self.ended[i] = Some(k),
                _ => {}
            }
            if !e.what.ends_step() || timeline.lane(t).is_none_or(|l| l.internal) {
                continue;
            }
            self.ran(e, k, run, Ready::Step(t));
        }
    }

    /// Event `k`, `e`, ended a step or began a callback: `ready` ran in `e`'s pass.
    fn ran(&mut self, e: &Event, k: usize, run: &Run<Py>, ready: Ready) {
        let pass = match self.passes.last_mut() {
            Some(p) if p.pass == e.pass => p,
            _ => {
                self.passes.push(PassSteps {
                    pass: e.pass,
                    at: run.pass_start(e.pass).unwrap_or(e.at),
                    steps: Vec::new(),
                    ready: Vec::new(),
                    end: k + 1,
                });
                self.passes.last_mut().expect("just pushed")
            }
        };
        if let Ready::Step(t) = ready {
            pass.steps.push(t);
        }
        pass.ready.push(ready);
        pass.end = k + 1;
    }

    /// The blocking calls (`time.sleep`, a long computation) of pass `p` up to cursor `k`: the
    /// cursor just after each (the moment it ended), the task that blocked the loop (if one was
    /// running), for how long, and at which line.
    pub fn blocked_in(&self, p: &PassSteps, k: usize) -> Vec<(usize, Option<TaskId>, Micros, u32)> {
        // A run numbers its passes in order: the pass's events are one stretch of the trace.
        let from = self.events.partition_point(|e| e.pass < p.pass);
        let to = k.min(p.end).max(from);
        (from..to)
            .filter_map(|i| match self.events[i].what {
                What::Blocked { us, line } => Some((i + 1, self.events[i].task, us.get(), line)),
                _ => None,
            })
            .collect()
    }

    /// The program's timers still armed at cursor `k`, by deadline.
    pub fn timers_at(&self, k: usize) -> Vec<ProgramTimer> {
        self.timers.armed_at(k)
    }

    /// The passes in which a task steps (the CLI's `passes`, the inspector's list).
    pub fn task_passes(&self) -> impl Iterator<Item = &PassSteps> {
        self.passes.iter().filter(|p| !p.steps.is_empty())
    }

    /// The loop's time at cursor `k`: the time of the last event that has happened.
    pub fn time_of(&self, k: usize) -> Micros {
        self.last_event(k).map_or(0, |e| e.at)
    }

    /// The moment after event `k` (at its time).
    pub fn after(&self, k: usize) -> Cursor {
        let k = k.min(self.len());
        Cursor {
            k,
            t: self.time_of(k),
        }
    }

    /// The moment to show: `cursor` (within what is indexed), or the latest one.
    pub fn moment(&self, cursor: Option<Cursor>) -> Cursor {
        match cursor {
            Some(c) => Cursor {
                k: c.k.min(self.len()),
                t: c.t,
            },
            None => self.after(self.len()),
        }
    }

    /// The moment at time `t`: every event up to `t` has happened.
    pub fn at_time(&self, t: Micros) -> Cursor {
        Cursor {
            k: self.cursor_at(t),
            t,
        }
    }

    /// The number of events that happened up to time `t`.
    pub fn cursor_at(&self, t: Micros) -> usize {
        self.events.partition_point(|e| e.at <= t)
    }

    /// The cursor after the next pass (in which a task steps or a callback runs), or the end.
    pub fn next_pass(&self, k: usize) -> usize {
        self.passes
            .iter()
            .map(|p| p.end)
            .find(|&end| end > k)
            .unwrap_or(self.len())
    }

    /// The cursor after the pass before (or the start).
    pub fn prev_pass(&self, k: usize) -> usize {
        self.passes
            .iter()
            .map(|p| p.end)
            .take_while(|&end| end < k)
            .last()
            .unwrap_or(0)
    }

    /// The pass at cursor `k`: the last pass in which a task stepped, up to `k`.
    pub fn pass_at(&self, k: usize) -> Option<&PassSteps> {
        let i = self.passes.partition_point(|p| p.end <= k);
        // A cursor inside a pass (some of its events happened) is in that pass.
        match self.passes.get(i) {
            Some(p) if self.last_event(k).is_some_and(|e| e.pass == p.pass) => Some(p),
            _ => i.checked_sub(1).map(|j| &self.passes[j]),
        }
    }

    /// Task `t`'s state at cursor `k` (how it ended comes from its lane).
    pub fn state_at(&self, lane: &Lane, k: usize) -> StateAt {
        let i = lane.task.0 as usize;
        if self.created.get(i).is_none_or(|&c| c >= k) {
            return StateAt::NotCreated;
        }
        match (self.ended.get(i).copied().flatten(), lane.end) {
            (Some(e), Some((_, finish))) if e < k => match finish {
                Finish::Done => StateAt::Done,
                Finish::Failed => StateAt::Failed,
                Finish::Cancelled { .. } => StateAt::Cancelled,
            },
            _ => StateAt::Pending,
        }
    }

    /// How many lines had been printed at cursor `k`.
    pub fn printed_at(&self, k: usize) -> usize {
        self.printed.partition_point(|&i| i < k)
    }
}
