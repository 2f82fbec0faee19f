//! Expressions to bytecode: operators, calls, displays, comprehensions, lambdas, f-strings.

use super::blocks::Body;
use super::code::{CodeKind, Op};
use super::Compiler;
use crate::objects::Value;
use crate::syntax::ast::*;
use crate::syntax::error::CompileError;
use crate::syntax::token::Span;
use std::rc::Rc;

type CResult = Result<(), CompileError>;

#[derive(Clone, Copy, PartialEq, Eq)]
enum CompKind {
    List,
    Set,
    Dict,
    Gen,
}

/// Whether `e` awaits (outside any nested function or lambda).
fn awaits(e: &Expr) -> bool {
    let any = |v: &[Expr]| v.iter().any(awaits);
    match &e.kind {
        ExprKind::Await(_) => true,
        ExprKind::Lambda(..) => false,
        ExprKind::Name(_) | ExprKind::Const(_) | ExprKind::BigInt(_) => false,
        ExprKind::FString(parts) => parts
            .iter()
            .any(|p| matches!(p, FPart::Field { expr, .. } if awaits(expr))),
        ExprKind::BinOp(_, a, b) | ExprKind::Subscript(a, b) => awaits(a) || awaits(b),
        ExprKind::Unary(_, a)
        | ExprKind::Attribute(a, _)
        | ExprKind::Starred(a)
        | ExprKind::YieldFrom(a)
        | ExprKind::Named(_, a) => awaits(a),
        ExprKind::Yield(a) => a.as_ref().is_some_and(|a| awaits(a)),
        ExprKind::BoolOp(_, v) | ExprKind::List(v) | ExprKind::Tuple(v) | ExprKind::Set(v) => {
            any(v)
        }
        ExprKind::Compare(a, rest) => awaits(a) || rest.iter().any(|(_, e)| awaits(e)),
        ExprKind::Call(f, args) => {
            awaits(f)
                || args.iter().any(|a| match a {
                    Arg::Pos(e) | Arg::Star(e) | Arg::Kw(_, e, _) | Arg::StarStar(e) => awaits(e),
                })
        }
        ExprKind::Slice(a, b, c) => [a, b, c]
            .iter()
            .any(|x| x.as_ref().is_some_and(|x| awaits(x))),
        ExprKind::Dict(items) => items
            .iter()
            .any(|(k, v)| k.as_ref().is_some_and(awaits) || awaits(v)),
        ExprKind::ListComp(e, g) | ExprKind::SetComp(e, g) | ExprKind::GenExp(e, g) => {
            awaits(e) || gens_await(g)
        }
        ExprKind::DictComp(k, v, g) => awaits(k) || awaits(v) || gens_await(g),
        ExprKind::IfExp(a, b, c) => awaits(a) || awaits(b) || awaits(c),
    }
}

fn gens_await(gens: &[Comprehension]) -> bool {
    gens.iter().enumerate().any(|(i, g)| {
        g.is_async || (i > 0 && awaits(&g.iter)) || awaits(&g.target) || g.ifs.iter().any(awaits)
    })
}

