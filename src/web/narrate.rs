//! Plain-language sentences for the `aria-live` region ("1.000 s: Task-3 failed: ValueError: …").

use super::describe::{cause_text, Errors};
use crate::engine::{Event, Finish, Micros, What};
use crate::time_text::seconds_label;
use crate::timeline::Timeline;
use std::rc::Rc;

/// The sentences kept (a screen reader announces the latest; older ones are of no use).
const KEEP: usize = 50;

/// Appends a sentence for each event worth announcing (finishes and printed lines), keeping the
/// last 50. Only the tail of a batch is read: a batch of 20,000 events yields the same 50
/// sentences. `console` holds every line printed so far (the batch's included).
pub fn narrate(
    timeline: &Timeline,
    errors: &Errors,
    console: &[(Micros, Rc<str>)],
    events: &[Event],
    out: &mut Vec<String>,
) {
    let tail = &events[events.len().saturating_sub(2 * KEEP)..];
    // The tail's printed lines are the last ones of the console.
    let printed = tail
        .iter()
        .filter(|e| matches!(e.what, What::Printed(_)))
        .count();
    let mut line = console.len().saturating_sub(printed);
    for e in tail {
        let text = match e.what {
            What::Finished => {
                let Some(lane) = e.task.and_then(|t| timeline.lane(t)) else {
                    continue;
                };
                if lane.internal {
                    continue;
                }
                match lane.end.map(|end| end.1) {
                    Some(Finish::Done) => format!("{} done", lane.name),
                    Some(Finish::Failed) => match errors.get(&lane.task.0) {
                        Some(error) => format!("{} failed: {error}", lane.name),
                        None => format!("{} failed", lane.name),
                    },
                    Some(Finish::Cancelled { cause: Some(c), .. }) => {
                        format!("{} {}", lane.name, cause_text(timeline, &c))
                    }
                    Some(Finish::Cancelled { cause: None, .. }) => format!(
                        "{} cancelled (CancelledError from what it awaited)",
                        lane.name
                    ),
                    None => continue,
                }
            }
            What::Printed(_) => {
                line += 1;
                match console.get(line - 1) {
                    Some((_, text)) => format!("printed {text}"),
                    None => continue,
                }
            }
            _ => continue,
        };
        out.push(format!("{}: {text}", seconds_label(e.at)));
    }
    let excess = out.len().saturating_sub(KEEP);
    out.drain(..excess);
}
