//! The tokenizer: source text → tokens with positions, INDENT/DEDENT from indentation, implicit
//! line joining inside brackets, and CPython's messages for what it rejects.

use super::error::{CompileError, SyntaxKind};
use super::token::{Pos, Span, StrToken, Tok, Token, OPERATORS};
use std::rc::Rc;

pub struct Lexer<'a> {
    chars: Vec<char>,
    i: usize,
    line: u32,
    col: u32,
    /// The indentation stack: each level's column with tabs to 8 and with tabs to 1 (CPython's
    /// `indstack` and `altindstack`; the two disagreeing is a `TabError`).
    indents: Vec<(u32, u32)>,
    /// Open brackets with their positions (for "'(' was never closed").
    brackets: Vec<(char, Pos)>,
    tokens: Vec<Token>,
    at_line_start: bool,
    _src: &'a str,
}

/// Tokenizes a whole program.
///
/// # Errors
/// The first syntax error, as CPython reports it.
pub fn tokenize(source: &str) -> Result<Vec<Token>, CompileError> {
    match tokenize_for_parser(source) {
        (tokens, None) => Ok(tokens),
        (_, Some(e)) => Err(e.error),
    }
}

/// A tokenizer error, found after the tokens before it.
pub struct LexError {
    pub error: CompileError,
    /// For a bracket never closed: the line it was opened on (CPython reports it only if the
    /// parser fails on a later line, or runs out of tokens).
    pub unclosed_line: Option<u32>,
}

/// The tokens, and the tokenizer's error if there is one: then the tokens are those before it,
/// ended by `Eof`, so that the parser can find an earlier error first (CPython's tokenizer runs
/// as the parser asks for tokens).
pub fn tokenize_for_parser(source: &str) -> (Vec<Token>, Option<LexError>) {
    let mut lx = Lexer {
        chars: source.chars().collect(),
        i: 0,
        line: 1,
        col: 0,
        indents: vec![(0, 0)],
        brackets: Vec::new(),
        tokens: Vec::new(),
        at_line_start: true,
        _src: source,
    };
    match lx.run() {
        Ok(()) => (lx.tokens, None),
        Err(error) => {
            let end = lx.pos();
            lx.tokens.push(Token {
                tok: Tok::Eof,
                span: Span::new(end, end),
            });
            let unclosed_line = match &error {
                CompileError::Syntax { msg, .. } if msg.ends_with("was never closed") => {
                    lx.brackets.last().map(|(_, p)| p.line)
                }
                _ => None,
            };
            (
                lx.tokens,
                Some(LexError {
                    error,
                    unclosed_line,
                }),
            )
        }
    }
}

fn is_name_start(c: char) -> bool {
    c == '_' || c.is_alphabetic()
}

fn is_name_char(c: char) -> bool {
    c == '_' || c.is_alphanumeric()
}

