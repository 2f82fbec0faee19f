//! The outcome of a run (contract section 4) and its JSON.

use super::json;
use crate::engine::{Api, Exc, Finish, Line, Micros, Next, PyResult, Run, WaitSets, Who};
use crate::scenario::Scenario;
use std::rc::Rc;

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
}

/// What main received from the pattern's call, when it returned normally.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Returned {
    /// gather's result list, in argument order.
    Results(Rc<Vec<PyResult>>),
    /// wait's `(done, pending)` as task indices, ascending.
    Sets { done: Vec<u32>, pending: Vec<u32> },
}

impl Returned {
    pub(super) fn from_sets(api: &Api, sets: &WaitSets) -> Returned {
        // `wait` keeps the order of the tasks it was given, which main created in index order: the
        // indices come out sorted, as the contract lists them.
        let index = |tasks: &[crate::engine::TaskId]| -> Vec<u32> {
            let v: Vec<u32> = tasks
                .iter()
                .filter_map(|&t| api.who_of(t).work_index())
                .collect();
            debug_assert!(v.windows(2).all(|w| w[0] < w[1]), "indices in order");
            v
        };
        Returned::Sets {
            done: index(&sets.done),
            pending: index(&sets.pending),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MainOutcome {
    pub state: TaskState,
    pub end_ms: u64,
    pub error: Option<Exc>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TaskOutcome {
    pub index: u32,
    pub state: TaskState,
    /// `None` if it never ran.
    pub end_ms: Option<u64>,
    pub error: Option<Exc>,
}

/// Everything the contract's outcome JSON holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outcome {
    pub spec: String,
    /// The printed lines (`Display` gives their text).
    pub stdout: Rc<Vec<Line>>,
    pub main: MainOutcome,
    pub returned: Option<Returned>,
    pub tasks: Vec<TaskOutcome>,
}

fn state_of(finish: &Finish) -> (TaskState, Option<Exc>) {
    match finish {
        Finish::Done => (TaskState::Done, None),
        Finish::Failed(exc) => (TaskState::Failed, Some(exc.clone())),
        Finish::Cancelled { .. } => (TaskState::Cancelled, None),
    }
}

fn ms(at: Micros) -> u64 {
    at / 1000
}

impl Outcome {
    /// Reads the outcome off a run, once `asyncio.run` has returned.
    pub(super) fn collect(
        run: &mut Run,
        sc: &Scenario,
        returned: Option<Returned>,
    ) -> Option<Outcome> {
        if run.next_action() != Next::Finished {
            return None;
        }
        let main_end = run.end_of(Who::MAIN)?;
        let (state, error) = state_of(&main_end.finish);
        let tasks = (0..sc.tasks)
            .map(|index| match run.end_of(Who::work(index)) {
                Some(end) => {
                    let (state, error) = state_of(&end.finish);
                    TaskOutcome {
                        index,
                        state,
                        end_ms: Some(ms(end.at)),
                        error,
                    }
                }
                None => TaskOutcome {
                    index,
                    state: TaskState::NotStarted,
                    end_ms: None,
                    error: None,
                },
            })
            .collect();
        Some(Outcome {
            spec: sc.canonical(),
            stdout: run.stdout(),
            main: MainOutcome {
                state,
                end_ms: ms(main_end.at),
                error,
            },
            returned,
            tasks,
        })
    }

    /// The outcome as one line of JSON, keys in the contract's order.
    pub fn to_json(&self) -> String {
        use std::fmt::Write;
        // Written in place, numbers by hand (no `format!` per item): the outcome of 10,000 tasks
        // is written in the frame that shows the end of the run.
        let mut out = String::with_capacity(256 + 64 * self.tasks.len() + 32 * self.stdout.len());
        out += "{\"spec\":";
        json::string(&mut out, &self.spec);
        out += ",\"stdout\":[";
        let mut text = String::new();
        for (i, line) in self.stdout.iter().enumerate() {
            out += if i > 0 { "," } else { "" };
            text.clear();
            let _ = write!(text, "{line}");
            json::string(&mut out, &text);
        }
        out += "],\"main\":{\"state\":\"";
        out += self.main.state.name();
        out += "\",\"end_ms\":";
        json::int(&mut out, self.main.end_ms);
        json::error_field(&mut out, self.main.error.as_ref());
        out += "},\"returned\":";
        match &self.returned {
            None => out += "null",
            Some(Returned::Results(results)) => {
                out += "{\"results\":[";
                for (i, r) in results.iter().enumerate() {
                    out += if i > 0 { "," } else { "" };
                    json::result(&mut out, r);
                }
                out += "]}";
            }
            Some(Returned::Sets { done, pending }) => {
                out += "{\"done\":";
                json::ints(&mut out, done);
                out += ",\"pending\":";
                json::ints(&mut out, pending);
                out += "}";
            }
        }
        out += ",\"tasks\":[";
        for (i, t) in self.tasks.iter().enumerate() {
            out += if i > 0 { "," } else { "" };
            out += "{\"index\":";
            json::int(&mut out, u64::from(t.index));
            out += ",\"state\":\"";
            out += t.state.name();
            out += "\",\"end_ms\":";
            match t.end_ms {
                Some(e) => json::int(&mut out, e),
                None => out += "null",
            }
            json::error_field(&mut out, t.error.as_ref());
            out += "}";
        }
        out += "]}";
        out
    }
}
