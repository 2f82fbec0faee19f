//! The built-in functions (`print`, `len`, `sorted`, `min`, `isinstance`, …), with CPython's
//! argument rules and messages.

use super::{class_of, type_name};
use crate::objects::compare::{hash, py_cmp, py_lt};
use crate::objects::iter::{collect, get_iter, new_iter, next, Iter, ViewKind};
use crate::objects::repr::{repr, str};
use crate::objects::{BuiltinFn, Value};
use crate::syntax::ast::{BinOp, CmpOp};
use crate::vm::call::call;
use crate::vm::ops::{as_float, as_int, binary, truthy};
use crate::vm::{attr, interp, type_error, value_error, PyResult};
use std::cmp::Ordering;
use std::rc::Rc;

type Kw = Vec<(Rc<str>, Value)>;

pub const FUNCTIONS: &[(&str, BuiltinFn)] = &[
    ("print", print),
    ("len", len),
    ("abs", abs),
    ("round", round),
    ("divmod", divmod),
    ("pow", pow),
    ("sum", sum),
    ("min", min),
    ("max", max),
    ("any", any),
    ("all", all),
    ("sorted", sorted),
    ("reversed", reversed),
    ("enumerate", enumerate),
    ("zip", zip),
    ("map", map),
    ("filter", filter),
    ("isinstance", isinstance),
    ("issubclass", issubclass),
    ("hasattr", hasattr),
    ("getattr", getattr),
    ("setattr", setattr),
    ("iter", iter),
    ("next", next_),
    ("id", id),
    ("hash", hash_),
    ("chr", chr),
    ("ord", ord),
    ("format", format),
    ("repr", repr_),
];

/// `f() takes exactly one argument (2 given)` and friends.
pub fn exactly(name: &str, args: &[Value], n: usize) -> PyResult<()> {
    if args.len() == n {
        return Ok(());
    }
    let what = if n == 1 {
        "exactly one argument".to_string()
    } else {
        format!("exactly {n} arguments")
    };
    Err(type_error(format!(
        "{name}() takes {what} ({} given)",
        args.len()
    )))
}

/// Refuses keyword arguments a built-in does not take.
pub fn no_kwargs(name: &str, kwargs: &Kw) -> PyResult<()> {
    if kwargs.is_empty() {
        Ok(())
    } else {
        Err(type_error(format!("{name}() takes no keyword arguments")))
    }
}

/// Takes the keyword arguments named in `names`; any other is an error.
pub fn take_kwargs<const N: usize>(
    fname: &str,
    kwargs: Kw,
    names: &[&str; N],
) -> PyResult<[Option<Value>; N]> {
    let mut out = [const { None }; N];
    for (k, v) in kwargs {
        match names.iter().position(|n| **n == *k) {
            Some(i) => out[i] = Some(v),
            None => {
                // Python 3.13 suggests one of the function's keywords (`getargs.c`).
                return Err(type_error(format!(
                    "{fname}() {}",
                    crate::suggestions::unexpected_keyword(&k, names.iter().copied())
                )));
            }
        }
    }
    Ok(out)
}

fn print(_: Option<&Value>, args: Vec<Value>, kwargs: Kw) -> PyResult {
    let kw = take_kwargs("print", kwargs, &["sep", "end", "file", "flush"])?;
    fn text_of<'a>(v: &'a Option<Value>, default: &'a str, what: &str) -> PyResult<&'a str> {
        match v {
            None | Some(Value::None) => Ok(default),
            Some(Value::Str(s)) => Ok(s),
            Some(other) => Err(type_error(format!(
                "{what} must be None or a string, not {}",
                type_name(other)
            ))),
        }
    }
    let sep = text_of(&kw[0], " ", "sep")?;
    let end = text_of(&kw[1], "\n", "end")?;
    let to_stderr = match &kw[2] {
        None | Some(Value::None) => false,
        Some(Value::Native(n)) if n.repr().contains("stderr") => true,
        Some(_) => return Err(crate::vm::refuse("print(file=...) with a file")),
    };
    let write = |text: &str| {
        if to_stderr {
            interp::write_stderr(text);
        } else {
            interp::write_stdout(text);
        }
    };
    // CPython writes each argument as it converts it: what a program's `__str__` prints comes
    // after what was written before it, and what was written stays if it raises. Text is
    // gathered until an argument whose conversion may run program code.
    let mut out = String::new();
    for (i, a) in args.iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        let plain = matches!(
            a,
            Value::Str(_) | Value::Int(_) | Value::Float(_) | Value::Bool(_) | Value::None
        );
        if !plain && !out.is_empty() {
            write(&std::mem::take(&mut out));
        }
        match a {
            Value::Str(s) => out.push_str(s),
            _ => out.push_str(&str(a)?),
        }
    }
    out.push_str(end);
    write(&out);
    Ok(Value::None)
}

