//! Differential fuzzing: random well-formed programs of the subset (`tests/programs/fuzz.py`:
//! trees of tasks, sleeps, failures, cancels, timeouts, locks, queues, events, try/except/
//! finally, TaskGroups inside gathers) run on the interpreter and on CPython 3.13.0 with equal
//! outcomes. `FUZZ_SEED` and `FUZZ_COUNT` (default 1 and 200) run any number on demand; a
//! disagreement found becomes a corpus file.
#![cfg(not(target_arch = "wasm32"))]

mod oracle;

use asyncio_playground::cpython::require_cpython;

const FUZZ: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/programs/fuzz.py");

fn env_number(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

#[test]
fn random_programs_run_as_on_cpython() {
    let py = require_cpython("fuzz");
    let (seed, count) = (env_number("FUZZ_SEED", 1), env_number("FUZZ_COUNT", 200));
    let dir = std::env::temp_dir().join(format!(
        "asyncio-playground-fuzz-{seed}-{count}-{}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    let status = py
        .command()
        .args([
            FUZZ,
            "--seed",
            &seed.to_string(),
            "--count",
            &count.to_string(),
            "--out",
        ])
        .arg(&dir)
        .status()
        .expect("run the generator");
    assert!(status.success(), "fuzz.py failed");
    let files = oracle::python_files(&dir);
    assert_eq!(
        files.len() as u64,
        count,
        "the generator wrote every program"
    );
    let bad = oracle::disagreements(&py, &files);
    if bad.is_empty() {
        let _ = std::fs::remove_dir_all(&dir);
    }
    assert!(
        bad.is_empty(),
        "{} disagreement(s) with CPython (programs kept in {}):\n{}",
        bad.len(),
        dir.display(),
        bad.join("\n")
    );
    println!(
        "fuzz: {count} programs of seed {seed} agree with CPython {}",
        py.version_string()
    );
}
