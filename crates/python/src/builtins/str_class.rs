//! `str`'s character classes as CPython 3.13 defines them (`Py_UNICODE_ISALPHA`, `ISDECIMAL`,
//! `ISDIGIT`, `ISNUMERIC`, `ISALNUM`), from its Unicode 15.1 tables (`char_tables.rs`). Rust's
//! `char::is_alphabetic` is a different property (Alphabetic, which counts `Ⅻ` and combining marks
//! such as `ͅ`) of a later Unicode.

use super::char_tables::{ALPHA, DECIMAL, DIGIT, NUMERIC, WIDE};
use super::str_case::in_ranges;

/// ASCII by Rust's own test (the same in every Unicode), anything else by CPython's table.
fn in_class(c: char, ascii: fn(&char) -> bool, table: &[(char, char)]) -> bool {
    if c.is_ascii() {
        ascii(&c)
    } else {
        in_ranges(table, c)
    }
}

/// `c.isalpha()`: a letter (categories Lu, Ll, Lt, Lm, Lo).
pub fn is_alpha(c: char) -> bool {
    in_class(c, char::is_ascii_alphabetic, ALPHA)
}

/// `c.isdecimal()`: a decimal digit (category Nd).
pub fn is_decimal(c: char) -> bool {
    in_class(c, char::is_ascii_digit, DECIMAL)
}

/// `c.isdigit()`: a decimal digit or another digit (`²`, `①`).
pub fn is_digit(c: char) -> bool {
    in_class(c, char::is_ascii_digit, DIGIT)
}

/// `c.isnumeric()`: any character with a numeric value (`½`, `Ⅻ`, `四`).
pub fn is_numeric(c: char) -> bool {
    in_class(c, char::is_ascii_digit, NUMERIC)
}

/// `c.isalnum()`: `isalpha`, `isdecimal`, `isdigit` or `isnumeric` (the last covers the two
/// before it).
pub fn is_alnum(c: char) -> bool {
    is_alpha(c) || is_numeric(c)
}

/// Whether a terminal shows `c` two columns wide (East Asian Width W or F): an emoji, a CJK
/// character. A traceback's carets count such characters twice.
pub fn is_wide(c: char) -> bool {
    !c.is_ascii() && in_ranges(WIDE, c)
}
