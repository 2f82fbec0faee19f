//! The tasks of the outcome, read off the loop: each task's fields as the JSON writes them,
//! described without a string of its own where its result is a plain value.

use super::{describe_end, ErrorInfo, TaskOutcome};
use crate::objects::repr::repr;
use crate::objects::{Raised, Value};
use crate::vm::interp;
use asyncio_playground_engine::clock::to_ms;
use asyncio_playground_engine::{FutState, Run, TaskId, TaskName};
use std::cell::RefCell;

/// What the outcome reads of a task while the loop is borrowed.
struct TaskRead {
    info: asyncio_playground_engine::TaskInfo,
    state: &'static str,
    /// Its result or exception, once it finished.
    ended: Option<Result<Value, Raised>>,
}

fn task_read(core: &asyncio_playground_engine::Core<crate::host::Py>, t: TaskId) -> TaskRead {
    let (state, ended) = match core.future_state(core.task_future(t)) {
        FutState::Pending => ("pending", None),
        FutState::Cancelled(_) => ("cancelled", None),
        FutState::Finished(end) => (
            if end.is_ok() { "done" } else { "failed" },
            Some(end.clone()),
        ),
    };
    TaskRead {
        info: core.task_info(t),
        state,
        ended,
    }
}

/// A task's fields as the outcome JSON writes them: borrowed from a [`TaskOutcome`], or from
/// what was read off the loop (the name not yet formatted, the result still a value).
pub(super) struct TaskView<'a> {
    pub(super) name: NameView<'a>,
    pub(super) coro: &'a str,
    pub(super) created_ms: u64,
    pub(super) state: &'static str,
    pub(super) end_ms: Option<u64>,
    pub(super) result: Option<ResultView<'a>>,
    pub(super) error: Option<&'a ErrorInfo>,
}

pub(super) enum NameView<'a> {
    Text(&'a str),
    Task(&'a TaskName),
}

/// A task's result: its repr, or a plain value (see [`is_plain`]) whose repr is written where
/// it is needed.
pub(super) enum ResultView<'a> {
    Repr(&'a str),
    Plain(&'a Value),
}

impl TaskView<'_> {
    pub(super) fn to_outcome(&self) -> TaskOutcome {
        TaskOutcome {
            name: match self.name {
                NameView::Text(s) => s.to_string(),
                NameView::Task(n) => {
                    let mut name = String::new();
                    n.write_to(&mut name);
                    name
                }
            },
            coro: self.coro.to_string(),
            created_ms: self.created_ms,
            state: self.state,
            end_ms: self.end_ms,
            result: self.result.as_ref().map(|r| match r {
                ResultView::Repr(s) => s.to_string(),
                ResultView::Plain(v) => repr(v).unwrap_or_default(),
            }),
            error: self.error.cloned(),
        }
    }
}

impl TaskOutcome {
    pub(super) fn view(&self) -> TaskView<'_> {
        TaskView {
            name: NameView::Text(&self.name),
            coro: &self.coro,
            created_ms: self.created_ms,
            state: self.state,
            end_ms: self.end_ms,
            result: self.result.as_deref().map(ResultView::Repr),
            error: self.error.as_ref(),
        }
    }

    /// The outcome of the task `read` describes (see [`describe_end`]: the loop must not be
    /// borrowed).
    fn describe(read: &TaskRead) -> TaskOutcome {
        let view = TaskView {
            result: None,
            ..read.view_plain()
        };
        let (result, error) = match read.ended.as_ref().map(describe_end) {
            Some(Ok(result)) => (Some(result), None),
            Some(Err(error)) => (None, Some(error)),
            None => (None, None),
        };
        TaskOutcome {
            result,
            error,
            ..view.to_outcome()
        }
    }
}

