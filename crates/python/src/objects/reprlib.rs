//! `reprlib.repr`: the size-limited repr asyncio's futures show their result with
//! (`<Future finished result=[0, 1, 2, 3, 4, 5, ...]>`), ported from CPython 3.13's
//! `Lib/reprlib.py` (`Repr` with its default limits).

use super::repr::repr;
use super::Value;
use crate::builtins::functions::sort_values;

/// `Repr.maxlevel`: how deep containers are shown.
const MAXLEVEL: usize = 6;
/// `maxtuple`, `maxlist`, `maxset`: items shown of a tuple, list or set.
const MAXSEQ: usize = 6;
/// `maxdict`: items shown of a dict.
const MAXDICT: usize = 4;
/// `maxstring`, `maxlong`, `maxother`: characters of a str, an int and anything else.
const MAXSTRING: usize = 30;
const MAXLONG: usize = 40;
const MAXOTHER: usize = 30;
/// `fillvalue`.
const FILL: &str = "...";

/// `reprlib.repr(v)` (`aRepr.repr`).
pub fn short_repr(v: &Value) -> String {
    repr1(v, MAXLEVEL)
}

/// `Repr.repr1`: by the value's type.
fn repr1(v: &Value, level: usize) -> String {
    match v {
        Value::Tuple(t) => iterable(t, level, "(", ")", ","),
        Value::List(l) => {
            let items = l.borrow().clone();
            iterable(&items, level, "[", "]", "")
        }
        Value::Set(s) if s.borrow().is_empty() => "set()".into(),
        Value::Set(s) => {
            let items: Vec<Value> = s.borrow().iter().cloned().collect();
            iterable(&possibly_sorted(items), level, "{", "}", "")
        }
        Value::Dict(d) => dict(d, level),
        Value::Str(s) => string(s),
        Value::Int(i) => shorten(&i.to_string(), MAXLONG),
        other => instance(other),
    }
}

/// `Repr._repr_iterable`.
fn iterable(items: &[Value], level: usize, left: &str, right: &str, trail: &str) -> String {
    let n = items.len();
    let (body, right) = if level == 0 && n > 0 {
        (FILL.to_string(), right.to_string())
    } else {
        let mut pieces: Vec<String> = items
            .iter()
            .take(MAXSEQ)
            .map(|e| repr1(e, level.saturating_sub(1)))
            .collect();
        if n > MAXSEQ {
            pieces.push(FILL.into());
        }
        let right = if n == 1 {
            format!("{trail}{right}")
        } else {
            right.to_string()
        };
        (pieces.join(", "), right)
    };
    format!("{left}{body}{right}")
}

/// `Repr.repr_dict`: the first keys in sorted order (when they sort).
fn dict(d: &std::cell::RefCell<super::Dict>, level: usize) -> String {
    let entries: Vec<(Value, Value)> = d
        .borrow()
        .iter()
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    if entries.is_empty() {
        return "{}".into();
    }
    if level == 0 {
        return format!("{{{FILL}}}");
    }
    let keys = possibly_sorted(entries.iter().map(|(k, _)| k.clone()).collect());
    let mut pieces: Vec<String> = keys
        .iter()
        .take(MAXDICT)
        .map(|k| {
            let value = entries
                .iter()
                .find(|(key, _)| key.is(k))
                .map(|(_, v)| v.clone())
                .unwrap_or(Value::None);
            format!("{}: {}", repr1(k, level - 1), repr1(&value, level - 1))
        })
        .collect();
    if entries.len() > MAXDICT {
        pieces.push(FILL.into());
    }
    format!("{{{}}}", pieces.join(", "))
}

/// `Repr.repr_str`: the repr of the first characters, or of both ends around `...`.
fn string(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let head: String = chars.iter().take(MAXSTRING).collect();
    let text = repr(&Value::str(&head)).unwrap_or_default();
    if text.chars().count() <= MAXSTRING {
        return text;
    }
    let i = (MAXSTRING - 3) / 2;
    let j = MAXSTRING - 3 - i;
    let ends: String = chars[..i.min(chars.len())]
        .iter()
        .chain(chars[chars.len().saturating_sub(j)..].iter())
        .collect();
    let text: Vec<char> = repr(&Value::str(&ends))
        .unwrap_or_default()
        .chars()
        .collect();
    let start: String = text[..i.min(text.len())].iter().collect();
    let end: String = text[text.len().saturating_sub(j)..].iter().collect();
    format!("{start}{FILL}{end}")
}

/// `Repr.repr_instance`: the repr, shortened to `maxother` characters.
fn instance(v: &Value) -> String {
    match repr(v) {
        Ok(text) => shorten(&text, MAXOTHER),
        Err(_) => format!("<{} instance>", crate::builtins::type_name(v)),
    }
}

/// Both ends of `text` around `...` when it is longer than `max` characters.
fn shorten(text: &str, max: usize) -> String {
    let chars: Vec<char> = text.chars().collect();
    if chars.len() <= max {
        return text.to_string();
    }
    let i = (max - 3) / 2;
    let j = max - 3 - i;
    let start: String = chars[..i].iter().collect();
    let end: String = chars[chars.len() - j..].iter().collect();
    format!("{start}{FILL}{end}")
}

/// `_possibly_sorted`: sorted when the items compare, else as they are.
fn possibly_sorted(mut items: Vec<Value>) -> Vec<Value> {
    let original = items.clone();
    match sort_values(&mut items, None, false) {
        Ok(()) => items,
        Err(_) => original,
    }
}
