//! Expressions, by precedence from `lambda` down to atoms.

use super::{PResult, Parser};
use crate::syntax::ast::*;
use crate::syntax::error::CompileError;
use crate::syntax::token::{is_keyword, Pos, Span, Tok};
use std::rc::Rc;

fn boxed(e: Expr) -> Box<Expr> {
    Box::new(e)
}

impl Parser {
    /// Whether the current token can start an expression (for "Perhaps you forgot a comma?").
    pub(super) fn starts_expression(&self) -> bool {
        match &self.tok().tok {
            Tok::Name(n) => {
                !is_keyword(n)
                    || matches!(&**n, "None" | "True" | "False" | "lambda" | "not" | "await")
            }
            Tok::Int(_) | Tok::BigInt(_) | Tok::Float(_) | Tok::Str(_) => true,
            Tok::Op(op) => matches!(*op, "(" | "[" | "{" | "-" | "+" | "~" | "..."),
            _ => false,
        }
    }

    /// Expressions separated by commas, `*x` allowed: a tuple if there is a comma.
    pub(super) fn star_expressions(&mut self) -> PResult<Expr> {
        let start = self.start();
        let first = self.star_expression()?;
        if !self.at_op(",") {
            return Ok(first);
        }
        let mut elts = vec![first];
        while self.eat_op(",") {
            if !self.starts_expression() && !self.at_op("*") {
                break;
            }
            elts.push(self.star_expression()?);
        }
        Ok(Expr::new(ExprKind::Tuple(elts), self.since(start)))
    }

    fn star_expression(&mut self) -> PResult<Expr> {
        if self.at_op("*") {
            let start = self.start();
            self.advance();
            self.star_operand()?;
            let e = self.bitwise_or()?;
            return Ok(Expr::new(ExprKind::Starred(boxed(e)), self.since(start)));
        }
        self.named_expr()
    }

    /// After a `*`: something to unpack, or CPython's "Invalid star expression" at what is there.
    fn star_operand(&self) -> PResult<()> {
        if self.starts_expression() {
            return Ok(());
        }
        Err(CompileError::syntax("Invalid star expression", self.span()))
    }

    /// `name := value`, or an expression.
    pub(super) fn named_expr(&mut self) -> PResult<Expr> {
        if matches!(self.tok().tok, Tok::Name(_)) && self.peek_tok(1).is_op(":=") {
            let start = self.start();
            let name = self.name()?;
            self.advance();
            let value = self.expression()?;
            return Ok(Expr::new(
                ExprKind::Named(name, boxed(value)),
                self.since(start),
            ));
        }
        let e = self.expression()?;
        if self.at_op(":=") {
            return Err(CompileError::syntax(
                format!(
                    "cannot use assignment expressions with {}",
                    super::stmt::describe(&e)
                ),
                e.span,
            ));
        }
        Ok(e)
    }

    /// A full expression: `lambda`, `a if c else b`, or a disjunction.
    pub(super) fn expression(&mut self) -> PResult<Expr> {
        if self.at_kw("lambda") {
            return self.lambda();
        }
        let start = self.start();
        let body = self.disjunction()?;
        if self.at_kw("if") {
            self.advance();
            let test = self.disjunction()?;
            if !self.at_kw("else") {
                return Err(CompileError::syntax(
                    "expected 'else' after 'if' expression",
                    body.span.to(test.span),
                ));
            }
            self.advance();
            let orelse = self.expression()?;
            return Ok(Expr::new(
                ExprKind::IfExp(boxed(test), boxed(body), boxed(orelse)),
                self.since(start),
            ));
        }
        Ok(body)
    }

    fn lambda(&mut self) -> PResult<Expr> {
        let start = self.start();
        self.advance();
        let params = self.params(":")?;
        self.expect_op(":")?;
        let body = self.expression()?;
        Ok(Expr::new(
            ExprKind::Lambda(Rc::new(params), boxed(body)),
            self.since(start),
        ))
    }

