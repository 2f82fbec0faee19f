//! `Lock`, `Event`, `Condition`, `Semaphore`, `BoundedSemaphore` and the queues as Python
//! objects over the engine's primitives (locks.py and queues.py are ported there).

use super::{classes, native_coro, running};
use crate::builtins::functions::take_kwargs;
use crate::builtins::type_name;
use crate::host::Py;
use crate::objects::class::Class;
use crate::objects::native::NativeObj;
use crate::objects::repr::repr;
use crate::objects::{BuiltinFn, Value};
use crate::vm::call::call;
use crate::vm::frame::no_arguments;
use crate::vm::ops::{as_int, truthy};
use crate::vm::{type_error, PyResult};
use asyncio_playground_engine::asyncio::locks::{Condition, Event, Lock};
use asyncio_playground_engine::asyncio::queues::{Order, Queue};
use asyncio_playground_engine::asyncio::semaphores::Semaphore;
use std::any::Any;
use std::rc::Rc;

type Kw = Vec<(Rc<str>, Value)>;

pub struct LockObj(pub Lock);
pub struct EventObj(pub Event);
pub struct ConditionObj(pub Condition);
pub struct SemaphoreObj(pub Semaphore, pub bool);
pub struct QueueObj(pub Queue<Py>);

fn obj<T: 'static>(b: Option<&Value>) -> PyResult<&T> {
    match b {
        Some(Value::Native(n)) => n
            .downcast::<T>()
            .ok_or_else(|| type_error("wrong object for this method")),
        _ => Err(type_error("wrong object for this method")),
    }
}

/// `Lock.acquire` (also the lock of a `Condition`).
fn lock_of(b: Option<&Value>) -> PyResult<Lock> {
    if let Ok(l) = obj::<LockObj>(b) {
        return Ok(l.0.clone());
    }
    Ok(obj::<ConditionObj>(b)?.0.lock().clone())
}

fn lock_acquire(b: Option<&Value>, args: Vec<Value>, kwargs: Kw) -> PyResult {
    no_arguments("Lock.acquire", &args, &kwargs)?;
    let lock = lock_of(b)?;
    Ok(native_coro("Lock.acquire", async move {
        lock.acquire::<Py>().await.map(Value::Bool)
    }))
}

fn lock_release(b: Option<&Value>, args: Vec<Value>, kwargs: Kw) -> PyResult {
    no_arguments("Lock.release", &args, &kwargs)?;
    let lock = lock_of(b)?;
    let lp = running()?;
    lp.with(|c| lock.release::<Py>(c))?;
    Ok(Value::None)
}

fn lock_locked(b: Option<&Value>, args: Vec<Value>, kwargs: Kw) -> PyResult {
    no_arguments("Lock.locked", &args, &kwargs)?;
    Ok(Value::Bool(lock_of(b)?.locked()))
}

fn lock_aenter(b: Option<&Value>, _: Vec<Value>, _: Kw) -> PyResult {
    let lock = lock_of(b)?;
    Ok(native_coro("Lock.__aenter__", async move {
        lock.acquire::<Py>().await.map(|_| Value::None)
    }))
}

fn lock_aexit(b: Option<&Value>, _: Vec<Value>, _: Kw) -> PyResult {
    let lock = lock_of(b)?;
    Ok(native_coro("Lock.__aexit__", async move {
        let lp = running()?;
        lp.with(|c| lock.release::<Py>(c))?;
        Ok(Value::None)
    }))
}

const LOCK: &[(&str, BuiltinFn)] = &[
    ("acquire", lock_acquire),
    ("release", lock_release),
    ("locked", lock_locked),
    ("__aenter__", lock_aenter),
    ("__aexit__", lock_aexit),
];

