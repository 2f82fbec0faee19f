//! `TaskGroup`, `Timeout` and `as_completed`'s iterator as Python objects over the engine's.

use super::{classes, native_coro, running, Loop};
use crate::builtins::functions::take_kwargs;
use crate::host::Py;
use crate::objects::class::Class;
use crate::objects::native::NativeObj;
use crate::objects::{BuiltinFn, Value};
use crate::vm::frame::no_arguments;
use crate::vm::ops::as_float;
use crate::vm::{exc, interp, type_error, PyResult};
use asyncio_playground_engine::asyncio::as_completed::AsCompleted;
use asyncio_playground_engine::asyncio::taskgroup::TaskGroup;
use asyncio_playground_engine::asyncio::timeouts::Timeout;
use asyncio_playground_engine::fast_hash::FastSet;
use std::any::Any;
use std::rc::Rc;

type Kw = Vec<(Rc<str>, Value)>;

fn obj<T: 'static>(b: Option<&Value>) -> PyResult<&T> {
    match b {
        Some(Value::Native(n)) => n
            .downcast::<T>()
            .ok_or_else(|| type_error("wrong object for this method")),
        _ => Err(type_error("wrong object for this method")),
    }
}

/// The exception `__aexit__(et, exc, tb)` was given.
fn exit_exception(args: &[Value]) -> Option<crate::objects::Raised> {
    match args.get(1) {
        Some(Value::Exc(e)) => Some(e.clone()),
        _ => None,
    }
}

pub struct TaskGroupObj(pub TaskGroup<Py>);

pub fn taskgroup_value() -> Value {
    Value::Native(Rc::new(TaskGroupObj(TaskGroup::new())))
}

fn tg_create_task(b: Option<&Value>, args: Vec<Value>, kwargs: Kw) -> PyResult {
    let g = obj::<TaskGroupObj>(b)?.0.clone();
    let kw = take_kwargs("create_task", kwargs, &["name", "context"])?;
    let coro = args.into_iter().next().ok_or_else(|| {
        type_error("create_task() missing 1 required positional argument: 'coro'")
    })?;
    let name = match &kw[0] {
        None | Some(Value::None) => None,
        Some(v) => Some(Rc::from(crate::objects::repr::str(v)?)),
    };
    let lp = running()?;
    let t = lp.spawn(coro, name, |core, c, name, qualname| {
        g.create_task(core, c, name, qualname)
    })?;
    Ok(lp.task_value(t))
}

fn tg_aenter(b: Option<&Value>, _: Vec<Value>, _: Kw) -> PyResult {
    let me = b.cloned().unwrap_or(Value::None);
    let g = obj::<TaskGroupObj>(b)?.0.clone();
    Ok(native_coro("TaskGroup.__aenter__", async move {
        running()?.with(|c| g.aenter(c))?;
        Ok(me)
    }))
}

fn tg_aexit(b: Option<&Value>, args: Vec<Value>, _: Kw) -> PyResult {
    let g = obj::<TaskGroupObj>(b)?.0.clone();
    let e = exit_exception(&args);
    Ok(native_coro("TaskGroup.__aexit__", async move {
        g.aexit(e).await.map(|()| Value::None)
    }))
}

const TASKGROUP: &[(&str, BuiltinFn)] = &[
    ("create_task", tg_create_task),
    ("__aenter__", tg_aenter),
    ("__aexit__", tg_aexit),
];

impl NativeObj for TaskGroupObj {
    fn methods_in_python(&self) -> bool {
        true
    }
    fn class(&self) -> Rc<Class> {
        classes(|c| c.taskgroup.clone())
    }
    fn repr(&self) -> String {
        self.0.repr()
    }
    fn methods(&self) -> &'static [(&'static str, BuiltinFn)] {
        TASKGROUP
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

pub struct TimeoutObj(pub Timeout, pub Rc<Loop>);

pub fn timeout_value(lp: Rc<Loop>, when: Option<f64>) -> Value {
    Value::Native(Rc::new(TimeoutObj(Timeout::new(when), lp)))
}

fn to_when(v: Option<&Value>) -> PyResult<Option<f64>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(v) => as_float(v)
            .map(Some)
            .ok_or_else(|| type_error("when must be a number or None")),
    }
}

fn t_when(b: Option<&Value>, args: Vec<Value>, kwargs: Kw) -> PyResult {
    no_arguments("Timeout.when", &args, &kwargs)?;
    Ok(obj::<TimeoutObj>(b)?
        .0
        .when()
        .map_or(Value::None, Value::Float))
}

fn t_reschedule(b: Option<&Value>, args: Vec<Value>, _: Kw) -> PyResult {
    let t = obj::<TimeoutObj>(b)?;
    let when = to_when(args.first())?;
    t.1.with(|c| t.0.reschedule::<Py>(c, when))?;
    Ok(Value::None)
}

