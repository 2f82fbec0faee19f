//! Syntax highlighting from the interpreter's own tokenizer (no second Python lexer): a program's
//! lines cut into pieces, each with the kind of text it is; and each function's lines, from the
//! interpreter's compiler. Pure data; the page draws it.

use asyncio_playground_python::compile::code::{Code, CodeKind};
use asyncio_playground_python::program::compile;
use asyncio_playground_python::syntax::lexer::tokenize_for_parser;
use asyncio_playground_python::syntax::token::{is_keyword, Tok};

/// What a piece of source text is (its CSS class in the page: `tok-<name>`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Spaces, and text the tokenizer did not reach (after a syntax error).
    Plain,
    Keyword,
    /// A name: a variable, a function, a module.
    Name,
    /// The name a `def` or `class` defines.
    Defined,
    Number,
    String,
    Operator,
    Comment,
}

impl Kind {
    pub fn name(self) -> &'static str {
        match self {
            Kind::Plain => "plain",
            Kind::Keyword => "keyword",
            Kind::Name => "name",
            Kind::Defined => "defined",
            Kind::Number => "number",
            Kind::String => "string",
            Kind::Operator => "operator",
            Kind::Comment => "comment",
        }
    }
}

/// One line of the program, as pieces of text that add up to the line (without its newline).
pub type Line = Vec<(Kind, String)>;

/// The program's lines, highlighted. A program that does not tokenize is highlighted up to its
/// error; the rest is plain.
pub fn highlight(source: &str) -> Vec<Line> {
    let lines: Vec<Vec<char>> = source.lines().map(|l| l.chars().collect()).collect();
    // Each line's kind per character (columns are in characters, as the tokenizer counts them).
    let mut kinds: Vec<Vec<Kind>> = lines.iter().map(|l| vec![Kind::Plain; l.len()]).collect();
    let (tokens, _) = tokenize_for_parser(source);
    let mut after_def = false;
    for token in &tokens {
        let kind = match &token.tok {
            Tok::Name(n) if is_keyword(n) => Kind::Keyword,
            Tok::Name(_) if after_def => Kind::Defined,
            Tok::Name(_) => Kind::Name,
            Tok::Int(_) | Tok::BigInt(_) | Tok::Float(_) => Kind::Number,
            Tok::Str(_) => Kind::String,
            Tok::Op(_) => Kind::Operator,
            Tok::Newline | Tok::Indent | Tok::Dedent | Tok::Eof => continue,
        };
        after_def = matches!(&token.tok, Tok::Name(n) if &**n == "def" || &**n == "class");
        let (start, end) = (token.span.start, token.span.end);
        for line in start.line..=end.line {
            let Some(row) = kinds.get_mut(line as usize - 1) else {
                break;
            };
            let from = if line == start.line {
                start.col as usize
            } else {
                0
            };
            let to = if line == end.line {
                (end.col as usize).min(row.len())
            } else {
                row.len()
            };
            for k in row.iter_mut().take(to).skip(from) {
                *k = kind;
            }
        }
    }
    lines
        .iter()
        .zip(&mut kinds)
        .map(|(chars, kinds)| {
            // What no token covers and starts with `#` is a comment, to the end of the line
            // (a `#` inside a string is the string's).
            if let Some(hash) =
                (0..chars.len()).find(|&i| chars[i] == '#' && kinds[i] == Kind::Plain)
            {
                kinds[hash..].fill(Kind::Comment);
            }
            pieces(chars, kinds)
        })
        .collect()
}

/// Runs of one kind.
fn pieces(chars: &[char], kinds: &[Kind]) -> Line {
    let mut out: Line = Vec::new();
    for (&c, &k) in chars.iter().zip(kinds) {
        match out.last_mut() {
            Some((last, text)) if *last == k => text.push(c),
            _ => out.push((k, c.to_string())),
        }
    }
    out
}

/// A function (or class) of the program: its `__qualname__` and its lines, `def` to last.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Def {
    pub qualname: String,
    pub first: u32,
    pub last: u32,
}

/// Every `def`, `async def` and `class` of the program with its lines, read off the code objects
/// the interpreter compiles it to: each name is the `__qualname__` the compiler gives it
/// (`main.<locals>.boom`), the one a task's lane shows. A program that does not compile has none.
pub fn defs(source: &str) -> Vec<Def> {
    let mut out = Vec::new();
    if let Ok(module) = compile(source, "main.py") {
        for code in &module.codes {
            walk(code, &mut out);
        }
    }
    out
}

/// `code`'s def (if it is a function or class) and those inside it; returns its last line.
fn walk(code: &Code, out: &mut Vec<Def>) -> u32 {
    let named = matches!(
        code.kind,
        CodeKind::Function | CodeKind::AsyncFunction | CodeKind::Class
    );
    let at = out.len();
    if named {
        out.push(Def {
            qualname: code.def_names.qualname.to_string(),
            first: code.def_names.first_line,
            last: code.def_names.first_line,
        });
    }
    let own = code.spans.iter().map(|s| s.end.line).max().unwrap_or(0);
    let inner = code.codes.iter().map(|c| walk(c, out)).max().unwrap_or(0);
    let last = own.max(inner).max(code.def_names.first_line);
    if named {
        out[at].last = last;
    }
    last
}
