//! The modules a program may import: `asyncio`, `time` and `random`; any other is refused by
//! name, with a hint where one helps.

pub mod asyncio;
pub mod random;
pub mod time;

use crate::objects::{BuiltinFn, Module, Value};
use crate::vm::{interp, refuse, stop, PyResult};
use std::cell::RefCell;
use std::rc::Rc;

/// A module with these functions and other attributes.
pub fn module(
    name: &'static str,
    functions: &[(&'static str, BuiltinFn)],
    extra: Vec<(&str, Value)>,
) -> Value {
    let mut attrs: Vec<(Rc<str>, Value)> = functions
        .iter()
        .map(|(n, f)| {
            (
                Rc::from(*n),
                Value::builtin(n, &format!("{name}.{n}"), *f, None),
            )
        })
        .collect();
    attrs.extend(extra.into_iter().map(|(n, v)| (Rc::from(n), v)));
    attrs.push((Rc::from("__name__"), Value::str(name)));
    Value::Module(Rc::new(Module {
        name: Rc::from(name),
        attrs: RefCell::new(attrs),
    }))
}

/// Hints for modules learners reach for.
const HINTS: &[(&str, &str)] = &[
    ("aiohttp", "simulate I/O with asyncio.sleep(seconds)"),
    ("requests", "simulate I/O with asyncio.sleep(seconds)"),
    ("httpx", "simulate I/O with asyncio.sleep(seconds)"),
    ("urllib", "simulate I/O with asyncio.sleep(seconds)"),
    ("socket", "simulate I/O with asyncio.sleep(seconds)"),
    ("aiofiles", "simulate I/O with asyncio.sleep(seconds)"),
    ("threading", "threads are not simulated in this version"),
    ("concurrent", "threads are not simulated in this version"),
    (
        "multiprocessing",
        "processes are not simulated in this version",
    ),
    (
        "math",
        "use the built-in operators (** for powers, abs, round)",
    ),
    ("sys", "the playground has no sys module"),
    ("os", "the playground has no operating system to talk to"),
];

/// Why a module is refused: `the module 'aiohttp' is not supported in the playground: simulate
/// I/O with asyncio.sleep(seconds)`.
pub fn unknown_module(name: &str) -> String {
    let hint = HINTS
        .iter()
        .find(|(m, _)| *m == name)
        .map_or(String::new(), |(_, h)| format!(": {h}"));
    format!("the module '{name}' is not supported in the playground{hint}")
}

/// `import name`.
pub fn import(name: &str) -> PyResult {
    let top = name.split('.').next().unwrap_or(name);
    let key: &'static str = match top {
        "asyncio" => "asyncio",
        "time" => "time",
        "random" => "random",
        other => return Err(stop(unknown_module(other))),
    };
    if name != top {
        return Err(refuse(format!("importing {name}")));
    }
    if let Some(m) = interp::with(|i| i.modules.borrow().get(key).cloned()) {
        return Ok(m);
    }
    let m = match key {
        "asyncio" => asyncio::make(),
        "time" => time::make(),
        _ => random::make(),
    };
    interp::with(|i| i.modules.borrow_mut().insert(key, m.clone()));
    Ok(m)
}

/// `from module import name`.
pub fn import_from(module: &Value, name: &str) -> PyResult {
    let Value::Module(m) = module else {
        return Err(crate::vm::type_error("not a module"));
    };
    if name == "*" {
        return Err(refuse("from ... import *"));
    }
    if let Some(v) = m.get(name) {
        return Ok(v);
    }
    let refused = match &*m.name {
        "asyncio" => asyncio::REFUSED.contains(&name),
        "time" => time::REFUSED.contains(&name),
        _ => random::REFUSED.contains(&name),
    };
    if refused {
        return Err(refuse(format!("{}.{name}", m.name)));
    }
    // CPython names where the module is (the playground by its place in the standard library,
    // as it names asyncio's files elsewhere; `time` is built in) and suggests a name it has.
    let place = match &*m.name {
        "asyncio" => "asyncio/__init__.py",
        "random" => "random.py",
        _ => "unknown location",
    };
    let e = crate::vm::exc(
        "ImportError",
        format!("cannot import name '{name}' from '{}' ({place})", m.name),
    );
    // `name` and `name_from`, from which a printed traceback suggests one of the module's names.
    e.set_attr(Rc::from("name"), Value::Str(m.name.clone()));
    e.set_attr(Rc::from("name_from"), Value::str(name));
    Err(e)
}

/// `module.name` for a name the module lacks: a refusal if CPython has it.
pub fn missing_attribute(m: &Module, name: &str) -> Option<crate::objects::Raised> {
    let refused = match &*m.name {
        "asyncio" => asyncio::REFUSED.contains(&name),
        "time" => time::REFUSED.contains(&name),
        _ => random::REFUSED.contains(&name),
    };
    refused.then(|| refuse(format!("{}.{name}", m.name)))
}
