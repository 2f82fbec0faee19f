//! Trace events as JSON objects (the CLI's `trace` command prints one per line).

use super::json;
use crate::engine::{Awaiting, CancelCause, Event, Finish, What, Who};

fn who(out: &mut String, who: Who) {
    match who.work_index() {
        Some(i) => out.push_str(&i.to_string()),
        None => out.push_str("\"main\""),
    }
}

fn cause(out: &mut String, c: &CancelCause) {
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

/// One event as a JSON object: `at_us`, `at_ms`, `pass`, `who` (`"main"` or the task index),
/// `event`, and the event's own fields.
pub fn event_json(e: &Event) -> String {
    let mut out = format!("{{\"at_us\":{},\"at_ms\":{},\"pass\":{},\"who\":", e.at, e.at_ms(), e.pass);
    who(&mut out, e.who);
    match &e.what {
        What::Created => out += ",\"event\":\"created\"",
        What::Step => out += ",\"event\":\"step\"",
        What::Suspended(awaiting) => {
            out += ",\"event\":\"suspended\",\"awaiting\":";
            match awaiting {
                Awaiting::Sleep { until } => out += &format!("{{\"kind\":\"sleep\",\"until_ms\":{}}}", until / 1000),
                Awaiting::Task(w) => {
                    out += "{\"kind\":\"task\",\"task\":";
                    who(&mut out, *w);
                    out += "}";
                }
                Awaiting::Gather => out += "{\"kind\":\"gather\"}",
                Awaiting::Wait => out += "{\"kind\":\"wait\"}",
                Awaiting::TaskGroup => out += "{\"kind\":\"taskgroup\"}",
                Awaiting::NextPass => out += "{\"kind\":\"next_pass\"}",
                Awaiting::Future => out += "{\"kind\":\"future\"}",
            }
        }
        What::CancelRequested(c) => {
            out += ",\"event\":\"cancel_requested\",\"cause\":";
            cause(&mut out, c);
        }
        What::Finished(finish) => {
            out += ",\"event\":\"finished\",\"state\":";
            match finish {
                Finish::Done => out += "\"done\"",
                Finish::Failed(exc) => {
                    out += "\"failed\"";
                    json::error_field(&mut out, Some(exc));
                }
                Finish::Cancelled { cause: c, started } => {
                    out += &format!("\"cancelled\",\"started\":{started},\"cause\":");
                    match c {
                        Some(c) => cause(&mut out, c),
                        None => out += "{\"kind\":\"awaited\",\"text\":\"CancelledError raised by what it awaited\"}",
                    }
                }
            }
        }
        What::Printed(line) => {
            out += ",\"event\":\"printed\",\"line\":";
            json::string(&mut out, &line.to_string());
        }
    }
    out.push('}');
    out
}
