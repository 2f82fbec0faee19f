//! How many positional arguments each `str` method takes, and the `TypeError` CPython 3.13 words
//! for too few or too many: the words depend on how CPython declares the method (Argument
//! Clinic's positional-only check, `METH_O`, or a clinic function with keywords).

use crate::objects::Raised;
use crate::vm::type_error;

/// How CPython words a wrong count for a method.
#[derive(Clone, Copy)]
enum Style {
    /// `find expected at least 1 argument, got 0` (`_PyArg_CheckPositional`).
    Expected,
    /// `str.join() takes exactly one argument (0 given)` (`METH_O`).
    ExactlyOne,
    /// `replace() takes at least 2 positional arguments (0 given)`, `split() takes at most 2
    /// arguments (5 given)` (a clinic function that also takes keywords).
    Keywords,
}

/// Each method with arguments: its name, the fewest and the most positional arguments.
const ARITY: &[(&str, usize, usize, Style)] = &[
    ("find", 1, 3, Style::Expected),
    ("rfind", 1, 3, Style::Expected),
    ("index", 1, 3, Style::Expected),
    ("rindex", 1, 3, Style::Expected),
    ("count", 1, 3, Style::Expected),
    ("startswith", 1, 3, Style::Expected),
    ("endswith", 1, 3, Style::Expected),
    ("center", 1, 2, Style::Expected),
    ("ljust", 1, 2, Style::Expected),
    ("rjust", 1, 2, Style::Expected),
    ("strip", 0, 1, Style::Expected),
    ("lstrip", 0, 1, Style::Expected),
    ("rstrip", 0, 1, Style::Expected),
    ("zfill", 1, 1, Style::ExactlyOne),
    ("join", 1, 1, Style::ExactlyOne),
    ("partition", 1, 1, Style::ExactlyOne),
    ("rpartition", 1, 1, Style::ExactlyOne),
    ("removeprefix", 1, 1, Style::ExactlyOne),
    ("removesuffix", 1, 1, Style::ExactlyOne),
    ("split", 0, 2, Style::Keywords),
    ("rsplit", 0, 2, Style::Keywords),
    ("replace", 2, 3, Style::Keywords),
    ("splitlines", 0, 1, Style::Keywords),
];

fn arguments(n: usize) -> &'static str {
    if n == 1 {
        "argument"
    } else {
        "arguments"
    }
}

/// `TypeError` if method `name` cannot take `n` positional arguments (a method not listed is
/// not checked here).
pub fn check(name: &str, n: usize) -> Result<(), Raised> {
    let Some(&(_, min, max, style)) = ARITY.iter().find(|(m, ..)| *m == name) else {
        return Ok(());
    };
    if (min..=max).contains(&n) {
        return Ok(());
    }
    let few = n < min;
    let message = match style {
        Style::Expected if few => {
            format!("{name} expected at least {min} {}, got {n}", arguments(min))
        }
        Style::Expected => format!("{name} expected at most {max} {}, got {n}", arguments(max)),
        Style::ExactlyOne => format!("str.{name}() takes exactly one argument ({n} given)"),
        Style::Keywords if few => {
            format!(
                "{name}() takes at least {min} positional {} ({n} given)",
                arguments(min)
            )
        }
        Style::Keywords => format!(
            "{name}() takes at most {max} {} ({n} given)",
            arguments(max)
        ),
    };
    Err(type_error(message))
}
