//! Trace events as JSON objects (the CLI's `trace` command prints one per line).

use super::json;
use crate::engine::{Awaiting, CancelCause, Event, Finish, Run, What, Who};

fn who(out: &mut String, who: Who) {
    match who.work_index() {
        Some(i) => out.push_str(&i.to_string()),
        None => out.push_str("\"main\""),
    }
}

fn cause(out: &mut String, c: Option<&CancelCause>) {
    let Some(c) = c else {
        out.push_str(
            "{\"kind\":\"awaited\",\"text\":\"CancelledError raised by what it awaited\"}",
        );
        return;
    };
    let kind = match c {
        CancelCause::Scheduled { .. } => "scheduled",
        CancelCause::Interrupt { .. } => "interrupt",
        CancelCause::TaskGroupAbort { .. } => "taskgroup_abort",
        CancelCause::GatherCancelled => "gather_cancelled",
        CancelCause::AwaiterCancelled { .. } => "awaiter_cancelled",
        CancelCause::Shutdown => "shutdown",
    };
    out.push_str(&format!("{{\"kind\":\"{kind}\",\"text\":"));
    json::string(out, &c.to_string());
    out.push('}');
}

fn awaiting(out: &mut String, at_ms: u64, a: &Awaiting) {
    let kind = match a {
        Awaiting::Sleep { delay_ms } => {
            let until = at_ms + *delay_ms as u64;
            out.push_str(&format!(
                "{{\"kind\":\"sleep\",\"delay_ms\":{delay_ms},\"until_ms\":{until}}}"
            ));
            return;
        }
        Awaiting::Task(w) => {
            out.push_str("{\"kind\":\"task\",\"task\":");
            who(out, *w);
            out.push('}');
            return;
        }
        Awaiting::Gather => "gather",
        Awaiting::Wait => "wait",
        Awaiting::TaskGroup => "taskgroup",
        Awaiting::NextPass => "next_pass",
        Awaiting::Future => "future",
    };
    out.push_str(&format!("{{\"kind\":\"{kind}\"}}"));
}

/// One event as a JSON object: `at_us`, `at_ms`, `pass`, `who` (`"main"` or the task index),
/// `event`, and the event's own fields (looked up in `run` for a finish or a printed line).
pub fn event_json(e: &Event, run: &Run) -> String {
    let mut out = format!(
        "{{\"at_us\":{},\"at_ms\":{},\"pass\":{},\"who\":",
        e.at,
        e.at_ms(),
        e.pass
    );
    who(&mut out, e.who);
    match &e.what {
        What::Created => out += ",\"event\":\"created\"",
        What::Entered => out += ",\"event\":\"entered\"",
        What::Suspended(a) => {
            out += ",\"event\":\"suspended\",\"awaiting\":";
            awaiting(&mut out, e.at_ms(), a);
        }
        What::CancelRequested(c) => {
            out += ",\"event\":\"cancel_requested\",\"cause\":";
            cause(&mut out, Some(c));
        }
        What::Finished => {
            out += ",\"event\":\"finished\",\"state\":";
            match run.end_of(e.who).map(|end| end.finish) {
                Some(Finish::Done) => out += "\"done\"",
                Some(Finish::Failed(exc)) => {
                    out += "\"failed\"";
                    json::error_field(&mut out, Some(&exc));
                }
                Some(Finish::Cancelled { cause: c, started }) => {
                    out += &format!("\"cancelled\",\"started\":{started},\"cause\":");
                    cause(&mut out, c.as_ref());
                }
                None => out += "null",
            }
        }
        What::Printed(i) => {
            out += ",\"event\":\"printed\",\"line\":";
            json::string(
                &mut out,
                &run.line(*i).map(|l| l.to_string()).unwrap_or_default(),
            );
        }
    }
    out.push('}');
    out
}
