//! Comparing what a program wrote to stderr, block by block (a traceback, a logged error, a
//! warning).
//!
//! Every block must be the same, in the same order, except one kind: CPython logs "Task
//! exception was never retrieved" when the task object is freed, and a failed task whose
//! exception's traceback refers back to it (through a frame) is freed only by the cycle
//! collector — at a moment, or at exit, that depends on CPython's allocation counts. So those
//! blocks are compared apart from the others, without their place: every task CPython logged
//! must be logged by the playground too (a missing log is a difference), with the same text.
//! The playground may log a task CPython never frees: CPython keeps a frame's locals as long as
//! an exception that passed through the frame lives (a cancelled task keeps its CancelledError),
//! the playground frees them when the frame ends, so a task they held can be freed by the
//! playground and never by CPython (when such a chain reaches a module global). Whether a task's
//! exception was retrieved at all is the outcome's `unretrieved` field, compared as it is.

/// The first line of an unretrieved task's log.
const UNRETRIEVED: &str = "Task exception was never retrieved";

/// Lines that always begin a block of their own.
const STARTERS: [&str; 7] = [
    UNRETRIEVED,
    "Future exception was never retrieved",
    "_GatheringFuture exception was never retrieved",
    "Exception in callback ",
    "Task was destroyed but it is pending!",
    "unhandled exception during asyncio.run() shutdown",
    "Task ",
];

fn is_traceback_start(line: &str) -> bool {
    line == "Traceback (most recent call last):"
        || line == "  + Exception Group Traceback (most recent call last):"
}

fn is_warning(line: &str) -> bool {
    !line.starts_with(' ')
        && (line.contains(": RuntimeWarning: ") || line.contains(": SyntaxWarning: "))
}

/// Splits stderr into blocks: a traceback (with the exceptions chained to it), a logged error
/// with its traceback, a warning with its source line.
pub fn blocks(text: &str) -> Vec<Vec<&str>> {
    let mut out: Vec<Vec<&str>> = Vec::new();
    let lines: Vec<&str> = text.lines().collect();
    for (i, &line) in lines.iter().enumerate() {
        let prev = if i > 0 { lines[i - 1] } else { "" };
        let before = if i > 1 { lines[i - 2] } else { "" };
        let chained = prev.is_empty()
            && (before.starts_with("The above exception was the direct cause")
                || before.starts_with("During handling of the above exception"));
        let logged = prev.starts_with("future: ")
            || prev.starts_with("task: ")
            || prev.starts_with("handle: ");
        let starts = STARTERS.iter().any(|s| line.starts_with(s))
            || is_warning(line)
            || (is_traceback_start(line) && !chained && !logged);
        match out.last_mut() {
            Some(block) if !starts => block.push(line),
            _ => out.push(vec![line]),
        }
    }
    out
}

/// The task an unretrieved log is about (`future: <Task finished name='Task-5' …`).
fn logged_task<'a>(block: &[&'a str]) -> Option<&'a str> {
    if block.first() != Some(&UNRETRIEVED) {
        return None;
    }
    let rest = block
        .get(1)?
        .strip_prefix("future: <Task finished name='")?;
    rest.split('\'').next()
}

/// `None` when the two stderr texts agree (as the module says); else how they differ.
pub fn difference(ours: &str, theirs: &str) -> Option<String> {
    let (ours, theirs) = (blocks(ours), blocks(theirs));
    let others = |b: &Vec<Vec<&str>>| -> Vec<String> {
        b.iter()
            .filter(|b| logged_task(b).is_none())
            .map(|b| b.join("\n"))
            .collect()
    };
    if others(&ours) != others(&theirs) {
        return Some(format!(
            "the tracebacks, warnings and errors differ\n--- playground:\n{}\n--- CPython:\n{}",
            others(&ours).join("\n"),
            others(&theirs).join("\n")
        ));
    }
    // Each side's unretrieved logs, by task (their place is not compared).
    let logs = |b: &Vec<Vec<&str>>| -> Vec<(String, String)> {
        b.iter()
            .filter_map(|b| Some((logged_task(b)?.to_string(), b.join("\n"))))
            .collect()
    };
    let (ours, theirs) = (logs(&ours), logs(&theirs));
    for (task, text) in &theirs {
        if ours.iter().any(|(t, o)| t == task && o == text) {
            continue;
        }
        return Some(match ours.iter().find(|(t, _)| t == task) {
            Some((_, mine)) => format!(
                "the log of {task}'s unretrieved exception differs\n--- playground:\n{mine}\n--- CPython:\n{text}"
            ),
            None => format!(
                "CPython logged {task}'s unretrieved exception, the playground did not\n--- CPython:\n{text}"
            ),
        });
    }
    None
}
