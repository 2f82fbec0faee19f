//! The functions of the `asyncio` module: `sleep`, `create_task`, `gather`, `wait`, `wait_for`,
//! `shield`, `current_task`, … — each a binding to the engine (ported logic lives there).

use super::futures::TaskObj;
use super::{classes, native_coro, running, Loop};
use crate::builtins::functions::take_kwargs;
use crate::builtins::type_name;
use crate::host::Py;
use crate::objects::iter::collect;
use crate::objects::{BuiltinFn, Set, Value};
use crate::vm::frame::{check_positional, no_arguments_c};
use crate::vm::ops::as_float;
use crate::vm::{interp, type_error, value_error, PyResult};
use asyncio_playground_engine::asyncio::{gather, shield, timeouts, wait as engine_wait};
use asyncio_playground_engine::fast_hash::{FastMap, FastSet};
use asyncio_playground_engine::{AwaitFut, CancelCause, Sleep};
use std::cell::RefCell;
use std::rc::Rc;

type Kw = Vec<(Rc<str>, Value)>;

fn sleep(_: Option<&Value>, args: Vec<Value>, kwargs: Kw) -> PyResult {
    let kw = take_kwargs("sleep", kwargs, &["delay", "result"])?;
    check_positional("sleep", &["delay"], 2, args.len(), &[kw[0].is_some()])?;
    // `check_positional` made sure each required argument is there (so `None` is never used).
    let mut it = args.into_iter();
    let delay = it.next().or(kw[0].clone()).unwrap_or(Value::None);
    let result = it.next().or(kw[1].clone()).unwrap_or(Value::None);
    // The delay is checked when the coroutine runs (as `tasks.sleep` does); the error is made
    // now, which nothing can observe before it is raised.
    let sleep = match as_float(&delay) {
        None => Err(Some(type_error(format!(
            "'<=' not supported between instances of '{}' and 'int'",
            type_name(&delay)
        )))),
        Some(d) if d.is_nan() => Err(Some(value_error("Invalid delay: NaN (not a number)"))),
        Some(d) => Ok(Sleep::<Py>::new(d, result)),
    };
    // `tasks.sleep`'s frames at their deepest: `sleep` and `__sleep0` for a delay of 0 or less;
    // else `sleep`, `call_later`, `call_at`, `TimerHandle.__init__`, `Handle.__init__` and
    // `get_debug`.
    let frames = match as_float(&delay) {
        Some(d) if d <= 0.0 => 2,
        Some(d) if !d.is_nan() => 6,
        _ => 1,
    };
    Ok(super::native_coro_frames("sleep", frames, SleepCoro(sleep)))
}

/// `asyncio.sleep(...)`'s coroutine: the sleep (`delay <= 0` yields once), or the error its
/// argument raises. A plain struct rather than an `async` block: 100,000 sleeping tasks hold one.
struct SleepCoro(Result<Sleep<Py>, Option<crate::objects::Raised>>);

impl std::future::Future for SleepCoro {
    type Output = PyResult;

