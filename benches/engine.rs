//! `make bench-engine`: the engine against CPython running the same program, side by side.
//!
//! Prints, for each scenario, the median / p95 / range of interleaved repetitions of the engine
//! (whole runner, trace recorded) and of CPython (the generated program on the oracle's
//! virtual-time loop), and their ratio; then the engine's heap per live task and the time of a
//! 10,000-task run with random sleeps.

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
    const BIG: Limits = Limits {
        max_tasks: 1_000_000,
        max_ms: 600_000,
    };

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

    fn throughput(spec: &str) {
        let sc = scenario(spec);
        let py = find_cpython();
        let program = std::env::temp_dir().join(format!(
            "asyncio-playground-bench-{}.py",
            std::process::id()
        ));
        std::fs::write(&program, python_source(&sc)).unwrap();
        let (mut ours, mut theirs) = (Vec::new(), Vec::new());
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
                    .arg("1")
                    .output()
                    .expect("run CPython");
                let secs: f64 = String::from_utf8_lossy(&out.stdout)
                    .trim()
                    .parse()
                    .expect("CPython's time");
                theirs.push(secs * 1000.0);
            }
        }
        let _ = std::fs::remove_file(&program);
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

    fn random_sleeps() {
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
        let mut times: Vec<f64> = (0..REPEATS).map(|_| engine_ms(&sc)).collect();
        let (m, p95, lo, hi) = stats(&mut times);
        println!("pattern=gather&tasks=10000&sleep=<random 0..10000 ms, seeded>");
        println!("  engine (trace on)  median {m:9.2} ms   p95 {p95:9.2}   range {lo:.2}..{hi:.2}   (target: <= 50 ms)");
    }

    pub fn main() {
        println!("asyncio-playground engine benchmark: {REPEATS} interleaved repetitions, release build\n");
        for spec in [
            "pattern=gather&tasks=100000&sleep=0",
            "pattern=taskgroup&tasks=100000&sleep=0",
            "pattern=wait&tasks=100000&sleep=0",
        ] {
            throughput(spec);
        }
        println!();
        random_sleeps();
        println!();
        println!("heap per live task (100,000 tasks sleeping, main awaiting gather):");
        println!(
            "  trace recorded: {:.0} B   trace off: {:.0} B   (target: <= 256 B)",
            memory_per_task(true),
            memory_per_task(false)
        );
    }
}

fn main() {
    #[cfg(not(target_arch = "wasm32"))]
    bench::main();
}