    /// Parameters up to `end` (`)` for `def`, `:` for `lambda`).
    pub(super) fn params(&mut self, end: &str) -> PResult<Params> {
        let mut p = Params::default();
        let mut seen_star = false;
        let mut seen_default = false;
        let annotated = end == ")";
        while !self.at_op(end) {
            let start = self.start();
            if p.kwarg.is_some() {
                // `def f(**k, *a)`: the var-keyword parameter is the last one.
                return Err(CompileError::syntax(
                    "arguments cannot follow var-keyword argument",
                    self.span(),
                ));
            }
            if self.eat_op("/") {
                p.posonly.append(&mut p.args);
            } else if self.eat_op("**") {
                let name = self.name()?;
                let annotation = self.annotation(annotated)?;
                p.kwarg = Some(Param {
                    name,
                    default: None,
                    annotation,
                    span: self.since(start),
                });
            } else if self.eat_op("*") {
                seen_star = true;
                // A bare `*` must be followed by a keyword-only parameter.
                let bare = self.at_op(",") || self.at_op(end);
                let next_is_name = self.at_op(",") && matches!(self.peek_tok(1).tok, Tok::Name(_));
                if bare && !next_is_name {
                    return Err(CompileError::syntax(
                        "named arguments must follow bare *",
                        self.toks[self.i - 1].span,
                    ));
                }
                if !self.at_op(",") && !self.at_op(end) {
                    let name = self.name()?;
                    let annotation = self.annotation(annotated)?;
                    p.vararg = Some(Param {
                        name,
                        default: None,
                        annotation,
                        span: self.since(start),
                    });
                }
            } else {
                let name = self.name()?;
                let annotation = self.annotation(annotated)?;
                let default = if self.eat_op("=") {
                    Some(self.expression()?)
                } else {
                    None
                };
                let param = Param {
                    name,
                    default,
                    annotation,
                    span: self.since(start),
                };
                if seen_star {
                    p.kwonly.push(param);
                } else {
                    if param.default.is_some() {
                        seen_default = true;
                    } else if seen_default {
                        return Err(CompileError::syntax(
                            "parameter without a default follows parameter with a default",
                            param.span,
                        ));
                    }
                    p.args.push(param);
                }
            }
            if !self.eat_op(",") {
                break;
            }
        }
        let mut seen = std::collections::HashSet::new();
        for param in p.in_slot_order() {
            if !seen.insert(param.name.clone()) {
                // At the second one's name, as CPython's symtable reports it.
                let start = param.span.start;
                let name_end = Pos {
                    line: start.line,
                    col: start.col + param.name.chars().count() as u32,
                };
                return Err(CompileError::syntax(
                    format!("duplicate argument '{}' in function definition", param.name),
                    Span::new(start, name_end),
                ));
            }
        }
        Ok(p)
    }

    fn annotation(&mut self, allowed: bool) -> PResult<Option<Expr>> {
        if allowed && self.eat_op(":") {
            Ok(Some(self.expression()?))
        } else {
            Ok(None)
        }
    }

    fn disjunction(&mut self) -> PResult<Expr> {
        let e = self.bool_op("or", true)?;
        self.last_disjunction = Some(e.span.start);
        Ok(e)
    }

    fn bool_op(&mut self, kw: &str, or: bool) -> PResult<Expr> {
        let start = self.start();
        let first = if or {
            self.bool_op("and", false)?
        } else {
            self.inversion()?
        };
        if !self.at_kw(kw) {
            return Ok(first);
        }
        let mut values = vec![first];
        while self.eat_kw(kw) {
            values.push(if or {
                self.bool_op("and", false)?
            } else {
                self.inversion()?
            });
        }
        Ok(Expr::new(ExprKind::BoolOp(!or, values), self.since(start)))
    }

    fn inversion(&mut self) -> PResult<Expr> {
        if self.at_kw("not") {
            let start = self.start();
            self.advance();
            let e = self.inversion()?;
            return Ok(Expr::new(
                ExprKind::Unary(UnaryOp::Not, boxed(e)),
                self.since(start),
            ));
        }
        self.comparison()
    }

