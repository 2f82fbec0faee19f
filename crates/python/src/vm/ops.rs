//! Operators on the built-in types: arithmetic, comparisons, truth, subscripts, unpacking, and
//! turning a raised value into an exception.

use super::{exc, index_error, key_error, stop, type_error, value_error, PyResult};
use crate::builtins::type_name;
use crate::objects::compare::{py_cmp, py_eq};
use crate::objects::iter::collect;
use crate::objects::{Raised, Value};
use crate::syntax::ast::{BinOp, CmpOp, UnaryOp};
use std::cell::RefCell;
use std::cmp::Ordering;
use std::rc::Rc;

/// Integers past 64 bits stop the run (they are never wrapped).
pub fn overflow() -> Raised {
    stop("integers beyond 64 bits are not supported in the playground")
}

fn unsupported(op: BinOp, a: &Value, b: &Value) -> Raised {
    if is_set_view(a) || is_set_view(b) {
        return super::refuse(format!(
            "the set operator {} on dict views (d.keys(), d.items())",
            operator_text(op)
        ));
    }
    type_error(format!(
        "unsupported operand type(s) for {}: '{}' and '{}'",
        operator_text(op),
        type_name(a),
        type_name(b)
    ))
}

/// How `unsupported operand type(s) for …` names the operator.
fn operator_text(op: BinOp) -> &'static str {
    match op {
        BinOp::Pow => "** or pow()",
        other => other.symbol(),
    }
}

/// An int (bools are ints), if `v` is one.
pub fn as_int(v: &Value) -> Option<i64> {
    match v {
        Value::Int(i) => Some(*i),
        Value::Bool(b) => Some(*b as i64),
        _ => None,
    }
}

/// A float, if `v` is a number.
pub fn as_float(v: &Value) -> Option<f64> {
    match v {
        Value::Float(f) => Some(*f),
        Value::Int(i) => Some(*i as f64),
        Value::Bool(b) => Some(*b as i64 as f64),
        _ => None,
    }
}

fn checked(r: Option<i64>) -> PyResult {
    r.map(Value::Int).ok_or_else(overflow)
}

/// Python's `//` for ints (floor), `None` on overflow.
fn int_floordiv(a: i64, b: i64) -> Option<i64> {
    let q = a.checked_div(b)?;
    if (a % b != 0) && ((a < 0) != (b < 0)) {
        q.checked_sub(1)
    } else {
        Some(q)
    }
}

/// Python's `%` for ints (the sign of the divisor).
fn int_mod(a: i64, b: i64) -> i64 {
    let r = a.wrapping_rem(b);
    if r != 0 && ((r < 0) != (b < 0)) {
        r + b
    } else {
        r
    }
}

fn repeat<T: Clone>(items: &[T], n: i64) -> PyResult<Vec<T>> {
    let n = n.max(0) as usize;
    super::reserve(
        items
            .len()
            .saturating_mul(n)
            .saturating_mul(std::mem::size_of::<T>()),
    )?;
    Ok(items
        .iter()
        .cloned()
        .cycle()
        .take(items.len() * n)
        .collect())
}