    fn poll(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<PyResult> {
        match &mut self.0 {
            Ok(sleep) => std::pin::Pin::new(sleep).poll(cx),
            Err(e) => std::task::Poll::Ready(Err(e.take().unwrap_or_else(|| {
                crate::vm::runtime_error("cannot reuse already awaited coroutine")
            }))),
        }
    }
}

/// The arguments of asyncio's function `name` (Python code in CPython, with one required
/// positional parameter each here and the keyword-only `keyword_only`), bound as CPython binds
/// them: its positional parameters by position or by keyword.
fn python_function(
    name: &str,
    params: &[&str],
    keyword_only: &[&str],
    args: Vec<Value>,
    kwargs: Kw,
) -> PyResult<(Vec<Value>, Kw)> {
    crate::vm::frame::bind_positional(
        name,
        params,
        params.len(),
        false,
        keyword_only,
        args,
        kwargs,
    )
}

fn task_name(kw: &Option<Value>) -> PyResult<Option<Rc<str>>> {
    match kw {
        None | Some(Value::None) => Ok(None),
        Some(v) => Ok(Some(Rc::from(crate::objects::repr::str(v)?))),
    }
}

fn create_task(_: Option<&Value>, args: Vec<Value>, kwargs: Kw) -> PyResult {
    let (args, kwargs) =
        python_function("create_task", &["coro"], &["name", "context"], args, kwargs)?;
    let kw = take_kwargs("create_task", kwargs, &["name", "context"])?;
    let coro = args.into_iter().next().unwrap_or(Value::None);
    let lp = running()?;
    let t = lp.create_task(coro, task_name(&kw[0])?)?;
    Ok(lp.task_value(t))
}

fn ensure_future(_: Option<&Value>, args: Vec<Value>, kwargs: Kw) -> PyResult {
    let (args, _) = python_function(
        "ensure_future",
        &["coro_or_future"],
        &["loop"],
        args,
        kwargs,
    )?;
    let v = args.into_iter().next().unwrap_or(Value::None);
    if let Value::Native(n) = &v {
        if n.downcast::<TaskObj>().is_some() || n.downcast::<super::FutureObj>().is_some() {
            return Ok(v);
        }
    }
    let lp = super::running_for("ensure_future")?;
    let f = lp.ensure_future(&v)?;
    Ok(lp.future_value(f))
}

fn gather_(_: Option<&Value>, args: Vec<Value>, kwargs: Kw) -> PyResult {
    let kw = take_kwargs("gather", kwargs, &["return_exceptions"])?;
    let return_exceptions = match &kw[0] {
        Some(v) => crate::vm::ops::truthy(v)?,
        None => false,
    };
    let lp = super::running_for("gather")?;
    // Room for the coroutines of the tasks to come, made at once rather than by doubling.
    lp.coros.borrow_mut().reserve(args.len());
    // `arg_to_fut`: a repeated argument is one child (by identity: `id()`, while `args` holds
    // every argument alive).
    let mut arg_to_fut = FastMap::with_capacity_and_hasher(args.len(), Default::default());
    let mut children = Vec::with_capacity(args.len());
    for a in &args {
        // `arg not in arg_to_fut`: an unhashable argument (a list of tasks passed whole) fails
        // here, before it is wrapped.
        crate::objects::compare::hash(a)?;
        let f = match arg_to_fut.entry(a.id()) {
            std::collections::hash_map::Entry::Occupied(e) => *e.get(),
            std::collections::hash_map::Entry::Vacant(e) => {
                let f = lp.ensure_future(a)?;
                if matches!(a, Value::Coro(_) | Value::NativeCoro(_)) {
                    // `fut is not arg`: a task made for the coroutine, which the caller cannot
                    // control: `fut._log_destroy_pending = False`.
                    lp.with(|c| {
                        if let Some(t) = c.task_of(f) {
                            c.set_log_destroy_pending(t, false);
                        }
                    });
                }
                *e.insert(f)
            }
        };
        children.push(f);
    }
    drop(arg_to_fut);
    let line = interp::line();
    let outer = lp.with(|c| {
        c.set_line(line);
        gather::gather(c, &children, return_exceptions)
    });
    if children.is_empty() {
        return Ok(lp.future_value(outer));
    }
    Ok(lp.gathering_value(outer))
}

fn return_when(v: &Option<Value>) -> PyResult<engine_wait::ReturnWhen> {
    use engine_wait::ReturnWhen::*;
    Ok(match v {
        None => AllCompleted,
        Some(Value::Str(s)) if &**s == "ALL_COMPLETED" => AllCompleted,
        Some(Value::Str(s)) if &**s == "FIRST_COMPLETED" => FirstCompleted,
        Some(Value::Str(s)) if &**s == "FIRST_EXCEPTION" => FirstException,
        Some(other) => {
            return Err(value_error(format!(
                "Invalid return_when value: {}",
                crate::objects::repr::str(other)?
            )))
        }
    })
}

fn timeout_seconds(v: &Option<Value>) -> PyResult<Option<f64>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(v) => as_float(v).map(Some).ok_or_else(|| {
            type_error(format!(
                "'<=' not supported between instances of '{}' and 'int'",
                type_name(v)
            ))
        }),
    }
}

