//! String literal bodies: escape sequences, and f-strings split into literal text and replacement
//! fields whose expressions are parsed with their real source positions.

use super::{PResult, Parser};
use crate::syntax::ast::{Expr, FPart};
use crate::syntax::error::CompileError;
use crate::syntax::lexer::tokenize;
use crate::syntax::token::{Pos, Span, StrToken, Tok};
use std::rc::Rc;

/// Processes the escape sequences of a (non-raw) string body. The first escape that is not one
/// (`\d`, `\777`) gets CPython's `SyntaxWarning`, naming the string's first line.
///
/// # Errors
/// A malformed `\x`, `\u` or `\U` escape.
pub(super) fn unescape(body: &str, raw: bool, span: Span) -> PResult<String> {
    if raw || !body.contains('\\') {
        return Ok(body.to_string());
    }
    let mut out = String::with_capacity(body.len());
    let mut chars = body.chars().peekable();
    let mut invalid: Option<String> = None;
    let mut note = |what: String| {
        invalid.get_or_insert(what);
    };
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        let Some(e) = chars.next() else {
            out.push('\\');
            break;
        };
        match e {
            '\n' => {}
            '\\' => out.push('\\'),
            '\'' => out.push('\''),
            '"' => out.push('"'),
            'n' => out.push('\n'),
            't' => out.push('\t'),
            'r' => out.push('\r'),
            'a' => out.push('\x07'),
            'b' => out.push('\x08'),
            'f' => out.push('\x0c'),
            'v' => out.push('\x0b'),
            '0'..='7' => {
                let mut v = e.to_digit(8).expect("octal digit");
                let mut digits = String::from(e);
                for _ in 0..2 {
                    match chars.peek().and_then(|c| c.to_digit(8)) {
                        Some(d) => {
                            v = v * 8 + d;
                            digits.extend(chars.next());
                        }
                        None => break,
                    }
                }
                if v > 0o377 {
                    note(format!("invalid octal escape sequence '\\{digits}'"));
                }
                out.push(char::from_u32(v).unwrap_or('\u{fffd}'));
            }
            'x' | 'u' | 'U' => {
                let n = match e {
                    'x' => 2,
                    'u' => 4,
                    _ => 8,
                };
                let hex: String = (0..n)
                    .filter_map(|_| chars.next_if(|c| c.is_ascii_hexdigit()))
                    .collect();
                let value = (hex.len() == n)
                    .then(|| u32::from_str_radix(&hex, 16).ok())
                    .flatten();
                if value.is_some_and(|v| (0xD800..0xE000).contains(&v)) {
                    return Err(CompileError::refused(
                        "a surrogate escape (\\ud800 to \\udfff) is not supported in the playground: its strings hold Unicode characters only",
                        span,
                    ));
                }
                match value.and_then(char::from_u32) {
                    Some(ch) => out.push(ch),
                    None => {
                        let what = if e == 'x' {
                            "truncated \\xXX escape".to_string()
                        } else if e == 'u' {
                            "truncated \\uXXXX escape".to_string()
                        } else {
                            "truncated \\UXXXXXXXX escape".to_string()
                        };
                        return Err(CompileError::syntax(
                            format!("(unicode error) 'unicodeescape' codec can't decode bytes in position 0-{}: {what}", n + 1),
                            span,
                        ));
                    }
                }
            }
            'N' => {
                return Err(CompileError::refused(
                    "\\N{...} escapes are not supported in the playground",
                    span,
                ));
            }
            other => {
                // CPython names an ASCII character only (it prints one byte).
                if other.is_ascii() {
                    note(format!("invalid escape sequence '\\{other}'"));
                }
                out.push('\\');
                out.push(other);
            }
        }
    }
    if let Some(message) = invalid {
        let at = (span.start.line, span.start.col);
        crate::syntax::warnings::warn_string(span.start.line, at, message);
    }
    Ok(out)
}

/// The position of character `k` of a string body that starts at `start`.
fn pos_in(body: &[char], start: Pos, k: usize) -> Pos {
    let mut pos = start;
    for &c in &body[..k.min(body.len())] {
        if c == '\n' {
            pos.line += 1;
            pos.col = 0;
        } else {
            pos.col += 1;
        }
    }
    pos
}

impl Parser {
    /// The parts of one f-string literal.
    pub(super) fn fstring_parts(&mut self, s: &StrToken, span: Span) -> PResult<Vec<FPart>> {
        let body: Vec<char> = s.body.chars().collect();
        let mut k = 0;
        let parts = parse_parts(&body, &mut k, s, span, false)?;
        Ok(parts)
    }
}

