//! Python errors as values, float repr (shortest round-trip) and the float/str rendering core.
pub use super::unicode::is_printable;

/// The Python exception class an operation raises.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrKind {
    ValueError,
    TypeError,
    OverflowError,
    ZeroDivisionError,
    /// Raised instead of building an absurdly large string (CPython would try and fail).
    MemoryError,
}

/// A raised exception: its class and CPython's exact message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PyErr {
    pub kind: ErrKind,
    pub message: String,
}

/// Builds an `Err(PyErr)` of `kind` with `message`.
pub(crate) fn err<T>(kind: ErrKind, message: impl Into<String>) -> Result<T, PyErr> {
    Err(PyErr {
        kind,
        message: message.into(),
    })
}

/// Outputs longer than this many chars are refused with MemoryError (keeps wasm alive).
pub(crate) const MAX_OUTPUT: usize = 1 << 26;

/// repr(x) == str(x) for a Python float: shortest digits that round-trip.
pub fn float_repr(x: f64) -> String {
    double_to_string(x, 'r', 0, false, true)
}

/// Scientific digits of finite `x >= 0`: (`digits` without point, decimal exponent).
/// `prec` = Some(p) rounds correctly to p+1 significant digits; None gives the shortest.
fn sci(x: f64, prec: Option<usize>) -> (String, i32) {
    match prec {
        Some(p) => split_sci(&exact(x, p, true)),
        None => shortest(x),
    }
}

/// Rust's `{:.p$e}` (`sci`) or `{:.p$}` of `x` for any `p` (Rust refuses p past u16::MAX).
/// A double's exact decimal expansion ends within 1100 digits; the rest are zeros.
fn exact(x: f64, prec: usize, sci: bool) -> String {
    const CAP: usize = 1100;
    let p = prec.min(CAP);
    let s = if sci {
        format!("{:.*e}", p, x)
    } else {
        format!("{:.*}", p, x)
    };
    if prec <= CAP {
        return s;
    }
    let zeros = "0".repeat(prec - CAP);
    match s.split_once('e') {
        Some((m, e)) => format!("{m}{zeros}e{e}"),
        None => s + &zeros,
    }
}

/// Shortest round-trip digits of finite `x >= 0`; exact ties between two shortest
/// candidates go to the even digit, as David Gay's dtoa does (core rounds them up).
fn shortest(x: f64) -> (String, i32) {
    let (d, e) = split_sci(&format!("{:e}", x));
    if d.len() < 15 {
        return (d, e);
    }
    let (d2, e2) = split_sci(&format!("{:.*e}", d.len() - 1, x));
    let back = format!("{}.{}e{}", &d2[..1], &d2[1..], e2).parse::<f64>();
    if back == Ok(x) {
        (d2, e2)
    } else {
        (d, e)
    }
}

/// Splits Rust's `d.ddde-7` into ("dddd", -7).
fn split_sci(s: &str) -> (String, i32) {
    let (mant, exp) = s.split_once('e').unwrap_or((s, "0"));
    (mant.replace('.', ""), exp.parse().unwrap_or(0))
}

/// Renders the exponent suffix like C: `e+05`, `E-123`.
fn exp_suffix(exp: i32, upper: bool) -> String {
    let sign = if exp < 0 { '-' } else { '+' };
    format!(
        "{}{}{:02}",
        if upper { 'E' } else { 'e' },
        sign,
        exp.unsigned_abs()
    )
}

/// `d.ddd` mantissa from digits; a lone digit gets a '.' only when `alt`.
fn mantissa(digits: &str, alt: bool) -> String {
    let (first, rest) = digits.split_at(1.min(digits.len()));
    if rest.is_empty() && !alt {
        first.to_string()
    } else {
        format!("{first}.{rest}")
    }
}

