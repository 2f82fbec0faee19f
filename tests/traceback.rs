//! The console's traceback ends as CPython 3.13 prints it (frames elided).
#![cfg(not(target_arch = "wasm32"))]

use asyncio_playground::cpython::find_cpython;
use asyncio_playground::engine::Exc;
use asyncio_playground::program::{python_source, traceback, ScenarioRun};
use asyncio_playground::scenario::Spec;

/// CPython's stderr for a spec, line by line.
fn cpython_stderr(spec: &str) -> Option<Vec<String>> {
    let py = find_cpython()?;
    let sc = Spec::parse(spec).unwrap().scenario;
    let out = py.run_source(&python_source(&sc)).unwrap();
    Some(
        String::from_utf8(out.stderr)
            .unwrap()
            .lines()
            .map(String::from)
            .collect(),
    )
}

#[test]
fn a_plain_exception_ends_with_its_type_and_message() {
    let lines = traceback(&Exc::TaskFailed(1));
    assert_eq!(lines.first().unwrap(), "Traceback (most recent call last):");
    assert_eq!(lines.last().unwrap(), "ValueError: Task 1 failed");
}

#[test]
fn an_exception_group_ends_like_cpython_313() {
    let spec = "pattern=taskgroup&tasks=3&sleep=10&fail=0,2";
    let sc = Spec::parse(spec).unwrap().scenario;
    let ours = traceback(
        ScenarioRun::run_virtual(&sc, false)
            .main
            .error
            .as_ref()
            .unwrap(),
    );
    let Some(theirs) = cpython_stderr(spec) else {
        eprintln!("*** SKIPPED: no CPython 3.12+ found ***");
        return;
    };
    // Every line we print that is not an elision appears in CPython's output, in the same order.
    let mut it = theirs.iter();
    for line in ours
        .iter()
        .filter(|l| !l.trim_start_matches([' ', '|']).starts_with("..."))
    {
        assert!(
            it.any(|t| t == line),
            "{line:?} not found in order in CPython's traceback:\n{}",
            theirs.join("\n")
        );
    }
}

#[test]
fn a_plain_exception_and_a_cancelled_main_end_like_cpython() {
    for spec in [
        "pattern=gather&tasks=2&sleep=10&fail=1",
        "pattern=gather&tasks=2&sleep=50&interrupt=10",
    ] {
        let sc = Spec::parse(spec).unwrap().scenario;
        let outcome = ScenarioRun::run_virtual(&sc, false);
        let ours = traceback(outcome.main.error.as_ref().unwrap_or(&Exc::Cancelled));
        let Some(theirs) = cpython_stderr(spec) else {
            eprintln!("*** SKIPPED: no CPython 3.12+ found ***");
            return;
        };
        assert_eq!(theirs.last(), ours.last(), "{spec}: the last line");
        assert!(
            theirs.contains(&ours[0]),
            "{spec}: {:?} is in CPython's traceback",
            ours[0]
        );
    }
}
