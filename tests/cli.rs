//! The `asyncio-playground` command: run, trace, passes, python, --help, and exit codes.
#![cfg(not(target_arch = "wasm32"))]

use std::process::{Command, Output};

fn cli(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_asyncio-playground"))
        .args(args)
        .output()
        .expect("run the CLI")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

#[test]
fn run_prints_the_outcome_json_and_exits_0_whatever_the_program_did() {
    let o = cli(&["run", "pattern=gather&tasks=3&sleep=3000,1000,2000&fail=1"]);
    assert_eq!(o.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(
        json["spec"],
        "pattern=gather&tasks=3&sleep=3000,1000,2000&fail=1"
    );
    assert_eq!(json["main"]["state"], "failed");
    assert_eq!(json["main"]["error"]["message"], "Task 1 failed");
    assert_eq!(json["tasks"].as_array().unwrap().len(), 3);
}

#[test]
fn an_invalid_spec_exits_2_with_one_line_naming_the_key_and_no_stdout() {
    for (spec, key) in [
        ("taks=3", "taks"),
        ("tasks=-1", "tasks"),
        ("pattern=gather&return_when=FIRST_COMPLETED", "return_when"),
    ] {
        let o = cli(&["run", spec]);
        assert_eq!(o.status.code(), Some(2), "{spec}");
        assert!(o.stdout.is_empty(), "{spec}: nothing on stdout");
        let err = String::from_utf8(o.stderr).unwrap();
        assert_eq!(err.lines().count(), 1, "{spec}: one line: {err}");
        assert!(err.contains(key), "{spec}: names {key}: {err}");
    }
}

#[test]
fn bad_usage_exits_2() {
    assert_eq!(cli(&[]).status.code(), Some(2));
    assert_eq!(cli(&["walk", "tasks=1"]).status.code(), Some(2));
    assert_eq!(cli(&["run", "a", "b"]).status.code(), Some(2));
}

#[test]
fn view_keys_are_accepted_and_ignored() {
    let with = stdout(&cli(&["run", "tasks=2&clock=virtual&theme=dark&autorun=1"]));
    assert_eq!(with, stdout(&cli(&["run", "tasks=2"])));
}

#[test]
fn help_documents_every_scenario_key() {
    let o = cli(&["--help"]);
    assert_eq!(o.status.code(), Some(0));
    let help = stdout(&o);
    for key in asyncio_playground::scenario::SCENARIO_KEYS {
        assert!(help.contains(key), "--help documents {key}");
    }
}

#[test]
fn python_prints_the_generated_program() {
    let spec = "pattern=taskgroup&tasks=4&fail=2";
    let sc = asyncio_playground::scenario::Spec::parse(spec)
        .unwrap()
        .scenario;
    assert_eq!(
        stdout(&cli(&["python", spec])),
        asyncio_playground::program::python_source(&sc)
    );
}

#[test]
fn trace_prints_one_json_object_per_event_ending_with_mains_finish() {
    let text = stdout(&cli(&["trace", "pattern=taskgroup&sleep=1000,500&fail=1"]));
    let events: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(events
        .iter()
        .any(|e| e["event"] == "cancel_requested" && e["cause"]["kind"] == "taskgroup"));
    let last_main = events.iter().rev().find(|e| e["task"] == "Task-1").unwrap();
    assert_eq!(last_main["event"], "finished");
    assert_eq!(last_main["error"]["type"], "ExceptionGroup");
}

/// Writes a program to a temporary file and returns its path.
fn program_file(name: &str, source: &str) -> std::path::PathBuf {
    let path = std::env::temp_dir().join(format!(
        "asyncio-playground-cli-{}-{name}",
        std::process::id()
    ));
    std::fs::write(&path, source).unwrap();
    path
}

#[test]
fn run_of_a_file_prints_the_program_outcome() {
    let path = program_file(
        "hello.py",
        "import asyncio\n\nasync def main():\n    await asyncio.sleep(1)\n    print('hello')\n    return 42\n\nasyncio.run(main())\n",
    );
    let o = cli(&["run", path.to_str().unwrap()]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let json: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(json["stdout"], serde_json::json!(["hello"]));
    assert_eq!(json["stdout_ms"], serde_json::json!([1000]));
    assert_eq!(json["main"]["result"], "42");
    std::fs::remove_file(path).ok();
}

#[test]
fn a_program_from_standard_input_runs_too() {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_asyncio-playground"))
        .args(["run", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"print(7 // -2, -7 % 3)\n")
        .unwrap();
    let o = child.wait_with_output().unwrap();
    assert_eq!(o.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(json["stdout"], serde_json::json!(["-4 2"]));
    assert_eq!(json["main"], serde_json::Value::Null);
}

#[test]
fn a_syntax_error_or_a_refusal_exits_2_with_the_line_and_nothing_on_stdout() {
    for (name, source, says) in [
        ("syntax.py", "def f(:\n    pass\n", "SyntaxError"),
        ("refused.py", "import os\n", "line 1"),
    ] {
        let path = program_file(name, source);
        let o = cli(&["run", path.to_str().unwrap()]);
        let err = String::from_utf8_lossy(&o.stderr).into_owned();
        assert_eq!(o.status.code(), Some(2), "{name}: {err}");
        assert!(o.stdout.is_empty(), "{name}");
        assert!(err.contains(says), "{name}: {err}");
        std::fs::remove_file(path).ok();
    }
}

#[test]
fn a_run_stopped_at_the_time_limit_exits_3_with_the_reason() {
    let path = program_file(
        "forever.py",
        "import asyncio\n\nasync def main():\n    while True:\n        await asyncio.sleep(1)\n\nasyncio.run(main())\n",
    );
    let o = cli(&["run", "--max-time", "5", path.to_str().unwrap()]);
    let err = String::from_utf8_lossy(&o.stderr).into_owned();
    assert_eq!(o.status.code(), Some(3), "{err}");
    assert!(o.stdout.is_empty());
    assert!(err.contains('5'), "names the limit: {err}");
    std::fs::remove_file(path).ok();
}

#[test]
fn passes_prints_each_pass_in_which_tasks_step_with_its_time_and_the_tasks_in_order() {
    let o = cli(&["passes", "pattern=gather&tasks=3&sleep=3000,1000,2000"]);
    assert_eq!(o.status.code(), Some(0));
    let passes: Vec<serde_json::Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object a line"))
        .collect();
    let steps = |p: &serde_json::Value| -> Vec<String> {
        p["steps"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s.as_str().unwrap().to_string())
            .collect()
    };
    // Pass 1: main runs and creates the tasks; pass 2: each takes its first step, in creation
    // order; then each wakes at its own deadline, and main once gather's callback has run.
    assert_eq!(
        (passes[0]["pass"].as_u64(), steps(&passes[0])),
        (Some(1), vec!["Task-1".to_string()])
    );
    assert_eq!(steps(&passes[1]), ["Task-2", "Task-3", "Task-4"]);
    let woken: Vec<(u64, Vec<String>)> = passes[2..]
        .iter()
        .map(|p| (p["ms"].as_u64().unwrap(), steps(p)))
        .collect();
    let expect = |ms: u64, t: &str| (ms, vec![t.to_string()]);
    assert_eq!(
        woken,
        [
            expect(1000, "Task-3"),
            expect(2000, "Task-4"),
            expect(3000, "Task-2"),
            expect(3000, "Task-1")
        ]
    );
    let numbers: Vec<u64> = passes.iter().map(|p| p["pass"].as_u64().unwrap()).collect();
    assert!(
        numbers.windows(2).all(|w| w[0] < w[1]),
        "passes in order: {numbers:?}"
    );
}

#[test]
fn trace_shows_a_result_whose_repr_reads_the_loop_or_runs_the_programs_code() {
    // A task's result that is a task (its repr reads the loop) and one whose `__repr__` is the
    // program's: both are described before the trace's events are written.
    let path = program_file(
        "trace_reprs.py",
        "import asyncio\n\nclass R:\n    def __repr__(self):\n        return 'R!'\n\nasync def value(v):\n    return v\n\nasync def main():\n    inner = asyncio.create_task(value(1))\n    outer = asyncio.create_task(value(inner))\n    r = asyncio.create_task(value(R()))\n    await asyncio.gather(inner, outer, r)\n\nasyncio.run(main())\n",
    );
    let o = cli(&["trace", path.to_str().unwrap()]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let results: Vec<(String, String)> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .filter(|e| e["event"] == "finished" && e["state"] == "done")
        .map(|e| {
            let text = |k: &str| e[k].as_str().unwrap_or_default().to_string();
            (text("task"), text("result"))
        })
        .collect();
    let of = |t: &str| {
        results
            .iter()
            .find(|(n, _)| n == t)
            .map(|(_, r)| r.as_str())
    };
    assert_eq!(of("Task-2"), Some("1"));
    assert!(
        of("Task-3").is_some_and(|r| r.starts_with("<Task finished name='Task-2'")),
        "{results:?}"
    );
    assert_eq!(of("Task-4"), Some("R!"));
    std::fs::remove_file(path).ok();
}
