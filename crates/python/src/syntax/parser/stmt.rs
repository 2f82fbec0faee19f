//! Statements: simple statements, compound statements and their blocks.

use super::{PResult, Parser};
use crate::syntax::ast::*;
use crate::syntax::error::{CompileError, SyntaxKind};
use crate::syntax::token::{Pos, Span, Tok};
use std::rc::Rc;

/// What an expression is called in "cannot assign to …" messages.
pub(super) fn describe(e: &Expr) -> &'static str {
    match &e.kind {
        ExprKind::Call(..) => "function call",
        ExprKind::Const(Const::None) => "None",
        ExprKind::Const(Const::Bool(true)) => "True",
        ExprKind::Const(Const::Bool(false)) => "False",
        ExprKind::Const(Const::Ellipsis) => "ellipsis",
        ExprKind::Const(_) | ExprKind::BigInt(_) => "literal",
        ExprKind::FString(_) => "f-string expression",
        ExprKind::Compare(..) => "comparison",
        ExprKind::Lambda(..) => "lambda",
        ExprKind::IfExp(..) => "conditional expression",
        ExprKind::Await(..) => "await expression",
        ExprKind::Yield(..) | ExprKind::YieldFrom(..) => "yield expression",
        ExprKind::ListComp(..) => "list comprehension",
        ExprKind::SetComp(..) => "set comprehension",
        ExprKind::DictComp(..) => "dict comprehension",
        ExprKind::GenExp(..) => "generator expression",
        ExprKind::Dict(..) => "dict literal",
        ExprKind::Set(..) => "set display",
        ExprKind::Named(..) => "named expression",
        ExprKind::Slice(..) => "slice",
        ExprKind::Tuple(..) => "tuple",
        ExprKind::List(..) => "list",
        ExprKind::Starred(..) => "starred",
        _ => "expression",
    }
}

impl Parser {
    /// One statement (a compound one, or a line of simple ones).
    pub(super) fn statement(&mut self) -> PResult<Vec<Stmt>> {
        let t = self.tok().clone();
        if let Tok::Name(n) = &t.tok {
            match &**n {
                "if" => return Ok(vec![self.if_stmt()?]),
                "while" => return Ok(vec![self.while_stmt()?]),
                "for" => return Ok(vec![self.for_stmt(false, t.span.start)?]),
                "try" => return Ok(vec![self.try_stmt()?]),
                "with" => return Ok(vec![self.with_stmt(false, t.span.start)?]),
                "def" => return Ok(vec![self.funcdef(Vec::new(), false, t.span.start)?]),
                "class" => return Ok(vec![self.classdef(Vec::new(), t.span.start)?]),
                "async" => return Ok(vec![self.async_stmt(Vec::new())?]),
                "match" if self.looks_like_match() => return Err(self.refuse_match()),
                // `type Point = ...` (Python 3.12's type alias; `type = 1` is an assignment).
                "type"
                    if matches!(self.peek_tok(1).tok, Tok::Name(_))
                        && (self.peek_tok(2).is_op("=") || self.peek_tok(2).is_op("[")) =>
                {
                    return Err(CompileError::refused(
                        "the type statement is not supported in the playground",
                        self.span(),
                    ));
                }
                _ => {}
            }
        }
        if t.is_op("@") {
            return Ok(vec![self.decorated()?]);
        }
        self.simple_stmts()
    }

    /// `match x:` at the start of a line (a soft keyword: `match = 1` is an assignment).
    fn looks_like_match(&self) -> bool {
        let next = self.peek_tok(1);
        !matches!(next.tok, Tok::Op(op) if op != "(" && op != "[" && op != "{" && op != "-")
            && !matches!(next.tok, Tok::Newline | Tok::Eof)
            && self.toks[self.i..]
                .iter()
                .take_while(|t| !matches!(t.tok, Tok::Newline))
                .any(|t| t.is_op(":"))
            && !self.toks[self.i..]
                .iter()
                .take_while(|t| !matches!(t.tok, Tok::Newline))
                .any(|t| t.is_op("="))
    }

    /// `def first[T](...)`, `class Box[T]:`: Python 3.12's type parameters.
    fn refuse_type_params(&self) -> PResult<()> {
        if self.at_op("[") {
            return Err(CompileError::refused(
                "type parameters (def f[T], class C[T]) are not supported in the playground",
                self.span(),
            ));
        }
        Ok(())
    }

