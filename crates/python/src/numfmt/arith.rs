//! Float and int arithmetic (// % divmod ** round int() /) with CPython's results and errors.
use super::repr::{err, ErrKind::*, PyErr};

/// An int or a float result (round(), `int ** int`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum IntOrFloat {
    Int(i64),
    Float(f64),
}

fn too_large<T>() -> Result<T, PyErr> {
    err(OverflowError, "integer too large")
}

/// Python's divmod for floats (b != 0): floor quotient snapped to an integer, remainder
/// with the divisor's sign, signed zeros as CPython's _float_div_mod gives them.
fn div_mod(a: f64, b: f64) -> (f64, f64) {
    let mut m = a % b;
    let mut div = (a - m) / b;
    if m != 0.0 {
        if (b < 0.0) != (m < 0.0) {
            m += b;
            div -= 1.0;
        }
    } else {
        m = 0f64.copysign(b);
    }
    let q = if div != 0.0 {
        let f = div.floor();
        if div - f > 0.5 {
            f + 1.0
        } else {
            f
        }
    } else {
        0f64.copysign(a / b)
    };
    (q, m)
}

/// a // b for floats.
pub fn float_floordiv(a: f64, b: f64) -> Result<f64, PyErr> {
    if b == 0.0 {
        return err(ZeroDivisionError, "float floor division by zero");
    }
    Ok(div_mod(a, b).0)
}

/// a % b for floats: the result takes the divisor's sign.
pub fn float_mod(a: f64, b: f64) -> Result<f64, PyErr> {
    if b == 0.0 {
        return err(ZeroDivisionError, "float modulo by zero");
    }
    let m = a % b;
    Ok(if m == 0.0 {
        0f64.copysign(b)
    } else if (b < 0.0) != (m < 0.0) {
        m + b
    } else {
        m
    })
}

/// divmod(a, b) for floats.
pub fn float_divmod(a: f64, b: f64) -> Result<(f64, f64), PyErr> {
    if b == 0.0 {
        return err(ZeroDivisionError, "float divmod()");
    }
    Ok(div_mod(a, b))
}

fn is_odd_integer(x: f64) -> bool {
    x.abs() % 2.0 == 1.0
}

/// a ** b for floats, following CPython's float_pow special cases. A negative base with a
/// non-integral exponent (a complex result in Python) gives ValueError "complex result", or
/// OverflowError "complex exponentiation" where CPython's complex pow overflows.
pub fn float_pow(a: f64, b: f64) -> Result<f64, PyErr> {
    if b == 0.0 {
        return Ok(1.0);
    }
    if a.is_nan() {
        return Ok(a);
    }
    if b.is_nan() {
        return Ok(if a == 1.0 { 1.0 } else { b });
    }
    if b.is_infinite() {
        let m = a.abs();
        return Ok(if m == 1.0 {
            1.0
        } else if (b > 0.0) == (m > 1.0) {
            f64::INFINITY
        } else {
            0.0
        });
    }
    if a.is_infinite() || a == 0.0 {
        if a == 0.0 && b < 0.0 {
            return err(
                ZeroDivisionError,
                "0.0 cannot be raised to a negative power",
            );
        }
        let big = if a == 0.0 { b < 0.0 } else { b > 0.0 };
        let mag = if big { f64::INFINITY } else { 0.0 };
        return Ok(if is_odd_integer(b) {
            mag.copysign(a)
        } else {
            mag
        });
    }
    let negate = a < 0.0 && is_odd_integer(b);
    if a < 0.0 && b != b.floor() {
        // CPython hands this to complex pow, which fails when |a| ** b overflows.
        if (-a).powf(b).is_infinite() {
            return err(OverflowError, "complex exponentiation");
        }
        return err(ValueError, "complex result");
    }
    let m = a.abs();
    if m == 1.0 {
        return Ok(if negate { -1.0 } else { 1.0 });
    }
    let r = m.powf(b);
    if r.is_infinite() {
        return err(OverflowError, "(34, 'Numerical result out of range')");
    }
    Ok(if negate { -r } else { r })
}

/// a ** b for ints: exact when b >= 0 (OverflowError past i64), else float(a) ** float(b).
pub fn int_pow(a: i64, b: i64) -> Result<IntOrFloat, PyErr> {
    if b < 0 {
        return float_pow(a as f64, b as f64).map(IntOrFloat::Float);
    }
    let r = match a {
        0 | 1 => Some(if b == 0 { 1 } else { a }),
        -1 => Some(if b % 2 == 0 { 1 } else { -1 }),
        _ => u32::try_from(b).ok().and_then(|e| a.checked_pow(e)),
    };
    r.map_or_else(too_large, |v| Ok(IntOrFloat::Int(v)))
}

