//! The program outcome (programs contract, section 6): what it printed and when, how main and
//! every task ended, the traceback of an exception that escaped, the exceptions nobody retrieved.

use crate::json;
use crate::objects::repr::{exc_str, repr};
use crate::objects::{ExcObj, Raised, Value};
use crate::program::End;
use crate::vm::interp;
use asyncio_playground_engine::clock::to_ms;
use asyncio_playground_engine::{FutState, Run, TaskId};
use std::cell::RefCell;

/// An exception as the outcome shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct ErrorInfo {
    pub type_name: String,
    pub message: String,
    /// The members of an exception group.
    pub exceptions: Option<Vec<ErrorInfo>>,
}

impl ErrorInfo {
    pub fn of(e: &ExcObj) -> ErrorInfo {
        match &e.group {
            Some((msg, members)) => ErrorInfo {
                type_name: e.class.name.to_string(),
                message: msg.to_string(),
                exceptions: Some(members.iter().map(|m| ErrorInfo::of(m)).collect()),
            },
            None => {
                let rc = std::rc::Rc::new(ExcObj {
                    class: e.class.clone(),
                    args: std::cell::RefCell::new(e.args()),
                    attrs: std::cell::RefCell::new(e.attrs.borrow().clone()),
                    cause: std::cell::RefCell::new(None),
                    context: std::cell::RefCell::new(None),
                    suppress_context: std::cell::Cell::new(false),
                    frames_released: std::cell::Cell::new(false),
                    traceback: std::cell::RefCell::new(None),
                    group: None,
                });
                ErrorInfo {
                    type_name: e.class.name.to_string(),
                    message: exc_str(&rc).unwrap_or_default(),
                    exceptions: None,
                }
            }
        }
    }
}

/// One task of the outcome.
#[derive(Clone, Debug, PartialEq)]
pub struct TaskOutcome {
    pub name: String,
    pub coro: String,
    pub created_ms: u64,
    /// `done`, `failed`, `cancelled` or `pending`.
    pub state: &'static str,
    pub end_ms: Option<u64>,
    pub result: Option<String>,
    pub error: Option<ErrorInfo>,
}

/// An escaped exception's frames in the program's file (line, function), outermost first, and
/// the lines CPython prints for the exception itself.
pub type Traceback = (Vec<(u32, String)>, Vec<String>);

#[derive(Clone, Debug, PartialEq)]
pub struct Outcome {
    pub stdout: Vec<String>,
    pub stdout_ms: Vec<u64>,
    pub main: Option<TaskOutcome>,
    pub tasks: Vec<TaskOutcome>,
    /// The program's frames (line, function) and the exception's lines.
    pub traceback: Option<Traceback>,
    pub unretrieved: Vec<String>,
}

/// What the outcome reads of a task while the loop is borrowed: its result and exception are
/// described after (their reprs may be a task's, which reads the loop again, or run the
/// program's `__repr__`).
struct TaskRead {
    info: asyncio_playground_engine::TaskInfo,
    state: &'static str,
    value: Option<Value>,
    exc: Option<Raised>,
}

fn task_read(core: &asyncio_playground_engine::Core<crate::host::Py>, t: TaskId) -> TaskRead {
    let (state, value, exc) = match core.future_state(core.task_future(t)) {
        FutState::Pending => ("pending", None, None),
        FutState::Cancelled(_) => ("cancelled", None, None),
        FutState::Finished(Ok(v)) => ("done", Some(v.clone()), None),
        FutState::Finished(Err(e)) => ("failed", None, Some(e.clone())),
    };
    TaskRead {
        info: core.task_info(t),
        state,
        value,
        exc,
    }
}

fn task_outcome(read: TaskRead) -> TaskOutcome {
    TaskOutcome {
        name: read.info.name.to_string(),
        coro: read.info.coro_name.to_string(),
        created_ms: to_ms(read.info.created),
        state: read.state,
        end_ms: read.info.end.map(|(at, _)| to_ms(at)),
        result: read.value.map(|v| repr(&v).unwrap_or_default()),
        error: read.exc.map(|e| ErrorInfo::of(&e)),
    }
}

/// How many tasks [`read_tasks`] reads while the loop is borrowed.
const READ_CHUNK: u32 = 1024;

/// What the program printed: its lines (the unfinished last one too) and their times.
fn read_output() -> (Vec<String>, Vec<u64>) {
    interp::with(|i| {
        let out = i.out.borrow();
        let mut lines = out.lines.clone();
        let mut times: Vec<u64> = out.times.iter().map(|&t| to_ms(t)).collect();
        if !out.partial.is_empty() {
            lines.push(out.partial.clone());
            times.push(to_ms(out.partial_time));
        }
        (lines, times)
    })
}

