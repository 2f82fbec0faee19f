//! Attributes: `obj.name`, `obj.name = v`, `del obj.name`, by kind of object.

use super::{attribute_error, type_error, PyResult};
use crate::objects::class::{Class, Tag};
use crate::objects::{ExcObj, Value, WrapKind};
use std::rc::Rc;

/// A class attribute as seen through an instance (functions bind to it).
fn bind(v: Value, obj: &Value, cls: &Rc<Class>) -> Value {
    match v {
        Value::Func(_) => Value::Method(Rc::new((obj.clone(), v))),
        Value::Wrapped(w) => match w.0 {
            WrapKind::Static => w.1.clone(),
            WrapKind::Class => Value::Method(Rc::new((Value::Class(cls.clone()), w.1.clone()))),
        },
        other => other,
    }
}

/// `AttributeError: 'C' object has no attribute 'x'`, with `name` and `obj` set for suggestions.
pub fn no_attribute(obj: &Value, name: &str) -> crate::objects::Raised {
    let msg = match obj {
        Value::Class(c) => format!("type object '{}' has no attribute '{name}'", c.qualname),
        Value::Module(m) => format!("module '{}' has no attribute '{name}'", m.name),
        other => format!(
            "'{}' object has no attribute '{name}'",
            crate::builtins::type_name(other)
        ),
    };
    let e = attribute_error(msg);
    e.set_attr(Rc::from("name"), Value::str(name));
    e.set_attr(Rc::from("obj"), obj.clone());
    e
}

fn exc_attr(e: &Rc<ExcObj>, obj: &Value, name: &str) -> Option<Value> {
    Some(match name {
        "args" => Value::Tuple(e.args()),
        "__cause__" => e.cause.borrow().clone().map_or(Value::None, Value::Exc),
        "__context__" => e.context.borrow().clone().map_or(Value::None, Value::Exc),
        "__suppress_context__" => Value::Bool(e.suppress_context.get()),
        "__traceback__" => {
            if e.traceback.borrow().is_some() {
                Value::str("<traceback>")
            } else {
                Value::None
            }
        }
        "__class__" => Value::Class(e.class.clone()),
        // `SystemExit.code` and `StopIteration.value`, set from the arguments when made.
        "code" | "value"
            if e.get_attr(name).is_none()
                && e.is_a(if name == "code" {
                    "SystemExit"
                } else {
                    "StopIteration"
                }) =>
        {
            match &*e.args() {
                [] => Value::None,
                [one] => one.clone(),
                _ if name == "code" => Value::Tuple(e.args()),
                [first, ..] => first.clone(),
            }
        }
        "message" if e.group.is_some() => Value::Str(e.group.as_ref().expect("checked").0.clone()),
        "exceptions" if e.group.is_some() => Value::tuple(
            e.group
                .as_ref()
                .expect("checked")
                .1
                .iter()
                .map(|x| Value::Exc(x.clone()))
                .collect(),
        ),
        _ => {
            if let Some(v) = e.get_attr(name) {
                return Some(v);
            }
            if let Some(v) = e.class.lookup(name) {
                return Some(bind(v, obj, &e.class));
            }
            return crate::builtins::exceptions::method(e, obj, name);
        }
    })
}

