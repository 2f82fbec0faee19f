//! Calling the built-in classes: `int(x)`, `str(x)`, `list(it)`, `range(n)`, `type(x)`, the
//! exception classes, and asyncio's classes.

use super::functions::{no_kwargs, take_kwargs};
use super::{class_of, type_name};
use crate::objects::class::{types, Class, Tag};
use crate::objects::iter::collect;
use crate::objects::repr::str;
use crate::objects::{Dict, ExcObj, Instance, Range, Set, Value, WrapKind};
use crate::vm::ops::{as_int, truthy};
use crate::vm::{call, type_error, value_error, PyResult};
use std::cell::RefCell;
use std::rc::Rc;

type Kw = Vec<(Rc<str>, Value)>;

fn one_optional(name: &str, args: &[Value]) -> PyResult<Option<Value>> {
    match args.len() {
        0 => Ok(None),
        1 => Ok(Some(args[0].clone())),
        n => Err(type_error(format!(
            "{name} expected at most 1 argument, got {n}"
        ))),
    }
}

/// `cls(*args, **kwargs)` for a built-in class.
pub fn construct(cls: &Rc<Class>, args: Vec<Value>, kwargs: Kw) -> PyResult {
    let t = types();
    match cls.tag {
        Tag::Int => {
            let kw = take_kwargs("int", kwargs, &["base"])?;
            let base = match args.get(1).or(kw[0].as_ref()) {
                None => None,
                Some(b) => Some(as_int(b).ok_or_else(|| {
                    type_error(format!(
                        "'{}' object cannot be interpreted as an integer",
                        type_name(b)
                    ))
                })?),
            };
            match (args.first(), base) {
                (None, None) => Ok(Value::Int(0)),
                (None, Some(_)) => Err(type_error("int() missing string argument")),
                (Some(Value::Str(s)), b) => {
                    super::numbers::parse_int(s, b.unwrap_or(10)).map(Value::Int)
                }
                (Some(_), Some(_)) => Err(type_error(
                    "int() can't convert non-string with explicit base",
                )),
                (Some(v), None) => to_int(v),
            }
        }
        Tag::Float => {
            no_kwargs("float", &kwargs)?;
            match one_optional("float", &args)? {
                None => Ok(Value::Float(0.0)),
                Some(Value::Float(f)) => Ok(Value::Float(f)),
                Some(Value::Str(s)) => super::numbers::parse_float(&s).map(Value::Float),
                Some(v) => match crate::vm::ops::as_float(&v) {
                    Some(f) => Ok(Value::Float(f)),
                    None => Err(type_error(format!(
                        "float() argument must be a string or a real number, not '{}'",
                        type_name(&v)
                    ))),
                },
            }
        }
        Tag::Bool => {
            no_kwargs("bool", &kwargs)?;
            Ok(Value::Bool(match one_optional("bool", &args)? {
                None => false,
                Some(v) => truthy(&v)?,
            }))
        }
        Tag::Str => {
            let kw = take_kwargs("str", kwargs, &["object"])?;
            if args.len() > 3 {
                return Err(type_error(format!(
                    "str expected at most 3 arguments, got {}",
                    args.len()
                )));
            }
            if args.len() > 1 {
                return Err(crate::vm::refuse("str() with an encoding (bytes)"));
            }
            match args.first().or(kw[0].as_ref()) {
                None => Ok(Value::str("")),
                Some(v) => Ok(Value::string(str(v)?)),
            }
        }
        Tag::List => {
            no_kwargs("list", &kwargs)?;
            Ok(Value::list(match one_optional("list", &args)? {
                None => Vec::new(),
                Some(v) => collect(&v)?,
            }))
        }
        Tag::Tuple => {
            no_kwargs("tuple", &kwargs)?;
            match one_optional("tuple", &args)? {
                None => Ok(Value::tuple(Vec::new())),
                Some(v @ Value::Tuple(_)) => Ok(v),
                Some(v) => Ok(Value::tuple(collect(&v)?)),
            }
        }
        Tag::Set => {
            no_kwargs("set", &kwargs)?;
            let set = match one_optional("set", &args)? {
                None => Set::new(),
                Some(Value::Set(s)) => s.borrow().copy(),
                Some(v) => Set::from_values(collect(&v)?)?,
            };
            Ok(Value::Set(Rc::new(RefCell::new(set))))
        }
        Tag::Dict => {
            let mut d = Dict::default();
            if let Some(v) = one_optional("dict", &args)? {
                dict_update(&mut d, &v)?;
            }
            for (k, v) in kwargs {
                d.insert(Value::Str(k), v)?;
            }
            Ok(Value::Dict(Rc::new(RefCell::new(d))))
        }
        Tag::Range => {
            no_kwargs("range", &kwargs)?;
            let ints: Vec<i64> = args
                .iter()
                .map(|a| {
                    as_int(a).ok_or_else(|| {
                        type_error(format!(
                            "'{}' object cannot be interpreted as an integer",
                            type_name(a)
                        ))
                    })
                })
                .collect::<PyResult<_>>()?;
            let (start, stop, step) = match ints.as_slice() {
                [stop] => (0, *stop, 1),
                [start, stop] => (*start, *stop, 1),
                [start, stop, step] => (*start, *stop, *step),
                [] => return Err(type_error("range expected at least 1 argument, got 0")),
                _ => {
                    return Err(type_error(format!(
                        "range expected at most 3 arguments, got {}",
                        ints.len()
                    )))
                }
            };
            if step == 0 {
                return Err(value_error("range() arg 3 must not be zero"));
            }
            let range = Range { start, stop, step };
            if range.len_exact() > i64::MAX as i128 {
                return Err(crate::vm::refuse("a range of more than 2**63 - 1 items"));
            }
            Ok(Value::Range(Rc::new(range)))
        }
        Tag::Type => {
            no_kwargs("type", &kwargs)?;
            match args.len() {
                1 => Ok(Value::Class(class_of(&args[0]))),
                3 => Err(crate::vm::refuse(
                    "type() with three arguments (making a class)",
                )),
                _ => Err(type_error("type() takes 1 or 3 arguments")),
            }
        }
        Tag::Object => {
            if !args.is_empty() || !kwargs.is_empty() {
                return Err(type_error("object() takes no arguments"));
            }
            Ok(Value::Instance(Rc::new(Instance {
                class: t.object.clone(),
                attrs: RefCell::new(Vec::new()),
            })))
        }
        Tag::StaticMethod | Tag::ClassMethod => {
            let kind = if cls.tag == Tag::StaticMethod {
                WrapKind::Static
            } else {
                WrapKind::Class
            };
            if args.len() != 1 {
                return Err(type_error(format!(
                    "{} expected 1 argument, got {}",
                    cls.name,
                    args.len()
                )));
            }
            Ok(call::wrap(kind, args[0].clone()))
        }
        Tag::Super => match args.as_slice() {
            [Value::Class(c), obj] => Ok(Value::Super(Rc::new((c.clone(), obj.clone())))),
            [] => Err(crate::vm::runtime_error("super(): no arguments")),
            _ => Err(type_error("super() argument 1 must be a type")),
        },
        Tag::Slice => {
            let mut a = args.clone();
            a.resize(3, Value::None);
            let parts = if args.len() == 1 {
                [Value::None, args[0].clone(), Value::None]
            } else {
                [a[0].clone(), a[1].clone(), a[2].clone()]
            };
            Ok(Value::Slice(Rc::new(parts)))
        }
        Tag::Exception => {
            if cls.is_subclass(&t.exception("BaseExceptionGroup")) {
                return super::exceptions::new_group(cls.clone(), &args);
            }
            if !kwargs.is_empty() {
                return Err(type_error(format!(
                    "{}() takes no keyword arguments",
                    cls.name
                )));
            }
            if cls.is_subclass(&t.exception("PlaygroundStop")) {
                return Err(type_error("cannot create this"));
            }
            super::exceptions::check_supported(cls, &args)?;
            Ok(Value::Exc(ExcObj::new(cls.clone(), args)))
        }
        Tag::Asyncio => crate::modules::asyncio::construct(cls, args, kwargs),
        _ => Err(type_error(format!(
            "cannot create '{}' instances",
            cls.name
        ))),
    }
}

