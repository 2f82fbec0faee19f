//! Calling things: functions (a frame to push), built-ins, classes (instances), bound methods;
//! and what `await`, `async for` and `with` need of an object.

use super::coroutine::{Coroutine, Generator, NativeFuture};
use super::exec::{Exit, Thread};
use super::frame::{Frame, Ret, Special};
use super::{attr, refuse, runtime_error, type_error, PyResult};
use crate::compile::code::{Code, CodeKind};
use crate::objects::class::{types, Class, Tag};
use crate::objects::function::Globals;
use crate::objects::{ExcObj, Function, Instance, Value, WrapKind};
use std::cell::RefCell;
use std::rc::{Rc, Weak};

/// What a call turned into: a frame for the caller's thread to run, its result, or a future the
/// caller's thread must suspend on (`asyncio.run`).
pub enum Callee {
    Frame(Frame),
    Done(Value),
    Suspend(NativeFuture),
}

/// Prepares a call of `f`.
///
/// # Errors
/// `TypeError` for something not callable, or arguments that do not fit; what a built-in raises.
pub fn prepare(f: &Value, mut args: Vec<Value>, kwargs: Vec<(Rc<str>, Value)>) -> PyResult<Callee> {
    match f {
        Value::Func(func) => call_function(func, args, kwargs),
        Value::Method(m) => {
            args.insert(0, m.0.clone());
            prepare(&m.1, args, kwargs)
        }
        Value::Builtin(b) => {
            if !kwargs.is_empty() && crate::builtins::methods::rejects_keywords(&b.qualname) {
                return Err(type_error(format!(
                    "{}() takes no keyword arguments",
                    b.qualname
                )));
            }
            let v = if crate::modules::asyncio::written_in_python(b) {
                // Its frame in CPython holds the arguments while an exception it raised lives:
                // those whose going can be seen (a coroutine's warning, a task's log), that is
                // not numbers and strings (`asyncio.sleep(0)` keeps nothing).
                let held: Vec<Value> = args
                    .iter()
                    .chain(kwargs.iter().map(|(_, v)| v))
                    .filter(|v| {
                        !matches!(
                            v,
                            Value::None
                                | Value::Bool(_)
                                | Value::Int(_)
                                | Value::Float(_)
                                | Value::Str(_)
                        )
                    })
                    .cloned()
                    .collect();
                (b.f)(b.bound.as_ref(), args, kwargs)
                    .inspect_err(|e| e.raised_in_asyncio_holding(held))?
            } else {
                (b.f)(b.bound.as_ref(), args, kwargs)?
            };
            if let Some((run, lp)) = crate::modules::asyncio::runner::as_request(&v) {
                return Ok(Callee::Suspend(
                    crate::modules::asyncio::runner::suspend_on(run, lp),
                ));
            }
            Ok(Callee::Done(v))
        }
        Value::Class(cls) => instantiate(cls, args, kwargs),
        Value::Wrapped(w) => prepare(&w.1, args, kwargs),
        Value::Native(n) => Ok(Callee::Done(n.call(args, kwargs)?)),
        other => Err(type_error(format!(
            "'{}' object is not callable",
            crate::builtins::type_name(other)
        ))),
    }
}

/// Calls a Python function: a frame, or a coroutine / generator object for `async def` and
/// generator expressions.
pub fn call_function(
    func: &Rc<Function>,
    args: Vec<Value>,
    kwargs: Vec<(Rc<str>, Value)>,
) -> PyResult<Callee> {
    let frame = Frame::call(func, args, kwargs)?;
    match func.code.kind {
        CodeKind::AsyncFunction | CodeKind::AsyncComprehension => {
            let names = func.names.borrow().clone();
            Ok(Callee::Done(Value::Coro(Coroutine::new(frame, names))))
        }
        CodeKind::GenExpr => {
            let gen = Rc::new(Generator {
                qualname: func.qualname(),
                thread: RefCell::new(Some(Thread::new(frame))),
                running: std::cell::Cell::new(false),
            });
            crate::vm::teardown::track(&gen);
            Ok(Callee::Done(Value::Gen(gen)))
        }
        _ => Ok(Callee::Frame(frame)),
    }
}

