//! Syntax errors are reported as CPython 3.13 reports them: for every program of
//! `tests/programs/syntax/`, the CLI exits 2 and writes to stderr exactly what `python3.13 FILE`
//! writes (the file and line, the source line, the carets, the error and its message).
#![cfg(not(target_arch = "wasm32"))]

mod oracle;

use asyncio_playground::cpython::require_cpython;
use std::process::Command;

#[test]
fn every_syntax_error_reads_as_cpythons() {
    let py = require_cpython("syntax errors");
    let files = oracle::programs("syntax");
    assert!(files.len() >= 10, "{} programs found", files.len());
    let mut bad = Vec::new();
    for file in &files {
        let theirs = py.command().arg(file).output().expect("run CPython");
        let ours = Command::new(env!("CARGO_BIN_EXE_asyncio-playground"))
            .arg("run")
            .arg(file)
            .output()
            .expect("run the CLI");
        let (theirs_err, ours_err) = (
            String::from_utf8_lossy(&theirs.stderr),
            String::from_utf8_lossy(&ours.stderr),
        );
        assert!(
            theirs_err.contains("Error:"),
            "{}: CPython ran it: {theirs_err}",
            file.display()
        );
        if ours.status.code() != Some(2) || !ours.stdout.is_empty() || ours_err != theirs_err {
            bad.push(format!(
                "{} (exit {:?})\n--- CPython\n{theirs_err}--- playground\n{ours_err}",
                file.display(),
                ours.status.code()
            ));
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}
