//! [`Py`]: the engine's host — Python values and exceptions in its futures, the program's
//! callbacks run by its loop, and what CPython's loop logs on stderr.

use crate::builtins::exceptions::new_group;
use crate::modules::asyncio::{self, Loop};
use crate::objects::class::types;
use crate::objects::compare::py_lt;
use crate::objects::{ExcObj, Raised, Value};
use crate::vm::{call, interp};
use asyncio_playground_engine::{ErrorKind, FutId, FutState, Host, Report, TaskId};
use std::rc::Rc;

/// The Python host.
pub struct Py;

/// A program's callback: what `call_soon(f, *args)` and `add_done_callback(f)` were given,
/// and where.
pub struct ProgramCallback {
    pub f: Value,
    pub args: Vec<Value>,
    pub line: u32,
    /// The deadline (loop time) of a `call_later` / `call_at` callback: its handle is a
    /// `TimerHandle`.
    pub when: std::cell::Cell<Option<f64>>,
}

impl Host for Py {
    type Value = Value;
    type Exc = Raised;
    type Callback = ProgramCallback;
    type Traceback = Rc<crate::objects::exception::Tb>;

    fn none() -> Value {
        Value::None
    }

    fn is_none(value: &Value) -> bool {
        matches!(value, Value::None)
    }

    fn boolean(b: bool) -> Value {
        Value::Bool(b)
    }

    fn string(s: &str) -> Value {
        Value::str(s)
    }

    fn list(items: Vec<Value>) -> Value {
        Value::list(items)
    }

    fn exc_value(exc: &Raised) -> Value {
        Value::Exc(exc.clone())
    }

    fn traceback(exc: &Raised) -> Option<Self::Traceback> {
        exc.traceback.borrow().clone()
    }

    fn set_traceback(exc: &Raised, tb: Option<Self::Traceback>) {
        *exc.traceback.borrow_mut() = tb;
    }

    fn error(kind: ErrorKind, message: Option<&str>) -> Raised {
        let class = match kind {
            ErrorKind::RuntimeError => "RuntimeError",
            ErrorKind::ValueError => "ValueError",
            ErrorKind::TypeError => "TypeError",
            ErrorKind::InvalidStateError => "InvalidStateError",
            ErrorKind::TimeoutError => "TimeoutError",
            ErrorKind::QueueEmpty => "QueueEmpty",
            ErrorKind::QueueFull => "QueueFull",
        };
        ExcObj::builtin(class, message.map(str::to_string))
    }

    fn cancelled_error(msg: Option<&Value>) -> Raised {
        let args = msg.map(|m| vec![m.clone()]).unwrap_or_default();
        ExcObj::new(types().exception("CancelledError"), args)
    }

    fn timeout_error_from(cause: &Raised) -> Raised {
        let e = ExcObj::builtin("TimeoutError", None);
        *e.cause.borrow_mut() = Some(cause.clone());
        *e.context.borrow_mut() = Some(cause.clone());
        e.suppress_context.set(true);
        e
    }

    fn exception_group(message: &str, errors: Vec<Raised>) -> Raised {
        let members = errors.into_iter().map(Value::Exc).collect();
        match new_group(
            types().exception("BaseExceptionGroup"),
            &[Value::str(message), Value::list(members)],
        ) {
            Ok(Value::Exc(e)) => {
                e.suppress_context.set(true);
                e
            }
            _ => ExcObj::builtin(
                "RuntimeError",
                Some("an exception group with no members".into()),
            ),
        }
    }

    fn insert_timeout_error(exc: &Raised) {
        fn insert(e: &Raised) {
            let mut cur = e.clone();
            loop {
                let ctx = cur.context.borrow().clone();
                let Some(ctx) = ctx else { break };
                if ctx.is_cancelled() {
                    let te = ExcObj::builtin("TimeoutError", None);
                    *te.context.borrow_mut() = Some(ctx.clone());
                    *te.cause.borrow_mut() = Some(ctx);
                    *cur.context.borrow_mut() = Some(te);
                    break;
                }
                cur = ctx;
            }
        }
        insert(exc);
        if exc.is_a("ExceptionGroup") {
            if let Some((_, members)) = &exc.group {
                members.iter().for_each(insert);
            }
        }
    }

