//! The few JSON writers the outcome and the trace need (no serde in the wasm bundle).

use crate::engine::{Exc, PyResult, Value};
use std::fmt::Write;

/// Appends `s` as a JSON string.
pub(crate) fn string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
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
        Ok(Value::Int(i)) => {
            let _ = write!(out, "{i}");
        }
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

/// `[1,2,3]`.
pub(crate) fn ints(v: &[u32]) -> String {
    let items: Vec<String> = v.iter().map(u32::to_string).collect();
    format!("[{}]", items.join(","))
}