/// `a <op> b`.
pub fn binary(op: BinOp, a: &Value, b: &Value) -> PyResult {
    use Value::*;
    if let (Some(x), Some(y)) = (as_int(a), as_int(b)) {
        return match op {
            BinOp::Add => checked(x.checked_add(y)),
            BinOp::Sub => checked(x.checked_sub(y)),
            BinOp::Mul => checked(x.checked_mul(y)),
            BinOp::Div => {
                if y == 0 {
                    return Err(exc("ZeroDivisionError", "division by zero"));
                }
                Ok(Float(crate::builtins::numbers::int_true_div(x, y)))
            }
            BinOp::FloorDiv => {
                if y == 0 {
                    return Err(exc(
                        "ZeroDivisionError",
                        "integer division or modulo by zero",
                    ));
                }
                checked(int_floordiv(x, y))
            }
            BinOp::Mod => {
                if y == 0 {
                    return Err(exc("ZeroDivisionError", "integer modulo by zero"));
                }
                Ok(Int(int_mod(x, y)))
            }
            BinOp::Pow => crate::builtins::numbers::int_pow(x, y),
            BinOp::LShift => {
                if y < 0 {
                    return Err(value_error("negative shift count"));
                }
                if x == 0 {
                    return Ok(Int(0));
                }
                if y >= 63 || (x << y) >> y != x {
                    return Err(overflow());
                }
                Ok(Int(x << y))
            }
            BinOp::RShift => {
                if y < 0 {
                    return Err(value_error("negative shift count"));
                }
                Ok(Int(x >> y.min(63)))
            }
            BinOp::BitAnd if matches!((a, b), (Bool(_), Bool(_))) => Ok(Bool(x & y != 0)),
            BinOp::BitOr if matches!((a, b), (Bool(_), Bool(_))) => Ok(Bool(x | y != 0)),
            BinOp::BitXor if matches!((a, b), (Bool(_), Bool(_))) => Ok(Bool(x ^ y != 0)),
            BinOp::BitAnd => Ok(Int(x & y)),
            BinOp::BitOr => Ok(Int(x | y)),
            BinOp::BitXor => Ok(Int(x ^ y)),
            BinOp::MatMul => Err(unsupported(op, a, b)),
        };
    }
    if let (Some(x), Some(y)) = (as_float(a), as_float(b)) {
        return match op {
            BinOp::Add => Ok(Float(x + y)),
            BinOp::Sub => Ok(Float(x - y)),
            BinOp::Mul => Ok(Float(x * y)),
            BinOp::Div => {
                if y == 0.0 {
                    return Err(exc("ZeroDivisionError", "float division by zero"));
                }
                Ok(Float(x / y))
            }
            BinOp::FloorDiv => {
                if y == 0.0 {
                    return Err(exc("ZeroDivisionError", "float floor division by zero"));
                }
                Ok(Float(crate::builtins::numbers::float_floordiv(x, y)))
            }
            BinOp::Mod => {
                if y == 0.0 {
                    return Err(exc("ZeroDivisionError", "float modulo by zero"));
                }
                Ok(Float(crate::builtins::numbers::float_mod(x, y)))
            }
            BinOp::Pow => crate::builtins::numbers::float_pow(x, y),
            _ => Err(unsupported(op, a, b)),
        };
    }
    match (op, a, b) {
        (BinOp::Add, Str(x), Str(y)) => {
            super::reserve(x.len() + y.len())?;
            Ok(Value::string(format!("{x}{y}")))
        }
        (BinOp::Add, Str(_), _) => Err(type_error(format!(
            "can only concatenate str (not \"{}\") to str",
            type_name(b)
        ))),
        (BinOp::Add, List(x), List(y)) => {
            super::reserve((x.borrow().len() + y.borrow().len()) * std::mem::size_of::<Value>())?;
            let mut v = x.borrow().clone();
            v.extend(y.borrow().iter().cloned());
            Ok(Value::list(v))
        }
        (BinOp::Add, List(_), _) => Err(type_error(format!(
            "can only concatenate list (not \"{}\") to list",
            type_name(b)
        ))),
        (BinOp::Add, Tuple(x), Tuple(y)) => {
            super::reserve((x.len() + y.len()) * std::mem::size_of::<Value>())
                .map(|()| Value::tuple(x.iter().chain(y.iter()).cloned().collect()))
        }
        (BinOp::Add, Tuple(_), _) => Err(type_error(format!(
            "can only concatenate tuple (not \"{}\") to tuple",
            type_name(b)
        ))),
        (BinOp::Mul, Str(s), n) | (BinOp::Mul, n, Str(s)) if as_int(n).is_some() => {
            let n = as_int(n).expect("checked").max(0) as usize;
            super::reserve(s.len().saturating_mul(n))?;
            Ok(Value::string(s.repeat(n)))
        }
        (BinOp::Mul, List(l), n) | (BinOp::Mul, n, List(l)) if as_int(n).is_some() => {
            let items = l.borrow().clone();
            Ok(Value::list(repeat(&items, as_int(n).expect("checked"))?))
        }
        (BinOp::Mul, Tuple(t), n) | (BinOp::Mul, n, Tuple(t)) if as_int(n).is_some() => {
            Ok(Value::tuple(repeat(t, as_int(n).expect("checked"))?))
        }
        (BinOp::Mul, Str(_) | List(_) | Tuple(_), other)
        | (BinOp::Mul, other, Str(_) | List(_) | Tuple(_)) => Err(type_error(format!(
            "can't multiply sequence by non-int of type '{}'",
            type_name(other)
        ))),
        (BinOp::Mod, Str(fmt), args) => {
            Ok(Value::string(crate::builtins::format::percent(fmt, args)?))
        }
        (BinOp::Sub, Set(x), Set(y)) => Ok(new_set(x.borrow().difference(&y.borrow()))),
        (BinOp::BitAnd, Set(x), Set(y)) => Ok(new_set(x.borrow().intersection(&y.borrow()))),
        (BinOp::BitOr, Set(x), Set(y)) => Ok(new_set(x.borrow().union(&y.borrow()))),
        (BinOp::BitXor, Set(x), Set(y)) => {
            Ok(new_set(x.borrow().symmetric_difference(&y.borrow())))
        }
        (BinOp::BitOr, Dict(x), Dict(y)) => {
            let mut d = x.borrow().clone();
            for (k, v) in y.borrow().iter() {
                d.insert(k.clone(), v.clone())?;
            }
            Ok(Dict(Rc::new(RefCell::new(d))))
        }
        (BinOp::BitOr, _, _) if crate::objects::type_forms::is_union(a, b) => {
            crate::objects::type_forms::union(a, b)
        }
        _ => Err(unsupported(op, a, b)),
    }
}

