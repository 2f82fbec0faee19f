//! Methods of the built-in types (`list.append`, `dict.get`, `set.add`, …); `str`'s are in
//! `str_methods.rs`. Each is a built-in function whose first argument is the object when unbound.

use super::functions::{sort_values, take_kwargs};
use super::type_name;
use crate::objects::class::{Class, Tag};
use crate::objects::compare::py_eq;
use crate::objects::iter::{collect, new_iter, Iter, ViewKind};
use crate::objects::set::Other;
use crate::objects::{BuiltinFn, Dict, Set, Value};
use crate::vm::ops::{as_int, norm_index, truthy};
use crate::vm::{index_error, key_error, type_error, value_error, PyResult};
use std::cell::RefCell;
use std::rc::Rc;

type Kw = Vec<(Rc<str>, Value)>;

/// The object a method runs on: bound, or the first argument of an unbound call.
pub fn this(b: Option<&Value>, args: &mut Vec<Value>) -> PyResult<Value> {
    match b {
        Some(v) => Ok(v.clone()),
        None if !args.is_empty() => Ok(args.remove(0)),
        None => Err(type_error("unbound method needs an argument")),
    }
}

pub(super) fn count_args(name: &str, args: &[Value], min: usize, max: usize) -> PyResult<()> {
    if args.len() < min || args.len() > max {
        let what = match (min, max) {
            (0, 0) => format!("{name}() takes no arguments ({} given)", args.len()),
            (1, 1) => format!("{name}() takes exactly one argument ({} given)", args.len()),
            // `_PyArg_CheckPositional`'s words.
            (a, b) => {
                let n = args.len();
                let (which, bound) = if n < a {
                    ("at least ", a)
                } else {
                    ("at most ", b)
                };
                let which = if a == b { "" } else { which };
                let s = if bound == 1 { "" } else { "s" };
                format!("{name} expected {which}{bound} argument{s}, got {n}")
            }
        };
        return Err(type_error(what));
    }
    Ok(())
}

macro_rules! list_of {
    ($v:expr) => {
        match &$v {
            Value::List(l) => l.clone(),
            other => {
                return Err(type_error(format!(
                    "descriptor requires a 'list' object but received a '{}'",
                    type_name(other)
                )))
            }
        }
    };
}

fn list_append(b: Option<&Value>, mut args: Vec<Value>, _: Kw) -> PyResult {
    let l = list_of!(this(b, &mut args)?);
    count_args("list.append", &args, 1, 1)?;
    l.borrow_mut().push(args.pop().expect("counted"));
    Ok(Value::None)
}

fn list_extend(b: Option<&Value>, mut args: Vec<Value>, _: Kw) -> PyResult {
    let l = list_of!(this(b, &mut args)?);
    count_args("list.extend", &args, 1, 1)?;
    let items = collect(&args[0])?;
    crate::vm::reserve(items.len() * std::mem::size_of::<Value>())?;
    l.borrow_mut().extend(items);
    Ok(Value::None)
}

fn list_insert(b: Option<&Value>, mut args: Vec<Value>, _: Kw) -> PyResult {
    let l = list_of!(this(b, &mut args)?);
    count_args("insert", &args, 2, 2)?;
    let i = as_int(&args[0]).ok_or_else(|| {
        type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            type_name(&args[0])
        ))
    })?;
    let mut l = l.borrow_mut();
    let n = l.len() as i64;
    let at = if i < 0 { (i + n).max(0) } else { i.min(n) } as usize;
    l.insert(at, args[1].clone());
    Ok(Value::None)
}

fn list_pop(b: Option<&Value>, mut args: Vec<Value>, _: Kw) -> PyResult {
    let l = list_of!(this(b, &mut args)?);
    count_args("pop", &args, 0, 1)?;
    let mut l = l.borrow_mut();
    if l.is_empty() {
        return Err(index_error("pop from empty list"));
    }
    let i = match args.first() {
        Some(v) => as_int(v).ok_or_else(|| {
            type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                type_name(v)
            ))
        })?,
        None => -1,
    };
    match norm_index(i, l.len()) {
        Some(k) => Ok(l.remove(k)),
        None => Err(index_error("pop index out of range")),
    }
}

