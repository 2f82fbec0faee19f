//! `==`, `<` and `hash()` of the built-in types (programs cannot override them: operator dunders
//! are outside the subset).

use super::hash::{hash_bool, hash_float, hash_int, hash_none, hash_str, hash_tuple};
use super::Value;
use crate::syntax::ast::CmpOp;
use crate::vm::{type_error, PyResult};
use std::cmp::Ordering;

/// Compares an int and a float exactly (as CPython does, without rounding the int).
pub fn cmp_int_float(i: i64, f: f64) -> Option<Ordering> {
    if f.is_nan() {
        return None;
    }
    if f.is_infinite() {
        return Some(if f > 0.0 {
            Ordering::Less
        } else {
            Ordering::Greater
        });
    }
    let t = f.trunc();
    if t >= 9.3e18 {
        return Some(Ordering::Less);
    }
    if t <= -9.3e18 {
        return Some(Ordering::Greater);
    }
    let ti = t as i128;
    match (i as i128).cmp(&ti) {
        Ordering::Equal => Some(if f > t {
            Ordering::Less
        } else if f < t {
            Ordering::Greater
        } else {
            Ordering::Equal
        }),
        o => Some(o),
    }
}

/// The number a value is, for comparisons (bools are ints).
enum Num {
    I(i64),
    F(f64),
}

fn num(v: &Value) -> Option<Num> {
    match v {
        Value::Int(i) => Some(Num::I(*i)),
        Value::Bool(b) => Some(Num::I(*b as i64)),
        Value::Float(f) => Some(Num::F(*f)),
        _ => None,
    }
}

fn num_cmp(a: &Num, b: &Num) -> Option<Ordering> {
    match (a, b) {
        (Num::I(x), Num::I(y)) => Some(x.cmp(y)),
        (Num::F(x), Num::F(y)) => x.partial_cmp(y),
        (Num::I(x), Num::F(y)) => cmp_int_float(*x, *y),
        (Num::F(x), Num::I(y)) => cmp_int_float(*y, *x).map(Ordering::reverse),
    }
}

/// `a == b`.
pub fn py_eq(a: &Value, b: &Value) -> bool {
    if let (Some(x), Some(y)) = (num(a), num(b)) {
        return num_cmp(&x, &y) == Some(Ordering::Equal);
    }
    match (a, b) {
        (Value::Str(x), Value::Str(y)) => x == y,
        (Value::Tuple(x), Value::Tuple(y)) => {
            x.len() == y.len() && x.iter().zip(y.iter()).all(|(p, q)| p.is(q) || py_eq(p, q))
        }
        (Value::List(x), Value::List(y)) => {
            let (x, y) = (x.borrow(), y.borrow());
            x.len() == y.len() && x.iter().zip(y.iter()).all(|(p, q)| p.is(q) || py_eq(p, q))
        }
        (Value::Dict(x), Value::Dict(y)) => {
            let (x, y) = (x.borrow(), y.borrow());
            x.len() == y.len()
                && x.iter()
                    .all(|(k, v)| matches!(y.get(k), Ok(Some(w)) if w.is(v) || py_eq(v, &w)))
        }
        (Value::Set(x), Value::Set(y)) => {
            let (x, y) = (x.borrow(), y.borrow());
            x.len() == y.len() && x.iter().all(|k| y.contains(k).unwrap_or(false))
        }
        (Value::Range(x), Value::Range(y)) => {
            let (n, m) = (x.len(), y.len());
            n == m && (n == 0 || (x.start == y.start && (n == 1 || x.step == y.step)))
        }
        (Value::Method(x), Value::Method(y)) => x.0.is(&y.0) && x.1.is(&y.1),
        (Value::Builtin(x), Value::Builtin(y)) => {
            std::ptr::fn_addr_eq(x.f, y.f)
                && x.name == y.name
                && match (&x.bound, &y.bound) {
                    (Some(p), Some(q)) => p.is(q),
                    (None, None) => true,
                    _ => false,
                }
        }
        (Value::Native(_), Value::Native(_)) => {
            crate::objects::type_forms::equal(a, b).unwrap_or_else(|| a.is(b))
        }
        _ => a.is(b),
    }
}