    fn cmp_op(&mut self) -> Option<CmpOp> {
        let op = match &self.tok().tok {
            Tok::Op("==") => CmpOp::Eq,
            Tok::Op("!=") => CmpOp::Ne,
            Tok::Op("<") => CmpOp::Lt,
            Tok::Op("<=") => CmpOp::Le,
            Tok::Op(">") => CmpOp::Gt,
            Tok::Op(">=") => CmpOp::Ge,
            Tok::Name(n) if &**n == "in" => CmpOp::In,
            Tok::Name(n) if &**n == "is" => {
                if self.peek_tok(1).is_name("not") {
                    self.advance();
                    CmpOp::IsNot
                } else {
                    CmpOp::Is
                }
            }
            Tok::Name(n) if &**n == "not" && self.peek_tok(1).is_name("in") => {
                self.advance();
                CmpOp::NotIn
            }
            _ => return None,
        };
        self.advance();
        Some(op)
    }

    fn comparison(&mut self) -> PResult<Expr> {
        let start = self.start();
        let left = self.bitwise_or()?;
        let mut ops = Vec::new();
        while let Some(op) = self.cmp_op() {
            ops.push((op, self.bitwise_or()?));
        }
        if ops.is_empty() {
            return Ok(left);
        }
        Ok(Expr::new(
            ExprKind::Compare(boxed(left), ops),
            self.since(start),
        ))
    }

    /// A left-associative binary level: `next` parses the operands, `ops` maps tokens.
    fn binary(
        &mut self,
        next: fn(&mut Parser) -> PResult<Expr>,
        ops: &[(&str, BinOp)],
    ) -> PResult<Expr> {
        let start = self.start();
        let mut left = next(self)?;
        while let Some(&(_, op)) = ops.iter().find(|(t, _)| self.at_op(t)) {
            self.advance();
            let right = next(self)?;
            left = Expr::new(
                ExprKind::BinOp(op, boxed(left), boxed(right)),
                self.since(start),
            );
        }
        Ok(left)
    }

    pub(super) fn bitwise_or(&mut self) -> PResult<Expr> {
        self.binary(Parser::bitwise_xor, &[("|", BinOp::BitOr)])
    }
    fn bitwise_xor(&mut self) -> PResult<Expr> {
        self.binary(Parser::bitwise_and, &[("^", BinOp::BitXor)])
    }
    fn bitwise_and(&mut self) -> PResult<Expr> {
        self.binary(Parser::shift, &[("&", BinOp::BitAnd)])
    }
    fn shift(&mut self) -> PResult<Expr> {
        self.binary(
            Parser::arith,
            &[("<<", BinOp::LShift), (">>", BinOp::RShift)],
        )
    }
    fn arith(&mut self) -> PResult<Expr> {
        self.binary(Parser::term, &[("+", BinOp::Add), ("-", BinOp::Sub)])
    }
    fn term(&mut self) -> PResult<Expr> {
        self.binary(
            Parser::factor,
            &[
                ("*", BinOp::Mul),
                ("/", BinOp::Div),
                ("//", BinOp::FloorDiv),
                ("%", BinOp::Mod),
                ("@", BinOp::MatMul),
            ],
        )
    }

    fn factor(&mut self) -> PResult<Expr> {
        let op = match self.tok().tok {
            Tok::Op("-") => UnaryOp::Neg,
            Tok::Op("+") => UnaryOp::Pos,
            Tok::Op("~") => UnaryOp::Invert,
            _ => return self.power(),
        };
        let start = self.start();
        self.advance();
        let operand = self.factor()?;
        Ok(Expr::new(
            ExprKind::Unary(op, boxed(operand)),
            self.since(start),
        ))
    }

    fn power(&mut self) -> PResult<Expr> {
        let start = self.start();
        let base = self.await_primary()?;
        if self.eat_op("**") {
            let exp = self.factor()?;
            return Ok(Expr::new(
                ExprKind::BinOp(BinOp::Pow, boxed(base), boxed(exp)),
                self.since(start),
            ));
        }
        Ok(base)
    }

    fn await_primary(&mut self) -> PResult<Expr> {
        if self.at_kw("await") {
            let start = self.start();
            self.advance();
            let e = self.primary()?;
            return Ok(Expr::new(ExprKind::Await(boxed(e)), self.since(start)));
        }
        self.primary()
    }

