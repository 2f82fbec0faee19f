//! Plain-language sentences for the `aria-live` region ("1.000 s: Task 1 failed: ValueError").

use crate::engine::{Event, Finish, Run, What};
use crate::time_text::seconds_label;

/// The sentences kept (a screen reader announces the latest; older ones are of no use).
const KEEP: usize = 50;

/// Appends a sentence for each event worth announcing (finishes and printed lines), keeping the
/// last 50. Only the tail of a batch is read: a batch of 20,000 events yields the same 50 sentences.
pub fn narrate(run: &Run, events: &[Event], out: &mut Vec<String>) {
    for e in &events[events.len().saturating_sub(2 * KEEP)..] {
        let text = match e.what {
            What::Finished => match run.end_of(e.who).map(|end| end.finish) {
                Some(Finish::Done) => format!("{} done", e.who),
                Some(Finish::Failed(exc)) => format!("{} failed: {}", e.who, exc.type_name()),
                Some(Finish::Cancelled { cause: Some(c), .. }) => format!("{} {c}", e.who),
                Some(Finish::Cancelled { cause: None, .. }) => {
                    format!("{} cancelled (CancelledError from what it awaited)", e.who)
                }
                None => continue,
            },
            What::Printed(i) => match run.line(i) {
                Some(line) => format!("printed {line}"),
                None => continue,
            },
            _ => continue,
        };
        out.push(format!("{}: {text}", seconds_label(e.at)));
    }
    let excess = out.len().saturating_sub(KEEP);
    out.drain(..excess);
}
