//! `repr()` and `str()` of every object, as CPython 3.13 writes them.

use super::class::Tag;
use super::{ExcObj, Value};
use crate::builtins::numbers::float_repr;
use crate::vm::{call, type_error, PyResult};
use std::cell::Cell;
use std::rc::Rc;

thread_local! {
    /// How deep `repr` is nested (a list that contains itself prints `[...]`).
    static DEPTH: Cell<u32> = const { Cell::new(0) };
}

pub use crate::numfmt::str_repr;

/// A fake but stable address for default reprs (`<… object at 0x7f…>`).
pub fn addr(v: &Value) -> String {
    format!(
        "0x{:x}",
        0x7f00_0000_0000u64 | (v.id() as u64 & 0xffff_ffff_fff0)
    )
}

/// `object.__repr__`: `<__main__.Job object at 0x7f…>`.
pub fn object_repr(v: &Value) -> String {
    let cls = crate::builtins::class_of(v);
    format!("<{}.{} object at {}>", cls.module, cls.qualname, addr(v))
}

/// `repr(v)`.
pub fn repr(v: &Value) -> PyResult<String> {
    let depth = DEPTH.with(|d| d.get());
    if depth > 200 {
        return Err(crate::vm::exc(
            "RecursionError",
            "maximum recursion depth exceeded while getting the repr of an object",
        ));
    }
    DEPTH.with(|d| d.set(depth + 1));
    let r = repr_inner(v);
    DEPTH.with(|d| d.set(depth));
    r
}

fn join(items: &[Value]) -> PyResult<String> {
    let parts: PyResult<Vec<String>> = items.iter().map(repr).collect();
    Ok(parts?.join(", "))
}

fn repr_inner(v: &Value) -> PyResult<String> {
    Ok(match v {
        Value::None => "None".into(),
        Value::Bool(b) => if *b { "True" } else { "False" }.into(),
        Value::Int(i) => i.to_string(),
        Value::Float(f) => float_repr(*f),
        Value::Str(s) => str_repr(s),
        Value::List(l) => {
            if l.try_borrow_mut().is_err() {
                return Ok("[...]".into());
            }
            let items = l.borrow().clone();
            let _guard = l.borrow();
            format!("[{}]", join(&items)?)
        }
        Value::Tuple(t) if t.len() == 1 => format!("({},)", repr(&t[0])?),
        Value::Tuple(t) => format!("({})", join(t)?),
        Value::Dict(d) => {
            if d.try_borrow_mut().is_err() {
                return Ok("{...}".into());
            }
            let entries: Vec<(Value, Value)> = d
                .borrow()
                .iter()
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect();
            let _guard = d.borrow();
            let parts: PyResult<Vec<String>> = entries
                .iter()
                .map(|(k, v)| Ok(format!("{}: {}", repr(k)?, repr(v)?)))
                .collect();
            format!("{{{}}}", parts?.join(", "))
        }
        Value::Set(s) => {
            let items = s.borrow().values();
            if items.is_empty() {
                "set()".into()
            } else {
                format!("{{{}}}", join(&items)?)
            }
        }
        Value::Range(r) if r.step == 1 => format!("range({}, {})", r.start, r.stop),
        Value::Range(r) => format!("range({}, {}, {})", r.start, r.stop, r.step),
        Value::Slice(s) => format!(
            "slice({}, {}, {})",
            repr(&s[0])?,
            repr(&s[1])?,
            repr(&s[2])?
        ),
        Value::Func(f) => format!("<function {} at {}>", f.qualname(), addr(v)),
        Value::Method(m) => {
            let name = match &m.1 {
                Value::Func(f) => f.qualname().to_string(),
                other => repr(other)?,
            };
            format!("<bound method {name} of {}>", repr(&m.0)?)
        }
        Value::Builtin(b) => match &b.bound {
            None if crate::modules::asyncio::written_in_python(b) => {
                format!("<function {} at {}>", b.name, addr(v))
            }
            None => format!("<built-in function {}>", b.name),
            Some(obj) => format!(
                "<built-in method {} of {} object at {}>",
                b.name,
                crate::builtins::type_name(obj),
                addr(obj)
            ),
        },
        Value::Wrapped(w) => {
            let kind = if w.0 == super::WrapKind::Static {
                "staticmethod"
            } else {
                "classmethod"
            };
            format!("<{kind}({})>", repr(&w.1)?)
        }
        Value::Class(c) => {
            if &*c.module == "builtins" {
                format!("<class '{}'>", c.qualname)
            } else {
                format!("<class '{}.{}'>", c.module, c.qualname)
            }
        }
        Value::Instance(inst) => match inst.class.lookup("__repr__") {
            Some(f) => user_text(&f, v, "__repr__")?,
            None => object_repr(v),
        },
        Value::Exc(e) => match e.class.lookup("__repr__") {
            Some(f) if e.class.tag == Tag::User => user_text(&f, v, "__repr__")?,
            _ => exc_repr(e)?,
        },
        Value::Coro(c) => format!("<coroutine object {} at {}>", c.names.qualname, addr(v)),
        Value::NativeCoro(c) => format!("<coroutine object {} at {}>", c.qualname, addr(v)),
        Value::Gen(g) => format!("<generator object {} at {}>", g.qualname, addr(v)),
        Value::Iter(i) => {
            let view = match &*i.borrow() {
                super::iter::Iter::View { dict, kind } => Some((dict.clone(), *kind)),
                _ => None,
            };
            match view {
                Some((dict, kind)) => {
                    let items: Vec<Value> = match kind {
                        super::iter::ViewKind::Keys => dict.borrow().keys(),
                        super::iter::ViewKind::Values => dict.borrow().values(),
                        super::iter::ViewKind::Items => dict
                            .borrow()
                            .iter()
                            .map(|(k, v)| Value::tuple(vec![k.clone(), v.clone()]))
                            .collect(),
                    };
                    format!("{}([{}])", i.borrow().type_name(), join(&items)?)
                }
                None => format!("<{} object at {}>", i.borrow().type_name(), addr(v)),
            }
        }
        Value::Module(m) => format!("<module '{}'>", m.name),
        Value::Super(s) => format!(
            "<super: <class '{}'>, <{} object>>",
            s.0.name,
            crate::builtins::type_name(&s.1)
        ),
        Value::Native(n) => n.repr(),
        Value::Ellipsis => "Ellipsis".into(),
        Value::Cell(_) => "<cell>".into(),
        Value::Unbound => "<unbound>".into(),
    })
}

