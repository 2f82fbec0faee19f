//! What annotations evaluate to: generic aliases (`list[int]`, `asyncio.Queue[str]`) and type
//! unions (`int | None`), CPython's `types.GenericAlias` (`Objects/genericaliasobject.c`) and
//! `types.UnionType` (`Objects/unionobject.c`): their reprs, `|`, and `isinstance` with a union.

use super::class::{types, Class, Tag};
use super::native::NativeObj;
use super::BuiltinFn;
use super::Value;
use crate::vm::{type_error, PyResult};
use std::any::Any;
use std::rc::Rc;

pub enum TypeForm {
    /// `origin[args]`.
    Generic { origin: Rc<Class>, args: Vec<Value> },
    /// `a | b | …`: at least two members, flattened and without repeats, in order; `None`
    /// is held as its class, `NoneType`.
    Union(Vec<Value>),
}

struct Classes {
    generic: Rc<Class>,
    union: Rc<Class>,
}

thread_local! {
    static CLASSES: Classes = Classes {
        generic: Class::new("GenericAlias", "types", vec![types().object.clone()], Tag::Asyncio),
        union: Class::new("UnionType", "types", vec![types().object.clone()], Tag::Asyncio),
    };
}

impl NativeObj for TypeForm {
    fn class(&self) -> Rc<Class> {
        CLASSES.with(|c| match self {
            TypeForm::Generic { .. } => c.generic.clone(),
            TypeForm::Union(_) => c.union.clone(),
        })
    }

    fn repr(&self) -> String {
        match self {
            TypeForm::Generic { origin, args } => {
                let args: Vec<String> = if args.is_empty() {
                    vec!["()".into()]
                } else {
                    args.iter().map(generic_item).collect()
                };
                format!("{}[{}]", class_path(origin), args.join(", "))
            }
            TypeForm::Union(members) => {
                let items: Vec<String> = members.iter().map(union_item).collect();
                items.join(" | ")
            }
        }
    }

    fn methods(&self) -> &'static [(&'static str, BuiltinFn)] {
        &[]
    }

    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// A class as these reprs name it: `int`, `__main__.Job`, `asyncio.queues.Queue`.
fn class_path(cls: &Class) -> String {
    if &*cls.module == "builtins" {
        cls.qualname.to_string()
    } else {
        format!("{}.{}", cls.module, cls.qualname)
    }
}

/// `ga_repr_item`: `...`, a class by its path, anything else by its repr.
fn generic_item(v: &Value) -> String {
    match v {
        Value::Ellipsis => "...".into(),
        Value::Class(c) => class_path(c),
        other => crate::objects::repr::repr(other).unwrap_or_default(),
    }
}

/// `union_repr_item`: `NoneType` is written `None`.
fn union_item(v: &Value) -> String {
    match v {
        Value::Class(c) if c.tag == Tag::NoneType => "None".into(),
        other => generic_item(other),
    }
}

fn form(v: &Value) -> Option<&TypeForm> {
    match v {
        Value::Native(n) => n.as_any().downcast_ref::<TypeForm>(),
        _ => None,
    }
}

/// `cls[item]` for a class with `__class_getitem__` (the built-in containers and `type`, and
/// asyncio's futures, tasks and queues); `None` for other classes.
pub fn class_getitem(cls: &Rc<Class>, item: &Value) -> Option<Value> {
    let generic = match cls.tag {
        Tag::List | Tag::Dict | Tag::Tuple | Tag::Set | Tag::Type => true,
        Tag::Asyncio => crate::modules::asyncio::classes(|c| {
            cls.is_subclass(&c.future) || cls.is_subclass(&c.queue)
        }),
        _ => false,
    };
    if !generic {
        return None;
    }
    let args = match item {
        Value::Tuple(t) => t.to_vec(),
        other => vec![other.clone()],
    };
    Some(Value::Native(Rc::new(TypeForm::Generic {
        origin: cls.clone(),
        args,
    })))
}

/// `is_unionable`: what `|` makes a union of.
fn unionable(v: &Value) -> bool {
    matches!(v, Value::None | Value::Class(_)) || form(v).is_some()
}

/// Whether `a | b` is a type union: one side a class or a type form (`type.__or__`,
/// `GenericAlias.__or__`, `UnionType.__or__`), the other a class, a type form or `None`.
pub fn is_union(a: &Value, b: &Value) -> bool {
    let typed = |v: &Value| matches!(v, Value::Class(_)) || form(v).is_some();
    (typed(a) || typed(b)) && unionable(a) && unionable(b)
}

/// `a | b` when [`is_union`]: the members of both, without repeats; a single member is the
/// result itself (`int | int` is `int`).
pub fn union(a: &Value, b: &Value) -> PyResult {
    let mut members: Vec<Value> = Vec::new();
    for side in [a, b] {
        let items = match form(side) {
            Some(TypeForm::Union(m)) => m.clone(),
            _ => vec![match side {
                Value::None => Value::Class(types().none.clone()),
                other => other.clone(),
            }],
        };
        for item in items {
            if !members.iter().any(|m| same(m, &item)) {
                members.push(item);
            }
        }
    }
    if members.len() == 1 {
        return Ok(members.pop().unwrap_or(Value::None));
    }
    Ok(Value::Native(Rc::new(TypeForm::Union(members))))
}

/// Members that are the same class, or equal generic aliases.
fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Class(x), Value::Class(y)) => Rc::ptr_eq(x, y),
        _ => equal(a, b).unwrap_or(false),
    }
}

/// `a == b` for two type forms (`None` when either is not one): generic aliases with the same
/// origin and equal arguments; unions with the same members, in any order.
pub fn equal(a: &Value, b: &Value) -> Option<bool> {
    let eq = super::compare::py_eq;
    Some(match (form(a)?, form(b)?) {
        (
            TypeForm::Generic {
                origin: o1,
                args: a1,
            },
            TypeForm::Generic {
                origin: o2,
                args: a2,
            },
        ) => Rc::ptr_eq(o1, o2) && a1.len() == a2.len() && a1.iter().zip(a2).all(|(x, y)| eq(x, y)),
        (TypeForm::Union(m1), TypeForm::Union(m2)) => {
            m1.len() == m2.len() && m1.iter().all(|x| m2.iter().any(|y| eq(x, y)))
        }
        _ => false,
    })
}

/// `isinstance`'s and `issubclass`'s second argument when it is a type form: a union's
/// members (each a class), or the `TypeError` of a generic alias among them; `None` for a
/// value that is not a type form.
///
/// # Errors
/// `TypeError: isinstance() argument 2 cannot be a parameterized generic`.
pub fn classinfo_members(name: &str, info: &Value) -> Option<PyResult<Vec<Value>>> {
    let members = match form(info)? {
        TypeForm::Generic { .. } => vec![info.clone()],
        TypeForm::Union(m) => m.clone(),
    };
    if members.iter().any(|m| form(m).is_some()) {
        return Some(Err(type_error(format!(
            "{name}() argument 2 cannot be a parameterized generic"
        ))));
    }
    Some(Ok(members))
}