/// Calls `f` now and returns its result (Python code runs on a thread of its own).
pub fn call(f: &Value, args: Vec<Value>, kwargs: Vec<(Rc<str>, Value)>) -> PyResult {
    match prepare(f, args, kwargs)? {
        Callee::Done(v) => Ok(v),
        Callee::Frame(frame) => run_frame(frame),
        Callee::Suspend(fut) => crate::modules::asyncio::runner::block_on(fut),
    }
}

/// Runs a frame to its end on a thread of its own.
pub fn run_frame(frame: Frame) -> PyResult {
    let mut t = Thread::new(frame);
    loop {
        match t.run_sync() {
            Exit::Return(v) => return Ok(v),
            Exit::Raise(e) => return Err(e),
            Exit::Yield(_) => return Err(runtime_error("a plain function tried to suspend")),
            Exit::Pending => {
                // Only `asyncio.run` suspends a plain function: run it to its end here.
                let Some(fut) = t.awaiting.take() else {
                    return Err(runtime_error("a plain function tried to suspend"));
                };
                let r = crate::modules::asyncio::runner::block_on(fut);
                t.resume_with(r);
            }
        }
    }
}

/// How CPython names a callable in its argument errors (`_PyObject_FunctionStr`: `print()`,
/// `__main__.f()`, `asyncio.tasks.gather()`, `random.Random.randint()`); `None` where the
/// playground does not know its module.
pub fn function_str(f: &Value) -> Option<String> {
    match f {
        Value::Func(func) => Some(format!("__main__.{}()", func.qualname())),
        Value::Method(m) => function_str(&m.1),
        Value::Class(c) if c.tag == crate::objects::class::Tag::User => {
            Some(format!("__main__.{}()", c.qualname))
        }
        Value::Class(c) => Some(format!("{}()", c.name)),
        Value::Builtin(b) => match b.qualname.split_once('.') {
            None => Some(format!("{}()", b.qualname)),
            Some(("asyncio", name)) => crate::modules::asyncio::function_module(name)
                .map(|module| format!("{module}.{name}()")),
            // The module's functions are the methods of its hidden `Random` (`random` is C's).
            Some(("random", "random")) => Some("Random.random()".into()),
            Some(("random", name)) => Some(format!("random.Random.{name}()")),
            Some(("time", name)) => Some(format!("time.{name}()")),
            Some(_) if b.bound.as_ref().is_some_and(has_builtin_methods) => {
                Some(format!("{}()", b.qualname))
            }
            Some(_) => None,
        },
        _ => None,
    }
}

/// The values whose methods are their built-in type's ([`crate::builtins::methods`]).
fn has_builtin_methods(obj: &Value) -> bool {
    matches!(
        obj,
        Value::Str(_)
            | Value::List(_)
            | Value::Dict(_)
            | Value::Set(_)
            | Value::Tuple(_)
            | Value::Int(_)
            | Value::Float(_)
            | Value::Bool(_)
    )
}

/// The lookup of `obj.name(...)`'s method, which CPython makes before it evaluates the
/// arguments: `Ok` when `obj.name` exists ([`method`] then calls it), else what `obj.name`
/// raises. Found without making a bound method when it can be helped.
///
/// # Errors
/// `AttributeError`, as [`attr::getattr`] raises it (or its refusal).
pub fn check_method(obj: &Value, name: &Rc<str>) -> PyResult<()> {
    let found = match obj {
        Value::Instance(inst) => inst.get(name).is_some() || inst.class.lookup(name).is_some(),
        v if has_builtin_methods(v) => crate::builtins::methods::has(obj, name),
        Value::Module(m) => m.get(name).is_some(),
        Value::Native(n) => n.method(name).is_some(),
        _ => false,
    };
    if found {
        return Ok(());
    }
    attr::getattr(obj, name).map(drop)
}