/// Literal text and fields up to the end of the body, or (in a format spec) up to its `}`.
fn parse_parts(
    body: &[char],
    k: &mut usize,
    s: &StrToken,
    span: Span,
    in_spec: bool,
) -> PResult<Vec<FPart>> {
    let mut parts = Vec::new();
    let mut lit = String::new();
    let flush = |lit: &mut String, parts: &mut Vec<FPart>| -> PResult<()> {
        if !lit.is_empty() {
            let text = unescape(lit, s.raw, span)?;
            parts.push(FPart::Lit(Rc::from(text)));
            lit.clear();
        }
        Ok(())
    };
    while *k < body.len() {
        let c = body[*k];
        match c {
            '{' if body.get(*k + 1) == Some(&'{') && !in_spec => {
                lit.push('{');
                *k += 2;
            }
            '}' if body.get(*k + 1) == Some(&'}') && !in_spec => {
                lit.push('}');
                *k += 2;
            }
            '}' if in_spec => break,
            '}' => {
                let p = pos_in(body, s.body_start, *k);
                return Err(CompileError::syntax(
                    "f-string: single '}' is not allowed",
                    Span::new(p, p),
                ));
            }
            '{' => {
                flush(&mut lit, &mut parts)?;
                *k += 1;
                parts.extend(parse_field(body, k, s, span)?);
            }
            '\\' if !s.raw && *k + 1 < body.len() => {
                lit.push('\\');
                lit.push(body[*k + 1]);
                *k += 2;
            }
            _ => {
                lit.push(c);
                *k += 1;
            }
        }
    }
    flush(&mut lit, &mut parts)?;
    Ok(parts)
}

/// One replacement field, after its `{`: the expression, `=`, `!conv`, `:spec`, and `}`.
fn parse_field(body: &[char], k: &mut usize, s: &StrToken, span: Span) -> PResult<Vec<FPart>> {
    let expr_start = *k;
    // The brackets open in the expression, innermost last.
    let mut open: Vec<char> = Vec::new();
    let mut quote: Option<char> = None;
    let mut debug = false;
    let expr_end;
    loop {
        let Some(&c) = body.get(*k) else {
            let p = pos_in(body, s.body_start, *k);
            return Err(CompileError::syntax(
                "f-string: expecting '}'",
                Span::new(p, p),
            ));
        };
        if let Some(q) = quote {
            if c == '\\' {
                *k += 2;
                continue;
            }
            if c == q {
                quote = None;
            }
            *k += 1;
            continue;
        }
        let depth = open.len();
        match c {
            '\'' | '"' => quote = Some(c),
            '(' | '[' | '{' => open.push(c),
            // (A `}` closing a `(` was refused by the lexer: "closing parenthesis '}' does
            // not match opening parenthesis '('".)
            ')' | ']' | '}' if depth > 0 => {
                open.pop();
            }
            ')' | ']' => {}
            '}' | ':' if depth == 0 => {
                expr_end = *k;
                break;
            }
            '!' if depth == 0 && body.get(*k + 1) != Some(&'=') => {
                expr_end = *k;
                break;
            }
            '=' if depth == 0
                && !matches!(body.get(*k + 1), Some('='))
                && !matches!(body.get(k.wrapping_sub(1)), Some('=' | '!' | '<' | '>')) =>
            {
                debug = true;
                expr_end = *k;
                *k += 1;
                // `{x = }`: the spaces after `=` are part of the text shown, not of the field.
                while body.get(*k).is_some_and(|c| c.is_whitespace()) {
                    *k += 1;
                }
                break;
            }
            _ => {}
        }
        *k += 1;
    }
    let text: String = body[expr_start..expr_end].iter().collect();
    let start = pos_in(body, s.body_start, expr_start);
    if text.trim().is_empty() {
        let what = body.get(*k).copied().unwrap_or('}');
        return Err(CompileError::syntax(
            format!("f-string: valid expression required before '{what}'"),
            Span::new(start, start),
        ));
    }
    let expr = parse_embedded(&text, start)?;
    let mut conv = None;
    if body.get(*k) == Some(&'!') {
        *k += 1;
        match body.get(*k) {
            Some(&c @ ('r' | 's' | 'a')) => {
                conv = Some(c);
                *k += 1;
            }
            other => {
                let p = pos_in(body, s.body_start, *k);
                // CPython names the character when there is one before the `}`/`:`.
                let msg = match other {
                    Some(&c) if c != '}' && c != ':' => format!(
                        "f-string: invalid conversion character '{c}': expected 's', 'r', or 'a'"
                    ),
                    _ => "f-string: missing conversion character".to_string(),
                };
                return Err(CompileError::syntax(msg, Span::new(p, p)));
            }
        }
    }
    let mut spec = None;
    if body.get(*k) == Some(&':') {
        *k += 1;
        spec = Some(parse_parts(body, k, s, span, true)?);
    }
    if body.get(*k) != Some(&'}') {
        let p = pos_in(body, s.body_start, *k);
        return Err(CompileError::syntax(
            "f-string: expecting '}'",
            Span::new(p, p),
        ));
    }
    *k += 1;
    let mut parts = Vec::new();
    if debug {
        let written: String = body[expr_start..=expr_end].iter().collect();
        let trailing: String = body[expr_end + 1..]
            .iter()
            .take_while(|c| c.is_whitespace())
            .collect();
        parts.push(FPart::Lit(Rc::from(format!("{written}{trailing}"))));
        if conv.is_none() && spec.is_none() {
            conv = Some('r');
        }
    }
    parts.push(FPart::Field {
        expr: Box::new(expr),
        conv,
        spec,
        span: Span::new(
            pos_in(body, s.body_start, expr_start.saturating_sub(1)),
            pos_in(body, s.body_start, *k),
        ),
    });
    Ok(parts)
}