    fn is_cancelled_error(exc: &Raised) -> bool {
        exc.is_cancelled()
    }

    fn is_exit(exc: &Raised) -> bool {
        exc.is_a("SystemExit") || exc.is_a("KeyboardInterrupt")
    }

    fn less(a: &Value, b: &Value) -> Result<bool, Raised> {
        py_lt(a, b)
    }

    fn run_callback(cb: &ProgramCallback, fut: Option<FutId>) {
        interp::set_line(cb.line);
        let mut args = cb.args.clone();
        if let (Some(f), Some(lp)) = (fut, asyncio::current()) {
            args.push(lp.future_value(f));
        }
        interp::with(|i| i.ops.set(0));
        let result = call::call(&cb.f, args, Vec::new());
        // What the callback returned is dropped in `Handle._run` (a coroutine function given as
        // a callback warns "never awaited" at `events.py:89`).
        interp::set_line(interp::ASYNCIO_LINE);
        if let Err(e) = result {
            if e.is_stop() {
                if let Some(lp) = asyncio::current() {
                    lp.with(|c| c.halt());
                }
                return;
            }
            // `Handle._run` lets a SystemExit or KeyboardInterrupt through: it leaves the loop.
            if Py::is_exit(&e) {
                e.mark_asyncio();
                if let Some(lp) = asyncio::current() {
                    lp.with(|c| c.escape_from_callback(e));
                }
                return;
            }
            // The handle keeps the task it was given in a cycle with the exception.
            if let (Some(f), Some(lp)) = (fut, asyncio::current()) {
                if let Some(t) = lp.with(|c| c.task_of(f)) {
                    lp.cyclic.borrow_mut().insert(t);
                }
            }
            // `Handle._run`: it came up through `events.py` (shown as `...`).
            e.mark_asyncio();
            let what = asyncio::futures::callback_source(&cb.f);
            let handle = match cb.when.get() {
                Some(w) => format!("<TimerHandle when={} {what}>", crate::numfmt::float_repr(w)),
                None => format!("<Handle {what}>"),
            };
            let mut text = format!("Exception in callback {what}\nhandle: {handle}\n");
            text += &crate::traceback::format_exception(&e);
            interp::write_stderr(&text);
        }
    }

    fn callback_origin(cb: &ProgramCallback) -> (u32, bool) {
        (cb.line, cb.when.get().is_some())
    }

    fn same_callback(a: &ProgramCallback, b: &ProgramCallback) -> bool {
        a.f.is(&b.f) || crate::objects::compare::py_eq(&a.f, &b.f)
    }

    fn task_released(task: TaskId) {
        task_released(task);
    }

    fn future_released(fut: FutId) {
        future_released(fut);
    }

    /// The task's repr is `repr(task)`'s, written while its step is ending (pending, running at
    /// its await, with its awaiters' callbacks).
    fn self_await_error(task: TaskId, name: &str) -> Raised {
        let repr = match asyncio::current() {
            Some(lp) => asyncio::futures::task_repr(&lp, task),
            None => format!(
                "<Task pending name={}>",
                crate::objects::repr::str_repr(name)
            ),
        };
        let message = format!("Task cannot await on itself: {repr}");
        ExcObj::builtin("RuntimeError", Some(message))
    }

    /// CPython raises it at the coroutine's first instruction: a traceback entry at its
    /// `async def` line, which carries no columns (no carets).
    fn thrown_before_start(task: TaskId, exc: &Raised) {
        let Some(lp) = asyncio::current() else { return };
        let coro = lp.coros.borrow().python(task);
        if let Some(c) = coro {
            let name = c.code().map(|code| code.tb_name.clone());
            if let Some(name) = name {
                exc.push_frame(name, c.names.first_line, (0, 0, u32::MAX), None);
            }
        }
    }

    fn report(report: Report) {
        let Some(lp) = asyncio::current() else { return };
        match report {
            Report::ShutdownError(t) => {
                let text = format!(
                    "unhandled exception during asyncio.run() shutdown\ntask: {}\n{}",
                    task_repr(&lp, t),
                    exception_text(&lp, t)
                );
                interp::write_stderr(&text);
            }
            Report::OrphanError { task, parent } => {
                let text = format!(
                    "Task {} has errored out but its parent task {} is already completed\n{}",
                    task_repr(&lp, task),
                    task_repr(&lp, parent),
                    exception_text(&lp, task)
                );
                interp::write_stderr(&text);
            }
        }
    }
}

