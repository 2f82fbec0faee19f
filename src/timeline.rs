//! The timeline model: one lane per task (main first, then in creation order), its spans and its
//! end, folded incrementally from the engine's trace. Pure data (no UI code): the page draws it,
//! the table view lists it, tests check it natively.

use crate::engine::{Awaiting, CancelCause, Event, Finish, Micros, Run, TaskId, What};
use asyncio_playground_python::host::Py;
use std::cell::RefCell;
use std::rc::Rc;

/// What a lane is doing during a span of time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SpanKind {
    /// Created; its first step has not run yet (tasks start in the pass after their creation).
    WaitingToStart,
    /// Suspended on something, at a source line.
    Suspended { awaiting: Awaiting, line: u32 },
    /// Its step blocked the loop (`time.sleep`, at a source line): nothing else ran.
    Blocking { line: u32 },
}

impl SpanKind {
    /// How the span looks (its CSS class in the page): spans that look alike can be drawn as one.
    pub fn look(self) -> &'static str {
        match self {
            SpanKind::WaitingToStart => "waiting",
            SpanKind::Suspended {
                awaiting: Awaiting::Sleep { .. },
                ..
            } => "sleep",
            SpanKind::Suspended { .. } => "await",
            SpanKind::Blocking { .. } => "blocking",
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
            LaneState::WaitingToStart => "waiting",
            LaneState::Suspended => "suspended",
            LaneState::Running => "running",
            LaneState::Done => "done",
            LaneState::Failed => "failed",
            LaneState::Cancelled => "cancelled",
        }
    }
}

/// One lane: a task.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Lane {
    pub task: TaskId,
    /// CPython's name for it (`Task-1` is main).
    pub name: Rc<str>,
    /// Its coroutine's `__qualname__`.
    pub coro: Rc<str>,
    /// The task that created it (`None`: outside any task), and the source line.
    pub created_by: Option<TaskId>,
    pub created_line: u32,
    pub created: Micros,
    /// One of `asyncio.run`'s own shutdown tasks (not drawn).
    pub internal: bool,
    pub spans: Vec<Span>,
    /// Steps run so far (each ends in a suspension or the finish).
    pub steps: u32,
    /// The first cancel request that reached it.
    pub cancel_requested: Option<(Micros, CancelCause)>,
    /// When and how it finished.
    pub end: Option<(Micros, Finish)>,
}

impl Lane {
    fn close_open_span(&mut self, at: Micros) {
        if let Some(span) = self.spans.last_mut().filter(|s| s.to.is_none()) {
            span.to = Some(at);
        }
    }

    fn open(&mut self, at: Micros, kind: SpanKind) {
        self.spans.push(Span {
            from: at,
            to: None,
            kind,
        });
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
            (Some((_, Finish::Failed)), _) => LaneState::Failed,
            (Some((_, Finish::Cancelled { .. })), _) => LaneState::Cancelled,
            (None, Some(s)) if s.to.is_none() && s.kind == SpanKind::WaitingToStart => {
                LaneState::WaitingToStart
            }
            (None, Some(s)) if s.to.is_none() && matches!(s.kind, SpanKind::Suspended { .. }) => {
                LaneState::Suspended
            }
            _ => LaneState::Running,
        }
    }
}

/// The shown lanes in their grouped order: (index into `lanes`, depth) each.
pub type GroupedOrder = Rc<[(u32, u32)]>;

/// Every lane of a run, `lanes[t]` for task `TaskId(t)`: main is `lanes[0]`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Timeline {
    pub lanes: Vec<Lane>,
    /// How many trace events have been folded in.
    pub seen: usize,
    /// The loop blocked (`time.sleep`): from, to, the task that blocked it.
    pub stalls: Vec<(Micros, Micros, Option<TaskId>)>,
    /// [`Timeline::grouped_order`] as worked out when there were `.0` lanes. Lanes are only added,
    /// each with its creator fixed, so the order holds until one is: a moment of a 10,000-task
    /// run is drawn without grouping them again.
    grouped: RefCell<(usize, GroupedOrder)>,
}

impl Timeline {
    pub fn new() -> Timeline {
        Timeline::default()
    }

    /// The lane of task `t`.
    pub fn lane(&self, t: TaskId) -> Option<&Lane> {
        self.lanes.get(t.0 as usize)
    }

    /// The lane of the task named `name` (`Task-3`).
    pub fn lane_named(&self, name: &str) -> Option<&Lane> {
        self.lanes.iter().find(|l| &*l.name == name)
    }