    /// An atom with its trailers: `.name`, `[index]`, `(args)`.
    fn primary(&mut self) -> PResult<Expr> {
        let start = self.start();
        let mut e = self.atom()?;
        loop {
            if self.eat_op(".") {
                let name = self.name()?;
                e = Expr::new(ExprKind::Attribute(boxed(e), name), self.since(start));
            } else if self.at_op("(") {
                self.advance();
                self.brackets += 1;
                let args = self.call_args()?;
                self.brackets -= 1;
                self.expect_close(")")?;
                e = Expr::new(ExprKind::Call(boxed(e), args), self.since(start));
            } else if self.at_op("[") {
                self.advance();
                self.brackets += 1;
                let index = self.subscript()?;
                self.brackets -= 1;
                self.expect_close("]")?;
                e = Expr::new(
                    ExprKind::Subscript(boxed(e), boxed(index)),
                    self.since(start),
                );
            } else {
                return Ok(e);
            }
        }
    }

    /// The span of the bracket that closes the one the parser is inside, if the line has it.
    fn closing_bracket(&self) -> Option<Span> {
        let mut depth = 0u32;
        for t in &self.toks[self.i..] {
            match t.tok {
                Tok::Newline | Tok::Eof => return None,
                _ if t.is_op("(") || t.is_op("[") || t.is_op("{") => depth += 1,
                _ if t.is_op(")") || t.is_op("]") || t.is_op("}") => {
                    if depth == 0 {
                        return Some(t.span);
                    }
                    depth -= 1;
                }
                _ => {}
            }
        }
        None
    }

    /// A closing bracket, or CPython's message for what stands there instead.
    pub(super) fn expect_close(&mut self, close: &str) -> PResult<()> {
        if self.eat_op(close) {
            return Ok(());
        }
        if let Some(from) = self.last_disjunction.filter(|_| self.starts_expression()) {
            // CPython's `invalid_expression`: from the expression before to the one after.
            return Err(CompileError::syntax(
                "invalid syntax. Perhaps you forgot a comma?",
                Span::new(from, self.span().end),
            ));
        }
        Err(self.invalid())
    }

    fn subscript(&mut self) -> PResult<Expr> {
        let start = self.start();
        let first = self.slice_item()?;
        if !self.at_op(",") {
            return Ok(first);
        }
        let mut elts = vec![first];
        while self.eat_op(",") {
            if self.at_op("]") {
                break;
            }
            elts.push(self.slice_item()?);
        }
        Ok(Expr::new(ExprKind::Tuple(elts), self.since(start)))
    }

    fn slice_item(&mut self) -> PResult<Expr> {
        let start = self.start();
        let lower = if self.at_op(":") {
            None
        } else {
            Some(self.star_expression_or_named()?)
        };
        if !self.at_op(":") {
            return Ok(*lower.expect("an index"));
        }
        self.advance();
        let upper = if self.at_op(":") || self.at_op("]") || self.at_op(",") {
            None
        } else {
            Some(boxed(self.expression()?))
        };
        let step = if self.eat_op(":") {
            if self.at_op("]") || self.at_op(",") {
                None
            } else {
                Some(boxed(self.expression()?))
            }
        } else {
            None
        };
        Ok(Expr::new(
            ExprKind::Slice(lower, upper, step),
            self.since(start),
        ))
    }

    fn star_expression_or_named(&mut self) -> PResult<Box<Expr>> {
        Ok(boxed(self.star_expression()?))
    }

