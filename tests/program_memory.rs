//! A run dropped part-way (the page's Reset) gives back all of its memory: nothing of a program
//! outlives it, whether it ended or was stopped while its tasks were suspended.
#![cfg(not(target_arch = "wasm32"))]

use asyncio_playground::program::ProgramRun;
use asyncio_playground::python::{memory, Next, Options, Program};
use asyncio_playground::scenario::Spec;

/// Starts the scenario, runs `passes` loop passes (virtual clock), then stops it as the page's
/// Reset does.
fn run_then_stop(spec: &Spec, passes: usize) {
    let mut run = ProgramRun::new(&spec.scenario, true);
    for _ in 0..passes {
        let program = run.program();
        match program.next_action() {
            Next::Ready => {
                let now = program.now();
                program.run_pass(now);
            }
            Next::At(t) => program.run_pass(t.div_ceil(1000) * 1000),
            _ => break,
        }
    }
    *run.program() = Program::stopped("reset".into());
}

fn growth_over_cycles(spec: &str, passes: usize) -> isize {
    let spec = Spec::parse(spec).unwrap();
    for _ in 0..20 {
        run_then_stop(&spec, passes);
    }
    let before = memory::live_bytes();
    for _ in 0..200 {
        run_then_stop(&spec, passes);
    }
    memory::live_bytes() - before
}

#[test]
fn a_run_stopped_while_its_tasks_sleep_frees_everything() {
    for passes in [0, 1, 3, 10] {
        let grown = growth_over_cycles("pattern=gather&tasks=50", passes);
        assert!(
            grown <= 4096,
            "after {passes} passes: 200 stopped runs kept {grown} bytes"
        );
    }
}

#[test]
fn a_run_to_its_end_frees_everything() {
    for pattern in ["gather", "taskgroup", "wait", "manual", "sequential"] {
        let grown = growth_over_cycles(&format!("pattern={pattern}&tasks=5&fail=2"), 1_000);
        assert!(grown <= 4096, "{pattern}: 200 runs kept {grown} bytes");
    }
}

/// Programs whose objects form reference cycles: a function and its module's globals, a class and
/// its MRO, an object that holds itself, a recursive closure, a loop whose futures hold its tasks.
const CYCLIC: [&str; 19] = [
    "x = 1",
    "def f():\n    pass",
    "import asyncio",
    "class A:\n    pass",
    "try:\n    1/0\nexcept Exception as e:\n    pass",
    "import asyncio\nasync def main():\n    pass\nasyncio.run(main())",
    "import asyncio\nasync def main():\n    await asyncio.sleep(1)\nasyncio.run(main())",
    "import asyncio\nasync def w():\n    await asyncio.sleep(1)\nasync def main():\n    await asyncio.gather(w(), w())\nasyncio.run(main())",
    "print(1)",
    "def outer():\n    def rec(n):\n        return 0 if n == 0 else rec(n - 1)\n    return rec(3)\nouter()",
    "class N:\n    def __init__(self):\n        self.me = self\nn = N()\nN()",
    "class A:\n    def f(self):\n        return 1\nclass B(A):\n    def f(self):\n        return super().f()\nB().f()",
    "import asyncio\nasync def w():\n    t = asyncio.current_task()\n    await asyncio.sleep(1)\nasync def main():\n    ts = [asyncio.create_task(w()) for _ in range(3)]\n    await asyncio.sleep(0.5)\nasyncio.run(main())",
    "import asyncio\nasync def w(q, l, e):\n    async with l:\n        await q.put(1)\n    await e.wait()\nasync def main():\n    q = asyncio.Queue()\n    l = asyncio.Lock()\n    e = asyncio.Event()\n    t = asyncio.create_task(w(q, l, e))\n    await q.get()\n    e.set()\n    await t\nasyncio.run(main())",
    "import asyncio\nasync def bad():\n    raise ValueError('x')\nasync def main():\n    try:\n        async with asyncio.TaskGroup() as tg:\n            tg.create_task(bad())\n            tg.create_task(asyncio.sleep(1))\n    except* ValueError as eg:\n        global E\n        E = eg\nasyncio.run(main())",
    "import asyncio\nasync def main():\n    loop = asyncio.get_running_loop()\n    f = loop.create_future()\n    loop.call_later(0.1, f.set_result, f)\n    await f\nasyncio.run(main())",
    "g = (x for x in range(3))\nnext(g)",
    "import asyncio\nasync def bad():\n    raise ValueError('x')\nasync def main():\n    asyncio.create_task(bad())\n    await asyncio.sleep(0.1)\nasyncio.run(main())",
    "import asyncio\nasync def main():\n    await asyncio.wait_for(asyncio.sleep(5), 1)\nasyncio.run(main())",
];

#[test]
fn reference_cycles_do_not_outlive_their_program() {
    for source in CYCLIC {
        let run = || {
            let mut program = Program::new(source, "main.py", &Options::default()).unwrap();
            program.run_virtual();
        };
        for _ in 0..5 {
            run();
        }
        let before = memory::live_bytes();
        for _ in 0..100 {
            run();
        }
        // The last run's state lives until the next program starts: start one that holds nothing.
        drop(Program::new("pass", "main.py", &Options::default()).unwrap());
        let grown = memory::live_bytes() - before;
        assert!(grown <= 1024, "100 runs kept {grown} bytes of:\n{source}");
    }
}