    /// The lanes the page draws: every task but `asyncio.run`'s own.
    pub fn shown(&self) -> impl Iterator<Item = &Lane> {
        self.lanes.iter().filter(|l| !l.internal)
    }

    /// The shown lanes grouped under the task that created each (children after their creator, in
    /// creation order), with their depth: 0 for a task created outside any task (main), 1 for
    /// one main created, and so on.
    pub fn grouped(&self) -> Vec<(&Lane, u32)> {
        self.grouped_order()
            .iter()
            .map(|&(i, depth)| (&self.lanes[i as usize], depth))
            .collect()
    }

    /// [`Timeline::grouped`] as indices into `lanes`, worked out once for each number of lanes.
    pub fn grouped_order(&self) -> GroupedOrder {
        let mut cache = self.grouped.borrow_mut();
        if cache.0 != self.lanes.len() {
            *cache = (self.lanes.len(), self.group().into());
        }
        cache.1.clone()
    }

    fn group(&self) -> Vec<(u32, u32)> {
        let shown: Vec<&Lane> = self.shown().collect();
        let mut children: Vec<Vec<usize>> = vec![Vec::new(); self.lanes.len()];
        let mut roots = Vec::new();
        for (i, lane) in shown.iter().enumerate() {
            match lane
                .created_by
                .and_then(|by| self.lane(by))
                .filter(|l| !l.internal)
            {
                Some(parent) => children[parent.task.0 as usize].push(i),
                None => roots.push(i),
            }
        }
        let mut out = Vec::with_capacity(shown.len());
        // Depth first, without recursion (a chain of 10,000 tasks each creating the next).
        let mut stack: Vec<(usize, u32)> = roots.into_iter().rev().map(|i| (i, 0)).collect();
        while let Some((i, depth)) = stack.pop() {
            let lane = shown[i];
            out.push((lane.task.0, depth));
            let kids = &children[lane.task.0 as usize];
            stack.extend(kids.iter().rev().map(|&k| (k, depth + 1)));
        }
        out
    }

    /// Folds in the events the run recorded since the last call, and returns them (for the other
    /// readers of the same events, so that they are read once).
    pub fn update(&mut self, run: &Run<Py>) -> Vec<Event> {
        let events = run.trace_from(self.seen);
        self.seen += events.len();
        run.with_core(|core| {
            for e in &events {
                self.apply(e, core);
            }
        });
        events
    }

    fn apply(&mut self, e: &Event, core: &crate::engine::Core<Py>) {
        if let What::Created { by, line } = e.what {
            let Some(task) = e.task else { return };
            let info = core.task_info(task);
            while self.lanes.len() <= task.0 as usize {
                // Tasks are numbered in creation order, so this pushes exactly the new one.
                let t = TaskId(self.lanes.len() as u32);
                let info = if t == task {
                    info.clone()
                } else {
                    core.task_info(t)
                };
                self.lanes.push(Lane {
                    task: t,
                    name: info.name.text(),
                    coro: info.coro_name.clone(),
                    created_by: None,
                    created_line: 0,
                    created: info.created,
                    internal: info.internal,
                    spans: Vec::new(),
                    steps: 0,
                    cancel_requested: None,
                    end: None,
                });
            }
            let lane = &mut self.lanes[task.0 as usize];
            lane.created_by = by;
            lane.created_line = line;
            lane.created = e.at;
            lane.open(e.at, SpanKind::WaitingToStart);
            return;
        }
        if let What::Blocked { us, .. } = e.what {
            self.stalls.push((e.at, e.at + us.get(), e.task));
        }
        let Some(lane) = e.task.and_then(|t| self.lanes.get_mut(t.0 as usize)) else {
            return;
        };
        match e.what {
            What::Suspended { awaiting, line } => {
                lane.close_open_span(e.at);
                lane.steps += 1;
                lane.open(e.at, SpanKind::Suspended { awaiting, line });
            }
            What::Blocked { us, line } => {
                lane.close_open_span(e.at);
                lane.spans.push(Span {
                    from: e.at,
                    to: Some(e.at + us.get()),
                    kind: SpanKind::Blocking { line },
                });
            }
            What::CancelRequested(cause) => {
                lane.cancel_requested.get_or_insert((e.at, cause));
            }
            What::Finished => {
                lane.close_open_span(e.at);
                lane.steps += 1;
                lane.end = core.task_info(lane.task).end;
            }
            What::Created { .. }
            | What::Printed(_)
            | What::CallbackRan { .. }
            | What::TimerArmed { .. }
            | What::HandleCancelled { .. } => {}
        }
    }
}