pub fn length(v: &Value) -> PyResult<usize> {
    Ok(match v {
        Value::Str(s) => s.chars().count(),
        Value::List(l) => l.borrow().len(),
        Value::Tuple(t) => t.len(),
        Value::Dict(d) => d.borrow().len(),
        Value::Set(s) => s.borrow().len(),
        Value::Range(r) => r.len() as usize,
        Value::Iter(i) => match &*i.borrow() {
            Iter::View { dict, .. } => dict.borrow().len(),
            _ => {
                return Err(type_error(format!(
                    "object of type '{}' has no len()",
                    type_name(v)
                )))
            }
        },
        Value::Native(n) => match n.getattr("__len__") {
            Some(Value::Int(k)) => k as usize,
            _ => {
                return Err(type_error(format!(
                    "object of type '{}' has no len()",
                    type_name(v)
                )))
            }
        },
        other => {
            return Err(type_error(format!(
                "object of type '{}' has no len()",
                type_name(other)
            )))
        }
    })
}

fn len(_: Option<&Value>, args: Vec<Value>, kwargs: Kw) -> PyResult {
    no_kwargs("len", &kwargs)?;
    exactly("len", &args, 1)?;
    Ok(Value::Int(length(&args[0])? as i64))
}

fn abs(_: Option<&Value>, args: Vec<Value>, kwargs: Kw) -> PyResult {
    no_kwargs("abs", &kwargs)?;
    exactly("abs", &args, 1)?;
    match &args[0] {
        Value::Int(i) => i
            .checked_abs()
            .map(Value::Int)
            .ok_or_else(crate::vm::ops::overflow),
        Value::Bool(b) => Ok(Value::Int(*b as i64)),
        Value::Float(f) => Ok(Value::Float(f.abs())),
        other => Err(type_error(format!(
            "bad operand type for abs(): '{}'",
            type_name(other)
        ))),
    }
}

fn round(_: Option<&Value>, args: Vec<Value>, kwargs: Kw) -> PyResult {
    let kw = take_kwargs("round", kwargs, &["number", "ndigits"])?;
    if args.len() > 2 {
        return Err(type_error(format!(
            "round() takes at most 2 arguments ({} given)",
            args.len()
        )));
    }
    let mut args = args.into_iter();
    let x = args
        .next()
        .or(kw[0].clone())
        .ok_or_else(|| type_error("round() missing required argument 'number' (pos 1)"))?;
    let nd = args.next().or(kw[1].clone());
    let nd = match nd {
        None | Some(Value::None) => None,
        Some(v) => Some(as_int(&v).ok_or_else(|| {
            type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                type_name(&v)
            ))
        })?),
    };
    super::numbers::round(&x, nd)
}

fn divmod(_: Option<&Value>, args: Vec<Value>, kwargs: Kw) -> PyResult {
    no_kwargs("divmod", &kwargs)?;
    if args.len() != 2 {
        return Err(type_error(format!(
            "divmod expected 2 arguments, got {}",
            args.len()
        )));
    }
    let (a, b) = (&args[0], &args[1]);
    if let (Some(_), Some(0)) = (as_int(a), as_int(b)) {
        return Err(crate::vm::exc(
            "ZeroDivisionError",
            "integer division or modulo by zero",
        ));
    }
    if as_float(b) == Some(0.0) && (matches!(a, Value::Float(_)) || matches!(b, Value::Float(_))) {
        return Err(crate::vm::exc("ZeroDivisionError", "float divmod()"));
    }
    let q = binary(BinOp::FloorDiv, a, b).map_err(|e| rename(e, "//", "divmod()"))?;
    let r = binary(BinOp::Mod, a, b)?;
    Ok(Value::tuple(vec![q, r]))
}

