//! Tasks, futures, handles and the loop as Python objects (`asyncio.Task`, `asyncio.Future`,
//! `asyncio.Handle`, the running loop), with their methods.

use super::{classes, running, Loop};
use crate::builtins::functions::take_kwargs;
use crate::host::{ProgramCallback, Py};
use crate::objects::class::Class;
use crate::objects::native::NativeObj;
use crate::objects::repr::repr;
use crate::objects::reprlib::short_repr;
use crate::objects::{BuiltinFn, Value};
use crate::vm::coroutine::NativeFuture;
use crate::vm::frame::{check_method_positional, no_arguments, no_arguments_c};
use crate::vm::{exc, interp, type_error, PyResult};
use asyncio_playground_engine::clock::{seconds_to_signed_us, us_to_seconds};
use asyncio_playground_engine::{
    AwaitFut, Callback, CancelCause, FutId, FutState, HandleId, SleepFuture, TaskId, Waiter,
};
use std::any::Any;
use std::rc::Rc;

type Kw = Vec<(Rc<str>, Value)>;

pub struct TaskObj {
    pub lp: Rc<Loop>,
    pub id: TaskId,
}

pub struct FutureObj {
    pub lp: Rc<Loop>,
    pub id: FutId,
    /// A gather's outer future (`_GatheringFuture`).
    pub gathering: bool,
}

/// What a future's methods work on: the loop and the engine's future.
fn target(b: Option<&Value>) -> PyResult<(Rc<Loop>, FutId, Option<TaskId>)> {
    let Some(Value::Native(n)) = b else {
        return Err(type_error("a Future is required"));
    };
    if let Some(t) = n.downcast::<TaskObj>() {
        let f = t.lp.with(|c| c.task_future(t.id));
        return Ok((t.lp.clone(), f, Some(t.id)));
    }
    if let Some(f) = n.downcast::<FutureObj>() {
        return Ok((f.lp.clone(), f.id, None));
    }
    Err(type_error("a Future is required"))
}

/// The line the program is at, for the engine's trace of what it asks.
fn at_line(lp: &Loop) {
    let line = interp::line();
    lp.with(|c| c.set_line(line));
}

/// `repr(exc)` for a future's repr.
/// `repr(exc)`: the program's own `__repr__` if its class has one.
fn exc_text(e: &crate::objects::Raised) -> String {
    repr(&Value::Exc(e.clone())).unwrap_or_default()
}

/// A finished task's coroutine as `coroutines._format_coroutine` shows it:
/// `work() done, defined at main.py:4` (asyncio's own coroutines without the place).
pub fn done_coro_text(lp: &Loop, t: TaskId, qualname: &str) -> String {
    // Read while tasks may be dropping (the unretrieved report): never a second borrow.
    let first_line = lp
        .coros
        .try_borrow()
        .ok()
        .and_then(|coros| coros.python(t))
        .map(|c| c.names.first_line);
    match (first_line, native_coro_place(qualname)) {
        (Some(line), _) => {
            let file = interp::with(|i| i.filename.borrow().clone());
            format!("{qualname}() done, defined at {file}:{line}")
        }
        (None, Some(place)) => {
            let (file, line) = (place.file, place.def_line);
            format!("{qualname}() done, defined at {file}:{line}")
        }
        (None, None) => format!("{qualname}() done"),
    }
}

/// Where one of asyncio's own coroutines that a task may run (`create_task(asyncio.sleep(1))`)
/// is in CPython 3.13.0's `Lib/asyncio`. Only `sleep` so far; the others show no place.
struct NativePlace {
    /// The file under the standard library.
    file: &'static str,
    /// The `async def` line (before it ran, and once done).
    def_line: u32,
    /// The `await __sleep0()` of a delay of 0 or less: the task awaits no future there.
    bare_yield_line: u32,
    /// The `return await future` of a positive delay.
    await_line: u32,
}

fn native_coro_place(qualname: &str) -> Option<NativePlace> {
    (qualname == "sleep").then_some(NativePlace {
        file: "asyncio/tasks.py",
        def_line: 703,
        bare_yield_line: 706,
        await_line: 718,
    })
}

