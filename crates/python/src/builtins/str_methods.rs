//! `str` methods, with CPython's results for the whitespace, case and padding rules.

use super::functions::take_kwargs;
use super::methods::this;
use super::{str_class, type_name};
use crate::objects::iter::collect;
use crate::objects::{BuiltinFn, Value};
use crate::vm::ops::as_int;
use crate::vm::{type_error, value_error, PyResult};
use std::rc::Rc;

type Kw = Vec<(Rc<str>, Value)>;

/// The `str` a method is called on (taken from `args` for `str.method(s, ...)`), once the
/// arguments left are as many as the method takes (`str_arity`).
fn text(b: Option<&Value>, args: &mut Vec<Value>, method: &str) -> PyResult<Rc<str>> {
    match this(b, args)? {
        Value::Str(s) => {
            super::str_arity::check(method, args.len())?;
            Ok(s)
        }
        other => Err(type_error(format!(
            "descriptor '{method}' for 'str' objects doesn't apply to a '{}' object",
            type_name(&other)
        ))),
    }
}

/// The text of a method that takes no arguments (`'a'.upper(1)` is CPython's `TypeError`).
fn text_only(b: Option<&Value>, args: &mut Vec<Value>, method: &str) -> PyResult<Rc<str>> {
    let t = text(b, args, method)?;
    if !args.is_empty() {
        return Err(type_error(format!(
            "str.{method}() takes no arguments ({} given)",
            args.len()
        )));
    }
    Ok(t)
}

fn arg_str(v: &Value, what: &str) -> PyResult<Rc<str>> {
    match v {
        Value::Str(s) => Ok(s.clone()),
        other => Err(type_error(format!(
            "{what} must be str, not {}",
            type_name(other)
        ))),
    }
}

fn arg_int(v: &Value) -> PyResult<i64> {
    as_int(v).ok_or_else(|| {
        type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            type_name(v)
        ))
    })
}

fn s(v: String) -> PyResult {
    Ok(Value::string(v))
}

/// Python's `str.isspace()` characters (Unicode whitespace plus the ASCII separators).
fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\x1c'..='\x1f')
}

fn format(b: Option<&Value>, mut args: Vec<Value>, kwargs: Kw) -> PyResult {
    let t = text(b, &mut args, "format")?;
    s(super::format::str_format(&t, &args, &kwargs)?)
}

fn join(b: Option<&Value>, mut args: Vec<Value>, _: Kw) -> PyResult {
    let t = text(b, &mut args, "join")?;
    let items = collect(&args[0]).map_err(|_| type_error("can only join an iterable"))?;
    let len: usize = items
        .iter()
        .map(|v| if let Value::Str(p) = v { p.len() } else { 0 })
        .sum();
    crate::vm::reserve(len.saturating_add(t.len().saturating_mul(items.len())))?;
    let mut out = String::new();
    for (i, it) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(&t);
        }
        match it {
            Value::Str(p) => out.push_str(p),
            other => {
                return Err(type_error(format!(
                    "sequence item {i}: expected str instance, {} found",
                    type_name(other)
                )))
            }
        }
    }
    s(out)
}

/// `split` / `rsplit`: (sep, maxsplit) from positional or keyword arguments.
fn split_args(args: Vec<Value>, kwargs: Kw, name: &str) -> PyResult<(Option<Rc<str>>, i64)> {
    let kw = take_kwargs(name, kwargs, &["sep", "maxsplit"])?;
    let sep = args.first().cloned().or(kw[0].clone());
    let max = args.get(1).cloned().or(kw[1].clone());
    let sep = match sep {
        None | Some(Value::None) => None,
        Some(v) => {
            let Value::Str(sv) = v else {
                return Err(type_error(format!(
                    "must be str or None, not {}",
                    type_name(&v)
                )));
            };
            if sv.is_empty() {
                return Err(value_error("empty separator"));
            }
            Some(sv)
        }
    };
    let max = match max {
        None => -1,
        Some(v) => arg_int(&v)?,
    };
    Ok((sep, max))
}