fn wait(_: Option<&Value>, args: Vec<Value>, kwargs: Kw) -> PyResult {
    let (args, kwargs) =
        python_function("wait", &["fs"], &["timeout", "return_when"], args, kwargs)?;
    let kw = take_kwargs("wait", kwargs, &["timeout", "return_when"])?;
    let fs = args.into_iter().next().unwrap_or(Value::None);
    let (timeout, when) = (kw[0].clone(), kw[1].clone());
    Ok(native_coro("wait", async move {
        if super::is_coroutine(&fs)
            || matches!(&fs, Value::Native(n) if n.downcast::<TaskObj>().is_some() || n.downcast::<super::FutureObj>().is_some())
        {
            let e = type_error(format!(
                "expect a list of futures, not {}",
                crate::builtins::class_of(&fs).name
            ));
            // Held by `wait`'s frame while the error lives (a coroutine warns when it goes).
            e.raised_in_asyncio_holding(vec![fs]);
            return Err(e);
        }
        let items = collect(&fs)?;
        if items.is_empty() {
            return Err(value_error("Set of Tasks/Futures is empty."));
        }
        let when = return_when(&when)?;
        if items.iter().any(super::is_coroutine) {
            let e = type_error("Passing coroutines is forbidden, use tasks explicitly.");
            // `wait`'s frame holds them (`fs = set(fs)`) while the error lives: they warn
            // "never awaited" only when it goes.
            e.raised_in_asyncio_holding(items);
            return Err(e);
        }
        let timeout = timeout_seconds(&timeout)?;
        let lp = running()?;
        let mut futs = Vec::new();
        let mut objs = Vec::new();
        // Sets, not scans of the lists: `wait` of 100,000 tasks made them quadratic (3 s).
        let mut seen = FastSet::default();
        for it in &items {
            // `_wait` adds its callback to each (`f.add_done_callback(_on_completion)`).
            let f = lp
                .future_of(it)
                .ok_or_else(|| crate::vm::attr::no_attribute(it, "add_done_callback"))?;
            if seen.insert(f) {
                futs.push(f);
                objs.push(it.clone());
            }
        }
        drop(seen);
        let (done, pending) = engine_wait::wait::<Py>(futs.clone(), timeout, when).await?;
        let pick = |ids: &[asyncio_playground_engine::FutId]| -> PyResult<Value> {
            let ids: FastSet<_> = ids.iter().copied().collect();
            let vals: Vec<Value> = futs
                .iter()
                .zip(&objs)
                .filter(|(f, _)| ids.contains(f))
                .map(|(_, o)| o.clone())
                .collect();
            Ok(Value::Set(Rc::new(RefCell::new(Set::from_values(vals)?))))
        };
        Ok(Value::tuple(vec![pick(&done)?, pick(&pending)?]))
    }))
}

/// `wait_for(fut, timeout)` (3.13: a timeout of 0 or less cancels at once; otherwise
/// `async with timeout(timeout): return await fut`, the awaitable run in this very task).
fn wait_for(_: Option<&Value>, args: Vec<Value>, kwargs: Kw) -> PyResult {
    let kw = take_kwargs("wait_for", kwargs, &["fut", "timeout"])?;
    let by_keyword = [kw[0].is_some(), kw[1].is_some()];
    check_positional("wait_for", &["fut", "timeout"], 2, args.len(), &by_keyword)?;
    let mut it = args.into_iter();
    let fut = it.next().or(kw[0].clone()).unwrap_or(Value::None);
    let timeout = it.next().or(kw[1].clone()).unwrap_or(Value::None);
    let line = interp::line();
    Ok(native_coro("wait_for", async move {
        let timeout = timeout_seconds(&Some(timeout))?;
        let lp = running()?;
        if let Some(t) = timeout.filter(|t| *t <= 0.0) {
            let _ = t;
            let f = lp.ensure_future(&fut)?;
            if lp.with(|c| c.future_done(f)) {
                return lp.with(|c| c.future_result(f));
            }
            timeouts::cancel_and_wait::<Py>(f, CancelCause::Timeout { line }).await?;
            return match lp.with(|c| c.future_result(f)) {
                Err(e) if e.is_cancelled() => {
                    // `fut.result()` raised it in wait_for's own frame: `...` in its traceback.
                    e.mark_asyncio();
                    Err(<Py as asyncio_playground_engine::Host>::timeout_error_from(
                        &e,
                    ))
                }
                other => other,
            };
        }
        let when = timeout
            .map(|t| asyncio_playground_engine::clock::us_to_seconds(lp.with(|c| c.now())) + t);
        let cm = timeouts::Timeout::new(when);
        lp.with(|c| cm.aenter::<Py>(c, line))?;
        let outcome = await_value(fut).await;
        if let Err(e) = &outcome {
            // `return await fut` in wait_for's own frame: it came up through asyncio's code,
            // before the timeout makes it the TimeoutError's cause.
            e.mark_asyncio();
        }
        let exit = lp.with(|c| cm.aexit::<Py>(c, outcome.as_ref().err()));
        exit?;
        outcome
    }))
}