/// The line a task's native coroutine is at: its `async def` line before it ran, then where it
/// waits (a future, or the next pass).
fn native_coro_line(lp: &Loop, t: TaskId, place: &NativePlace) -> u32 {
    match lp.with(|c| (c.task_started(t), c.task_waiter(t))) {
        (false, _) => place.def_line,
        (true, None) => place.bare_yield_line,
        (true, Some(_)) => place.await_line,
    }
}

/// `repr(task)`, as `base_tasks._task_repr_info` writes it: its state (`cancelling` once a cancel
/// is asked for), name, coroutine (`running at main.py:5`, or `done, defined at …`), what it
/// waits for, and its result.
pub fn task_repr(lp: &Loop, t: TaskId) -> String {
    recursive_repr(Shown::Task(t.0), || task_repr_as(lp, t, false))
}

/// What a repr in progress is of (`reprlib.recursive_repr` keys on the object).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Shown {
    Task(u32),
    Future(FutId),
}

thread_local! {
    /// The task and future reprs in progress.
    static SHOWING: std::cell::RefCell<Vec<Shown>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// `@reprlib.recursive_repr()` on `_task_repr` and `_future_repr`: a repr reached again from
/// within itself (a task whose result is the task) is `...`.
fn recursive_repr(key: Shown, make: impl FnOnce() -> String) -> String {
    if SHOWING.with(|s| s.borrow().contains(&key)) {
        return "...".into();
    }
    SHOWING.with(|s| s.borrow_mut().push(key));
    let text = make();
    SHOWING.with(|s| s.borrow_mut().retain(|k| *k != key));
    text
}

/// The repr of a pending task that the cycle collector frees ("Task was destroyed but it is
/// pending!"): it has closed the task's coroutine first, so the coroutine shows as done.
pub fn destroyed_task_repr(lp: &Loop, t: TaskId) -> String {
    task_repr_as(lp, t, true)
}

fn task_repr_as(lp: &Loop, t: TaskId, coro_closed: bool) -> String {
    let (name, coro, fut, cancelling, waiter) = lp.with(|c| {
        (
            c.task_name(t),
            c.task_coro_name(t),
            c.task_future(t),
            c.task_cancelling(t) > 0,
            c.task_waiter(t),
        )
    });
    let state = future_repr(lp, fut, "Task");
    let done = !state.contains(" pending");
    let coro_text = if done || coro_closed {
        done_coro_text(lp, t, &coro)
    } else {
        running_coro_text(lp, t, &coro)
    };
    let rest = state.strip_prefix("<Task ").unwrap_or(&state);
    let rest = rest.strip_suffix('>').unwrap_or(rest);
    let (status, extra) = rest.split_once(' ').unwrap_or((rest, ""));
    let status = if cancelling && !done {
        "cancelling"
    } else {
        status
    };
    let wait_for = waiter
        .filter(|_| !done)
        .map(|f| waiter_repr(lp, f))
        .map(|w| format!(" wait_for={w}"))
        .unwrap_or_default();
    let extra = if extra.is_empty() {
        String::new()
    } else {
        format!(" {extra}")
    };
    let name = crate::objects::repr::str_repr(&name);
    let head = format!("<Task {status} name={name} coro=<{coro_text}>{wait_for}{extra}>");
    with_callbacks(lp, fut, head)
}

/// `work() running at main.py:5`: where the coroutine's own frame is (the line it runs or
/// calls from while its task runs; its `async def` line before it first ran).
fn running_coro_text(lp: &Loop, t: TaskId, qualname: &str) -> String {
    let coro = lp.coros.try_borrow().ok().and_then(|coros| coros.python(t));
    match coro {
        Some(c) => {
            let started = c.started();
            let running = lp.with(|core| core.current_task()) == Some(t);
            let line = if running && started {
                interp::running_task_line()
            } else if started && c.line.get() > 0 {
                c.line.get()
            } else {
                c.names.first_line
            };
            let file = interp::with(|i| i.filename.borrow().clone());
            format!("{qualname}() running at {file}:{line}")
        }
        None => match native_coro_place(qualname) {
            Some(place) => {
                let line = native_coro_line(lp, t, &place);
                format!("{qualname}() running at {}:{line}", place.file)
            }
            None => format!("{qualname}() running"),
        },
    }
}

/// The repr of the future a task waits for, with its done-callbacks (`<Future pending
/// cb=[Task.task_wakeup()]>`).
fn waiter_repr(lp: &Loop, waiter: Waiter) -> String {
    let f = match waiter {
        Waiter::Future(f) => f,
        // The sleep's future, which only its task holds.
        Waiter::Sleep(SleepFuture::Pending) => {
            return "<Future pending cb=[Task.task_wakeup()]>".into()
        }
        Waiter::Sleep(SleepFuture::Finished) => return "<Future finished result=None>".into(),
        Waiter::Sleep(SleepFuture::Cancelled) => return "<Future cancelled>".into(),
    };
    let (task, gather) = lp.with(|c| {
        (
            c.task_of(f),
            c.future_label(f) == asyncio_playground_engine::Awaiting::Gather,
        )
    });
    match task {
        Some(t) => task_repr(lp, t),
        None if gather => with_callbacks(lp, f, future_repr(lp, f, "_GatheringFuture")),
        None => with_callbacks(lp, f, future_repr(lp, f, "Future")),
    }
}

/// One done-callback as a future's repr lists it.
enum CallbackText {
    Known(&'static str),
    /// The program's callable, formatted once the loop is no longer borrowed (its repr may run
    /// the program's `__repr__`).
    Program(Value),
}

/// `repr` of a future followed by its done-callbacks, as `base_futures._format_callbacks`
/// lists them: all of them up to two, else the first, how many more, and the last.
fn with_callbacks(lp: &Loop, f: FutId, own: String) -> String {
    let listed: Vec<CallbackText> = lp.with(|c| {
        c.done_callbacks(f)
            .iter()
            .filter_map(|cb| match cb {
                Callback::Wakeup(..) => Some(CallbackText::Known("Task.task_wakeup()")),
                Callback::Native(n, _) => Some(CallbackText::Known(n.source())),
                Callback::Program(p, _) => Some(CallbackText::Program(p.f.clone())),
                Callback::Stop => Some(CallbackText::Known(
                    asyncio_playground_engine::callback::RUN_UNTIL_COMPLETE_CB,
                )),
                Callback::Step(..) | Callback::SleepDone(_) => None,
            })
            .collect()
    });
    let text = |cb: &CallbackText| match cb {
        CallbackText::Known(s) => (*s).to_string(),
        CallbackText::Program(v) => callback_source(v),
    };
    let cbs = match listed.as_slice() {
        [] => return own,
        [one] => text(one),
        [a, b] => format!("{}, {}", text(a), text(b)),
        [first, .., last] => format!(
            "{}, <{} more>, {}",
            text(first),
            listed.len() - 2,
            text(last)
        ),
    };
    let open = own.strip_suffix('>').unwrap_or(&own);
    format!("{open} cb=[{cbs}]>")
}

/// `<Future pending>`, `<Future finished result=1>`, … (and a task's, with its name and coroutine).
fn future_repr(lp: &Loop, f: FutId, head: &str) -> String {
    // The result and the exception are described once the loop is no longer borrowed: their
    // reprs may be a task's, or run the program's `__repr__`.
    let state = lp.with(|c| match c.future_state(f) {
        FutState::Pending => Ok("pending"),
        FutState::Cancelled(_) => Ok("cancelled"),
        FutState::Finished(Ok(v)) => Err(Ok(v.clone())),
        FutState::Finished(Err(e)) => Err(Err(e.clone())),
    });
    match state {
        Ok(word) => format!("<{head} {word}>"),
        Err(Ok(v)) => format!("<{head} finished result={}>", short_repr(&v)),
        Err(Err(e)) => format!("<{head} finished exception={}>", exc_text(&e)),
    }
}

impl NativeObj for TaskObj {
    fn class(&self) -> Rc<Class> {
        classes(|c| c.task.clone())
    }
    fn repr(&self) -> String {
        task_repr(&self.lp, self.id)
    }
    fn methods(&self) -> &'static [(&'static str, BuiltinFn)] {
        TASK_METHODS
    }
    fn await_future(&self) -> Option<NativeFuture> {
        let f = self.lp.with(|c| c.task_future(self.id));
        Some(Box::pin(AwaitFut::<Py>::new(f)))
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

impl Drop for FutureObj {
    /// `Future.__del__`: "Future exception was never retrieved" for a future that failed and
    /// that nothing retrieved (nor held: see `Core::released_unretrieved`).
    fn drop(&mut self) {
        if !interp::alive() || self.lp.torn_down.get() {
            return;
        }
        let Ok(mut core) = self.lp.core.try_borrow_mut() else {
            return;
        };
        let Some(e) = core.released_unretrieved(self.id) else {
            return;
        };
        drop(core);
        let class = if self.gathering {
            "_GatheringFuture"
        } else {
            "Future"
        };
        crate::host::write_never_retrieved(class, "", &e);
    }
}

impl Drop for TaskObj {
    fn drop(&mut self) {
        crate::host::task_object_dropped(&self.lp, self.id);
    }
}

impl NativeObj for FutureObj {
    fn class(&self) -> Rc<Class> {
        if self.gathering {
            classes(|c| c.gathering.clone())
        } else {
            classes(|c| c.future.clone())
        }
    }
    fn repr(&self) -> String {
        let head = if self.gathering {
            "_GatheringFuture"
        } else {
            "Future"
        };
        recursive_repr(Shown::Future(self.id), || {
            with_callbacks(&self.lp, self.id, future_repr(&self.lp, self.id, head))
        })
    }
    fn methods(&self) -> &'static [(&'static str, BuiltinFn)] {
        FUTURE_METHODS
    }
    fn await_future(&self) -> Option<NativeFuture> {
        Some(Box::pin(AwaitFut::<Py>::new(self.id)))
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// The class whose C method a future's is: `Task`'s own, else `Future`'s (a
/// `_GatheringFuture` inherits them).
fn future_class(b: Option<&Value>) -> &'static str {
    match b {
        Some(Value::Native(n)) if n.downcast::<TaskObj>().is_some() => "Task",
        _ => "Future",
    }
}

fn done(b: Option<&Value>, args: Vec<Value>, kwargs: Kw) -> PyResult {
    no_arguments_c(&format!("{}.done", future_class(b)), &args, &kwargs)?;
    let (lp, f, _) = target(b)?;
    Ok(Value::Bool(lp.with(|c| c.future_done(f))))
}

fn cancelled(b: Option<&Value>, args: Vec<Value>, kwargs: Kw) -> PyResult {
    no_arguments_c(&format!("{}.cancelled", future_class(b)), &args, &kwargs)?;
    let (lp, f, _) = target(b)?;
    Ok(Value::Bool(lp.with(|c| c.future_cancelled(f))))
}

fn result(b: Option<&Value>, args: Vec<Value>, kwargs: Kw) -> PyResult {
    no_arguments_c(&format!("{}.result", future_class(b)), &args, &kwargs)?;
    let (lp, f, _) = target(b)?;
    lp.with(|c| c.future_result(f))
}

fn exception(b: Option<&Value>, args: Vec<Value>, kwargs: Kw) -> PyResult {
    no_arguments_c(&format!("{}.exception", future_class(b)), &args, &kwargs)?;
    let (lp, f, _) = target(b)?;
    Ok(lp
        .with(|c| c.future_exception(f))?
        .map_or(Value::None, Value::Exc))
}

fn cancel(b: Option<&Value>, args: Vec<Value>, kwargs: Kw) -> PyResult {
    let (lp, f, task) = target(b)?;
    let kw = take_kwargs("cancel", kwargs, &["msg"])?;
    let msg = args
        .into_iter()
        .next()
        .or(kw[0].clone())
        .filter(|m| !matches!(m, Value::None));
    let line = interp::line();
    Ok(Value::Bool(lp.with(|c| {
        let by = c.current_task();
        let cause = CancelCause::Program { line, by };
        match task {
            Some(t) => c.task_cancel(t, msg, cause),
            None => c.cancel_future(f, msg, cause),
        }
    })))
}

fn add_done_callback(b: Option<&Value>, args: Vec<Value>, kwargs: Kw) -> PyResult {
    let (lp, f, _) = target(b)?;
    let _ = take_kwargs("add_done_callback", kwargs, &["context"])?;
    let Some(cb) = args.into_iter().next() else {
        return Err(type_error(
            "add_done_callback() missing 1 required positional argument: 'fn'",
        ));
    };
    let line = interp::line();
    let cb = Callback::Program(
        Rc::new(ProgramCallback {
            f: cb,
            args: Vec::new(),
            line,
            when: std::cell::Cell::new(None),
        }),
        None,
    );
    lp.with(|c| c.add_done_callback(f, cb));
    Ok(Value::None)
}

fn remove_done_callback(b: Option<&Value>, args: Vec<Value>, _: Kw) -> PyResult {
    let (lp, f, _) = target(b)?;
    let Some(cb) = args.into_iter().next() else {
        return Err(type_error(
            "remove_done_callback() takes exactly one argument (0 given)",
        ));
    };
    let cb = Callback::Program(
        Rc::new(ProgramCallback {
            f: cb,
            args: Vec::new(),
            line: 0,
            when: std::cell::Cell::new(None),
        }),
        None,
    );
    Ok(Value::Int(
        lp.with(|c| c.remove_done_callback(f, &cb)) as i64
    ))
}

fn get_loop(b: Option<&Value>, args: Vec<Value>, kwargs: Kw) -> PyResult {
    no_arguments_c(&format!("{}.get_loop", future_class(b)), &args, &kwargs)?;
    let (lp, _, _) = target(b)?;
    Ok(lp.loop_value())
}

fn invalid_state() -> crate::objects::Raised {
    exc("InvalidStateError", "invalid state")
}

fn set_result(b: Option<&Value>, args: Vec<Value>, _: Kw) -> PyResult {
    let (lp, f, task) = target(b)?;
    if task.is_some() {
        return Err(crate::vm::runtime_error(
            "Task does not support set_result operation",
        ));
    }
    let v = args
        .into_iter()
        .next()
        .ok_or_else(|| type_error("set_result() takes exactly one argument (0 given)"))?;
    at_line(&lp);
    lp.with(|c| c.set_result(f, v))
        .map_err(|_| invalid_state())?;
    Ok(Value::None)
}

fn set_exception(b: Option<&Value>, args: Vec<Value>, _: Kw) -> PyResult {
    let (lp, f, task) = target(b)?;
    if task.is_some() {
        return Err(crate::vm::runtime_error(
            "Task does not support set_exception operation",
        ));
    }
    let v = args
        .into_iter()
        .next()
        .ok_or_else(|| type_error("set_exception() takes exactly one argument (0 given)"))?;
    let e = crate::vm::ops::exception_from(&v)
        .map_err(|_| type_error("exception must be a BaseException instance"))?;
    let e = if e.is_a("StopIteration") {
        let new = crate::vm::runtime_error(
            "StopIteration interacts badly with generators and cannot be raised into a Future",
        );
        *new.cause.borrow_mut() = Some(e.clone());
        *new.context.borrow_mut() = Some(e);
        new
    } else {
        e
    };
    lp.with(|c| c.set_exception(f, e))
        .map_err(|_| invalid_state())?;
    Ok(Value::None)
}

fn task_of(b: Option<&Value>) -> PyResult<(Rc<Loop>, TaskId)> {
    match target(b)? {
        (lp, _, Some(t)) => Ok((lp, t)),
        _ => Err(type_error("a Task is required")),
    }
}

fn get_name(b: Option<&Value>, args: Vec<Value>, kwargs: Kw) -> PyResult {
    no_arguments_c("Task.get_name", &args, &kwargs)?;
    let (lp, t) = task_of(b)?;
    Ok(Value::Str(lp.with(|c| c.task_name(t))))
}

fn set_name(b: Option<&Value>, args: Vec<Value>, _: Kw) -> PyResult {
    let (lp, t) = task_of(b)?;
    let name = crate::objects::repr::str(args.first().unwrap_or(&Value::None))?;
    lp.with(|c| c.set_task_name(t, Rc::from(name)));
    Ok(Value::None)
}

fn get_coro(b: Option<&Value>, args: Vec<Value>, kwargs: Kw) -> PyResult {
    no_arguments_c("Task.get_coro", &args, &kwargs)?;
    let (lp, t) = task_of(b)?;
    let coro = lp.coros.borrow().get(t);
    Ok(coro.unwrap_or(Value::None))
}

fn cancelling(b: Option<&Value>, args: Vec<Value>, kwargs: Kw) -> PyResult {
    no_arguments_c("Task.cancelling", &args, &kwargs)?;
    let (lp, t) = task_of(b)?;
    Ok(Value::Int(lp.with(|c| c.task_cancelling(t)) as i64))
}

fn uncancel(b: Option<&Value>, args: Vec<Value>, kwargs: Kw) -> PyResult {
    no_arguments_c("Task.uncancel", &args, &kwargs)?;
    let (lp, t) = task_of(b)?;
    Ok(Value::Int(lp.with(|c| c.task_uncancel(t)) as i64))
}

const FUTURE_METHODS: &[(&str, BuiltinFn)] = &[
    ("done", done),
    ("cancelled", cancelled),
    ("result", result),
    ("exception", exception),
    ("cancel", cancel),
    ("add_done_callback", add_done_callback),
    ("remove_done_callback", remove_done_callback),
    ("get_loop", get_loop),
    ("set_result", set_result),
    ("set_exception", set_exception),
];

const TASK_METHODS: &[(&str, BuiltinFn)] = &[
    ("done", done),
    ("cancelled", cancelled),
    ("result", result),
    ("exception", exception),
    ("cancel", cancel),
    ("add_done_callback", add_done_callback),
    ("remove_done_callback", remove_done_callback),
    ("get_loop", get_loop),
    ("set_result", set_result),
    ("set_exception", set_exception),
    ("get_name", get_name),
    ("set_name", set_name),
    ("get_coro", get_coro),
    ("cancelling", cancelling),
    ("uncancel", uncancel),
];

/// A handle on a scheduled callback (`Handle`, or `TimerHandle` with its deadline).
pub struct HandleObj {
    pub lp: Rc<Loop>,
    pub handle: HandleId,
    pub when: Option<f64>,
    pub name: String,
}

impl NativeObj for HandleObj {
    fn methods_in_python(&self) -> bool {
        true
    }
    fn class(&self) -> Rc<Class> {
        if self.when.is_some() {
            classes(|c| c.timer_handle.clone())
        } else {
            classes(|c| c.handle.clone())
        }
    }
    fn repr(&self) -> String {
        let head = if self.when.is_some() {
            "TimerHandle"
        } else {
            "Handle"
        };
        // `Handle.cancel()` drops the callback, so a cancelled handle's repr no longer shows it.
        let cancelled = self.lp.with(|c| c.handle_cancelled(self.handle));
        let (state, callback) = if cancelled {
            (" cancelled", String::new())
        } else {
            ("", format!(" {}", self.name))
        };
        match self.when {
            Some(w) => format!(
                "<{head}{state} when={}{callback}>",
                crate::numfmt::float_repr(w),
            ),
            None => format!("<{head}{state}{callback}>"),
        }
    }
    fn methods(&self) -> &'static [(&'static str, BuiltinFn)] {
        HANDLE_METHODS
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

fn handle_of(b: Option<&Value>) -> PyResult<(Rc<Loop>, HandleId, Option<f64>)> {
    match b {
        Some(Value::Native(n)) => match n.downcast::<HandleObj>() {
            Some(h) => Ok((h.lp.clone(), h.handle, h.when)),
            None => Err(type_error("a Handle is required")),
        },
        _ => Err(type_error("a Handle is required")),
    }
}

/// `TimerHandle` defines its own `cancel`; a plain `Handle` has `Handle`'s.
fn handle_cancel_name(b: Option<&Value>) -> &'static str {
    match handle_of(b) {
        Ok((_, _, Some(_))) => "TimerHandle.cancel",
        _ => "Handle.cancel",
    }
}