fn split(b: Option<&Value>, mut args: Vec<Value>, kwargs: Kw) -> PyResult {
    let t = text(b, &mut args, "split")?;
    let (sep, max) = split_args(args, kwargs, "split")?;
    let parts: Vec<String> = match sep {
        Some(sep) => {
            if max < 0 {
                t.split(&*sep).map(String::from).collect()
            } else {
                t.splitn(max as usize + 1, &*sep)
                    .map(String::from)
                    .collect()
            }
        }
        None => {
            let mut out = Vec::new();
            let mut rest = t.trim_start_matches(is_space);
            while !rest.is_empty() {
                if max >= 0 && out.len() as i64 == max {
                    out.push(rest.to_string());
                    break;
                }
                let end = rest.find(is_space).unwrap_or(rest.len());
                out.push(rest[..end].to_string());
                rest = rest[end..].trim_start_matches(is_space);
            }
            out
        }
    };
    Ok(Value::list(parts.into_iter().map(Value::string).collect()))
}

fn rsplit(b: Option<&Value>, mut args: Vec<Value>, kwargs: Kw) -> PyResult {
    let t = text(b, &mut args, "rsplit")?;
    let (sep, max) = split_args(args, kwargs, "rsplit")?;
    let mut parts: Vec<String> = match sep {
        Some(sep) => {
            if max < 0 {
                t.split(&*sep).map(String::from).collect()
            } else {
                let mut v: Vec<String> = t
                    .rsplitn(max as usize + 1, &*sep)
                    .map(String::from)
                    .collect();
                v.reverse();
                v
            }
        }
        None => {
            let mut out = Vec::new();
            let mut rest = t.trim_end_matches(is_space);
            while !rest.is_empty() {
                if max >= 0 && out.len() as i64 == max {
                    out.push(rest.to_string());
                    break;
                }
                let start = rest.rfind(is_space).map_or(0, |k| {
                    k + rest[k..].chars().next().map_or(1, char::len_utf8)
                });
                out.push(rest[start..].to_string());
                rest = rest[..start].trim_end_matches(is_space);
            }
            out.reverse();
            out
        }
    };
    if parts.is_empty() {
        parts = Vec::new();
    }
    Ok(Value::list(parts.into_iter().map(Value::string).collect()))
}

fn strip_chars(args: &[Value], name: &str) -> PyResult<Option<Vec<char>>> {
    match args.first() {
        None | Some(Value::None) => Ok(None),
        Some(Value::Str(s)) => Ok(Some(s.chars().collect())),
        Some(_) => Err(type_error(format!("{name} arg must be None or str"))),
    }
}

fn strip_with(
    b: Option<&Value>,
    mut args: Vec<Value>,
    name: &str,
    left: bool,
    right: bool,
) -> PyResult {
    let t = text(b, &mut args, name)?;
    let chars = strip_chars(&args, name)?;
    let keep = |c: char| match &chars {
        None => is_space(c),
        Some(set) => set.contains(&c),
    };
    let mut r: &str = &t;
    if left {
        r = r.trim_start_matches(keep);
    }
    if right {
        r = r.trim_end_matches(keep);
    }
    s(r.to_string())
}

fn strip(b: Option<&Value>, args: Vec<Value>, _: Kw) -> PyResult {
    strip_with(b, args, "strip", true, true)
}
fn lstrip(b: Option<&Value>, args: Vec<Value>, _: Kw) -> PyResult {
    strip_with(b, args, "lstrip", true, false)
}
fn rstrip(b: Option<&Value>, args: Vec<Value>, _: Kw) -> PyResult {
    strip_with(b, args, "rstrip", false, true)
}

