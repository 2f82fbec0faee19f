//! `make bench-engine`: the interpreter on the engine against CPython 3.13 on the same programs.
//!
//! Three kinds of figures, each the median / p95 / range of interleaved repetitions:
//! - **programs** (`benches/programs/*.py`): the whole CLI process (`asyncio-playground run FILE`,
//!   start-up, compilation and the JSON outcome included) against the whole `python3.13 FILE`
//!   process on its real asyncio — the figures of the interpreter issue's section 6;
//! - **scenarios**: a scenario's program through the interpreter in process (trace recorded)
//!   against CPython running the same text on the oracle's virtual-time loop, both warm;
//! - **memory**: heap bytes per pending task (task, coroutine frame, trace) with 100,000 tasks
//!   asleep.
//!
//! CPython runs with the glibc heap policy [`HEAP_POLICY`] (freed memory stays in the process, so
//! "warm" is not a measure of the kernel's page faults); the playground's binaries use mimalloc,
//! which keeps freed memory by itself.

#[cfg(not(target_arch = "wasm32"))]
mod bench {
    use asyncio_playground::cpython::{find_cpython, CPython};
    use asyncio_playground::program::{python_source, ProgramRun};
    use asyncio_playground::python::{memory, Next, Options, Program};
    use asyncio_playground::scenario::{Limits, Scenario, Spec};
    use std::path::Path;
    use std::process::Command;
    use std::time::Instant;

    const REPEATS: usize = 7;
    /// glibc tunables for this process and its children: never trim the heap top, and keep blocks
    /// up to 32 MB in the heap rather than in their own mappings.
    const HEAP_POLICY: &str =
        "glibc.malloc.trim_threshold=268435456:glibc.malloc.mmap_threshold=33554432";
    const BIG: Limits = Limits {
        max_tasks: 1_000_000,
        max_ms: 600_000,
    };
    const PROGRAMS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/benches/programs");
    const CLI: &str = env!("CARGO_BIN_EXE_asyncio-playground");

    /// The programs of section 6 and how many times faster than CPython the CLI must be.
    const TARGETS: [(&str, f64); 2] = [("gather_100k.py", 10.0), ("compute_taskgroup.py", 1.0)];
    /// The bytes one pending task may cost.
    const BYTES_PER_TASK: f64 = 512.0;

    /// Unless `GLIBC_TUNABLES` is already set, runs this benchmark again in a child process with
    /// [`HEAP_POLICY`] (glibc reads tunables only at start-up) and exits with its status.
    fn apply_heap_policy() {
        if !cfg!(all(target_os = "linux", target_env = "gnu"))
            || std::env::var_os("GLIBC_TUNABLES").is_some()
        {
            return;
        }
        let status = Command::new(std::env::current_exe().expect("own path"))
            .args(std::env::args_os().skip(1))
            .env("GLIBC_TUNABLES", HEAP_POLICY)
            .status()
            .expect("re-run the benchmark");
        std::process::exit(status.code().unwrap_or(1));
    }

    /// Median, p95 (nearest rank) and range of `xs`, in ms.
    fn stats(xs: &[f64]) -> (f64, f64, f64, f64) {
        let mut xs = xs.to_vec();
        xs.sort_by(f64::total_cmp);
        let p95 = xs[((xs.len() as f64 * 0.95).ceil() as usize).clamp(1, xs.len()) - 1];
        (xs[xs.len() / 2], p95, xs[0], xs[xs.len() - 1])
    }

    /// `{"median":…,"p95":…,"min":…,"max":…}` in ms.
    fn stats_json(xs: &[f64]) -> String {
        let (m, p95, lo, hi) = stats(xs);
        format!("{{\"median\":{m:.3},\"p95\":{p95:.3},\"min\":{lo:.3},\"max\":{hi:.3}}}")
    }

    fn stats_line(who: &str, xs: &[f64]) -> String {
        let (m, p95, lo, hi) = stats(xs);
        format!("  {who:<22} median {m:9.2} ms   p95 {p95:9.2}   range {lo:.2}..{hi:.2}")
    }

