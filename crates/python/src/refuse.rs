//! Refusals seen in the source, before the program runs: constructs outside the subset, named
//! with their line and column (a refusal is never an exception a program could catch).

use crate::syntax::ast::*;
use crate::syntax::error::CompileError;
use crate::syntax::token::Span;

/// The dunders a class may define.
const ALLOWED_DUNDERS: &[&str] = &[
    "__init__",
    "__repr__",
    "__str__",
    "__enter__",
    "__exit__",
    "__aenter__",
    "__aexit__",
    "__aiter__",
    "__anext__",
];

/// A dunder a class may not have: one of the protocols the playground's operators never look for.
pub fn is_refused_dunder(name: &str) -> bool {
    name.starts_with("__") && name.ends_with("__") && !ALLOWED_DUNDERS.contains(&name)
}

const MODULES: &[&str] = &["asyncio", "time", "random"];

type R = Result<(), CompileError>;

/// Checks a whole program.
///
/// # Errors
/// The first construct outside the subset.
pub fn check(body: &[Stmt]) -> R {
    body.iter().try_for_each(|s| stmt(s, false))
}

fn refuse(what: impl Into<String>, span: Span) -> CompileError {
    CompileError::refused(
        format!("{} is not supported in the playground", what.into()),
        span,
    )
}

fn module_refusal(name: &str, span: Span) -> CompileError {
    let top = name.split('.').next().unwrap_or(name);
    if MODULES.contains(&top) {
        return refuse(format!("importing {name}"), span);
    }
    CompileError::refused(crate::modules::unknown_module(top), span)
}

fn stmt(s: &Stmt, in_class: bool) -> R {
    match &s.kind {
        StmtKind::Import(names) => {
            for a in names {
                if !MODULES.contains(&&*a.name) {
                    return Err(module_refusal(&a.name, a.span));
                }
            }
            Ok(())
        }
        StmtKind::ImportFrom(m, names, level) => {
            if *level > 0 {
                return Err(refuse("relative imports", s.span));
            }
            if !MODULES.contains(&&**m) {
                return Err(module_refusal(m, s.span));
            }
            if let Some(a) = names.iter().find(|a| &*a.name == "*") {
                return Err(refuse("from ... import *", a.span));
            }
            Ok(())
        }
        StmtKind::FunctionDef(f) => {
            decorators(&f.decorators, in_class)?;
            if in_class && is_refused_dunder(&f.name) {
                let what = if &*f.name == "__await__" {
                    "__await__".to_string()
                } else {
                    format!("defining {} in a class", f.name)
                };
                return Err(refuse(what, s.span));
            }
            body(&f.body)
        }
        StmtKind::ClassDef(c) => {
            if let Some(d) = c.decorators.first() {
                return Err(CompileError::refused(
                    "class decorators are not supported in the playground",
                    d.span,
                ));
            }
            for a in &c.bases {
                if let Arg::Kw(k, e, _) = a {
                    let what = if &**k == "metaclass" {
                        "metaclasses".to_string()
                    } else {
                        format!("class keyword '{k}'")
                    };
                    return Err(refuse(what, e.span));
                }
            }
            if c.bases.iter().filter(|a| matches!(a, Arg::Pos(_))).count() > 1 {
                return Err(refuse("multiple inheritance", s.span));
            }
            for inner in &c.body {
                if let StmtKind::Assign(targets, _) = &inner.kind {
                    if targets
                        .iter()
                        .any(|t| matches!(&t.kind, ExprKind::Name(n) if &**n == "__slots__"))
                    {
                        return Err(refuse("__slots__", inner.span));
                    }
                }
                stmt(inner, true)?;
            }
            Ok(())
        }
        StmtKind::If(_, a, b) | StmtKind::While(_, a, b) => {
            body(a)?;
            body(b)
        }
        StmtKind::For {
            body: a, orelse, ..
        } => {
            body(a)?;
            body(orelse)
        }
        StmtKind::Try {
            body: b,
            handlers,
            orelse,
            finalbody,
            ..
        } => {
            body(b)?;
            for h in handlers {
                body(&h.body)?;
            }
            body(orelse)?;
            body(finalbody)
        }
        StmtKind::With { body: b, .. } => body(b),
        StmtKind::Match => Err(refuse("the match statement", s.span)),
        _ => Ok(()),
    }
}

fn body(stmts: &[Stmt]) -> R {
    stmts.iter().try_for_each(|s| stmt(s, false))
}

fn decorators(ds: &[Expr], in_class: bool) -> R {
    for d in ds {
        let ok = matches!(&d.kind, ExprKind::Name(n) if in_class && (&**n == "staticmethod" || &**n == "classmethod"));
        if !ok {
            let name = match &d.kind {
                ExprKind::Name(n) => format!("@{n}"),
                ExprKind::Attribute(_, n) => format!("@…{n}"),
                ExprKind::Call(f, _) => match &f.kind {
                    ExprKind::Name(n) => format!("@{n}(...)"),
                    _ => "this decorator".into(),
                },
                _ => "this decorator".into(),
            };
            return Err(CompileError::refused(
                format!("decorators other than @staticmethod and @classmethod (here {name}) are not supported in the playground"),
                d.span,
            ));
        }
    }
    Ok(())
}