fn upper(b: Option<&Value>, mut args: Vec<Value>, _: Kw) -> PyResult {
    s(super::str_case::upper(&text_only(b, &mut args, "upper")?))
}
fn lower(b: Option<&Value>, mut args: Vec<Value>, _: Kw) -> PyResult {
    s(super::str_case::lower(&text_only(b, &mut args, "lower")?))
}
fn casefold(b: Option<&Value>, mut args: Vec<Value>, _: Kw) -> PyResult {
    s(super::str_case::casefold(&text_only(
        b, &mut args, "casefold",
    )?))
}
fn swapcase(b: Option<&Value>, mut args: Vec<Value>, _: Kw) -> PyResult {
    s(super::str_case::swapcase(&text_only(
        b, &mut args, "swapcase",
    )?))
}
fn title(b: Option<&Value>, mut args: Vec<Value>, _: Kw) -> PyResult {
    s(super::str_case::title(&text_only(b, &mut args, "title")?))
}
fn capitalize(b: Option<&Value>, mut args: Vec<Value>, _: Kw) -> PyResult {
    s(super::str_case::capitalize(&text_only(
        b,
        &mut args,
        "capitalize",
    )?))
}

/// The `start`/`end` range of `find`, `count`, `startswith`, … in characters, as CPython's
/// `ADJUST_INDICES` makes it: a start past the end stays past it (so nothing is found there, not
/// even an empty string), which is kept as `n + 1`.
fn span(t: &str, args: &[Value], from: usize) -> PyResult<(usize, usize)> {
    let n = t.chars().count() as i64;
    let bound = |v: Option<&Value>, default: i64, max: i64| -> PyResult<i64> {
        match v {
            None | Some(Value::None) => Ok(default),
            Some(x) => {
                let i = arg_int(x)?;
                Ok(if i < 0 { (i + n).max(0) } else { i.min(max) })
            }
        }
    };
    Ok((
        bound(args.get(from), 0, n + 1)? as usize,
        bound(args.get(from + 1), n, n)? as usize,
    ))
}

/// The byte range of characters `a..b`.
fn byte_range(t: &str, a: usize, b: usize) -> (usize, usize) {
    let idx = |k: usize| t.char_indices().nth(k).map_or(t.len(), |(i, _)| i);
    (idx(a), idx(b.max(a)))
}

fn char_index(t: &str, byte: usize) -> i64 {
    t[..byte].chars().count() as i64
}

fn find_impl(
    b: Option<&Value>,
    mut args: Vec<Value>,
    name: &str,
    rev: bool,
) -> PyResult<Option<i64>> {
    let t = text(b, &mut args, name)?;
    let sub = arg_str(&args[0], &format!("{name}() argument 1"))?;
    let (a, e) = span(&t, &args, 1)?;
    if a > e {
        return Ok(None);
    }
    let (ba, be) = byte_range(&t, a, e);
    let hay = &t[ba..be];
    let found = if rev {
        hay.rfind(&*sub)
    } else {
        hay.find(&*sub)
    };
    Ok(found.map(|k| char_index(&t, ba + k)))
}

fn find(b: Option<&Value>, args: Vec<Value>, _: Kw) -> PyResult {
    Ok(Value::Int(find_impl(b, args, "find", false)?.unwrap_or(-1)))
}
fn rfind(b: Option<&Value>, args: Vec<Value>, _: Kw) -> PyResult {
    Ok(Value::Int(find_impl(b, args, "rfind", true)?.unwrap_or(-1)))
}
fn index(b: Option<&Value>, args: Vec<Value>, _: Kw) -> PyResult {
    find_impl(b, args, "index", false)?
        .map(Value::Int)
        .ok_or_else(|| value_error("substring not found"))
}
fn rindex(b: Option<&Value>, args: Vec<Value>, _: Kw) -> PyResult {
    find_impl(b, args, "rindex", true)?
        .map(Value::Int)
        .ok_or_else(|| value_error("substring not found"))
}

fn count(b: Option<&Value>, mut args: Vec<Value>, _: Kw) -> PyResult {
    let t = text(b, &mut args, "count")?;
    let sub = arg_str(&args[0], "count() argument 1")?;
    let (a, e) = span(&t, &args, 1)?;
    if a > e {
        return Ok(Value::Int(0));
    }
    let (ba, be) = byte_range(&t, a, e);
    let hay = &t[ba..be];
    let n = if sub.is_empty() {
        hay.chars().count() + 1
    } else {
        hay.matches(&*sub).count()
    };
    Ok(Value::Int(n as i64))
}