/// Parses a replacement field's expression, positioned where it stands in the source.
///
/// # Errors
/// CPython's parser takes the longest expression the field starts with and then expects `=`,
/// `!`, `:` or `}`: a field that is not an expression whole (`{a +}`) is "f-string: expecting
/// '=', or '!', or ':', or '}'" at the token after that longest expression, on the field's line.
fn parse_embedded(text: &str, at: Pos) -> PResult<Expr> {
    let err = match parse_embedded_whole(text, at) {
        Ok(e) => return Ok(e),
        Err(err) => err,
    };
    if text.contains('\n') || err.message().contains("forgot a comma") {
        return Err(err);
    }
    // The ends of the field's tokens, longest first: the first prefix that parses is the
    // expression CPython's parser would have taken.
    let Ok(tokens) = tokenize(text) else {
        return Err(err);
    };
    let ends: Vec<(u32, u32)> = tokens
        .iter()
        .filter(|t| {
            t.span.start.line == 1 && t.span.end.line == 1 && t.span.end.col > t.span.start.col
        })
        .map(|t| (t.span.start.col, t.span.end.col))
        .collect();
    for (k, &(_, end)) in ends.iter().enumerate().rev() {
        let prefix: String = text.chars().take(end as usize).collect();
        if parse_embedded_whole(&prefix, at).is_ok() {
            let Some(&(next, _)) = ends.get(k + 1) else {
                return Err(err);
            };
            let p = Pos {
                line: at.line,
                col: at.col + next,
            };
            return Err(CompileError::syntax(
                "f-string: expecting '=', or '!', or ':', or '}'",
                Span::new(p, p),
            ));
        }
    }
    Err(err)
}

/// Parses `text` as one whole expression (or a `yield`).
fn parse_embedded_whole(text: &str, at: Pos) -> PResult<Expr> {
    let wrapped = format!("({text}\n)");
    let shift = |p: Pos| -> Pos {
        if p.line == 1 {
            Pos {
                line: at.line,
                col: (p.col + at.col).saturating_sub(1),
            }
        } else {
            Pos {
                line: at.line + p.line - 1,
                col: p.col,
            }
        }
    };
    let mut tokens = tokenize(&wrapped).map_err(|e| match e {
        CompileError::Syntax { kind, msg, span } => CompileError::Syntax {
            kind,
            msg: format!("f-string: {msg}"),
            span: Span::new(shift(span.start), shift(span.end)),
        },
        other => other,
    })?;
    for t in &mut tokens {
        t.span = Span::new(shift(t.span.start), shift(t.span.end));
        if let Tok::Str(s) = &mut t.tok {
            s.body_start = shift(s.body_start);
        }
    }
    let mut p = Parser {
        toks: tokens,
        i: 0,
        brackets: 0,
        last_disjunction: None,
    };
    p.advance(); // the `(` we added
    p.brackets = 1;
    let e = if p.at_kw("yield") {
        p.yield_expr()?
    } else {
        p.star_expressions()?
    };
    if !p.at_op(")") {
        // `{x y}`: CPython's "Perhaps you forgot a comma?", as in any brackets.
        if let Err(e) = p.expect_close(")") {
            if e.message().contains("forgot a comma") {
                return Err(e);
            }
        }
        return Err(CompileError::syntax("f-string: expecting '}'", p.span()));
    }
    Ok(e)
}