/// A task as [`read_tasks`] hands it over.
enum Read {
    /// Main (the first `asyncio.run`'s task), before any other; `None` if nothing ran.
    Main(Option<TaskOutcome>),
    /// Any other task, in creation order.
    Task(TaskOutcome),
}

/// Hands every task of the program's runs to `each`, main first; returns the names of the
/// tasks whose exception nobody retrieved.
fn read_tasks(mut each: impl FnMut(Read)) -> Vec<String> {
    let runs = interp::with(|i| i.runs.borrow().clone());
    let mut unretrieved = Vec::new();
    let main = runs.first().and_then(|(run, _)| {
        let run = run.borrow();
        let main = run.main();
        (main.0 < run.with_core(|core| core.task_count() as u32)).then_some(main)
    });
    match (runs.first(), main) {
        (Some((run, _)), Some(id)) => {
            let wrap = |o| Read::Main(Some(o));
            deliver(
                run,
                &mut std::iter::once(id),
                wrap,
                &mut each,
                &mut unretrieved,
            );
        }
        _ => each(Read::Main(None)),
    }
    for (k, (run, _)) in runs.iter().enumerate() {
        let count = run.borrow().with_core(|core| core.task_count() as u32);
        // A chunk of tasks at a time: what is read while the loop is borrowed is held until it
        // is described, and 100,000 tasks' worth would be 15 MB.
        for chunk in (0..count).step_by(READ_CHUNK as usize) {
            let mut ids = (chunk..count.min(chunk + READ_CHUNK))
                .map(TaskId)
                .filter(|&t| !(k == 0 && Some(t) == main));
            deliver(run, &mut ids, Read::Task, &mut each, &mut unretrieved);
        }
    }
    unretrieved
}

/// Reads the tasks `ids` of `run` (but asyncio's own) while its loop is borrowed, then
/// describes each and hands it to `each` as `wrap` makes it, noting in `unretrieved` the names
/// of those whose exception nobody retrieved.
fn deliver(
    run: &RefCell<Run<crate::host::Py>>,
    ids: &mut dyn Iterator<Item = TaskId>,
    wrap: fn(TaskOutcome) -> Read,
    each: &mut dyn FnMut(Read),
    unretrieved: &mut Vec<String>,
) {
    let reads: Vec<(TaskRead, bool)> = run.borrow().with_core(|core| {
        ids.map(|t| (t, task_read(core, t)))
            .filter(|(_, read)| !read.info.internal)
            .map(|(t, read)| {
                let lost = read.state == "failed" && core.unretrieved(core.task_future(t));
                (read, lost)
            })
            .collect()
    });
    for (read, lost) in reads {
        let o = task_outcome(read);
        if lost {
            unretrieved.push(o.name.clone());
        }
        each(wrap(o));
    }
}

fn traceback_of(end: &End) -> Option<Traceback> {
    let End::Raised(e) = end else { return None };
    let frames = crate::traceback::frames(e)
        .into_iter()
        .map(|(l, n)| (l, n.to_string()))
        .collect();
    Some((frames, crate::traceback::exception_only(e, true, false)))
}

impl Outcome {
    /// The outcome of the program that just ran (read off the interpreter's state).
    pub fn collect(end: &End) -> Outcome {
        let (stdout, stdout_ms) = read_output();
        let (mut main, mut tasks) = (None, Vec::new());
        let unretrieved = read_tasks(|read| match read {
            Read::Main(m) => main = m,
            Read::Task(t) => tasks.push(t),
        });
        Outcome {
            stdout,
            stdout_ms,
            main,
            tasks,
            traceback: traceback_of(end),
            unretrieved,
        }
    }

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
                    main_json(&mut j, m.as_ref());
                    j += ",\"tasks\":[";
                }
                Read::Task(t) => {
                    if !std::mem::take(&mut first) {
                        j.push(',');
                    }
                    task_json(&mut j, &t, true);
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
        main_json(&mut j, self.main.as_ref());
        j += ",\"tasks\":";
        json::list(&mut j, &self.tasks, |j, t| task_json(j, t, true));
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
fn main_json(j: &mut String, main: Option<&TaskOutcome>) {
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
fn task_json(j: &mut String, t: &TaskOutcome, named: bool) {
    j.push('{');
    if named {
        j.push_str("\"name\":");
        json::string(j, &t.name);
        j.push_str(",\"coro\":");
        json::string(j, &t.coro);
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
        json::string(j, r);
    }
    if let Some(e) = &t.error {
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
