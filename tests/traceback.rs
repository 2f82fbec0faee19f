//! A scenario's program ends as CPython 3.13 ends it: the traceback it prints (asyncio's own
//! frames collapsed to `...`), its main, its tasks and what nobody retrieved, field for field.
#![cfg(not(target_arch = "wasm32"))]

mod oracle;

use asyncio_playground::cpython::require_cpython;
use asyncio_playground::program::python_source;
use asyncio_playground::scenario::Spec;
use std::path::PathBuf;

/// Scenarios whose programs end in a traceback or a cancellation of every kind.
const ENDINGS: [&str; 8] = [
    "pattern=taskgroup&tasks=3&sleep=10&fail=0,2",
    "pattern=taskgroup&tasks=3&sleep=10,20,30&fail=1&cancel=2@5",
    "pattern=gather&tasks=2&sleep=10&fail=1",
    "pattern=gather&tasks=2&sleep=50&interrupt=10",
    "pattern=sequential&tasks=3&sleep=10&fail=1",
    "pattern=manual&tasks=3&sleep=10,20,30&fail=0&interrupt=15",
    "pattern=wait&tasks=3&sleep=10&fail=1&return_when=FIRST_EXCEPTION",
    "pattern=gather&tasks=3&sleep=10&fail=0,1&return_exceptions=1",
];

/// Writes each scenario's program to a file of its own.
fn program_files(dir: &std::path::Path) -> Vec<PathBuf> {
    ENDINGS
        .iter()
        .enumerate()
        .map(|(i, spec)| {
            let sc = Spec::parse(spec)
                .unwrap_or_else(|e| panic!("{spec}: {e}"))
                .scenario;
            let path = dir.join(format!("scenario_{i}.py"));
            std::fs::write(&path, python_source(&sc)).expect("write the program");
            path
        })
        .collect()
}

#[test]
fn scenario_programs_end_as_on_cpython_traceback_included() {
    let py = require_cpython("traceback");
    let dir = std::env::temp_dir().join(format!("asyncio-playground-tb-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary folder");
    let files = program_files(&dir);
    let bad = oracle::disagreements(&py, &files);
    std::fs::remove_dir_all(&dir).ok();
    let listed: Vec<String> = ENDINGS
        .iter()
        .enumerate()
        .map(|(i, s)| format!("scenario_{i}.py: {s}"))
        .collect();
    assert!(
        bad.is_empty(),
        "{}\n\nwhere\n{}",
        bad.join("\n"),
        listed.join("\n")
    );
}

#[test]
fn an_exception_group_lists_its_members_after_the_program_frames() {
    let spec = "pattern=taskgroup&tasks=3&sleep=10&fail=0,2";
    let sc = Spec::parse(spec).unwrap().scenario;
    let ours = oracle::playground_outcome(&python_source(&sc), "main.py").expect("it runs");
    let tb = &ours["traceback"];
    let frames: Vec<&str> = tb["frames"]
        .as_array()
        .expect("frames")
        .iter()
        .map(|f| f["function"].as_str().unwrap())
        .collect();
    assert_eq!(frames, ["<module>", "main"], "{tb}");
    let text: Vec<&str> = tb["exception"]
        .as_array()
        .expect("exception lines")
        .iter()
        .map(|l| l.as_str().unwrap())
        .collect();
    let has = |needle: &str| text.iter().any(|l| l.ends_with(needle));
    assert!(
        has("ExceptionGroup: unhandled errors in a TaskGroup (2 sub-exceptions)"),
        "{text:#?}"
    );
    assert!(
        has("ValueError: Task 0 failed") && has("ValueError: Task 2 failed"),
        "{text:#?}"
    );
}