/// int(x) for a float: truncation toward zero.
pub fn float_to_int(x: f64) -> Result<i64, PyErr> {
    if x.is_nan() {
        return err(ValueError, "cannot convert float NaN to integer");
    }
    if x.is_infinite() {
        return err(OverflowError, "cannot convert float infinity to integer");
    }
    let t = x.trunc();
    if !(-9223372036854775808.0..9223372036854775808.0).contains(&t) {
        return too_large();
    }
    Ok(t as i64)
}

/// round(x) (Int, halves to even) or round(x, ndigits) (Float, correctly rounded decimal).
pub fn round_float(x: f64, ndigits: Option<i64>) -> Result<IntOrFloat, PyErr> {
    let Some(nd) = ndigits else {
        return float_to_int(x.round_ties_even()).map(IntOrFloat::Int);
    };
    if !x.is_finite() || x == 0.0 || nd > 323 {
        return Ok(IntOrFloat::Float(x));
    }
    if nd < -308 {
        return Ok(IntOrFloat::Float(0.0 * x));
    }
    let sig = decimal_exponent(x.abs()) as i64 + nd + 1;
    let r = if sig >= 17 {
        x
    } else if sig >= 1 {
        format!("{:.*e}", (sig - 1) as usize, x)
            .parse()
            .unwrap_or(x)
    } else if sig == 0 && above_half(x.abs()) {
        format!("1e{}", -nd)
            .parse::<f64>()
            .unwrap_or(f64::INFINITY)
            .copysign(x)
    } else {
        0f64.copysign(x)
    };
    if r.is_infinite() {
        return err(OverflowError, "rounded value too large to represent");
    }
    Ok(IntOrFloat::Float(r))
}

/// floor(log10(x)) for finite x > 0, exactly.
fn decimal_exponent(x: f64) -> i32 {
    let s = format!("{:e}", x);
    let exact = if s.starts_with("1e") {
        format!("{:.800e}", x)
    } else {
        s
    };
    exact
        .rsplit_once('e')
        .and_then(|(_, e)| e.parse().ok())
        .unwrap_or(0)
}

/// For x = d.ddd * 10^e: is x strictly above 5 * 10^e (exact decimal expansion)?
fn above_half(x: f64) -> bool {
    let s = format!("{:.800e}", x);
    let mant = s.split('e').next().unwrap_or("");
    let first = mant.as_bytes().first().copied().unwrap_or(b'0');
    first > b'5' || (first == b'5' && mant.bytes().skip(2).any(|c| c != b'0'))
}

/// round(x, ndigits) for an int: halves to even at 10**-ndigits.
pub fn round_int(x: i64, ndigits: i64) -> Result<i64, PyErr> {
    if ndigits >= 0 {
        return Ok(x);
    }
    if ndigits < -19 {
        return Ok(0); // |x| < 2**63 < 10**20 / 2
    }
    let p = 10i128.pow(ndigits.unsigned_abs() as u32);
    let (q, r) = ((x as i128).div_euclid(p), (x as i128).rem_euclid(p));
    let q = if r > p - r || (r == p - r && q % 2 != 0) {
        q + 1
    } else {
        q
    };
    i64::try_from(q * p).map_or_else(|_| too_large(), Ok)
}

/// a / b for ints, correctly rounded like CPython's long_true_divide.
pub fn int_true_div(a: i64, b: i64) -> Result<f64, PyErr> {
    if b == 0 {
        return err(ZeroDivisionError, "division by zero");
    }
    let (n, d) = (a.unsigned_abs() as u128, b.unsigned_abs() as u128);
    let neg = (a < 0) != (b < 0);
    if n == 0 {
        return Ok(if neg { -0.0 } else { 0.0 });
    }
    let bits = |v: u128| 128 - v.leading_zeros() as i32;
    let shift = (55 + bits(d) - bits(n)).max(0);
    let (q, r) = ((n << shift) / d, (n << shift) % d);
    let scaled = (q | (r != 0) as u128) as f64;
    let v = scaled * f64::from_bits(((1023 - shift) as u64) << 52);
    Ok(if neg { -v } else { v })
}
