//! The corpus (`tests/programs/corpus`): every program's outcome on the interpreter equals its
//! outcome on CPython 3.13.0 under the virtual-time harness, field for field.
#![cfg(not(target_arch = "wasm32"))]

mod oracle;

use asyncio_playground::cpython::require_cpython;

#[test]
fn every_corpus_program_runs_as_on_cpython() {
    let py = require_cpython("corpus");
    let files = oracle::programs("corpus");
    assert!(
        files.len() >= 80,
        "the corpus keeps at least 80 programs ({} found)",
        files.len()
    );
    let bad = oracle::disagreements(&py, &files);
    assert!(
        bad.is_empty(),
        "{} disagreement(s) with CPython:\n{}",
        bad.len(),
        bad.join("\n")
    );
    println!(
        "corpus: {} programs agree with CPython {}",
        files.len(),
        py.version_string()
    );
}
