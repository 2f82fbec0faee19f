//! Words for what the trace recorded: a lane's span, its end, a cancel's cause, an exception.

use crate::engine::{Awaiting, CallbackKind, CancelCause, Finish, Micros, TaskId};
use crate::python::outcome::ErrorInfo;
use crate::time_text::seconds_label;
use crate::timeline::{Lane, SpanKind, Timeline};
use std::collections::HashMap;
use std::rc::Rc;

/// What each failed task raised (`ValueError: Task 1 failed`), by task number.
pub type Errors = HashMap<u32, Rc<str>>;

/// A task's CPython name (`Task-3`), from its lane.
pub fn name(timeline: &Timeline, t: TaskId) -> Rc<str> {
    timeline
        .lane(t)
        .map_or_else(|| Rc::from("a task"), |l| l.name.clone())
}

/// `ValueError: Task 1 failed`, and an exception group as CPython's `str()` shows it:
/// `ExceptionGroup: unhandled errors in a TaskGroup (1 sub-exception)`.
pub fn error_text(e: &ErrorInfo) -> String {
    match &e.exceptions {
        Some(members) => {
            let s = if members.len() == 1 { "" } else { "s" };
            format!(
                "{}: {} ({} sub-exception{s})",
                e.type_name,
                e.message,
                members.len()
            )
        }
        None if e.message.is_empty() => e.type_name.clone(),
        None => format!("{}: {}", e.type_name, e.message),
    }
}

/// Why a task was cancelled, as a phrase: "cancelled by TaskGroup after Task-3 failed".
pub fn cause_text(timeline: &Timeline, cause: &CancelCause) -> String {
    match *cause {
        CancelCause::Program { line, by: None } => {
            format!("cancelled by a cancel() callback (line {line})")
        }
        CancelCause::Program { line, by: Some(t) } => {
            format!(
                "cancelled by {} calling cancel() (line {line})",
                name(timeline, t)
            )
        }
        CancelCause::TaskGroup { failed: Some(t) } => {
            format!("cancelled by TaskGroup after {} failed", name(timeline, t))
        }
        CancelCause::TaskGroup { failed: None } => {
            "cancelled by TaskGroup because its body's task was cancelled".into()
        }
        CancelCause::Gather => "cancelled by gather, which was cancelled".into(),
        CancelCause::Awaiter { awaiter } => format!(
            "cancelled because {}, awaiting it, was cancelled",
            name(timeline, awaiter)
        ),
        CancelCause::Timeout { line } => format!("cancelled by a timeout (line {line})"),
        CancelCause::Shutdown => "cancelled by asyncio.run() at shutdown".into(),
        CancelCause::Interrupt => "cancelled from outside (interrupt)".into(),
    }
}

/// What a suspended task awaits, as a phrase.
pub fn awaiting_text(timeline: &Timeline, a: &Awaiting, from: Micros) -> String {
    match *a {
        Awaiting::Sleep { until } => {
            let until = until.get();
            format!(
                "sleeping {} ms, until {}",
                crate::engine::clock::to_ms(until.saturating_sub(from)),
                seconds_label(until)
            )
        }
        Awaiting::Task(t) => format!("awaiting {}", name(timeline, t)),
        Awaiting::NextPass => "yielded for one pass".into(),
        Awaiting::Future => "awaiting a future".into(),
        Awaiting::Gather => "awaiting gather".into(),
        Awaiting::Wait => "awaiting asyncio.wait".into(),
        Awaiting::TaskGroup => "awaiting the TaskGroup".into(),
        Awaiting::Shield => "awaiting shield".into(),
        Awaiting::AsCompleted => "awaiting as_completed".into(),
        Awaiting::CancelAndWait => "awaiting the cancel of what wait_for awaited".into(),
        Awaiting::Lock => "awaiting Lock.acquire()".into(),
        Awaiting::Event => "awaiting Event.wait()".into(),
        Awaiting::Condition => "awaiting Condition.wait()".into(),
        Awaiting::Semaphore => "awaiting Semaphore.acquire()".into(),
        Awaiting::QueueGet => "awaiting Queue.get()".into(),
        Awaiting::QueuePut => "awaiting Queue.put()".into(),
        Awaiting::QueueJoin => "awaiting Queue.join()".into(),
    }
}

/// A span that started at `from`, as a phrase.
pub fn span_label(timeline: &Timeline, kind: &SpanKind, from: Micros) -> String {
    let at_line = |line: u32| {
        if line > 0 {
            format!(" (line {line})")
        } else {
            String::new()
        }
    };
    match kind {
        SpanKind::WaitingToStart => "created, waiting for its first step".into(),
        SpanKind::Suspended { awaiting, line } => {
            format!(
                "{}{}",
                awaiting_text(timeline, awaiting, from),
                at_line(*line)
            )
        }
        SpanKind::Blocking { line } => format!("blocking the loop{}", at_line(*line)),
    }
}

/// The end marker of a lane: a symbol that tells the state without colour, and its text.
pub fn end_text(
    timeline: &Timeline,
    errors: &Errors,
    lane: &Lane,
    end: &(Micros, Finish),
) -> (&'static str, String) {
    let at = seconds_label(end.0);
    match &end.1 {
        Finish::Done => ("✓", format!("done at {at}")),
        Finish::Failed => {
            let error = errors.get(&lane.task.0).map_or("failed", |e| e);
            ("✕", format!("{error} at {at}"))
        }
        Finish::Cancelled {
            cause: Some(c),
            started,
        } => (
            "⊘",
            format!(
                "{} at {at}{}",
                cause_text(timeline, c),
                if *started { "" } else { " (never started)" }
            ),
        ),
        Finish::Cancelled { cause: None, .. } => (
            "⊘",
            format!("cancelled: CancelledError from what it awaited, at {at}"),
        ),
    }
}

/// One sentence describing a lane now: how it ended, or what it is doing.
pub fn lane_details(timeline: &Timeline, errors: &Errors, lane: &Lane) -> String {
    let doing = match (&lane.end, lane.spans.last()) {
        (Some(end), _) => end_text(timeline, errors, lane, end).1,
        (None, Some(s)) if s.to.is_none() => span_label(timeline, &s.kind, s.from),
        _ => "running".into(),
    };
    let by = match lane.created_by {
        Some(t) => format!(" by {}", name(timeline, t)),
        None => String::new(),
    };
    let line = if lane.created_line > 0 {
        format!(" (line {})", lane.created_line)
    } else {
        String::new()
    };
    let cancel = match (&lane.cancel_requested, &lane.end) {
        (Some((at, cause)), None) => format!(
            "; cancel requested at {} ({})",
            seconds_label(*at),
            cause_text(timeline, cause)
        ),
        _ => String::new(),
    };
    format!(
        "{}: {doing}; runs {}(), created at {}{by}{line}; {} steps{cancel}",
        lane.name,
        lane.coro,
        seconds_label(lane.created),
        lane.steps
    )
}

/// A program callback a pass runs, in words: `call_later's callback (scheduled at line 19): its
/// timer came due`.
pub fn callback_text(kind: CallbackKind, line: u32) -> String {
    let at = if line > 0 {
        format!(" (scheduled at line {line})")
    } else {
        String::new()
    };
    let why = match kind {
        CallbackKind::Soon => "call_soon put it in the ready queue",
        CallbackKind::Later => "its timer came due",
        CallbackKind::Done => "the future it was added to is done",
    };
    format!("{}'s callback{at}: {why}", kind.name())
}