impl Compiler {
    pub(super) fn expr(&mut self, e: &Expr) -> CResult {
        let span = e.span;
        self.unit().span = span;
        match &e.kind {
            ExprKind::Name(n) => self.load_name(n),
            ExprKind::Const(c) => {
                let v = match c {
                    Const::None => Value::None,
                    Const::Bool(b) => Value::Bool(*b),
                    Const::Int(i) => Value::Int(*i),
                    Const::Float(f) => Value::Float(*f),
                    Const::Str(s) => Value::Str(s.clone()),
                    Const::Ellipsis => Value::Ellipsis,
                };
                self.emit_const(v);
            }
            ExprKind::BigInt(_) => {
                return Err(CompileError::refused(
                    "integers beyond 64 bits are not supported in the playground",
                    span,
                ))
            }
            ExprKind::FString(parts) => {
                let n = self.fparts(parts)?;
                if n != 1 {
                    self.emit(Op::BuildString(n));
                }
            }
            ExprKind::BinOp(op, a, b) => {
                self.expr(a)?;
                self.expr(b)?;
                self.unit().span = span;
                self.emit(Op::Binary(*op));
            }
            ExprKind::Unary(op, a) => {
                self.expr(a)?;
                self.unit().span = span;
                self.emit(Op::Unary(*op));
            }
            ExprKind::BoolOp(is_and, values) => {
                let mut ends = Vec::new();
                for (i, v) in values.iter().enumerate() {
                    self.expr(v)?;
                    if i + 1 < values.len() {
                        let op = if *is_and {
                            Op::JumpIfFalseOrPop(0)
                        } else {
                            Op::JumpIfTrueOrPop(0)
                        };
                        ends.push(self.emit(op));
                    }
                }
                for j in ends {
                    self.patch(j);
                }
            }
            ExprKind::Compare(left, rest) => self.compare(left, rest, span)?,
            ExprKind::Call(f, args) => {
                super::literal_checks::check_caller(f);
                self.call(f, args, span)?
            }
            ExprKind::Attribute(obj, name) => {
                self.expr(obj)?;
                let i = self.mangled_index(name);
                self.unit().span = at_attribute(span, span, name);
                self.emit(Op::LoadAttr(i));
            }
            ExprKind::Subscript(obj, index) => {
                super::literal_checks::check_subscript(obj, index);
                self.expr(obj)?;
                self.expr(index)?;
                self.unit().span = span;
                self.emit(Op::Subscr);
            }
            ExprKind::Slice(lo, hi, step) => {
                for part in [lo, hi] {
                    match part {
                        Some(x) => self.expr(x)?,
                        None => self.emit_const(Value::None),
                    }
                }
                match step {
                    Some(x) => {
                        self.expr(x)?;
                        self.emit(Op::BuildSlice(3));
                    }
                    None => {
                        self.emit(Op::BuildSlice(2));
                    }
                }
            }
            ExprKind::List(elts) => self.sequence(elts, 0)?,
            ExprKind::Tuple(elts) => self.sequence(elts, 1)?,
            ExprKind::Set(elts) => self.sequence(elts, 2)?,
            ExprKind::Dict(items) => self.dict(items)?,
            ExprKind::ListComp(elt, gens) => {
                self.comprehension(CompKind::List, &[elt], gens, span)?
            }
            ExprKind::SetComp(elt, gens) => {
                self.comprehension(CompKind::Set, &[elt], gens, span)?
            }
            ExprKind::DictComp(k, v, gens) => {
                self.comprehension(CompKind::Dict, &[k, v], gens, span)?
            }
            ExprKind::GenExp(elt, gens) => self.comprehension(CompKind::Gen, &[elt], gens, span)?,
            ExprKind::Lambda(params, body) => {
                self.make_function(
                    &Rc::from("<lambda>"),
                    params,
                    Body::Lambda(body),
                    CodeKind::Lambda,
                    span,
                    None,
                )?;
            }
            ExprKind::IfExp(test, body, orelse) => {
                self.expr(test)?;
                let jf = self.emit(Op::PopJumpIfFalse(0));
                self.expr(body)?;
                let end = self.emit(Op::Jump(0));
                self.patch(jf);
                self.expr(orelse)?;
                self.patch(end);
            }
            ExprKind::Await(inner) => {
                if !self.unit().is_async {
                    // CPython's compiler: outside any function (a module or class body), or in
                    // one that is not `async`.
                    let msg = if matches!(self.unit().kind, CodeKind::Module | CodeKind::Class) {
                        "'await' outside function"
                    } else {
                        "'await' outside async function"
                    };
                    return Err(CompileError::syntax(msg, span));
                }
                self.expr(inner)?;
                self.unit().span = span;
                self.emit(Op::Await);
            }
            ExprKind::Yield(_) | ExprKind::YieldFrom(_) => {
                let msg = if matches!(self.unit().kind, CodeKind::Module | CodeKind::Class) {
                    return Err(CompileError::syntax("'yield' outside function", span));
                } else {
                    "generators (yield) are not supported in the playground"
                };
                return Err(CompileError::refused(msg, span));
            }
            ExprKind::Named(name, value) => {
                self.expr(value)?;
                self.emit(Op::Dup);
                self.store_name(name);
            }
            ExprKind::Starred(_) => {
                return Err(CompileError::syntax(
                    "can't use starred expression here",
                    span,
                ))
            }
        }
        Ok(())
    }