/// `obj.name`.
pub fn getattr(obj: &Value, name: &Rc<str>) -> PyResult {
    let found = match obj {
        Value::Iter(it) if !it.borrow().is_view() => iterator_attr(obj, name),
        Value::Instance(inst) => match &**name {
            "__class__" => Some(Value::Class(inst.class.clone())),
            "__dict__" => {
                let mut d = crate::objects::Dict::default();
                for (k, v) in inst.attrs.borrow().iter() {
                    d.insert(Value::Str(k.clone()), v.clone())?;
                }
                Some(Value::Dict(Rc::new(std::cell::RefCell::new(d))))
            }
            _ => inst
                .get(name)
                .or_else(|| inst.class.lookup(name).map(|v| bind(v, obj, &inst.class))),
        },
        Value::Class(cls) => match &**name {
            "__name__" => Some(Value::Str(cls.name.clone())),
            "__qualname__" => Some(Value::Str(cls.qualname.clone())),
            "__module__" => Some(Value::Str(cls.module.clone())),
            "__mro__" => Some(Value::tuple(
                cls.mro
                    .borrow()
                    .iter()
                    .map(|c| Value::Class(c.clone()))
                    .collect(),
            )),
            "__bases__" => Some(Value::tuple(
                cls.bases.iter().map(|c| Value::Class(c.clone())).collect(),
            )),
            "__doc__" if cls.lookup("__doc__").is_none() => Some(Value::None),
            _ => cls
                .lookup(name)
                .map(|v| match v {
                    Value::Wrapped(w) => match w.0 {
                        WrapKind::Static => w.1.clone(),
                        WrapKind::Class => Value::Method(Rc::new((obj.clone(), w.1.clone()))),
                    },
                    other => other,
                })
                .or_else(|| crate::builtins::types::class_attr(cls, name)),
        },
        Value::Exc(e) => exc_attr(e, obj, name),
        Value::Super(s) => {
            let (cls, this) = (&s.0, &s.1);
            let start = match this {
                Value::Class(c) => c.clone(),
                Value::Instance(i) => i.class.clone(),
                Value::Exc(e) => e.class.clone(),
                _ => cls.clone(),
            };
            match start.lookup_after(cls, name) {
                Some(v) => Some(match this {
                    Value::Class(c) => match v {
                        Value::Wrapped(w) if w.0 == WrapKind::Class => {
                            Value::Method(Rc::new((Value::Class(c.clone()), w.1.clone())))
                        }
                        Value::Wrapped(w) => w.1.clone(),
                        other => other,
                    },
                    _ => bind(v, this, &start),
                }),
                None if &**name == "__init__" => {
                    // object.__init__ / BaseException.__init__.
                    Some(crate::builtins::exceptions::base_init(this))
                }
                None => crate::builtins::exceptions::base_text(this, name),
            }
        }
        Value::Module(m) => m.get(name),
        Value::Func(f) => match &**name {
            "__name__" => Some(Value::Str(f.name())),
            "__qualname__" => Some(Value::Str(f.qualname())),
            "__module__" => Some(Value::str("__main__")),
            "__doc__" => Some(f.code.doc.clone().map_or(Value::None, Value::Str)),
            _ => None,
        },
        Value::Method(m) => match &**name {
            "__self__" => Some(m.0.clone()),
            "__func__" => Some(m.1.clone()),
            _ => getattr(&m.1, name).ok(),
        },
        Value::Builtin(b) => match &**name {
            "__name__" => Some(Value::str(b.name)),
            // asyncio's functions written in Python are plain functions there (`sleep`).
            "__qualname__"
                if b.bound.is_none() && crate::modules::asyncio::written_in_python(b) =>
            {
                Some(Value::str(b.name))
            }
            "__qualname__" => Some(Value::Str(b.qualname.clone())),
            "__self__" => b.bound.clone(),
            _ => None,
        },
        Value::Coro(c) => match &**name {
            "__name__" => Some(Value::Str(c.names.name.clone())),
            "__qualname__" => Some(Value::Str(c.names.qualname.clone())),
            "close" => Some(Value::builtin(
                "close",
                "coroutine.close",
                crate::builtins::methods::coro_close,
                Some(obj.clone()),
            )),
            _ => None,
        },
        Value::NativeCoro(c) => match &**name {
            "__name__" => Some(Value::str(
                c.qualname.rsplit('.').next().unwrap_or(c.qualname),
            )),
            "__qualname__" => Some(Value::str(c.qualname)),
            "close" => Some(Value::builtin(
                "close",
                "coroutine.close",
                crate::builtins::methods::coro_close,
                Some(obj.clone()),
            )),
            _ => None,
        },
        Value::Native(n) => n
            .methods()
            .iter()
            .find(|(m, _)| **m == **name)
            .map(|&(m, f)| Value::builtin(m, name, f, Some(obj.clone())))
            .or_else(|| n.getattr(name)),
        _ => None,
    };
    match found {
        Some(v) => Ok(v),
        None if &**name == "__class__" => Ok(Value::Class(crate::builtins::class_of(obj))),
        None => crate::builtins::methods::bound(obj, name).ok_or_else(|| missing(obj, name)),
    }
}

/// An iterator's `__next__` and `__iter__` (`it.__next__()` is `next(it)`).
fn iterator_attr(obj: &Value, name: &str) -> Option<Value> {
    let (name, f): (&'static str, crate::objects::BuiltinFn) = match name {
        "__next__" => ("__next__", iterator_next),
        "__iter__" => ("__iter__", iterator_iter),
        _ => return None,
    };
    let qualname = match obj {
        Value::Iter(it) => format!("{}.{name}", it.borrow().type_name()),
        _ => name.to_string(),
    };
    Some(Value::builtin(name, &qualname, f, Some(obj.clone())))
}

fn iterator_next(b: Option<&Value>, args: Vec<Value>, _: Vec<(Rc<str>, Value)>) -> PyResult {
    let Some(it) = b else { return Ok(Value::None) };
    if !args.is_empty() {
        return Err(super::type_error(format!(
            "expected 0 arguments, got {}",
            args.len()
        )));
    }
    crate::objects::iter::next(it)?
        .ok_or_else(|| crate::objects::ExcObj::builtin("StopIteration", None))
}

fn iterator_iter(b: Option<&Value>, _: Vec<Value>, _: Vec<(Rc<str>, Value)>) -> PyResult {
    Ok(b.cloned().unwrap_or(Value::None))
}

