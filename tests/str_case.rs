//! `str`'s case methods, the subset's (`upper`, `lower`, `title`) and the interpreter's others
//! (`capitalize`, `swapcase`, `casefold`, `isupper`, `islower`), for every character from U+0000
//! to U+1FFFF but the surrogates, compared with CPython 3.13's block by block. Rust's own
//! tables are of a later Unicode than CPython's 15.1: this is the check that the interpreter
//! gives CPython's answers, not Rust's.
#![cfg(not(target_arch = "wasm32"))]

mod oracle;

use asyncio_playground::cpython::require_cpython;

/// A block's digest of every mapping of every character in it (the same text on both sides).
fn program(first: u32, last: u32) -> String {
    format!(
        r#"# case mappings of U+{first:04X} to U+{last:04X}
def digest(text):
    total = 0
    for i, ch in enumerate(text):
        total = (total * 31 + ord(ch) * (i + 1)) % 1000000007
    return total


for block in range({first}, {last}, 1024):
    parts = []
    for cp in range(block, block + 1024):
        c = chr(cp)
        parts.append(c.upper() + c.lower() + c.title() + c.capitalize() + c.swapcase()
                     + c.casefold() + str(c.isupper()) + str(c.islower()))
    words = ["ǆungla ΟΔΟΣ. ΣΑΣ ᾳ ǅx straße ʰΣ AΣʰ Aʰ Σ AᴬΣ ΣͅA " + "".join(chr(cp) for cp in range(block, block + 40))]
    parts += [w.upper() + w.lower() + w.title() + w.capitalize() + w.swapcase() + w.casefold() for w in words]
    print(block, digest("|".join(parts)))
"#
    )
}

#[test]
fn every_characters_case_mappings_are_cpythons() {
    let py = require_cpython("str case");
    // The surrogates (U+D800 to U+DFFF) are not characters of the playground's strings.
    let blocks: Vec<(u32, u32)> = (0..0x20000u32)
        .step_by(0x800)
        .map(|first| (first, first + 0x800))
        .filter(|&(first, _)| !(0xD800..0xE000).contains(&first))
        .collect();
    let mut bad = Vec::new();
    for (first, last) in blocks {
        let source = program(first, last);
        let (ours, theirs) = oracle::printed_lines(&py, &source, "case.py");
        assert_eq!(
            theirs.len(),
            ((last - first) / 1024) as usize,
            "a digest per 1,024 characters"
        );
        if ours != theirs {
            bad.push(format!(
                "U+{first:04X}..U+{last:04X}: ours {ours:?}, CPython {theirs:?}"
            ));
        }
    }
    assert!(bad.is_empty(), "case mappings differ:\n{}", bad.join("\n"));
}
