//! int()/float() parsing of str, and float/int arithmetic with CPython's results and errors.
use super::repr::{err, str_repr, ErrKind::*, PyErr};

/// An int or a float result (round(), `int ** int`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum IntOrFloat {
    Int(i64),
    Float(f64),
}

fn too_large<T>() -> Result<T, PyErr> {
    err(OverflowError, "integer too large")
}

/// str.isspace() for one char (Rust's White_Space plus the \x1c-\x1f separators).
fn is_py_space(c: char) -> bool {
    c.is_whitespace() || ('\x1c'..='\x1f').contains(&c)
}

/// int(s, base). Gap: non-ASCII decimal digits, which CPython accepts, are rejected.
pub fn parse_int(s: &str, base: u32) -> Result<i64, PyErr> {
    if base == 1 || base > 36 {
        return err(ValueError, "int() base must be >= 2 and <= 36, or 0");
    }
    let invalid = || {
        let r: String = str_repr(s).chars().take(200).collect();
        err(ValueError, format!("invalid literal for int() with base {base}: {r}"))
    };
    let t = s.trim_matches(is_py_space);
    let (neg, t) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let lower = t.get(..2).map(|p| p.to_ascii_lowercase());
    let prefix_base = match lower.as_deref() {
        Some("0x") => 16,
        Some("0o") => 8,
        Some("0b") => 2,
        _ => 0,
    };
    let (base, t, octal_like) = match (base, prefix_base) {
        (0, 0) => (10, t, t.starts_with('0')),
        (0, p) => (p, t[2..].strip_prefix('_').unwrap_or(&t[2..]), false),
        (b, p) if b == p => (b, t[2..].strip_prefix('_').unwrap_or(&t[2..]), false),
        (b, _) => (b, t, false),
    };
    let Some(v) = digits_value(t, base) else { return invalid() };
    if octal_like && v != 0 {
        return invalid();
    }
    let v = if neg { -v } else { v };
    i64::try_from(v).map_or_else(|_| too_large(), Ok)
}

/// Value of `t`: one or more base-`base` digits with single underscores between them.
/// Saturates beyond i64 (keeps validating); None if malformed.
fn digits_value(t: &str, base: u32) -> Option<i128> {
    let mut v: i128 = 0;
    let mut prev_digit = false;
    for c in t.chars() {
        if c == '_' && prev_digit {
            prev_digit = false;
            continue;
        }
        let d = c.to_digit(base)?;
        v = (v * base as i128 + d as i128).min(1 << 64);
        prev_digit = true;
    }
    prev_digit.then_some(v)
}

/// float(s): whitespace, underscores between digits, inf/infinity/nan in any case.
pub fn parse_float(s: &str) -> Result<f64, PyErr> {
    let invalid = || err(ValueError, format!("could not convert string to float: {}", str_repr(s)));
    let t = s.trim_matches(is_py_space);
    let b = t.as_bytes();
    let mut clean = String::with_capacity(t.len());
    for (i, &c) in b.iter().enumerate() {
        if c == b'_' {
            let around = i > 0 && b[i - 1].is_ascii_digit() && b.get(i + 1).is_some_and(u8::is_ascii_digit);
            if !around {
                return invalid();
            }
        } else if c.is_ascii_alphanumeric() || matches!(c, b'+' | b'-' | b'.') {
            clean.push(c as char);
        } else {
            return invalid();
        }
    }
    let word = clean.trim_start_matches(['+', '-']).to_ascii_lowercase();
    let named = matches!(word.as_str(), "inf" | "infinity" | "nan");
    if !named && word.bytes().any(|c| c.is_ascii_alphabetic() && c != b'e') {
        return invalid();
    }
    clean.parse::<f64>().map_or_else(|_| invalid(), Ok)
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
        if div - f > 0.5 { f + 1.0 } else { f }
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
    Ok(if m == 0.0 { 0f64.copysign(b) } else if (b < 0.0) != (m < 0.0) { m + b } else { m })
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

/// a ** b for floats, following CPython's float_pow special cases. A negative base with
/// a non-integral exponent is refused with ValueError "complex result".
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
        return Ok(if m == 1.0 { 1.0 } else if (b > 0.0) == (m > 1.0) { f64::INFINITY } else { 0.0 });
    }
    if a.is_infinite() || a == 0.0 {
        if a == 0.0 && b < 0.0 {
            return err(ZeroDivisionError, "0.0 cannot be raised to a negative power");
        }
        let big = if a == 0.0 { b < 0.0 } else { b > 0.0 };
        let mag = if big { f64::INFINITY } else { 0.0 };
        return Ok(if is_odd_integer(b) { mag.copysign(a) } else { mag });
    }
    let negate = a < 0.0 && is_odd_integer(b);
    if a < 0.0 && b != b.floor() {
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
        format!("{:.*e}", (sig - 1) as usize, x).parse().unwrap_or(x)
    } else if sig == 0 && above_half(x.abs()) {
        format!("1e{}", -nd).parse::<f64>().unwrap_or(f64::INFINITY).copysign(x)
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
    let exact = if s.starts_with("1e") { format!("{:.800e}", x) } else { s };
    exact.rsplit_once('e').and_then(|(_, e)| e.parse().ok()).unwrap_or(0)
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
    if ndigits < -38 {
        return Ok(0);
    }
    let p = 10i128.pow((-ndigits) as u32);
    let (q, r) = ((x as i128).div_euclid(p), (x as i128).rem_euclid(p));
    let q = if 2 * r > p || (2 * r == p && q % 2 != 0) { q + 1 } else { q };
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
