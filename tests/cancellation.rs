//! Cancellation: delivered at the await point, forwarded, never-started tasks, causes, shutdown.
#![cfg(not(target_arch = "wasm32"))]

mod common;
use asyncio_playground::engine::{
    Api, CancelCause, Exc, Finish, Line, Run, Value, VirtualClock, Who,
};
use asyncio_playground::program::TaskState::*;
use common::*;

#[test]
fn a_task_cancelled_before_its_first_step_never_runs_its_body() {
    let cause = CancelCause::Scheduled { at_ms: 0 };
    let mut run = Run::new(true, 1, move |api: Api| async move {
        let t = api.create_task(Who::work(0), async move {
            Api.print(Line::TaskDone(0));
            Ok(Value::Int(0))
        });
        assert!(api.cancel_task(t, cause), "a pending task takes the cancel");
        let awaited = api.await_task(t).await;
        assert_eq!(awaited, Err(Exc::Cancelled));
        assert!(
            !api.cancel_task(t, cause),
            "cancel() of a done task returns False"
        );
        Ok(Value::None)
    });
    run.run_to_end(&mut VirtualClock::default());
    assert!(run.stdout().is_empty(), "the body never ran");
    let end = run.end_of(Who::work(0)).unwrap();
    assert_eq!(
        end.finish,
        Finish::Cancelled {
            cause: Some(cause),
            started: false
        }
    );
}

#[test]
fn cancel_at_a_time_is_delivered_and_reported_with_its_time() {
    let spec = "pattern=manual&sleep=3000,1000,2000&cancel=0@500";
    assert_eq!(
        cancel_cause(spec, Who::work(0)),
        Some(CancelCause::Scheduled { at_ms: 500 })
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
    assert!(
        matches!(
            finish(spec, Who::MAIN),
            Finish::Cancelled { cause: None, .. }
        ),
        "it came from what main awaited"
    );
}

#[test]
fn cancelling_main_forwards_the_cancel_only_to_the_task_it_awaits() {
    let spec = "pattern=manual&sleep=3000,1000,2000&interrupt=1500";
    let o = outcome(spec);
    assert_eq!(states(&o), [Cancelled, Done, Cancelled]);
    assert_eq!(
        cancel_cause(spec, Who::work(0)),
        Some(CancelCause::AwaiterCancelled { awaiter: Who::MAIN })
    );
    assert_eq!(
        cancel_cause(spec, Who::work(2)),
        Some(CancelCause::Shutdown)
    );
    assert_eq!(
        cancel_cause(spec, Who::MAIN),
        Some(CancelCause::Interrupt { at_ms: 1500 })
    );
}

#[test]
fn a_late_failure_behind_a_slow_task_is_seen_only_when_main_reaches_it() {
    let o = outcome("pattern=manual&sleep=3000,1000,2000&fail=1");
    assert_eq!(
        o.main.end_ms, 3000,
        "main sees task 1's error only after task 0 is done"
    );
    assert_eq!(states(&o), [Done, Failed, Done]);
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
    assert_eq!(
        cancel_cause(spec, Who::work(0)),
        Some(CancelCause::Shutdown)
    );
}
