//! The program outcome (programs contract, section 6): what it printed and when, how main and
//! every task ended, the traceback of an exception that escaped, the exceptions nobody retrieved.
//! This module reads it off the interpreter; [`json`] writes it.

mod json;
mod tasks;

use crate::objects::repr::{exc_str, repr};
use crate::objects::{ExcObj, Raised, Value};
use crate::program::End;
use crate::vm::interp;
use asyncio_playground_engine::clock::to_ms;
pub use json::error_json;
use tasks::{read_tasks, tasks_made, Read, TaskView};

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
                let rc = e.unchained();
                ErrorInfo {
                    type_name: e.class.name.to_string(),
                    message: exc_str(&rc).unwrap_or_default(),
                    exceptions: None,
                }
            }
        }
    }
}

/// What a task that finished shows of how it did: its result's repr, or its exception. A repr
/// may be a task's, which reads the loop, or run the program's `__repr__` (an exception's `str`,
/// its `__str__`): the loop must not be borrowed.
pub fn describe_end(end: &Result<Value, Raised>) -> Result<String, ErrorInfo> {
    match end {
        Ok(v) => Ok(repr(v).unwrap_or_default()),
        Err(e) => Err(ErrorInfo::of(e)),
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
        // Room for every task at once (100,000 outcomes are 17 MB, which doubling would copy).
        let (mut main, mut tasks) = (None, Vec::with_capacity(tasks_made()));
        let unretrieved = read_tasks(|read| match read {
            Read::Main(m) => main = m.map(TaskView::to_outcome),
            Read::Task(t) => tasks.push(t.to_outcome()),
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
}