fn list_remove(b: Option<&Value>, mut args: Vec<Value>, _: Kw) -> PyResult {
    let l = list_of!(this(b, &mut args)?);
    count_args("list.remove", &args, 1, 1)?;
    let pos = l
        .borrow()
        .iter()
        .position(|x| x.is(&args[0]) || py_eq(x, &args[0]));
    match pos {
        Some(k) => {
            l.borrow_mut().remove(k);
            Ok(Value::None)
        }
        None => Err(value_error("list.remove(x): x not in list")),
    }
}

fn seq_index(items: &[Value], args: &[Value], what: &str) -> PyResult {
    count_args("index", args, 1, 3)?;
    let n = items.len() as i64;
    let bound = |v: Option<&Value>, default: i64| -> PyResult<i64> {
        match v {
            None => Ok(default),
            Some(x) => {
                let i = as_int(x).ok_or_else(|| {
                    type_error("slice indices must be integers or have an __index__ method")
                })?;
                Ok(if i < 0 { (i + n).max(0) } else { i.min(n) })
            }
        }
    };
    let (start, stop) = (bound(args.get(1), 0)?, bound(args.get(2), n)?);
    for k in start..stop {
        let x = &items[k as usize];
        if x.is(&args[0]) || py_eq(x, &args[0]) {
            return Ok(Value::Int(k));
        }
    }
    if what == "list" {
        return Err(value_error(format!(
            "{} is not in list",
            crate::objects::repr::repr(&args[0])?
        )));
    }
    Err(value_error("tuple.index(x): x not in tuple"))
}

fn list_index(b: Option<&Value>, mut args: Vec<Value>, _: Kw) -> PyResult {
    let l = list_of!(this(b, &mut args)?);
    let items = l.borrow().clone();
    seq_index(&items, &args, "list")
}

fn list_count(b: Option<&Value>, mut args: Vec<Value>, _: Kw) -> PyResult {
    let l = list_of!(this(b, &mut args)?);
    count_args("list.count", &args, 1, 1)?;
    let n = l
        .borrow()
        .iter()
        .filter(|x| x.is(&args[0]) || py_eq(x, &args[0]))
        .count();
    Ok(Value::Int(n as i64))
}

fn list_sort(b: Option<&Value>, mut args: Vec<Value>, kwargs: Kw) -> PyResult {
    let l = list_of!(this(b, &mut args)?);
    if !args.is_empty() {
        return Err(type_error("sort() takes no positional arguments"));
    }
    let kw = take_kwargs("sort", kwargs, &["key", "reverse"])?;
    let key = kw[0].clone().filter(|k| !matches!(k, Value::None));
    let reverse = match &kw[1] {
        Some(v) => truthy(v)?,
        None => false,
    };
    // CPython empties the list while sorting; a key function that looks sees `[]`.
    let mut items = std::mem::take(&mut *l.borrow_mut());
    let r = sort_values(&mut items, key.as_ref(), reverse);
    *l.borrow_mut() = items;
    r.map(|()| Value::None)
}

fn list_reverse(b: Option<&Value>, mut args: Vec<Value>, _: Kw) -> PyResult {
    let l = list_of!(this(b, &mut args)?);
    count_args("list.reverse", &args, 0, 0)?;
    l.borrow_mut().reverse();
    Ok(Value::None)
}

fn list_copy(b: Option<&Value>, mut args: Vec<Value>, _: Kw) -> PyResult {
    let l = list_of!(this(b, &mut args)?);
    count_args("list.copy", &args, 0, 0)?;
    let items = l.borrow().clone();
    Ok(Value::list(items))
}

fn list_clear(b: Option<&Value>, mut args: Vec<Value>, _: Kw) -> PyResult {
    let l = list_of!(this(b, &mut args)?);
    count_args("list.clear", &args, 0, 0)?;
    // The items go once the list is no longer borrowed, the last first (`_list_clear`).
    let items = std::mem::take(&mut *l.borrow_mut());
    items.into_iter().rev().for_each(drop);
    Ok(Value::None)
}

const LIST: &[(&str, BuiltinFn)] = &[
    ("append", list_append),
    ("extend", list_extend),
    ("insert", list_insert),
    ("pop", list_pop),
    ("remove", list_remove),
    ("index", list_index),
    ("count", list_count),
    ("sort", list_sort),
    ("reverse", list_reverse),
    ("copy", list_copy),
    ("clear", list_clear),
];

fn tuple_count(b: Option<&Value>, mut args: Vec<Value>, _: Kw) -> PyResult {
    let Value::Tuple(t) = this(b, &mut args)? else {
        return Err(type_error("a tuple is required"));
    };
    count_args("tuple.count", &args, 1, 1)?;
    Ok(Value::Int(
        t.iter()
            .filter(|x| x.is(&args[0]) || py_eq(x, &args[0]))
            .count() as i64,
    ))
}

