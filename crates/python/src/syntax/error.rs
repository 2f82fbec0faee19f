//! Errors found before a program runs: syntax errors as CPython words them, and refusals of
//! constructs outside the playground's subset.

use super::token::Span;
use std::fmt;

/// Which exception CPython raises for a syntax error.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SyntaxKind {
    SyntaxError,
    IndentationError,
    TabError,
}

impl SyntaxKind {
    pub fn name(self) -> &'static str {
        match self {
            SyntaxKind::SyntaxError => "SyntaxError",
            SyntaxKind::IndentationError => "IndentationError",
            SyntaxKind::TabError => "TabError",
        }
    }
}

/// A program that cannot run: a syntax error, or a construct the playground refuses.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CompileError {
    Syntax {
        kind: SyntaxKind,
        msg: String,
        span: Span,
    },
    /// A construct outside the subset, seen in the source.
    Refused { msg: String, span: Span },
}

impl CompileError {
    pub fn syntax(msg: impl Into<String>, span: Span) -> CompileError {
        CompileError::Syntax {
            kind: SyntaxKind::SyntaxError,
            msg: msg.into(),
            span,
        }
    }

    pub fn indentation(msg: impl Into<String>, span: Span) -> CompileError {
        CompileError::Syntax {
            kind: SyntaxKind::IndentationError,
            msg: msg.into(),
            span,
        }
    }

    pub fn refused(msg: impl Into<String>, span: Span) -> CompileError {
        CompileError::Refused {
            msg: msg.into(),
            span,
        }
    }

    pub fn span(&self) -> Span {
        match self {
            CompileError::Syntax { span, .. } | CompileError::Refused { span, .. } => *span,
        }
    }

    pub fn message(&self) -> &str {
        match self {
            CompileError::Syntax { msg, .. } | CompileError::Refused { msg, .. } => msg,
        }
    }

    pub fn is_refusal(&self) -> bool {
        matches!(self, CompileError::Refused { .. })
    }

    /// What CPython prints for a syntax error (`File "name", line N`, the line, the carets, the
    /// message), or the playground's one line for a refusal.
    pub fn render(&self, filename: &str, source: &str) -> String {
        match self {
            CompileError::Refused { msg, span } => {
                format!(
                    "line {}, column {}: {msg}",
                    span.start.line,
                    span.start.col + 1
                )
            }
            CompileError::Syntax { kind, msg, span } => {
                let mut out = format!("  File \"{filename}\", line {}\n", span.start.line);
                if let Some(text) = source
                    .lines()
                    .nth(span.start.line.saturating_sub(1) as usize)
                {
                    // traceback.py strips spaces and form feeds only (a tab stays).
                    let trimmed = text.trim_start_matches([' ', '\x0c']);
                    let indent = text.chars().count() - trimmed.chars().count();
                    let trimmed = trimmed.trim_end();
                    if !trimmed.is_empty() {
                        out += &format!("    {trimmed}\n");
                    }
                    // traceback.py draws carets only from a column within the stripped text
                    // (an error in the indentation itself, like "unexpected indent", has none).
                    if !trimmed.is_empty() && span.start.col as usize >= indent {
                        let start = (span.start.col as usize).saturating_sub(indent);
                        // A range over several lines is drawn to the end of its first.
                        let end = if span.end.line > span.start.line {
                            trimmed.chars().count()
                        } else if span.end.col > span.start.col {
                            (span.end.col as usize).saturating_sub(indent)
                        } else {
                            start + 1
                        };
                        let end = end.min(trimmed.chars().count().max(start + 1));
                        out += &format!(
                            "    {}{}\n",
                            " ".repeat(start),
                            "^".repeat((end - start).max(1))
                        );
                    }
                }
                out += &format!("{}: {msg}", kind.name());
                out
            }
        }
    }
}

impl fmt::Display for CompileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CompileError::Syntax { kind, msg, span } => {
                write!(f, "{}: {msg} (line {})", kind.name(), span.start.line)
            }
            CompileError::Refused { msg, span } => {
                write!(
                    f,
                    "line {}, column {}: {msg}",
                    span.start.line,
                    span.start.col + 1
                )
            }
        }
    }
}
