//! The compiler's `SyntaxWarning`s about a literal used where it cannot work (CPython's
//! `check_compare`, `check_caller`, `check_subscripter` and `check_index`): `x is 1`, `5()`,
//! `None[0]`, `[1, 2]["0"]`, each with "Did you mean" or "perhaps you missed a comma?".

use super::expr::is_constant;
use crate::syntax::ast::*;
use crate::syntax::token::Span;
use crate::syntax::warnings::warn;

/// CPython's `check_compare`: `is` or `is not` with a literal (after constant folding) warns, once
/// per comparison, about its first such operand.
pub(super) fn warn_is_literal(left: &Expr, rest: &[(CmpOp, Expr)], span: Span) {
    let mut left = left;
    for (op, right) in rest {
        if matches!(op, CmpOp::Is | CmpOp::IsNot) {
            let literal = literal_type(left).or_else(|| literal_type(right));
            if let Some(t) = literal {
                let message = if *op == CmpOp::Is {
                    format!("\"is\" with '{t}' literal. Did you mean \"==\"?")
                } else {
                    format!("\"is not\" with '{t}' literal. Did you mean \"!=\"?")
                };
                warn(span.start.line, message);
                return;
            }
        }
        left = right;
    }
}

/// The type of a literal `is` should not be used with: a constant once CPython has folded it
/// (`-1`, `()`, `(1, "a")`), other than `None`, `True`, `False` and `...`.
fn literal_type(e: &Expr) -> Option<&'static str> {
    match &e.kind {
        ExprKind::Const(Const::Int(_)) | ExprKind::BigInt(_) => Some("int"),
        ExprKind::Const(Const::Float(_)) => Some("float"),
        ExprKind::Const(Const::Str(_)) => Some("str"),
        ExprKind::Unary(UnaryOp::Neg | UnaryOp::Pos, inner) => match &inner.kind {
            ExprKind::Const(Const::Int(_) | Const::Float(_)) | ExprKind::BigInt(_) => {
                literal_type(inner)
            }
            _ => None,
        },
        ExprKind::Unary(UnaryOp::Invert, inner)
            if matches!(
                inner.kind,
                ExprKind::Const(Const::Int(_)) | ExprKind::BigInt(_)
            ) =>
        {
            Some("int")
        }
        // A tuple of constants (tuples of them included) is folded into one.
        ExprKind::Tuple(items)
            if items
                .iter()
                .all(|i| is_constant(i) || literal_type(i).is_some()) =>
        {
            Some("tuple")
        }
        _ => None,
    }
}

/// CPython's `infer_type`: the type of a literal or display, by its name (`None` for anything
/// whose type the compiler cannot tell).
fn infer_type(e: &Expr) -> Option<&'static str> {
    Some(match &e.kind {
        ExprKind::Const(Const::None) => "NoneType",
        ExprKind::Const(Const::Bool(_)) => "bool",
        ExprKind::Const(Const::Ellipsis) => "ellipsis",
        ExprKind::Tuple(_) => "tuple",
        ExprKind::List(_) | ExprKind::ListComp(..) => "list",
        ExprKind::Dict(_) | ExprKind::DictComp(..) => "dict",
        ExprKind::Set(_) | ExprKind::SetComp(..) => "set",
        ExprKind::GenExp(..) => "generator",
        ExprKind::Lambda(..) => "function",
        ExprKind::FString(_) => "str",
        ExprKind::Slice(..) => "slice",
        _ => return literal_type(e),
    })
}

/// `check_caller`: calling a literal or a display (`5()`, `(1, 2)(3)`).
pub(super) fn check_caller(f: &Expr) {
    let callable = !matches!(
        f.kind,
        ExprKind::Const(_)
            | ExprKind::BigInt(_)
            | ExprKind::Tuple(_)
            | ExprKind::List(_)
            | ExprKind::ListComp(..)
            | ExprKind::Dict(_)
            | ExprKind::DictComp(..)
            | ExprKind::Set(_)
            | ExprKind::SetComp(..)
            | ExprKind::GenExp(..)
            | ExprKind::FString(_)
    );
    if let Some(t) = infer_type(f).filter(|_| !callable) {
        let message = format!("'{t}' object is not callable; perhaps you missed a comma?");
        warn(f.span.start.line, message);
    }
}

/// `check_subscripter` and `check_index`: subscripting what has no items (`None[0]`, `5[1]`), or
/// a sequence literal with what is not an index (`[1, 2]["0"]`).
pub(super) fn check_subscript(value: &Expr, index: &Expr) {
    let line = value.span.start.line;
    let not_subscriptable = match &value.kind {
        ExprKind::Const(Const::Str(_)) => false,
        ExprKind::Const(_) | ExprKind::BigInt(_) => true,
        ExprKind::Unary(..) => literal_type(value).is_some_and(|t| t != "str" && t != "tuple"),
        ExprKind::Set(_) | ExprKind::SetComp(..) | ExprKind::GenExp(..) | ExprKind::Lambda(..) => {
            true
        }
        _ => false,
    };
    if not_subscriptable {
        if let Some(t) = infer_type(value) {
            warn(
                line,
                format!("'{t}' object is not subscriptable; perhaps you missed a comma?"),
            );
        }
        return;
    }
    let index_type = match infer_type(index) {
        Some("int" | "bool" | "slice") | None => return,
        Some(t) => t,
    };
    let sequence = matches!(
        value.kind,
        ExprKind::Const(Const::Str(_))
            | ExprKind::Tuple(_)
            | ExprKind::List(_)
            | ExprKind::ListComp(..)
            | ExprKind::FString(_)
    );
    if let Some(t) = infer_type(value).filter(|_| sequence) {
        warn(
            line,
            format!("{t} indices must be integers or slices, not {index_type}; perhaps you missed a comma?"),
        );
    }
}