/// Places the point in `digits * 10^(exp+1-len)`, fixed notation, no exponent.
/// Trailing fraction zeros are dropped unless `keep`; a bare point is kept only if `alt`.
fn positional(digits: &str, exp: i32, keep: bool, alt: bool) -> String {
    let n = digits.len() as i64;
    let e = exp as i64;
    let (int, mut frac) = if e < 0 {
        ("0".to_string(), "0".repeat((-e - 1) as usize) + digits)
    } else if e + 1 >= n {
        (
            digits.to_string() + &"0".repeat((e + 1 - n) as usize),
            String::new(),
        )
    } else {
        (
            digits[..(e + 1) as usize].to_string(),
            digits[(e + 1) as usize..].to_string(),
        )
    };
    if !keep {
        frac.truncate(frac.trim_end_matches('0').len());
    }
    if frac.is_empty() && !alt {
        int
    } else {
        format!("{int}.{frac}")
    }
}

/// CPython's PyOS_double_to_string: `ty` is one of e E f F g G r (r = repr).
/// `prec` digits (after point for e/f, significant for g); `alt` is '#';
/// `add_dot_0` appends ".0" to results with neither point nor exponent (and, for 'g',
/// moves the exponent threshold from `prec` to `prec - 1`).
/// NaN carries no sign; -0.0 keeps its '-'.
pub(crate) fn double_to_string(
    x: f64,
    ty: char,
    prec: usize,
    alt: bool,
    add_dot_0: bool,
) -> String {
    let upper = ty.is_ascii_uppercase();
    let sign = if x.is_sign_negative() && !x.is_nan() {
        "-"
    } else {
        ""
    };
    let body = if x.is_nan() {
        "nan".to_string()
    } else if x.is_infinite() {
        "inf".to_string()
    } else {
        finite_body(
            x.abs(),
            ty.to_ascii_lowercase(),
            prec,
            alt,
            upper,
            add_dot_0,
        )
    };
    let mut out = format!("{sign}{body}");
    if upper {
        out.make_ascii_uppercase();
    }
    if add_dot_0 && !out.contains(['.', 'e', 'E', 'n', 'N']) {
        out.push_str(".0");
    }
    out
}

/// Digits of finite `x >= 0` for a lower-case type, before sign and case handling.
/// With `dot0`, 'g' switches to an exponent one digit earlier (CPython's add_dot_0 rule).
fn finite_body(x: f64, ty: char, prec: usize, alt: bool, upper: bool, dot0: bool) -> String {
    match ty {
        'f' => {
            let s = exact(x, prec, false);
            if alt && prec == 0 {
                s + "."
            } else {
                s
            }
        }
        'e' => {
            let (d, e) = sci(x, Some(prec));
            mantissa(&d, alt) + &exp_suffix(e, upper)
        }
        'g' => {
            let p = prec.max(1);
            let (d, e) = sci(x, Some(p - 1));
            if e < -4 || e >= p as i32 - dot0 as i32 {
                let d = if alt { d.as_str() } else { trim_zeros(&d) };
                mantissa(d, alt) + &exp_suffix(e, upper)
            } else {
                positional(&d, e, alt, alt)
            }
        }
        _ => {
            let (d, e) = sci(x, None);
            if !(-4..16).contains(&e) {
                mantissa(&d, alt) + &exp_suffix(e, upper)
            } else {
                positional(&d, e, false, false)
            }
        }
    }
}

/// Drops trailing '0's but keeps at least one digit.
fn trim_zeros(d: &str) -> &str {
    let t = d.trim_end_matches('0');
    if t.is_empty() {
        &d[..1.min(d.len())]
    } else {
        t
    }
}

/// Python's repr of a str: quotes chosen as CPython does, escapes for non-printables.
pub fn str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if is_printable(c) => out.push(c),
            c => push_hex_escape(&mut out, c),
        }
    }
    out.push(quote);
    out
}

/// Appends `\xNN`, `\uNNNN` or `\UNNNNNNNN` (lower-case hex) for `c`.
pub(crate) fn push_hex_escape(out: &mut String, c: char) {
    let n = c as u32;
    let s = if n < 0x100 {
        format!("\\x{n:02x}")
    } else if n < 0x10000 {
        format!("\\u{n:04x}")
    } else {
        format!("\\U{n:08x}")
    };
    out.push_str(&s);
}

/// ascii(): a repr with every non-ASCII char escaped.
pub(crate) fn ascii_escape(repr: &str) -> String {
    let mut out = String::with_capacity(repr.len());
    for c in repr.chars() {
        if c.is_ascii() {
            out.push(c)
        } else {
            push_hex_escape(&mut out, c)
        }
    }
    out
}