fn tuple_index(b: Option<&Value>, mut args: Vec<Value>, _: Kw) -> PyResult {
    let Value::Tuple(t) = this(b, &mut args)? else {
        return Err(type_error("a tuple is required"));
    };
    seq_index(&t, &args, "tuple")
}

const TUPLE: &[(&str, BuiltinFn)] = &[("count", tuple_count), ("index", tuple_index)];

macro_rules! dict_of {
    ($v:expr) => {
        match &$v {
            Value::Dict(d) => d.clone(),
            other => {
                return Err(type_error(format!(
                    "descriptor requires a 'dict' object but received a '{}'",
                    type_name(other)
                )))
            }
        }
    };
}

fn dict_get(b: Option<&Value>, mut args: Vec<Value>, _: Kw) -> PyResult {
    let d = dict_of!(this(b, &mut args)?);
    count_args("get", &args, 1, 2)?;
    let found = d.borrow().get(&args[0])?;
    Ok(found.unwrap_or_else(|| args.get(1).cloned().unwrap_or(Value::None)))
}

fn view(d: &Rc<RefCell<Dict>>, kind: ViewKind) -> Value {
    new_iter(Iter::View {
        dict: d.clone(),
        kind,
    })
}

fn dict_items(b: Option<&Value>, mut args: Vec<Value>, _: Kw) -> PyResult {
    let d = dict_of!(this(b, &mut args)?);
    count_args("dict.items", &args, 0, 0)?;
    Ok(view(&d, ViewKind::Items))
}

fn dict_keys(b: Option<&Value>, mut args: Vec<Value>, _: Kw) -> PyResult {
    let d = dict_of!(this(b, &mut args)?);
    count_args("dict.keys", &args, 0, 0)?;
    Ok(view(&d, ViewKind::Keys))
}

fn dict_values(b: Option<&Value>, mut args: Vec<Value>, _: Kw) -> PyResult {
    let d = dict_of!(this(b, &mut args)?);
    count_args("dict.values", &args, 0, 0)?;
    Ok(view(&d, ViewKind::Values))
}

fn dict_pop(b: Option<&Value>, mut args: Vec<Value>, _: Kw) -> PyResult {
    let d = dict_of!(this(b, &mut args)?);
    count_args("pop", &args, 1, 2)?;
    let removed = d.borrow_mut().remove(&args[0])?;
    match (removed, args.get(1)) {
        (Some(v), _) => Ok(v),
        (None, Some(default)) => Ok(default.clone()),
        (None, None) => Err(key_error(args[0].clone())),
    }
}

fn dict_popitem(b: Option<&Value>, mut args: Vec<Value>, _: Kw) -> PyResult {
    let d = dict_of!(this(b, &mut args)?);
    count_args("dict.popitem", &args, 0, 0)?;
    let item = d.borrow_mut().pop_last();
    item.map(|(k, v)| Value::tuple(vec![k, v]))
        .ok_or_else(|| key_error(Value::str("popitem(): dictionary is empty")))
}

fn dict_setdefault(b: Option<&Value>, mut args: Vec<Value>, _: Kw) -> PyResult {
    let d = dict_of!(this(b, &mut args)?);
    count_args("setdefault", &args, 1, 2)?;
    if let Some(v) = d.borrow().get(&args[0])? {
        return Ok(v);
    }
    let v = args.get(1).cloned().unwrap_or(Value::None);
    d.borrow_mut().insert(args[0].clone(), v.clone())?;
    Ok(v)
}

fn dict_update(b: Option<&Value>, mut args: Vec<Value>, kwargs: Kw) -> PyResult {
    let d = dict_of!(this(b, &mut args)?);
    count_args("update", &args, 0, 1)?;
    if let Some(src) = args.first() {
        let mut tmp = d.borrow().clone();
        super::types::dict_update(&mut tmp, src)?;
        *d.borrow_mut() = tmp;
    }
    for (k, v) in kwargs {
        d.borrow_mut().insert(Value::Str(k), v)?;
    }
    Ok(Value::None)
}

fn dict_copy(b: Option<&Value>, mut args: Vec<Value>, _: Kw) -> PyResult {
    let d = dict_of!(this(b, &mut args)?);
    count_args("dict.copy", &args, 0, 0)?;
    let c = d.borrow().clone();
    Ok(Value::Dict(Rc::new(RefCell::new(c))))
}

