//! The loop pass, the ready queue, timers and the virtual clock behave as `BaseEventLoop._run_once`.
#![cfg(not(target_arch = "wasm32"))]

mod common;
use asyncio_playground::engine::{Clock, VirtualClock};
use asyncio_playground::program::ProgramRun;
use asyncio_playground::python::{self, Next, Options, Program};
use asyncio_playground::scenario::Spec;
use common::*;

#[test]
fn create_task_runs_nothing_until_the_creator_suspends() {
    let ran = run_program(
        "import asyncio\n\
         async def work():\n    print('>Task 0 done')\n    return 0\n\
         async def main():\n    asyncio.create_task(work())\n    print('Done.')  # before the task's first step\n    await asyncio.sleep(0)\n\
         asyncio.run(main())\n",
    );
    let printed = ran.printed();
    let lines: Vec<&str> = printed.iter().map(|(_, l)| l.as_str()).collect();
    assert_eq!(lines, ["Done.", ">Task 0 done"]);
    assert_eq!(printed[0].0, 1, "main's first step is the first pass");
    assert_eq!(
        printed[1].0,
        printed[0].0 + 1,
        "the task's first step runs one pass after its creation"
    );
}

#[test]
fn sleep_zero_yields_for_exactly_one_pass() {
    let ran = run_program(
        "import asyncio\n\
         async def main():\n    print('a')\n    await asyncio.sleep(0)\n    print('b')\n    await asyncio.sleep(0)\n    print('c')\n\
         asyncio.run(main())\n",
    );
    let passes: Vec<u32> = ran.printed().iter().map(|(p, _)| *p).collect();
    assert_eq!(passes, [1, 2, 3]);
    assert_eq!(ran.run().borrow().now(), 0, "sleep(0) takes no time");
}

#[test]
fn equal_deadlines_wake_in_arming_order_and_in_one_pass() {
    let ran = run_program(
        "import asyncio\n\
         async def work(value):\n    await asyncio.sleep(1)\n    print(f'>Task {value} done')\n\
         async def main():\n    for i in [2, 0, 1]:\n        asyncio.create_task(work(i))\n    await asyncio.sleep(2)\n\
         asyncio.run(main())\n",
    );
    let printed = ran.printed();
    let order: Vec<&str> = printed.iter().map(|(_, l)| l.as_str()).collect();
    assert_eq!(
        order,
        [">Task 2 done", ">Task 0 done", ">Task 1 done"],
        "arming order"
    );
    assert!(
        printed.iter().all(|(p, _)| *p == 4),
        "the three timers fire in one pass: {printed:?}"
    );
    assert_eq!(ran.outcome.stdout_ms, [1000, 1000, 1000]);
}

#[test]
fn a_task_resumes_one_pass_after_its_timer_fires_and_its_awaiter_one_pass_later() {
    let source = "import asyncio\n\
         async def work():\n    await asyncio.sleep(0.5)\n    print('>Task 0 done')\n    return 0\n\
         async def main():\n    t = asyncio.create_task(work())\n    await t\n    print('Done.')\n\
         asyncio.run(main())\n";
    let options = Options {
        record_trace: true,
        ..Default::default()
    };
    let mut program = Program::new(source, "main.py", &options).unwrap();
    // Pass 1: main runs; pass 2: the task arms its timer; then the loop waits for 500 ms.
    for _ in 0..2 {
        assert!(matches!(program.next_action(), Next::Ready));
        program.run_pass(0);
    }
    assert!(matches!(program.next_action(), Next::At(500_000)));
    let end = program.run_virtual();
    let ran = Ran {
        outcome: python::Outcome::collect(&end),
        program,
    };
    // Pass 3 fires the timer; the task resumes in pass 4; main, woken by the task's end, in pass 5.
    let passes: Vec<u32> = ran.printed().iter().map(|(p, _)| *p).collect();
    assert_eq!(passes, [4, 5]);
    assert_eq!(
        ran.timeline().lane_named(MAIN).unwrap().end.unwrap().0,
        500_000
    );
}

#[test]
fn virtual_clock_jumps_straight_to_the_next_deadline() {
    let ran = run_program(
        "import asyncio\n\
         async def main():\n    await asyncio.sleep(600)\n    await asyncio.sleep(600)\n\
         asyncio.run(main())\n",
    );
    assert_eq!(
        ran.timeline().lane_named(MAIN).unwrap().end.unwrap().0,
        1_200_000_000
    );
    let passes = ran.run().borrow().passes();
    // Main's steps, two timer passes and asyncio.run's shutdown: about ten, not one per ms.
    assert!(
        passes < 20,
        "two timers take a handful of passes, not one per ms: {passes}"
    );
}

#[test]
fn a_cancelled_sleep_never_makes_the_loop_wait_for_its_deadline() {
    let ran = run_program(
        "import asyncio\n\
         async def work():\n    await asyncio.sleep(10)\n\
         async def main():\n    t = asyncio.create_task(work())\n    asyncio.get_running_loop().call_later(0.1, t.cancel)\n\
         \x20   try:\n        await t\n    except asyncio.CancelledError:\n        print('cancelled')\n\
         asyncio.run(main())\n",
    );
    assert_eq!(ran.outcome.stdout_ms, [100]);
    assert_eq!(
        ran.run().borrow().now(),
        100_000,
        "the run ends at the cancel, not at the 10 s deadline"
    );
}

#[test]
fn a_pass_paused_between_callbacks_changes_nothing() {
    let spec = "pattern=taskgroup&tasks=500&sleep=0&fail=250&cancel=7@0";
    let sc = Spec::parse(spec).unwrap().scenario;
    // The interpreter's state is per thread: the whole run is read before the paused one starts.
    let whole = ProgramRun::run_virtual(&sc, true).unwrap();
    let mut run = ProgramRun::new(&sc, true);
    let program = run.program();
    let mut paused = 0;
    loop {
        match program.next_action() {
            Next::Ended(_) => break,
            Next::Ready => {
                let now = program.now();
                paused += usize::from(!program.run_pass_within(now, || true));
            }
            Next::At(deadline) => {
                let mut clock = VirtualClock::at(program.now());
                clock.wait_until(deadline);
                program.run_pass(clock.now());
            }
        }
    }
    assert!(
        paused > 10,
        "the 500-task passes were paused many times ({paused})"
    );
    assert_eq!(run.outcome().unwrap().unwrap().scenario(), Some(&whole));
}