fn handle_cancel(b: Option<&Value>, args: Vec<Value>, kwargs: Kw) -> PyResult {
    no_arguments(handle_cancel_name(b), &args, &kwargs)?;
    let (lp, h, _) = handle_of(b)?;
    lp.with(|c| c.cancel_program_handle(h));
    Ok(Value::None)
}

fn handle_cancelled(b: Option<&Value>, args: Vec<Value>, kwargs: Kw) -> PyResult {
    no_arguments("Handle.cancelled", &args, &kwargs)?;
    let (lp, h, _) = handle_of(b)?;
    Ok(Value::Bool(lp.with(|c| c.handle_cancelled(h))))
}

fn handle_when(b: Option<&Value>, args: Vec<Value>, kwargs: Kw) -> PyResult {
    no_arguments("TimerHandle.when", &args, &kwargs)?;
    let (_, _, when) = handle_of(b)?;
    when.map(Value::Float)
        .ok_or_else(|| crate::vm::attribute_error("'Handle' object has no attribute 'when'"))
}

const HANDLE_METHODS: &[(&str, BuiltinFn)] = &[
    ("cancel", handle_cancel),
    ("cancelled", handle_cancelled),
    ("when", handle_when),
];

/// The running loop as a Python object (`asyncio.get_running_loop()`).
pub struct LoopObj {
    pub lp: Rc<Loop>,
}