/// `await v` from Rust: a coroutine runs on a thread of its own inside the awaiting task.
pub async fn await_value(v: Value) -> PyResult {
    match crate::vm::call::awaitable(v)? {
        crate::vm::call::Awaitable::Native(fut) => fut.await,
        crate::vm::call::Awaitable::Frame(frame) => {
            let mut thread = crate::vm::exec::Thread::new(frame);
            std::future::poll_fn(move |cx| thread.poll_run(cx)).await
        }
    }
}

fn shield_(_: Option<&Value>, args: Vec<Value>, kwargs: Kw) -> PyResult {
    let (args, _) = python_function("shield", &["arg"], &[], args, kwargs)?;
    let arg = args.into_iter().next().unwrap_or(Value::None);
    let lp = super::running_for("shield")?;
    let inner = lp.ensure_future(&arg)?;
    let outer = lp.with(|c| shield::shield(c, inner));
    Ok(lp.future_value(outer))
}

/// `current_task(loop=None)`, an Argument Clinic function of C: its arity errors.
fn at_most_one_argument(qualname: &str, args: &[Value], kwargs: &Kw) -> PyResult<()> {
    if let Some((k, _)) = kwargs.iter().find(|(k, _)| &**k != "loop") {
        return Err(type_error(format!(
            "{qualname}() got an unexpected keyword argument '{k}'"
        )));
    }
    let given = args.len() + kwargs.len();
    if given > 1 {
        return Err(type_error(format!(
            "{qualname}() takes at most 1 argument ({given} given)"
        )));
    }
    Ok(())
}

fn current_task(_: Option<&Value>, args: Vec<Value>, kwargs: Kw) -> PyResult {
    at_most_one_argument("current_task", &args, &kwargs)?;
    let Some(lp) = super::current() else {
        return Err(crate::vm::runtime_error("no running event loop"));
    };
    Ok(match lp.with(|c| c.current_task()) {
        Some(t) => lp.task_value(t),
        None => Value::None,
    })
}

fn all_tasks(_: Option<&Value>, args: Vec<Value>, kwargs: Kw) -> PyResult {
    if args.len() > 1 {
        return Err(crate::vm::frame::too_many("all_tasks", 0, 1, args.len()));
    }
    drop(kwargs);
    let lp = running()?;
    let ids = lp.with(|c| c.pending_tasks());
    let vals: Vec<Value> = ids.into_iter().map(|t| lp.task_value(t)).collect();
    Ok(Value::Set(Rc::new(RefCell::new(Set::from_values(vals)?))))
}

fn get_running_loop(_: Option<&Value>, args: Vec<Value>, kwargs: Kw) -> PyResult {
    no_arguments_c("_asyncio.get_running_loop", &args, &kwargs)?;
    let lp = running()?;
    Ok(lp.loop_value())
}

fn get_event_loop(_: Option<&Value>, args: Vec<Value>, kwargs: Kw) -> PyResult {
    no_arguments_c("_asyncio.get_event_loop", &args, &kwargs)?;
    match super::current() {
        Some(lp) => Ok(lp.loop_value()),
        None => Err(crate::vm::refuse(
            "asyncio.get_event_loop() outside a running loop",
        )),
    }
}

/// The one argument `obj` of `iscoroutine(obj)` and `isfuture(obj)`.
fn obj_argument(name: &str, args: Vec<Value>, kwargs: Kw) -> PyResult<Value> {
    let kw = take_kwargs(name, kwargs, &["obj"])?;
    check_positional(name, &["obj"], 1, args.len(), &[kw[0].is_some()])?;
    Ok(args
        .into_iter()
        .chain(kw.into_iter().flatten())
        .next()
        .unwrap_or(Value::None))
}

fn iscoroutine(_: Option<&Value>, args: Vec<Value>, kwargs: Kw) -> PyResult {
    let obj = obj_argument("iscoroutine", args, kwargs)?;
    Ok(Value::Bool(super::is_coroutine(&obj)))
}

fn isfuture(_: Option<&Value>, args: Vec<Value>, kwargs: Kw) -> PyResult {
    let obj = obj_argument("isfuture", args, kwargs)?;
    Ok(Value::Bool(
        matches!(obj, Value::Native(n) if n.downcast::<TaskObj>().is_some() || n.downcast::<super::FutureObj>().is_some()),
    ))
}

