//! The `SyntaxWarning`s CPython issues while it compiles a program: an invalid escape sequence in
//! a string (the parser, as it reads each string), `is` with a literal and an assertion on a
//! tuple (the compiler, after). They are collected during [`crate::program::compile`] and written
//! to stderr before the program runs, in the order found, each time (CPython warns at compile
//! time with no registry, so nothing is shown only once).

use std::cell::RefCell;

/// One warning: the source line it names, the message, and for the parser's the position of the
/// string it is about (the parser may read a string twice; it warns once per string).
struct Found {
    line: u32,
    message: String,
    at: Option<(u32, u32)>,
}

thread_local! {
    static FOUND: RefCell<Vec<Found>> = const { RefCell::new(Vec::new()) };
}

/// Starts afresh for a new program.
pub fn clear() {
    FOUND.with(|f| f.borrow_mut().clear());
}

/// The parser's warning about the string that starts at `at` (line, column), naming `line`.
pub fn warn_string(line: u32, at: (u32, u32), message: String) {
    FOUND.with(|f| {
        let mut f = f.borrow_mut();
        if !f.iter().any(|w| w.at == Some(at) && w.message == message) {
            f.push(Found {
                line,
                message,
                at: Some(at),
            });
        }
    });
}

/// The compiler's warning about the code at `line`.
pub fn warn(line: u32, message: String) {
    FOUND.with(|f| {
        f.borrow_mut().push(Found {
            line,
            message,
            at: None,
        })
    });
}

/// The warnings found since [`clear`], parser's first, each as `(line, message)`.
pub fn take() -> Vec<(u32, String)> {
    let found = FOUND.with(|f| std::mem::take(&mut *f.borrow_mut()));
    let (parser, compiler): (Vec<Found>, Vec<Found>) =
        found.into_iter().partition(|w| w.at.is_some());
    parser
        .into_iter()
        .chain(compiler)
        .map(|w| (w.line, w.message))
        .collect()
}

/// How the warnings module prints one (`formatwarning`): the file and line, the category and
/// message, and the source line, stripped.
pub fn format(filename: &str, source: &str, line: u32, message: &str) -> String {
    let text = source
        .lines()
        .nth(line.saturating_sub(1) as usize)
        .map_or("", str::trim);
    format!("{filename}:{line}: SyntaxWarning: {message}\n  {text}")
}