/// `unsupported operand type(s) for //: …` becomes `… for divmod(): …`.
fn rename(e: crate::objects::Raised, from: &str, to: &str) -> crate::objects::Raised {
    if let Some(Value::Str(m)) = e.args().first() {
        let pat = format!("for {from}:");
        if m.contains(&pat) {
            return type_error(m.replacen(&pat, &format!("for {to}:"), 1));
        }
    }
    e
}

fn pow(_: Option<&Value>, args: Vec<Value>, kwargs: Kw) -> PyResult {
    let kw = take_kwargs("pow", kwargs, &["base", "exp", "mod"])?;
    let mut it = args.into_iter();
    let base = it
        .next()
        .or(kw[0].clone())
        .ok_or_else(|| type_error("pow() missing required argument 'base' (pos 1)"))?;
    let exp = it
        .next()
        .or(kw[1].clone())
        .ok_or_else(|| type_error("pow() missing required argument 'exp' (pos 2)"))?;
    match it.next().or(kw[2].clone()) {
        None | Some(Value::None) => {
            binary(BinOp::Pow, &base, &exp).map_err(|e| rename(e, "**", "** or pow()"))
        }
        Some(m) => {
            let (Some(b), Some(e), Some(m)) = (as_int(&base), as_int(&exp), as_int(&m)) else {
                return Err(type_error(
                    "pow() 3rd argument not allowed unless all arguments are integers",
                ));
            };
            if m == 0 {
                return Err(value_error("pow() 3rd argument cannot be 0"));
            }
            if e < 0 {
                return Err(crate::vm::refuse(
                    "pow() with a negative exponent and a modulus",
                ));
            }
            let mut result: i128 = 1;
            let mut base = (b as i128).rem_euclid(m as i128);
            let mut e = e;
            while e > 0 {
                if e & 1 == 1 {
                    result = (result * base).rem_euclid(m as i128);
                }
                base = (base * base).rem_euclid(m as i128);
                e >>= 1;
            }
            let r = result as i64;
            Ok(Value::Int(if m < 0 && r > 0 { r + m } else { r }))
        }
    }
}

/// `sum(iterable, start=0)`, with CPython 3.12's compensated summation of floats.
fn sum(_: Option<&Value>, args: Vec<Value>, kwargs: Kw) -> PyResult {
    let kw = take_kwargs("sum", kwargs, &["start"])?;
    if args.is_empty() {
        return Err(type_error(
            "sum() takes at least 1 positional argument (0 given)",
        ));
    }
    if args.len() > 2 {
        return Err(type_error(format!(
            "sum() takes at most 2 arguments ({} given)",
            args.len()
        )));
    }
    let start = args
        .get(1)
        .cloned()
        .or(kw[0].clone())
        .unwrap_or(Value::Int(0));
    if let Value::Str(_) = &start {
        return Err(type_error(
            "sum() can't sum strings [use ''.join(seq) instead]",
        ));
    }
    let it = get_iter(&args[0])?;
    let mut result = start;
    let mut float_mode: Option<(f64, f64)> = None;
    while let Some(item) = next(&it)? {
        if let Some((f, c)) = float_mode.as_mut() {
            match item {
                Value::Float(x) => {
                    let t = *f + x;
                    if f.abs() >= x.abs() {
                        *c += (*f - t) + x;
                    } else {
                        *c += (x - t) + *f;
                    }
                    *f = t;
                    continue;
                }
                Value::Int(_) | Value::Bool(_) => {
                    *f += as_int(&item).expect("an int") as f64;
                    continue;
                }
                other => {
                    let (f, c) = float_mode.take().expect("in float mode");
                    let total = if c != 0.0 && c.is_finite() { f + c } else { f };
                    result = binary(BinOp::Add, &Value::Float(total), &other)?;
                    continue;
                }
            }
        }
        result = binary(BinOp::Add, &result, &item)?;
        if let Value::Float(f) = result {
            float_mode = Some((f, 0.0));
        }
    }
    if let Some((f, c)) = float_mode {
        return Ok(Value::Float(if c != 0.0 && c.is_finite() {
            f + c
        } else {
            f
        }));
    }
    Ok(result)
}

