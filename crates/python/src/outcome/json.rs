//! The outcome JSON (programs contract, section 6): one line, keys in the contract's order.

use super::tasks::{read_tasks, NameView, Read, ResultView, TaskView};
use super::{read_output, traceback_of, ErrorInfo, Outcome, TaskOutcome, Traceback};
use crate::json;
use crate::objects::repr::repr;
use crate::objects::Value;
use crate::program::End;

impl Outcome {
    /// The outcome JSON of the program that just ran: what `collect(end).to_json()` gives.
    pub fn json_of(end: &End) -> String {
        let mut out = Vec::new();
        Outcome::write_json(end, &mut out).expect("a Vec takes every write");
        String::from_utf8(out).expect("the JSON is built from strings")
    }

    /// Writes [`Outcome::json_of`] to `out` as each task is read, a piece of about 64 KB at a
    /// time, rather than after holding every task's outcome or the whole text (the CLI's `run`
    /// of 100,000 tasks: 9 MB it would otherwise build before writing).
    ///
    /// # Errors
    /// The first error `out` gave; nothing is written after it.
    pub fn write_json(end: &End, out: &mut dyn std::io::Write) -> std::io::Result<()> {
        const PIECE: usize = 64 << 10;
        let (stdout, stdout_ms) = read_output();
        let mut j = String::with_capacity(PIECE + 4096);
        let mut written = Ok(());
        // After an error (a closed pipe) pieces are dropped unwritten, never gathered.
        let mut flush = |j: &mut String, at_least: usize| {
            if j.len() >= at_least {
                if written.is_ok() {
                    written = out.write_all(j.as_bytes());
                }
                j.clear();
            }
        };
        head_json(&mut j, &stdout, &stdout_ms);
        drop((stdout, stdout_ms));
        flush(&mut j, PIECE);
        let mut first = true;
        let unretrieved = read_tasks(|read| {
            match read {
                Read::Main(m) => {
                    main_json(&mut j, m);
                    j += ",\"tasks\":[";
                }
                Read::Task(t) => {
                    if !std::mem::take(&mut first) {
                        j.push(',');
                    }
                    task_json(&mut j, t, true);
                }
            }
            flush(&mut j, PIECE);
        });
        j.push(']');
        tail_json(&mut j, traceback_of(end).as_ref(), &unretrieved);
        flush(&mut j, 0);
        written
    }

    /// The outcome JSON (one line, keys in the contract's order).
    pub fn to_json(&self) -> String {
        let mut j = String::with_capacity(256 + 96 * self.tasks.len() + 24 * self.stdout.len());
        head_json(&mut j, &self.stdout, &self.stdout_ms);
        main_json(&mut j, self.main.as_ref().map(TaskOutcome::view).as_ref());
        j += ",\"tasks\":";
        json::list(&mut j, &self.tasks, |j, t| task_json(j, &t.view(), true));
        tail_json(&mut j, self.traceback.as_ref(), &self.unretrieved);
        j
    }
}

/// The outcome JSON's first keys: `{"stdout": …, "stdout_ms": …`.
fn head_json(j: &mut String, stdout: &[String], stdout_ms: &[u64]) {
    *j += "{\"stdout\":";
    json::list(j, stdout, |j, s| json::string(j, s));
    *j += ",\"stdout_ms\":";
    json::list(j, stdout_ms, |j, &t| json::int(j, t));
}

/// `,"main": …`.
fn main_json(j: &mut String, main: Option<&TaskView>) {
    *j += ",\"main\":";
    match main {
        Some(m) => task_json(j, m, false),
        None => *j += "null",
    }
}

/// The keys after the tasks: `,"traceback": …, "unretrieved": …}`.
fn tail_json(j: &mut String, traceback: Option<&Traceback>, unretrieved: &[String]) {
    *j += ",\"traceback\":";
    match traceback {
        None => *j += "null",
        Some((frames, lines)) => {
            *j += "{\"frames\":";
            json::list(j, frames, |j, (line, function)| {
                j.push_str("{\"line\":");
                json::int(j, u64::from(*line));
                j.push_str(",\"function\":");
                json::string(j, function);
                j.push('}');
            });
            *j += ",\"exception\":";
            json::list(j, lines, |j, s| json::string(j, s));
            j.push('}');
        }
    }
    *j += ",\"unretrieved\":";
    json::list(j, unretrieved, |j, s| json::string(j, s));
    j.push('}');
}

/// A task: name and coroutine (not for main: it is the task `asyncio.run` made), creation,
/// state, end, and result or error.
fn task_json(j: &mut String, t: &TaskView, named: bool) {
    j.push('{');
    if named {
        j.push_str("\"name\":");
        match t.name {
            NameView::Text(s) => json::string(j, s),
            NameView::Task(n) => json::task_name(j, n),
        }
        j.push_str(",\"coro\":");
        json::string(j, t.coro);
        j.push_str(",\"created_ms\":");
        json::int(j, t.created_ms);
        j.push(',');
    }
    j.push_str("\"state\":\"");
    j.push_str(t.state);
    j.push_str("\",\"end_ms\":");
    json::opt_int(j, t.end_ms);
    if let Some(r) = &t.result {
        j.push_str(",\"result\":");
        match r {
            ResultView::Repr(s) => json::string(j, s),
            // `repr()` of an integer or `None` needs no escape.
            ResultView::Plain(Value::None) => j.push_str("\"None\""),
            ResultView::Plain(Value::Int(i)) => {
                j.push('"');
                if *i < 0 {
                    j.push('-');
                }
                json::int(j, i.unsigned_abs());
                j.push('"');
            }
            ResultView::Plain(v) => json::string(j, &repr(v).unwrap_or_default()),
        }
    }
    if let Some(e) = t.error {
        j.push_str(",\"error\":");
        error_json(j, e);
    }
    j.push('}');
}

/// An error object: `{"type": T, "message": M}`, and `"exceptions"` for a group.
pub fn error_json(j: &mut String, e: &ErrorInfo) {
    j.push_str("{\"type\":");
    json::string(j, &e.type_name);
    j.push_str(",\"message\":");
    json::string(j, &e.message);
    if let Some(members) = &e.exceptions {
        j.push_str(",\"exceptions\":");
        json::list(j, members, error_json);
    }
    j.push('}');
}
