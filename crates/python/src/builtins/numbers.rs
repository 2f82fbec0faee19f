//! Numbers as the VM needs them, over [`crate::numfmt`] (CPython's exact printing, parsing,
//! rounding and division).

use crate::numfmt::{self, to_exc, IntOrFloat};
use crate::objects::Value;
use crate::vm::{type_error, PyResult};

pub use numfmt::float_repr;

fn value(r: IntOrFloat) -> Value {
    match r {
        IntOrFloat::Int(i) => Value::Int(i),
        IntOrFloat::Float(f) => Value::Float(f),
    }
}

/// `a / b` for ints, correctly rounded (the caller has checked `b != 0`).
pub fn int_true_div(a: i64, b: i64) -> f64 {
    numfmt::int_true_div(a, b).unwrap_or(f64::NAN)
}

/// `int(s, base)`.
pub fn parse_int(s: &str, base: i64) -> PyResult<i64> {
    if base != 0 && !(2..=36).contains(&base) {
        return Err(crate::vm::value_error(
            "int() base must be >= 2 and <= 36, or 0",
        ));
    }
    numfmt::parse_int(s, base as u32).map_err(to_exc)
}

/// `float(s)`.
pub fn parse_float(s: &str) -> PyResult<f64> {
    numfmt::parse_float(s).map_err(to_exc)
}

/// `int(x)` of a float (truncated).
pub fn float_to_int(x: f64) -> PyResult<i64> {
    numfmt::float_to_int(x).map_err(to_exc)
}

/// `round(x, ndigits)`.
pub fn round(x: &Value, nd: Option<i64>) -> PyResult {
    match (x, nd) {
        (Value::Int(_) | Value::Bool(_), None) => {
            Ok(Value::Int(crate::vm::ops::as_int(x).expect("an int")))
        }
        (Value::Int(_) | Value::Bool(_), Some(n)) => {
            numfmt::round_int(crate::vm::ops::as_int(x).expect("an int"), n)
                .map(Value::Int)
                .map_err(to_exc)
        }
        (Value::Float(f), nd) => numfmt::round_float(*f, nd).map(value).map_err(to_exc),
        (other, _) => Err(type_error(format!(
            "type {} doesn't define __round__ method",
            super::type_name(other)
        ))),
    }
}

/// `a ** b` for ints.
pub fn int_pow(a: i64, b: i64) -> PyResult {
    numfmt::int_pow(a, b).map(value).map_err(to_exc)
}

/// `a ** b` for floats.
pub fn float_pow(a: f64, b: f64) -> PyResult {
    numfmt::float_pow(a, b).map(Value::Float).map_err(to_exc)
}

/// `a // b` and `a % b` for floats (the caller has checked `b != 0`).
pub fn float_floordiv(a: f64, b: f64) -> f64 {
    numfmt::float_floordiv(a, b).unwrap_or(f64::NAN)
}

pub fn float_mod(a: f64, b: f64) -> f64 {
    numfmt::float_mod(a, b).unwrap_or(f64::NAN)
}
