//! What a task was doing at a time, and why it was in a pass's ready queue, in words: read off
//! its lane's spans.

use crate::engine::{Awaiting, Micros, TaskId};
use crate::timeline::{Lane, Span, SpanKind, Timeline};

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
