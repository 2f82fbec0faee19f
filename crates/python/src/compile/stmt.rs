//! Statements to bytecode: assignments, control flow, `try`, `with`, definitions, imports.

use super::code::{CodeKind, Op};
use super::{Compiler, FBlock};
use crate::objects::Value;
use crate::syntax::ast::*;
use crate::syntax::error::CompileError;
use std::rc::Rc;

type CResult = Result<(), CompileError>;

impl Compiler {
    pub(super) fn stmts(&mut self, body: &[Stmt]) -> CResult {
        for s in body {
            self.stmt(s)?;
        }
        Ok(())
    }

    fn stmt(&mut self, s: &Stmt) -> CResult {
        self.unit().span = s.span;
        match &s.kind {
            StmtKind::Expr(e) => {
                self.expr(e)?;
                self.emit(Op::Pop);
            }
            StmtKind::Assign(targets, value) => {
                self.expr(value)?;
                for (i, t) in targets.iter().enumerate() {
                    if i + 1 < targets.len() {
                        self.emit(Op::Dup);
                    }
                    self.store(t)?;
                }
            }
            StmtKind::AugAssign(target, op, value) => self.aug_assign(target, *op, value)?,
            StmtKind::AnnAssign(target, ann, value) => {
                if let Some(v) = value {
                    self.expr(v)?;
                    self.store(target)?;
                }
                // Module and class level annotations are evaluated (function level ones are not).
                if matches!(self.unit().kind, CodeKind::Module | CodeKind::Class) {
                    self.expr(ann)?;
                    self.emit(Op::Pop);
                }
                if value.is_none() && !matches!(target.kind, ExprKind::Name(_)) {
                    self.expr(target)?;
                    self.emit(Op::Pop);
                }
            }
            StmtKind::If(test, body, orelse) => {
                self.expr(test)?;
                let jf = self.emit(Op::PopJumpIfFalse(0));
                self.stmts(body)?;
                if orelse.is_empty() {
                    self.patch(jf);
                } else {
                    let end = self.emit(Op::Jump(0));
                    self.patch(jf);
                    self.stmts(orelse)?;
                    self.patch(end);
                }
            }
            StmtKind::While(test, body, orelse) => {
                let start = self.here();
                self.unit().span = test.span;
                self.expr(test)?;
                let jf = self.emit(Op::PopJumpIfFalse(0));
                self.unit().fblocks.push(FBlock::Loop {
                    start,
                    breaks: Vec::new(),
                    items: 0,
                });
                self.stmts(body)?;
                self.emit(Op::Jump(start));
                let Some(FBlock::Loop { breaks, .. }) = self.unit().fblocks.pop() else {
                    unreachable!()
                };
                self.patch(jf);
                self.stmts(orelse)?;
                for b in breaks {
                    self.patch(b);
                }
            }
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
                is_async,
            } => {
                if *is_async {
                    self.async_for(target, iter, body, orelse, s)?;
                } else {
                    self.expr(iter)?;
                    self.unit().span = iter.span;
                    self.emit(Op::GetIter);
                    let start = self.here();
                    let fi = self.emit(Op::ForIter(0));
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
                    self.patch(fi);
                    self.stmts(orelse)?;
                    for b in breaks {
                        self.patch(b);
                    }
                }
            }
            StmtKind::Break | StmtKind::Continue => {
                let is_break = matches!(s.kind, StmtKind::Break);
                let Some(depth) = self
                    .unit()
                    .fblocks
                    .iter()
                    .rposition(|b| matches!(b, FBlock::Loop { .. }))
                else {
                    let msg = if is_break {
                        "'break' outside loop"
                    } else {
                        "'continue' not properly in loop"
                    };
                    return Err(CompileError::syntax(msg, s.span));
                };
                self.unwind(depth + 1, false)?;
                if is_break {
                    let FBlock::Loop { items, .. } = self.unit().fblocks[depth].clone() else {
                        unreachable!()
                    };
                    for _ in 0..items {
                        self.emit(Op::Pop);
                    }
                    let j = self.emit(Op::Jump(0));
                    if let FBlock::Loop { breaks, .. } = &mut self.unit().fblocks[depth] {
                        breaks.push(j);
                    }
                } else {
                    let FBlock::Loop { start, .. } = self.unit().fblocks[depth].clone() else {
                        unreachable!()
                    };
                    self.emit(Op::Jump(start));
                }
            }
            StmtKind::Pass => {}
            StmtKind::Return(value) => {
                if matches!(self.unit().kind, CodeKind::Module | CodeKind::Class) {
                    return Err(CompileError::syntax("'return' outside function", s.span));
                }
                match value {
                    Some(v) => self.expr(v)?,
                    None => self.emit_const(Value::None),
                }
                self.unwind(0, true)?;
                self.unit().span = s.span;
                self.emit(Op::Return);
            }
            StmtKind::Delete(targets) => {
                for t in targets {
                    self.delete(t)?;
                }
            }
            StmtKind::Global(_) | StmtKind::Nonlocal(_) => {}
            StmtKind::Assert(test, msg) => {
                // CPython's `compiler_assert`: a parenthesised tuple is always true.
                if matches!(&test.kind, ExprKind::Tuple(items) if !items.is_empty()) {
                    crate::syntax::warnings::warn(
                        s.span.start.line,
                        "assertion is always true, perhaps remove parentheses?".into(),
                    );
                }
                self.expr(test)?;
                let jt = self.emit(Op::PopJumpIfTrue(0));
                self.unit().span = s.span;
                self.emit(Op::LoadAssertionError);
                if let Some(m) = msg {
                    self.expr(m)?;
                    self.unit().span = s.span;
                    self.emit(Op::Call(1));
                }
                // CPython raises at the test expression (the carets point at it).
                self.unit().span = test.span;
                self.emit(Op::Raise(1));
                self.patch(jt);
            }
            StmtKind::Raise(exc, cause) => {
                let n = match (exc, cause) {
                    (None, _) => 0,
                    (Some(e), None) => {
                        self.expr(e)?;
                        1
                    }
                    (Some(e), Some(c)) => {
                        self.expr(e)?;
                        self.expr(c)?;
                        2
                    }
                };
                self.unit().span = s.span;
                self.emit(Op::Raise(n));
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
                star,
            } => {
                if finalbody.is_empty() {
                    self.try_except(body, handlers, orelse, *star)?;
                } else {
                    self.try_finally(body, handlers, orelse, finalbody, *star)?;
                }
            }
            StmtKind::FunctionDef(f) => self.function_def(f, s)?,
            StmtKind::ClassDef(c) => self.class_def(c, s)?,
            StmtKind::With {
                items,
                body,
                is_async,
            } => self.with(items, body, *is_async, s)?,
            StmtKind::Import(names) => {
                for a in names {
                    let i = self.name_index(&a.name);
                    self.emit(Op::ImportName(i));
                    let bound = a
                        .asname
                        .clone()
                        .unwrap_or_else(|| Rc::from(a.name.split('.').next().unwrap_or("")));
                    self.store_name(&bound);
                }
            }
            StmtKind::ImportFrom(module, names, _) => {
                let i = self.name_index(module);
                self.emit(Op::ImportName(i));
                for a in names {
                    let n = self.name_index(&a.name);
                    self.emit(Op::ImportFrom(n));
                    let bound = a.asname.clone().unwrap_or_else(|| a.name.clone());
                    self.store_name(&bound);
                }
                self.emit(Op::Pop);
            }
            StmtKind::Match => {
                return Err(CompileError::refused(
                    "the match statement is not supported in the playground",
                    s.span,
                ))
            }
        }
        Ok(())
    }

    /// Leaves the blocks above `keep` (`break`/`continue`: up to the loop; `return`: all), with a
    /// value on the stack when `keep_value` (a `return`'s).
    fn unwind(&mut self, keep: usize, keep_value: bool) -> CResult {
        let saved = self.unit().fblocks.clone();
        while self.unit().fblocks.len() > keep {
            let block = self.unit().fblocks.pop().expect("checked");
            match block {
                FBlock::Loop { items, .. } => {
                    for _ in 0..items {
                        if keep_value {
                            self.emit(Op::Rot2);
                        }
                        self.emit(Op::Pop);
                    }
                }
                FBlock::Try => {
                    self.emit(Op::PopBlock);
                }
                FBlock::Finally(body) => {
                    self.emit(Op::PopBlock);
                    self.stmts(&body)?;
                }
                FBlock::FinallyEnd => {
                    self.emit(Op::PopBlock);
                    if keep_value {
                        self.emit(Op::Rot3);
                    }
                    self.emit(Op::Pop);
                    self.emit(Op::PopExcept);
                }
                FBlock::StarHandler => {
                    let span = self.unit().span;
                    return Err(CompileError::syntax(
                        "'break', 'continue' and 'return' cannot appear in an except* block",
                        span,
                    ));
                }
                FBlock::Handler { name } => {
                    self.emit(Op::PopBlock);
                    if let Some(n) = name {
                        self.clear_name(&n);
                    }
                    if keep_value {
                        self.emit(Op::Rot2);
                    }
                    self.emit(Op::PopExcept);
                }
                FBlock::With { is_async } => {
                    self.emit(Op::PopBlock);
                    if keep_value {
                        self.emit(Op::Rot2);
                    }
                    self.emit(Op::WithExit);
                    if is_async {
                        self.emit(Op::Await);
                    }
                    self.emit(Op::Pop);
                }
            }
        }
        self.unit().fblocks = saved;
        Ok(())
    }

    /// `name = None; del name` (the end of `except E as name:`).
    pub(super) fn clear_name(&mut self, name: &Rc<str>) {
        self.emit_const(Value::None);
        self.store_name(name);
        self.delete_name(name);
    }

    fn aug_assign(&mut self, target: &Expr, op: BinOp, value: &Expr) -> CResult {
        match &target.kind {
            ExprKind::Name(n) => {
                self.unit().span = target.span;
                self.load_name(n);
                self.expr(value)?;
                self.unit().span = target.span.to(value.span);
                self.emit(Op::Inplace(op));
                self.store_name(n);
            }
            ExprKind::Attribute(obj, name) => {
                self.expr(obj)?;
                self.emit(Op::Dup);
                let i = self.mangled_index(name);
                self.unit().span = super::expr::at_attribute(target.span, target.span, name);
                self.emit(Op::LoadAttr(i));
                self.expr(value)?;
                self.unit().span = target.span.to(value.span);
                self.emit(Op::Inplace(op));
                self.emit(Op::Rot2);
                self.emit(Op::StoreAttr(i));
            }
            ExprKind::Subscript(obj, index) => {
                self.expr(obj)?;
                self.expr(index)?;
                self.emit(Op::Dup2);
                self.unit().span = target.span;
                self.emit(Op::Subscr);
                self.expr(value)?;
                self.unit().span = target.span.to(value.span);
                self.emit(Op::Inplace(op));
                self.emit(Op::Rot3);
                self.emit(Op::StoreSubscr);
            }
            _ => {
                return Err(CompileError::syntax(
                    "illegal expression for augmented assignment",
                    target.span,
                ))
            }
        }
        Ok(())
    }

    /// Stores the value on top of the stack into `target`.
    pub(super) fn store(&mut self, target: &Expr) -> CResult {
        match &target.kind {
            ExprKind::Name(n) => self.store_name(n),
            ExprKind::Attribute(obj, name) => {
                self.expr(obj)?;
                let i = self.mangled_index(name);
                self.unit().span = super::expr::at_attribute(target.span, target.span, name);
                self.emit(Op::StoreAttr(i));
            }
            ExprKind::Subscript(obj, index) => {
                self.expr(obj)?;
                self.expr(index)?;
                self.unit().span = target.span;
                self.emit(Op::StoreSubscr);
            }
            ExprKind::Tuple(elts) | ExprKind::List(elts) => {
                self.unit().span = target.span;
                let star = elts
                    .iter()
                    .position(|e| matches!(e.kind, ExprKind::Starred(_)));
                match star {
                    None => {
                        self.emit(Op::UnpackSequence(elts.len() as u32));
                    }
                    Some(i) => {
                        if elts
                            .iter()
                            .filter(|e| matches!(e.kind, ExprKind::Starred(_)))
                            .count()
                            > 1
                        {
                            return Err(CompileError::syntax(
                                "multiple starred expressions in assignment",
                                target.span,
                            ));
                        }
                        self.emit(Op::UnpackEx(i as u32, (elts.len() - i - 1) as u32));
                    }
                }
                for e in elts {
                    match &e.kind {
                        ExprKind::Starred(inner) => self.store(inner)?,
                        _ => self.store(e)?,
                    }
                }
            }
            ExprKind::Starred(_) => {
                return Err(CompileError::syntax(
                    "starred assignment target must be in a list or tuple",
                    target.span,
                ))
            }
            _ => {
                return Err(CompileError::syntax(
                    "cannot assign to expression",
                    target.span,
                ))
            }
        }
        Ok(())
    }

    fn delete(&mut self, target: &Expr) -> CResult {
        self.unit().span = target.span;
        match &target.kind {
            ExprKind::Name(n) => self.delete_name(n),
            ExprKind::Attribute(obj, name) => {
                self.expr(obj)?;
                let i = self.mangled_index(name);
                self.emit(Op::DeleteAttr(i));
            }
            ExprKind::Subscript(obj, index) => {
                self.expr(obj)?;
                self.expr(index)?;
                self.unit().span = target.span;
                self.emit(Op::DeleteSubscr);
            }
            ExprKind::Tuple(elts) | ExprKind::List(elts) => {
                for e in elts {
                    self.delete(e)?;
                }
            }
            _ => {
                return Err(CompileError::syntax(
                    "cannot delete expression",
                    target.span,
                ))
            }
        }
        Ok(())
    }
}
