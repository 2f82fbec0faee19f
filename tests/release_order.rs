//! The order in which freed tasks log "Task exception was never retrieved": the corpus test
//! compares those logs without their place (a task in a cycle is logged when CPython's collector
//! runs), so the programs here, which free their failed tasks all at once and in no cycle, check
//! that the whole stderr is CPython's, in order.
#![cfg(not(target_arch = "wasm32"))]

mod oracle;

use asyncio_playground::cpython::require_cpython;
use std::path::PathBuf;

#[test]
fn failed_tasks_freed_together_log_in_cpythons_order() {
    let py = require_cpython("release order");
    let files: Vec<PathBuf> = oracle::programs("corpus")
        .into_iter()
        .filter(|f| f.to_string_lossy().contains("173_unretrieved_list_order"))
        .collect();
    assert_eq!(files.len(), 1);
    let cpython = oracle::cpython_outcomes(&py, &files);
    for f in &files {
        let path = f.display().to_string();
        let theirs = cpython[&path].as_ref().expect("CPython runs it");
        let source = std::fs::read_to_string(f).expect("read the program");
        let ours = oracle::playground_outcome(&source, &path).expect("the playground runs it");
        let logs = |v: &serde_json::Value| {
            v["stderr"]
                .as_str()
                .unwrap_or_default()
                .lines()
                .filter(|l| l.starts_with("future: "))
                .map(String::from)
                .collect::<Vec<_>>()
        };
        assert_eq!(logs(theirs).len(), 3, "CPython logs the three tasks");
        assert_eq!(logs(&ours), logs(theirs), "{path}");
    }
}