impl NativeObj for LockObj {
    fn methods_in_python(&self) -> bool {
        true
    }
    fn class(&self) -> Rc<Class> {
        classes(|c| c.lock.clone())
    }
    fn repr(&self) -> String {
        format!(
            "<asyncio.locks.Lock object at 0x7f0000000000 [{}]>",
            self.0.repr_extra()
        )
    }
    fn methods(&self) -> &'static [(&'static str, BuiltinFn)] {
        LOCK
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

fn event_set(b: Option<&Value>, args: Vec<Value>, kwargs: Kw) -> PyResult {
    no_arguments("Event.set", &args, &kwargs)?;
    let e = obj::<EventObj>(b)?.0.clone();
    match super::current() {
        Some(lp) => lp.with(|c| e.set::<Py>(c)),
        None => e.set_without_loop(),
    }
    Ok(Value::None)
}

fn event_clear(b: Option<&Value>, args: Vec<Value>, kwargs: Kw) -> PyResult {
    no_arguments("Event.clear", &args, &kwargs)?;
    obj::<EventObj>(b)?.0.clear();
    Ok(Value::None)
}

fn event_is_set(b: Option<&Value>, args: Vec<Value>, kwargs: Kw) -> PyResult {
    no_arguments("Event.is_set", &args, &kwargs)?;
    Ok(Value::Bool(obj::<EventObj>(b)?.0.is_set()))
}

fn event_wait(b: Option<&Value>, args: Vec<Value>, kwargs: Kw) -> PyResult {
    no_arguments("Event.wait", &args, &kwargs)?;
    let e = obj::<EventObj>(b)?.0.clone();
    Ok(native_coro("Event.wait", async move {
        e.wait::<Py>().await.map(Value::Bool)
    }))
}

const EVENT: &[(&str, BuiltinFn)] = &[
    ("set", event_set),
    ("clear", event_clear),
    ("is_set", event_is_set),
    ("wait", event_wait),
];

impl NativeObj for EventObj {
    fn methods_in_python(&self) -> bool {
        true
    }
    fn class(&self) -> Rc<Class> {
        classes(|c| c.event.clone())
    }
    fn repr(&self) -> String {
        format!(
            "<asyncio.locks.Event object at 0x7f0000000000 [{}]>",
            self.0.repr_extra()
        )
    }
    fn methods(&self) -> &'static [(&'static str, BuiltinFn)] {
        EVENT
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

fn cond_wait(b: Option<&Value>, args: Vec<Value>, kwargs: Kw) -> PyResult {
    no_arguments("Condition.wait", &args, &kwargs)?;
    let c = obj::<ConditionObj>(b)?.0.clone();
    Ok(native_coro("Condition.wait", async move {
        c.wait::<Py>().await.map(Value::Bool)
    }))
}

fn cond_wait_for(b: Option<&Value>, args: Vec<Value>, _: Kw) -> PyResult {
    let c = obj::<ConditionObj>(b)?.0.clone();
    let predicate = args.into_iter().next().ok_or_else(|| {
        type_error("wait_for() missing 1 required positional argument: 'predicate'")
    })?;
    Ok(native_coro("Condition.wait_for", async move {
        let mut result = call(&predicate, Vec::new(), Vec::new())?;
        while !truthy(&result)? {
            c.wait::<Py>().await?;
            result = call(&predicate, Vec::new(), Vec::new())?;
        }
        Ok(result)
    }))
}

fn cond_notify(b: Option<&Value>, args: Vec<Value>, kwargs: Kw) -> PyResult {
    let c = obj::<ConditionObj>(b)?.0.clone();
    let kw = take_kwargs("notify", kwargs, &["n"])?;
    let n = match args.first().or(kw[0].as_ref()) {
        Some(v) => as_int(v).ok_or_else(|| {
            type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                type_name(v)
            ))
        })?,
        None => 1,
    };
    let lp = running()?;
    lp.with(|core| c.notify::<Py>(core, n.max(0) as usize))?;
    Ok(Value::None)
}