fn new_set(s: crate::objects::Set) -> Value {
    Value::Set(Rc::new(RefCell::new(s)))
}

/// `a <op>= b`: lists, sets and dicts change in place; everything else is `a <op> b`.
pub fn inplace(op: BinOp, a: &Value, b: &Value) -> PyResult {
    match (op, a, b) {
        (BinOp::Add, Value::List(l), other) => {
            let items = collect(other)?;
            super::reserve(items.len() * std::mem::size_of::<Value>())?;
            l.borrow_mut().extend(items);
            Ok(a.clone())
        }
        (BinOp::BitOr, Value::Set(s), Value::Set(t)) => {
            if !Rc::ptr_eq(s, t) {
                let other = t.borrow();
                s.borrow_mut().update_set(&other);
            }
            Ok(a.clone())
        }
        (BinOp::BitOr, Value::Dict(d), Value::Dict(e)) => {
            let items: Vec<(Value, Value)> = e
                .borrow()
                .iter()
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect();
            for (k, v) in items {
                d.borrow_mut().insert(k, v)?;
            }
            Ok(a.clone())
        }
        (BinOp::Sub | BinOp::BitAnd | BinOp::BitXor, Value::Set(s), Value::Set(t)) => {
            if Rc::ptr_eq(s, t) {
                s.borrow_mut().update_in_place(op, None);
            } else {
                let other = t.borrow();
                s.borrow_mut().update_in_place(op, Some(&other));
            }
            Ok(a.clone())
        }
        _ => binary(op, a, b).map_err(|e| {
            // `x += 'a'` says `+=`.
            if e.is_a("TypeError") {
                if let Some(Value::Str(m)) = e.args().first() {
                    let from = format!("for {}:", operator_text(op));
                    if m.contains(&from) {
                        return type_error(m.replacen(&from, &format!("for {}=:", op.symbol()), 1));
                    }
                }
            }
            e
        }),
    }
}

