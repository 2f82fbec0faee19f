//! The few JSON writers the outcome and the trace need (no serde in the wasm bundle).

use crate::engine::{Exc, PyResult, Value};

/// Appends `s` as a JSON string. Runs that need no escape are copied whole.
pub(crate) fn string(out: &mut String, s: &str) {
    out.push('"');
    let mut rest = s;
    while let Some(at) = rest
        .bytes()
        .position(|b| b == b'"' || b == b'\\' || b < 0x20)
    {
        out.push_str(&rest[..at]);
        match rest.as_bytes()[at] {
            b'"' => out.push_str("\\\""),
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b => {
                out.push_str("\\u00");
                out.push(char::from(HEX[usize::from(b >> 4)]));
                out.push(char::from(HEX[usize::from(b & 15)]));
            }
        }
        rest = &rest[at + 1..];
    }
    out.push_str(rest);
    out.push('"');
}

const HEX: &[u8; 16] = b"0123456789abcdef";

/// Appends `n` in decimal (what `write!(out, "{n}")` writes, without the formatting machinery:
/// the outcome of 10,000 tasks writes 20,000 numbers).
pub(crate) fn int(out: &mut String, n: u64) {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    let mut n = n;
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend(digits[at..].iter().map(|&d| char::from(d)));
}

/// Appends an error object: `{"type": T, "message": M}`, plus `"exceptions"` for a group.
pub(crate) fn error(out: &mut String, exc: &Exc) {
    out.push_str("{\"type\":");
    string(out, exc.type_name());
    out.push_str(",\"message\":");
    string(out, &exc.message());
    if let Exc::TaskGroup(list) = exc {
        out.push_str(",\"exceptions\":[");
        for (i, e) in list.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            error(out, e);
        }
        out.push(']');
    }
    out.push('}');
}

/// Appends `,"error":{...}` when there is an error.
pub(crate) fn error_field(out: &mut String, exc: Option<&Exc>) {
    if let Some(exc) = exc {
        out.push_str(",\"error\":");
        error(out, exc);
    }
}

/// Appends one item of gather's result list: an int, or an error object.
pub(crate) fn result(out: &mut String, r: &PyResult) {
    match r {
        Ok(Value::Int(i)) => int(out, u64::from(*i)),
        Ok(Value::None) => out.push_str("null"),
        Ok(Value::List(items)) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                result(out, item);
            }
            out.push(']');
        }
        Err(exc) => error(out, exc),
    }
}

/// Appends `[1,2,3]`.
pub(crate) fn ints(out: &mut String, v: &[u32]) {
    out.push('[');
    for (i, n) in v.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        int(out, u64::from(*n));
    }
    out.push(']');
}

// Native only: serde_json, the reference parser, is a native dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::{int, string};

    #[test]
    fn strings_are_escaped_as_json_requires() {
        for s in [
            "",
            "plain",
            "a\"b\\c",
            "line\nnext\ttab\r\u{1}\u{1f}",
            "é ✓ 🐍",
            "\"\"\n",
        ] {
            let mut out = String::new();
            string(&mut out, s);
            assert_eq!(serde_json::from_str::<String>(&out).unwrap(), s, "{out}");
            assert!(!out[1..out.len() - 1].bytes().any(|b| b < 0x20), "{out}");
        }
    }

    #[test]
    fn integers_are_written_in_decimal() {
        for n in [0, 7, 10, 999, 1_000_000, u64::MAX] {
            let mut out = String::new();
            int(&mut out, n);
            assert_eq!(out, n.to_string());
        }
    }
}