fn cond_notify_all(b: Option<&Value>, args: Vec<Value>, kwargs: Kw) -> PyResult {
    no_arguments("Condition.notify_all", &args, &kwargs)?;
    let c = obj::<ConditionObj>(b)?.0.clone();
    let lp = running()?;
    lp.with(|core| c.notify_all::<Py>(core))?;
    Ok(Value::None)
}

const CONDITION: &[(&str, BuiltinFn)] = &[
    ("acquire", lock_acquire),
    ("release", lock_release),
    ("locked", lock_locked),
    ("__aenter__", lock_aenter),
    ("__aexit__", lock_aexit),
    ("wait", cond_wait),
    ("wait_for", cond_wait_for),
    ("notify", cond_notify),
    ("notify_all", cond_notify_all),
];

impl NativeObj for ConditionObj {
    fn methods_in_python(&self) -> bool {
        true
    }
    fn class(&self) -> Rc<Class> {
        classes(|c| c.condition.clone())
    }
    fn repr(&self) -> String {
        format!(
            "<asyncio.locks.Condition object at 0x7f0000000000 [{}]>",
            self.0.repr_extra()
        )
    }
    fn methods(&self) -> &'static [(&'static str, BuiltinFn)] {
        CONDITION
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

fn sem_of(b: Option<&Value>) -> PyResult<Semaphore> {
    Ok(obj::<SemaphoreObj>(b)?.0.clone())
}

fn sem_acquire(b: Option<&Value>, args: Vec<Value>, kwargs: Kw) -> PyResult {
    no_arguments("Semaphore.acquire", &args, &kwargs)?;
    let s = sem_of(b)?;
    Ok(native_coro("Semaphore.acquire", async move {
        s.acquire::<Py>().await.map(Value::Bool)
    }))
}

/// `BoundedSemaphore` defines its own `release`; `Semaphore`'s is the other's.
fn semaphore_release_name(b: Option<&Value>) -> &'static str {
    match obj::<SemaphoreObj>(b) {
        Ok(SemaphoreObj(_, true)) => "BoundedSemaphore.release",
        _ => "Semaphore.release",
    }
}

fn sem_release(b: Option<&Value>, args: Vec<Value>, kwargs: Kw) -> PyResult {
    no_arguments(semaphore_release_name(b), &args, &kwargs)?;
    let s = sem_of(b)?;
    match super::current() {
        Some(lp) => lp.with(|c| s.release::<Py>(c))?,
        None => s.release_without_loop::<Py>()?,
    }
    Ok(Value::None)
}

fn sem_locked(b: Option<&Value>, args: Vec<Value>, kwargs: Kw) -> PyResult {
    no_arguments("Semaphore.locked", &args, &kwargs)?;
    let s = sem_of(b)?;
    Ok(Value::Bool(match super::current() {
        Some(lp) => lp.with(|c| s.locked::<Py>(c)),
        None => s.value() == 0,
    }))
}

fn sem_aenter(b: Option<&Value>, _: Vec<Value>, _: Kw) -> PyResult {
    let s = sem_of(b)?;
    Ok(native_coro("Semaphore.__aenter__", async move {
        s.acquire::<Py>().await.map(|_| Value::None)
    }))
}

fn sem_aexit(b: Option<&Value>, _: Vec<Value>, _: Kw) -> PyResult {
    let s = sem_of(b)?;
    Ok(native_coro("Semaphore.__aexit__", async move {
        let lp = running()?;
        lp.with(|c| s.release::<Py>(c))?;
        Ok(Value::None)
    }))
}

const SEMAPHORE: &[(&str, BuiltinFn)] = &[
    ("acquire", sem_acquire),
    ("release", sem_release),
    ("locked", sem_locked),
    ("__aenter__", sem_aenter),
    ("__aexit__", sem_aexit),
];

