//! int(str, base) and float(str): CPython 3.13's accepted syntax, results and messages.
use super::repr::{err, str_repr, ErrKind::*, PyErr};
use super::unicode::{decimal_value, is_unicode_space};

/// _PyUnicode_TransformDecimalAndSpaceToASCII: chars below U+007F stay, other white space
/// becomes ' ', other decimal digits become ASCII ones, anything else becomes '?'.
fn to_ascii(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\0'..='\x7e' => c,
            c if is_unicode_space(c) => ' ',
            c => decimal_value(c)
                .and_then(|d| char::from_digit(d, 10))
                .unwrap_or('?'),
        })
        .collect()
}

/// C's isspace() in the "C" locale, as Py_ISSPACE tests it.
fn is_c_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\x0b' | '\x0c' | '\r')
}

/// int(s, base) (base 0: from the prefix). Past i64: OverflowError "integer too large".
pub fn parse_int(s: &str, base: u32) -> Result<i64, PyErr> {
    if base == 1 || base > 36 {
        return err(ValueError, "int() base must be >= 2 and <= 36, or 0");
    }
    let invalid = || {
        let r: String = str_repr(s).chars().take(200).collect();
        err(
            ValueError,
            format!("invalid literal for int() with base {base}: {r}"),
        )
    };
    let ascii = to_ascii(s);
    let t = ascii.trim_matches(is_c_space);
    let (neg, t) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let prefix_base = match t.get(..2).map(|p| p.to_ascii_lowercase()).as_deref() {
        Some("0x") => 16,
        Some("0o") => 8,
        Some("0b") => 2,
        _ => 0,
    };
    let skip = |t: &str| t[2..].strip_prefix('_').unwrap_or(&t[2..]).to_string();
    let (base, t, octal_like) = match (base, prefix_base) {
        (0, 0) => (10, t.to_string(), t.starts_with('0')),
        (0, p) => (p, skip(t), false),
        (b, p) if b == p => (b, skip(t), false),
        (b, _) => (b, t.to_string(), false),
    };
    let Some(v) = digits_value(&t, base) else {
        return invalid();
    };
    if octal_like && v != 0 {
        return invalid();
    }
    let v = if neg { -v } else { v };
    i64::try_from(v).map_or_else(|_| err(OverflowError, "integer too large"), Ok)
}

/// Value of `t`: one or more base-`base` ASCII digits with single underscores between them.
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

/// float(s): white space around, underscores between digits, inf/infinity/nan in any case,
/// decimal digits of any script.
pub fn parse_float(s: &str) -> Result<f64, PyErr> {
    let invalid = || {
        err(
            ValueError,
            format!("could not convert string to float: {}", str_repr(s)),
        )
    };
    let ascii = to_ascii(s);
    let t = ascii.trim_matches(is_c_space);
    let b = t.as_bytes();
    let mut clean = String::with_capacity(t.len());
    for (i, &c) in b.iter().enumerate() {
        if c == b'_' {
            let around =
                i > 0 && b[i - 1].is_ascii_digit() && b.get(i + 1).is_some_and(u8::is_ascii_digit);
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
