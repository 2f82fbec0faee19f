//! Trace events as JSON objects, one per line (the CLI's `trace` command): what the engine
//! recorded, with tasks by their names and printed lines by their text.

use crate::host::Py;
use crate::json;
use crate::objects::{Raised, Value};
use crate::outcome::{describe_end, error_json, ErrorInfo};
use crate::vm::interp;
use asyncio_playground_engine::fast_hash::FastMap;
use asyncio_playground_engine::{
    Awaiting, CancelCause, Core, Event, Finish, FutState, Run, TaskId, What,
};
use std::cell::RefCell;

/// How each task of `run` that finished shows its result or exception ([`describe_end`]),
/// found before the loop is borrowed to write the events.
fn describe_ends(run: &RefCell<Run<Py>>) -> FastMap<TaskId, Result<String, ErrorInfo>> {
    let ended: Vec<(TaskId, Result<Value, Raised>)> = run.borrow().with_core(|core| {
        (0..core.task_count() as u32)
            .map(TaskId)
            .filter_map(|t| match core.future_state(core.task_future(t)) {
                FutState::Finished(r) => Some((t, r.clone())),
                _ => None,
            })
            .collect()
    });
    ended
        .into_iter()
        .map(|(t, end)| (t, describe_end(&end)))
        .collect()
}

fn task(out: &mut String, core: &Core<Py>, t: Option<TaskId>) {
    match t {
        Some(t) => json::task_name(out, &core.task_info(t).name),
        None => out.push_str("null"),
    }
}

fn field_int(out: &mut String, key: &str, n: u64) {
    out.push_str(",\"");
    out.push_str(key);
    out.push_str("\":");
    json::int(out, n);
}

/// `{"kind": ...}` and the cause's own fields.
fn cause(out: &mut String, core: &Core<Py>, c: &CancelCause) {
    let kind = match c {
        CancelCause::Program { .. } => "program",
        CancelCause::TaskGroup { .. } => "taskgroup",
        CancelCause::Gather => "gather",
        CancelCause::Awaiter { .. } => "awaiter",
        CancelCause::Timeout { .. } => "timeout",
        CancelCause::Shutdown => "shutdown",
        CancelCause::Interrupt => "interrupt",
    };
    out.push_str("{\"kind\":\"");
    out.push_str(kind);
    out.push('"');
    match *c {
        CancelCause::Program { line, by } => {
            field_int(out, "line", u64::from(line));
            out.push_str(",\"by\":");
            task(out, core, by);
        }
        CancelCause::TaskGroup { failed } => {
            out.push_str(",\"failed\":");
            task(out, core, failed);
        }
        CancelCause::Awaiter { awaiter } => {
            out.push_str(",\"awaiter\":");
            task(out, core, Some(awaiter));
        }
        CancelCause::Timeout { line } => field_int(out, "line", u64::from(line)),
        CancelCause::Gather | CancelCause::Shutdown | CancelCause::Interrupt => {}
    }
    out.push('}');
}

/// The snake-case name of what a task awaits.
pub fn awaiting_kind(a: &Awaiting) -> &'static str {
    match a {
        Awaiting::NextPass => "next_pass",
        Awaiting::Sleep { .. } => "sleep",
        Awaiting::Task(_) => "task",
        Awaiting::Future => "future",
        Awaiting::Gather => "gather",
        Awaiting::Wait => "wait",
        Awaiting::TaskGroup => "taskgroup",
        Awaiting::Shield => "shield",
        Awaiting::AsCompleted => "as_completed",
        Awaiting::CancelAndWait => "cancel_and_wait",
        Awaiting::Lock => "lock",
        Awaiting::Event => "event",
        Awaiting::Condition => "condition",
        Awaiting::Semaphore => "semaphore",
        Awaiting::QueueGet => "queue_get",
        Awaiting::QueuePut => "queue_put",
        Awaiting::QueueJoin => "queue_join",
    }
}

fn awaiting(out: &mut String, core: &Core<Py>, a: &Awaiting) {
    out.push_str("{\"kind\":\"");
    out.push_str(awaiting_kind(a));
    out.push('"');
    match *a {
        Awaiting::Sleep { until } => {
            let until = until.get();
            field_int(out, "until_us", until);
            field_int(
                out,
                "until_ms",
                asyncio_playground_engine::clock::to_ms(until),
            );
        }
        Awaiting::Task(t) => {
            out.push_str(",\"task\":");
            task(out, core, Some(t));
        }
        _ => {}
    }
    out.push('}');
}

