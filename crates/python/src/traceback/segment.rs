//! The source lines under a traceback entry and their carets, as CPython 3.13's
//! `StackSummary.format_frame_summary` prints them: every line of a multi-line instruction
//! (abbreviated to the significant ones), `~~~^^^` anchors for operators, subscripts and calls,
//! and `_should_show_carets`'s rules for when to draw none.

use crate::syntax::ast::{Expr, ExprKind, StmtKind};
use crate::syntax::token::Pos;

/// Where the failing instruction is: lines from 1, columns in characters from 0 (end exclusive).
#[derive(Clone, Copy)]
pub(super) struct Position {
    pub line: u32,
    pub col: u32,
    pub end_line: u32,
    pub end_col: u32,
}

/// `traceback._Anchors`: the part drawn with `secondary` (`^`), the rest with `primary` (`~`).
struct Anchors {
    left_line: usize,
    left_col: usize,
    right_line: usize,
    right_col: usize,
    primary: char,
    secondary: char,
}

fn chars(s: &str) -> Vec<char> {
    s.chars().collect()
}

fn leading_ws(s: &str) -> usize {
    s.chars().take_while(|c| c.is_whitespace()).count()
}

/// `textwrap.dedent`: the longest common leading whitespace of the non-blank lines goes;
/// blank lines become empty.
fn dedent(lines: &[String]) -> Vec<String> {
    let margin = lines
        .iter()
        .filter(|l| !l.trim().is_empty())
        .map(|l| &l[..l.len() - l.trim_start().len()])
        .reduce(|a, b| {
            let n = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
            &a[..a.char_indices().nth(n).map_or(a.len(), |(i, _)| i)]
        })
        .unwrap_or("")
        .to_string();
    lines
        .iter()
        .map(|l| {
            if l.trim().is_empty() {
                String::new()
            } else {
                l[margin.len()..].to_string()
            }
        })
        .collect()
}

/// The lines printed under `File "…", line N, in f`, each indented by four spaces.
pub(super) fn format(source: &[&str], p: Position) -> String {
    let first = p.line as usize;
    if first == 0 || first > source.len() {
        return String::new();
    }
    let last = (p.end_line.max(p.line) as usize).min(source.len());
    let original: Vec<String> = source[first - 1..last]
        .iter()
        .map(|l| l.to_string())
        .collect();
    let all = dedent(&original);
    if all.iter().all(|l| l.trim().is_empty()) {
        return String::new();
    }
    let dedent_chars = original[0].chars().count() - all[0].chars().count();
    let start = (p.col as usize).saturating_sub(dedent_chars);
    let end = (p.end_col as usize).saturating_sub(dedent_chars);
    let joined = chars(&all.join("\n"));
    let last_len = all[all.len() - 1].chars().count();
    let seg_end = joined.len().saturating_sub(last_len.saturating_sub(end));
    let segment: String = joined
        .get(start..seg_end.max(start))
        .map_or(String::new(), |s| s.iter().collect());
    let mut anchors = anchors(&segment);
    let show = should_show_carets(start, end, &all, anchors.is_some());
    if let Some(a) = anchors.as_mut() {
        if a.left_line == 0 {
            a.left_col += start;
        }
        if a.right_line == 0 {
            a.right_col += start;
        }
        // Carets are drawn in display columns (`_display_width`).
        a.left_col = display_width(&all[a.left_line], a.left_col);
        a.right_col = display_width(&all[a.right_line], a.right_col);
    }
    let (start, end) = (
        display_width(&all[0], start),
        display_width(&all[all.len() - 1], end),
    );
    let mut significant = vec![0, all.len() - 1];
    if let Some(a) = &anchors {
        for l in [a.left_line, a.right_line] {
            significant.extend([l.wrapping_sub(1), l, l + 1]);
        }
    }
    significant.retain(|&l| l < all.len());
    significant.sort_unstable();
    significant.dedup();
    let mut result: Vec<String> = Vec::new();
    let output_line = |result: &mut Vec<String>, i: usize| {
        result.push(all[i].clone());
        if !show {
            return;
        }
        let spaces = leading_ws(&all[i]);
        let n = if i == all.len() - 1 {
            end
        } else {
            display_width(&all[i], usize::MAX)
        };
        let marks: String = (0..n)
            .map(|col| {
                if col < spaces || (i == 0 && col < start) {
                    return ' ';
                }
                match &anchors {
                    Some(a)
                        if (i > a.left_line || (i == a.left_line && col >= a.left_col))
                            && (i < a.right_line || (i == a.right_line && col < a.right_col)) =>
                    {
                        a.secondary
                    }
                    Some(a) => a.primary,
                    None => '^',
                }
            })
            .collect();
        result.push(marks);
    };
    for (k, &i) in significant.iter().enumerate() {
        if k > 0 {
            let gap = i - significant[k - 1];
            if gap == 2 {
                output_line(&mut result, i - 1);
            } else if gap > 2 {
                result.push(format!("...<{} lines>...", gap - 1));
            }
        }
        output_line(&mut result, i);
    }
    dedent(&result)
        .iter()
        .map(|l| format!("    {l}\n"))
        .collect()
}