    /// The parts of an f-string; returns how many strings they leave on the stack.
    fn fparts(&mut self, parts: &[FPart]) -> Result<u32, CompileError> {
        let mut n = 0;
        for p in parts {
            match p {
                FPart::Lit(s) => self.emit_const(Value::Str(s.clone())),
                FPart::Field {
                    expr,
                    conv,
                    spec,
                    span,
                } => {
                    self.expr(expr)?;
                    if let Some(spec) = spec {
                        let k = self.fparts(spec)?;
                        if k != 1 {
                            self.emit(Op::BuildString(k));
                        }
                    }
                    let conv = conv.map_or(0, |c| c as u8);
                    // CPython shows a formatting error at the whole field, braces included.
                    self.unit().span = *span;
                    self.emit(Op::FormatValue(conv, spec.is_some()));
                }
            }
            n += 1;
        }
        if n == 0 {
            self.emit_const(Value::str(""));
            n = 1;
        }
        Ok(n)
    }

    fn compare(&mut self, left: &Expr, rest: &[(CmpOp, Expr)], span: Span) -> CResult {
        super::literal_checks::warn_is_literal(left, rest, span);
        self.expr(left)?;
        if rest.len() == 1 {
            self.expr(&rest[0].1)?;
            self.unit().span = span;
            self.emit(Op::Compare(rest[0].0));
            return Ok(());
        }
        let mut cleanups = Vec::new();
        for (i, (op, e)) in rest.iter().enumerate() {
            self.expr(e)?;
            self.unit().span = span;
            if i + 1 < rest.len() {
                self.emit(Op::Dup);
                self.emit(Op::Rot3);
                self.emit(Op::Compare(*op));
                cleanups.push(self.emit(Op::JumpIfFalseOrPop(0)));
            } else {
                self.emit(Op::Compare(*op));
            }
        }
        let end = self.emit(Op::Jump(0));
        for c in cleanups {
            self.patch(c);
        }
        self.emit(Op::Rot2);
        self.emit(Op::Pop);
        self.patch(end);
        Ok(())
    }

    fn call(&mut self, f: &Expr, args: &[Arg], span: Span) -> CResult {
        if matches!(&f.kind, ExprKind::Name(n) if &**n == "super")
            && args.is_empty()
            && self.in_function()
        {
            self.unit().uses_super = true;
            self.unit().span = span;
            self.emit(Op::Super);
            return Ok(());
        }
        let simple = args.iter().all(|a| matches!(a, Arg::Pos(_)));
        if let (ExprKind::Attribute(obj, name), true) = (&f.kind, simple) {
            self.expr(obj)?;
            let i = self.mangled_index(name);
            // CPython looks the method up before it evaluates the arguments.
            self.unit().span = at_attribute(f.span, f.span, name);
            self.emit(Op::LoadMethod(i));
            for a in args {
                if let Arg::Pos(e) = a {
                    self.expr(e)?;
                }
            }
            self.unit().span = at_attribute(span, f.span, name);
            self.emit(Op::CallMethod(i, args.len() as u32));
            return Ok(());
        }
        self.expr(f)?;
        let starred = args
            .iter()
            .any(|a| matches!(a, Arg::Star(_) | Arg::StarStar(_)));
        if starred {
            // `f(*xs)`: CPython passes `xs` itself to `CALL_FUNCTION_EX`, which checks it.
            let positional: Vec<&Arg> = args
                .iter()
                .filter(|a| matches!(a, Arg::Pos(_) | Arg::Star(_)))
                .collect();
            let one_star = matches!(positional.as_slice(), [Arg::Star(_)]);
            self.emit(Op::BuildList(0));
            for a in args {
                match a {
                    Arg::Pos(e) => {
                        self.expr(e)?;
                        self.emit(Op::ListAppend(0));
                    }
                    Arg::Star(e) if one_star => {
                        self.expr(e)?;
                        self.unit().span = span;
                        self.emit(Op::StarArgs);
                    }
                    Arg::Star(e) => {
                        self.expr(e)?;
                        self.unit().span = e.span;
                        self.emit(Op::ListExtend);
                    }
                    _ => {}
                }
            }
            self.emit(Op::ListToTuple);
            let has_kw = args
                .iter()
                .any(|a| matches!(a, Arg::Kw(..) | Arg::StarStar(_)));
            if has_kw {
                self.emit(Op::BuildMap(0));
                let mut after_star_star = false;
                for a in args {
                    match a {
                        // After a `**`, CPython merges the keyword as a dict of its own: a
                        // name given twice is an error.
                        Arg::Kw(name, e, _) if after_star_star => {
                            self.emit(Op::BuildMap(0));
                            self.emit_const(Value::Str(name.clone()));
                            self.expr(e)?;
                            self.emit(Op::MapAdd(0));
                            self.unit().span = span;
                            self.emit(Op::DictMerge);
                        }
                        Arg::Kw(name, e, _) => {
                            self.emit_const(Value::Str(name.clone()));
                            self.expr(e)?;
                            self.emit(Op::MapAdd(0));
                        }
                        Arg::StarStar(e) => {
                            after_star_star = true;
                            self.expr(e)?;
                            self.unit().span = e.span;
                            self.emit(Op::DictMerge);
                        }
                        _ => {}
                    }
                }
            }
            self.unit().span = span;
            self.emit(Op::CallEx(has_kw));
            return Ok(());
        }
        let mut npos = 0;
        let mut names = Vec::new();
        for a in args {
            if let Arg::Pos(e) = a {
                self.expr(e)?;
                npos += 1;
            }
        }
        for a in args {
            if let Arg::Kw(name, e, at) = a {
                if names
                    .iter()
                    .any(|n: &Value| matches!(n, Value::Str(s) if s == name))
                {
                    return Err(CompileError::syntax(
                        format!("keyword argument repeated: {name}"),
                        Span::new(*at, e.span.end),
                    ));
                }
                self.expr(e)?;
                names.push(Value::Str(name.clone()));
            }
        }
        self.unit().span = span;
        if names.is_empty() {
            self.emit(Op::Call(npos));
        } else {
            let k = self.add_const(Value::tuple(names));
            self.emit(Op::CallKw(npos, k));
        }
        Ok(())
    }

