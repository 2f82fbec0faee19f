//! Compound statements with handlers (`try`, `with`, `async for`) and definitions (`def`,
//! `class`, and the functions behind lambdas).

use super::code::{CodeKind, Op};
use super::{Compiler, FBlock};
use crate::objects::Value;
use crate::syntax::ast::*;
use crate::syntax::error::CompileError;
use crate::syntax::token::Span;
use std::rc::Rc;

type CResult = Result<(), CompileError>;

/// What a function's body is.
pub(super) enum Body<'a> {
    Block(&'a [Stmt]),
    Lambda(&'a Expr),
}

impl Compiler {
    /// `[.. prev exc]`: `prev` is the exception handled again and `exc` is raised on (CPython's
    /// `POP_EXCEPT` then `RERAISE`).
    fn reraise_restoring(&mut self) {
        self.emit(Op::Rot2);
        self.emit(Op::PopExcept);
        self.emit(Op::Reraise);
    }

    /// A cleanup handler's end, `[.. prev exc new]`: `exc` goes, `prev` is handled again and
    /// `new` is raised on (CPython's `COPY 3`, `POP_EXCEPT`, `RERAISE 1`).
    fn reraise_from_cleanup(&mut self) {
        self.emit(Op::Rot2);
        self.emit(Op::Pop);
        self.reraise_restoring();
    }

    pub(super) fn try_except(
        &mut self,
        body: &[Stmt],
        handlers: &[Handler],
        orelse: &[Stmt],
        star: bool,
    ) -> CResult {
        let setup = self.emit(Op::SetupExcept(0));
        self.unit().fblocks.push(FBlock::Try);
        self.stmts(body)?;
        self.unit().fblocks.pop();
        self.emit(Op::PopBlock);
        self.stmts(orelse)?;
        let mut ends = vec![self.emit(Op::Jump(0))];
        self.patch(setup);
        if let Some(h) = handlers.first() {
            self.unit().span = h.span;
        }
        self.emit(Op::PushExcInfo);
        // The clauses' types are evaluated under a handler of their own (CPython's cleanup after
        // `PUSH_EXC_INFO`): an error there (a misspelt exception name) leaves with the exception
        // handled before restored, not the one being matched.
        let dispatch = self.emit(Op::SetupExcept(0));
        if star {
            self.star_handlers(handlers, &mut ends)?;
        } else {
            for (k, h) in handlers.iter().enumerate() {
                self.unit().span = h.span;
                let next = match &h.typ {
                    Some(t) => {
                        self.expr(t)?;
                        self.unit().span = h.span;
                        self.emit(Op::CheckExcMatch);
                        let next = self.emit(Op::PopJumpIfFalse(0));
                        self.emit(Op::PopBlock);
                        Some(next)
                    }
                    None if k + 1 < handlers.len() => {
                        return Err(CompileError::syntax(
                            "default 'except:' must be last",
                            h.span,
                        ));
                    }
                    None => {
                        self.emit(Op::PopBlock);
                        None
                    }
                };
                match &h.name {
                    Some(n) => self.store_name(n),
                    None => {
                        self.emit(Op::Pop);
                    }
                }
                let cleanup = self.emit(Op::SetupExcept(0));
                self.unit().fblocks.push(FBlock::Handler {
                    name: h.name.clone(),
                });
                self.stmts(&h.body)?;
                self.unit().fblocks.pop();
                self.emit(Op::PopBlock);
                if let Some(n) = &h.name {
                    self.clear_name(n);
                }
                self.emit(Op::PopExcept);
                ends.push(self.emit(Op::Jump(0)));
                // The body raised: [.. prev new]
                self.patch(cleanup);
                if let Some(n) = &h.name {
                    self.clear_name(n);
                }
                self.reraise_restoring();
                if let Some(n) = next {
                    self.patch(n);
                }
            }
            // Nothing matched: [.. prev exc]
            self.emit(Op::PopBlock);
            self.reraise_restoring();
        }
        // A clause's type raised: [.. prev exc new] (`except*`: the group's state in place of
        // `exc`); `exc` goes, `prev` is handled again.
        self.patch(dispatch);
        self.reraise_from_cleanup();
        for e in ends {
            self.patch(e);
        }
        Ok(())
    }

    /// The `except*` clauses, after `PushExcInfo` and the handler for errors in their types
    /// (left before `StarEnd` raises what no clause handled).
    fn star_handlers(&mut self, handlers: &[Handler], ends: &mut Vec<usize>) -> CResult {
        self.emit(Op::StarBegin);
        for h in handlers {
            self.unit().span = h.span;
            let Some(t) = &h.typ else {
                return Err(CompileError::syntax(
                    "expected one or more exception types",
                    h.span,
                ));
            };
            self.expr(t)?;
            self.unit().span = h.span;
            self.emit(Op::StarMatch);
            self.emit(Op::Dup);
            self.emit_const(Value::None);
            self.emit(Op::Compare(CmpOp::Is));
            let skip = self.emit(Op::PopJumpIfTrue(0));
            match &h.name {
                Some(n) => self.store_name(n),
                None => {
                    self.emit(Op::Pop);
                }
            }
            let cleanup = self.emit(Op::SetupExcept(0));
            self.unit().fblocks.push(FBlock::StarHandler);
            self.stmts(&h.body)?;
            self.unit().fblocks.pop();
            self.emit(Op::PopBlock);
            if let Some(n) = &h.name {
                self.clear_name(n);
            }
            let done = self.emit(Op::Jump(0));
            self.patch(cleanup);
            if let Some(n) = &h.name {
                self.clear_name(n);
            }
            self.emit(Op::StarRaised);
            self.patch(done);
            let next = self.emit(Op::Jump(0));
            self.patch(skip);
            self.emit(Op::Pop);
            self.patch(next);
        }
        self.emit(Op::PopBlock);
        self.emit(Op::StarEnd);
        ends.push(self.emit(Op::Jump(0)));
        Ok(())
    }

    pub(super) fn try_finally(
        &mut self,
        body: &[Stmt],
        handlers: &[Handler],
        orelse: &[Stmt],
        finalbody: &[Stmt],
        star: bool,
    ) -> CResult {
        let setup = self.emit(Op::SetupExcept(0));
        self.unit()
            .fblocks
            .push(FBlock::Finally(Rc::new(finalbody.to_vec())));
        if handlers.is_empty() {
            self.stmts(body)?;
        } else {
            self.try_except(body, handlers, orelse, star)?;
        }
        self.unit().fblocks.pop();
        self.emit(Op::PopBlock);
        self.stmts(finalbody)?;
        let end = self.emit(Op::Jump(0));
        // An exception: run the body, then raise it again. [.. exc]
        self.patch(setup);
        self.emit(Op::PushExcInfo);
        let cleanup = self.emit(Op::SetupExcept(0));
        self.unit().fblocks.push(FBlock::FinallyEnd);
        self.stmts(finalbody)?;
        self.unit().fblocks.pop();
        self.emit(Op::PopBlock);
        self.reraise_restoring();
        // The finally body raised: [.. prev exc new]
        self.patch(cleanup);
        self.reraise_from_cleanup();
        self.patch(end);
        Ok(())
    }

    pub(super) fn with(
        &mut self,
        items: &[WithItem],
        body: &[Stmt],
        is_async: bool,
        s: &Stmt,
    ) -> CResult {
        if is_async && !self.unit().is_async {
            return Err(CompileError::syntax(
                "'async with' outside async function",
                s.span,
            ));
        }
        let (item, rest) = items.split_first().expect("a with has an item");
        self.expr(&item.ctx)?;
        self.unit().span = item.ctx.span;
        if is_async {
            self.emit(Op::BeforeAsyncWith);
            self.emit(Op::Await);
        } else {
            self.emit(Op::BeforeWith);
        }
        match &item.target {
            Some(t) => self.store(t)?,
            None => {
                self.emit(Op::Pop);
            }
        }
        let setup = self.emit(Op::SetupExcept(0));
        self.unit().fblocks.push(FBlock::With { is_async });
        if rest.is_empty() {
            self.stmts(body)?;
        } else {
            self.with(rest, body, is_async, s)?;
        }
        self.unit().fblocks.pop();
        // Both exits (normal and exceptional) are at the context expression, as in CPython.
        self.unit().span = item.ctx.span;
        self.emit(Op::PopBlock);
        self.emit(Op::WithExit);
        if is_async {
            self.emit(Op::Await);
        }
        self.emit(Op::Pop);
        let end = self.emit(Op::Jump(0));
        // [.. exit exc]
        self.patch(setup);
        self.emit(Op::PushExcInfo);
        // [.. exit prev exc]: should `__exit__` raise, the cleanup below restores `prev` as
        // the exception being handled (CPython's SETUP_CLEANUP + POP_EXCEPT_AND_RERAISE), so
        // a later exception does not get this one as its `__context__`.
        let cleanup = self.emit(Op::SetupExcept(0));
        self.emit(Op::WithExceptStart);
        if is_async {
            self.emit(Op::Await);
        }
        let suppress = self.emit(Op::PopJumpIfTrue(0));
        self.emit(Op::PopBlock);
        self.reraise_restoring();
        self.patch(suppress);
        self.emit(Op::PopBlock);
        self.emit(Op::Pop);
        self.emit(Op::PopExcept);
        self.emit(Op::Pop);
        let done = self.emit(Op::Jump(0));
        // [.. exit prev exc new]
        self.patch(cleanup);
        self.reraise_from_cleanup();
        self.patch(done);
        self.patch(end);
        Ok(())
    }

    pub(super) fn async_for(
        &mut self,
        target: &Expr,
        iter: &Expr,
        body: &[Stmt],
        orelse: &[Stmt],
        s: &Stmt,
    ) -> CResult {
        if !self.unit().is_async {
            return Err(CompileError::syntax(
                "'async for' outside async function",
                s.span,
            ));
        }
        self.expr(iter)?;
        self.unit().span = s.span;
        self.emit(Op::GetAIter);
        let start = self.here();
        let setup = self.emit(Op::SetupExcept(0));
        self.emit(Op::GetANext);
        self.emit(Op::Await);
        self.emit(Op::PopBlock);
        self.store(target)?;
        self.unit().fblocks.push(FBlock::Loop {
            start,
            breaks: Vec::new(),
            items: 1,
        });
        self.stmts(body)?;
        self.emit(Op::Jump(start));
        let Some(FBlock::Loop { breaks, .. }) = self.unit().fblocks.pop() else {
            unreachable!()
        };
        self.patch(setup);
        self.unit().span = s.span;
        self.emit(Op::EndAsyncFor);
        self.stmts(orelse)?;
        for b in breaks {
            self.patch(b);
        }
        Ok(())
    }

    pub(super) fn function_def(&mut self, f: &FunctionDef, s: &Stmt) -> CResult {
        for d in &f.decorators {
            self.expr(d)?;
        }
        let kind = if f.is_async {
            CodeKind::AsyncFunction
        } else {
            CodeKind::Function
        };
        self.unit().span = s.span;
        self.make_function(
            &f.name,
            &f.params,
            Body::Block(&f.body),
            kind,
            s.span,
            f.returns.as_ref(),
        )?;
        for _ in &f.decorators {
            self.emit(Op::Call(1));
        }
        self.store_name(&f.name);
        Ok(())
    }

    /// Evaluates defaults and annotations, compiles the body, and emits `MakeFunction`.
    pub(super) fn make_function(
        &mut self,
        name: &Rc<str>,
        params: &Params,
        body: Body,
        kind: CodeKind,
        span: Span,
        returns: Option<&Expr>,
    ) -> CResult {
        let mut flags = 0u8;
        let defaults: Vec<&Expr> = params
            .posonly
            .iter()
            .chain(&params.args)
            .filter_map(|p| p.default.as_ref())
            .collect();
        if !defaults.is_empty() {
            for d in &defaults {
                self.expr(d)?;
            }
            self.emit(Op::BuildTuple(defaults.len() as u32));
            flags |= 1;
        }
        let kwdefaults: Vec<&Param> = params
            .kwonly
            .iter()
            .filter(|p| p.default.is_some())
            .collect();
        if !kwdefaults.is_empty() {
            for p in &kwdefaults {
                self.emit_const(Value::Str(p.name.clone()));
                self.expr(p.default.as_ref().expect("filtered"))?;
            }
            self.emit(Op::BuildMap(kwdefaults.len() as u32));
            flags |= 2;
        }
        let all = params
            .posonly
            .iter()
            .chain(&params.args)
            .chain(&params.kwonly)
            .chain(&params.vararg)
            .chain(&params.kwarg);
        for p in all {
            if let Some(a) = &p.annotation {
                self.expr(a)?;
                self.emit(Op::Pop);
            }
        }
        if let Some(r) = returns {
            self.expr(r)?;
            self.emit(Op::Pop);
        }
        let scope = self.scope_at(span);
        let qualname = self.qualname_for(name);
        self.push_unit(scope, kind, name.clone(), qualname, span.start.line);
        {
            let sig = &mut self.unit().sig;
            sig.posonly = params.posonly.len() as u32;
            sig.args = (params.posonly.len() + params.args.len()) as u32;
            sig.kwonly = params.kwonly.len() as u32;
            sig.varargs = params.vararg.is_some();
            sig.varkw = params.kwarg.is_some();
        }
        match body {
            Body::Block(stmts) => {
                self.unit().doc = super::docstring::of(stmts);
                self.stmts(stmts)?;
                self.emit_const(Value::None);
                self.emit(Op::Return);
            }
            Body::Lambda(e) => {
                self.expr(e)?;
                self.emit(Op::Return);
            }
        }
        let code = self.pop_unit();
        self.finish_function(code, flags, span);
        Ok(())
    }

    /// Emits the closure (if any) and `MakeFunction` for a compiled code object.
    pub(super) fn finish_function(
        &mut self,
        code: Rc<super::code::Code>,
        mut flags: u8,
        span: Span,
    ) {
        let free: Vec<Rc<str>> = code.slots[code.nlocals as usize..].to_vec();
        self.unit().span = span;
        if !free.is_empty() {
            for n in &free {
                match self.lookup(n) {
                    super::symtable::Where::Cell(i)
                    | super::symtable::Where::Free(i)
                    | super::symtable::Where::Local(i) => {
                        self.emit(Op::LoadClosure(i));
                    }
                    _ => {
                        self.emit_const(Value::None);
                    }
                }
            }
            self.emit(Op::BuildTuple(free.len() as u32));
            flags |= 4;
        }
        let u = self.unit();
        u.codes.push(code);
        let i = u.codes.len() as u32 - 1;
        self.emit(Op::MakeFunction(i, flags));
    }

    pub(super) fn class_def(&mut self, c: &ClassDef, s: &Stmt) -> CResult {
        for d in &c.decorators {
            self.expr(d)?;
        }
        let scope = self.scope_at(s.span);
        let qualname = self.qualname_for(&c.name);
        self.push_unit(
            scope,
            CodeKind::Class,
            c.name.clone(),
            qualname,
            s.span.start.line,
        );
        self.unit().doc = super::docstring::of(&c.body);
        self.stmts(&c.body)?;
        self.emit_const(Value::None);
        self.emit(Op::Return);
        let code = self.pop_unit();
        self.finish_function(code, 0, s.span);
        let mut n = 0;
        for b in &c.bases {
            match b {
                Arg::Pos(e) => {
                    self.expr(e)?;
                    n += 1;
                }
                _ => {
                    let span = s.span;
                    return Err(CompileError::refused(
                        "class keywords and starred bases are not supported in the playground",
                        span,
                    ));
                }
            }
        }
        self.unit().span = s.span;
        let name = self.add_const(Value::Str(c.name.clone()));
        self.emit(Op::BuildClass(name, n));
        for _ in &c.decorators {
            self.emit(Op::Call(1));
        }
        self.store_name(&c.name);
        Ok(())
    }
}
