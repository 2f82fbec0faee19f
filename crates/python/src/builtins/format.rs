//! Formatting: f-string fields and `format()` (the format-spec mini-language), `%`-formatting,
//! and `str.format`.

use super::type_name;
use crate::numfmt::{self, to_exc, FormatSpec, PercentArg};
use crate::objects::repr::{repr, str};
use crate::objects::Value;
use crate::vm::{attr, index_error, key_error, type_error, value_error, PyResult};
use std::rc::Rc;

/// `format(v, spec)` after the conversion `conv` (`'r'`, `'s'`, `'a'` or 0): what an f-string
/// field `{v!conv:spec}` puts in.
pub fn format_value(v: &Value, conv: u8, spec: Option<&Value>) -> PyResult<String> {
    let converted;
    let v = match conv {
        b'r' => {
            converted = Value::string(repr(v)?);
            &converted
        }
        b's' => {
            converted = Value::string(str(v)?);
            &converted
        }
        b'a' => {
            converted = Value::string(numfmt::repr::ascii_escape(&repr(v)?));
            &converted
        }
        _ => v,
    };
    let spec = match spec {
        None => "",
        Some(Value::Str(s)) => s,
        Some(other) => {
            return Err(type_error(format!(
                "format spec must be str, not {}",
                type_name(other)
            )))
        }
    };
    format_spec(v, spec)
}

/// `format(v, spec)`.
pub fn format_spec(v: &Value, spec: &str) -> PyResult<String> {
    match v {
        Value::Str(s) if spec.is_empty() => Ok(s.to_string()),
        Value::Int(i) if spec.is_empty() => Ok(i.to_string()),
        Value::Str(s) => {
            numfmt::format_str(s, &FormatSpec::parse(spec).map_err(to_exc)?).map_err(to_exc)
        }
        Value::Int(i) => {
            numfmt::format_int(*i, &FormatSpec::parse(spec).map_err(to_exc)?).map_err(to_exc)
        }
        Value::Bool(b) if spec.is_empty() => Ok(if *b { "True" } else { "False" }.to_string()),
        Value::Bool(b) => {
            numfmt::format_int(*b as i64, &FormatSpec::parse(spec).map_err(to_exc)?).map_err(to_exc)
        }
        Value::Float(f) => {
            numfmt::format_float(*f, &FormatSpec::parse(spec).map_err(to_exc)?).map_err(to_exc)
        }
        other if spec.is_empty() => str(other),
        other => Err(type_error(format!(
            "unsupported format string passed to {}.__format__",
            type_name(other)
        ))),
    }
}

/// `fmt % args`.
pub fn percent(fmt: &str, args: &Value) -> PyResult<String> {
    if let Value::Dict(_) = args {
        if fmt.contains("%(") {
            return Err(crate::vm::refuse(
                "%-formatting with a mapping ('%(name)s')",
            ));
        }
    }
    let list: Vec<Value> = match args {
        Value::Tuple(t) => t.to_vec(),
        other => vec![other.clone()],
    };
    // What a program's `__str__` / `__repr__` raised, carried past the formatter (which knows
    // only its own errors).
    let raised: std::cell::RefCell<Option<crate::objects::Raised>> = Default::default();
    let formatted = percent_lazily(fmt, &list, &raised)?;
    match raised.into_inner() {
        Some(e) => Err(e),
        None => formatted.map_err(to_exc),
    }
}

/// `fmt % list`, each operand's str() or repr() computed when a conversion asks for it; what
/// such a computation raises is left in `raised`.
fn percent_lazily(
    fmt: &str,
    list: &[Value],
    raised: &std::cell::RefCell<Option<crate::objects::Raised>>,
) -> PyResult<Result<String, numfmt::PyErr>> {
    type Text<'v> = Box<dyn Fn(bool) -> Result<String, numfmt::PyErr> + 'v>;
    let texts: Vec<Text> = list
        .iter()
        .map(|v| {
            Box::new(move |want_repr: bool| {
                let text = if want_repr { repr(v) } else { str(v) };
                text.map_err(|e| {
                    *raised.borrow_mut() = Some(e);
                    numfmt::PyErr {
                        kind: numfmt::ErrKind::TypeError,
                        message: String::new(),
                    }
                })
            }) as Text
        })
        .collect();
    let parsed: Vec<PercentArg> = list
        .iter()
        .zip(&texts)
        .map(|(v, text)| match v {
            Value::Int(i) => Ok(PercentArg::Int(*i)),
            Value::Bool(b) => Ok(PercentArg::Bool(*b)),
            Value::Float(f) => Ok(PercentArg::Float(*f)),
            Value::Str(s) => Ok(PercentArg::Str {
                str_: s.to_string(),
                repr: repr(v)?,
            }),
            other => Ok(PercentArg::Other {
                type_name: type_name(other),
                text: &**text,
            }),
        })
        .collect::<PyResult<_>>()?;
    Ok(numfmt::percent_format(fmt, &parsed))
}