/// An attribute the playground does not have: refused if CPython has it (the program would take
/// another path on an `AttributeError` CPython never raises), else CPython's `AttributeError`.
fn missing(obj: &Value, name: &str) -> crate::objects::Raised {
    use crate::cpython_attrs::{class_has, module_has};
    let mro_has = |cls: &Rc<Class>| cls.mro.borrow().iter().any(|c| class_has(&c.name, name));
    let (cpython_has, owner) = match obj {
        Value::Module(m) => (module_has(&m.name, name), m.name.to_string()),
        Value::Class(cls) => (
            mro_has(cls) || class_has("type", name),
            cls.name.to_string(),
        ),
        Value::Super(_) => (false, String::new()),
        // The private state of asyncio's objects written in Python (`lock._waiters`,
        // `q._queue`, `loop._ready`): CPython's instances have it, the playground's do not.
        Value::Native(n) if n.methods_in_python() && name.starts_with('_') => {
            (true, n.class().name.to_string())
        }
        // Iterators and dict views, by their own type's name (`list_iterator`, `dict_keys`).
        Value::Iter(it) => {
            let ty = it.borrow().type_name();
            (class_has(ty, name), ty.to_string())
        }
        other => {
            let cls = crate::builtins::class_of(other);
            (mro_has(&cls), cls.name.to_string())
        }
    };
    if cpython_has {
        super::refuse(format!("{owner}.{name}"))
    } else {
        no_attribute(obj, name)
    }
}

/// `obj.name = v`.
pub fn setattr(obj: &Value, name: &Rc<str>, v: Value) -> PyResult<()> {
    match obj {
        Value::Instance(inst) => {
            if &**name == "__class__" || &**name == "__dict__" {
                return Err(super::refuse(format!("assigning {name}")));
            }
            inst.set(name.clone(), v);
            Ok(())
        }
        Value::Class(cls) if cls.tag == Tag::User => {
            // A protocol dunder the class body may not define may not be added later either
            // (the playground's operators never look for them).
            if crate::refuse::is_refused_dunder(name)
                && !matches!(
                    &**name,
                    "__doc__" | "__module__" | "__qualname__" | "__name__"
                )
            {
                return Err(super::refuse(format!("assigning {name} to a class")));
            }
            cls.set_attr(name.clone(), v);
            Ok(())
        }
        Value::Class(cls) => Err(type_error(format!(
            "cannot set '{name}' attribute of immutable type '{}'",
            cls.name
        ))),
        Value::Exc(e) => {
            match &**name {
                "__cause__" => {
                    *e.cause.borrow_mut() = match v {
                        Value::Exc(x) => Some(x),
                        _ => None,
                    };
                    e.suppress_context.set(true);
                }
                "__context__" => {
                    *e.context.borrow_mut() = match v {
                        Value::Exc(x) => Some(x),
                        _ => None,
                    }
                }
                "__suppress_context__" => e.suppress_context.set(super::ops::truthy(&v)?),
                "args" => *e.args.borrow_mut() = Rc::from(super::ops::iterate(&v)?),
                "__traceback__" => {
                    if matches!(v, Value::None) {
                        *e.traceback.borrow_mut() = None;
                    }
                }
                _ => e.set_attr(name.clone(), v),
            }
            Ok(())
        }
        Value::Func(f) => match &**name {
            "__name__" => match v {
                Value::Str(s) => {
                    f.rename(Some(s), None);
                    Ok(())
                }
                _ => Err(type_error("__name__ must be set to a string object")),
            },
            "__qualname__" => match v {
                Value::Str(s) => {
                    f.rename(None, Some(s));
                    Ok(())
                }
                _ => Err(type_error("__qualname__ must be set to a string object")),
            },
            _ => Err(super::refuse("setting attributes on functions")),
        },
        // CPython's asyncio objects and modules take new attributes (`task.label = ...`); the
        // playground's keep none.
        Value::Native(_) => Err(super::refuse(format!(
            "setting attributes on asyncio's objects ('{}')",
            crate::builtins::type_name(obj)
        ))),
        Value::Module(m) => Err(super::refuse(format!(
            "setting attributes on the module '{}'",
            m.name
        ))),
        other => {
            let tn = crate::builtins::type_name(other);
            if getattr(other, name).is_ok() {
                Err(attribute_error(format!(
                    "'{tn}' object attribute '{name}' is read-only"
                )))
            } else {
                Err(attribute_error(format!(
                    "'{tn}' object has no attribute '{name}' and no __dict__ for setting new attributes"
                )))
            }
        }
    }
}

/// `del obj.name`.
pub fn delattr(obj: &Value, name: &Rc<str>) -> PyResult<()> {
    match obj {
        Value::Instance(inst) => {
            if inst.remove(name) {
                Ok(())
            } else {
                Err(no_attribute(obj, name))
            }
        }
        // Only the class's own attribute goes (one a base defines stays, and is an error).
        Value::Class(cls) if cls.tag == Tag::User => {
            let removed = {
                let mut d = cls.dict.borrow_mut();
                d.iter().position(|(k, _)| k == name).map(|i| d.remove(i))
            };
            match removed {
                Some(entry) => {
                    drop(entry);
                    Ok(())
                }
                None => Err(no_attribute(obj, name)),
            }
        }
        Value::Class(cls) => Err(type_error(format!(
            "cannot set '{name}' attribute of immutable type '{}'",
            cls.name
        ))),
        _ => Err(no_attribute(obj, name)),
    }
}
