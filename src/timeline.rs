//! The timeline model: each lane's spans and end, folded incrementally from the engine's trace.
//! Pure data (no UI code): the page draws it, the table view lists it, tests check it natively.

use crate::engine::{Awaiting, CancelCause, Event, Finish, Micros, Run, What, Who};

/// What a lane is doing during a span of time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SpanKind {
    /// Created; its first step has not run yet (tasks start in the pass after their creation).
    WaitingToStart,
    /// Suspended on something.
    Suspended(Awaiting),
    /// A coroutine awaited directly by main (`sequential`): it runs inside main's task.
    InsideMain,
}

impl SpanKind {
    /// How the span looks (its CSS class in the page): spans that look alike can be drawn as one.
    pub fn look(self) -> &'static str {
        match self {
            SpanKind::WaitingToStart => "waiting",
            SpanKind::InsideMain => "inside",
            SpanKind::Suspended(Awaiting::Sleep { .. }) => "sleep",
            SpanKind::Suspended(_) => "await",
        }
    }
}

/// Spans drawn as one bar: neighbours that look alike and lie closer together than can be seen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Bar {
    pub from: Micros,
    pub to: Micros,
    /// The first span's kind.
    pub kind: SpanKind,
    /// How many spans the bar stands for (at least 1).
    pub spans: u32,
}

/// One span of a lane; `to` is `None` while it lasts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Span {
    pub from: Micros,
    pub to: Option<Micros>,
    pub kind: SpanKind,
}

/// The state a lane shows (`data-state` in the page).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LaneState {
    /// Not created yet (a `sequential` coroutine main has not reached).
    NotStarted,
    WaitingToStart,
    Suspended,
    Running,
    Done,
    Failed,
    Cancelled,
}

impl LaneState {
    pub fn name(self) -> &'static str {
        match self {
            LaneState::NotStarted => "not_started",
            LaneState::WaitingToStart => "waiting",
            LaneState::Suspended => "suspended",
            LaneState::Running => "running",
            LaneState::Done => "done",
            LaneState::Failed => "failed",
            LaneState::Cancelled => "cancelled",
        }
    }
}

/// One lane: main or a task.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Lane {
    pub who: Who,
    pub created: Option<Micros>,
    pub spans: Vec<Span>,
    /// Steps run so far (each ends in a suspension or the finish).
    pub steps: u32,
    /// The first cancel request that reached it.
    pub cancel_requested: Option<(Micros, CancelCause)>,
    /// When and how it finished.
    pub end: Option<(Micros, Finish)>,
}

impl Lane {
    fn new(who: Who) -> Lane {
        Lane {
            who,
            created: None,
            spans: Vec::new(),
            steps: 0,
            cancel_requested: None,
            end: None,
        }
    }

    fn close_open_span(&mut self, at: Micros) {
        if let Some(span) = self.spans.last_mut().filter(|s| s.to.is_none()) {
            span.to = Some(at);
        }
    }

    /// The lane's spans as bars (an open span ends at `now`): a span that looks like the bar before
    /// it and starts less than `resolution` after its end extends it. Main's lane of 1,000
    /// `sleep(1 ms)` awaited one by one is then one bar, not 1,000 elements restyled every frame.
    pub fn bars(&self, now: Micros, resolution: Micros) -> Vec<Bar> {
        let mut bars: Vec<Bar> = Vec::new();
        for s in &self.spans {
            let to = s.to.unwrap_or(now).max(s.from);
            match bars.last_mut() {
                Some(bar)
                    if bar.kind.look() == s.kind.look()
                        && s.from.saturating_sub(bar.to) < resolution =>
                {
                    bar.to = to;
                    bar.spans += 1;
                }
                _ => bars.push(Bar {
                    from: s.from,
                    to,
                    kind: s.kind,
                    spans: 1,
                }),
            }
        }
        bars
    }

    pub fn state(&self) -> LaneState {
        match (&self.end, self.spans.last()) {
            (Some((_, Finish::Done)), _) => LaneState::Done,
            (Some((_, Finish::Failed(_))), _) => LaneState::Failed,
            (Some((_, Finish::Cancelled { .. })), _) => LaneState::Cancelled,
            (None, None) if self.created.is_none() => LaneState::NotStarted,
            (None, Some(s)) if s.kind == SpanKind::WaitingToStart => LaneState::WaitingToStart,
            (None, Some(s)) if matches!(s.kind, SpanKind::Suspended(_)) => LaneState::Suspended,
            _ => LaneState::Running,
        }
    }
}

/// Every lane of a run: `lanes[0]` is main, `lanes[i + 1]` is task `i`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Timeline {
    pub lanes: Vec<Lane>,
    /// How many trace events have been folded in.
    pub seen: usize,
}

impl Timeline {
    pub fn new(tasks: u32) -> Timeline {
        let lanes = std::iter::once(Who::MAIN)
            .chain((0..tasks).map(Who::work))
            .map(Lane::new)
            .collect();
        Timeline { lanes, seen: 0 }
    }

    fn lane_mut(&mut self, who: Who) -> Option<&mut Lane> {
        let i = who.work_index().map_or(0, |i| i as usize + 1);
        self.lanes.get_mut(i)
    }

    /// The lane of `who`.
    pub fn lane(&self, who: Who) -> Option<&Lane> {
        self.lanes
            .get(who.work_index().map_or(0, |i| i as usize + 1))
    }

    /// Folds in the events the run recorded since the last call, and returns them (for the other
    /// readers of the same events, so that they are read once).
    pub fn update(&mut self, run: &Run) -> Vec<Event> {
        let events = run.trace_from(self.seen);
        self.seen += events.len();
        for e in &events {
            self.apply(e, run);
        }
        events
    }

    fn apply(&mut self, e: &Event, run: &Run) {
        let Some(lane) = self.lane_mut(e.who) else {
            return;
        };
        match e.what {
            What::Created | What::Entered => {
                // A task waits for its first step; a coroutine main enters runs inside main at once.
                let kind = if e.what == What::Created {
                    SpanKind::WaitingToStart
                } else {
                    SpanKind::InsideMain
                };
                lane.created = Some(e.at);
                lane.spans.push(Span {
                    from: e.at,
                    to: None,
                    kind,
                });
            }
            What::Suspended(awaiting) => {
                lane.close_open_span(e.at);
                lane.steps += 1;
                lane.spans.push(Span {
                    from: e.at,
                    to: None,
                    kind: SpanKind::Suspended(awaiting),
                });
            }
            What::CancelRequested(cause) => {
                lane.cancel_requested.get_or_insert((e.at, cause));
            }
            What::Finished => {
                lane.close_open_span(e.at);
                lane.steps += 1;
                if let Some(end) = run.end_of(e.who) {
                    lane.end = Some((end.at, end.finish));
                }
            }
            What::Printed(_) => {}
        }
    }
}
