//! The values and exceptions that flow through the engine's futures (no strings on the hot path).

use std::fmt;
use std::rc::Rc;

/// What a coroutine or future ends with: a value, or a raised exception.
pub type PyResult<T = Value> = Result<T, Exc>;

/// A Python value as the scenario programs produce them.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub enum Value {
    /// `None`.
    #[default]
    None,
    /// An `int` (what `work(i)` returns: `i`).
    Int(u32),
    /// The list `asyncio.gather` returns, in argument order (exceptions in it with `return_exceptions`).
    List(Rc<Vec<PyResult>>),
}

/// A Python exception as the scenario programs can raise it.
///
/// `CancelledError` is a `BaseException`; all the others are `Exception`s, which `except Exception`
/// (the `linger` key) catches.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Exc {
    /// `asyncio.CancelledError()`.
    Cancelled,
    /// `ValueError(f'Task {i} failed')`, raised by `work(i)` for a failing task.
    TaskFailed(u32),
    /// `ValueError('Set of Tasks/Futures is empty.')`, raised by `asyncio.wait([])`.
    EmptyWait,
    /// `ExceptionGroup('unhandled errors in a TaskGroup', [...])`, errors in the order they happened.
    TaskGroup(Rc<Vec<Exc>>),
}

impl Exc {
    /// True for `CancelledError`, which `except Exception` does not catch.
    pub fn is_cancelled(&self) -> bool {
        matches!(self, Exc::Cancelled)
    }

    /// `type(e).__name__`.
    pub fn type_name(&self) -> &'static str {
        match self {
            Exc::Cancelled => "CancelledError",
            Exc::TaskFailed(_) | Exc::EmptyWait => "ValueError",
            Exc::TaskGroup(_) => "ExceptionGroup",
        }
    }

    /// The exception's message: `e.args[0]` (for a group, `e.message`, without the count).
    pub fn message(&self) -> String {
        match self {
            Exc::Cancelled => String::new(),
            Exc::TaskFailed(i) => format!("Task {i} failed"),
            Exc::EmptyWait => "Set of Tasks/Futures is empty.".to_string(),
            Exc::TaskGroup(_) => "unhandled errors in a TaskGroup".to_string(),
        }
    }

    /// The sub-exceptions of a group, empty for anything else.
    pub fn exceptions(&self) -> &[Exc] {
        match self {
            Exc::TaskGroup(list) => list,
            _ => &[],
        }
    }
}

/// `str(e)`, as `print(f'... {e}')` shows it.
impl fmt::Display for Exc {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Exc::TaskGroup(list) => {
                let n = list.len();
                let s = if n == 1 { "" } else { "s" };
                write!(f, "unhandled errors in a TaskGroup ({n} sub-exception{s})")
            }
            other => f.write_str(&other.message()),
        }
    }
}
