//! The program oracle shared by the corpus and fuzz tests: CPython 3.13.0 runs each file under
//! the virtual-time harness (`tests/programs/harness.py --batch --passes`), the interpreter runs
//! it in process, and the two program outcomes (contract section 6) are compared field by field,
//! and so are the loop passes in which tasks step (the CLI's `passes`) and the passes in which
//! the program's plain callbacks run: a check on the scheduling itself, pass by pass, not only
//! on what the program ends with.
#![allow(dead_code)]

pub mod stderr;

use asyncio_playground::cpython::CPython;
use asyncio_playground::python::{End, Options, Outcome, Program, PROGRAM_THREAD_STACK};
use serde_json::Value;
use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::Stdio;

pub const HARNESS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/programs/harness.py");
/// The folder of the program sets (`corpus`, `real`, `syntax`).
const PROGRAMS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/programs");

/// The outcome fields, in the contract's order. What the program wrote to stderr is compared
/// too, block by block ([`stderr::difference`]; asyncio's own frames collapsed to `...` on both
/// sides).
pub const FIELDS: [&str; 6] = [
    "stdout",
    "stdout_ms",
    "main",
    "tasks",
    "traceback",
    "unretrieved",
];

/// The `.py` files of a folder, sorted.
pub fn python_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("read {}: {e}", dir.display()))
        .filter_map(|e| Some(e.ok()?.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "py"))
        .collect();
    files.sort();
    files
}

/// The `.py` files of one set of `tests/programs/`, sorted.
pub fn programs(set: &str) -> Vec<PathBuf> {
    python_files(&Path::new(PROGRAMS).join(set))
}

