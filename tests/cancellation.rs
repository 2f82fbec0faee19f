//! Cancellation: delivered at the await point, forwarded, never-started tasks, causes, shutdown.
#![cfg(not(target_arch = "wasm32"))]

mod common;
use asyncio_playground::engine::{CancelCause, Finish};
use asyncio_playground::program::TaskState::*;
use common::*;

const CANCEL_BEFORE_THE_FIRST_STEP: &str = "\
import asyncio


async def work():
    print('>Task 0 done')
    return 0


async def main():
    t = asyncio.create_task(work())
    print(t.cancel())
    try:
        await t
    except asyncio.CancelledError:
        print('cancelled')
    print(t.cancel())


asyncio.run(main())
";

#[test]
fn a_task_cancelled_before_its_first_step_never_runs_its_body() {
    let ran = run_program(CANCEL_BEFORE_THE_FIRST_STEP);
    // cancel() of a pending task returns True, of a done one False; the body never printed.
    assert_eq!(ran.outcome.stdout, ["True", "cancelled", "False"]);
    let t = ran.timeline();
    let line = line_in(CANCEL_BEFORE_THE_FIRST_STEP, "print(t.cancel())");
    let cause = CancelCause::Program {
        line,
        by: Some(id(&t, MAIN)),
    };
    let end = t.lane_named("Task-2").unwrap().end.unwrap();
    assert_eq!(
        end,
        (
            0,
            Finish::Cancelled {
                cause: Some(cause),
                started: false
            }
        )
    );
}

#[test]
fn cancel_at_a_time_is_delivered_and_reported_with_its_time() {
    let spec = "pattern=manual&sleep=3000,1000,2000&cancel=0@500";
    let t = timeline(spec);
    let lane = t.lane_named(&task(0)).unwrap();
    // `loop.call_later(0.5, tasks[0].cancel)`: the program's cancel, from a callback.
    let cause = CancelCause::Program {
        line: line_of(spec, "tasks[0].cancel"),
        by: None,
    };
    assert_eq!(lane.cancel_requested, Some((500_000, cause)));
    assert_eq!(
        lane.end.unwrap().1,
        Finish::Cancelled {
            cause: Some(cause),
            started: true
        }
    );
    let o = outcome(spec);
    assert_eq!(
        (o.tasks[0].state, o.tasks[0].end_ms),
        (Cancelled, Some(500))
    );
    assert_eq!(
        o.main.state, Cancelled,
        "awaiting a cancelled task raises CancelledError"
    );
    assert_eq!(cause_in(&t, MAIN), None, "it came from what main awaited");
}

#[test]
fn cancelling_main_forwards_the_cancel_only_to_the_task_it_awaits() {
    let spec = "pattern=manual&sleep=3000,1000,2000&interrupt=1500";
    let o = outcome(spec);
    assert_eq!(states(&o), [Cancelled, Done, Cancelled]);
    let t = timeline(spec);
    assert_eq!(
        cause_in(&t, &task(0)),
        Some(CancelCause::Awaiter {
            awaiter: id(&t, MAIN)
        })
    );
    assert_eq!(cause_in(&t, &task(2)), Some(CancelCause::Shutdown));
    // The scenario's interrupt is program code: `call_later(1.5, asyncio.current_task().cancel)`.
    let line = line_of(spec, "asyncio.current_task().cancel");
    assert_eq!(
        cause_in(&t, MAIN),
        Some(CancelCause::Program { line, by: None })
    );
}

#[test]
fn a_late_failure_behind_a_slow_task_is_seen_only_when_main_reaches_it() {
    let o = outcome("pattern=manual&sleep=3000,1000,2000&fail=1");
    assert_eq!(
        o.main.end_ms, 3000,
        "main sees task 1's error only after task 0 is done"
    );
    assert_eq!(o.main.error, Some(value_error(1)));
    assert_eq!(states(&o), [Done, Failed, Done]);
    assert_eq!(o.tasks[1].end_ms, Some(1000));
}

#[test]
fn sequential_stops_at_the_first_failure_and_never_reaches_the_rest() {
    let o = outcome("pattern=sequential&tasks=4&fail=1");
    assert_eq!(states(&o), [Done, Failed, NotStarted, NotStarted]);
    assert_eq!(o.tasks[2].end_ms, None);
    assert_eq!(o.main.end_ms, 2000, "one after another: the sleeps add up");
}

#[test]
fn asyncio_run_cancels_what_is_left_when_main_ends() {
    let spec = "pattern=wait&sleep=3000,1000,2000&timeout=1500";
    let o = outcome(spec);
    assert_eq!(states(&o), [Cancelled, Done, Cancelled]);
    assert_eq!(
        o.tasks[0].end_ms,
        Some(1500),
        "cancelled at shutdown, right after main"
    );
    assert_eq!((o.main.state, o.main.end_ms), (Done, 1500));
    assert_eq!(cancel_cause(spec, &task(0)), Some(CancelCause::Shutdown));
}
