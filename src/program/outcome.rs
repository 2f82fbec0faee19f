//! The scenario outcome (scenario contract section 4), read off the run of the scenario's
//! program: main and the tasks from the engine's tasks, `sequential`'s coroutines and main's
//! `results` / `done, pending` from the frame ends the interpreter recorded.

use crate::scenario::{Pattern, Scenario};
use asyncio_playground_python::json;
use asyncio_playground_python::outcome::{error_json, ErrorInfo};
use asyncio_playground_python::vm::interp::{self, ErrLine, FrameEnd, Local};
use asyncio_playground_python::End;

/// How a task, a coroutine or main ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TaskState {
    Done,
    Failed,
    Cancelled,
    /// A `sequential` coroutine that main never reached.
    NotStarted,
}

impl TaskState {
    pub fn name(self) -> &'static str {
        match self {
            TaskState::Done => "done",
            TaskState::Failed => "failed",
            TaskState::Cancelled => "cancelled",
            TaskState::NotStarted => "not_started",
        }
    }

    /// The state of a program outcome's task (`pending` cannot outlast `asyncio.run`, which
    /// cancels every task still running).
    fn of_program(state: &str) -> TaskState {
        match state {
            "done" => TaskState::Done,
            "failed" => TaskState::Failed,
            "cancelled" => TaskState::Cancelled,
            _ => TaskState::NotStarted,
        }
    }
}

/// One item of gather's result list.
#[derive(Clone, Debug, PartialEq)]
pub enum ResultItem {
    Int(i64),
    /// An exception (a `CancelledError` too), with `return_exceptions=1`.
    Error(ErrorInfo),
    /// Anything else, as its `repr` (the scenario's `work` returns only ints).
    Other(String),
}

/// What main received from the pattern's call, when it returned normally.
#[derive(Clone, Debug, PartialEq)]
pub enum Returned {
    /// gather's result list, in argument order.
    Results(Vec<ResultItem>),
    /// wait's `(done, pending)` as task indices, ascending.
    Sets { done: Vec<u32>, pending: Vec<u32> },
}