fn task_repr(lp: &Rc<Loop>, t: TaskId) -> String {
    match lp.task_value(t) {
        Value::Native(n) => n.repr(),
        _ => String::new(),
    }
}

/// The traceback of a failed task's exception, as the loop's exception handler logs it.
fn exception_text(lp: &Loop, t: TaskId) -> String {
    lp.with(|c| match c.future_state(c.task_future(t)) {
        FutState::Finished(Err(e)) => crate::traceback::format_exception(e),
        _ => String::new(),
    })
}

/// A task's Python object was dropped: CPython logs "Task exception was never retrieved" when
/// a failed task nothing retrieved is freed (once per task), unless the loop still holds it (the
/// handles of its done-callbacks): then [`Host::task_released`] logs it, after they have run.
pub fn task_object_dropped(lp: &Rc<Loop>, t: TaskId) {
    if !interp::alive() || lp.torn_down.get() {
        return;
    }
    if lp.closed.get() {
        destroyed_pending(lp, t);
    }
    if lp.core.try_borrow().is_ok_and(|c| c.task_held(t)) {
        return;
    }
    freed(lp, t);
}

/// The loop let go of a failed task ([`Host::task_released`]): it is freed now unless the
/// program holds its Python object (whose drop logs it, [`task_object_dropped`]).
fn task_released(t: TaskId) {
    let Some(lp) = asyncio::current() else { return };
    if !interp::alive() || lp.torn_down.get() {
        return;
    }
    let held = lp
        .tasks
        .borrow()
        .get(&t)
        .is_some_and(|w| w.strong_count() > 0);
    if !held {
        freed(&lp, t);
    }
}

/// The loop let go of a failed future ([`Host::future_released`]): if the program had an
/// object for it and has let go of it too (its drop found the future held), it is freed now:
/// "Future exception was never retrieved". A future the program never had an object for is one
/// of asyncio's own, which never holds an exception.
fn future_released(f: FutId) {
    let Some(lp) = asyncio::current() else { return };
    if !interp::alive() || lp.torn_down.get() {
        return;
    }
    let gone = lp
        .futures
        .borrow()
        .get(&f)
        .is_some_and(|w| w.strong_count() == 0);
    if !gone {
        return;
    }
    let Ok(mut core) = lp.core.try_borrow_mut() else {
        return;
    };
    let gathering = core.future_is_gathering(f);
    let Some(e) = core.released_unretrieved(f) else {
        return;
    };
    drop(core);
    let class = if gathering {
        "_GatheringFuture"
    } else {
        "Future"
    };
    write_never_retrieved(class, "", &e);
}

/// Task `t` is freed: "Task exception was never retrieved" if it failed and nothing retrieved
/// its exception (once per task). A task in a cycle ([`Loop::cyclic`]) is freed only at exit:
/// its log waits for the program's end.
fn freed(lp: &Rc<Loop>, t: TaskId) {
    let at_exit = lp.cyclic.borrow().contains(&t);
    if at_exit && !lp.closed.get() {
        return; // `loop_closed` sees to it
    }
    let Ok(core) = lp.core.try_borrow() else {
        return;
    };
    let fut = core.task_future(t);
    if !core.unretrieved(fut) || !lp.logged.borrow_mut().insert(t) {
        return;
    }
    let FutState::Finished(Err(e)) = core.future_state(fut) else {
        return;
    };
    let e = e.clone();
    let (name, coro) = (core.task_name(t), core.task_coro_name(t));
    drop(core);
    let coro = asyncio::futures::done_coro_text(lp, t, &coro);
    let log = UnretrievedLog { name, coro, exc: e };
    if Py::is_exit(&log.exc) || at_exit {
        // A KeyboardInterrupt or SystemExit from a task stops the loop and escapes
        // `asyncio.run`; the loop's frames in its traceback keep the task alive until the
        // program's traceback has been printed, so CPython logs it after (with those frames).
        // A task in a cycle is logged at exit too.
        interp::with(|i| i.deferred_logs.borrow_mut().push(LateLog::Unretrieved(log)));
    } else {
        log.write();
    }
}

