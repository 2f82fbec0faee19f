//! The `asyncio` module: thin bindings over the engine. A [`Loop`] is one `asyncio.run`; its
//! tasks, futures, locks and queues are the engine's, seen as Python objects (`futures.rs`,
//! `sync.rs`, `groups.rs`); the module's functions are in `api.rs`, `asyncio.run` in `runner.rs`.

mod api;
pub mod futures;
mod groups;
pub mod runner;
mod sync;
mod task_coros;

pub use futures::{FutureObj, LoopObj, TaskObj};

use crate::host::Py;
use crate::objects::class::{types, Class, Tag};
use crate::objects::native::NativeObj;
use crate::objects::Value;
use crate::vm::coroutine::TaskCoro;
use crate::vm::{interp, runtime_error, type_error, PyResult};
use asyncio_playground_engine::fast_hash::{FastMap, FastSet};
use asyncio_playground_engine::{Core, FutId, TaskId, TaskName};
use std::cell::RefCell;
use std::rc::{Rc, Weak};

/// One running (or finished) `asyncio.run`: the engine's loop, and the Python objects that
/// stand for its tasks and futures (one object per task or future, made when first needed).
pub struct Loop {
    pub core: Rc<RefCell<Core<Py>>>,
    pub tasks: RefCell<FastMap<TaskId, Weak<TaskObj>>>,
    pub futures: RefCell<FastMap<FutId, Weak<FutureObj>>>,
    /// Each task's coroutine object (`get_coro()`), by task id (`None` for the engine's own).
    pub coros: RefCell<task_coros::TaskCoros>,
    /// The tasks whose "exception was never retrieved" has been logged.
    pub logged: RefCell<FastSet<TaskId>>,
    /// Tasks a done-callback of theirs raised in: `Handle._run` keeps the exception in a local
    /// its traceback's frame holds, a cycle through the handle and the task it was given, freed
    /// by the cycle collector (at exit, not when the loop lets go of the task).
    pub cyclic: RefCell<FastSet<TaskId>>,
    /// The loop was closed (`asyncio.run` returned): a task still pending then never ends.
    pub closed: std::cell::Cell<bool>,
    /// The program's state is going (`vm::teardown`): its objects report nothing as they drop.
    pub torn_down: std::cell::Cell<bool>,
    /// The loop's Python object, while anything holds it (`get_running_loop()` is always the same).
    pub obj: RefCell<Weak<LoopObj>>,
}

thread_local! {
    /// The loop of the `asyncio.run` in progress.
    static CURRENT: RefCell<Option<Rc<Loop>>> = const { RefCell::new(None) };
    static CLASSES: Classes = Classes::new();
}

/// The running loop, if any.
pub fn current() -> Option<Rc<Loop>> {
    CURRENT.with(|c| c.borrow().clone())
}

pub fn set_current(lp: Option<Rc<Loop>>) {
    CURRENT.with(|c| *c.borrow_mut() = lp);
}

/// The running loop, or `RuntimeError: no running event loop`.
pub fn running() -> PyResult<Rc<Loop>> {
    current().ok_or_else(|| runtime_error("no running event loop"))
}

/// The running loop for `asyncio.{name}()`, which CPython calls `get_event_loop()` for: with
/// no loop running, that makes one of its own (a DeprecationWarning), which the playground
/// refuses.
pub fn running_for(name: &str) -> PyResult<Rc<Loop>> {
    current().ok_or_else(|| {
        crate::vm::refuse(format!(
            "asyncio.{name}() outside a running event loop (CPython would make a loop of its \
             own, deprecated since 3.10)"
        ))
    })
}

impl Loop {
    pub fn new(core: Rc<RefCell<Core<Py>>>) -> Rc<Loop> {
        Rc::new(Loop {
            core,
            tasks: RefCell::default(),
            futures: RefCell::default(),
            coros: RefCell::default(),
            logged: RefCell::default(),
            cyclic: RefCell::default(),
            closed: std::cell::Cell::new(false),
            torn_down: std::cell::Cell::new(false),
            obj: RefCell::new(Weak::new()),
        })
    }

    /// Runs `f` on the engine's loop (never while it is borrowed: a native call from Python code
    /// runs between the engine's own borrows).
    pub fn with<R>(&self, f: impl FnOnce(&mut Core<Py>) -> R) -> R {
        f(&mut self.core.borrow_mut())
    }

