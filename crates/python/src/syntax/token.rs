//! Tokens and source positions.

use std::rc::Rc;

/// A position in the source: 1-based line, 0-based column in characters.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Pos {
    pub line: u32,
    pub col: u32,
}

/// A range of source, from `start` up to (not including) `end`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Span {
    pub start: Pos,
    pub end: Pos,
}

impl Span {
    pub fn new(start: Pos, end: Pos) -> Span {
        Span { start, end }
    }

    /// From the start of `self` to the end of `other`.
    pub fn to(self, other: Span) -> Span {
        Span {
            start: self.start,
            end: other.end,
        }
    }

    pub fn line(&self) -> u32 {
        self.start.line
    }
}

/// One piece of a string literal, before implicit concatenation.
#[derive(Clone, Debug, PartialEq)]
pub struct StrToken {
    /// The text between the quotes, escapes not yet processed.
    pub body: Rc<str>,
    pub raw: bool,
    pub fstring: bool,
    pub bytes: bool,
    /// Where the body starts (for f-string expression positions).
    pub body_start: Pos,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Tok {
    Name(Rc<str>),
    Int(i64),
    /// An integer literal past 64 bits (refused when used).
    BigInt(Rc<str>),
    Float(f64),
    Str(StrToken),
    /// An operator or delimiter, such as `+=` or `(`.
    Op(&'static str),
    Newline,
    Indent,
    Dedent,
    Eof,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Token {
    pub tok: Tok,
    pub span: Span,
}

impl Token {
    pub fn is_op(&self, op: &str) -> bool {
        matches!(&self.tok, Tok::Op(o) if *o == op)
    }

    pub fn is_name(&self, name: &str) -> bool {
        matches!(&self.tok, Tok::Name(n) if &**n == name)
    }
}

/// Python's keywords (soft keywords such as `match` are names).
pub const KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
    "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
    "with", "yield",
];

pub fn is_keyword(name: &str) -> bool {
    KEYWORDS.contains(&name)
}

/// Operators and delimiters, longest first (the lexer takes the longest match).
pub const OPERATORS: &[&str] = &[
    "**=", "//=", ">>=", "<<=", "...", "!=", "%=", "&=", "**", "*=", "+=", "-=", "->", "//", "/=",
    ":=", "<<", "<=", "==", ">=", ">>", "@=", "^=", "|=", "%", "&", "(", ")", "*", "+", ",", "-",
    ".", "/", ":", ";", "<", "=", ">", "@", "[", "]", "^", "{", "|", "}", "~",
];
