//! The generated Python: the seed articles' shape, only what the scenario needs, valid Python.
#![cfg(not(target_arch = "wasm32"))]

use asyncio_playground::cpython::require_cpython;
use asyncio_playground::program::python_source;
use asyncio_playground::scenario::{Pattern, Spec};

fn source(q: &str) -> String {
    python_source(&Spec::parse(q).unwrap().scenario)
}

#[test]
fn the_default_program_is_the_articles_gather_example() {
    let src = source("");
    assert!(src.starts_with("import asyncio\n"));
    assert!(src.contains("async def work(value):\n    await asyncio.sleep(1)\n"));
    assert!(src.contains("results = await asyncio.gather(*[work(i) for i in range(20)])"));
    assert!(src.trim_end().ends_with("asyncio.run(main())"));
}

#[test]
fn nothing_unused_is_written() {
    let plain = source("pattern=manual");
    for absent in [
        "DELAYS",
        "FAILING",
        "raise",
        "loop =",
        "try:",
        "except",
        "return value",
        "current_task",
    ] {
        assert!(
            !plain.contains(absent),
            "{absent} in a plain manual program:\n{plain}"
        );
    }
    let full =
        source("pattern=manual&sleep=1500,1,2000&fail=1&cancel=2@500&interrupt=3000&linger=250");
    for present in [
        "DELAYS = [1.5, 0.001, 2]",
        "FAILING = {1}",
        "raise ValueError(f'Task {value} failed')",
        "loop = asyncio.get_running_loop()",
        "loop.call_later(3, asyncio.current_task().cancel)",
        "loop.call_later(0.5, tasks[2].cancel)",
        "except Exception as e:",
        "await asyncio.sleep(0.25)",
    ] {
        assert!(full.contains(present), "{present} missing:\n{full}");
    }
}

#[test]
fn each_pattern_uses_its_own_construct() {
    for (pattern, construct) in [
        (Pattern::Sequential, "await work(i)"),
        (Pattern::Manual, "for task in tasks:\n        await task"),
        (
            Pattern::TaskGroup,
            "async with asyncio.TaskGroup() as group:",
        ),
        (Pattern::Wait, "done, pending = await asyncio.wait(tasks)"),
        (Pattern::Gather, "await asyncio.gather("),
    ] {
        assert!(
            source(&format!("pattern={}", pattern.name())).contains(construct),
            "{}",
            pattern.name()
        );
    }
    let wait = source("pattern=wait&timeout=1500&return_when=FIRST_COMPLETED");
    assert!(wait.contains("asyncio.wait(tasks, timeout=1.5, return_when=asyncio.FIRST_COMPLETED)"));
    let gather = source("pattern=gather&cancel=1@5&return_exceptions=1");
    assert!(gather.contains("results = await asyncio.gather(*tasks, return_exceptions=True)"));
}

#[test]
fn long_delay_lists_are_wrapped() {
    let sleeps: Vec<String> = (0..300).map(|i| (i * 7).to_string()).collect();
    let src = source(&format!("sleep={}", sleeps.join(",")));
    assert!(
        src.lines().all(|l| l.len() <= 88),
        "no line over 88 characters"
    );
}

/// A program of every pattern, with every key that pattern takes.
const SPECS: [&str; 5] = [
    "pattern=sequential&tasks=0",
    "pattern=manual&sleep=1500,1,2000&fail=1&cancel=2@500&interrupt=3000&linger=250",
    "pattern=taskgroup&sleep=1,2&cancel=0@1&linger=0",
    "pattern=wait&tasks=0&timeout=0&return_when=FIRST_EXCEPTION",
    "pattern=gather&tasks=3&fail=0,1,2&return_exceptions=1&linger=5",
];

#[test]
fn every_generated_program_compiles_in_the_interpreter() {
    for spec in SPECS {
        let src = source(spec);
        if let Err(e) = asyncio_playground::python::program::compile(&src, "main.py") {
            panic!("{spec}: {}\n{src}", e.render("main.py", &src));
        }
    }
}

#[test]
fn every_generated_program_compiles_in_cpython() {
    let py = require_cpython("generated programs compile");
    for spec in SPECS {
        let out = py
            .command()
            .args(["-c", "import sys, ast; ast.parse(sys.stdin.read())"])
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        use std::io::Write;
        let mut out = out;
        out.stdin
            .take()
            .unwrap()
            .write_all(source(spec).as_bytes())
            .unwrap();
        let result = out.wait_with_output().unwrap();
        assert!(
            result.status.success(),
            "{spec}: {}",
            String::from_utf8_lossy(&result.stderr)
        );
    }
}
