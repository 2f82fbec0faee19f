//! The parser: tokens → syntax tree, by recursive descent, with CPython's messages for the common
//! mistakes. Statements are here; expressions in `expr.rs`, f-strings in `fstring.rs`.

mod expr;
mod fstring;
mod stmt;

use super::ast::Stmt;
use super::error::CompileError;
use super::lexer::tokenize_for_parser;
use super::token::{Pos, Span, Tok, Token};

/// Parses a whole program.
///
/// # Errors
/// The first syntax error.
pub fn parse(source: &str) -> Result<Vec<Stmt>, CompileError> {
    let (tokens, lex_error) = tokenize_for_parser(source);
    let mut p = Parser {
        toks: tokens,
        i: 0,
        brackets: 0,
        last_disjunction: None,
    };
    let parsed = p.module();
    let Some(lex) = lex_error else {
        return parsed;
    };
    // Which error CPython reports (`_PyPegen_set_syntax_error`): the tokenizer's when the
    // parser ran out of tokens; else the parser's, unless CPython's check of the whole source
    // finds a tokenizer error. A bracket never closed wins over a parser error that reaches past
    // the bracket's line (CPython's second pass reads on to the end of the file there).
    let Err(parse_error) = parsed else {
        return Err(lex.error);
    };
    let ran_out = p.i + 1 >= p.toks.len();
    // The parser stopping at an indent or a dedent is reported as such at once, without that
    // check of the rest (`unexpected indent` on line 2 beats a TabError on line 3).
    let at_indentation = matches!(
        parse_error.message(),
        "unexpected indent" | "unexpected unindent"
    );
    let overridden = match lex.unclosed_line {
        _ if at_indentation => false,
        Some(line) => parse_error.span().end.line > line,
        None => true,
    };
    Err(if ran_out || overridden {
        lex.error
    } else {
        parse_error
    })
}

pub(crate) struct Parser {
    toks: Vec<Token>,
    i: usize,
    /// How many brackets are open around the expression being parsed.
    brackets: u32,
    /// Where the last complete `or`-level expression (a disjunction) began: "Perhaps you forgot
    /// a comma?" marks from there. `None` after a comprehension, where CPython gives no hint.
    last_disjunction: Option<Pos>,
}

type PResult<T> = Result<T, CompileError>;

impl Parser {
    fn tok(&self) -> &Token {
        &self.toks[self.i.min(self.toks.len() - 1)]
    }

    fn peek_tok(&self, k: usize) -> &Token {
        &self.toks[(self.i + k).min(self.toks.len() - 1)]
    }

    fn span(&self) -> Span {
        self.tok().span
    }

    fn start(&self) -> Pos {
        self.tok().span.start
    }

    /// The end of the last token consumed, layout aside: a compound statement ends where its
    /// last statement ends (as CPython's `end_lineno`), not at the next line's dedent.
    fn prev_end(&self) -> Pos {
        self.toks[..self.i]
            .iter()
            .rev()
            .find(|t| !matches!(t.tok, Tok::Newline | Tok::Indent | Tok::Dedent))
            .map_or(Pos { line: 1, col: 0 }, |t| t.span.end)
    }

    fn since(&self, start: Pos) -> Span {
        Span::new(start, self.prev_end())
    }

    fn advance(&mut self) -> Token {
        let t = self.tok().clone();
        if self.i < self.toks.len() - 1 {
            self.i += 1;
        }
        t
    }

    fn at_op(&self, op: &str) -> bool {
        self.tok().is_op(op)
    }

    fn at_kw(&self, kw: &str) -> bool {
        self.tok().is_name(kw)
    }

    fn eat_op(&mut self, op: &str) -> bool {
        if self.at_op(op) {
            self.advance();
            true
        } else {
            false
        }
    }

    fn eat_kw(&mut self, kw: &str) -> bool {
        if self.at_kw(kw) {
            self.advance();
            true
        } else {
            false
        }
    }

    fn expect_op(&mut self, op: &str) -> PResult<()> {
        if self.eat_op(op) {
            return Ok(());
        }
        if op == ":" {
            return Err(CompileError::syntax("expected ':'", self.colon_span()));
        }
        Err(self.invalid())
    }

    /// Where CPython points for a missing `:`: just after the previous token.
    fn colon_span(&self) -> Span {
        let end = self.prev_end();
        Span::new(
            end,
            Pos {
                line: end.line,
                col: end.col + 1,
            },
        )
    }

    fn expect_kw(&mut self, kw: &str) -> PResult<()> {
        if self.eat_kw(kw) {
            Ok(())
        } else {
            Err(self.invalid())
        }
    }

    /// `invalid syntax` at the current token.
    fn invalid(&self) -> CompileError {
        let t = self.tok();
        let span = match t.tok {
            Tok::Newline | Tok::Eof => {
                let end = self.prev_end();
                Span::new(
                    end,
                    Pos {
                        line: end.line,
                        col: end.col + 1,
                    },
                )
            }
            _ => t.span,
        };
        CompileError::syntax("invalid syntax", span)
    }

    fn name(&mut self) -> PResult<std::rc::Rc<str>> {
        match &self.tok().tok {
            Tok::Name(n) if !super::token::is_keyword(n) => {
                let n = n.clone();
                self.advance();
                Ok(n)
            }
            _ => Err(self.invalid()),
        }
    }

    fn module(&mut self) -> PResult<Vec<Stmt>> {
        let mut body = Vec::new();
        loop {
            match self.tok().tok {
                Tok::Eof => break,
                Tok::Newline => {
                    self.advance();
                }
                Tok::Indent => return Err(self.unexpected_indent()),
                _ => body.extend(self.statement()?),
            }
        }
        Ok(body)
    }

    /// An indent where a statement was expected.
    fn unexpected_indent(&self) -> CompileError {
        CompileError::indentation("unexpected indent", self.span())
    }
}