impl Lexer<'_> {
    fn pos(&self) -> Pos {
        Pos {
            line: self.line,
            col: self.col,
        }
    }

    fn peek(&self) -> Option<char> {
        self.chars.get(self.i).copied()
    }

    fn peek_at(&self, k: usize) -> Option<char> {
        self.chars.get(self.i + k).copied()
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.chars.get(self.i).copied()?;
        self.i += 1;
        if c == '\n' {
            self.line += 1;
            self.col = 0;
        } else {
            self.col += 1;
        }
        Some(c)
    }

    fn push(&mut self, tok: Tok, start: Pos) {
        let span = Span::new(start, self.pos());
        self.tokens.push(Token { tok, span });
    }

    fn err<T>(&self, msg: impl Into<String>, start: Pos, end: Pos) -> Result<T, CompileError> {
        Err(CompileError::syntax(msg, Span::new(start, end)))
    }

    fn run(&mut self) -> Result<(), CompileError> {
        loop {
            if self.at_line_start && self.brackets.is_empty() && !self.indentation()? {
                break;
            }
            let Some(c) = self.peek() else { break };
            let start = self.pos();
            match c {
                ' ' | '\t' | '\x0c' => {
                    self.bump();
                }
                '\r' => {
                    self.bump();
                }
                '#' => {
                    while self.peek().is_some_and(|c| c != '\n') {
                        self.bump();
                    }
                }
                '\n' => {
                    self.bump();
                    if self.brackets.is_empty() {
                        self.push(Tok::Newline, start);
                        self.at_line_start = true;
                    }
                }
                '\\' => {
                    self.bump();
                    match self.peek() {
                        Some('\n') => {
                            self.bump();
                        }
                        Some('\r') if self.peek_at(1) == Some('\n') => {
                            self.bump();
                            self.bump();
                        }
                        None => return self.err("unexpected EOF while parsing", start, self.pos()),
                        _ => {
                            return self.err(
                                "unexpected character after line continuation character",
                                start,
                                self.pos(),
                            )
                        }
                    }
                }
                c if c.is_ascii_digit()
                    || (c == '.' && self.peek_at(1).is_some_and(|d| d.is_ascii_digit())) =>
                {
                    self.number()?
                }
                c if is_name_start(c) => {
                    if self.string_prefix_len().is_some() {
                        self.string()?;
                    } else {
                        let mut name = String::new();
                        while let Some(c) = self.peek().filter(|&c| is_name_char(c)) {
                            name.push(c);
                            self.bump();
                        }
                        self.push(Tok::Name(Rc::from(name)), start);
                    }
                }
                '"' | '\'' => self.string()?,
                _ => self.operator(start)?,
            }
        }
        self.finish()
    }

    /// At the start of a line outside brackets: measures indentation, skips blank and
    /// comment-only lines, and emits INDENT/DEDENT. Returns false at the end of the file.
    fn indentation(&mut self) -> Result<bool, CompileError> {
        loop {
            let (mut width, mut alt) = (0u32, 0u32);
            let line_start = self.pos();
            while let Some(c) = self.peek() {
                match c {
                    ' ' => (width, alt) = (width + 1, alt + 1),
                    '\t' => (width, alt) = ((width / 8 + 1) * 8, alt + 1),
                    '\x0c' => (width, alt) = (0, 0),
                    _ => break,
                }
                self.bump();
            }
            match self.peek() {
                None => return Ok(false),
                Some('#') | Some('\n') | Some('\r') => {
                    while self.peek().is_some_and(|c| c != '\n') {
                        self.bump();
                    }
                    if self.bump().is_none() {
                        return Ok(false);
                    }
                    continue;
                }
                _ => {}
            }
            self.at_line_start = false;
            let (current, current_alt) = *self.indents.last().expect("indents start with 0");
            let here = self.pos();
            let tab_error = || CompileError::Syntax {
                kind: SyntaxKind::TabError,
                msg: "inconsistent use of tabs and spaces in indentation".into(),
                span: Span::new(line_start, here),
            };
            if width == current {
                if alt != current_alt {
                    return Err(tab_error());
                }
            } else if width > current {
                if alt <= current_alt {
                    return Err(tab_error());
                }
                // As CPython's tokenizer: the parser decides whether an indent was expected
                // (a missing `:` before it is "expected ':'", not "unexpected indent").
                self.indents.push((width, alt));
                self.push(Tok::Indent, line_start);
            } else {
                while self.indents.last().expect("indents start with 0").0 > width {
                    self.indents.pop();
                    self.push(Tok::Dedent, here);
                }
                let (level, level_alt) = *self.indents.last().expect("indents start with 0");
                if level != width {
                    // CPython points just past the end of the line.
                    let rest = self.chars[self.i..]
                        .iter()
                        .take_while(|&&c| c != '\n' && c != '\r');
                    let end = Pos {
                        line: here.line,
                        col: here.col + rest.count() as u32,
                    };
                    return Err(CompileError::indentation(
                        "unindent does not match any outer indentation level",
                        Span::new(end, end),
                    ));
                }
                if level_alt != alt {
                    return Err(tab_error());
                }
            }
            return Ok(true);
        }
    }

    fn finish(&mut self) -> Result<(), CompileError> {
        if let Some(&(c, pos)) = self.brackets.last() {
            return self.err(
                format!("'{c}' was never closed"),
                pos,
                Pos {
                    line: pos.line,
                    col: pos.col + 1,
                },
            );
        }
        let end = self.pos();
        if !matches!(
            self.tokens.last().map(|t| &t.tok),
            None | Some(Tok::Newline) | Some(Tok::Dedent)
        ) {
            self.push(Tok::Newline, end);
        }
        while self.indents.len() > 1 {
            self.indents.pop();
            self.push(Tok::Dedent, end);
        }
        self.push(Tok::Eof, end);
        Ok(())
    }

    fn operator(&mut self, start: Pos) -> Result<(), CompileError> {
        let rest: String = self.chars[self.i..self.chars.len().min(self.i + 3)]
            .iter()
            .collect();
        let Some(&op) = OPERATORS.iter().find(|op| rest.starts_with(**op)) else {
            let c = self.peek().expect("operator at a character");
            if c == '!' {
                self.bump();
                return self.err("invalid syntax", start, self.pos());
            }
            let msg = if c.is_ascii_graphic() {
                "invalid syntax".to_string()
            } else {
                format!("invalid character '{c}' (U+{:04X})", c as u32)
            };
            self.bump();
            return self.err(msg, start, self.pos());
        };
        for _ in 0..op.chars().count() {
            self.bump();
        }
        match op {
            "(" | "[" | "{" => self
                .brackets
                .push((op.chars().next().expect("one char"), start)),
            ")" | "]" | "}" => {
                let close = op.chars().next().expect("one char");
                match self.brackets.pop() {
                    None => return self.err(format!("unmatched '{close}'"), start, self.pos()),
                    Some((open, pos)) => {
                        let expected = match open {
                            '(' => ')',
                            '[' => ']',
                            _ => '}',
                        };
                        if expected != close {
                            let msg = if pos.line == start.line {
                                format!("closing parenthesis '{close}' does not match opening parenthesis '{open}'")
                            } else {
                                format!(
                                    "closing parenthesis '{close}' does not match opening parenthesis '{open}' on line {}",
                                    pos.line
                                )
                            };
                            return self.err(msg, start, self.pos());
                        }
                    }
                }
            }
            _ => {}
        }
        self.push(Tok::Op(op), start);
        Ok(())
    }

    fn number(&mut self) -> Result<(), CompileError> {
        let start = self.pos();
        let mut text = String::new();
        let radix = match (self.peek(), self.peek_at(1)) {
            (Some('0'), Some('x' | 'X')) => 16,
            (Some('0'), Some('o' | 'O')) => 8,
            (Some('0'), Some('b' | 'B')) => 2,
            _ => 10,
        };
        if radix != 10 {
            self.bump();
            self.bump();
            while let Some(c) = self
                .peek()
                .filter(|c| c.is_ascii_alphanumeric() || *c == '_')
            {
                text.push(c);
                self.bump();
            }
            let digits = text.replace('_', "");
            let valid = !digits.is_empty()
                && !text.starts_with("__")
                && !text.ends_with('_')
                && !text.contains("__")
                && digits.chars().all(|c| c.is_digit(radix));
            if !valid {
                let kind = match radix {
                    16 => "hexadecimal",
                    8 => "octal",
                    _ => "binary",
                };
                return self.err(format!("invalid {kind} literal"), start, self.pos());
            }
            let tok = match i64::from_str_radix(&digits, radix) {
                Ok(v) => Tok::Int(v),
                Err(_) => Tok::BigInt(Rc::from(text.as_str())),
            };
            self.push(tok, start);
            return Ok(());
        }
        let mut is_float = false;
        let digits = |lx: &mut Lexer, text: &mut String| {
            while let Some(c) = lx.peek().filter(|c| c.is_ascii_digit() || *c == '_') {
                text.push(c);
                lx.bump();
            }
        };
        digits(self, &mut text);
        if self.peek() == Some('.') {
            is_float = true;
            text.push('.');
            self.bump();
            digits(self, &mut text);
        }
        if matches!(self.peek(), Some('e' | 'E'))
            && (self.peek_at(1).is_some_and(|c| c.is_ascii_digit())
                || (matches!(self.peek_at(1), Some('+' | '-'))
                    && self.peek_at(2).is_some_and(|c| c.is_ascii_digit())))
        {
            is_float = true;
            text.push('e');
            self.bump();
            if let Some(sign @ ('+' | '-')) = self.peek() {
                text.push(sign);
                self.bump();
            }
            digits(self, &mut text);
        }
        if matches!(self.peek(), Some('j' | 'J')) {
            self.bump();
            return Err(CompileError::refused(
                "complex numbers are not supported in the playground",
                Span::new(start, self.pos()),
            ));
        }
        if self.peek().is_some_and(is_name_start) {
            self.bump();
            return self.err("invalid decimal literal", start, self.pos());
        }
        if text.contains("__") || text.ends_with('_') || text.contains("_.") || text.contains("._")
        {
            return self.err("invalid decimal literal", start, self.pos());
        }
        let clean = text.replace('_', "");
        if is_float {
            let v: f64 = clean.parse().map_err(|_| {
                CompileError::syntax("invalid decimal literal", Span::new(start, self.pos()))
            })?;
            self.push(Tok::Float(v), start);
        } else {
            if clean.len() > 1 && clean.starts_with('0') && clean.chars().any(|c| c != '0') {
                // CPython points at the first digit.
                let first = Pos {
                    line: start.line,
                    col: start.col + 1,
                };
                return self.err(
                    "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
                    start,
                    first,
                );
            }
            let tok = match clean.parse::<i64>() {
                Ok(v) => Tok::Int(v),
                Err(_) => Tok::BigInt(Rc::from(clean.as_str())),
            };
            self.push(tok, start);
        }
        Ok(())
    }

    /// The length of a string prefix (`r`, `b`, `f`, `rb`, `fr`, `u`, …) before a quote, if any.
    fn string_prefix_len(&self) -> Option<usize> {
        let mut k = 0;
        while k < 2 && self.peek_at(k).is_some_and(|c| "rRbBfFuU".contains(c)) {
            k += 1;
        }
        if k == 0 || !matches!(self.peek_at(k), Some('"' | '\'')) {
            return None;
        }
        let prefix: String = self.chars[self.i..self.i + k]
            .iter()
            .collect::<String>()
            .to_lowercase();
        matches!(
            prefix.as_str(),
            "r" | "b" | "f" | "u" | "rb" | "br" | "fr" | "rf"
        )
        .then_some(k)
    }

    fn string(&mut self) -> Result<(), CompileError> {
        let start = self.pos();
        let k = self.string_prefix_len().unwrap_or(0);
        let prefix: String = (0..k)
            .filter_map(|_| self.bump())
            .collect::<String>()
            .to_lowercase();
        let quote = self.bump().expect("a quote follows the prefix");
        let triple = self.peek() == Some(quote) && self.peek_at(1) == Some(quote);
        if triple {
            self.bump();
            self.bump();
        }
        let fstring = prefix.contains('f');
        let body_start = self.pos();
        let body_from = self.i;
        let end = self.scan_string_end(quote, triple, fstring, start)?;
        let body: String = self.chars[body_from..end].iter().collect();
        let closing = if triple { 3 } else { 1 };
        while self.i < end + closing {
            self.bump();
        }
        let tok = StrToken {
            body: Rc::from(body),
            raw: prefix.contains('r'),
            fstring,
            bytes: prefix.contains('b'),
            body_start,
        };
        self.push(Tok::Str(tok), start);
        Ok(())
    }

    /// The position of the char at index `at` (ahead of `self.i`), without moving.
    fn pos_at(&self, at: usize) -> Pos {
        let mut pos = self.pos();
        for &c in &self.chars[self.i..at] {
            if c == '\n' {
                pos = Pos {
                    line: pos.line + 1,
                    col: 0,
                };
            } else {
                pos.col += 1;
            }
        }
        pos
    }

    /// A string nested in an f-string's replacement field that never ends, starting at index
    /// `at` (ahead of `self.i`). When its quotes are the f-string's own, CPython takes them for
    /// the f-string's end reached inside a field: "f-string: expecting '}'"; otherwise it is an
    /// unterminated string of its own. Either is reported at the nested quote.
    fn unterminated_nested(&self, at: usize, same_quotes: bool) -> CompileError {
        let pos = self.pos_at(at);
        let msg = if same_quotes {
            "f-string: expecting '}'".to_string()
        } else {
            format!(
                "unterminated string literal (detected at line {})",
                pos.line
            )
        };
        let next = Pos {
            line: pos.line,
            col: pos.col + 1,
        };
        CompileError::syntax(msg, Span::new(pos, next))
    }

    /// Finds where a string's body ends (the index of its closing quote), from `self.i`, without
    /// moving. In an f-string, a quote inside a replacement field does not close it (3.12).
    fn scan_string_end(
        &self,
        quote: char,
        triple: bool,
        fstring: bool,
        start: Pos,
    ) -> Result<usize, CompileError> {
        let mut j = self.i;
        // The brackets open in a replacement field (its `{` first), innermost last.
        let mut open: Vec<char> = Vec::new();
        let unterminated = |lx: &Lexer| {
            let (msg, line) = if triple {
                (
                    "unterminated triple-quoted string literal",
                    // The last line of the file (a final newline starts no new line).
                    lx.chars.iter().filter(|&&c| c == '\n').count() as u32
                        + u32::from(lx.chars.last() != Some(&'\n')),
                )
            } else {
                ("unterminated string literal", start.line)
            };
            Err(CompileError::syntax(
                format!("{msg} (detected at line {line})"),
                Span::new(
                    start,
                    Pos {
                        line: start.line,
                        col: start.col + 1,
                    },
                ),
            ))
        };
        loop {
            let Some(&c) = self.chars.get(j) else {
                return unterminated(self);
            };
            if !open.is_empty() {
                match c {
                    '\'' | '"' => {
                        // A nested string inside a replacement field.
                        let nested_triple =
                            self.chars.get(j + 1) == Some(&c) && self.chars.get(j + 2) == Some(&c);
                        let step = if nested_triple { 3 } else { 1 };
                        let nested_start = j;
                        j += step;
                        loop {
                            let end = self
                                .chars
                                .get(j)
                                .is_none_or(|&d| d == '\n' && !nested_triple);
                            if end {
                                return Err(self.unterminated_nested(
                                    nested_start,
                                    (c, nested_triple) == (quote, triple),
                                ));
                            }
                            let d = self.chars[j];
                            if d == '\\' {
                                j += 2;
                                continue;
                            }
                            if d == c
                                && (!nested_triple
                                    || (self.chars.get(j + 1) == Some(&c)
                                        && self.chars.get(j + 2) == Some(&c)))
                            {
                                j += step;
                                break;
                            }
                            j += 1;
                        }
                        continue;
                    }
                    '{' | '[' | '(' => open.push(c),
                    '}' | ']' | ')' => {
                        let opener = open.pop().unwrap_or(c);
                        if !matches!((opener, c), ('(', ')') | ('[', ']') | ('{', '}')) {
                            // CPython's tokenizer: `f"{(a}"`.
                            let at = self.pos_at(j);
                            return Err(CompileError::syntax(
                                format!(
                                    "closing parenthesis '{c}' does not match opening parenthesis '{opener}'"
                                ),
                                Span::new(at, at),
                            ));
                        }
                    }
                    _ => {}
                }
                j += 1;
                continue;
            }
            match c {
                '\\' => {
                    j += 2;
                    continue;
                }
                '\n' if !triple => return unterminated(self),
                '{' if fstring => {
                    if self.chars.get(j + 1) == Some(&'{') {
                        j += 2;
                        continue;
                    }
                    open.push('{');
                }
                c if c == quote
                    && (!triple
                        || (self.chars.get(j + 1) == Some(&quote)
                            && self.chars.get(j + 2) == Some(&quote))) =>
                {
                    return Ok(j);
                }
                _ => {}
            }
            j += 1;
        }
    }
}