#[derive(Clone, Debug, PartialEq)]
pub struct MainOutcome {
    pub state: TaskState,
    pub end_ms: u64,
    pub error: Option<ErrorInfo>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct TaskOutcome {
    pub index: u32,
    pub state: TaskState,
    /// `None` if it never ran.
    pub end_ms: Option<u64>,
    pub error: Option<ErrorInfo>,
}

/// Everything the contract's outcome JSON holds, and the run's program outcome.
#[derive(Clone, Debug, PartialEq)]
pub struct Outcome {
    pub spec: String,
    pub stdout: Vec<String>,
    pub main: MainOutcome,
    pub returned: Option<Returned>,
    pub tasks: Vec<TaskOutcome>,
    /// The same run as any program's outcome (programs contract section 6).
    pub program: asyncio_playground_python::Outcome,
    /// What the program wrote on stderr (a traceback, warnings), with the time of each line.
    pub stderr: Vec<ErrLine>,
}

/// The index of a scenario task from its name: main is `Task-1`, `work(i)`'s task `Task-{i+2}`.
fn index_of_task(name: &str) -> Option<u32> {
    name.strip_prefix("Task-")?
        .parse::<u32>()
        .ok()?
        .checked_sub(2)
}

fn result_item(v: &Local) -> ResultItem {
    match v {
        Local::Int(i) => ResultItem::Int(*i),
        Local::Error(e) => ResultItem::Error(e.clone()),
        Local::Repr(r) | Local::Tasks(_, r) | Local::List(_, r) => ResultItem::Other(r.clone()),
    }
}

/// Task indices of a set of tasks, ascending.
fn indices(v: &Local) -> Vec<u32> {
    let Local::Tasks(names, _) = v else {
        return Vec::new();
    };
    let mut out: Vec<u32> = names.iter().filter_map(|n| index_of_task(n)).collect();
    out.sort_unstable();
    out
}

/// What main's pattern call returned: the names main had bound when its frame ended.
fn returned(sc: &Scenario, main_end: Option<&FrameEnd>) -> Option<Returned> {
    let local = |name: &str| {
        main_end?
            .locals
            .iter()
            .find(|(n, _)| &**n == name)
            .map(|(_, v)| v.clone())
    };
    match sc.pattern {
        Pattern::Gather => match local("results")? {
            Local::List(items, _) => {
                Some(Returned::Results(items.iter().map(result_item).collect()))
            }
            _ => None,
        },
        Pattern::Wait => Some(Returned::Sets {
            done: indices(&local("done")?),
            pending: indices(&local("pending")?),
        }),
        _ => None,
    }
}

/// `work(i)` of `sequential`: how its coroutine's frame ended, if main reached it.
fn coroutine_outcome(index: u32, end: Option<&FrameEnd>) -> TaskOutcome {
    let Some(end) = end else {
        return TaskOutcome {
            index,
            state: TaskState::NotStarted,
            end_ms: None,
            error: None,
        };
    };
    let (state, error) = match &end.result {
        Ok(()) => (TaskState::Done, None),
        Err(e) if e.type_name == "CancelledError" => (TaskState::Cancelled, None),
        Err(e) => (TaskState::Failed, Some(e.clone())),
    };
    TaskOutcome {
        index,
        state,
        end_ms: Some(asyncio_playground_engine::clock::to_ms(end.at)),
        error,
    }
}

impl Outcome {
    /// Reads the outcome off the interpreter once the scenario's program has ended.
    pub(super) fn collect(sc: &Scenario, end: &End) -> Outcome {
        let program = asyncio_playground_python::Outcome::collect(end);
        let ends = interp::with(|i| i.frame_ends.borrow().clone());
        let main_end = ends.iter().rev().find(|e| &*e.function == "main");
        let main = match &program.main {
            Some(m) => MainOutcome {
                state: TaskState::of_program(m.state),
                end_ms: m.end_ms.unwrap_or(0),
                error: m.error.clone(),
            },
            None => MainOutcome {
                state: TaskState::NotStarted,
                end_ms: 0,
                error: None,
            },
        };
        // Each work(i) by its index: the coroutine's frame end (sequential), or its task.
        let n = sc.tasks as usize;
        let tasks: Vec<TaskOutcome> = if sc.pattern == Pattern::Sequential {
            let mut by_index: Vec<Option<&FrameEnd>> = vec![None; n];
            for e in ends.iter().filter(|e| &*e.function == "work") {
                let value = e.locals.iter().find(|(name, _)| &**name == "value");
                if let Some((_, Local::Int(i))) = value {
                    if let Some(slot) = usize::try_from(*i).ok().and_then(|i| by_index.get_mut(i)) {
                        slot.get_or_insert(e);
                    }
                }
            }
            by_index
                .iter()
                .zip(0..)
                .map(|(end, index)| coroutine_outcome(index, *end))
                .collect()
        } else {
            let mut tasks: Vec<TaskOutcome> = (0..sc.tasks)
                .map(|index| TaskOutcome {
                    index,
                    state: TaskState::NotStarted,
                    end_ms: None,
                    error: None,
                })
                .collect();
            for t in &program.tasks {
                if let Some(slot) = index_of_task(&t.name).and_then(|i| tasks.get_mut(i as usize)) {
                    slot.state = TaskState::of_program(t.state);
                    slot.end_ms = t.end_ms;
                    slot.error = t.error.clone();
                }
            }
            tasks
        };
        Outcome {
            spec: sc.canonical(),
            stdout: program.stdout.clone(),
            main,
            returned: returned(sc, main_end),
            tasks,
            stderr: interp::with(|i| i.err.borrow().clone()),
            program,
        }
    }

    /// The outcome as one line of JSON, keys in the contract's order.
    pub fn to_json(&self) -> String {
        let mut out = String::with_capacity(256 + 64 * self.tasks.len() + 32 * self.stdout.len());
        out += "{\"spec\":";
        json::string(&mut out, &self.spec);
        out += ",\"stdout\":";
        json::list(&mut out, &self.stdout, |o, s| json::string(o, s));
        out += ",\"main\":{\"state\":\"";
        out += self.main.state.name();
        out += "\",\"end_ms\":";
        json::int(&mut out, self.main.end_ms);
        error_field(&mut out, self.main.error.as_ref());
        out += "},\"returned\":";
        match &self.returned {
            None => out += "null",
            Some(Returned::Results(results)) => {
                out += "{\"results\":";
                json::list(&mut out, results, |o, r| match r {
                    ResultItem::Int(i) => o.push_str(&i.to_string()),
                    ResultItem::Error(e) => error_json(o, e),
                    ResultItem::Other(s) => json::string(o, s),
                });
                out += "}";
            }
            Some(Returned::Sets { done, pending }) => {
                out += "{\"done\":";
                json::list(&mut out, done, |o, &n| json::int(o, u64::from(n)));
                out += ",\"pending\":";
                json::list(&mut out, pending, |o, &n| json::int(o, u64::from(n)));
                out += "}";
            }
        }
        out += ",\"tasks\":";
        json::list(&mut out, &self.tasks, |o, t| {
            o.push_str("{\"index\":");
            json::int(o, u64::from(t.index));
            o.push_str(",\"state\":\"");
            o.push_str(t.state.name());
            o.push_str("\",\"end_ms\":");
            json::opt_int(o, t.end_ms);
            error_field(o, t.error.as_ref());
            o.push('}');
        });
        out += "}";
        out
    }
}

/// Appends `,"error":{...}` when there is an error.
fn error_field(out: &mut String, e: Option<&ErrorInfo>) {
    if let Some(e) = e {
        out.push_str(",\"error\":");
        error_json(out, e);
    }
}
