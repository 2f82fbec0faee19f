//! The program outcome (programs contract, section 6): what it printed and when, how main and
//! every task ended, the traceback of an exception that escaped, the exceptions nobody retrieved.

use crate::json;
use crate::objects::repr::{exc_str, repr};
use crate::objects::{ExcObj, Raised, Value};
use crate::program::End;
use crate::vm::interp;
use asyncio_playground_engine::clock::to_ms;
use asyncio_playground_engine::{FutState, TaskId};

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
        FutState::Cancelled { .. } => ("cancelled", None, None),
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

impl Outcome {
    /// The outcome of the program that just ran (read off the interpreter's state).
    pub fn collect(end: &End) -> Outcome {
        let (mut stdout, mut stdout_ms) = interp::with(|i| {
            let out = i.out.borrow();
            (
                out.lines.clone(),
                out.times.iter().map(|&t| to_ms(t)).collect::<Vec<u64>>(),
            )
        });
        let partial = interp::with(|i| {
            let out = i.out.borrow();
            (!out.partial.is_empty()).then(|| (out.partial.clone(), to_ms(out.partial_time)))
        });
        if let Some((text, at)) = partial {
            stdout.push(text);
            stdout_ms.push(at);
        }
        let runs = interp::with(|i| i.runs.borrow().clone());
        let mut main = None;
        let count: usize = runs
            .iter()
            .map(|(run, _)| run.borrow().with_core(|c| c.task_count()))
            .sum();
        let mut tasks = Vec::with_capacity(count);
        let mut unretrieved = Vec::new();
        for (k, (run, _)) in runs.iter().enumerate() {
            let (main_id, reads) = {
                let run = run.borrow();
                let reads: Vec<(TaskId, TaskRead, bool)> = run.with_core(|core| {
                    (0..core.task_count() as u32)
                        .map(TaskId)
                        .map(|t| (t, task_read(core, t)))
                        .filter(|(_, read)| !read.info.internal)
                        .map(|(t, read)| {
                            let lost =
                                read.state == "failed" && core.unretrieved(core.task_future(t));
                            (t, read, lost)
                        })
                        .collect()
                });
                (run.main(), reads)
            };
            for (t, read, lost) in reads {
                let o = task_outcome(read);
                if lost {
                    unretrieved.push(o.name.clone());
                }
                if k == 0 && t == main_id {
                    main = Some(o);
                } else {
                    tasks.push(o);
                }
            }
        }
        let traceback = match end {
            End::Raised(e) => Some(Self::traceback_of(e)),
            _ => None,
        };
        Outcome {
            stdout,
            stdout_ms,
            main,
            tasks,
            traceback,
            unretrieved,
        }
    }

    fn traceback_of(e: &Raised) -> (Vec<(u32, String)>, Vec<String>) {
        let frames = crate::traceback::frames(e)
            .into_iter()
            .map(|(l, n)| (l, n.to_string()))
            .collect();
        (frames, crate::traceback::exception_only(e, true, false))
    }

    /// The outcome JSON (one line, keys in the contract's order).
    pub fn to_json(&self) -> String {
        let mut j = String::with_capacity(256 + 96 * self.tasks.len() + 24 * self.stdout.len());
        j += "{\"stdout\":";
        json::list(&mut j, &self.stdout, |j, s| json::string(j, s));
        j += ",\"stdout_ms\":";
        json::list(&mut j, &self.stdout_ms, |j, &t| json::int(j, t));
        j += ",\"main\":";
        match &self.main {
            Some(m) => task_json(&mut j, m, false),
            None => j += "null",
        }
        j += ",\"tasks\":";
        json::list(&mut j, &self.tasks, |j, t| task_json(j, t, true));
        j += ",\"traceback\":";
        match &self.traceback {
            None => j += "null",
            Some((frames, lines)) => {
                j += "{\"frames\":";
                json::list(&mut j, frames, |j, (line, function)| {
                    j.push_str("{\"line\":");
                    json::int(j, u64::from(*line));
                    j.push_str(",\"function\":");
                    json::string(j, function);
                    j.push('}');
                });
                j += ",\"exception\":";
                json::list(&mut j, lines, |j, s| json::string(j, s));
                j.push('}');
            }
        }
        j += ",\"unretrieved\":";
        json::list(&mut j, &self.unretrieved, |j, s| json::string(j, s));
        j.push('}');
        j
    }
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
