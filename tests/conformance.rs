//! Conformance: a scenario's outcome, read off its program's run through the interpreter, equals
//! CPython's for every scenario in `conformance/scenarios.txt` and for seeded random ones.
#![cfg(not(target_arch = "wasm32"))]

use asyncio_playground::cpython::{require_cpython, CPython};
use asyncio_playground::program::{python_source, ProgramRun};
use asyncio_playground::scenario::Spec;
use serde_json::{json, Value};
use std::io::{BufRead, BufReader, Write};
use std::process::Stdio;

const ORACLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/conformance/oracle.py");

fn scenarios() -> Vec<String> {
    let text = include_str!("conformance/scenarios.txt");
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(String::from)
        .collect()
}

/// Runs the oracle on `(spec, tasks, program)` cases; one outcome per case.
fn oracle(py: &CPython, cases: &[(String, u32, String)]) -> Vec<Value> {
    let mut child = py
        .command()
        .arg(ORACLE)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("start CPython");
    let mut stdin = child.stdin.take().unwrap();
    let input: String = cases
        .iter()
        .map(|(spec, tasks, program)| {
            json!({"spec": spec, "tasks": tasks, "program": program}).to_string() + "\n"
        })
        .collect();
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let out: Vec<Value> = BufReader::new(child.stdout.take().unwrap())
        .lines()
        .map(|l| serde_json::from_str(&l.expect("read oracle output")).expect("oracle prints JSON"))
        .collect();
    writer.join().unwrap().expect("feed the oracle");
    assert!(child.wait().unwrap().success(), "the oracle failed");
    assert_eq!(out.len(), cases.len(), "the oracle answered every case");
    out
}

/// Seeded random scenarios: every pattern and key, small task counts, sleeps on a coarse grid so
/// that equal deadlines (ties) are common. `CONFORMANCE_RANDOM=N` runs N of them (default 150).
fn random_scenarios(n: usize) -> Vec<String> {
    let mut seed = 0x9e37_79b9_7f4a_7c15u64;
    let mut next = move |m: u64| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed % m
    };
    (0..n)
        .map(|_| {
            let pattern = ["sequential", "manual", "taskgroup", "wait", "gather"][next(5) as usize];
            let tasks = next(7);
            let mut q = format!("pattern={pattern}&tasks={tasks}");
            if tasks > 1 && next(3) > 0 {
                let sleeps: Vec<String> = (0..tasks).map(|_| (next(4) * 500).to_string()).collect();
                q += &format!("&sleep={}", sleeps.join(","));
            } else {
                q += &format!("&sleep={}", next(3) * 500);
            }
            let fail: Vec<String> = (0..tasks)
                .filter(|_| next(4) == 0)
                .map(|i| i.to_string())
                .collect();
            if !fail.is_empty() {
                q += &format!("&fail={}", fail.join(","));
            }
            if tasks > 0 && pattern != "sequential" && next(3) == 0 {
                let cancels: Vec<String> = (0..1 + next(2))
                    .map(|_| format!("{}@{}", next(tasks), next(5) * 500))
                    .collect();
                q += &format!("&cancel={}", cancels.join(","));
            }
            if next(4) == 0 {
                q += &format!("&interrupt={}", next(6) * 500);
            }
            if next(3) == 0 {
                q += &format!("&linger={}", next(5) * 500);
            }
            match pattern {
                "gather" if next(2) == 0 => q += "&return_exceptions=1",
                "wait" => {
                    q += [
                        "",
                        "&return_when=FIRST_COMPLETED",
                        "&return_when=FIRST_EXCEPTION",
                    ][next(3) as usize];
                    if next(3) == 0 {
                        q += &format!("&timeout={}", next(5) * 500);
                    }
                }
                _ => {}
            }
            q
        })
        .collect()
}

#[test]
fn scenario_outcome_equals_cpython_outcome_for_every_listed_scenario() {
    let py = require_cpython("conformance");
    let listed = scenarios();
    assert!(listed.len() >= 60, "the suite keeps at least 60 scenarios");
    let n_random = std::env::var("CONFORMANCE_RANDOM")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(150);
    let specs: Vec<String> = listed
        .iter()
        .cloned()
        .chain(random_scenarios(n_random))
        .collect();
    let cases: Vec<(String, u32, String)> = specs
        .iter()
        .map(|s| {
            let sc = Spec::parse(s)
                .unwrap_or_else(|e| panic!("{s}: {e}"))
                .scenario;
            (s.clone(), sc.tasks, python_source(&sc))
        })
        .collect();
    let cpython = oracle(&py, &cases);
    let mut mismatches = Vec::new();
    for ((spec, _, _), theirs) in cases.iter().zip(&cpython) {
        let sc = Spec::parse(spec).unwrap().scenario;
        let ours = ProgramRun::run_virtual(&sc, false)
            .unwrap_or_else(|why| panic!("{spec}: stopped: {why}"));
        let ours: Value = serde_json::from_str(&ours.to_json()).unwrap();
        for field in ["stdout", "main", "returned", "tasks"] {
            if ours[field] != theirs[field] {
                mismatches.push(format!(
                    "{spec}\n  field {field}\n  engine:  {}\n  CPython: {}",
                    ours[field], theirs[field]
                ));
            }
        }
    }
    assert!(
        mismatches.is_empty(),
        "{} disagreement(s) with CPython:\n{}",
        mismatches.len(),
        mismatches.join("\n")
    );
    println!(
        "conformance: {} listed and {n_random} random scenarios agree with CPython {}",
        listed.len(),
        py.version_string()
    );
}

/// The generated source runs as is under plain `python3` (real clock, no oracle) and prints exactly
/// the engine's stdout. Sleeps are 0 to 120 ms apart by 40 ms so real-clock jitter cannot reorder them.
#[test]
fn generated_program_runs_as_is_and_prints_the_engine_stdout() {
    let py = require_cpython("python as is");
    for spec in [
        "pattern=gather&sleep=120,40,80&fail=1&linger=60",
        "pattern=taskgroup&sleep=120,40,80&fail=1&linger=60",
        "pattern=manual&sleep=120,40,80&cancel=2@60&linger=10",
        "pattern=wait&sleep=120,40,80&return_when=FIRST_COMPLETED",
        "pattern=sequential&tasks=3&sleep=0&fail=2",
    ] {
        let sc = Spec::parse(spec).unwrap().scenario;
        let out = py.run_source(&python_source(&sc)).expect("run python");
        let printed: Vec<String> = String::from_utf8(out.stdout)
            .unwrap()
            .lines()
            .map(String::from)
            .collect();
        let outcome = ProgramRun::run_virtual(&sc, false).unwrap();
        assert_eq!(printed, outcome.stdout, "{spec}");
    }
}