/// `min` (`op` `<`) and `max` (`>`): one iterable or several arguments, `key=`, `default=`.
fn extreme(name: &str, op: CmpOp, args: Vec<Value>, kwargs: Kw) -> PyResult {
    let kw = take_kwargs(name, kwargs, &["key", "default"])?;
    let key = kw[0].clone().filter(|k| !matches!(k, Value::None));
    let items = match args.len() {
        0 => {
            return Err(type_error(format!(
                "{name} expected at least 1 argument, got 0"
            )))
        }
        1 => collect(&args[0])?,
        _ => {
            if kw[1].is_some() {
                return Err(type_error(format!(
                    "Cannot specify a default for {name}() with multiple positional arguments"
                )));
            }
            args
        }
    };
    let mut best: Option<(Value, Value)> = None;
    for item in items {
        let k = match &key {
            Some(f) => call(f, vec![item.clone()], Vec::new())?,
            None => item.clone(),
        };
        let better = match &best {
            None => true,
            Some((_, bk)) => {
                py_cmp(op, &k, bk)?
                    == Some(if op == CmpOp::Lt {
                        Ordering::Less
                    } else {
                        Ordering::Greater
                    })
            }
        };
        if better {
            best = Some((item, k));
        }
    }
    match best {
        Some((v, _)) => Ok(v),
        None => kw[1]
            .clone()
            .ok_or_else(|| value_error(format!("{name}() iterable argument is empty"))),
    }
}

fn min(_: Option<&Value>, args: Vec<Value>, kwargs: Kw) -> PyResult {
    extreme("min", CmpOp::Lt, args, kwargs)
}

fn max(_: Option<&Value>, args: Vec<Value>, kwargs: Kw) -> PyResult {
    extreme("max", CmpOp::Gt, args, kwargs)
}

