//! The built-in namespace: functions (`functions.rs`), the constructors of the built-in types
//! (`types.rs`), their methods (`methods.rs`, `str_methods.rs`; `str_case.rs` and `str_class.rs`
//! follow CPython's Unicode tables), exceptions (`exceptions.rs`),
//! formatting (`format.rs`) and numbers (`numbers.rs`).

mod case_tables;
mod char_tables;
pub mod exceptions;
pub mod format;
pub mod functions;
pub mod methods;
pub mod numbers;
mod str_arity;
mod str_case;
pub(crate) mod str_class;
pub mod str_methods;
pub mod types;

use crate::objects::class::{types as builtin_types, Class};
use crate::objects::{Raised, Value};
use crate::vm::interp;
use std::rc::Rc;

/// `type(v).__name__`.
pub fn type_name(v: &Value) -> String {
    match v {
        Value::Instance(i) => i.class.name.to_string(),
        Value::Exc(e) => e.class.name.to_string(),
        Value::Iter(i) => i.borrow().type_name().to_string(),
        Value::Native(n) => n.class().tp_name(),
        other => class_of(other).name.to_string(),
    }
}

/// `type(v)`.
pub fn class_of(v: &Value) -> Rc<Class> {
    let t = builtin_types();
    match v {
        Value::None => t.none.clone(),
        Value::Bool(_) => t.bool_.clone(),
        Value::Int(_) => t.int.clone(),
        Value::Float(_) => t.float.clone(),
        Value::Str(_) => t.str_.clone(),
        Value::List(_) => t.list.clone(),
        Value::Tuple(_) => t.tuple.clone(),
        Value::Dict(_) => t.dict.clone(),
        Value::Set(_) => t.set.clone(),
        Value::Range(_) => t.range.clone(),
        Value::Slice(_) => t.slice.clone(),
        Value::Func(_) => t.function.clone(),
        // asyncio's functions and the methods of its classes written in Python (`sleep`,
        // `Queue.get`) are plain functions and bound methods there.
        Value::Builtin(b) if crate::modules::asyncio::written_in_python(b) => {
            if b.bound.is_some() {
                t.method.clone()
            } else {
                t.function.clone()
            }
        }
        Value::Builtin(_) => t.builtin_function.clone(),
        Value::Method(_) => t.method.clone(),
        Value::Wrapped(w) => match w.0 {
            crate::objects::WrapKind::Static => t.staticmethod.clone(),
            crate::objects::WrapKind::Class => t.classmethod.clone(),
        },
        Value::Class(_) => t.type_.clone(),
        Value::Instance(i) => i.class.clone(),
        Value::Exc(e) => e.class.clone(),
        Value::Coro(_) | Value::NativeCoro(_) => t.coroutine.clone(),
        Value::Gen(_) => t.generator.clone(),
        Value::Iter(i) => Class::new(
            i.borrow().type_name(),
            "builtins",
            vec![t.object.clone()],
            crate::objects::class::Tag::Iterator,
        ),
        Value::Module(_) => t.module.clone(),
        Value::Super(_) => t.super_.clone(),
        Value::Native(n) => n.class(),
        Value::Ellipsis => t.ellipsis.clone(),
        Value::Cell(_) | Value::Unbound => t.object.clone(),
    }
}

/// `NameError: name 'x' is not defined` (with `name` set, for the suggestions CPython prints).
pub fn name_error(name: &str) -> Raised {
    let e = crate::vm::exc("NameError", format!("name '{name}' is not defined"));
    e.set_attr(Rc::from("name"), Value::str(name));
    e
}

/// Names CPython has as built-ins that the playground refuses, and why.
pub const REFUSED: &[(&str, &str)] = &[
    (
        "input",
        "input() is not supported in the playground: a program here cannot read from its user",
    ),
    (
        "open",
        "open() is not supported in the playground: a program here has no files",
    ),
    ("eval", "eval() is not supported in the playground"),
    ("exec", "exec() is not supported in the playground"),
    ("compile", "compile() is not supported in the playground"),
    ("globals", "globals() is not supported in the playground"),
    ("locals", "locals() is not supported in the playground"),
    ("vars", "vars() is not supported in the playground"),
    ("dir", "dir() is not supported in the playground"),
    (
        "__import__",
        "__import__() is not supported in the playground",
    ),
    (
        "breakpoint",
        "breakpoint() is not supported in the playground",
    ),
    ("exit", "exit() is not supported in the playground"),
    ("quit", "quit() is not supported in the playground"),
    ("help", "help() is not supported in the playground"),
    (
        "memoryview",
        "memoryview is not supported in the playground",
    ),
    ("bytes", "bytes are not supported in the playground"),
    ("bytearray", "bytearray is not supported in the playground"),
    (
        "complex",
        "complex numbers are not supported in the playground",
    ),
    ("frozenset", "frozenset is not supported in the playground"),
    ("property", "property is not supported in the playground"),
    ("delattr", "delattr() is not supported in the playground"),
    ("callable", "callable() is not supported in the playground"),
    ("aiter", "aiter() is not supported in the playground"),
    ("anext", "anext() is not supported in the playground"),
    ("ascii", "ascii() is not supported in the playground"),
    ("bin", "bin() is not supported in the playground"),
    ("hex", "hex() is not supported in the playground"),
    ("oct", "oct() is not supported in the playground"),
];

/// Fills the built-in namespace.
pub fn install() {
    let t = builtin_types();
    let mut b: Vec<(&str, Value)> = vec![
        ("int", Value::Class(t.int.clone())),
        ("float", Value::Class(t.float.clone())),
        ("bool", Value::Class(t.bool_.clone())),
        ("str", Value::Class(t.str_.clone())),
        ("list", Value::Class(t.list.clone())),
        ("tuple", Value::Class(t.tuple.clone())),
        ("dict", Value::Class(t.dict.clone())),
        ("set", Value::Class(t.set.clone())),
        ("range", Value::Class(t.range.clone())),
        ("type", Value::Class(t.type_.clone())),
        ("object", Value::Class(t.object.clone())),
        ("staticmethod", Value::Class(t.staticmethod.clone())),
        ("classmethod", Value::Class(t.classmethod.clone())),
        ("super", Value::Class(t.super_.clone())),
        ("slice", Value::Class(t.slice.clone())),
        ("None", Value::None),
        ("Ellipsis", Value::Ellipsis),
    ];
    for c in &t.exceptions {
        if &*c.module == "builtins" {
            b.push((leak(&c.name), Value::Class(c.clone())));
        }
    }
    // CPython's old names for OSError.
    let os_error = Value::Class(t.exception("OSError"));
    b.push(("IOError", os_error.clone()));
    b.push(("EnvironmentError", os_error));
    for (name, f) in functions::FUNCTIONS {
        b.push((name, Value::builtin(name, name, *f, None)));
    }
    interp::with(|i| {
        let mut map = i.builtins.borrow_mut();
        for (k, v) in b {
            map.insert(Rc::from(k), v);
        }
    });
}

/// A class name as a `'static` str (the built-in exception names are few and fixed).
fn leak(s: &Rc<str>) -> &'static str {
    thread_local! {
        static NAMES: std::cell::RefCell<Vec<&'static str>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    NAMES.with(|n| {
        let mut n = n.borrow_mut();
        if let Some(x) = n.iter().find(|x| ***x == **s) {
            return *x;
        }
        let x: &'static str = Box::leak(s.to_string().into_boxed_str());
        n.push(x);
        x
    })
}