    fn refuse_match(&self) -> CompileError {
        CompileError::refused(
            "the match statement is not supported in the playground",
            self.span(),
        )
    }

    fn decorated(&mut self) -> PResult<Stmt> {
        let start = self.start();
        let mut decorators = Vec::new();
        while self.eat_op("@") {
            decorators.push(self.named_expr()?);
            if !matches!(self.tok().tok, Tok::Newline) {
                return Err(self.invalid());
            }
            self.advance();
        }
        let here = self.start();
        if self.at_kw("def") {
            self.funcdef(decorators, false, start)
        } else if self.at_kw("class") {
            self.classdef(decorators, start)
        } else if self.at_kw("async") {
            self.async_stmt(decorators)
        } else {
            Err(CompileError::syntax(
                "invalid syntax",
                Span::new(here, here),
            ))
        }
    }

    fn async_stmt(&mut self, decorators: Vec<Expr>) -> PResult<Stmt> {
        let start = self.start();
        self.advance();
        if self.at_kw("def") {
            self.funcdef(decorators, true, start)
        } else if self.at_kw("for") && decorators.is_empty() {
            self.for_stmt(true, start)
        } else if self.at_kw("with") && decorators.is_empty() {
            self.with_stmt(true, start)
        } else {
            Err(self.invalid())
        }
    }

    /// The block after a compound statement's `:` (`what` names it for the missing-block message).
    pub(super) fn block(&mut self, what: &str, header_line: u32) -> PResult<Vec<Stmt>> {
        if !self.at_op(":") && !matches!(self.tok().tok, Tok::Newline | Tok::Eof) {
            // Something else where the `:` belongs. CPython's grammar insists on the `:` after
            // `else`, `try`, `finally` and a function's signature (`&&':'`), naming the token
            // there; after an expression (`if x print(1)`) the token is just invalid syntax.
            let forced = matches!(
                what,
                "'else' statement"
                    | "'try' statement"
                    | "'finally' statement"
                    | "function definition"
            );
            if forced {
                return Err(CompileError::syntax("expected ':'", self.span()));
            }
            return Err(self.invalid());
        }
        self.expect_op(":")?;
        if !matches!(self.tok().tok, Tok::Newline) {
            return self.simple_stmts();
        }
        self.advance();
        if !matches!(self.tok().tok, Tok::Indent) {
            let span = self.span();
            return Err(CompileError::Syntax {
                kind: SyntaxKind::IndentationError,
                msg: format!("expected an indented block after {what} on line {header_line}"),
                span,
            });
        }
        self.advance();
        let mut body = Vec::new();
        while !matches!(self.tok().tok, Tok::Dedent | Tok::Eof) {
            match self.tok().tok {
                Tok::Newline => {
                    self.advance();
                    continue;
                }
                Tok::Indent => return Err(self.unexpected_indent()),
                _ => {}
            }
            body.extend(self.statement()?);
        }
        self.advance();
        Ok(body)
    }

    fn if_stmt(&mut self) -> PResult<Stmt> {
        let start = self.start();
        let kw = self.advance();
        let test = self.condition()?;
        let what = if kw.is_name("if") {
            "'if' statement"
        } else {
            "'elif' statement"
        };
        let body = self.block(what, start.line)?;
        let orelse = if self.at_kw("elif") {
            vec![self.if_stmt()?]
        } else if self.at_kw("else") {
            let line = self.start().line;
            self.advance();
            self.block("'else' statement", line)?
        } else {
            Vec::new()
        };
        Ok(Stmt {
            kind: StmtKind::If(test, body, orelse),
            span: self.since(start),
        })
    }

    /// An `if`/`while` condition, with CPython's hint for `=` written for `==`.
    fn condition(&mut self) -> PResult<Expr> {
        let test = self.named_expr()?;
        if self.at_op("=") {
            // CPython marks the whole would-be assignment, `x = 1`.
            let mut span = test.span.to(self.span());
            self.advance();
            if let Ok(value) = self.expression() {
                span = test.span.to(value.span);
            }
            return Err(CompileError::syntax(
                "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
                span,
            ));
        }
        Ok(test)
    }