/// `-a`, `+a`, `~a`, `not a`.
pub fn unary(op: UnaryOp, a: &Value) -> PyResult {
    match (op, a) {
        (UnaryOp::Not, v) => Ok(Value::Bool(!truthy(v)?)),
        (UnaryOp::Neg, v) if as_int(v).is_some() => {
            checked(as_int(v).expect("checked").checked_neg())
        }
        (UnaryOp::Pos, v) if as_int(v).is_some() => Ok(Value::Int(as_int(v).expect("checked"))),
        (UnaryOp::Invert, v) if as_int(v).is_some() => Ok(Value::Int(!as_int(v).expect("checked"))),
        (UnaryOp::Neg, Value::Float(f)) => Ok(Value::Float(-f)),
        (UnaryOp::Pos, Value::Float(f)) => Ok(Value::Float(*f)),
        (op, v) => {
            let sym = match op {
                UnaryOp::Neg => "-",
                UnaryOp::Pos => "+",
                _ => "~",
            };
            Err(type_error(format!(
                "bad operand type for unary {sym}: '{}'",
                type_name(v)
            )))
        }
    }
}

/// `bool(v)`.
pub fn truthy(v: &Value) -> PyResult<bool> {
    Ok(match v {
        Value::None | Value::Unbound => false,
        Value::Bool(b) => *b,
        Value::Int(i) => *i != 0,
        Value::Float(f) => *f != 0.0,
        Value::Str(s) => !s.is_empty(),
        Value::List(l) => !l.borrow().is_empty(),
        Value::Tuple(t) => !t.is_empty(),
        Value::Dict(d) => !d.borrow().is_empty(),
        Value::Set(s) => !s.borrow().is_empty(),
        Value::Range(r) => !r.is_empty(),
        Value::Native(n) => crate::modules::asyncio::native_truth(n),
        _ => true,
    })
}

/// `d.keys()` or `d.items()`: views that behave as sets (comparisons and set operators,
/// which the playground refuses rather than answer as a plain object would).
fn is_set_view(v: &Value) -> bool {
    matches!(v, Value::Iter(it) if matches!(
        &*it.borrow(),
        crate::objects::iter::Iter::View { kind, .. }
            if *kind != crate::objects::iter::ViewKind::Values
    ))
}

/// Whether `a is b` depends on which objects CPython made, which the playground does not
/// follow: equal ints past its small-int cache (-5..=256) and equal floats are one object or two
/// depending on how they were computed, and equal strings and tuples depending on its interning,
/// its caches and its merging of a code object's constants (`"admin" is "admin"` is true there,
/// `str(5) is "5"` false; only the empty string and the empty tuple are always one object).
fn identity_unknown(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => x == y && !(-5..=256).contains(x),
        (Value::Float(x), Value::Float(y)) => x.to_bits() == y.to_bits(),
        (Value::Str(x), Value::Str(y)) => !x.is_empty() && x == y,
        (Value::Tuple(x), Value::Tuple(y)) => !x.is_empty() && x.len() == y.len() && py_eq(a, b),
        _ => false,
    }
}

/// `a <op> b` for comparisons (`in`, `is` included).
pub fn compare(op: CmpOp, a: &Value, b: &Value) -> PyResult {
    if matches!(op, CmpOp::Is | CmpOp::IsNot) && identity_unknown(a, b) {
        return Err(stop(
            "`is` between two equal numbers, strings or tuples is not supported in the \
             playground: whether they are one object depends on how CPython made them (compare \
             values with ==)",
        ));
    }
    if !matches!(op, CmpOp::Is | CmpOp::IsNot | CmpOp::In | CmpOp::NotIn)
        && (is_set_view(a) || is_set_view(b))
    {
        return Err(super::refuse(
            "comparing dict views (d.keys(), d.items()) as sets",
        ));
    }
    Ok(Value::Bool(match op {
        CmpOp::Eq => py_eq(a, b),
        CmpOp::Ne => !py_eq(a, b),
        CmpOp::Is => a.is(b),
        CmpOp::IsNot => !a.is(b),
        CmpOp::In => contains(b, a)?,
        CmpOp::NotIn => !contains(b, a)?,
        CmpOp::Lt => py_cmp(op, a, b)? == Some(Ordering::Less),
        CmpOp::Le => matches!(py_cmp(op, a, b)?, Some(Ordering::Less | Ordering::Equal)),
        CmpOp::Gt => py_cmp(op, a, b)? == Some(Ordering::Greater),
        CmpOp::Ge => matches!(py_cmp(op, a, b)?, Some(Ordering::Greater | Ordering::Equal)),
    }))
}