impl TaskRead {
    /// The task as it was read; its result as a plain value, its error left out (see
    /// [`TaskOutcome::describe`] for the others).
    fn view_plain(&self) -> TaskView<'_> {
        TaskView {
            name: NameView::Task(&self.info.name),
            coro: &self.info.coro_name,
            created_ms: to_ms(self.info.created),
            state: self.state,
            end_ms: self.info.end.map(|(at, _)| to_ms(at)),
            result: match &self.ended {
                Some(Ok(v)) => Some(ResultView::Plain(v)),
                _ => None,
            },
            error: None,
        }
    }

    /// Whether describing the task runs no Python code and reads no loop.
    fn is_plain(&self) -> bool {
        match &self.ended {
            None => true,
            Some(Ok(v)) => is_plain(v),
            Some(Err(_)) => false,
        }
    }
}

/// Whether `repr(v)` is computed without running Python code or reading the loop.
fn is_plain(v: &Value) -> bool {
    matches!(
        v,
        Value::None | Value::Bool(_) | Value::Int(_) | Value::Float(_) | Value::Str(_)
    )
}

/// A task as [`read_tasks`] hands it over.
pub(super) enum Read<'a> {
    /// Main (the first `asyncio.run`'s task), before any other; `None` if nothing ran.
    Main(Option<&'a TaskView<'a>>),
    /// Any other task, in creation order.
    Task(&'a TaskView<'a>),
}

/// How many tasks the program's runs made (asyncio's own included).
pub(super) fn tasks_made() -> usize {
    let runs = interp::with(|i| i.runs.borrow().clone());
    runs.iter()
        .map(|(run, _)| run.borrow().with_core(|core| core.task_count()))
        .sum()
}

/// Hands every task of the program's runs to `each`, main first; returns the names of the
/// tasks whose exception nobody retrieved.
pub(super) fn read_tasks(mut each: impl FnMut(Read)) -> Vec<String> {
    let runs = interp::with(|i| i.runs.borrow().clone());
    let mut unretrieved = Vec::new();
    let main = runs.first().and_then(|(run, _)| {
        let run = run.borrow();
        let main = run.main();
        (main.0 < run.with_core(|core| core.task_count() as u32)).then_some(main)
    });
    match (runs.first(), main) {
        (Some((run, _)), Some(id)) => {
            deliver(
                run,
                &mut std::iter::once(id),
                |o| Read::Main(Some(o)),
                &mut each,
                &mut unretrieved,
            );
        }
        _ => each(Read::Main(None)),
    }
    for (k, (run, _)) in runs.iter().enumerate() {
        let count = run.borrow().with_core(|core| core.task_count() as u32);
        let mut ids = (0..count)
            .map(TaskId)
            .filter(|&t| !(k == 0 && Some(t) == main));
        deliver(
            run,
            &mut ids,
            |o| Read::Task(o),
            &mut each,
            &mut unretrieved,
        );
    }
    unretrieved
}

/// Describes the tasks `ids` of `run` (but asyncio's own) one by one and hands each to `each`
/// as `wrap` makes it, noting in `unretrieved` the names of those whose exception nobody
/// retrieved.
///
/// A plain task (see [`TaskRead::is_plain`]: what most tasks are) is handed over as it is read,
/// while the loop is borrowed: `each` must not read the loop. Any other is read, the loop let
/// go, and then described.
fn deliver(
    run: &RefCell<Run<crate::host::Py>>,
    ids: &mut dyn Iterator<Item = TaskId>,
    wrap: for<'a> fn(&'a TaskView<'a>) -> Read<'a>,
    each: &mut dyn FnMut(Read),
    unretrieved: &mut Vec<String>,
) {
    loop {
        let not_plain = run.borrow().with_core(|core| {
            for t in &mut *ids {
                let read = task_read(core, t);
                if read.info.internal {
                    continue;
                }
                if !read.is_plain() {
                    let lost = read.state == "failed" && core.unretrieved(core.task_future(t));
                    return Some((read, lost));
                }
                each(wrap(&read.view_plain()));
            }
            None
        });
        let Some((read, lost)) = not_plain else { break };
        let o = TaskOutcome::describe(&read);
        if lost {
            unretrieved.push(o.name.clone());
        }
        each(wrap(&o.view()));
    }
}