    /// A list (0), tuple (1) or set (2) display.
    fn sequence(&mut self, elts: &[Expr], which: u8) -> CResult {
        let starred = elts.iter().any(|e| matches!(e.kind, ExprKind::Starred(_)));
        if !starred {
            for e in elts {
                self.expr(e)?;
            }
            let n = elts.len() as u32;
            self.emit(match which {
                0 => Op::BuildList(n),
                1 => Op::BuildTuple(n),
                // CPython makes a display of three or more constants a frozenset constant, which
                // gives the set another table order.
                _ if n > 2 && elts.iter().all(is_constant) => Op::BuildConstSet(n),
                _ => Op::BuildSet(n),
            });
            return Ok(());
        }
        self.emit(if which == 2 {
            Op::BuildSet(0)
        } else {
            Op::BuildList(0)
        });
        for e in elts {
            match &e.kind {
                ExprKind::Starred(inner) => {
                    self.expr(inner)?;
                    self.unit().span = e.span;
                    self.emit(if which == 2 {
                        Op::SetUpdate
                    } else {
                        Op::ListExtend
                    });
                }
                _ => {
                    self.expr(e)?;
                    self.emit(if which == 2 {
                        Op::SetAdd(0)
                    } else {
                        Op::ListAppend(0)
                    });
                }
            }
        }
        if which == 1 {
            self.emit(Op::ListToTuple);
        }
        Ok(())
    }

    fn dict(&mut self, items: &[(Option<Expr>, Expr)]) -> CResult {
        if items.iter().all(|(k, _)| k.is_some()) {
            for (k, v) in items {
                self.expr(k.as_ref().expect("checked"))?;
                self.expr(v)?;
            }
            self.emit(Op::BuildMap(items.len() as u32));
            return Ok(());
        }
        self.emit(Op::BuildMap(0));
        for (k, v) in items {
            match k {
                Some(k) => {
                    self.expr(k)?;
                    self.expr(v)?;
                    self.emit(Op::MapAdd(0));
                }
                None => {
                    self.expr(v)?;
                    self.unit().span = v.span;
                    self.emit(Op::DictUpdate);
                }
            }
        }
        Ok(())
    }