/// `traceback._display_width`: the columns the first `offset` chars of `line` take on a
/// terminal (wide characters, emoji and CJK, take two).
fn display_width(line: &str, offset: usize) -> usize {
    line.chars()
        .take(offset)
        .map(|c| 1 + usize::from(crate::builtins::str_class::is_wide(c)))
        .sum()
}

/// `_should_show_carets`: none under `return f(...)` or `x = f(...)` when the call is the whole
/// statement; always with anchors; else only when the instruction is not the whole text.
fn should_show_carets(start: usize, end: usize, all: &[String], anchors: bool) -> bool {
    if let Ok(tree) = crate::syntax::parse(&all.join("\n")) {
        let value = tree.first().and_then(|s| match &s.kind {
            StmtKind::Return(Some(v)) if matches!(&v.kind, ExprKind::Call(f, _) if matches!(f.kind, ExprKind::Name(_))) => {
                Some(v)
            }
            StmtKind::Assign(targets, v)
                if targets.len() == 1
                    && matches!(targets[0].kind, ExprKind::Name(_))
                    && matches!(v.kind, ExprKind::Call(..)) =>
            {
                Some(v)
            }
            _ => None,
        });
        if let Some(v) = value {
            if v.span.start.line == 1
                && v.span.end.line as usize == all.len()
                && v.span.start.col as usize == start
                && v.span.end.col as usize == end
            {
                return false;
            }
        }
    }
    if anchors {
        return true;
    }
    let first = chars(&all[0]);
    let last = chars(&all[all.len() - 1]);
    let before: String = first[..start.min(first.len())].iter().collect();
    let after: String = last[end.min(last.len())..].iter().collect();
    !before.trim_start().is_empty() || !after.trim_end().is_empty()
}

/// `_extract_caret_anchors_from_line_segment`: positions within the segment's lines.
fn anchors(segment: &str) -> Option<Anchors> {
    let tree = crate::syntax::parse(&format!("(\n{segment}\n)")).ok()?;
    if tree.len() != 1 {
        return None;
    }
    let StmtKind::Expr(expr) = &tree[0].kind else {
        return None;
    };
    let lines: Vec<Vec<char>> = segment.lines().map(chars).collect();
    let cursor = Cursor { lines: &lines };
    let end_of = |e: &Expr, valid: bool| -> Option<(usize, usize)> {
        let at = (
            e.span.end.line.checked_sub(2)? as usize,
            e.span.end.col as usize,
        );
        if valid {
            cursor.next_valid(at.0, at.1)
        } else {
            Some(at)
        }
    };
    let start_of = |p: Pos| (p.line.saturating_sub(2) as usize, p.col as usize);
    let (left, right) = match &expr.kind {
        ExprKind::BinOp(_, l, r) => {
            let (line, col) = end_of(l, true)?;
            let (line, col) = cursor.until(line, col, |c| {
                c.is_some_and(|c| !c.is_whitespace() && c != ')')
            })?;
            let mut right_col = col + 1;
            let text = &lines[line];
            let (r_line, r_col) = start_of(r.span.start);
            if right_col < text.len()
                && (r_line > line || right_col < r_col)
                && !text[right_col].is_whitespace()
                && !"\\#".contains(text[right_col])
            {
                right_col += 1;
            }
            ((line, col), (line, right_col))
        }
        ExprKind::Subscript(value, _) | ExprKind::Call(value, _) => {
            let open = if matches!(expr.kind, ExprKind::Call(..)) {
                '('
            } else {
                '['
            };
            let (line, col) = end_of(value, true)?;
            let left = cursor.until(line, col, |c| c == Some(open))?;
            (left, end_of(expr, false)?)
        }
        _ => return None,
    };
    Some(Anchors {
        left_line: left.0,
        left_col: left.1,
        right_line: right.0,
        right_col: right.1,
        primary: '~',
        secondary: '^',
    })
}

/// Walking a segment's characters as the anchor search does.
struct Cursor<'a> {
    lines: &'a [Vec<char>],
}

impl Cursor<'_> {
    /// `next_valid_char`: this position, or the first character of a later non-empty line.
    fn next_valid(&self, mut line: usize, mut col: usize) -> Option<(usize, usize)> {
        while line < self.lines.len() && col >= self.lines[line].len() {
            col = 0;
            line += 1;
        }
        (line < self.lines.len()).then_some((line, col))
    }

    /// `increment_until`: skips characters (and the rest of a line at `\` or `#`) until `stop`.
    fn until(
        &self,
        mut line: usize,
        mut col: usize,
        stop: impl Fn(Option<char>) -> bool,
    ) -> Option<(usize, usize)> {
        loop {
            let ch = self.lines.get(line)?.get(col).copied();
            if ch.is_some_and(|c| c == '\\' || c == '#') {
                (line, col) = self.next_valid(line + 1, 0)?;
            } else if !stop(ch) {
                (line, col) = self.next_valid(line, col + 1)?;
            } else {
                return Some((line, col));
            }
        }
    }
}