impl NativeObj for SemaphoreObj {
    fn methods_in_python(&self) -> bool {
        true
    }
    fn class(&self) -> Rc<Class> {
        if self.1 {
            classes(|c| c.bounded.clone())
        } else {
            classes(|c| c.semaphore.clone())
        }
    }
    fn repr(&self) -> String {
        let name = if self.1 {
            "BoundedSemaphore"
        } else {
            "Semaphore"
        };
        let extra = match super::current() {
            Some(lp) => lp.with(|c| self.0.repr_extra::<Py>(c)),
            None => format!("unlocked, value:{}", self.0.value()),
        };
        format!("<asyncio.locks.{name} object at 0x7f0000000000 [{extra}]>")
    }
    fn methods(&self) -> &'static [(&'static str, BuiltinFn)] {
        SEMAPHORE
    }
    /// `_value`, the counter tutorials print (`sem._value`): what `acquire` takes and
    /// `release` gives back, as `locks.py` keeps it.
    fn getattr(&self, name: &str) -> Option<Value> {
        (name == "_value").then(|| Value::Int(self.0.value()))
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

fn queue_of(b: Option<&Value>) -> PyResult<Queue<Py>> {
    Ok(obj::<QueueObj>(b)?.0.clone())
}

fn q_put(b: Option<&Value>, args: Vec<Value>, _: Kw) -> PyResult {
    let q = queue_of(b)?;
    let item = args
        .into_iter()
        .next()
        .ok_or_else(|| type_error("Queue.put() missing 1 required positional argument: 'item'"))?;
    Ok(native_coro("Queue.put", async move {
        q.put(item).await.map(|()| Value::None)
    }))
}

fn q_get(b: Option<&Value>, args: Vec<Value>, kwargs: Kw) -> PyResult {
    no_arguments("Queue.get", &args, &kwargs)?;
    let q = queue_of(b)?;
    Ok(native_coro("Queue.get", async move { q.get().await }))
}

fn q_put_nowait(b: Option<&Value>, args: Vec<Value>, _: Kw) -> PyResult {
    let q = queue_of(b)?;
    let item = args.into_iter().next().ok_or_else(|| {
        type_error("Queue.put_nowait() missing 1 required positional argument: 'item'")
    })?;
    let lp = running()?;
    lp.with(|c| q.put_nowait(c, item))?;
    Ok(Value::None)
}

fn q_get_nowait(b: Option<&Value>, args: Vec<Value>, kwargs: Kw) -> PyResult {
    no_arguments("Queue.get_nowait", &args, &kwargs)?;
    let q = queue_of(b)?;
    let lp = running()?;
    lp.with(|c| q.get_nowait(c))
}

fn q_task_done(b: Option<&Value>, args: Vec<Value>, kwargs: Kw) -> PyResult {
    no_arguments("Queue.task_done", &args, &kwargs)?;
    let q = queue_of(b)?;
    let lp = running()?;
    lp.with(|c| q.task_done(c))?;
    Ok(Value::None)
}

fn q_join(b: Option<&Value>, args: Vec<Value>, kwargs: Kw) -> PyResult {
    no_arguments("Queue.join", &args, &kwargs)?;
    let q = queue_of(b)?;
    Ok(native_coro("Queue.join", async move {
        q.join().await.map(|()| Value::None)
    }))
}

fn q_qsize(b: Option<&Value>, args: Vec<Value>, kwargs: Kw) -> PyResult {
    no_arguments("Queue.qsize", &args, &kwargs)?;
    Ok(Value::Int(queue_of(b)?.qsize() as i64))
}

fn q_empty(b: Option<&Value>, args: Vec<Value>, kwargs: Kw) -> PyResult {
    no_arguments("Queue.empty", &args, &kwargs)?;
    Ok(Value::Bool(queue_of(b)?.empty()))
}

fn q_full(b: Option<&Value>, args: Vec<Value>, kwargs: Kw) -> PyResult {
    no_arguments("Queue.full", &args, &kwargs)?;
    Ok(Value::Bool(queue_of(b)?.full()))
}

const QUEUE: &[(&str, BuiltinFn)] = &[
    ("put", q_put),
    ("get", q_get),
    ("put_nowait", q_put_nowait),
    ("get_nowait", q_get_nowait),
    ("task_done", q_task_done),
    ("join", q_join),
    ("qsize", q_qsize),
    ("empty", q_empty),
    ("full", q_full),
];

impl NativeObj for QueueObj {
    fn methods_in_python(&self) -> bool {
        true
    }
    fn class(&self) -> Rc<Class> {
        match self.0.order() {
            Order::Fifo => classes(|c| c.queue.clone()),
            Order::Lifo => classes(|c| c.lifo.clone()),
            Order::Priority => classes(|c| c.priority.clone()),
        }
    }
    /// `Queue.__repr__`: `<{type(self).__name__} at {id(self):#x} {self._format()}>`.
    fn repr(&self) -> String {
        format!(
            "<{} at 0x7f0000000000 {}>",
            self.class().name,
            self.format()
        )
    }
    /// `Queue.__str__`: `<{type(self).__name__} {self._format()}>`.
    fn str(&self) -> Option<String> {
        Some(format!("<{} {}>", self.class().name, self.format()))
    }
    fn methods(&self) -> &'static [(&'static str, BuiltinFn)] {
        QUEUE
    }
    fn getattr(&self, name: &str) -> Option<Value> {
        (name == "maxsize").then(|| Value::Int(self.0.maxsize()))
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

impl QueueObj {
    /// `Queue._format()`.
    fn format(&self) -> String {
        let mut s = format!("maxsize={}", self.0.maxsize());
        let items = self.0.items();
        if !items.is_empty() {
            s += &format!(" _queue={}", repr(&Value::list(items)).unwrap_or_default());
        }
        let (g, p, t) = self.0.counts();
        if g > 0 {
            s += &format!(" _getters[{g}]");
        }
        if p > 0 {
            s += &format!(" _putters[{p}]");
        }
        if t > 0 {
            s += &format!(" tasks={t}");
        }
        s
    }
}

fn no_args(cls: &Class, args: &[Value], kwargs: Kw) -> PyResult<()> {
    init_args(&cls.name, args, kwargs, &[]).map(drop)
}

/// The arguments of an asyncio class's `__init__(self, a=..., b=...)` (every parameter has a
/// default), by parameter, with CPython's messages for the wrong ones. `owner` is the class
/// whose `__init__` it is (`LifoQueue(...)` runs `Queue.__init__`).
fn init_args(
    owner: &str,
    args: &[Value],
    kwargs: Kw,
    params: &[&str],
) -> PyResult<Vec<Option<Value>>> {
    let init = format!("{owner}.__init__");
    if args.len() > params.len() {
        // `self` counts among the positional arguments.
        return Err(crate::vm::frame::too_many(
            &init,
            1,
            params.len() + 1,
            args.len() + 1,
        ));
    }
    let mut out: Vec<Option<Value>> = params.iter().map(|_| None).collect();
    for (slot, v) in out.iter_mut().zip(args) {
        *slot = Some(v.clone());
    }
    for (k, v) in kwargs {
        let Some(i) = params.iter().position(|p| **p == *k) else {
            return Err(type_error(format!(
                "{init}() got an unexpected keyword argument '{k}'"
            )));
        };
        if out[i].is_some() {
            return Err(type_error(format!(
                "{init}() got multiple values for argument '{k}'"
            )));
        }
        out[i] = Some(v);
    }
    Ok(out)
}

/// `cls(*args)` for asyncio's classes.
pub fn construct(cls: &Rc<Class>, args: Vec<Value>, kwargs: Kw) -> PyResult {
    let (lock, event, cond, sem, bounded, queue, lifo, prio, tg, timeout, future, task) =
        classes(|c| {
            (
                c.lock.clone(),
                c.event.clone(),
                c.condition.clone(),
                c.semaphore.clone(),
                c.bounded.clone(),
                c.queue.clone(),
                c.lifo.clone(),
                c.priority.clone(),
                c.taskgroup.clone(),
                c.timeout.clone(),
                c.future.clone(),
                c.task.clone(),
            )
        });
    let same = |c: &Rc<Class>| Rc::ptr_eq(cls, c);
    let v: Rc<dyn NativeObj> = if same(&lock) {
        no_args(cls, &args, kwargs)?;
        Rc::new(LockObj(Lock::new()))
    } else if same(&event) {
        no_args(cls, &args, kwargs)?;
        Rc::new(EventObj(Event::new()))
    } else if same(&cond) {
        let kw = init_args("Condition", &args, kwargs, &["lock"])?;
        let l = match kw[0].as_ref() {
            None | Some(Value::None) => None,
            Some(Value::Native(n)) => match n.downcast::<LockObj>() {
                Some(l) => Some(l.0.clone()),
                None => return Err(other_lock()),
            },
            // CPython takes any object and calls its methods later; only a Lock is modelled.
            Some(_) => return Err(other_lock()),
        };
        Rc::new(ConditionObj(Condition::new(l)))
    } else if same(&sem) || same(&bounded) {
        let kw = init_args(&cls.name, &args, kwargs, &["value"])?;
        let value = match kw[0].as_ref() {
            Some(v) => as_int(v).ok_or_else(|| {
                type_error(format!(
                    "'<' not supported between instances of '{}' and 'int'",
                    type_name(v)
                ))
            })?,
            None => 1,
        };
        Rc::new(SemaphoreObj(
            Semaphore::new::<Py>(value, same(&bounded))?,
            same(&bounded),
        ))
    } else if same(&queue) || same(&lifo) || same(&prio) {
        // LifoQueue and PriorityQueue run Queue's `__init__`.
        let kw = init_args("Queue", &args, kwargs, &["maxsize"])?;
        let maxsize = match kw[0].as_ref() {
            Some(v) => as_int(v).ok_or_else(|| {
                type_error(format!(
                    "'>' not supported between instances of '{}' and 'int'",
                    type_name(v)
                ))
            })?,
            None => 0,
        };
        let order = if same(&queue) {
            Order::Fifo
        } else if same(&lifo) {
            Order::Lifo
        } else {
            Order::Priority
        };
        Rc::new(QueueObj(Queue::new(order, maxsize)))
    } else if same(&tg) {
        no_args(cls, &args, kwargs)?;
        return Ok(super::groups::taskgroup_value());
    } else if same(&timeout) {
        let when = match args.first() {
            None | Some(Value::None) => None,
            Some(v) => Some(
                crate::vm::ops::as_float(v)
                    .ok_or_else(|| type_error("when must be a number or None"))?,
            ),
        };
        return Ok(super::groups::timeout_value(running()?, when));
    } else if same(&future) {
        let lp = running()?;
        let f = lp.with(|c| c.create_future(asyncio_playground_engine::Awaiting::Future));
        return Ok(lp.future_value(f));
    } else if same(&task) {
        let kw = take_kwargs("Task", kwargs, &["name", "loop", "context", "eager_start"])?;
        let coro = args
            .into_iter()
            .next()
            .ok_or_else(|| type_error("Task() missing required argument 'coro'"))?;
        let lp = running()?;
        let name = match &kw[0] {
            None | Some(Value::None) => None,
            Some(v) => Some(Rc::from(crate::objects::repr::str(v)?)),
        };
        let t = lp.create_task(coro, name)?;
        return Ok(lp.task_value(t));
    } else {
        return Err(type_error(format!(
            "cannot create '{}' instances",
            cls.name
        )));
    };
    Ok(Value::Native(v))
}

/// `asyncio.Condition(lock)` with something other than an `asyncio.Lock`: CPython would use its
/// `acquire`, `release` and `locked` as they come; the playground refuses it.
fn other_lock() -> crate::objects::Raised {
    crate::vm::refuse("asyncio.Condition with a lock other than an asyncio.Lock")
}