    fn comprehension(
        &mut self,
        kind: CompKind,
        elts: &[&Expr],
        gens: &[Comprehension],
        span: Span,
    ) -> CResult {
        let is_async = gens_await(gens) || elts.iter().any(|e| awaits(e));
        // An asynchronous generator expression is valid anywhere (CPython makes an async
        // generator); the playground does not run them.
        if is_async && kind == CompKind::Gen {
            return Err(CompileError::refused(
                "asynchronous generator expressions are not supported in the playground",
                span,
            ));
        }
        // What awaits inside the comprehension's own scope (all but its first iterable, which
        // the enclosing scope evaluates) makes it asynchronous.
        if is_async && !self.unit().is_async {
            return Err(CompileError::syntax(
                "asynchronous comprehension outside of an asynchronous function",
                span,
            ));
        }
        if gens.iter().any(|g| g.is_async) {
            return Err(CompileError::refused(
                "async for in comprehensions is not supported in the playground",
                span,
            ));
        }
        self.expr(&gens[0].iter)?;
        // Located at the iterable, as CPython's `GET_ITER` is.
        self.unit().span = gens[0].iter.span;
        self.emit(Op::GetIter);
        let (name, code_kind) = match kind {
            CompKind::List => ("<listcomp>", CodeKind::Comprehension),
            CompKind::Set => ("<setcomp>", CodeKind::Comprehension),
            CompKind::Dict => ("<dictcomp>", CodeKind::Comprehension),
            CompKind::Gen => ("<genexpr>", CodeKind::GenExpr),
        };
        let code_kind = if is_async {
            CodeKind::AsyncComprehension
        } else {
            code_kind
        };
        let scope = self.scope_at(span);
        let qualname = self.qualname_for(name);
        self.push_unit(scope, code_kind, Rc::from(name), qualname, span.start.line);
        self.unit().sig.args = 1;
        self.unit().span = span;
        match kind {
            CompKind::List => self.emit(Op::BuildList(0)),
            CompKind::Set => self.emit(Op::BuildSet(0)),
            CompKind::Dict => self.emit(Op::BuildMap(0)),
            CompKind::Gen => 0,
        };
        self.comp_loop(kind, elts, gens, 0)?;
        if kind == CompKind::Gen {
            self.emit_const(Value::None);
        }
        self.emit(Op::Return);
        let code = self.pop_unit();
        self.finish_function(code, 0, span);
        self.emit(Op::Rot2);
        self.emit(Op::Call(1));
        if is_async {
            self.emit(Op::Await);
        }
        Ok(())
    }

    fn comp_loop(
        &mut self,
        kind: CompKind,
        elts: &[&Expr],
        gens: &[Comprehension],
        i: usize,
    ) -> CResult {
        let g = &gens[i];
        if i == 0 {
            self.emit(Op::LoadFast(0));
        } else {
            self.expr(&g.iter)?;
            self.emit(Op::GetIter);
        }
        let start = self.here();
        let fi = self.emit(Op::ForIter(0));
        self.store(&g.target)?;
        for cond in &g.ifs {
            self.expr(cond)?;
            self.emit(Op::PopJumpIfFalse(start));
        }
        if i + 1 < gens.len() {
            self.comp_loop(kind, elts, gens, i + 1)?;
        } else {
            let depth = gens.len() as u32;
            match kind {
                CompKind::List => {
                    self.expr(elts[0])?;
                    self.emit(Op::ListAppend(depth));
                }
                CompKind::Set => {
                    self.expr(elts[0])?;
                    self.emit(Op::SetAdd(depth));
                }
                CompKind::Dict => {
                    self.expr(elts[0])?;
                    self.expr(elts[1])?;
                    self.emit(Op::MapAdd(depth));
                }
                CompKind::Gen => {
                    self.expr(elts[0])?;
                    self.emit(Op::Yield);
                    self.emit(Op::Pop);
                }
            }
        }
        self.emit(Op::Jump(start));
        self.patch(fi);
        Ok(())
    }
}

/// A constant after CPython's AST optimizer: a literal, or a sign before a number literal.
pub(super) fn is_constant(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Const(_) => true,
        ExprKind::Unary(UnaryOp::Neg | UnaryOp::Pos, inner) => {
            matches!(inner.kind, ExprKind::Const(Const::Int(_) | Const::Float(_)))
        }
        _ => false,
    }
}

/// CPython's `update_start_location_to_match_attr`: an instruction about attribute `name` of an
/// expression that starts on an earlier line (`(text\n .split())`) is located from the
/// attribute's name, on its line, to the end of `span`.
pub(super) fn at_attribute(span: Span, attribute: Span, name: &str) -> Span {
    if attribute.start.line == attribute.end.line {
        return span;
    }
    let len = name.chars().count() as u32;
    let start = crate::syntax::token::Pos {
        line: attribute.end.line,
        col: attribute.end.col.saturating_sub(len),
    };
    Span::new(start, span.end)
}