/// The name a comparison error uses for a type.
fn tname(v: &Value) -> String {
    crate::builtins::type_name(v)
}

fn unorderable(op: CmpOp, a: &Value, b: &Value) -> crate::objects::Raised {
    type_error(format!(
        "'{}' not supported between instances of '{}' and '{}'",
        op.symbol(),
        tname(a),
        tname(b)
    ))
}

/// Orders two values for `<`, `<=`, `>`, `>=` (`None` for NaN comparisons: all false).
pub fn py_cmp(op: CmpOp, a: &Value, b: &Value) -> PyResult<Option<Ordering>> {
    if let (Some(x), Some(y)) = (num(a), num(b)) {
        return Ok(num_cmp(&x, &y));
    }
    match (a, b) {
        (Value::Str(x), Value::Str(y)) => Ok(Some(x.cmp(y))),
        (Value::Tuple(x), Value::Tuple(y)) => seq_cmp(op, x, y),
        (Value::List(x), Value::List(y)) => {
            let (x, y) = (x.borrow().clone(), y.borrow().clone());
            seq_cmp(op, &x, &y)
        }
        (Value::Set(x), Value::Set(y)) => {
            let (x, y) = (x.borrow(), y.borrow());
            let sub = x.iter().all(|k| y.contains(k).unwrap_or(false));
            let sup = y.iter().all(|k| x.contains(k).unwrap_or(false));
            Ok(match (sub, sup) {
                (true, true) => Some(Ordering::Equal),
                (true, false) => Some(Ordering::Less),
                (false, true) => Some(Ordering::Greater),
                // Neither: every ordering is false, as for NaN.
                (false, false) => None,
            })
        }
        _ => Err(unorderable(op, a, b)),
    }
}

/// Lexicographic order: the first unequal items decide.
fn seq_cmp(op: CmpOp, x: &[Value], y: &[Value]) -> PyResult<Option<Ordering>> {
    for (p, q) in x.iter().zip(y.iter()) {
        if !(p.is(q) || py_eq(p, q)) {
            return py_cmp(op, p, q);
        }
    }
    Ok(Some(x.len().cmp(&y.len())))
}

/// `a < b` (for sorting, `min`, `max`, heaps).
pub fn py_lt(a: &Value, b: &Value) -> PyResult<bool> {
    Ok(py_cmp(CmpOp::Lt, a, b)? == Some(Ordering::Less))
}

/// `hash(v)`.
///
/// # Errors
/// `TypeError: unhashable type: 'list'`.
pub fn hash(v: &Value) -> PyResult<i64> {
    Ok(match v {
        Value::None => hash_none(),
        Value::Bool(b) => hash_bool(*b),
        Value::Int(i) => hash_int(*i),
        Value::Float(f) => hash_float(*f),
        Value::Str(s) => hash_str(s),
        Value::Tuple(items) => {
            let hs: PyResult<Vec<i64>> = items.iter().map(hash).collect();
            hash_tuple(&hs?)
        }
        Value::Range(r) => {
            let n = r.len();
            let (start, step) = if n == 0 {
                (Value::None, Value::None)
            } else if n == 1 {
                (Value::Int(r.start), Value::None)
            } else {
                (Value::Int(r.start), Value::Int(r.step))
            };
            hash_tuple(&[hash_int(n), hash(&start)?, hash(&step)?])
        }
        Value::List(_) | Value::Dict(_) | Value::Set(_) | Value::Slice(_) => {
            return Err(type_error(format!("unhashable type: '{}'", tname(v))));
        }
        other => {
            // `_Py_HashPointer`: the address rotated by 4 bits.
            let p = other.id() as u64;
            let h = p.rotate_right(4) as i64;
            if h == -1 {
                -2
            } else {
                h
            }
        }
    })
}
