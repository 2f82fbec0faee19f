//! [`Host`]: what the loop needs from the language it runs — its values, its exceptions, its callbacks.
//!
//! The engine is asyncio's loop and library without Python: the interpreter (`crates/python`)
//! implements this trait, so futures hold Python objects and raise Python exceptions while the loop
//! itself stays pure Rust. Every function is associated (no `self`): there is one host per program.

use crate::{FutId, TaskId};

/// The exceptions asyncio itself raises (the loop, a future, a lock or a queue).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    RuntimeError,
    ValueError,
    TypeError,
    /// `asyncio.InvalidStateError`.
    InvalidStateError,
    /// The built-in `TimeoutError` (`asyncio.TimeoutError` is the same class).
    TimeoutError,
    /// `asyncio.QueueEmpty`.
    QueueEmpty,
    /// `asyncio.QueueFull`.
    QueueFull,
}

/// Something the loop reports through its exception handler (CPython logs it on stderr).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Report {
    /// `unhandled exception during asyncio.run() shutdown` for this task.
    ShutdownError(crate::TaskId),
    /// `Task ... has errored out but its parent task ... is already completed` (a TaskGroup's).
    OrphanError {
        task: crate::TaskId,
        parent: crate::TaskId,
    },
}

/// The language the loop runs.
pub trait Host: Sized + 'static {
    /// An object (what futures hold and queues carry).
    type Value: Clone + 'static;
    /// A raised exception: an instance of a `BaseException` class.
    type Exc: Clone + 'static;
    /// A program's callback: a callable with its arguments (`call_soon`, `add_done_callback`).
    type Callback: 'static;
    /// An exception's traceback, which a future keeps from when its exception is set.
    type Traceback: 'static;

    /// `None`.
    fn none() -> Self::Value;
    /// `value is None`.
    fn is_none(value: &Self::Value) -> bool;
    /// `True` or `False`.
    fn boolean(b: bool) -> Self::Value;
    /// A `str`.
    fn string(s: &str) -> Self::Value;
    /// A new list.
    fn list(items: Vec<Self::Value>) -> Self::Value;
    /// An exception as a value (in gather's results with `return_exceptions=True`).
    fn exc_value(exc: &Self::Exc) -> Self::Value;

    /// The traceback `exc` has now (`exc.__traceback__`).
    fn traceback(exc: &Self::Exc) -> Option<Self::Traceback>;
    /// Gives `exc` the traceback `tb` (`exc.with_traceback(tb)`).
    fn set_traceback(exc: &Self::Exc, tb: Option<Self::Traceback>);

    /// A new exception of one of asyncio's kinds, with `message` as its only argument.
    fn error(kind: ErrorKind, message: Option<&str>) -> Self::Exc;
    /// `CancelledError()`, or `CancelledError(msg)` for a cancel with a message.
    fn cancelled_error(msg: Option<&Self::Value>) -> Self::Exc;
    /// `raise TimeoutError from cause`.
    fn timeout_error_from(cause: &Self::Exc) -> Self::Exc;
    /// `BaseExceptionGroup(message, errors)` raised `from None` (an `ExceptionGroup` when every
    /// error is an `Exception`).
    fn exception_group(message: &str, errors: Vec<Self::Exc>) -> Self::Exc;
    /// `Timeout._insert_timeout_error(exc)`: put a `TimeoutError` into `exc`'s context chain at
    /// the first `CancelledError` (and into each member's, for an `ExceptionGroup`).
    fn insert_timeout_error(exc: &Self::Exc);
    /// `isinstance(exc, CancelledError)`.
    fn is_cancelled_error(exc: &Self::Exc) -> bool;
    /// `isinstance(exc, (SystemExit, KeyboardInterrupt))`: these escape the loop.
    fn is_exit(exc: &Self::Exc) -> bool;
    /// `a < b`, for `PriorityQueue` (a `TypeError` for values that do not compare).
    fn less(a: &Self::Value, b: &Self::Value) -> Result<bool, Self::Exc>;

    /// Runs a program's callback outside any task; `fut` is the future for a done-callback. The
    /// loop is not borrowed while it runs. An exception it raises is the host's to report, as
    /// CPython's loop does ("Exception in callback ...").
    fn run_callback(cb: &Self::Callback, fut: Option<FutId>);
    /// Where a program's callback was scheduled (its source line, 0 if unknown), and whether it
    /// is a timer's (`call_later`, `call_at`), for the trace.
    fn callback_origin(cb: &Self::Callback) -> (u32, bool);
    /// `remove_done_callback(fn)` compares callbacks with `==`.
    fn same_callback(a: &Self::Callback, b: &Self::Callback) -> bool;
    /// The loop's exception handler was called (printed on stderr by CPython).
    fn report(report: Report);
    /// `RuntimeError(f'Task cannot await on itself: {task!r}')`: task `task`, named `name`,
    /// awaited its own future. The loop is not borrowed.
    fn self_await_error(task: TaskId, name: &str) -> Self::Exc;
    /// `exc` is thrown into task `task`'s coroutine before its first step (it was cancelled
    /// before it ran): raised at the coroutine's start, which its traceback records. The loop is
    /// not borrowed.
    fn thrown_before_start(_task: TaskId, _exc: &Self::Exc) {}
    /// Task `task` failed, nothing has retrieved its exception, and the loop holds it no longer:
    /// its last step has run and so have its future's done-callbacks (the handles that hold a
    /// task in CPython). CPython frees the task here unless the program holds it, and logs "Task
    /// exception was never retrieved". The loop is not borrowed.
    fn task_released(_task: TaskId) {}

    /// The loop let go of a failed future other than a task's whose exception nothing
    /// retrieved: the last handle of its done-callbacks has run (CPython frees the future here
    /// unless the program holds it, and logs "Future exception was never retrieved"). The loop
    /// is not borrowed.
    fn future_released(_fut: FutId) {}
}