fn affix(b: Option<&Value>, mut args: Vec<Value>, name: &str, end: bool) -> PyResult {
    let t = text(b, &mut args, name)?;
    let (a, e) = span(&t, &args, 1)?;
    let (ba, be) = byte_range(&t, a, e);
    let hay = if a > e { "" } else { &t[ba..be] };
    let test = |p: &str| {
        if end {
            hay.ends_with(p)
        } else {
            hay.starts_with(p)
        }
    };
    let ok = match &args[0] {
        Value::Str(p) => (a <= e || p.is_empty() && a <= t.chars().count()) && test(p),
        Value::Tuple(ps) => {
            let mut any = false;
            for p in ps.iter() {
                any |= test(&arg_str(p, "tuple for startswith")?);
            }
            any
        }
        other => {
            return Err(type_error(format!(
                "{name} first arg must be str or a tuple of str, not {}",
                type_name(other)
            )))
        }
    };
    Ok(Value::Bool(ok))
}

fn startswith(b: Option<&Value>, args: Vec<Value>, _: Kw) -> PyResult {
    affix(b, args, "startswith", false)
}
fn endswith(b: Option<&Value>, args: Vec<Value>, _: Kw) -> PyResult {
    affix(b, args, "endswith", true)
}

fn replace(b: Option<&Value>, mut args: Vec<Value>, kwargs: Kw) -> PyResult {
    let t = text(b, &mut args, "replace")?;
    let kw = take_kwargs("replace", kwargs, &["count"])?;
    let old = arg_str(&args[0], "replace() argument 1")?;
    let new = arg_str(&args[1], "replace() argument 2")?;
    let n = match args.get(2).or(kw[0].as_ref()) {
        None => -1,
        Some(v) => arg_int(v)?,
    };
    if new.len() > old.len() {
        let found = if old.is_empty() {
            t.chars().count() + 1
        } else {
            t.matches(&*old).count()
        };
        let found = if n < 0 { found } else { found.min(n as usize) };
        crate::vm::reserve(t.len() + found.saturating_mul(new.len() - old.len()))?;
    }
    if n < 0 {
        if old.is_empty() {
            let mut out = String::from(&*new);
            for c in t.chars() {
                out.push(c);
                out.push_str(&new);
            }
            return s(out);
        }
        return s(t.replace(&*old, &new));
    }
    s(t.replacen(&*old, &new, n as usize))
}

fn pad(b: Option<&Value>, mut args: Vec<Value>, name: &str, how: u8) -> PyResult {
    let t = text(b, &mut args, name)?;
    let width = arg_int(&args[0])?;
    let fill = match args.get(1) {
        None => ' ',
        Some(v) => {
            let f = arg_str(v, "The fill character")?;
            let mut cs = f.chars();
            match (cs.next(), cs.next()) {
                (Some(c), None) => c,
                _ => {
                    return Err(type_error(
                        "The fill character must be exactly one character long",
                    ))
                }
            }
        }
    };
    let n = t.chars().count() as i64;
    if width <= n {
        return Ok(Value::Str(t));
    }
    let total = (width - n) as usize;
    crate::vm::reserve(total.saturating_mul(fill.len_utf8()))?;
    let (left, right) = match how {
        b'l' => (0, total),
        b'r' => (total, 0),
        _ => {
            // CPython's `center`: the extra space goes left when the width is odd... and the
            // string's length is odd.
            let left = total / 2 + (total & width as usize & 1);
            (left, total - left)
        }
    };
    let f = |k: usize| std::iter::repeat_n(fill, k).collect::<String>();
    s(format!("{}{t}{}", f(left), f(right)))
}

fn center(b: Option<&Value>, args: Vec<Value>, _: Kw) -> PyResult {
    pad(b, args, "center", b'c')
}
fn ljust(b: Option<&Value>, args: Vec<Value>, _: Kw) -> PyResult {
    pad(b, args, "ljust", b'l')
}
fn rjust(b: Option<&Value>, args: Vec<Value>, _: Kw) -> PyResult {
    pad(b, args, "rjust", b'r')
}