/// CPython's outcome for each file (by path), or the harness's error for it.
pub fn cpython_outcomes(py: &CPython, files: &[PathBuf]) -> HashMap<String, Result<Value, String>> {
    let mut child = py
        .command()
        .args([HARNESS, "--batch", "--passes"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("start CPython on the harness");
    let mut stdin = child.stdin.take().expect("piped stdin");
    let input: String = files.iter().map(|f| format!("{}\n", f.display())).collect();
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let mut out = HashMap::new();
    for line in BufReader::new(child.stdout.take().expect("piped stdout")).lines() {
        let line = line.expect("read the harness's output");
        let v: Value =
            serde_json::from_str(&line).unwrap_or_else(|e| panic!("harness printed {line:?}: {e}"));
        let file = v["file"].as_str().expect("a file field").to_string();
        let result = match v.get("outcome") {
            Some(o) => {
                let mut o = o.clone();
                o["stderr"] = v["stderr"].clone();
                o["passes"] = v["passes"].clone();
                o["callbacks"] = v["callbacks"].clone();
                Ok(o)
            }
            None => Err(v["harness_error"]
                .as_str()
                .unwrap_or("no outcome")
                .to_string()),
        };
        out.insert(file, result);
    }
    writer
        .join()
        .expect("writer thread")
        .expect("feed the harness");
    assert!(
        child.wait().expect("harness exit").success(),
        "the harness failed"
    );
    out
}

/// The lines a short program prints, on CPython (`python -c`, plainly, no harness) and on the
/// interpreter: `(ours, theirs)`.
///
/// # Panics
/// When CPython fails or the interpreter stops: a test's program must run on both.
pub fn printed_lines(py: &CPython, source: &str, file: &str) -> (Vec<String>, Vec<String>) {
    let theirs = py
        .command()
        .args(["-c", source])
        .output()
        .expect("run CPython");
    assert!(
        theirs.status.success(),
        "CPython: {}",
        String::from_utf8_lossy(&theirs.stderr)
    );
    let theirs = String::from_utf8_lossy(&theirs.stdout)
        .lines()
        .map(String::from)
        .collect();
    let ours = playground_outcome(source, file).expect("the program runs");
    let ours = ours["stdout"]
        .as_array()
        .expect("stdout")
        .iter()
        .map(|l| l.as_str().unwrap_or_default().to_string())
        .collect();
    (ours, theirs)
}

/// The interpreter's outcome for a program: `Err` with the message for a compile error or a stop.
/// It runs on a thread of its own, as the CLI runs programs (with room for CPython's recursion
/// limit through native calls).
pub fn playground_outcome(source: &str, file: &str) -> Result<Value, String> {
    let (source, file) = (source.to_string(), file.to_string());
    std::thread::Builder::new()
        .stack_size(PROGRAM_THREAD_STACK)
        .spawn(move || outcome_here(&source, &file))
        .expect("a thread for the program")
        .join()
        .unwrap_or_else(|e| std::panic::resume_unwind(e))
}

fn outcome_here(source: &str, file: &str) -> Result<Value, String> {
    let options = Options {
        record_trace: true,
        ..Options::on_program_thread()
    };
    let mut program = Program::new(source, file, &options).map_err(|e| e.render(file, source))?;
    let end = program.run_virtual();
    if let End::Stopped(why) = &end {
        return Err(format!("stopped: {why}"));
    }
    let json = Outcome::collect(&end).to_json();
    // The CLI writes the same JSON as it reads each task (`write_json`, which `json_of` gathers):
    // the two must not drift.
    assert_eq!(
        Outcome::json_of(&end),
        json,
        "{file}: the streamed outcome JSON differs"
    );
    let mut outcome: Value = serde_json::from_str(&json).expect("the outcome is JSON");
    let stderr = asyncio_playground::python::vm::interp::with(|i| i.err.borrow().clone());
    let text: String = stderr.iter().map(|l| format!("{}\n", l.text)).collect();
    outcome["stderr"] = Value::String(text);
    let passes: Vec<Value> = asyncio_playground::python::passes::passes()
        .into_iter()
        .map(|p| {
            let steps: Vec<&str> = p.steps.iter().map(|s| &**s).collect();
            serde_json::json!({"pass": p.pass, "ms": p.ms, "steps": steps})
        })
        .collect();
    outcome["passes"] = Value::Array(passes);
    let callbacks: Vec<Value> = asyncio_playground::python::passes::callbacks()
        .into_iter()
        .map(|(pass, kind)| serde_json::json!({"pass": pass, "by": kind.name()}))
        .collect();
    outcome["callbacks"] = Value::Array(callbacks);
    Ok(outcome)
}

/// Runs every file on both sides; returns one report per disagreement.
pub fn disagreements(py: &CPython, files: &[PathBuf]) -> Vec<String> {
    let cpython = cpython_outcomes(py, files);
    let mut out = Vec::new();
    for f in files {
        let path = f.display().to_string();
        let name = f
            .file_name()
            .map_or(path.clone(), |n| n.to_string_lossy().into_owned());
        let theirs = match cpython.get(&path) {
            Some(Ok(v)) => v,
            Some(Err(e)) => {
                out.push(format!("{name}: the harness could not run it: {e}"));
                continue;
            }
            None => {
                out.push(format!("{name}: the harness gave no answer"));
                continue;
            }
        };
        let source = std::fs::read_to_string(f).unwrap_or_else(|e| panic!("read {path}: {e}"));
        match playground_outcome(&source, &path) {
            Err(e) => out.push(format!(
                "{name}: CPython ran it, the playground did not: {e}"
            )),
            Ok(ours) => {
                for field in FIELDS {
                    if ours[field] != theirs[field] {
                        out.push(format!(
                            "{name}: field {field}\n  playground: {}\n  CPython:    {}",
                            ours[field], theirs[field]
                        ));
                    }
                }
                if let Some(d) = passes_difference(&ours["passes"], &theirs["passes"]) {
                    out.push(format!("{name}: passes: {d}"));
                }
                if let Some(d) = passes_difference(&ours["callbacks"], &theirs["callbacks"]) {
                    out.push(format!("{name}: the program's callbacks (pass, kind): {d}"));
                }
                let text = |v: &Value| v["stderr"].as_str().unwrap_or_default().to_string();
                if let Some(d) = stderr::difference(&text(&ours), &text(theirs)) {
                    out.push(format!("{name}: stderr: {d}"));
                }
            }
        }
    }
    out
}

/// The first record in which the two sides' passes (or callbacks) differ (the tasks that step,
/// or when; the pass a callback ran in, or its kind), if any.
fn passes_difference(ours: &Value, theirs: &Value) -> Option<String> {
    let (a, b) = (ours.as_array()?, theirs.as_array()?);
    let at = (0..a.len().max(b.len())).find(|&i| a.get(i) != b.get(i))?;
    let show = |v: Option<&Value>| v.map_or("no such pass".to_string(), Value::to_string);
    Some(format!(
        "pass record {at} of the run(s)\n  playground: {}\n  CPython:    {}",
        show(a.get(at)),
        show(b.get(at))
    ))
}