    fn while_stmt(&mut self) -> PResult<Stmt> {
        let start = self.start();
        self.advance();
        let test = self.condition()?;
        let body = self.block("'while' statement", start.line)?;
        let orelse = self.else_block()?;
        Ok(Stmt {
            kind: StmtKind::While(test, body, orelse),
            span: self.since(start),
        })
    }

    fn else_block(&mut self) -> PResult<Vec<Stmt>> {
        if self.at_kw("else") {
            let line = self.start().line;
            self.advance();
            self.block("'else' statement", line)
        } else {
            Ok(Vec::new())
        }
    }

    fn for_stmt(&mut self, is_async: bool, start: Pos) -> PResult<Stmt> {
        self.expect_kw("for")?;
        let target = self.target_list()?;
        self.check_target(&target, false)?;
        self.expect_kw("in")?;
        let iter = self.star_expressions()?;
        let body = self.block("'for' statement", start.line)?;
        let orelse = self.else_block()?;
        Ok(Stmt {
            kind: StmtKind::For {
                target,
                iter,
                body,
                orelse,
                is_async,
            },
            span: self.since(start),
        })
    }

    fn try_stmt(&mut self) -> PResult<Stmt> {
        let start = self.start();
        self.advance();
        let body = self.block("'try' statement", start.line)?;
        let mut handlers = Vec::new();
        let mut star = None;
        while self.at_kw("except") {
            let hstart = self.start();
            self.advance();
            let is_star = self.eat_op("*");
            if star.is_some_and(|s| s != is_star) {
                return Err(CompileError::syntax(
                    "cannot have both 'except' and 'except*' on the same 'try'",
                    Span::new(hstart, self.prev_end()),
                ));
            }
            star = Some(is_star);
            let (typ, name) = if self.at_op(":") {
                if is_star {
                    return Err(CompileError::syntax(
                        "expected one or more exception types",
                        self.span(),
                    ));
                }
                (None, None)
            } else {
                let typ = self.expression()?;
                if self.at_op(",") {
                    // Python 3.13 takes several types only as a tuple in parentheses (3.14's
                    // unparenthesised form is not 3.13's).
                    let first = typ.span.start;
                    while self.eat_op(",") {
                        if self.at_op(":") || self.at_kw("as") {
                            break;
                        }
                        self.expression()?;
                    }
                    return Err(CompileError::syntax(
                        "multiple exception types must be parenthesized",
                        Span::new(first, self.prev_end()),
                    ));
                }
                let name = if self.eat_kw("as") {
                    Some(self.name()?)
                } else {
                    None
                };
                (Some(typ), name)
            };
            let what = if is_star {
                "'except*' statement"
            } else {
                "'except' statement"
            };
            let hbody = self.block(what, hstart.line)?;
            handlers.push(Handler {
                typ,
                name,
                body: hbody,
                span: Span::new(hstart, self.prev_end()),
            });
        }
        let orelse = if !handlers.is_empty() {
            self.else_block()?
        } else {
            Vec::new()
        };
        let finalbody = if self.at_kw("finally") {
            let line = self.start().line;
            self.advance();
            self.block("'finally' statement", line)?
        } else {
            Vec::new()
        };
        if handlers.is_empty() && finalbody.is_empty() {
            return Err(CompileError::syntax(
                "expected 'except' or 'finally' block",
                self.span(),
            ));
        }
        Ok(Stmt {
            kind: StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
                star: star.unwrap_or(false),
            },
            span: self.since(start),
        })
    }

    fn with_stmt(&mut self, is_async: bool, start: Pos) -> PResult<Stmt> {
        self.expect_kw("with")?;
        let mut items = Vec::new();
        // `with (a as b, c as d):` — parenthesized items.
        let parenthesized = self.at_op("(") && self.paren_with_items();
        if parenthesized {
            self.advance();
        }
        loop {
            let ctx = self.expression()?;
            let target = if self.eat_kw("as") {
                let t = self.target()?;
                self.check_target(&t, false)?;
                Some(t)
            } else {
                None
            };
            items.push(WithItem { ctx, target });
            if !self.eat_op(",") {
                break;
            }
            if parenthesized && self.at_op(")") {
                break;
            }
        }
        if parenthesized {
            self.expect_op(")")?;
        }
        let body = self.block("'with' statement", start.line)?;
        Ok(Stmt {
            kind: StmtKind::With {
                items,
                body,
                is_async,
            },
            span: self.since(start),
        })
    }

    /// Whether `with (` opens a parenthesized list of items (rather than an expression).
    fn paren_with_items(&self) -> bool {
        let mut depth = 0;
        for t in &self.toks[self.i..] {
            match &t.tok {
                Tok::Op("(" | "[" | "{") => depth += 1,
                Tok::Op(")" | "]" | "}") => {
                    depth -= 1;
                    if depth == 0 {
                        return false;
                    }
                }
                Tok::Name(n) if &**n == "as" && depth == 1 => return true,
                Tok::Newline | Tok::Eof => return false,
                _ => {}
            }
        }
        false
    }

    fn funcdef(&mut self, decorators: Vec<Expr>, is_async: bool, start: Pos) -> PResult<Stmt> {
        self.expect_kw("def")?;
        let name = self.name()?;
        self.refuse_type_params()?;
        self.expect_op("(")?;
        self.brackets += 1;
        let params = self.params(")")?;
        self.brackets -= 1;
        self.expect_op(")")?;
        let returns = if self.eat_op("->") {
            Some(self.expression()?)
        } else {
            None
        };
        let body = self.block("function definition", start.line)?;
        Ok(Stmt {
            kind: StmtKind::FunctionDef(Rc::new(FunctionDef {
                name,
                params: Rc::new(params),
                body,
                is_async,
                decorators,
                returns,
            })),
            span: self.since(start),
        })
    }

    fn classdef(&mut self, decorators: Vec<Expr>, start: Pos) -> PResult<Stmt> {
        self.expect_kw("class")?;
        let name = self.name()?;
        self.refuse_type_params()?;
        let bases = if self.eat_op("(") {
            self.brackets += 1;
            let args = self.call_args()?;
            self.brackets -= 1;
            self.expect_op(")")?;
            args
        } else {
            Vec::new()
        };
        let body = self.block("class definition", start.line)?;
        Ok(Stmt {
            kind: StmtKind::ClassDef(Rc::new(ClassDef {
                name,
                bases,
                body,
                decorators,
            })),
            span: self.since(start),
        })
    }

    /// Simple statements separated by `;`, up to the end of the line.
    fn simple_stmts(&mut self) -> PResult<Vec<Stmt>> {
        let mut out = vec![self.simple_stmt()?];
        while self.eat_op(";") {
            if matches!(self.tok().tok, Tok::Newline | Tok::Eof) {
                break;
            }
            out.push(self.simple_stmt()?);
        }
        match self.tok().tok {
            Tok::Newline => {
                self.advance();
                Ok(out)
            }
            Tok::Eof => Ok(out),
            _ => Err(self.after_expression_error(out.last())),
        }
    }

    /// The error for a token that cannot follow a statement (`print "x"`, two expressions).
    fn after_expression_error(&self, last: Option<&Stmt>) -> CompileError {
        if let Some(Stmt {
            kind: StmtKind::Expr(e),
            ..
        }) = last
        {
            if let ExprKind::Name(n) = &e.kind {
                if &**n == "print" || &**n == "exec" {
                    return CompileError::syntax(
                        format!("Missing parentheses in call to '{n}'. Did you mean {n}(...)?"),
                        e.span.to(self.span()),
                    );
                }
            }
        }
        self.invalid()
    }

    fn simple_stmt(&mut self) -> PResult<Stmt> {
        let start = self.start();
        let t = self.tok().clone();
        let kind = match &t.tok {
            Tok::Name(n) => match &**n {
                "pass" => {
                    self.advance();
                    StmtKind::Pass
                }
                "break" => {
                    self.advance();
                    StmtKind::Break
                }
                "continue" => {
                    self.advance();
                    StmtKind::Continue
                }
                "return" => {
                    self.advance();
                    let value = if self.at_end_of_simple() {
                        None
                    } else {
                        Some(self.star_expressions()?)
                    };
                    StmtKind::Return(value)
                }
                "raise" => {
                    self.advance();
                    if self.at_end_of_simple() {
                        StmtKind::Raise(None, None)
                    } else {
                        let exc = self.expression()?;
                        let cause = if self.eat_kw("from") {
                            Some(self.expression()?)
                        } else {
                            None
                        };
                        StmtKind::Raise(Some(exc), cause)
                    }
                }
                "global" | "nonlocal" => {
                    self.advance();
                    let mut names = vec![self.name()?];
                    while self.eat_op(",") {
                        names.push(self.name()?);
                    }
                    if &**n == "global" {
                        StmtKind::Global(names)
                    } else {
                        StmtKind::Nonlocal(names)
                    }
                }
                "del" => {
                    self.advance();
                    let mut targets = vec![self.target()?];
                    while self.eat_op(",") {
                        if self.at_end_of_simple() {
                            break;
                        }
                        targets.push(self.target()?);
                    }
                    for t in &targets {
                        self.check_del_target(t)?;
                    }
                    StmtKind::Delete(targets)
                }
                "assert" => {
                    self.advance();
                    let test = self.expression()?;
                    let msg = if self.eat_op(",") {
                        Some(self.expression()?)
                    } else {
                        None
                    };
                    StmtKind::Assert(test, msg)
                }
                "import" => self.import()?,
                "from" => self.import_from()?,
                _ => self.expr_stmt()?,
            },
            _ => self.expr_stmt()?,
        };
        Ok(Stmt {
            kind,
            span: self.since(start),
        })
    }

    fn at_end_of_simple(&self) -> bool {
        matches!(self.tok().tok, Tok::Newline | Tok::Eof) || self.at_op(";")
    }

    fn dotted_name(&mut self) -> PResult<Rc<str>> {
        let mut name = self.name()?.to_string();
        while self.eat_op(".") {
            name.push('.');
            name.push_str(&self.name()?);
        }
        Ok(Rc::from(name))
    }

    fn import(&mut self) -> PResult<StmtKind> {
        self.advance();
        let mut names = Vec::new();
        loop {
            let start = self.start();
            let name = self.dotted_name()?;
            let asname = if self.eat_kw("as") {
                Some(self.name()?)
            } else {
                None
            };
            names.push(Alias {
                name,
                asname,
                span: self.since(start),
            });
            if !self.eat_op(",") {
                break;
            }
        }
        Ok(StmtKind::Import(names))
    }

    fn import_from(&mut self) -> PResult<StmtKind> {
        self.advance();
        let mut level = 0;
        while self.at_op(".") || self.at_op("...") {
            level += if self.at_op(".") { 1 } else { 3 };
            self.advance();
        }
        let module = if self.at_kw("import") {
            Rc::from("")
        } else {
            self.dotted_name()?
        };
        self.expect_kw("import")?;
        if matches!(self.tok().tok, Tok::Newline | Tok::Eof) {
            return Err(CompileError::syntax(
                "Expected one or more names after 'import'",
                self.invalid().span(),
            ));
        }
        let parens = self.eat_op("(");
        let mut names = Vec::new();
        loop {
            let start = self.start();
            let name: Rc<str> = if self.eat_op("*") {
                Rc::from("*")
            } else {
                self.name()?
            };
            let asname = if self.eat_kw("as") {
                Some(self.name()?)
            } else {
                None
            };
            names.push(Alias {
                name,
                asname,
                span: self.since(start),
            });
            if !self.eat_op(",") {
                break;
            }
            if parens && self.at_op(")") {
                break;
            }
            if !parens && self.at_end_of_simple() {
                return Err(CompileError::syntax(
                    "trailing comma not allowed without surrounding parentheses",
                    self.colon_span(),
                ));
            }
        }
        if parens {
            self.expect_op(")")?;
        }
        Ok(StmtKind::ImportFrom(module, names, level))
    }

    /// An expression statement, an assignment (also chained), an augmented or annotated one.
    fn expr_stmt(&mut self) -> PResult<StmtKind> {
        // An unparenthesized `x := v` is not a statement (CPython's grammar has no named
        // expression at the top of `star_expressions`).
        if matches!(self.tok().tok, Tok::Name(_)) && self.peek_tok(1).is_op(":=") {
            self.advance();
            return Err(self.invalid());
        }
        // A `yield` statement (the compiler refuses generators, with their span).
        let first = if self.at_kw("yield") {
            self.yield_expr()?
        } else {
            self.star_expressions()?
        };
        if self.at_op("=") {
            let mut targets = vec![first];
            let mut value;
            loop {
                self.advance();
                value = if self.at_kw("yield") {
                    self.yield_expr()?
                } else {
                    self.star_expressions()?
                };
                if !self.at_op("=") {
                    break;
                }
                targets.push(value);
            }
            // CPython hints at `==` only for a single `=` (`invalid_named_expression`); in a
            // chain the target is just invalid (`invalid_assignment`).
            let single = targets.len() == 1;
            for t in &targets {
                if matches!(t.kind, ExprKind::Yield(..) | ExprKind::YieldFrom(..)) {
                    return Err(CompileError::syntax(
                        "assignment to yield expression not possible",
                        t.span,
                    ));
                }
                self.check_target(t, single)?;
            }
            return Ok(StmtKind::Assign(targets, value));
        }
        if let Tok::Op(op) = self.tok().tok {
            if let Some(bin) = aug_op(op) {
                if !matches!(
                    first.kind,
                    ExprKind::Name(_) | ExprKind::Attribute(..) | ExprKind::Subscript(..)
                ) {
                    return Err(CompileError::syntax(
                        format!(
                            "'{}' is an illegal expression for augmented assignment",
                            describe(&first)
                        ),
                        first.span,
                    ));
                }
                self.advance();
                let value = self.star_expressions()?;
                return Ok(StmtKind::AugAssign(first, bin, value));
            }
        }
        if self.at_op(":")
            && matches!(
                first.kind,
                ExprKind::Name(_) | ExprKind::Attribute(..) | ExprKind::Subscript(..)
            )
        {
            self.advance();
            let annotation = self.expression()?;
            let value = if self.eat_op("=") {
                Some(self.star_expressions()?)
            } else {
                None
            };
            return Ok(StmtKind::AnnAssign(first, annotation, value));
        }
        if self.brackets == 0 && self.starts_expression() {
            if let ExprKind::Name(n) = &first.kind {
                if &**n == "print" || &**n == "exec" {
                    return Err(self.after_expression_error(Some(&Stmt {
                        kind: StmtKind::Expr(first.clone()),
                        span: first.span,
                    })));
                }
            }
        }
        Ok(StmtKind::Expr(first))
    }

    /// Checks an assignment target: names, attributes, subscripts, and tuples/lists of them.
    pub(super) fn check_target(&self, t: &Expr, assign: bool) -> PResult<()> {
        match &t.kind {
            ExprKind::Name(_) | ExprKind::Attribute(..) | ExprKind::Subscript(..) => Ok(()),
            ExprKind::Tuple(elts) | ExprKind::List(elts) => {
                for e in elts {
                    self.check_target(e, assign)?;
                }
                Ok(())
            }
            ExprKind::Starred(inner) => self.check_target(inner, assign),
            _ => {
                let hint = if assign {
                    " here. Maybe you meant '==' instead of '='?"
                } else {
                    ""
                };
                let what = describe(t);
                let msg = if matches!(what, "True" | "False" | "None") {
                    format!("cannot assign to {what}")
                } else {
                    format!("cannot assign to {what}{hint}")
                };
                Err(CompileError::syntax(msg, t.span))
            }
        }
    }

    fn check_del_target(&self, t: &Expr) -> PResult<()> {
        match &t.kind {
            ExprKind::Name(_) | ExprKind::Attribute(..) | ExprKind::Subscript(..) => Ok(()),
            ExprKind::Tuple(elts) | ExprKind::List(elts) => {
                elts.iter().try_for_each(|e| self.check_del_target(e))
            }
            _ => Err(CompileError::syntax(
                format!("cannot delete {}", describe(t)),
                t.span,
            )),
        }
    }
}

fn aug_op(op: &str) -> Option<BinOp> {
    Some(match op {
        "+=" => BinOp::Add,
        "-=" => BinOp::Sub,
        "*=" => BinOp::Mul,
        "/=" => BinOp::Div,
        "//=" => BinOp::FloorDiv,
        "%=" => BinOp::Mod,
        "**=" => BinOp::Pow,
        "@=" => BinOp::MatMul,
        "<<=" => BinOp::LShift,
        ">>=" => BinOp::RShift,
        "&=" => BinOp::BitAnd,
        "|=" => BinOp::BitOr,
        "^=" => BinOp::BitXor,
        _ => return None,
    })
}