    /// The loop's Python object.
    pub fn loop_value(self: &Rc<Self>) -> Value {
        if let Some(obj) = self.obj.borrow().upgrade() {
            return Value::Native(obj);
        }
        let obj = Rc::new(LoopObj { lp: self.clone() });
        *self.obj.borrow_mut() = Rc::downgrade(&obj);
        Value::Native(obj)
    }

    /// The Python object of task `t`.
    pub fn task_value(self: &Rc<Self>, t: TaskId) -> Value {
        if let Some(obj) = self.tasks.borrow().get(&t).and_then(Weak::upgrade) {
            return Value::Native(obj);
        }
        let obj = Rc::new(TaskObj {
            lp: self.clone(),
            id: t,
        });
        self.tasks.borrow_mut().insert(t, Rc::downgrade(&obj));
        Value::Native(obj)
    }

    /// The Python object of future `f` (its task's, for a task's own future).
    pub fn future_value(self: &Rc<Self>, f: FutId) -> Value {
        if let Some(t) = self.with(|c| c.task_of(f)) {
            return self.task_value(t);
        }
        if let Some(obj) = self.futures.borrow().get(&f).and_then(Weak::upgrade) {
            return Value::Native(obj);
        }
        let obj = Rc::new(FutureObj {
            lp: self.clone(),
            id: f,
            gathering: false,
        });
        self.futures.borrow_mut().insert(f, Rc::downgrade(&obj));
        Value::Native(obj)
    }

    /// A `_GatheringFuture` object for a gather's outer future.
    pub fn gathering_value(self: &Rc<Self>, f: FutId) -> Value {
        let obj = Rc::new(FutureObj {
            lp: self.clone(),
            id: f,
            gathering: true,
        });
        self.futures.borrow_mut().insert(f, Rc::downgrade(&obj));
        Value::Native(obj)
    }

    /// `loop.create_task(coro, name=name)`.
    ///
    /// # Errors
    /// `TypeError: a coroutine was expected, got …`; the task limit stops the run.
    pub fn create_task(self: &Rc<Self>, coro: Value, name: Option<Rc<str>>) -> PyResult<TaskId> {
        self.spawn(coro, name, |c, coro, name, qualname| {
            Ok(c.create_task(coro, name, qualname))
        })
    }

    /// Makes a task of `coro` with `make` (the loop's `create_task`, or a TaskGroup's), named
    /// `name` or `Task-N`, and remembers its coroutine object.
    pub fn spawn(
        self: &Rc<Self>,
        coro: Value,
        name: Option<Rc<str>>,
        make: impl FnOnce(
            &mut Core<Py>,
            asyncio_playground_engine::Coro<Py>,
            asyncio_playground_engine::TaskName,
            Rc<str>,
        ) -> PyResult<TaskId>,
    ) -> PyResult<TaskId> {
        let (engine_coro, qualname): (TaskCoro, Rc<str>) = match &coro {
            Value::Coro(c) => (
                TaskCoro::Python {
                    coro: c.clone(),
                    thread: None,
                },
                c.names.qualname.clone(),
            ),
            Value::NativeCoro(n) => (TaskCoro::Native(n.start()?), Rc::from(n.qualname)),
            other => {
                return Err(type_error(format!(
                    "a coroutine was expected, got {}",
                    crate::objects::repr::repr(other)?
                )))
            }
        };
        if let Value::Coro(c) = &coro {
            // The task owns it now: not "never awaited".
            if c.state.get() == crate::vm::coroutine::CoroState::Created {
                c.state.set(crate::vm::coroutine::CoroState::Running);
            }
        }
        if self.with(|c| c.live_tasks()) > interp::TASK_LIMIT {
            return Err(crate::vm::stop(
                "more than 100,000 live tasks: the playground's limit",
            ));
        }
        let numbered = name.is_none();
        let name = name.map_or_else(interp::next_task_name, TaskName::Given);
        let line = interp::line();
        let made = {
            let mut core = self.core.borrow_mut();
            core.set_line(line);
            make(&mut core, Box::pin(engine_coro), name, qualname)
        };
        // CPython numbers a task when it makes one: a refused `create_task` (a finished
        // TaskGroup) made none.
        let t = made.inspect_err(|_| {
            if numbered {
                interp::give_back_task_name();
            }
        })?;
        self.set_coro(t, coro);
        Ok(t)
    }