/// How task `t` ended: `"state"`, and its result, error or cancellation.
fn finish(
    out: &mut String,
    core: &Core<Py>,
    ends: &FastMap<TaskId, Result<String, ErrorInfo>>,
    t: TaskId,
) {
    let info = core.task_info(t);
    out.push_str(",\"state\":");
    let Some((_, how)) = info.end else {
        out.push_str("null");
        return;
    };
    match how {
        Finish::Done => {
            out.push_str("\"done\",\"result\":");
            match ends.get(&t) {
                Some(Ok(result)) => json::string(out, result),
                _ => json::string(out, ""),
            }
        }
        Finish::Failed => {
            out.push_str("\"failed\",\"error\":");
            match ends.get(&t) {
                Some(Err(error)) => error_json(out, error),
                _ => out.push_str("null"),
            }
        }
        Finish::Cancelled { cause: c, started } => {
            out.push_str("\"cancelled\",\"started\":");
            out.push_str(if started { "true" } else { "false" });
            out.push_str(",\"cause\":");
            match c {
                Some(c) => cause(out, core, &c),
                None => out.push_str("null"),
            }
        }
    }
}

/// One event as a JSON object: `at_us`, `at_ms`, `pass`, `task` (its name, or `null`), `event`,
/// and the event's own fields.
fn event_json(
    e: &Event,
    core: &Core<Py>,
    ends: &FastMap<TaskId, Result<String, ErrorInfo>>,
) -> String {
    let mut out = String::with_capacity(96);
    out.push_str("{\"at_us\":");
    json::int(&mut out, e.at);
    field_int(&mut out, "at_ms", e.at_ms());
    field_int(&mut out, "pass", u64::from(e.pass));
    out.push_str(",\"task\":");
    task(&mut out, core, e.task);
    out.push_str(",\"event\":");
    match e.what {
        What::Created { by, line } => {
            out.push_str("\"created\",\"by\":");
            task(&mut out, core, by);
            field_int(&mut out, "line", u64::from(line));
            if let Some(t) = e.task {
                out.push_str(",\"coro\":");
                json::string(&mut out, &core.task_info(t).coro_name);
            }
        }
        What::Suspended { awaiting: a, line } => {
            out.push_str("\"suspended\"");
            field_int(&mut out, "line", u64::from(line));
            out.push_str(",\"awaiting\":");
            awaiting(&mut out, core, &a);
        }
        What::Finished => {
            out.push_str("\"finished\"");
            if let Some(t) = e.task {
                finish(&mut out, core, ends, t);
            }
        }
        What::CancelRequested(c) => {
            out.push_str("\"cancel_requested\",\"cause\":");
            cause(&mut out, core, &c);
        }
        What::Printed(i) => {
            out.push_str("\"printed\"");
            field_int(&mut out, "index", u64::from(i));
            out.push_str(",\"text\":");
            let text = interp::with(|it| it.out.borrow().lines.get(i as usize).cloned())
                .unwrap_or_default();
            json::string(&mut out, &text);
        }
        What::Blocked { us, line } => {
            out.push_str("\"blocked\"");
            field_int(&mut out, "us", us.get());
            field_int(&mut out, "line", u64::from(line));
        }
        What::CallbackRan { kind, line, handle } => {
            out.push_str("\"callback\"");
            out.push_str(",\"by\":");
            json::string(&mut out, kind.name());
            field_int(&mut out, "line", u64::from(line));
            if let Some(h) = handle {
                field_int(&mut out, "handle", u64::from(h));
            }
        }
        What::TimerArmed {
            handle,
            until,
            line,
        } => {
            out.push_str("\"timer_armed\"");
            field_int(&mut out, "handle", u64::from(handle));
            field_int(
                &mut out,
                "until_ms",
                asyncio_playground_engine::clock::to_ms(until.get()),
            );
            field_int(&mut out, "line", u64::from(line));
        }
        What::HandleCancelled { handle } => {
            out.push_str("\"handle_cancelled\"");
            field_int(&mut out, "handle", u64::from(handle));
        }
    }
    out.push('}');
    out
}

/// Every event of every `asyncio.run` the program made, as JSON lines (not those of the two
/// tasks `asyncio.run` makes for its own shutdown: the outcome leaves them out too).
pub fn trace_lines() -> String {
    let runs = interp::with(|i| i.runs.borrow().clone());
    let mut out = String::new();
    for (run, _) in &runs {
        let ends = describe_ends(run);
        let run = run.borrow();
        let events = run.trace_from(0);
        run.with_core(|core| {
            for e in &events {
                if e.task.is_some_and(|t| core.task_info(t).internal) {
                    continue;
                }
                out += &event_json(e, core, &ends);
                out.push('\n');
            }
        });
    }
    out
}
