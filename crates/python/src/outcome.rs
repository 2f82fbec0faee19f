//! The program outcome (programs contract, section 6): what it printed and when, how main and
//! every task ended, the traceback of an exception that escaped, the exceptions nobody retrieved.

use crate::objects::repr::{exc_str, repr};
use crate::objects::{ExcObj, Raised};
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

#[derive(Clone, Debug, PartialEq)]
pub struct Outcome {
    pub stdout: Vec<String>,
    pub stdout_ms: Vec<u64>,
    pub main: Option<TaskOutcome>,
    pub tasks: Vec<TaskOutcome>,
    /// The program's frames (line, function) and the exception's lines.
    pub traceback: Option<(Vec<(u32, String)>, Vec<String>)>,
    pub unretrieved: Vec<String>,
}

fn task_outcome(core: &asyncio_playground_engine::Core<crate::host::Py>, t: TaskId) -> TaskOutcome {
    let info = core.task_info(t);
    let fut = core.task_future(t);
    let (state, result, error) = match core.future_state(fut) {
        FutState::Pending => ("pending", None, None),
        FutState::Cancelled { .. } => ("cancelled", None, None),
        FutState::Finished(Ok(v)) => ("done", Some(repr(v).unwrap_or_default()), None),
        FutState::Finished(Err(e)) => ("failed", None, Some(ErrorInfo::of(e))),
    };
    TaskOutcome {
        name: info.name.to_string(),
        coro: info.coro_name.to_string(),
        created_ms: to_ms(info.created),
        state,
        end_ms: info.end.map(|(at, _)| to_ms(at)),
        result,
        error,
    }
}

impl Outcome {
    /// The outcome of the program that just ran (read off the interpreter's state).
    pub fn collect(end: &End) -> Outcome {
        let (mut stdout, mut stdout_ms) = interp::with(|i| {
            let out = i.out.borrow();
            (out.lines.clone(), out.times.iter().map(|&t| to_ms(t)).collect::<Vec<u64>>())
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
        let mut tasks = Vec::new();
        let mut unretrieved = Vec::new();
        for (k, (run, _)) in runs.iter().enumerate() {
            let run = run.borrow();
            let main_id = run.main();
            run.with_core(|core| {
                for i in 0..core.task_count() as u32 {
                    let t = TaskId(i);
                    if core.task_info(t).internal {
                        continue;
                    }
                    let o = task_outcome(core, t);
                    if o.state == "failed" && core.unretrieved(core.task_future(t)) {
                        unretrieved.push(o.name.clone());
                    }
                    if k == 0 && t == main_id {
                        main = Some(o);
                    } else {
                        tasks.push(o);
                    }
                }
            });
        }
        let traceback = match end {
            End::Raised(e) => Some(Self::traceback_of(e)),
            _ => None,
        };
        Outcome { stdout, stdout_ms, main, tasks, traceback, unretrieved }
    }

    fn traceback_of(e: &Raised) -> (Vec<(u32, String)>, Vec<String>) {
        let frames = crate::traceback::frames(e).into_iter().map(|(l, n)| (l, n.to_string())).collect();
        (frames, crate::traceback::exception_only(e, true))
    }

    /// The outcome JSON (one line).
    pub fn to_json(&self) -> String {
        let mut j = String::from("{\"stdout\":");
        j += &json_list(self.stdout.iter().map(|s| json_str(s)));
        j += ",\"stdout_ms\":";
        j += &json_list(self.stdout_ms.iter().map(|t| t.to_string()));
        j += ",\"main\":";
        j += &self.main.as_ref().map_or("null".into(), main_json);
        j += ",\"tasks\":";
        j += &json_list(self.tasks.iter().map(task_json));
        j += ",\"traceback\":";
        j += &match &self.traceback {
            None => "null".into(),
            Some((frames, lines)) => format!(
                "{{\"frames\":{},\"exception\":{}}}",
                json_list(frames.iter().map(|(l, f)| format!("{{\"line\":{l},\"function\":{}}}", json_str(f)))),
                json_list(lines.iter().map(|s| json_str(s)))
            ),
        };
        j += ",\"unretrieved\":";
        j += &json_list(self.unretrieved.iter().map(|s| json_str(s)));
        j.push('}');
        j
    }
}

/// Main: its state, end, and result or error (no name: it is the task `asyncio.run` made).
fn main_json(t: &TaskOutcome) -> String {
    let mut j = format!("{{\"state\":\"{}\",\"end_ms\":{}", t.state, t.end_ms.map_or("null".into(), |v| v.to_string()));
    if let Some(r) = &t.result {
        j += &format!(",\"result\":{}", json_str(r));
    }
    if let Some(e) = &t.error {
        j += &format!(",\"error\":{}", error_json(e));
    }
    j.push('}');
    j
}

fn task_json(t: &TaskOutcome) -> String {
    let mut j = format!(
        "{{\"name\":{},\"coro\":{},\"created_ms\":{},\"state\":\"{}\",\"end_ms\":{}",
        json_str(&t.name),
        json_str(&t.coro),
        t.created_ms,
        t.state,
        t.end_ms.map_or("null".into(), |v| v.to_string())
    );
    if let Some(r) = &t.result {
        j += &format!(",\"result\":{}", json_str(r));
    }
    if let Some(e) = &t.error {
        j += &format!(",\"error\":{}", error_json(e));
    }
    j.push('}');
    j
}

pub fn error_json(e: &ErrorInfo) -> String {
    let mut j = format!("{{\"type\":{},\"message\":{}", json_str(&e.type_name), json_str(&e.message));
    if let Some(members) = &e.exceptions {
        j += &format!(",\"exceptions\":{}", json_list(members.iter().map(error_json)));
    }
    j.push('}');
    j
}

pub fn json_list(items: impl Iterator<Item = String>) -> String {
    let mut j = String::from("[");
    for (i, it) in items.enumerate() {
        if i > 0 {
            j.push(',');
        }
        j += &it;
    }
    j.push(']');
    j
}

/// A JSON string literal.
pub fn json_str(s: &str) -> String {
    let mut j = String::with_capacity(s.len() + 2);
    j.push('"');
    for c in s.chars() {
        match c {
            '"' => j.push_str("\\\""),
            '\\' => j.push_str("\\\\"),
            '\n' => j.push_str("\\n"),
            '\r' => j.push_str("\\r"),
            '\t' => j.push_str("\\t"),
            c if (c as u32) < 0x20 => j.push_str(&format!("\\u{:04x}", c as u32)),
            c => j.push(c),
        }
    }
    j.push('"');
    j
}