    /// Call arguments, up to (not including) `)`.
    pub(super) fn call_args(&mut self) -> PResult<Vec<Arg>> {
        let paren = self.toks[self.i.saturating_sub(1)].span.start;
        let mut args = Vec::new();
        let mut seen_kw = false;
        while !self.at_op(")") {
            let _start = self.start();
            if self.eat_op("**") {
                args.push(Arg::StarStar(self.expression()?));
                seen_kw = true;
            } else if self.at_op("*") && args.iter().any(|a| matches!(a, Arg::StarStar(_))) {
                // CPython's `invalid_arguments`: from the comma before to the end of the starred
                // arguments that follow.
                let comma = self.toks[self.i.saturating_sub(1)].span.start;
                while self.eat_op("*") {
                    self.expression()?;
                    if !(self.at_op(",") && self.peek_tok(1).is_op("*")) {
                        break;
                    }
                    self.advance();
                }
                return Err(CompileError::syntax(
                    "iterable argument unpacking follows keyword argument unpacking",
                    Span::new(comma, self.prev_end()),
                ));
            } else if self.eat_op("*") {
                self.star_operand()?;
                args.push(Arg::Star(self.expression()?));
            } else if matches!(self.tok().tok, Tok::Name(_)) && self.peek_tok(1).is_op("=") {
                let at = self.start();
                let name = self.name()?;
                self.advance();
                args.push(Arg::Kw(name, self.expression()?, at));
                seen_kw = true;
            } else {
                let e = self.named_expr()?;
                let e_start = e.span.start;
                if self.at_kw("for") || self.at_kw("async") {
                    let gens = self.comprehensions()?;
                    // Its span starts at the call's `(`, as CPython's does.
                    let ge = Expr::new(ExprKind::GenExp(boxed(e), gens), self.since(paren));
                    if !args.is_empty() || self.at_op(",") && !self.peek_tok(1).is_op(")") {
                        // Here CPython marks the generator expression alone.
                        return Err(CompileError::syntax(
                            "Generator expression must be parenthesized",
                            Span::new(e_start, self.prev_end()),
                        ));
                    }
                    args.push(Arg::Pos(ge));
                } else {
                    if self.at_op("=") {
                        return Err(CompileError::syntax(
                            "expression cannot contain assignment, perhaps you meant \"==\"?",
                            e.span.to(self.span()),
                        ));
                    }
                    if seen_kw {
                        let msg = if args.iter().any(|a| matches!(a, Arg::StarStar(_))) {
                            "positional argument follows keyword argument unpacking"
                        } else {
                            "positional argument follows keyword argument"
                        };
                        // CPython reports it once the argument list is read: at the `)`.
                        let at = self.closing_bracket().unwrap_or(e.span);
                        return Err(CompileError::syntax(msg, at));
                    }
                    args.push(Arg::Pos(e));
                }
            }
            if !self.eat_op(",") {
                break;
            }
        }
        Ok(args)
    }

    /// `for x in xs if c ...` clauses of a comprehension.
    pub(super) fn comprehensions(&mut self) -> PResult<Vec<Comprehension>> {
        let gens = self.comprehension_clauses()?;
        self.last_disjunction = None;
        Ok(gens)
    }

    fn comprehension_clauses(&mut self) -> PResult<Vec<Comprehension>> {
        let mut gens = Vec::new();
        loop {
            let is_async = self.eat_kw("async");
            if !self.eat_kw("for") {
                if is_async {
                    return Err(self.invalid());
                }
                break;
            }
            let target = self.target_list()?;
            self.check_target(&target, false)?;
            self.expect_kw("in")?;
            let iter = self.disjunction()?;
            let mut ifs = Vec::new();
            while self.eat_kw("if") {
                ifs.push(self.disjunction()?);
            }
            gens.push(Comprehension {
                target,
                iter,
                ifs,
                is_async,
            });
            if !self.at_kw("for") && !self.at_kw("async") {
                break;
            }
        }
        Ok(gens)
    }

    /// One assignment target (`for`, `with ... as`, `del`): no comparisons, `*x` allowed.
    pub(super) fn target(&mut self) -> PResult<Expr> {
        if self.at_op("*") {
            let start = self.start();
            self.advance();
            let e = self.bitwise_or()?;
            return Ok(Expr::new(ExprKind::Starred(boxed(e)), self.since(start)));
        }
        self.bitwise_or()
    }

    /// Targets separated by commas (a tuple if there is a comma).
    pub(super) fn target_list(&mut self) -> PResult<Expr> {
        let start = self.start();
        let first = self.target()?;
        if !self.at_op(",") {
            return Ok(first);
        }
        let mut elts = vec![first];
        while self.eat_op(",") {
            if self.at_kw("in") || self.at_op("=") {
                break;
            }
            elts.push(self.target()?);
        }
        Ok(Expr::new(ExprKind::Tuple(elts), self.since(start)))
    }

