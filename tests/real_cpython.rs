//! Programs whose output the virtual-time harness would change: a pending task's repr lists its
//! done-callbacks, and the harness adds one to every task. For each program of
//! `tests/programs/real/` (short, and printing no times), what `python3.13 FILE` prints on the real
//! clock must be what the playground prints on the virtual one.
#![cfg(not(target_arch = "wasm32"))]

mod oracle;

use asyncio_playground::cpython::require_cpython;
use std::process::Command;

#[test]
fn every_real_clock_program_prints_what_cpython_prints() {
    let py = require_cpython("real-clock programs");
    let files = oracle::programs("real");
    assert!(!files.is_empty());
    for file in &files {
        let theirs = py.command().arg(file).output().expect("run CPython");
        assert!(
            theirs.status.success(),
            "{}: CPython failed",
            file.display()
        );
        let ours = Command::new(env!("CARGO_BIN_EXE_asyncio-playground"))
            .arg("run")
            .arg(file)
            .output()
            .expect("run the CLI");
        let outcome: serde_json::Value =
            serde_json::from_slice(&ours.stdout).expect("the outcome JSON");
        let printed: Vec<String> = outcome["stdout"]
            .as_array()
            .expect("stdout lines")
            .iter()
            .map(|l| l.as_str().unwrap_or_default().to_string())
            .collect();
        let expected: Vec<String> = String::from_utf8_lossy(&theirs.stdout)
            .lines()
            .map(str::to_string)
            .collect();
        assert_eq!(printed, expected, "{}", file.display());
    }
}