/// Calls a program's `__repr__` / `__str__`, which must return a str.
///
/// The nesting of containers counts afresh inside it: Python code recursing through reprs
/// meets the recursion limit as in CPython (`maximum recursion depth exceeded`), and the native
/// stack under it is checked where each call begins.
fn user_text(f: &Value, obj: &Value, which: &str) -> PyResult<String> {
    let outer = DEPTH.with(|d| d.replace(0));
    let r = call::call(f, vec![obj.clone()], Vec::new());
    DEPTH.with(|d| d.set(outer));
    let r = r?;
    match r {
        Value::Str(s) => Ok(s.to_string()),
        other => Err(type_error(format!(
            "{which} returned non-string (type {})",
            crate::builtins::type_name(&other)
        ))),
    }
}

/// `BaseException.__repr__`: `ValueError('bad')`, `KeyError(1, 2)`.
pub fn exc_repr(e: &ExcObj) -> PyResult<String> {
    let args = e.args();
    let inner = if args.len() == 1 {
        repr(&args[0])?
    } else {
        join(&args)?
    };
    Ok(format!("{}({inner})", e.class.name))
}

/// `str(e)` of an exception (a program's `__str__`, or what its class makes of `args`).
pub fn exc_str(e: &Rc<ExcObj>) -> PyResult<String> {
    if e.class.tag == Tag::User {
        if let Some(f) = e.class.lookup("__str__") {
            return user_text(&f, &Value::Exc(e.clone()), "__str__");
        }
    }
    base_exc_str(e, e.is_a("KeyError"))
}

/// The built-in `__str__` of `e`'s class: `BaseException.__str__`, `BaseExceptionGroup.__str__`,
/// or with `key_error`, `KeyError.__str__` (the repr of a lone argument).
pub fn base_exc_str(e: &ExcObj, key_error: bool) -> PyResult<String> {
    if let Some((msg, members)) = &e.group {
        let n = members.len();
        return Ok(format!(
            "{msg} ({n} sub-exception{})",
            if n == 1 { "" } else { "s" }
        ));
    }
    let args = e.args();
    Ok(match args.len() {
        0 => String::new(),
        1 if key_error => repr(&args[0])?,
        1 => str(&args[0])?,
        _ => repr(&Value::Tuple(args))?,
    })
}

/// `str(v)`.
pub fn str(v: &Value) -> PyResult<String> {
    match v {
        Value::Str(s) => Ok(s.to_string()),
        Value::Exc(e) => exc_str(e),
        // `object.__str__` calls the `__repr__` slot and `str()` checks what it gave.
        Value::Instance(inst) => match inst.class.lookup("__str__") {
            Some(f) => user_text(&f, v, "__str__"),
            None => match inst.class.lookup("__repr__") {
                Some(f) => user_text(&f, v, "__str__"),
                None => repr(v),
            },
        },
        Value::Native(n) => match n.str() {
            Some(s) => Ok(s),
            None => repr(v),
        },
        other => repr(other),
    }
}