fn dict_clear(b: Option<&Value>, mut args: Vec<Value>, _: Kw) -> PyResult {
    let d = dict_of!(this(b, &mut args)?);
    count_args("dict.clear", &args, 0, 0)?;
    d.borrow_mut().clear();
    Ok(Value::None)
}

const DICT: &[(&str, BuiltinFn)] = &[
    ("get", dict_get),
    ("items", dict_items),
    ("keys", dict_keys),
    ("values", dict_values),
    ("pop", dict_pop),
    ("popitem", dict_popitem),
    ("setdefault", dict_setdefault),
    ("update", dict_update),
    ("copy", dict_copy),
    ("clear", dict_clear),
];

macro_rules! set_of {
    ($v:expr) => {
        match &$v {
            Value::Set(s) => s.clone(),
            other => {
                return Err(type_error(format!(
                    "descriptor requires a 'set' object but received a '{}'",
                    type_name(other)
                )))
            }
        }
    };
}

fn new_set(s: Set) -> Value {
    Value::Set(Rc::new(RefCell::new(s)))
}

/// The other operand of a set method, as a set (any iterable is taken).
fn as_set(v: &Value) -> PyResult<Set> {
    match v {
        Value::Set(s) => Ok(s.borrow().copy()),
        other => Set::from_values(collect(other)?),
    }
}

fn set_add(b: Option<&Value>, mut args: Vec<Value>, _: Kw) -> PyResult {
    let s = set_of!(this(b, &mut args)?);
    count_args("set.add", &args, 1, 1)?;
    s.borrow_mut().insert(args.pop().expect("counted"))?;
    Ok(Value::None)
}

fn set_discard(b: Option<&Value>, mut args: Vec<Value>, _: Kw) -> PyResult {
    let s = set_of!(this(b, &mut args)?);
    count_args("set.discard", &args, 1, 1)?;
    s.borrow_mut().remove(&args[0])?;
    Ok(Value::None)
}

fn set_remove(b: Option<&Value>, mut args: Vec<Value>, _: Kw) -> PyResult {
    let s = set_of!(this(b, &mut args)?);
    count_args("set.remove", &args, 1, 1)?;
    if s.borrow_mut().remove(&args[0])? {
        Ok(Value::None)
    } else {
        Err(key_error(args[0].clone()))
    }
}

fn set_pop(b: Option<&Value>, mut args: Vec<Value>, _: Kw) -> PyResult {
    let s = set_of!(this(b, &mut args)?);
    count_args("set.pop", &args, 0, 0)?;
    let v = s.borrow_mut().pop();
    v.ok_or_else(|| key_error(Value::str("pop from an empty set")))
}

