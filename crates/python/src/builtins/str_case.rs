//! `str` case mappings as CPython 3.13 makes them (`unicodeobject.c`): full mappings, a capital
//! sigma that ends a word lowered to `ς`, titlecase (not uppercase) at the start of a word, full
//! case folding, and `swapcase` that leaves a character that is neither upper nor lower alone.
//! Rust's own tables are of a later Unicode: a character CPython's (15.1) gives no case keeps none.

use super::case_tables::{
    CASE_IGNORABLE, FOLD, HAS_CASE, NO_LOWER, NO_UPPER, TITLE, TITLECASE_LETTERS, UPPERCASE,
};

fn lookup(table: &'static [(char, &'static str)], c: char) -> Option<&'static str> {
    table
        .binary_search_by_key(&c, |(k, _)| *k)
        .ok()
        .map(|i| table[i].1)
}

/// Whether `c` is in one of `ranges` (sorted, inclusive, apart).
pub(super) fn in_ranges(ranges: &[(char, char)], c: char) -> bool {
    let i = ranges.partition_point(|&(_, last)| last < c);
    ranges.get(i).is_some_and(|&(first, _)| first <= c)
}

/// Whether CPython's Unicode gives `c` any case or case mapping.
fn has_case(c: char) -> bool {
    in_ranges(HAS_CASE, c)
}

/// `Py_UNICODE_ISUPPER`.
pub fn is_upper(c: char) -> bool {
    in_ranges(UPPERCASE, c)
}

/// `Py_UNICODE_ISLOWER`: in CPython's Unicode a character with case that is neither uppercase
/// nor a titlecase letter is lowercase.
pub fn is_lower(c: char) -> bool {
    has_case(c) && !is_upper(c) && !is_title(c)
}

/// `Py_UNICODE_ISTITLE`: a titlecase letter (`ǅ`).
pub fn is_title(c: char) -> bool {
    TITLECASE_LETTERS.binary_search(&c).is_ok()
}

/// `_PyUnicode_IsCased`: lowercase, uppercase or a titlecase letter.
fn is_cased(c: char) -> bool {
    is_lower(c) || is_upper(c) || is_title(c)
}

/// `_PyUnicode_IsCaseIgnorable`.
fn is_case_ignorable(c: char) -> bool {
    in_ranges(CASE_IGNORABLE, c)
}

/// `_PyUnicode_ToUpperFull`.
fn push_upper(out: &mut String, c: char) {
    if has_case(c) && !in_ranges(NO_UPPER, c) {
        out.extend(c.to_uppercase());
    } else {
        out.push(c);
    }
}

/// `handle_capital_sigma`: `ς` for a capital sigma at `i` that ends a word (a cased letter
/// before it and none after it, case-ignorable characters skipped), else `σ`.
fn sigma(chars: &[char], i: usize) -> char {
    let cased_at = |c: Option<&char>| c.is_some_and(|&c| is_cased(c));
    let before = chars[..i].iter().rev().find(|&&c| !is_case_ignorable(c));
    let after = chars[i + 1..].iter().find(|&&c| !is_case_ignorable(c));
    if cased_at(before) && !cased_at(after) {
        'ς'
    } else {
        'σ'
    }
}

/// `lower_ucs4`: the lowercase of `chars[i]`, in its context.
fn push_lower(out: &mut String, chars: &[char], i: usize) {
    match chars[i] {
        'Σ' => out.push(sigma(chars, i)),
        c if has_case(c) && !in_ranges(NO_LOWER, c) => out.extend(c.to_lowercase()),
        c => out.push(c),
    }
}

/// `_PyUnicode_ToTitleFull`.
fn push_title(out: &mut String, c: char) {
    match lookup(TITLE, c) {
        Some(t) => out.push_str(t),
        None => push_upper(out, c),
    }
}

/// `str.title()`: a character after a cased one is lowered, any other is titlecased.
pub fn title(t: &str) -> String {
    let chars: Vec<char> = t.chars().collect();
    let mut out = String::with_capacity(t.len());
    let mut previous_is_cased = false;
    for (i, &c) in chars.iter().enumerate() {
        if previous_is_cased {
            push_lower(&mut out, &chars, i);
        } else {
            push_title(&mut out, c);
        }
        previous_is_cased = is_cased(c);
    }
    out
}

/// `str.capitalize()`: the first character titlecased, the rest lowered.
pub fn capitalize(t: &str) -> String {
    let chars: Vec<char> = t.chars().collect();
    let mut out = String::with_capacity(t.len());
    for (i, &c) in chars.iter().enumerate() {
        if i == 0 {
            push_title(&mut out, c);
        } else {
            push_lower(&mut out, &chars, i);
        }
    }
    out
}

/// `str.swapcase()`: uppercase lowered, lowercase uppercased, anything else as it is.
pub fn swapcase(t: &str) -> String {
    let chars: Vec<char> = t.chars().collect();
    let mut out = String::with_capacity(t.len());
    for (i, &c) in chars.iter().enumerate() {
        if is_upper(c) {
            push_lower(&mut out, &chars, i);
        } else if is_lower(c) {
            push_upper(&mut out, c);
        } else {
            out.push(c);
        }
    }
    out
}

/// `str.casefold()`: full case folding, character by character.
pub fn casefold(t: &str) -> String {
    let mut out = String::with_capacity(t.len());
    for c in t.chars() {
        match lookup(FOLD, c) {
            Some(f) => out.push_str(f),
            None if has_case(c) && !in_ranges(NO_LOWER, c) => out.extend(c.to_lowercase()),
            None => out.push(c),
        }
    }
    out
}

/// `str.upper()`.
pub fn upper(t: &str) -> String {
    let mut out = String::with_capacity(t.len());
    t.chars().for_each(|c| push_upper(&mut out, c));
    out
}

/// `str.lower()`: a capital sigma that ends a word becomes `ς`.
pub fn lower(t: &str) -> String {
    let chars: Vec<char> = t.chars().collect();
    let mut out = String::with_capacity(t.len());
    (0..chars.len()).for_each(|i| push_lower(&mut out, &chars, i));
    out
}
