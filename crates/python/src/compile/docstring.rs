//! Docstrings: the string that begins a module, function or class body, cleaned as CPython
//! 3.13's compiler cleans it (`_PyCompile_CleanDoc`: tabs expanded, the first line's leading
//! spaces and the other lines' common indentation removed).

use crate::syntax::ast::{Const, ExprKind, Stmt, StmtKind};
use std::rc::Rc;

/// The docstring of a body, if its first statement is a string literal.
pub fn of(body: &[Stmt]) -> Option<Rc<str>> {
    let first = body.first()?;
    let StmtKind::Expr(e) = &first.kind else {
        return None;
    };
    let ExprKind::Const(Const::Str(s)) = &e.kind else {
        return None;
    };
    Some(Rc::from(clean(s)))
}

/// `_PyCompile_CleanDoc`.
fn clean(doc: &str) -> String {
    let doc = expand_tabs(doc);
    let mut lines = doc.split('\n');
    let first = lines.next().unwrap_or("");
    let rest: Vec<&str> = lines.collect();
    // The least indentation of the lines after the first that are not all spaces.
    let margin = rest
        .iter()
        .filter_map(|l| {
            let indent = l.len() - l.trim_start_matches(' ').len();
            (indent < l.len()).then_some(indent)
        })
        .min()
        .unwrap_or(0);
    let mut out = first.trim_start_matches(' ').to_string();
    for line in rest {
        out.push('\n');
        let spaces = line.len() - line.trim_start_matches(' ').len();
        out.push_str(&line[spaces.min(margin)..]);
    }
    out
}

/// `str.expandtabs()` (tab stops every 8 columns, counted from each line's start).
fn expand_tabs(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut col = 0;
    for c in s.chars() {
        match c {
            '\t' => {
                let n = 8 - col % 8;
                out.extend(std::iter::repeat_n(' ', n));
                col += n;
            }
            '\n' | '\r' => {
                out.push(c);
                col = 0;
            }
            _ => {
                out.push(c);
                col += 1;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::clean;

    #[test]
    fn common_indentation_goes_and_the_first_line_is_stripped() {
        assert_eq!(
            clean("  Summary.\n\n    Details\n      more\n    "),
            "Summary.\n\nDetails\n  more\n"
        );
        assert_eq!(clean("One line."), "One line.");
    }
}
