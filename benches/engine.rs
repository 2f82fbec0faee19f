//! `make bench-engine`: the engine against CPython running the same program, side by side.
//!
//! Prints, for each scenario, the median / p95 / range of interleaved repetitions, both sides warm
//! (after one untimed run), of the engine (whole runner, trace recorded) and of CPython (the
//! generated program on the oracle's virtual-time loop), and their ratio; then the engine's heap
//! per live task and the time of a 10,000-task run with random sleeps.
//!
//! Both processes run with the same glibc heap policy, [`HEAP_POLICY`]: freed memory stays in the
//! process. "Warm" then means warm on both sides; with glibc's defaults a 100,000-task gather hands
//! its ~21 MB heap top back to the kernel at the end of every run and the next run faults it back
//! in (44% of its time in the kernel under `perf`), which measures the allocator, not the engine.

#[cfg(not(target_arch = "wasm32"))]
mod bench {
    use asyncio_playground::cpython::find_cpython;
    use asyncio_playground::program::{python_source, ScenarioRun};
    use asyncio_playground::scenario::{Limits, Scenario, Spec};
    use std::alloc::{GlobalAlloc, Layout, System};
    use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
    use std::time::Instant;

    /// Counts the bytes currently allocated on the heap.
    struct Counting;
    static LIVE: AtomicUsize = AtomicUsize::new(0);
    unsafe impl GlobalAlloc for Counting {
        unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
            LIVE.fetch_add(layout.size(), Relaxed);
            System.alloc(layout)
        }
        unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
            LIVE.fetch_sub(layout.size(), Relaxed);
            System.dealloc(ptr, layout)
        }
        unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
            LIVE.fetch_add(new_size, Relaxed);
            LIVE.fetch_sub(layout.size(), Relaxed);
            System.realloc(ptr, layout, new_size)
        }
    }
    #[global_allocator]
    static ALLOC: Counting = Counting;

    const REPEATS: usize = 7;
    /// glibc tunables for this process and the CPython children: never trim the heap top, and keep
    /// blocks up to 32 MB (the most glibc allows) in the heap rather than in their own mappings.
    const HEAP_POLICY: &str =
        "glibc.malloc.trim_threshold=268435456:glibc.malloc.mmap_threshold=33554432";
    const BIG: Limits = Limits {
        max_tasks: 1_000_000,
        max_ms: 600_000,
    };

    /// Unless `GLIBC_TUNABLES` is already set, runs this benchmark again in a child process with
    /// [`HEAP_POLICY`] (glibc reads tunables only at start-up) and exits with its status.
    fn apply_heap_policy() {
        if !cfg!(all(target_os = "linux", target_env = "gnu"))
            || std::env::var_os("GLIBC_TUNABLES").is_some()
        {
            return;
        }
        let status = std::process::Command::new(std::env::current_exe().expect("own path"))
            .args(std::env::args_os().skip(1))
            .env("GLIBC_TUNABLES", HEAP_POLICY)
            .status()
            .expect("re-run the benchmark");
        std::process::exit(status.code().unwrap_or(1));
    }

    fn scenario(spec: &str) -> Scenario {
        Spec::parse_with(spec, &BIG)
            .expect("a valid benchmark spec")
            .scenario
    }

    /// Median, p95 (nearest rank) and range of `xs`, in ms.
    fn stats(xs: &mut [f64]) -> (f64, f64, f64, f64) {
        xs.sort_by(f64::total_cmp);
        let p95 = xs[((xs.len() as f64 * 0.95).ceil() as usize).clamp(1, xs.len()) - 1];
        (xs[xs.len() / 2], p95, xs[0], xs[xs.len() - 1])
    }

    fn engine_ms(sc: &Scenario) -> f64 {
        let start = Instant::now();
        let outcome = ScenarioRun::run_virtual(sc, true);
        let took = start.elapsed().as_secs_f64() * 1000.0;
        assert_eq!(outcome.tasks.len(), sc.tasks as usize);
        took
    }

    /// `{"median":…,"p95":…,"min":…,"max":…}` in ms.
    fn stats_json(xs: &mut [f64]) -> String {
        let (m, p95, lo, hi) = stats(xs);
        format!("{{\"median\":{m:.3},\"p95\":{p95:.3},\"min\":{lo:.3},\"max\":{hi:.3}}}")
    }

    fn throughput(spec: &str, report: &mut Vec<String>) {
        let sc = scenario(spec);
        let py = find_cpython();
        let program = std::env::temp_dir().join(format!(
            "asyncio-playground-bench-{}.py",
            std::process::id()
        ));
        std::fs::write(&program, python_source(&sc)).unwrap();
        let (mut ours, mut theirs) = (Vec::new(), Vec::new());
        // Both sides are measured warm: one untimed engine run first, and each CPython process runs
        // the program twice, of which the second is timed.
        engine_ms(&sc);
        for _ in 0..REPEATS {
            ours.push(engine_ms(&sc));
            if let Some(py) = &py {
                let out = py
                    .command()
                    .arg(concat!(
                        env!("CARGO_MANIFEST_DIR"),
                        "/benches/cpython_run.py"
                    ))
                    .arg(&program)
                    .arg("2")
                    .output()
                    .expect("run CPython");
                let text = String::from_utf8_lossy(&out.stdout).to_string();
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
        let _ = std::fs::remove_file(&program);
        let py_json = if theirs.is_empty() {
            "null".to_string()
        } else {
            stats_json(&mut theirs.clone())
        };
        let engine_json = stats_json(&mut ours.clone());
        report.push(format!(
            "{{\"spec\":\"{spec}\",\"engine_ms\":{engine_json},\"cpython_ms\":{py_json}}}"
        ));
        let (m, p95, lo, hi) = stats(&mut ours);
        println!("{spec}");
        println!("  engine (trace on)  median {m:9.2} ms   p95 {p95:9.2}   range {lo:.2}..{hi:.2}");
        match &py {
            Some(py) => {
                let (pm, pp95, plo, phi) = stats(&mut theirs);
                println!(
                    "  CPython {:<10} median {pm:9.2} ms   p95 {pp95:9.2}   range {plo:.2}..{phi:.2}",
                    py.version_string()
                );
                println!("  ratio: the engine is {:.1}x faster (target: 30x)", pm / m);
            }
            None => println!("  CPython: NOT MEASURED — no CPython 3.12+ found"),
        }
    }

    /// Heap bytes per pending task once every task is sleeping (main awaits the gather).
    fn memory_per_task(trace: bool) -> f64 {
        let n = 100_000u32;
        let sc = scenario(&format!("pattern=gather&tasks={n}&sleep=1000"));
        let before = LIVE.load(Relaxed);
        let mut run = ScenarioRun::new(&sc, trace);
        // Pass 1: main creates the tasks and awaits the gather; pass 2: every task arms its sleep.
        run.run().run_pass(0);
        run.run().run_pass(0);
        assert_eq!(
            run.run().pending_timers(),
            n as usize,
            "every task is sleeping"
        );
        let per_task = (LIVE.load(Relaxed) - before) as f64 / n as f64;
        drop(run);
        per_task
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
        engine_ms(&sc);
        let mut times: Vec<f64> = (0..REPEATS).map(|_| engine_ms(&sc)).collect();
        report.push(format!(
            "{{\"spec\":\"random-10000\",\"engine_ms\":{}}}",
            stats_json(&mut times.clone())
        ));
        let (m, p95, lo, hi) = stats(&mut times);
        println!("pattern=gather&tasks=10000&sleep=<random 0..10000 ms, seeded>");
        println!("  engine (trace on)  median {m:9.2} ms   p95 {p95:9.2}   range {lo:.2}..{hi:.2}   (target: <= 50 ms)");
    }

    pub fn main() {
        apply_heap_policy();
        println!(
            "asyncio-playground engine benchmark: {REPEATS} interleaved repetitions, release build"
        );
        let policy =
            std::env::var("GLIBC_TUNABLES").unwrap_or_else(|_| "allocator defaults".into());
        println!("heap policy of both processes: {policy}\n");
        let mut report = Vec::new();
        for spec in [
            "pattern=gather&tasks=100000&sleep=0",
            "pattern=taskgroup&tasks=100000&sleep=0",
            "pattern=wait&tasks=100000&sleep=0",
        ] {
            throughput(spec, &mut report);
        }
        println!();
        random_sleeps(&mut report);
        println!();
        println!("heap per live task (100,000 tasks sleeping, main awaiting gather):");
        let (with, without) = (memory_per_task(true), memory_per_task(false));
        println!("  trace recorded: {with:.0} B   trace off: {without:.0} B   (target: <= 256 B)");
        let py = find_cpython().map_or("null".to_string(), |p| {
            format!("\"{}\"", p.version_string())
        });
        let json = format!(
            "{{\"cpython\":{py},\"runs\":[{}],\"heap_per_task\":{{\"trace\":{with:.1},\"no_trace\":{without:.1}}}}}\n",
            report.join(",")
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