/// `obj.name(*args)`, without making a bound method when it can be helped.
pub fn method(obj: &Value, name: &Rc<str>, mut args: Vec<Value>) -> PyResult<Callee> {
    match obj {
        Value::Instance(inst) => {
            if let Some(v) = inst.get(name) {
                return prepare(&v, args, Vec::new());
            }
            match inst.class.lookup(name) {
                Some(Value::Func(f)) => {
                    args.insert(0, obj.clone());
                    call_function(&f, args, Vec::new())
                }
                Some(_) | None => prepare(&attr::getattr(obj, name)?, args, Vec::new()),
            }
        }
        v if has_builtin_methods(v) => match crate::builtins::methods::call(obj, name, args)? {
            Ok(v) => Ok(Callee::Done(v)),
            Err(args) => prepare(&attr::getattr(obj, name)?, args, Vec::new()),
        },
        Value::Native(n) => match n.call_method(name, args)? {
            Ok(v) => Ok(Callee::Done(v)),
            Err(args) => prepare(&attr::getattr(obj, name)?, args, Vec::new()),
        },
        _ => prepare(&attr::getattr(obj, name)?, args, Vec::new()),
    }
}

/// `cls(*args, **kwargs)`.
fn instantiate(
    cls: &Rc<Class>,
    args: Vec<Value>,
    kwargs: Vec<(Rc<str>, Value)>,
) -> PyResult<Callee> {
    if cls.tag != Tag::User {
        return Ok(Callee::Done(crate::builtins::types::construct(
            cls, args, kwargs,
        )?));
    }
    let base = cls.builtin_base();
    let obj = if base.tag == Tag::Exception {
        if base.is_subclass(&types().exception("BaseExceptionGroup")) {
            crate::builtins::exceptions::new_group(cls.clone(), &args)?
        } else {
            crate::builtins::exceptions::check_supported(&base, &args)?;
            Value::Exc(ExcObj::new(cls.clone(), args.clone()))
        }
    } else {
        let obj = Rc::new(Instance {
            class: cls.clone(),
            attrs: RefCell::new(Vec::new()),
        });
        crate::vm::teardown::track(&obj);
        Value::Instance(obj)
    };
    match cls.lookup("__init__") {
        Some(Value::Func(init)) if init.code.is_coroutine() => {
            // `async def __init__`: calling it makes a coroutine, which `type.__call__` rejects
            // (and drops: it was never awaited).
            let mut full = Vec::with_capacity(args.len() + 1);
            full.push(obj);
            full.extend(args);
            let made = call_function(&init, full, kwargs)?;
            drop(made);
            Err(type_error("__init__() should return None, not 'coroutine'"))
        }
        Some(Value::Func(init)) => {
            let mut full = Vec::with_capacity(args.len() + 1);
            full.push(obj.clone());
            full.extend(args);
            let mut frame = Frame::call(&init, full, kwargs)?;
            frame.ret = Ret::Special(Box::new(Special::Init(obj)));
            Ok(Callee::Frame(frame))
        }
        Some(other) => {
            call(&other, args, kwargs)?;
            Ok(Callee::Done(obj))
        }
        None => {
            if base.tag != Tag::Exception && (!args.is_empty() || !kwargs.is_empty()) {
                return Err(type_error(format!("{}() takes no arguments", cls.name)));
            }
            if base.tag == Tag::Exception && !kwargs.is_empty() {
                return Err(type_error(format!(
                    "{}() takes no keyword arguments",
                    cls.name
                )));
            }
            Ok(Callee::Done(obj))
        }
    }
}

/// Runs what a call turned into to its end.
pub fn finish(callee: Callee) -> PyResult {
    match callee {
        Callee::Done(v) => Ok(v),
        Callee::Frame(f) => run_frame(f),
        Callee::Suspend(fut) => crate::modules::asyncio::runner::block_on(fut),
    }
}

/// What `await x` runs.
pub enum Awaitable {
    /// A coroutine's frame, run on the awaiting thread.
    Frame(Frame),
    /// One of asyncio's futures.
    Native(NativeFuture),
}