fn zfill(b: Option<&Value>, mut args: Vec<Value>, _: Kw) -> PyResult {
    let t = text(b, &mut args, "zfill")?;
    let width = arg_int(&args[0])?;
    let n = t.chars().count() as i64;
    if width <= n {
        return Ok(Value::Str(t));
    }
    crate::vm::reserve((width - n) as usize)?;
    let zeros = "0".repeat((width - n) as usize);
    match t.chars().next() {
        Some(c @ ('+' | '-')) => s(format!("{c}{zeros}{}", &t[1..])),
        _ => s(format!("{zeros}{t}")),
    }
}

fn splitlines(b: Option<&Value>, mut args: Vec<Value>, kwargs: Kw) -> PyResult {
    let t = text(b, &mut args, "splitlines")?;
    let kw = take_kwargs("splitlines", kwargs, &["keepends"])?;
    let keep = match args.first().or(kw[0].as_ref()) {
        Some(v) => crate::vm::ops::truthy(v)?,
        None => false,
    };
    let chars: Vec<char> = t.chars().collect();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let brk = matches!(
            c,
            '\n' | '\r'
                | '\x0b'
                | '\x0c'
                | '\x1c'
                | '\x1d'
                | '\x1e'
                | '\u{85}'
                | '\u{2028}'
                | '\u{2029}'
        );
        if brk {
            let mut end = i + 1;
            if c == '\r' && chars.get(i + 1) == Some(&'\n') {
                end = i + 2;
            }
            let line: String = chars[start..if keep { end } else { i }].iter().collect();
            out.push(Value::string(line));
            start = end;
            i = end;
        } else {
            i += 1;
        }
    }
    if start < chars.len() {
        out.push(Value::string(chars[start..].iter().collect()));
    }
    Ok(Value::list(out))
}

fn predicate(b: Option<&Value>, mut args: Vec<Value>, name: &str, f: fn(char) -> bool) -> PyResult {
    let t = text_only(b, &mut args, name)?;
    Ok(Value::Bool(!t.is_empty() && t.chars().all(f)))
}

fn isdigit(b: Option<&Value>, args: Vec<Value>, _: Kw) -> PyResult {
    predicate(b, args, "isdigit", str_class::is_digit)
}
fn isdecimal(b: Option<&Value>, args: Vec<Value>, _: Kw) -> PyResult {
    predicate(b, args, "isdecimal", str_class::is_decimal)
}
fn isnumeric(b: Option<&Value>, args: Vec<Value>, _: Kw) -> PyResult {
    predicate(b, args, "isnumeric", str_class::is_numeric)
}
fn isalpha(b: Option<&Value>, args: Vec<Value>, _: Kw) -> PyResult {
    predicate(b, args, "isalpha", str_class::is_alpha)
}
fn isalnum(b: Option<&Value>, args: Vec<Value>, _: Kw) -> PyResult {
    predicate(b, args, "isalnum", str_class::is_alnum)
}
fn isspace(b: Option<&Value>, args: Vec<Value>, _: Kw) -> PyResult {
    predicate(b, args, "isspace", is_space)
}

fn cased(b: Option<&Value>, mut args: Vec<Value>, name: &str, upper: bool) -> PyResult {
    let t = text_only(b, &mut args, name)?;
    // CPython's `isupper`/`islower`: no character of the other case nor titlecase, and one of
    // this case.
    use super::str_case::{is_lower, is_title, is_upper};
    let mut any = false;
    for c in t.chars() {
        let (this, other) = if upper {
            (is_upper(c), is_lower(c))
        } else {
            (is_lower(c), is_upper(c))
        };
        if other || is_title(c) {
            return Ok(Value::Bool(false));
        }
        any |= this;
    }
    Ok(Value::Bool(any))
}