/// `item in container`.
pub fn contains(container: &Value, item: &Value) -> PyResult<bool> {
    match container {
        Value::Str(s) => match item {
            Value::Str(sub) => Ok(s.contains(&**sub)),
            other => Err(type_error(format!(
                "'in <string>' requires string as left operand, not {}",
                type_name(other)
            ))),
        },
        Value::List(l) => Ok(l.borrow().iter().any(|x| x.is(item) || py_eq(x, item))),
        Value::Tuple(t) => Ok(t.iter().any(|x| x.is(item) || py_eq(x, item))),
        Value::Dict(d) => Ok(d.borrow().get(item)?.is_some()),
        Value::Set(s) => s.borrow().contains(item),
        Value::Range(r) => Ok(match as_int(item) {
            Some(i) => {
                let n = r.len();
                n > 0
                    && ((r.step > 0 && i >= r.start && i < r.stop)
                        || (r.step < 0 && i <= r.start && i > r.stop))
                    && (i as i128 - r.start as i128) % r.step as i128 == 0
            }
            None => collect(container)?.iter().any(|x| py_eq(x, item)),
        }),
        Value::Iter(_) | Value::Gen(_) => {
            let it = crate::objects::iter::get_iter(container)?;
            while let Some(x) = crate::objects::iter::next(&it)? {
                if x.is(item) || py_eq(&x, item) {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        other => Err(type_error(format!(
            "argument of type '{}' is not iterable",
            type_name(other)
        ))),
    }
}

/// A sequence index: negative counts from the end; `None` when out of range.
pub fn norm_index(i: i64, len: usize) -> Option<usize> {
    let i = if i < 0 { i + len as i64 } else { i };
    (0..len as i64).contains(&i).then_some(i as usize)
}

/// The indices a slice picks from a sequence of `len` items (`slice.indices`).
pub fn slice_indices(s: &[Value; 3], len: usize) -> PyResult<Vec<usize>> {
    let (start, stop, step) = slice_bounds(s, len)?;
    let mut out = Vec::new();
    let mut i = start;
    while (step > 0 && i < stop) || (step < 0 && i > stop) {
        out.push(i as usize);
        i += step;
    }
    Ok(out)
}

/// `slice.indices(len)`: start, stop and step clamped to a sequence of `len` items.
pub fn slice_bounds(s: &[Value; 3], len: usize) -> PyResult<(i64, i64, i64)> {
    let get = |v: &Value| -> PyResult<Option<i64>> {
        match v {
            Value::None => Ok(None),
            other => as_int(other).map(Some).ok_or_else(|| {
                type_error("slice indices must be integers or None or have an __index__ method")
            }),
        }
    };
    let step = get(&s[2])?.unwrap_or(1);
    if step == 0 {
        return Err(value_error("slice step cannot be zero"));
    }
    let len = len as i64;
    let clamp = |v: i64, lo: i64, hi: i64| v.max(lo).min(hi);
    let (lo_default, hi_default) = if step > 0 { (0, len) } else { (len - 1, -1) };
    let start = match get(&s[0])? {
        None => lo_default,
        Some(i) if i < 0 => {
            if step > 0 {
                clamp(i + len, 0, len)
            } else {
                clamp(i + len, -1, len - 1)
            }
        }
        Some(i) => {
            if step > 0 {
                clamp(i, 0, len)
            } else {
                clamp(i, -1, len - 1)
            }
        }
    };
    let stop = match get(&s[1])? {
        None => hi_default,
        Some(i) if i < 0 => {
            if step > 0 {
                clamp(i + len, 0, len)
            } else {
                clamp(i + len, -1, len - 1)
            }
        }
        Some(i) => {
            if step > 0 {
                clamp(i, 0, len)
            } else {
                clamp(i, -1, len - 1)
            }
        }
    };
    Ok((start, stop, step))
}

fn index_of(i: &Value, what: &str) -> PyResult<i64> {
    as_int(i).ok_or_else(|| {
        type_error(format!(
            "{what} indices must be integers or slices, not {}",
            type_name(i)
        ))
    })
}

/// `c[i]`.
pub fn getitem(c: &Value, i: &Value) -> PyResult {
    match c {
        Value::List(l) => {
            let l = l.borrow();
            if let Value::Slice(s) = i {
                return Ok(Value::list(
                    slice_indices(s, l.len())?
                        .into_iter()
                        .map(|k| l[k].clone())
                        .collect(),
                ));
            }
            let k = index_of(i, "list")?;
            norm_index(k, l.len())
                .map(|k| l[k].clone())
                .ok_or_else(|| index_error("list index out of range"))
        }
        Value::Tuple(t) => {
            if let Value::Slice(s) = i {
                return Ok(Value::tuple(
                    slice_indices(s, t.len())?
                        .into_iter()
                        .map(|k| t[k].clone())
                        .collect(),
                ));
            }
            let k = index_of(i, "tuple")?;
            norm_index(k, t.len())
                .map(|k| t[k].clone())
                .ok_or_else(|| index_error("tuple index out of range"))
        }
        Value::Str(s) => {
            let chars: Vec<char> = s.chars().collect();
            if let Value::Slice(sl) = i {
                return Ok(Value::string(
                    slice_indices(sl, chars.len())?
                        .into_iter()
                        .map(|k| chars[k])
                        .collect(),
                ));
            }
            let k = as_int(i).ok_or_else(|| {
                type_error(format!(
                    "string indices must be integers, not '{}'",
                    type_name(i)
                ))
            })?;
            norm_index(k, chars.len())
                .map(|k| Value::string(chars[k].to_string()))
                .ok_or_else(|| index_error("string index out of range"))
        }
        Value::Range(r) => {
            if let Value::Slice(s) = i {
                // `compute_slice` in rangeobject.c: the slice's bounds, mapped through the range.
                let (start, stop, step) = slice_bounds(s, r.len() as usize)?;
                let at = |k: i64| {
                    (r.start as i128 + k as i128 * r.step as i128)
                        .clamp(i64::MIN as i128, i64::MAX as i128) as i64
                };
                return Ok(Value::Range(Rc::new(crate::objects::Range {
                    // Within the range's own bounds (by at most a step): clamped, never wrapped.
                    start: at(start),
                    stop: at(stop),
                    step: (r.step as i128 * step as i128).clamp(i64::MIN as i128, i64::MAX as i128)
                        as i64,
                })));
            }
            let k = index_of(i, "range")?;
            norm_index(k, r.len() as usize)
                .map(|k| Value::Int(r.get(k as i64)))
                .ok_or_else(|| index_error("range object index out of range"))
        }
        Value::Dict(d) => d.borrow().get(i)?.ok_or_else(|| key_error(i.clone())),
        Value::Class(cls) => crate::objects::type_forms::class_getitem(cls, i)
            .ok_or_else(|| type_error(format!("type '{}' is not subscriptable", cls.name))),
        other => Err(type_error(format!(
            "'{}' object is not subscriptable",
            type_name(other)
        ))),
    }
}

/// `c[i] = v`.
pub fn setitem(c: &Value, i: Value, v: Value) -> PyResult<()> {
    match c {
        Value::List(l) => {
            if let Value::Slice(s) = &i {
                let items = collect(&v)?;
                let mut l = l.borrow_mut();
                if matches!(s[2], Value::None) {
                    let idx = slice_indices(&[s[0].clone(), s[1].clone(), Value::None], l.len())?;
                    let len = l.len() as i64;
                    let start = match &s[0] {
                        Value::None => 0,
                        x => {
                            let k = as_int(x).unwrap_or(0);
                            if k < 0 {
                                (k + len).max(0)
                            } else {
                                k.min(len)
                            }
                        }
                    } as usize;
                    let end = idx.last().map_or(start, |&k| k + 1).max(start);
                    l.splice(start..end, items);
                } else {
                    let idx = slice_indices(s, l.len())?;
                    if idx.len() != items.len() {
                        return Err(value_error(format!(
                            "attempt to assign sequence of size {} to extended slice of size {}",
                            items.len(),
                            idx.len()
                        )));
                    }
                    for (k, x) in idx.into_iter().zip(items) {
                        l[k] = x;
                    }
                }
                return Ok(());
            }
            let k = index_of(&i, "list")?;
            let mut l = l.borrow_mut();
            let len = l.len();
            match norm_index(k, len) {
                Some(k) => {
                    l[k] = v;
                    Ok(())
                }
                None => Err(index_error("list assignment index out of range")),
            }
        }
        Value::Dict(d) => d.borrow_mut().insert(i, v),
        other => Err(type_error(format!(
            "'{}' object does not support item assignment",
            type_name(other)
        ))),
    }
}

/// `del c[i]`.
pub fn delitem(c: &Value, i: &Value) -> PyResult<()> {
    match c {
        Value::List(l) => {
            if let Value::Slice(s) = i {
                let mut l = l.borrow_mut();
                let mut idx = slice_indices(s, l.len())?;
                idx.sort_unstable();
                for k in idx.into_iter().rev() {
                    l.remove(k);
                }
                return Ok(());
            }
            let k = index_of(i, "list")?;
            let mut l = l.borrow_mut();
            let len = l.len();
            match norm_index(k, len) {
                Some(k) => {
                    l.remove(k);
                    Ok(())
                }
                None => Err(index_error("list assignment index out of range")),
            }
        }
        Value::Dict(d) => match d.borrow_mut().remove(i)? {
            Some(_) => Ok(()),
            None => Err(key_error(i.clone())),
        },
        other => Err(type_error(format!(
            "'{}' object doesn't support item deletion",
            type_name(other)
        ))),
    }
}

/// Every item of an iterable.
pub fn iterate(v: &Value) -> PyResult<Vec<Value>> {
    collect(v)
}

/// `a, b = seq` (`after: None`) or `a, *b, c = seq` (`before` = 1, `after` = 1).
pub fn unpack(seq: &Value, before: usize, after: Option<usize>) -> PyResult<Vec<Value>> {
    let items = collect(seq).map_err(|e| {
        if e.is_a("TypeError") {
            type_error(format!(
                "cannot unpack non-iterable {} object",
                type_name(seq)
            ))
        } else {
            e
        }
    })?;
    match after {
        None => {
            if items.len() < before {
                return Err(value_error(format!(
                    "not enough values to unpack (expected {before}, got {})",
                    items.len()
                )));
            }
            if items.len() > before {
                return Err(value_error(format!(
                    "too many values to unpack (expected {before})"
                )));
            }
            Ok(items)
        }
        Some(after) => {
            if items.len() < before + after {
                return Err(value_error(format!(
                    "not enough values to unpack (expected at least {}, got {})",
                    before + after,
                    items.len()
                )));
            }
            let mut out: Vec<Value> = items[..before].to_vec();
            out.push(Value::list(items[before..items.len() - after].to_vec()));
            out.extend(items[items.len() - after..].iter().cloned());
            Ok(out)
        }
    }
}

/// `raise v`: an exception instance, or an exception class called with no arguments.
pub fn exception_from(v: &Value) -> PyResult<Raised> {
    match v {
        Value::Exc(e) => Ok(e.clone()),
        Value::Class(c) if c.is_exception() => {
            match super::call::call(v, Vec::new(), Vec::new())? {
                Value::Exc(e) => Ok(e),
                _ => Err(type_error("exceptions must derive from BaseException")),
            }
        }
        _ => Err(type_error("exceptions must derive from BaseException")),
    }
}

/// `except typ:` matches `e`?
pub fn exc_matches(e: &Value, typ: &Value) -> PyResult<bool> {
    let Value::Exc(e) = e else { return Ok(false) };
    if e.is_stop() {
        return Ok(false);
    }
    let classes: Vec<Value> = match typ {
        Value::Tuple(t) => t.to_vec(),
        other => vec![other.clone()],
    };
    let mut matched = false;
    for c in classes {
        match c {
            Value::Class(c) if c.is_exception() => matched |= e.is_instance(&c),
            _ => {
                return Err(type_error(
                    "catching classes that do not inherit from BaseException is not allowed",
                ))
            }
        }
    }
    Ok(matched)
}