    /// Remembers task `t`'s coroutine object.
    pub fn set_coro(&self, t: TaskId, coro: Value) {
        self.coros.borrow_mut().set(t, &coro);
    }

    /// `ensure_future(x)`: a task's or future's own future, or a new task for a coroutine.
    pub fn ensure_future(self: &Rc<Self>, v: &Value) -> PyResult<FutId> {
        match v {
            Value::Native(n) => {
                if let Some(t) = n.downcast::<TaskObj>() {
                    return Ok(self.with(|c| c.task_future(t.id)));
                }
                if let Some(f) = n.downcast::<FutureObj>() {
                    return Ok(f.id);
                }
                Err(type_error(
                    "An asyncio.Future, a coroutine or an awaitable is required",
                ))
            }
            Value::Coro(_) | Value::NativeCoro(_) => {
                let t = self.create_task(v.clone(), None)?;
                Ok(self.with(|c| c.task_future(t)))
            }
            _ => Err(type_error(
                "An asyncio.Future, a coroutine or an awaitable is required",
            )),
        }
    }

    /// The `is` identity of a value, for dropping repeated arguments.
    pub fn future_of(&self, v: &Value) -> Option<FutId> {
        match v {
            Value::Native(n) => n
                .downcast::<TaskObj>()
                .map(|t| self.with(|c| c.task_future(t.id)))
                .or_else(|| n.downcast::<FutureObj>().map(|f| f.id)),
            _ => None,
        }
    }
}

/// asyncio's classes.
pub struct Classes {
    pub future: Rc<Class>,
    pub task: Rc<Class>,
    pub gathering: Rc<Class>,
    pub lock: Rc<Class>,
    pub event: Rc<Class>,
    pub condition: Rc<Class>,
    pub semaphore: Rc<Class>,
    pub bounded: Rc<Class>,
    pub queue: Rc<Class>,
    pub lifo: Rc<Class>,
    pub priority: Rc<Class>,
    pub taskgroup: Rc<Class>,
    pub timeout: Rc<Class>,
    pub handle: Rc<Class>,
    pub timer_handle: Rc<Class>,
    pub event_loop: Rc<Class>,
    pub as_completed: Rc<Class>,
}

impl Classes {
    fn new() -> Classes {
        let object = types().object.clone();
        let c = |name: &str, module: &str, base: &Rc<Class>| {
            Class::new(name, module, vec![base.clone()], Tag::Asyncio)
        };
        let future = c("Future", "_asyncio", &object);
        let semaphore = c("Semaphore", "asyncio.locks", &object);
        let queue = c("Queue", "asyncio.queues", &object);
        let handle = c("Handle", "asyncio.events", &object);
        Classes {
            task: c("Task", "_asyncio", &future),
            gathering: c("_GatheringFuture", "asyncio.tasks", &future),
            lock: c("Lock", "asyncio.locks", &object),
            event: c("Event", "asyncio.locks", &object),
            condition: c("Condition", "asyncio.locks", &object),
            bounded: c("BoundedSemaphore", "asyncio.locks", &semaphore),
            lifo: c("LifoQueue", "asyncio.queues", &queue),
            priority: c("PriorityQueue", "asyncio.queues", &queue),
            taskgroup: c("TaskGroup", "asyncio.taskgroups", &object),
            timeout: c("Timeout", "asyncio.timeouts", &object),
            timer_handle: c("TimerHandle", "asyncio.events", &handle),
            event_loop: c("_UnixSelectorEventLoop", "asyncio.unix_events", &object),
            as_completed: c("_AsCompletedIterator", "asyncio.tasks", &object),
            future,
            semaphore,
            queue,
            handle,
        }
    }
}

/// Runs `f` with asyncio's classes.
pub fn classes<R>(f: impl FnOnce(&Classes) -> R) -> R {
    CLASSES.with(f)
}