/// `fmt.format(*args, **kwargs)`.
pub fn str_format(fmt: &str, args: &[Value], kwargs: &[(Rc<str>, Value)]) -> PyResult<String> {
    let mut numbering = Numbering {
        auto: None,
        manual: false,
    };
    // CPython's `recursion_depth`: a field's spec may hold fields, but theirs may not.
    format_with(fmt, args, kwargs, &mut numbering, 2)
}

/// How `str.format` numbers its fields: automatically (`{}`) or by hand (`{0}`), never both. The
/// fields nested in a format spec share it, numbered after their own field.
struct Numbering {
    /// The last automatic number given.
    auto: Option<usize>,
    manual: bool,
}

fn format_with(
    fmt: &str,
    args: &[Value],
    kwargs: &[(Rc<str>, Value)],
    numbering: &mut Numbering,
    depth: u32,
) -> PyResult<String> {
    if depth == 0 {
        return Err(value_error("Max string recursion exceeded"));
    }
    let chars: Vec<char> = fmt.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '{' {
            if chars.get(i + 1) == Some(&'{') {
                out.push('{');
                i += 2;
                continue;
            }
            // The field, up to its matching `}`.
            let nesting = depth;
            let mut depth = 1;
            let mut j = i + 1;
            while j < chars.len() && depth > 0 {
                match chars[j] {
                    '{' => depth += 1,
                    '}' => depth -= 1,
                    _ => {}
                }
                j += 1;
            }
            if i + 1 == chars.len() {
                return Err(value_error("Single '{' encountered in format string"));
            }
            if depth > 0 {
                return Err(value_error("expected '}' before end of string"));
            }
            let field: String = chars[i + 1..j - 1].iter().collect();
            out.push_str(&format_field(&field, args, kwargs, numbering, nesting)?);
            i = j;
        } else if c == '}' {
            if chars.get(i + 1) == Some(&'}') {
                out.push('}');
                i += 2;
                continue;
            }
            return Err(value_error("Single '}' encountered in format string"));
        } else {
            out.push(c);
            i += 1;
        }
    }
    Ok(out)
}

/// The conversion after `!` in a field: `r`, `s` or `a`.
fn conversion(text: &str) -> PyResult<char> {
    let mut cs = text.chars();
    match (cs.next(), cs.next()) {
        (None, _) => Err(value_error("unmatched '{' in format spec")),
        (Some(_), Some(_)) => Err(value_error("expected ':' after conversion specifier")),
        (Some(c @ ('r' | 's' | 'a')), None) => Ok(c),
        (Some(c), None) => Err(value_error(format!("Unknown conversion specifier {c}"))),
    }
}

/// One `{name!conv:spec}` of `str.format`.
fn format_field(
    field: &str,
    args: &[Value],
    kwargs: &[(Rc<str>, Value)],
    numbering: &mut Numbering,
    depth: u32,
) -> PyResult<String> {
    let (head, spec) = match field.find(':') {
        Some(k) => (&field[..k], &field[k + 1..]),
        None => (field, ""),
    };
    let (name, conv) = match head.find('!') {
        Some(k) => (&head[..k], Some(conversion(&head[k + 1..])?)),
        None => (head, None),
    };
    let Numbering { auto, manual } = numbering;
    let first_end = name.find(['.', '[']).unwrap_or(name.len());
    let (first, rest) = name.split_at(first_end);
    let mut v = if first.is_empty() {
        if *manual {
            return Err(value_error(
                "cannot switch from manual field specification to automatic field numbering",
            ));
        }
        let n = auto.map_or(0, |n| n + 1);
        *auto = Some(n);
        args.get(n).cloned().ok_or_else(|| {
            index_error(format!(
                "Replacement index {n} out of range for positional args tuple"
            ))
        })?
    } else if let Ok(n) = first.parse::<usize>() {
        if auto.is_some() {
            return Err(value_error(
                "cannot switch from automatic field numbering to manual field specification",
            ));
        }
        *manual = true;
        args.get(n).cloned().ok_or_else(|| {
            index_error(format!(
                "Replacement index {n} out of range for positional args tuple"
            ))
        })?
    } else {
        kwargs
            .iter()
            .find(|(k, _)| &**k == first)
            .map(|(_, v)| v.clone())
            .ok_or_else(|| key_error(Value::str(first)))?
    };
    let mut rest = rest;
    while !rest.is_empty() {
        if let Some(r) = rest.strip_prefix('.') {
            let end = r.find(['.', '[']).unwrap_or(r.len());
            v = attr::getattr(&v, &Rc::from(&r[..end]))?;
            rest = &r[end..];
        } else if let Some(r) = rest.strip_prefix('[') {
            let end = r
                .find(']')
                .ok_or_else(|| value_error("Missing ']' in format string"))?;
            let key = &r[..end];
            let k = match key.parse::<i64>() {
                Ok(n) => Value::Int(n),
                Err(_) => Value::str(key),
            };
            v = crate::vm::ops::getitem(&v, &k)?;
            rest = &r[end + 1..];
        } else {
            break;
        }
    }
    let spec = if spec.contains('{') {
        format_with(spec, args, kwargs, numbering, depth - 1)?
    } else {
        spec.to_string()
    };
    let conv = conv.map_or(0, |c| c as u8);
    format_value(&v, conv, Some(&Value::string(spec)))
}