fn t_expired(b: Option<&Value>, args: Vec<Value>, kwargs: Kw) -> PyResult {
    no_arguments("Timeout.expired", &args, &kwargs)?;
    Ok(Value::Bool(obj::<TimeoutObj>(b)?.0.expired()))
}

fn t_aenter(b: Option<&Value>, _: Vec<Value>, _: Kw) -> PyResult {
    let me = b.cloned().unwrap_or(Value::None);
    let t = obj::<TimeoutObj>(b)?;
    let (cm, lp) = (t.0.clone(), t.1.clone());
    let line = interp::line();
    Ok(native_coro("Timeout.__aenter__", async move {
        lp.with(|c| cm.aenter::<Py>(c, line))?;
        Ok(me)
    }))
}

fn t_aexit(b: Option<&Value>, args: Vec<Value>, _: Kw) -> PyResult {
    let t = obj::<TimeoutObj>(b)?;
    let (cm, lp) = (t.0.clone(), t.1.clone());
    let e = exit_exception(&args);
    Ok(native_coro("Timeout.__aexit__", async move {
        lp.with(|c| cm.aexit::<Py>(c, e.as_ref()))?;
        Ok(Value::None)
    }))
}

const TIMEOUT: &[(&str, BuiltinFn)] = &[
    ("when", t_when),
    ("reschedule", t_reschedule),
    ("expired", t_expired),
    ("__aenter__", t_aenter),
    ("__aexit__", t_aexit),
];

impl NativeObj for TimeoutObj {
    fn methods_in_python(&self) -> bool {
        true
    }
    fn class(&self) -> Rc<Class> {
        classes(|c| c.timeout.clone())
    }
    fn repr(&self) -> String {
        self.0.repr(crate::numfmt::float_repr)
    }
    fn methods(&self) -> &'static [(&'static str, BuiltinFn)] {
        TIMEOUT
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

pub struct AsCompletedObj(pub AsCompleted<Py>, pub Rc<Loop>);

/// `as_completed(aws, timeout=...)`: the tasks for coroutines are made in argument order.
pub fn as_completed_value(lp: Rc<Loop>, items: Vec<Value>, timeout: Option<f64>) -> PyResult {
    let mut futs = Vec::new();
    // `set(fs)`: the same object once, by identity (what reaches the set is awaitable, an object
    // whose `id()` is its address); then the same future once. Sets, not scans: 100,000
    // futures made the scans quadratic.
    // The items stay alive (in `items`) while the set holds their addresses.
    let mut seen = FastSet::default();
    let mut seen_futs = FastSet::default();
    for it in &items {
        if !seen.insert(it.id()) {
            continue;
        }
        let f = lp.ensure_future(it)?;
        if seen_futs.insert(f) {
            futs.push((f, lp.future_value(f)));
        }
    }
    drop(items);
    let it = lp.with(|c| AsCompleted::new(c, futs, timeout));
    Ok(Value::Native(Rc::new(AsCompletedObj(it, lp))))
}

fn ac_iter(b: Option<&Value>, _: Vec<Value>, _: Kw) -> PyResult {
    Ok(b.cloned().unwrap_or(Value::None))
}

fn ac_next(b: Option<&Value>, _: Vec<Value>, _: Kw) -> PyResult {
    let o = obj::<AsCompletedObj>(b)?;
    if !o.0.take_next() {
        return Err(exc("StopIteration", ""));
    }
    let (it, lp) = (o.0.clone(), o.1.clone());
    Ok(native_coro(
        "_AsCompletedIterator._wait_for_one",
        async move {
            let (f, _object) = it.wait_for_one().await?;
            lp.with(|c| c.future_result(f))
        },
    ))
}

fn ac_anext(b: Option<&Value>, _: Vec<Value>, _: Kw) -> PyResult {
    let o = obj::<AsCompletedObj>(b)?;
    let more = o.0.take_next();
    let (it, lp) = (o.0.clone(), o.1.clone());
    Ok(native_coro("_AsCompletedIterator.__anext__", async move {
        if !more {
            return Err(crate::objects::ExcObj::builtin("StopAsyncIteration", None));
        }
        let (f, object) = it.wait_for_one().await?;
        Ok(object.unwrap_or_else(|| lp.future_value(f)))
    }))
}

const AS_COMPLETED: &[(&str, BuiltinFn)] = &[
    ("__iter__", ac_iter),
    ("__next__", ac_next),
    ("__aiter__", ac_iter),
    ("__anext__", ac_anext),
];

impl NativeObj for AsCompletedObj {
    fn methods_in_python(&self) -> bool {
        true
    }
    fn class(&self) -> Rc<Class> {
        classes(|c| c.as_completed.clone())
    }
    fn repr(&self) -> String {
        "<asyncio.tasks._AsCompletedIterator object at 0x7f0000000000>".into()
    }
    fn methods(&self) -> &'static [(&'static str, BuiltinFn)] {
        AS_COMPLETED
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}