/// Names of CPython's `asyncio` the playground does not have.
pub const REFUSED: &[&str] = &[
    "to_thread",
    "run_coroutine_threadsafe",
    "Barrier",
    "BrokenBarrierError",
    "Runner",
    "new_event_loop",
    "set_event_loop",
    "get_event_loop_policy",
    "set_event_loop_policy",
    "open_connection",
    "start_server",
    "create_subprocess_exec",
    "create_subprocess_shell",
    "StreamReader",
    "StreamWriter",
    "wrap_future",
    "eager_task_factory",
    "create_eager_task_factory",
    "QueueShutDown",
    "staggered",
    "subprocess",
    "iscoroutinefunction",
    "Handle",
    "TimerHandle",
    "AbstractEventLoop",
    "BaseEventLoop",
    "events",
    "futures",
    "tasks",
    "locks",
    "queues",
    "exceptions",
    "run_in_executor",
];

/// `bool(obj)` for asyncio's objects (all true).
pub fn native_truth(_n: &Rc<dyn NativeObj>) -> bool {
    true
}

/// `cls(*args)` for asyncio's classes.
pub fn construct(cls: &Rc<Class>, args: Vec<Value>, kwargs: Vec<(Rc<str>, Value)>) -> PyResult {
    sync::construct(cls, args, kwargs)
}

/// The `asyncio` module.
pub fn make() -> Value {
    api::make()
}

/// A coroutine object for a native future (`asyncio.sleep(1)` is a coroutine in CPython too).
/// What it raises comes up through it as through the `async def` of `Lib/asyncio` it stands
/// for: the traceback shows `...` there.
pub fn native_coro(
    qualname: &'static str,
    fut: impl std::future::Future<Output = PyResult> + 'static,
) -> Value {
    native_coro_frames(qualname, 0, fut)
}

/// As [`native_coro`], for one whose Python frames CPython's recursion limit counts (`frames`
/// deep at most, its own included).
pub fn native_coro_frames(
    qualname: &'static str,
    frames: u8,
    fut: impl std::future::Future<Output = PyResult> + 'static,
) -> Value {
    crate::vm::coroutine::NativeCoro::value(qualname, frames, MarkAsyncio(fut))
}

/// A native future whose exception gets asyncio's `...` traceback line. A struct rather than an
/// `async` block, which would hold the future twice (unstarted and awaited): 100,000 sleeping
/// tasks each hold one.
struct MarkAsyncio<F>(F);

impl<F: std::future::Future<Output = PyResult>> std::future::Future for MarkAsyncio<F> {
    type Output = PyResult;

    fn poll(
        self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<PyResult> {
        // SAFETY: the field is pinned structurally: it is never moved out of the pinned struct.
        let inner = unsafe { self.map_unchecked_mut(|s| &mut s.0) };
        let poll = inner.poll(cx);
        if let std::task::Poll::Ready(Err(e)) = &poll {
            e.mark_asyncio();
        }
        poll
    }
}

/// Whether the built-in `b` is one of asyncio's functions that CPython writes in Python
/// (`asyncio.run`, `create_task`, `gather`, …), or a method of such an object (`q.get_nowait`),
/// rather than in C (`_asyncio`'s `current_task`, `get_running_loop`, `get_event_loop`, and
/// Task and Future methods): an error it raises comes up through its frame, shown as `...`.
pub fn written_in_python(b: &crate::objects::Builtin) -> bool {
    match &b.bound {
        Some(Value::Native(n)) => n.methods_in_python(),
        Some(_) => false,
        None => b
            .qualname
            .strip_prefix("asyncio.")
            .and_then(function_module)
            .is_some_and(|module| module != "_asyncio"),
    }
}

/// The module CPython 3.13 defines asyncio's function `name` in (`asyncio.tasks`, …), or
/// `_asyncio`, its C accelerator, for the ones written in C.
pub fn function_module(name: &str) -> Option<&'static str> {
    Some(match name {
        "run" => "asyncio.runners",
        "timeout" | "timeout_at" => "asyncio.timeouts",
        "iscoroutine" => "asyncio.coroutines",
        "isfuture" => "asyncio.base_futures",
        "to_thread" => "asyncio.threads",
        "current_task" | "get_running_loop" | "get_event_loop" => "_asyncio",
        "gather" | "create_task" | "sleep" | "wait" | "wait_for" | "shield" | "ensure_future"
        | "as_completed" | "all_tasks" => "asyncio.tasks",
        _ => return None,
    })
}

/// Whether `v` is a coroutine object (`asyncio.iscoroutine`).
pub fn is_coroutine(v: &Value) -> bool {
    matches!(v, Value::Coro(_) | Value::NativeCoro(_))
}