fn timeout(_: Option<&Value>, args: Vec<Value>, kwargs: Kw) -> PyResult {
    let kw = take_kwargs("timeout", kwargs, &["delay"])?;
    check_positional("timeout", &["delay"], 1, args.len(), &[kw[0].is_some()])?;
    let delay = timeout_seconds(&args.into_iter().next().or_else(|| kw[0].clone()))?;
    let lp = running()?;
    let when =
        delay.map(|d| asyncio_playground_engine::clock::us_to_seconds(lp.with(|c| c.now())) + d);
    Ok(super::groups::timeout_value(lp, when))
}

fn timeout_at(_: Option<&Value>, args: Vec<Value>, kwargs: Kw) -> PyResult {
    let kw = take_kwargs("timeout_at", kwargs, &["when"])?;
    check_positional("timeout_at", &["when"], 1, args.len(), &[kw[0].is_some()])?;
    let when = timeout_seconds(&args.into_iter().next().or_else(|| kw[0].clone()))?;
    let lp = running()?;
    Ok(super::groups::timeout_value(lp, when))
}

fn as_completed(_: Option<&Value>, args: Vec<Value>, kwargs: Kw) -> PyResult {
    let (args, kwargs) = python_function("as_completed", &["fs"], &["timeout"], args, kwargs)?;
    let kw = take_kwargs("as_completed", kwargs, &["timeout"])?;
    let fs = args
        .into_iter()
        .next()
        .ok_or_else(|| type_error("as_completed() missing 1 required positional argument: 'fs'"))?;
    if super::is_coroutine(&fs) || matches!(&fs, Value::Native(n) if n.await_future().is_some()) {
        return Err(type_error(format!(
            "expects an iterable of awaitables, not {}",
            crate::builtins::class_of(&fs).name
        )));
    }
    let timeout = timeout_seconds(&kw[0])?;
    let lp = super::running_for("as_completed")?;
    super::groups::as_completed_value(lp, collect(&fs)?, timeout)
}

fn to_thread(_: Option<&Value>, _: Vec<Value>, _: Kw) -> PyResult {
    Err(crate::vm::stop("asyncio.to_thread is not supported in the playground: threads are not simulated in this version"))
}

const FUNCTIONS: &[(&str, BuiltinFn)] = &[
    ("run", super::runner::run),
    ("sleep", sleep),
    ("create_task", create_task),
    ("ensure_future", ensure_future),
    ("gather", gather_),
    ("wait", wait),
    ("wait_for", wait_for),
    ("shield", shield_),
    ("current_task", current_task),
    ("all_tasks", all_tasks),
    ("get_running_loop", get_running_loop),
    ("get_event_loop", get_event_loop),
    ("iscoroutine", iscoroutine),
    ("isfuture", isfuture),
    ("timeout", timeout),
    ("timeout_at", timeout_at),
    ("as_completed", as_completed),
    ("to_thread", to_thread),
];

pub fn make() -> Value {
    let t = crate::objects::class::types();
    let mut extra: Vec<(&str, Value)> = classes(|c| {
        vec![
            ("Future", Value::Class(c.future.clone())),
            ("Task", Value::Class(c.task.clone())),
            ("Lock", Value::Class(c.lock.clone())),
            ("Event", Value::Class(c.event.clone())),
            ("Condition", Value::Class(c.condition.clone())),
            ("Semaphore", Value::Class(c.semaphore.clone())),
            ("BoundedSemaphore", Value::Class(c.bounded.clone())),
            ("Queue", Value::Class(c.queue.clone())),
            ("LifoQueue", Value::Class(c.lifo.clone())),
            ("PriorityQueue", Value::Class(c.priority.clone())),
            ("TaskGroup", Value::Class(c.taskgroup.clone())),
            ("Timeout", Value::Class(c.timeout.clone())),
        ]
    });
    for name in [
        "CancelledError",
        "InvalidStateError",
        "QueueEmpty",
        "QueueFull",
        "TimeoutError",
    ] {
        extra.push((name, Value::Class(t.exception(name))));
    }
    extra.push(("FIRST_COMPLETED", Value::str("FIRST_COMPLETED")));
    extra.push(("FIRST_EXCEPTION", Value::str("FIRST_EXCEPTION")));
    extra.push(("ALL_COMPLETED", Value::str("ALL_COMPLETED")));
    super::super::module("asyncio", FUNCTIONS, extra)
}

#[allow(dead_code)]
fn _await_fut(_: AwaitFut<Py>, _: &Loop) {}