/// Calls `f` with a set method's other operand as CPython tells it apart (another set by its
/// table, an exact dict by its keys, any other iterable by its items).
fn with_other<R>(v: &Value, f: impl FnOnce(Other<'_>) -> PyResult<R>) -> PyResult<R> {
    match v {
        Value::Set(o) => f(Other::Set(&o.borrow())),
        Value::Dict(d) => {
            let keys = d.borrow().keys();
            f(Other::Dict(keys))
        }
        other => f(Other::Items(collect(other)?)),
    }
}

/// `set.union(*others)`: a copy, then each other merged in (the set itself skipped).
fn set_union(b: Option<&Value>, mut args: Vec<Value>, _: Kw) -> PyResult {
    let s = set_of!(this(b, &mut args)?);
    let mut result = s.borrow().copy();
    for a in &args {
        if !matches!(a, Value::Set(o) if Rc::ptr_eq(o, &s)) {
            with_other(a, |o| result.update_with(o))?;
        }
    }
    Ok(new_set(result))
}

/// `set.intersection(*others)`: starts from the set itself (not a copy), intersected with each
/// other in turn; with none, a copy.
fn set_intersection(b: Option<&Value>, mut args: Vec<Value>, _: Kw) -> PyResult {
    let s = set_of!(this(b, &mut args)?);
    let mut result: Option<Set> = None;
    for a in &args {
        let next = match (&result, a) {
            // `s & s` is a copy of `s`.
            (None, Value::Set(o)) if Rc::ptr_eq(o, &s) => s.borrow().copy(),
            (None, _) => with_other(a, |o| s.borrow().intersection_with(o))?,
            (Some(r), _) => with_other(a, |o| r.intersection_with(o))?,
        };
        result = Some(next);
    }
    Ok(new_set(result.unwrap_or_else(|| s.borrow().copy())))
}

/// `set.difference(*others)`: the set's difference with the first, then each further one
/// discarded from that; with none, a copy.
fn set_difference(b: Option<&Value>, mut args: Vec<Value>, _: Kw) -> PyResult {
    let s = set_of!(this(b, &mut args)?);
    let Some((first, rest)) = args.split_first() else {
        return Ok(new_set(s.borrow().copy()));
    };
    let mut result = with_other(first, |o| s.borrow().difference_with(o))?;
    for a in rest {
        with_other(a, |o| result.difference_update_with(o))?;
    }
    Ok(new_set(result))
}

/// `set.symmetric_difference(other)`: a new set made from `other`, then the set's keys toggled.
fn set_symmetric_difference(b: Option<&Value>, mut args: Vec<Value>, _: Kw) -> PyResult {
    let s = set_of!(this(b, &mut args)?);
    if args.len() != 1 {
        return Err(type_error(format!(
            "set.symmetric_difference() takes exactly one argument ({} given)",
            args.len()
        )));
    }
    let result = with_other(&args[0], |o| s.borrow().symmetric_difference_with(o))?;
    Ok(new_set(result))
}

/// `set.update(*others)`: each other merged in (the set itself is nothing to add).
fn set_update(b: Option<&Value>, mut args: Vec<Value>, _: Kw) -> PyResult {
    let s = set_of!(this(b, &mut args)?);
    for a in &args {
        // The operand is read before the set is borrowed to change.
        if !matches!(a, Value::Set(o) if Rc::ptr_eq(o, &s)) {
            with_other(a, |o| s.borrow_mut().update_with(o))?;
        }
    }
    Ok(Value::None)
}

fn set_clear(b: Option<&Value>, mut args: Vec<Value>, _: Kw) -> PyResult {
    let s = set_of!(this(b, &mut args)?);
    s.borrow_mut().clear();
    Ok(Value::None)
}

fn set_copy(b: Option<&Value>, mut args: Vec<Value>, _: Kw) -> PyResult {
    let s = set_of!(this(b, &mut args)?);
    let c = s.borrow().copy();
    Ok(new_set(c))
}

fn set_relation(b: Option<&Value>, mut args: Vec<Value>, which: u8) -> PyResult {
    let s = set_of!(this(b, &mut args)?);
    count_args("set", &args, 1, 1)?;
    let other = as_set(&args[0])?;
    let me = s.borrow();
    Ok(Value::Bool(match which {
        0 => me.iter().all(|k| other.contains(k).unwrap_or(false)),
        1 => other.iter().all(|k| me.contains(k).unwrap_or(false)),
        _ => !me.iter().any(|k| other.contains(k).unwrap_or(false)),
    }))
}

fn set_issubset(b: Option<&Value>, args: Vec<Value>, _: Kw) -> PyResult {
    set_relation(b, args, 0)
}

fn set_issuperset(b: Option<&Value>, args: Vec<Value>, _: Kw) -> PyResult {
    set_relation(b, args, 1)
}

fn set_isdisjoint(b: Option<&Value>, args: Vec<Value>, _: Kw) -> PyResult {
    set_relation(b, args, 2)
}

const SET: &[(&str, BuiltinFn)] = &[
    ("add", set_add),
    ("discard", set_discard),
    ("remove", set_remove),
    ("pop", set_pop),
    ("union", set_union),
    ("intersection", set_intersection),
    ("difference", set_difference),
    ("symmetric_difference", set_symmetric_difference),
    ("update", set_update),
    ("clear", set_clear),
    ("copy", set_copy),
    ("issubset", set_issubset),
    ("issuperset", set_issuperset),
    ("isdisjoint", set_isdisjoint),
];

fn int_bit_length(b: Option<&Value>, mut args: Vec<Value>, _: Kw) -> PyResult {
    let v = this(b, &mut args)?;
    let i = as_int(&v).unwrap_or(0);
    Ok(Value::Int(64 - i.unsigned_abs().leading_zeros() as i64))
}

fn int_is_integer(_: Option<&Value>, _: Vec<Value>, _: Kw) -> PyResult {
    Ok(Value::Bool(true))
}

const INT: &[(&str, BuiltinFn)] = &[
    ("bit_length", int_bit_length),
    ("is_integer", int_is_integer),
];

fn float_is_integer(b: Option<&Value>, mut args: Vec<Value>, _: Kw) -> PyResult {
    let v = this(b, &mut args)?;
    Ok(Value::Bool(
        matches!(v, Value::Float(f) if f.is_finite() && f.fract() == 0.0),
    ))
}

const FLOAT: &[(&str, BuiltinFn)] = &[("is_integer", float_is_integer)];

/// `coro.close()`: a coroutine that never started is simply done (no warning). Its frame, and so
/// its arguments, stay until the coroutine object goes, as in CPython (`gen_close` only marks an
/// unstarted frame completed).
pub fn coro_close(b: Option<&Value>, _: Vec<Value>, _: Kw) -> PyResult {
    match b {
        Some(Value::Coro(c)) => {
            c.state.set(crate::vm::coroutine::CoroState::Done);
        }
        Some(Value::NativeCoro(c)) => {
            c.fut.borrow_mut().take();
        }
        _ => {}
    }
    Ok(Value::None)
}

/// The method table of a built-in type.
fn table(tag: Tag) -> &'static [(&'static str, BuiltinFn)] {
    match tag {
        Tag::List => LIST,
        Tag::Tuple => TUPLE,
        Tag::Dict => DICT,
        Tag::Set => SET,
        Tag::Str => super::str_methods::STR,
        Tag::Int | Tag::Bool => INT,
        Tag::Float => FLOAT,
        _ => &[],
    }
}