/// `dict.update(v)` / `dict(v)`: from a mapping, or an iterable of pairs.
pub fn dict_update(d: &mut Dict, v: &Value) -> PyResult<()> {
    if let Value::Dict(src) = v {
        let entries: Vec<(Value, Value)> = src
            .borrow()
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        for (k, v) in entries {
            d.insert(k, v)?;
        }
        return Ok(());
    }
    for (i, item) in collect(v)?.into_iter().enumerate() {
        let pair = collect(&item).map_err(|_| {
            type_error(format!(
                "cannot convert dictionary update sequence element #{i} to a sequence"
            ))
        })?;
        if pair.len() != 2 {
            return Err(value_error(format!(
                "dictionary update sequence element #{i} has length {}; 2 is required",
                pair.len()
            )));
        }
        d.insert(pair[0].clone(), pair[1].clone())?;
    }
    Ok(())
}

/// `int(v)` for a non-string.
pub fn to_int(v: &Value) -> PyResult {
    match v {
        Value::Int(i) => Ok(Value::Int(*i)),
        Value::Bool(b) => Ok(Value::Int(*b as i64)),
        Value::Float(f) => super::numbers::float_to_int(*f).map(Value::Int),
        other => Err(type_error(format!(
            "int() argument must be a string, a bytes-like object or a real number, not '{}'",
            type_name(other)
        ))),
    }
}

/// A built-in class's attribute that is not in its dict (`str.lower` as a function).
pub fn class_attr(cls: &Rc<Class>, name: &str) -> Option<Value> {
    super::methods::unbound(cls, name).or_else(|| super::exceptions::unbound(cls, name))
}