    /// Runs a command to its end; the wall time in ms, and its stdout.
    fn timed(cmd: &mut Command) -> (f64, String) {
        let start = Instant::now();
        let out = cmd.output().expect("run a benchmark process");
        let took = start.elapsed().as_secs_f64() * 1000.0;
        assert!(
            out.status.success(),
            "{cmd:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        (took, String::from_utf8_lossy(&out.stdout).into_owned())
    }

    /// A section 6 program: the CLI process against the CPython process, interleaved.
    fn program(py: Option<&CPython>, file: &str, target: f64, report: &mut Vec<String>) {
        let path = Path::new(PROGRAMS).join(file);
        let (mut ours, mut theirs) = (Vec::new(), Vec::new());
        // One untimed run each: the files are in the page cache, the binaries loaded.
        let (_, json) = timed(Command::new(CLI).arg("run").arg(&path));
        let printed: serde_json::Value = serde_json::from_str(&json).expect("the outcome JSON");
        if let Some(py) = py {
            let (_, text) = timed(py.command().arg(&path));
            assert_eq!(
                printed["stdout"][0].as_str(),
                text.lines().next(),
                "{file}: both print the same"
            );
        }
        for _ in 0..REPEATS {
            ours.push(timed(Command::new(CLI).arg("run").arg(&path)).0);
            if let Some(py) = py {
                theirs.push(timed(py.command().arg(&path)).0);
            }
        }
        println!("{file} (whole process)");
        println!("{}", stats_line("asyncio-playground run", &ours));
        let ratio = if theirs.is_empty() {
            println!("  CPython: NOT MEASURED (no CPython 3.13.0 found)");
            None
        } else {
            println!("{}", stats_line("python3.13", &theirs));
            let ratio = stats(&theirs).0 / stats(&ours).0;
            let verdict = if ratio >= target { "met" } else { "MISSED" };
            println!(
                "  the CLI is {ratio:.1}x as fast as CPython (target: >= {target}x): {verdict}"
            );
            Some(ratio)
        };
        let theirs_json = if theirs.is_empty() {
            "null".into()
        } else {
            stats_json(&theirs)
        };
        report.push(format!(
            "{{\"program\":\"{file}\",\"cli_ms\":{},\"cpython_ms\":{theirs_json},\"target_ratio\":{target},\"ratio\":{}}}",
            stats_json(&ours),
            ratio.map_or("null".into(), |r| format!("{r:.2}"))
        ));
    }

    fn scenario(spec: &str) -> Scenario {
        Spec::parse_with(spec, &BIG)
            .expect("a valid benchmark spec")
            .scenario
    }

    /// One run of the scenario through the interpreter, in ms; `Err` with the reason if a limit
    /// of the interpreter stopped it (the bench reports that rather than a figure).
    fn interpreter_ms(sc: &Scenario) -> Result<f64, String> {
        let start = Instant::now();
        let outcome = ProgramRun::run_virtual(sc, true)?;
        let took = start.elapsed().as_secs_f64() * 1000.0;
        assert_eq!(outcome.tasks.len(), sc.tasks as usize);
        Ok(took)
    }

    /// A scenario through the interpreter (in process, trace on) against CPython running its
    /// program on the oracle's virtual-time loop (`benches/cpython_run.py`), both warm.
    fn scenario_row(py: Option<&CPython>, spec: &str, report: &mut Vec<String>) {
        let sc = scenario(spec);
        let file = std::env::temp_dir().join(format!(
            "asyncio-playground-bench-{}.py",
            std::process::id()
        ));
        std::fs::write(&file, python_source(&sc)).expect("write the program");
        let (mut ours, mut theirs) = (Vec::new(), Vec::new());
        if let Err(why) = interpreter_ms(&sc) {
            println!("{spec}\n  not measured: the run was stopped: {why}");
            report.push(format!(
                "{{\"spec\":\"{spec}\",\"stopped\":\"{}\"}}",
                why.replace('"', "'")
            ));
            std::fs::remove_file(&file).ok();
            return;
        }
        for _ in 0..REPEATS {
            ours.push(interpreter_ms(&sc).expect("it ran to its end once"));
            if let Some(py) = py {
                let runner = concat!(env!("CARGO_MANIFEST_DIR"), "/benches/cpython_run.py");
                let (_, text) = timed(py.command().arg(runner).arg(&file).arg("2"));
                let secs: f64 = text
                    .lines()
                    .last()
                    .unwrap_or("")
                    .trim()
                    .parse()
                    .expect("CPython's time");
                theirs.push(secs * 1000.0);
            }
        }
        std::fs::remove_file(&file).ok();
        println!("{spec}");
        println!("{}", stats_line("interpreter (trace on)", &ours));
        if !theirs.is_empty() {
            println!("{}", stats_line("CPython, virtual loop", &theirs));
            println!(
                "  ratio: {:.1}x as fast as CPython",
                stats(&theirs).0 / stats(&ours).0
            );
        }
        let theirs_json = if theirs.is_empty() {
            "null".into()
        } else {
            stats_json(&theirs)
        };
        report.push(format!(
            "{{\"spec\":\"{spec}\",\"engine_ms\":{},\"cpython_ms\":{theirs_json}}}",
            stats_json(&ours)
        ));
    }

    /// Heap bytes per pending task once 100,000 tasks are asleep (main awaiting their gather),
    /// counted on a thread of its own: the count is per thread, and a fresh one holds nothing of
    /// an earlier program (whose state goes only when the next one starts).
    fn memory_per_task(record_trace: bool) -> f64 {
        std::thread::spawn(move || {
            let n = 100_000u32;
            let source = format!(
                "import asyncio\n\nasync def work(i):\n    await asyncio.sleep(1000)\n    return i\n\n\
                 async def main():\n    await asyncio.gather(*[work(i) for i in range({n})])\n\nasyncio.run(main())\n"
            );
            let before = memory::live_bytes();
            let options = Options {
                record_trace,
                ..Options::default()
            };
            let mut program = Program::new(&source, "main.py", &options).expect("it compiles");
            // Pass 1: main creates the tasks and awaits the gather; pass 2: every task arms its
            // sleep; then the loop waits for the first deadline.
            while let Next::Ready = program.next_action() {
                let now = program.now();
                program.run_pass(now);
            }
            (memory::live_bytes() - before) as f64 / f64::from(n)
        })
        .join()
        .expect("the measuring thread ends")
    }

    fn random_sleeps(report: &mut Vec<String>) {
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let sleeps: Vec<String> = (0..10_000)
            .map(|_| {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                (seed % 10_001).to_string()
            })
            .collect();
        let sc = scenario(&format!("pattern=gather&sleep={}", sleeps.join(",")));
        let run = || interpreter_ms(&sc).expect("10,000 tasks stay within the limits");
        run();
        let times: Vec<f64> = (0..REPEATS).map(|_| run()).collect();
        report.push(format!(
            "{{\"spec\":\"random-10000\",\"engine_ms\":{}}}",
            stats_json(&times)
        ));
        println!("pattern=gather&tasks=10000&sleep=<random 0..10000 ms, seeded>");
        println!(
            "{}   (target: <= 50 ms)",
            stats_line("interpreter (trace on)", &times)
        );
    }

    pub fn main() {
        apply_heap_policy();
        println!("asyncio-playground: the interpreter against CPython, {REPEATS} interleaved repetitions, release build");
        let policy =
            std::env::var("GLIBC_TUNABLES").unwrap_or_else(|_| "allocator defaults".into());
        println!("heap policy of every process: {policy}\n");
        let py = find_cpython();
        let mut programs = Vec::new();
        for (file, target) in TARGETS {
            program(py.as_ref(), file, target, &mut programs);
            println!();
        }
        let mut runs = Vec::new();
        for spec in [
            "pattern=gather&tasks=100000&sleep=0",
            "pattern=taskgroup&tasks=100000&sleep=0",
            "pattern=wait&tasks=100000&sleep=0",
        ] {
            scenario_row(py.as_ref(), spec, &mut runs);
        }
        println!();
        random_sleeps(&mut runs);
        println!();
        let (with, without) = (memory_per_task(true), memory_per_task(false));
        let verdict = if with <= BYTES_PER_TASK {
            "met"
        } else {
            "MISSED"
        };
        println!("heap per pending task (100,000 tasks asleep, main awaiting their gather):");
        println!("  trace recorded: {with:.0} B   trace off: {without:.0} B   (target: <= {BYTES_PER_TASK} B): {verdict}");
        let version = py.as_ref().map_or("null".to_string(), |p| {
            format!("\"{}\"", p.version_string())
        });
        let json = format!(
            "{{\"cpython\":{version},\"programs\":[{}],\"runs\":[{}],\"heap_per_task\":{{\"trace\":{with:.1},\"no_trace\":{without:.1},\"target\":{BYTES_PER_TASK}}}}}\n",
            programs.join(","),
            runs.join(",")
        );
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/target/bench");
        let _ = std::fs::create_dir_all(dir);
        let _ = std::fs::write(format!("{dir}/engine.json"), json);
    }
}

fn main() {
    #[cfg(not(target_arch = "wasm32"))]
    bench::main();
}