pub fn awaitable(v: Value) -> PyResult<Awaitable> {
    match v {
        Value::Coro(c) => {
            let mut frame = c.start()?;
            frame.coro = Some(c);
            Ok(Awaitable::Frame(frame))
        }
        Value::NativeCoro(n) => Ok(Awaitable::Native(n.start()?)),
        Value::Native(n) => match n.await_future() {
            Some(f) => Ok(Awaitable::Native(f)),
            None => Err(not_awaitable(&Value::Native(n))),
        },
        Value::Instance(i) if i.class.lookup("__await__").is_some() => Err(refuse("__await__")),
        other => Err(not_awaitable(&other)),
    }
}

/// Whether `await v` would start (or be refused): what [`awaitable`] takes.
pub fn is_awaitable(v: &Value) -> bool {
    match v {
        Value::Coro(_) | Value::NativeCoro(_) => true,
        Value::Native(n) => n.await_future().is_some(),
        Value::Instance(i) => i.class.lookup("__await__").is_some(),
        _ => false,
    }
}

/// `await v` of a value that is not awaitable, as CPython words it (`_PyCoro_GetAwaitableIter`).
fn not_awaitable(v: &Value) -> crate::objects::Raised {
    type_error(format!(
        "object {} can't be used in 'await' expression",
        crate::builtins::type_name(v)
    ))
}

/// `type(obj).__aiter__(obj)`.
pub fn aiter(obj: &Value) -> PyResult {
    let has = match obj {
        Value::Instance(i) => i.class.lookup("__aiter__").is_some(),
        Value::Native(n) => n.has_attr("__aiter__"),
        _ => false,
    };
    if !has {
        return Err(type_error(format!(
            "'async for' requires an object with __aiter__ method, got {}",
            crate::builtins::type_name(obj)
        )));
    }
    finish(method(obj, &Rc::from("__aiter__"), Vec::new())?)
}

/// `type(it).__anext__(it)`: an awaitable.
pub fn anext(it: &Value) -> PyResult {
    let has = match it {
        Value::Instance(i) => i.class.lookup("__anext__").is_some(),
        Value::Native(n) => n.has_attr("__anext__"),
        _ => false,
    };
    if !has {
        return Err(type_error(format!(
            "'async for' received an object from __aiter__ that does not implement __anext__: {}",
            crate::builtins::type_name(it)
        )));
    }
    finish(method(it, &Rc::from("__anext__"), Vec::new())?)
}

/// `with ctx:` / `async with ctx:`: the bound `__exit__` / `__aexit__`, and what `__enter__`
/// returned (for `async with`, the awaitable `__aenter__` returned).
pub fn enter_context(ctx: &Value, is_async: bool) -> PyResult<(Value, Value)> {
    let (enter, exit) = if is_async {
        ("__aenter__", "__aexit__")
    } else {
        ("__enter__", "__exit__")
    };
    let has = |name: &str| match ctx {
        Value::Instance(i) => i.class.lookup(name).is_some(),
        Value::Native(n) => n.has_attr(name),
        _ => false,
    };
    if !has(enter) || !has(exit) {
        let what = if is_async {
            "the asynchronous context manager protocol"
        } else {
            "the context manager protocol"
        };
        let missing = if !has(enter) {
            ""
        } else {
            " (missed __exit__ method)"
        };
        let missing = if is_async && has(enter) {
            " (missed __aexit__ method)"
        } else {
            missing
        };
        return Err(type_error(format!(
            "'{}' object does not support {what}{missing}",
            crate::builtins::type_name(ctx)
        )));
    }
    let exit_fn = attr::getattr(ctx, &Rc::from(exit))?;
    let entered = finish(method(ctx, &Rc::from(enter), Vec::new())?)?;
    Ok((exit_fn, entered))
}

