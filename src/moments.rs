//! Any moment of a run, read off an index over its trace rather than a fold from the start: a
//! moment is a cursor `k`, "the first `k` events have happened". For each task the events that
//! created and ended it, each printed line's event, and the loop passes in which tasks stepped, so
//! that a task's state, the console and the pass at any cursor are a lookup or a binary search.
//! Pure data (no UI code), folded incrementally as the timeline is.

use crate::engine::{Awaiting, Event, Finish, Micros, Run, TaskId, What};
use crate::timeline::{Lane, Span, SpanKind, Timeline};
use asyncio_playground_python::host::Py;

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

/// A loop pass in which at least one of the program's tasks stepped.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PassSteps {
    /// The pass's number in its loop (`_run_once` calls so far, from 1).
    pub pass: u32,
    /// The loop's time as the pass began.
    pub at: Micros,
    /// The tasks that stepped, in the order they stepped (a task may step twice: a wakeup and a
    /// step were both in the ready queue).
    pub steps: Vec<TaskId>,
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
    /// The passes in which a shown task stepped, in order.
    pub passes: Vec<PassSteps>,
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
            if let What::Printed(_) = e.what {
                self.printed.push(k);
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
            match self.passes.last_mut() {
                Some(p) if p.pass == e.pass => {
                    p.steps.push(t);
                    p.end = k + 1;
                }
                _ => self.passes.push(PassSteps {
                    pass: e.pass,
                    at: run.pass_start(e.pass).unwrap_or(e.at),
                    steps: vec![t],
                    end: k + 1,
                }),
            }
        }
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

    /// The cursor after the next pass in which a task steps (or the end).
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

/// The span of `lane` at time `t` (what it was doing then), if it had begun by then. A span that
/// ends at `t` still counts: several passes can run at one time, and a task still pending at a
/// moment of that time is still in the span its end closes.
pub fn span_at(lane: &Lane, t: Micros) -> Option<&Span> {
    let i = lane.spans.partition_point(|s| s.from <= t);
    let span = lane.spans.get(i.checked_sub(1)?)?;
    span.to.is_none_or(|to| to >= t).then_some(span)
}

/// Why a task was in the ready queue as a pass began, in words: what ended the span it stepped
/// out of.
pub fn why_ready(timeline: &Timeline, lane: &Lane, pass_at: Micros) -> String {
    // The span it stepped out of is the last one that began before the pass.
    let i = lane.spans.partition_point(|s| s.from < pass_at);
    let Some(span) = i.checked_sub(1).and_then(|j| lane.spans.get(j)) else {
        return "just created".into();
    };
    if lane
        .cancel_requested
        .is_some_and(|(at, _)| at >= span.from && at <= pass_at)
    {
        return "cancel() is being delivered".into();
    }
    let name = |t: TaskId| {
        timeline
            .lane(t)
            .map_or_else(|| format!("task {}", t.0), |l| l.name.to_string())
    };
    match span.kind {
        SpanKind::WaitingToStart => "just created: its first step".into(),
        SpanKind::Blocking { .. } => "it went on after blocking the loop".into(),
        SpanKind::Suspended { awaiting, line } => {
            let at_line = if line > 0 {
                format!(" (line {line})")
            } else {
                String::new()
            };
            match awaiting {
                Awaiting::Sleep { .. } => format!("its sleep timer fired{at_line}"),
                Awaiting::NextPass => format!("it yielded for one pass{at_line}"),
                Awaiting::Task(t) => format!("{}, which it awaited, finished{at_line}", name(t)),
                Awaiting::Gather => format!("the gather it awaited finished{at_line}"),
                Awaiting::Wait => format!("the asyncio.wait it awaited returned{at_line}"),
                Awaiting::TaskGroup => format!("the TaskGroup it awaited exited{at_line}"),
                Awaiting::AsCompleted => format!("as_completed had a next result{at_line}"),
                Awaiting::Lock => format!("it got the Lock{at_line}"),
                Awaiting::Event => format!("woken by Event.set(){at_line}"),
                Awaiting::Condition => format!("woken by Condition.notify(){at_line}"),
                Awaiting::Semaphore => format!("it got the Semaphore{at_line}"),
                Awaiting::QueueGet => format!("an item was put in the queue{at_line}"),
                Awaiting::QueuePut => format!("the queue had room{at_line}"),
                Awaiting::QueueJoin => format!("every queue item was done{at_line}"),
                _ => format!("the future it awaited was done{at_line}"),
            }
        }
    }
}