    pub(super) fn yield_expr(&mut self) -> PResult<Expr> {
        let start = self.start();
        self.advance();
        if self.eat_kw("from") {
            let e = self.expression()?;
            return Ok(Expr::new(ExprKind::YieldFrom(boxed(e)), self.since(start)));
        }
        let value = if self.starts_expression() || self.at_op("*") {
            Some(boxed(self.star_expressions()?))
        } else {
            None
        };
        Ok(Expr::new(ExprKind::Yield(value), self.since(start)))
    }

    fn atom(&mut self) -> PResult<Expr> {
        let t = self.tok().clone();
        let start = t.span.start;
        let kind = match &t.tok {
            Tok::Name(n) => match &**n {
                "None" => ExprKind::Const(Const::None),
                "True" => ExprKind::Const(Const::Bool(true)),
                "False" => ExprKind::Const(Const::Bool(false)),
                n if is_keyword(n) => return Err(self.invalid()),
                _ => ExprKind::Name(n.clone()),
            },
            Tok::Int(v) => ExprKind::Const(Const::Int(*v)),
            Tok::BigInt(s) => ExprKind::BigInt(s.clone()),
            Tok::Float(v) => ExprKind::Const(Const::Float(*v)),
            Tok::Op("...") => ExprKind::Const(Const::Ellipsis),
            Tok::Str(_) => return self.strings(),
            Tok::Op("(") => return self.paren(),
            Tok::Op("[") => return self.list_display(),
            Tok::Op("{") => return self.brace_display(),
            _ => return Err(self.invalid()),
        };
        self.advance();
        Ok(Expr::new(kind, self.since(start)))
    }

    fn paren(&mut self) -> PResult<Expr> {
        let start = self.start();
        self.advance();
        self.brackets += 1;
        if self.eat_op(")") {
            self.brackets -= 1;
            return Ok(Expr::new(ExprKind::Tuple(Vec::new()), self.since(start)));
        }
        if self.at_kw("yield") {
            let y = self.yield_expr()?;
            self.brackets -= 1;
            self.expect_close(")")?;
            return Ok(y);
        }
        let first = self.star_expression()?;
        if self.at_kw("for") || self.at_kw("async") {
            let gens = self.comprehensions()?;
            self.brackets -= 1;
            self.expect_close(")")?;
            return Ok(Expr::new(
                ExprKind::GenExp(boxed(first), gens),
                self.since(start),
            ));
        }
        if self.at_op(")") {
            self.advance();
            self.brackets -= 1;
            if matches!(first.kind, ExprKind::Starred(_)) {
                return Err(CompileError::syntax(
                    "cannot use starred expression here",
                    first.span,
                ));
            }
            // A parenthesized expression keeps its own span (CPython's positions exclude the parens).
            return Ok(first);
        }
        let mut elts = vec![first];
        while self.eat_op(",") {
            if self.at_op(")") {
                break;
            }
            elts.push(self.star_expression()?);
        }
        self.brackets -= 1;
        self.expect_close(")")?;
        Ok(Expr::new(ExprKind::Tuple(elts), self.since(start)))
    }

    fn list_display(&mut self) -> PResult<Expr> {
        let start = self.start();
        self.advance();
        self.brackets += 1;
        if self.eat_op("]") {
            self.brackets -= 1;
            return Ok(Expr::new(ExprKind::List(Vec::new()), self.since(start)));
        }
        let first = self.star_expression()?;
        if self.at_kw("for") || self.at_kw("async") {
            let gens = self.comprehensions()?;
            self.brackets -= 1;
            self.expect_close("]")?;
            return Ok(Expr::new(
                ExprKind::ListComp(boxed(first), gens),
                self.since(start),
            ));
        }
        let mut elts = vec![first];
        while self.eat_op(",") {
            if self.at_op("]") {
                break;
            }
            elts.push(self.star_expression()?);
        }
        self.brackets -= 1;
        self.expect_close("]")?;
        Ok(Expr::new(ExprKind::List(elts), self.since(start)))
    }