pub fn make_function(
    code: Rc<Code>,
    globals: Rc<Globals>,
    defaults: Option<Value>,
    kwdefaults: Option<Value>,
    closure: Option<Value>,
) -> Value {
    let defaults = match defaults {
        Some(Value::Tuple(t)) => t.to_vec(),
        _ => Vec::new(),
    };
    let kwdefaults = match kwdefaults {
        Some(Value::Dict(d)) => d
            .borrow()
            .iter()
            .filter_map(|(k, v)| match k {
                Value::Str(s) => Some((s.clone(), v.clone())),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    };
    let closure = match closure {
        Some(Value::Tuple(t)) => t
            .iter()
            .map(|c| match c {
                Value::Cell(c) => c.clone(),
                other => Rc::new(RefCell::new(other.clone())),
            })
            .collect(),
        _ => Vec::new(),
    };
    let names = code.def_names.clone();
    Value::Func(Rc::new(Function {
        code,
        globals,
        defaults,
        kwdefaults,
        closure,
        names: RefCell::new(names),
        owner: RefCell::new(Weak::new()),
    }))
}

/// The dunders a program's class may define (the rest are outside the subset).
const ALLOWED_DUNDERS: &[&str] = &[
    "__init__",
    "__repr__",
    "__str__",
    "__enter__",
    "__exit__",
    "__aenter__",
    "__aexit__",
    "__aiter__",
    "__anext__",
    "__doc__",
    "__module__",
    "__qualname__",
];

/// `class name(bases): body`.
pub fn build_class(body: &Value, name: Rc<str>, bases: Vec<Value>) -> PyResult {
    let Value::Func(body) = body else {
        return Err(type_error("class body is not a function"));
    };
    if bases.len() > 1 {
        return Err(refuse("multiple inheritance"));
    }
    let base = match bases.into_iter().next() {
        None => types().object.clone(),
        Some(Value::Class(c)) => {
            if !matches!(c.tag, Tag::User | Tag::Object | Tag::Exception) {
                return Err(refuse(format!(
                    "subclassing the built-in type '{}'",
                    c.name
                )));
            }
            if c.is_subclass(&types().exception("PlaygroundStop")) {
                return Err(type_error("cannot subclass this"));
            }
            c
        }
        Some(other) => {
            return Err(type_error(format!(
                "bases must be types, not {}",
                crate::builtins::type_name(&other)
            )))
        }
    };
    let ns = Rc::new(RefCell::new(Vec::new()));
    let mut frame = Frame::call(body, Vec::new(), Vec::new())?;
    frame.ret = Ret::Special(Box::new(Special::Class(ns.clone())));
    run_frame(frame)?;
    let entries = std::mem::take(&mut *ns.borrow_mut());
    for (k, _) in &entries {
        if k.starts_with("__") && k.ends_with("__") && !ALLOWED_DUNDERS.contains(&&**k) {
            return Err(refuse(format!("defining {k} in a class")));
        }
    }
    let cls = Rc::new(Class {
        name: name.clone(),
        qualname: body.code.def_names.qualname.clone(),
        module: Rc::from("__main__"),
        bases: vec![base.clone()],
        mro: RefCell::new(Vec::new()),
        dict: RefCell::new(Vec::new()),
        tag: Tag::User,
    });
    crate::vm::teardown::track(&cls);
    cls.compute_mro();
    // `type.__new__` puts `__doc__` in every class's namespace (None without a docstring).
    let doc = body.code.doc.clone().map_or(Value::None, Value::Str);
    cls.set_attr(Rc::from("__doc__"), doc);
    for (k, v) in entries {
        if let Value::Func(f) = &v {
            *f.owner.borrow_mut() = Rc::downgrade(&cls);
        }
        if let Value::Wrapped(w) = &v {
            if let Value::Func(f) = &w.1 {
                *f.owner.borrow_mut() = Rc::downgrade(&cls);
            }
        }
        cls.set_attr(k, v);
    }
    Ok(Value::Class(cls))
}

/// `super()` in a method: the method's class and its first argument.
pub fn zero_arg_super(frame: &Frame) -> PyResult {
    let cls = frame.func.as_ref().and_then(|f| f.owner.borrow().upgrade());
    let first = frame.slots().first().map(|v| match v {
        Value::Cell(c) => c.borrow().clone(),
        other => other.clone(),
    });
    match (cls, first) {
        (Some(cls), Some(obj)) if !matches!(obj, Value::Unbound) => {
            Ok(Value::Super(Rc::new((cls, obj))))
        }
        _ => Err(runtime_error("super(): no arguments")),
    }
}

/// `staticmethod(f)` / `classmethod(f)`.
pub fn wrap(kind: WrapKind, f: Value) -> Value {
    Value::Wrapped(Rc::new((kind, f)))
}