fn tag_of(v: &Value) -> Tag {
    match v {
        Value::List(_) => Tag::List,
        Value::Tuple(_) => Tag::Tuple,
        Value::Dict(_) => Tag::Dict,
        Value::Set(_) => Tag::Set,
        Value::Str(_) => Tag::Str,
        Value::Int(_) => Tag::Int,
        Value::Bool(_) => Tag::Bool,
        Value::Float(_) => Tag::Float,
        _ => Tag::Object,
    }
}

fn find(tag: Tag, name: &str) -> Option<BuiltinFn> {
    table(tag).iter().find(|(n, _)| *n == name).map(|(_, f)| *f)
}

/// Whether `obj`'s built-in type has a method `name`.
pub fn has(obj: &Value, name: &str) -> bool {
    find(tag_of(obj), name).is_some()
}

/// Whether the method `qualname` (`list.pop`) of a built-in type takes no keyword arguments,
/// as CPython's all do but these (most are written in C with positional parameters only).
pub fn rejects_keywords(qualname: &str) -> bool {
    let Some((ty, name)) = qualname.split_once('.') else {
        return false;
    };
    matches!(
        ty,
        "list" | "str" | "dict" | "set" | "tuple" | "int" | "float" | "frozenset"
    ) && !matches!(
        (ty, name),
        ("list", "sort")
            | (
                "str",
                "encode" | "expandtabs" | "replace" | "rsplit" | "split" | "splitlines" | "format"
            )
            | ("dict", "update")
            | ("int", "from_bytes" | "to_bytes")
    )
}

/// `obj.name(*args)` for a built-in type: `Err(args)` back if it has no such method.
pub fn call(obj: &Value, name: &str, args: Vec<Value>) -> PyResult<Result<Value, Vec<Value>>> {
    match find(tag_of(obj), name) {
        Some(f) => Ok(Ok(f(Some(obj), args, Vec::new())?)),
        None => Ok(Err(args)),
    }
}

/// `obj.name` for a method of a built-in type: the bound method.
pub fn bound(obj: &Value, name: &str) -> Option<Value> {
    let f = find(tag_of(obj), name)?;
    let qual = format!("{}.{name}", type_name(obj));
    Some(Value::builtin(
        static_name(tag_of(obj), name),
        &qual,
        f,
        Some(obj.clone()),
    ))
}

/// `list.append` (from the class): the unbound method.
pub fn unbound(cls: &Rc<Class>, name: &str) -> Option<Value> {
    let f = find(cls.tag, name)?;
    Some(Value::builtin(
        static_name(cls.tag, name),
        &format!("{}.{name}", cls.name),
        f,
        None,
    ))
}

fn static_name(tag: Tag, name: &str) -> &'static str {
    table(tag)
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(n, _)| *n)
        .unwrap_or("method")
}

/// The method names of a built-in value's type (for suggestions).
pub fn names(v: &Value) -> Option<Vec<&'static str>> {
    let t = table(tag_of(v));
    (!t.is_empty()).then(|| t.iter().map(|(n, _)| *n).collect())
}