    fn brace_display(&mut self) -> PResult<Expr> {
        let start = self.start();
        self.advance();
        self.brackets += 1;
        if self.eat_op("}") {
            self.brackets -= 1;
            return Ok(Expr::new(ExprKind::Dict(Vec::new()), self.since(start)));
        }
        if self.eat_op("**") {
            let first = self.bitwise_or()?;
            return self.dict_rest(start, None, first);
        }
        let first = self.star_expression()?;
        if self.eat_op(":") {
            let value = self.expression()?;
            if self.at_kw("for") || self.at_kw("async") {
                let gens = self.comprehensions()?;
                self.brackets -= 1;
                self.expect_close("}")?;
                return Ok(Expr::new(
                    ExprKind::DictComp(boxed(first), boxed(value), gens),
                    self.since(start),
                ));
            }
            return self.dict_rest(start, Some(first), value);
        }
        if self.at_kw("for") || self.at_kw("async") {
            let gens = self.comprehensions()?;
            self.brackets -= 1;
            self.expect_close("}")?;
            return Ok(Expr::new(
                ExprKind::SetComp(boxed(first), gens),
                self.since(start),
            ));
        }
        let mut elts = vec![first];
        while self.eat_op(",") {
            if self.at_op("}") {
                break;
            }
            elts.push(self.star_expression()?);
        }
        self.brackets -= 1;
        self.expect_close("}")?;
        Ok(Expr::new(ExprKind::Set(elts), self.since(start)))
    }

    fn dict_rest(
        &mut self,
        start: crate::syntax::token::Pos,
        key: Option<Expr>,
        value: Expr,
    ) -> PResult<Expr> {
        let mut items = vec![(key, value)];
        while self.eat_op(",") {
            if self.at_op("}") {
                break;
            }
            if self.eat_op("**") {
                items.push((None, self.bitwise_or()?));
            } else {
                let k = self.expression()?;
                if !self.at_op(":") {
                    // At the key's last character, as CPython's `invalid_kvpair`.
                    let last = Pos {
                        line: k.span.end.line,
                        col: k.span.end.col.saturating_sub(1),
                    };
                    return Err(CompileError::syntax(
                        "':' expected after dictionary key",
                        Span::new(last, k.span.end),
                    ));
                }
                self.advance();
                items.push((Some(k), self.expression()?));
            }
        }
        self.brackets -= 1;
        self.expect_close("}")?;
        Ok(Expr::new(ExprKind::Dict(items), self.since(start)))
    }

    /// Adjacent string literals, concatenated (f-strings among them make an f-string).
    fn strings(&mut self) -> PResult<Expr> {
        let start = self.start();
        let mut parts: Vec<FPart> = Vec::new();
        let mut any_f = false;
        let mut any_bytes = None;
        while let Tok::Str(s) = &self.tok().tok {
            let s = s.clone();
            let span = self.span();
            if let Some(b) = any_bytes {
                if b != s.bytes {
                    return Err(CompileError::syntax(
                        "cannot mix bytes and nonbytes literals",
                        span,
                    ));
                }
            }
            any_bytes = Some(s.bytes);
            if s.bytes {
                return Err(CompileError::refused(
                    "bytes are not supported in the playground",
                    span,
                ));
            }
            self.advance();
            if s.fstring {
                any_f = true;
                parts.extend(self.fstring_parts(&s, span)?);
            } else {
                let text = super::fstring::unescape(&s.body, s.raw, span)?;
                parts.push(FPart::Lit(Rc::from(text)));
            }
        }
        let span = self.since(start);
        if !any_f {
            let text: String = parts
                .iter()
                .map(|p| match p {
                    FPart::Lit(s) => s.to_string(),
                    FPart::Field { .. } => String::new(),
                })
                .collect();
            return Ok(Expr::new(ExprKind::Const(Const::Str(Rc::from(text))), span));
        }
        Ok(Expr::new(ExprKind::FString(merge_literals(parts)), span))
    }
}

/// Joins adjacent literal parts.
fn merge_literals(parts: Vec<FPart>) -> Vec<FPart> {
    let mut out: Vec<FPart> = Vec::new();
    for p in parts {
        match (out.last_mut(), p) {
            (Some(FPart::Lit(a)), FPart::Lit(b)) => *a = Rc::from(format!("{a}{b}")),
            (_, p) => out.push(p),
        }
    }
    out
}