impl NativeObj for LoopObj {
    fn methods_in_python(&self) -> bool {
        true
    }
    fn class(&self) -> Rc<Class> {
        classes(|c| c.event_loop.clone())
    }
    fn repr(&self) -> String {
        "<_UnixSelectorEventLoop running=True closed=False debug=False>".into()
    }
    fn methods(&self) -> &'static [(&'static str, BuiltinFn)] {
        LOOP_METHODS
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

fn loop_of(b: Option<&Value>) -> PyResult<Rc<Loop>> {
    match b {
        Some(Value::Native(n)) => n
            .downcast::<LoopObj>()
            .map(|l| l.lp.clone())
            .ok_or_else(|| type_error("a loop is required")),
        _ => running(),
    }
}

fn loop_time(b: Option<&Value>, args: Vec<Value>, kwargs: Kw) -> PyResult {
    no_arguments("BaseEventLoop.time", &args, &kwargs)?;
    let lp = loop_of(b)?;
    Ok(Value::Float(us_to_seconds(lp.with(|c| c.now()))))
}

/// `format_helpers._format_callback_source(func, args)` (not in debug mode, so no arguments):
/// `explode() at main.py:5` for a function, `Worker.tick()` for a bound method, `print()`.
pub fn callback_source(f: &Value) -> String {
    match f {
        Value::Func(func) => {
            let file = interp::with(|i| i.filename.borrow().clone());
            format!(
                "{}() at {file}:{}",
                func.qualname(),
                func.code.def_names.first_line
            )
        }
        Value::Method(m) => match &m.1 {
            Value::Func(func) => format!("{}()", func.qualname()),
            other => repr(other).unwrap_or_default(),
        },
        Value::Builtin(b) => format!("{}()", b.qualname),
        // Its `__qualname__` (a class's, a coroutine object's), else its `__name__`, else its
        // repr; then the arguments `format_helpers` shows outside debug mode, `()`.
        other => {
            let named = |attr: &str| match crate::vm::attr::getattr(other, &Rc::from(attr)) {
                Ok(Value::Str(s)) if !s.is_empty() => Some(s.to_string()),
                _ => None,
            };
            let shown = named("__qualname__")
                .or_else(|| named("__name__"))
                .unwrap_or_else(|| repr(other).unwrap_or_default());
            format!("{shown}()")
        }
    }
}

/// The program's callback with its arguments, and a name for the handle's repr.
fn program_callback(args: Vec<Value>, what: &str) -> PyResult<(Rc<ProgramCallback>, String)> {
    let mut it = args.into_iter();
    let Some(f) = it.next() else {
        return Err(type_error(format!(
            "BaseEventLoop.{what}() missing 1 required positional argument: 'callback'"
        )));
    };
    let name = callback_source(&f);
    let line = interp::line();
    Ok((
        Rc::new(ProgramCallback {
            f,
            args: it.collect(),
            line,
            when: std::cell::Cell::new(None),
        }),
        name,
    ))
}

fn call_soon(b: Option<&Value>, args: Vec<Value>, kwargs: Kw) -> PyResult {
    let lp = loop_of(b)?;
    let _ = take_kwargs("call_soon", kwargs, &["context"])?;
    let (cb, name) = program_callback(args, "call_soon")?;
    let h = lp.with(|c| c.call_soon(Callback::Program(cb, None)));
    Ok(Value::Native(Rc::new(HandleObj {
        lp,
        handle: h,
        when: None,
        name,
    })))
}

fn schedule_at(lp: Rc<Loop>, when: f64, cb: Rc<ProgramCallback>, name: String) -> PyResult {
    cb.when.set(Some(when));
    let h = lp.with(|c| c.call_at_signed(seconds_to_signed_us(when), Callback::Program(cb, None)));
    Ok(Value::Native(Rc::new(HandleObj {
        lp,
        handle: h,
        when: Some(when),
        name,
    })))
}

/// A delay or deadline (CPython adds it to `loop.time()`, hence the message).
fn number(v: &Value) -> PyResult<f64> {
    crate::vm::ops::as_float(v).ok_or_else(|| {
        type_error(format!(
            "unsupported operand type(s) for +: 'float' and '{}'",
            crate::builtins::type_name(v)
        ))
    })
}

fn call_later(b: Option<&Value>, mut args: Vec<Value>, kwargs: Kw) -> PyResult {
    let lp = loop_of(b)?;
    let _ = take_kwargs("call_later", kwargs, &["context"])?;
    check_method_positional(
        "BaseEventLoop.call_later",
        &["delay", "callback"],
        None,
        args.len(),
    )?;
    let delay = number(&args.remove(0))?;
    let when = us_to_seconds(lp.with(|c| c.now())) + delay;
    let (cb, name) = program_callback(args, "call_later")?;
    schedule_at(lp, when, cb, name)
}

fn call_at(b: Option<&Value>, mut args: Vec<Value>, kwargs: Kw) -> PyResult {
    let lp = loop_of(b)?;
    let _ = take_kwargs("call_at", kwargs, &["context"])?;
    check_method_positional(
        "BaseEventLoop.call_at",
        &["when", "callback"],
        None,
        args.len(),
    )?;
    let when = number(&args.remove(0))?;
    let (cb, name) = program_callback(args, "call_at")?;
    schedule_at(lp, when, cb, name)
}

fn create_future(b: Option<&Value>, args: Vec<Value>, _: Kw) -> PyResult {
    let lp = loop_of(b)?;
    check_method_positional("BaseEventLoop.create_future", &[], Some(0), args.len())?;
    let f = lp.with(|c| c.create_future(asyncio_playground_engine::Awaiting::Future));
    Ok(lp.future_value(f))
}

fn loop_create_task(b: Option<&Value>, args: Vec<Value>, kwargs: Kw) -> PyResult {
    let lp = loop_of(b)?;
    let kw = take_kwargs("create_task", kwargs, &["name", "context"])?;
    check_method_positional("BaseEventLoop.create_task", &["coro"], Some(1), args.len())?;
    let coro = args.into_iter().next().ok_or_else(|| {
        type_error("create_task() missing 1 required positional argument: 'coro'")
    })?;
    let name = match &kw[0] {
        None | Some(Value::None) => None,
        Some(v) => Some(Rc::from(crate::objects::repr::str(v)?)),
    };
    let t = lp.create_task(coro, name)?;
    Ok(lp.task_value(t))
}

fn is_running(_: Option<&Value>, args: Vec<Value>, kwargs: Kw) -> PyResult {
    no_arguments("BaseEventLoop.is_running", &args, &kwargs)?;
    Ok(Value::Bool(true))
}

fn refused_executor(_: Option<&Value>, _: Vec<Value>, _: Kw) -> PyResult {
    Err(crate::vm::stop("run_in_executor is not supported in the playground: threads are not simulated in this version"))
}

const LOOP_METHODS: &[(&str, BuiltinFn)] = &[
    ("time", loop_time),
    ("call_soon", call_soon),
    ("call_later", call_later),
    ("call_at", call_at),
    ("create_future", create_future),
    ("create_task", loop_create_task),
    ("is_running", is_running),
    ("run_in_executor", refused_executor),
];