fn any(_: Option<&Value>, args: Vec<Value>, kwargs: Kw) -> PyResult {
    no_kwargs("any", &kwargs)?;
    exactly("any", &args, 1)?;
    let it = get_iter(&args[0])?;
    while let Some(v) = next(&it)? {
        if truthy(&v)? {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn all(_: Option<&Value>, args: Vec<Value>, kwargs: Kw) -> PyResult {
    no_kwargs("all", &kwargs)?;
    exactly("all", &args, 1)?;
    let it = get_iter(&args[0])?;
    while let Some(v) = next(&it)? {
        if !truthy(&v)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

/// Sorts `items` stably by `keys` (`reverse` keeps equal items in order, as CPython does).
pub fn sort_values(items: &mut Vec<Value>, key: Option<&Value>, reverse: bool) -> PyResult<()> {
    let keys: Vec<Value> = match key {
        Some(f) => items
            .iter()
            .map(|v| call(f, vec![v.clone()], Vec::new()))
            .collect::<PyResult<_>>()?,
        None => items.clone(),
    };
    let mut idx: Vec<usize> = (0..items.len()).collect();
    if reverse {
        idx.reverse();
    }
    // Binary insertion sort for short lists (as timsort does them), merge sort otherwise;
    // comparisons are `later < earlier`, as CPython makes them.
    let mut err = None;
    let mut lt = |a: usize, b: usize| -> bool {
        if err.is_some() {
            return false;
        }
        match py_lt(&keys[a], &keys[b]) {
            Ok(r) => r,
            Err(e) => {
                err = Some(e);
                false
            }
        }
    };
    let mut sorted = if idx.len() <= 64 {
        let mut sorted: Vec<usize> = Vec::with_capacity(idx.len());
        for &i in &idx {
            let (mut lo, mut hi) = (0, sorted.len());
            while lo < hi {
                let mid = (lo + hi) / 2;
                if lt(i, sorted[mid]) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            sorted.insert(lo, i);
        }
        sorted
    } else {
        merge_sort(idx, &mut lt)
    };
    if let Some(e) = err {
        return Err(e);
    }
    if reverse {
        sorted.reverse();
    }
    let old = std::mem::take(items);
    *items = sorted.into_iter().map(|i| old[i].clone()).collect();
    Ok(())
}

/// A stable bottom-up merge sort (never panics, whatever `lt` answers).
fn merge_sort(mut idx: Vec<usize>, lt: &mut impl FnMut(usize, usize) -> bool) -> Vec<usize> {
    let n = idx.len();
    let mut buf = idx.clone();
    let mut width = 1;
    while width < n {
        let mut i = 0;
        while i < n {
            let mid = (i + width).min(n);
            let hi = (i + 2 * width).min(n);
            let (mut a, mut b, mut k) = (i, mid, i);
            while a < mid && b < hi {
                if lt(idx[b], idx[a]) {
                    buf[k] = idx[b];
                    b += 1;
                } else {
                    buf[k] = idx[a];
                    a += 1;
                }
                k += 1;
            }
            buf[k..k + (mid - a)].copy_from_slice(&idx[a..mid]);
            k += mid - a;
            buf[k..k + (hi - b)].copy_from_slice(&idx[b..hi]);
            i += 2 * width;
        }
        std::mem::swap(&mut idx, &mut buf);
        width *= 2;
    }
    idx
}

fn sorted(_: Option<&Value>, args: Vec<Value>, kwargs: Kw) -> PyResult {
    let kw = take_kwargs("sorted", kwargs, &["key", "reverse"])?;
    if args.len() != 1 {
        return Err(type_error(format!(
            "sorted expected 1 argument, got {}",
            args.len()
        )));
    }
    let mut items = collect(&args[0])?;
    let key = kw[0].clone().filter(|k| !matches!(k, Value::None));
    let reverse = match &kw[1] {
        Some(v) => truthy(v)?,
        None => false,
    };
    sort_values(&mut items, key.as_ref(), reverse)?;
    Ok(Value::list(items))
}

fn reversed(_: Option<&Value>, args: Vec<Value>, kwargs: Kw) -> PyResult {
    no_kwargs("reversed", &kwargs)?;
    if args.len() != 1 {
        return Err(type_error(format!(
            "reversed expected 1 argument, got {}",
            args.len()
        )));
    }
    match &args[0] {
        Value::List(l) => {
            let left = l.borrow().len();
            Ok(new_iter(Iter::Reversed {
                list: l.clone(),
                left,
            }))
        }
        v @ (Value::Tuple(_) | Value::Str(_) | Value::Range(_)) => {
            let mut items = collect(v)?;
            items.reverse();
            let name = match v {
                Value::Range(_) => "range_iterator",
                _ => "reversed",
            };
            Ok(new_iter(Iter::Items {
                items,
                pos: 0,
                name,
            }))
        }
        Value::Dict(d) => {
            let mut items = d.borrow().keys();
            items.reverse();
            Ok(new_iter(Iter::Items {
                items,
                pos: 0,
                name: "dict_reversekeyiterator",
            }))
        }
        Value::Iter(it) if matches!(&*it.borrow(), Iter::View { .. }) => {
            let kind = match &*it.borrow() {
                Iter::View { kind, .. } => *kind,
                _ => unreachable!("matched above"),
            };
            let mut items = collect(&args[0])?;
            items.reverse();
            let name = match kind {
                ViewKind::Keys => "dict_reversekeyiterator",
                ViewKind::Values => "dict_reversevalueiterator",
                ViewKind::Items => "dict_reverseitemiterator",
            };
            Ok(new_iter(Iter::Items {
                items,
                pos: 0,
                name,
            }))
        }
        other => Err(type_error(format!(
            "'{}' object is not reversible",
            type_name(other)
        ))),
    }
}

fn enumerate(_: Option<&Value>, args: Vec<Value>, kwargs: Kw) -> PyResult {
    let kw = take_kwargs("enumerate", kwargs, &["iterable", "start"])?;
    let mut it = args.into_iter();
    let iterable = it
        .next()
        .or(kw[0].clone())
        .ok_or_else(|| type_error("enumerate() missing required argument 'iterable'"))?;
    let start = match it.next().or(kw[1].clone()) {
        None => 0,
        Some(v) => as_int(&v).ok_or_else(|| {
            type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                type_name(&v)
            ))
        })?,
    };
    Ok(new_iter(Iter::Enumerate {
        inner: get_iter(&iterable)?,
        n: start,
    }))
}

fn zip(_: Option<&Value>, args: Vec<Value>, kwargs: Kw) -> PyResult {
    let kw = take_kwargs("zip", kwargs, &["strict"])?;
    let strict = match &kw[0] {
        Some(v) => truthy(v)?,
        None => false,
    };
    // Python 3.13 lets an argument's own error through (`'int' object is not iterable`).
    let iters = args.iter().map(get_iter).collect::<PyResult<Vec<_>>>()?;
    Ok(new_iter(Iter::Zip { iters, strict }))
}

fn map(_: Option<&Value>, mut args: Vec<Value>, kwargs: Kw) -> PyResult {
    no_kwargs("map", &kwargs)?;
    if args.len() < 2 {
        return Err(type_error("map() must have at least two arguments."));
    }
    let f = args.remove(0);
    let iters = args.iter().map(get_iter).collect::<PyResult<Vec<_>>>()?;
    Ok(new_iter(Iter::Map { f, iters }))
}

fn filter(_: Option<&Value>, args: Vec<Value>, kwargs: Kw) -> PyResult {
    no_kwargs("filter", &kwargs)?;
    if args.len() != 2 {
        return Err(type_error(format!(
            "filter expected 2 arguments, got {}",
            args.len()
        )));
    }
    Ok(new_iter(Iter::Filter {
        f: args[0].clone(),
        inner: get_iter(&args[1])?,
    }))
}

/// `isinstance(obj, classinfo)` for one class.
pub fn is_instance(obj: &Value, cls: &Rc<crate::objects::Class>) -> bool {
    class_of(obj).is_subclass(cls)
}

/// `isinstance`'s and `issubclass`'s second argument, as CPython walks it: a class, or a tuple
/// (of tuples) of them, in order, stopping at the first that `test` accepts; an item that is
/// neither is an error only when it is reached.
fn any_class(
    name: &str,
    info: &Value,
    test: &dyn Fn(&Rc<crate::objects::Class>) -> bool,
) -> PyResult<bool> {
    if let Some(members) = crate::objects::type_forms::classinfo_members(name, info) {
        return any_class(name, &Value::tuple(members?), test);
    }
    match info {
        Value::Class(c) => Ok(test(c)),
        Value::Tuple(t) => {
            for x in t.iter() {
                if any_class(name, x, test)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        _ if name == "issubclass" => Err(type_error(
            "issubclass() arg 2 must be a class, a tuple of classes, or a union",
        )),
        _ => Err(type_error(format!(
            "{name}() arg 2 must be a type, a tuple of types, or a union"
        ))),
    }
}

fn isinstance(_: Option<&Value>, args: Vec<Value>, kwargs: Kw) -> PyResult {
    no_kwargs("isinstance", &kwargs)?;
    if args.len() != 2 {
        return Err(type_error(format!(
            "isinstance expected 2 arguments, got {}",
            args.len()
        )));
    }
    let found = any_class("isinstance", &args[1], &|c| is_instance(&args[0], c))?;
    Ok(Value::Bool(found))
}

fn issubclass(_: Option<&Value>, args: Vec<Value>, kwargs: Kw) -> PyResult {
    no_kwargs("issubclass", &kwargs)?;
    if args.len() != 2 {
        return Err(type_error(format!(
            "issubclass expected 2 arguments, got {}",
            args.len()
        )));
    }
    let Value::Class(c) = &args[0] else {
        return Err(type_error("issubclass() arg 1 must be a class"));
    };
    let found = any_class("issubclass", &args[1], &|k| c.is_subclass(k))?;
    Ok(Value::Bool(found))
}

/// `getattr`'s, `hasattr`'s and `setattr`'s name argument.
fn attr_name(v: &Value) -> PyResult<Rc<str>> {
    match v {
        Value::Str(s) => Ok(s.clone()),
        other => Err(type_error(format!(
            "attribute name must be string, not '{}'",
            type_name(other)
        ))),
    }
}

fn hasattr(_: Option<&Value>, args: Vec<Value>, kwargs: Kw) -> PyResult {
    no_kwargs("hasattr", &kwargs)?;
    if args.len() != 2 {
        return Err(type_error(format!(
            "hasattr expected 2 arguments, got {}",
            args.len()
        )));
    }
    let name = attr_name(&args[1])?;
    match attr::getattr(&args[0], &name) {
        Ok(_) => Ok(Value::Bool(true)),
        Err(e) if e.is_a("AttributeError") => Ok(Value::Bool(false)),
        Err(e) => Err(e),
    }
}

fn getattr(_: Option<&Value>, args: Vec<Value>, kwargs: Kw) -> PyResult {
    no_kwargs("getattr", &kwargs)?;
    super::methods::count_args("getattr", &args, 2, 3)?;
    let name = attr_name(&args[1])?;
    match attr::getattr(&args[0], &name) {
        Err(e) if e.is_a("AttributeError") && args.len() == 3 => Ok(args[2].clone()),
        r => r,
    }
}

fn setattr(_: Option<&Value>, args: Vec<Value>, kwargs: Kw) -> PyResult {
    no_kwargs("setattr", &kwargs)?;
    if args.len() != 3 {
        return Err(type_error(format!(
            "setattr expected 3 arguments, got {}",
            args.len()
        )));
    }
    let name = attr_name(&args[1])?;
    attr::setattr(&args[0], &name, args[2].clone())?;
    Ok(Value::None)
}

fn iter(_: Option<&Value>, args: Vec<Value>, kwargs: Kw) -> PyResult {
    no_kwargs("iter", &kwargs)?;
    match args.len() {
        0 => return Err(type_error("iter expected at least 1 argument, got 0")),
        1 => {}
        2 => return Err(crate::vm::refuse("iter() with a sentinel")),
        n => {
            return Err(type_error(format!(
                "iter expected at most 2 arguments, got {n}"
            )))
        }
    }
    get_iter(&args[0])
}

fn next_(_: Option<&Value>, args: Vec<Value>, kwargs: Kw) -> PyResult {
    no_kwargs("next", &kwargs)?;
    if !(1..=2).contains(&args.len()) {
        return Err(type_error(format!(
            "next expected at least 1 argument, got {}",
            args.len()
        )));
    }
    if !matches!(args[0], Value::Iter(_) | Value::Gen(_))
        && !matches!(&args[0], Value::Native(n) if n.has_attr("__next__"))
    {
        return Err(type_error(format!(
            "'{}' object is not an iterator",
            type_name(&args[0])
        )));
    }
    match next(&args[0])? {
        Some(v) => Ok(v),
        None => match args.get(1) {
            Some(d) => Ok(d.clone()),
            None => Err(crate::objects::ExcObj::builtin("StopIteration", None)),
        },
    }
}

fn id(_: Option<&Value>, args: Vec<Value>, kwargs: Kw) -> PyResult {
    no_kwargs("id", &kwargs)?;
    exactly("id", &args, 1)?;
    Ok(Value::Int(args[0].id()))
}

fn hash_(_: Option<&Value>, args: Vec<Value>, kwargs: Kw) -> PyResult {
    no_kwargs("hash", &kwargs)?;
    exactly("hash", &args, 1)?;
    Ok(Value::Int(hash(&args[0])?))
}

fn chr(_: Option<&Value>, args: Vec<Value>, kwargs: Kw) -> PyResult {
    no_kwargs("chr", &kwargs)?;
    exactly("chr", &args, 1)?;
    let i = as_int(&args[0]).ok_or_else(|| {
        type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            type_name(&args[0])
        ))
    })?;
    match u32::try_from(i).ok().filter(|&c| c <= 0x10ffff) {
        None => Err(value_error("chr() arg not in range(0x110000)")),
        // CPython makes a string of one lone surrogate; the playground's strings are UTF-8.
        Some(c) => match char::from_u32(c) {
            Some(c) => Ok(Value::string(c.to_string())),
            None => Err(crate::vm::refuse("chr() of a surrogate (U+D800 to U+DFFF)")),
        },
    }
}

fn ord(_: Option<&Value>, args: Vec<Value>, kwargs: Kw) -> PyResult {
    no_kwargs("ord", &kwargs)?;
    exactly("ord", &args, 1)?;
    match &args[0] {
        Value::Str(s) => {
            let mut chars = s.chars();
            match (chars.next(), chars.next()) {
                (Some(c), None) => Ok(Value::Int(c as i64)),
                _ => Err(type_error(format!(
                    "ord() expected a character, but string of length {} found",
                    s.chars().count()
                ))),
            }
        }
        other => Err(type_error(format!(
            "ord() expected string of length 1, but {} found",
            type_name(other)
        ))),
    }
}

fn format(_: Option<&Value>, args: Vec<Value>, kwargs: Kw) -> PyResult {
    no_kwargs("format", &kwargs)?;
    super::methods::count_args("format", &args, 1, 2)?;
    let spec = args.get(1).cloned().unwrap_or(Value::str(""));
    Ok(Value::string(super::format::format_value(
        &args[0],
        0,
        Some(&spec),
    )?))
}

fn repr_(_: Option<&Value>, args: Vec<Value>, kwargs: Kw) -> PyResult {
    no_kwargs("repr", &kwargs)?;
    exactly("repr", &args, 1)?;
    Ok(Value::string(repr(&args[0])?))
}
