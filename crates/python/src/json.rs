//! The JSON the outcome and the trace are written in, appended in place (no serde in the
//! page's download; no `format!` per item: the outcome of 100,000 tasks is written at once).

use asyncio_playground_engine::TaskName;

/// Appends `s` as a JSON string. Runs that need no escape are copied whole.
pub fn string(out: &mut String, s: &str) {
    out.reserve(s.len() + 2);
    out.push('"');
    let mut rest = s;
    while let Some(at) = rest.bytes().position(needs_escape) {
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

fn needs_escape(b: u8) -> bool {
    b == b'"' || b == b'\\' || b < 0x20
}

/// Appends a task's name as a JSON string (`Task-N` needs no escape).
pub fn task_name(out: &mut String, name: &TaskName) {
    match name {
        TaskName::Numbered(_) => {
            out.push('"');
            name.write_to(out);
            out.push('"');
        }
        TaskName::Given(s) => string(out, s),
    }
}

const HEX: &[u8; 16] = b"0123456789abcdef";

/// Appends an integer in decimal.
pub use asyncio_playground_engine::push_decimal as int;

/// Appends `[a,b,c]`, each item written by `item`.
pub fn list<T>(
    out: &mut String,
    items: impl IntoIterator<Item = T>,
    mut item: impl FnMut(&mut String, T),
) {
    out.push('[');
    for (i, it) in items.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        item(out, it);
    }
    out.push(']');
}

/// Appends an integer, or `null`.
pub fn opt_int(out: &mut String, n: Option<u64>) {
    match n {
        Some(n) => int(out, n),
        None => out.push_str("null"),
    }
}

#[cfg(test)]
mod tests {
    use super::{int, list, string};

    #[test]
    fn strings_are_escaped_as_json_requires() {
        for (s, want) in [
            ("", r#""""#),
            ("plain", r#""plain""#),
            ("a\"b\\c", r#""a\"b\\c""#),
            (
                "line\nnext\ttab\r\u{1}\u{1f}",
                r#""line\nnext\u0009tab\u000d\u0001\u001f""#,
            ),
            ("é ✓ 🐍", "\"é ✓ 🐍\""),
        ] {
            let mut out = String::new();
            string(&mut out, s);
            assert_eq!(out, want);
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

    #[test]
    fn lists_are_comma_separated() {
        let mut out = String::new();
        list(&mut out, [1u64, 2, 3], int);
        assert_eq!(out, "[1,2,3]");
    }
}