fn isupper(b: Option<&Value>, args: Vec<Value>, _: Kw) -> PyResult {
    cased(b, args, "isupper", true)
}
fn islower(b: Option<&Value>, args: Vec<Value>, _: Kw) -> PyResult {
    cased(b, args, "islower", false)
}

fn isidentifier(b: Option<&Value>, mut args: Vec<Value>, _: Kw) -> PyResult {
    let t = text_only(b, &mut args, "isidentifier")?;
    // Beyond ASCII it takes Unicode's XID_Start and XID_Continue, tables the playground does not
    // carry (nor Rust's standard library): refused rather than answered from another property.
    if !t.is_ascii() {
        return Err(crate::vm::refuse("str.isidentifier of non-ASCII text"));
    }
    let mut cs = t.chars();
    Ok(Value::Bool(
        cs.next().is_some_and(|c| c == '_' || c.is_alphabetic())
            && cs.all(|c| c == '_' || c.is_alphanumeric()),
    ))
}

fn partition_impl(b: Option<&Value>, mut args: Vec<Value>, name: &str, rev: bool) -> PyResult {
    let t = text(b, &mut args, name)?;
    let sep = arg_str(&args[0], "sep")?;
    if sep.is_empty() {
        return Err(value_error("empty separator"));
    }
    let found = if rev { t.rfind(&*sep) } else { t.find(&*sep) };
    let parts = match found {
        Some(k) => [
            t[..k].to_string(),
            sep.to_string(),
            t[k + sep.len()..].to_string(),
        ],
        None if rev => [String::new(), String::new(), t.to_string()],
        None => [t.to_string(), String::new(), String::new()],
    };
    Ok(Value::tuple(parts.into_iter().map(Value::string).collect()))
}

fn partition(b: Option<&Value>, args: Vec<Value>, _: Kw) -> PyResult {
    partition_impl(b, args, "partition", false)
}
fn rpartition(b: Option<&Value>, args: Vec<Value>, _: Kw) -> PyResult {
    partition_impl(b, args, "rpartition", true)
}

fn removeprefix(b: Option<&Value>, mut args: Vec<Value>, _: Kw) -> PyResult {
    let t = text(b, &mut args, "removeprefix")?;
    let p = arg_str(&args[0], "removeprefix() argument")?;
    s(t.strip_prefix(&*p).unwrap_or(&t).to_string())
}

fn removesuffix(b: Option<&Value>, mut args: Vec<Value>, _: Kw) -> PyResult {
    let t = text(b, &mut args, "removesuffix")?;
    let p = arg_str(&args[0], "removesuffix() argument")?;
    s(t.strip_suffix(&*p).unwrap_or(&t).to_string())
}

fn encode(_: Option<&Value>, _: Vec<Value>, _: Kw) -> PyResult {
    Err(crate::vm::refuse("str.encode() (bytes)"))
}

pub const STR: &[(&str, BuiltinFn)] = &[
    ("format", format),
    ("join", join),
    ("split", split),
    ("rsplit", rsplit),
    ("strip", strip),
    ("lstrip", lstrip),
    ("rstrip", rstrip),
    ("upper", upper),
    ("lower", lower),
    ("casefold", casefold),
    ("swapcase", swapcase),
    ("title", title),
    ("capitalize", capitalize),
    ("startswith", startswith),
    ("endswith", endswith),
    ("replace", replace),
    ("find", find),
    ("rfind", rfind),
    ("index", index),
    ("rindex", rindex),
    ("count", count),
    ("center", center),
    ("ljust", ljust),
    ("rjust", rjust),
    ("zfill", zfill),
    ("splitlines", splitlines),
    ("isdigit", isdigit),
    ("isdecimal", isdecimal),
    ("isnumeric", isnumeric),
    ("isalpha", isalpha),
    ("isalnum", isalnum),
    ("isspace", isspace),
    ("isupper", isupper),
    ("islower", islower),
    ("isidentifier", isidentifier),
    ("partition", partition),
    ("rpartition", rpartition),
    ("removeprefix", removeprefix),
    ("removesuffix", removesuffix),
    ("encode", encode),
];