/// The loop of an `asyncio.run` was closed: its tasks still pending, and its failed tasks in a
/// cycle ([`Loop::cyclic`]), are freed at exit by CPython's cycle collector unless the program
/// still holds them.
pub fn loop_closed(lp: &Rc<Loop>, main: TaskId) {
    lp.closed.set(true);
    let held = |t: &TaskId| {
        lp.tasks
            .borrow()
            .get(t)
            .is_some_and(|w| w.strong_count() > 0)
    };
    let pending = lp.with(|c| c.pending_tasks());
    let freed_pending: Vec<TaskId> = pending.into_iter().filter(|t| !held(t)).collect();
    for &t in &freed_pending {
        destroyed_pending(lp, t);
    }
    // The cycle collector frees their coroutines with them: a task that only their frames held
    // (`t = create_task(...)` in a task freed here) is freed in turn, and logged as its Python
    // object goes (`task_object_dropped`).
    let coros: Vec<_> = lp.with(|c| {
        freed_pending
            .iter()
            .filter_map(|&t| c.take_task_coro(t))
            .collect()
    });
    drop(coros);
    // Main, when a SystemExit or KeyboardInterrupt failed it while the shutdown cancelled it:
    // its `_run_until_complete_cb` was gone by then, so nothing retrieved it, and it is freed at
    // exit.
    if !held(&main) {
        freed(lp, main);
    }
    // The failed tasks only the cycle collector frees, as it does at exit.
    let mut cyclic: Vec<TaskId> = lp.cyclic.borrow().iter().copied().collect();
    cyclic.sort_by_key(|t| t.0);
    for t in cyclic {
        if !held(&t) {
            freed(lp, t);
        }
    }
}

/// "Task was destroyed but it is pending!" for a task of a closed loop, at the program's end.
fn destroyed_pending(lp: &Rc<Loop>, t: TaskId) {
    let Ok(core) = lp.core.try_borrow() else {
        return;
    };
    if core.task_done(t) || !core.log_destroy_pending(t) || !lp.logged.borrow_mut().insert(t) {
        return;
    }
    drop(core);
    let task = asyncio::futures::destroyed_task_repr(lp, t);
    let text = format!("Task was destroyed but it is pending!\ntask: {task}");
    interp::with(|i| i.deferred_logs.borrow_mut().push(LateLog::Text(text)));
}

/// What is written to stderr when the program ends, after its own traceback.
pub enum LateLog {
    Unretrieved(UnretrievedLog),
    Text(String),
}

impl LateLog {
    pub fn write(&self) {
        match self {
            LateLog::Unretrieved(log) => log.write(),
            LateLog::Text(text) => interp::write_stderr(text),
        }
    }
}

/// "Task exception was never retrieved" for one task, written when the task is freed.
pub struct UnretrievedLog {
    name: Rc<str>,
    coro: String,
    exc: Raised,
}

impl UnretrievedLog {
    /// Writes the log to stderr, the traceback as the exception's frames are now.
    pub fn write(&self) {
        let (name, coro) = (&self.name, &self.coro);
        let name = crate::objects::repr::str_repr(name);
        write_never_retrieved("Task", &format!("name={name} coro=<{coro}> "), &self.exc);
    }
}

/// What the loop's exception handler logs for a `class` (`Task`, `Future`, `_GatheringFuture`)
/// freed with an exception nothing retrieved: `fields` are what its repr shows before the
/// exception (`name='Task-2' coro=<…> `), then the exception's traceback as its frames are now.
pub fn write_never_retrieved(class: &str, fields: &str, exc: &Raised) {
    if interp::with(|i| i.exiting.get()) {
        return;
    }
    let text = crate::traceback::format_exception(exc);
    let shown = crate::objects::repr::repr(&Value::Exc(exc.clone())).unwrap_or_default();
    interp::write_stderr(&format!(
        "{class} exception was never retrieved\nfuture: <{class} finished {fields}exception={shown}>\n{text}"
    ));
}
