//! `str`'s character classes (`isalpha`, `isdecimal`, `isdigit`, `isnumeric`, `isalnum`) for every
//! character of the planes that have letters and numbers (U+0000 to U+323FF, but the
//! surrogates) and of the tags and variation selectors (U+E0000 to U+E01FF), compared with
//! CPython 3.13's block by block. Rust's `char::is_alphabetic` is another property of a later
//! Unicode: this is the check that the interpreter answers as CPython's 15.1 tables do.
#![cfg(not(target_arch = "wasm32"))]

mod oracle;

use asyncio_playground::cpython::require_cpython;

/// Per 1,024 characters, which of them each predicate accepts, as a digest (the same text on
/// both sides), and one line of words that mix classes. The surrogates are skipped: they are not
/// characters of the playground's strings.
fn program(first: u32, last: u32) -> String {
    format!(
        r#"# character classes of U+{first:04X} to U+{last:04X}
def digest(flags):
    total = 0
    for i, f in enumerate(flags):
        total = (total * 3 + (i + 1) * f) % 1000000007
    return total


for block in range({first}, {last}, 1024):
    flags = []
    for cp in range(block, block + 1024):
        if 0xD800 <= cp < 0xE000:
            continue
        c = chr(cp)
        flags.append(c.isalpha() + 2 * c.isdecimal() + 4 * c.isdigit() + 8 * c.isnumeric() + 16 * c.isalnum())
    text = "".join(chr(cp) for cp in range(block, block + 8) if not 0xD800 <= cp < 0xE000)
    words = [text, "Ⅻ²½四ͅa1", "abc" + text, ""]
    print(block, digest(flags), [(w.isalpha(), w.isdigit(), w.isnumeric(), w.isalnum()) for w in words])
"#
    )
}

#[test]
fn every_characters_classes_are_cpythons() {
    let py = require_cpython("str classes");
    let blocks: Vec<(u32, u32)> = (0..0x32400u32)
        .step_by(0x2000)
        .map(|first| (first, (first + 0x2000).min(0x32400)))
        .chain([(0xE0000, 0xE0400)])
        .collect();
    let mut bad = Vec::new();
    for (first, last) in blocks {
        let source = program(first, last);
        let (ours, theirs) = oracle::printed_lines(&py, &source, "classes.py");
        assert_eq!(
            theirs.len(),
            (last - first).div_ceil(1024) as usize,
            "a digest per 1,024 characters"
        );
        if ours != theirs {
            bad.push(format!(
                "U+{first:04X}..U+{last:04X}: ours {ours:?}, CPython {theirs:?}"
            ));
        }
    }
    assert!(
        bad.is_empty(),
        "character classes differ:\n{}",
        bad.join("\n")
    );
}
