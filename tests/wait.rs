//! `asyncio.wait`: never raises the tasks' errors, never cancels; return_when and timeout.
#![cfg(not(target_arch = "wasm32"))]

mod common;
use asyncio_playground::engine::CancelCause;
use asyncio_playground::program::{Outcome, Returned, TaskState::*};
use asyncio_playground::python::outcome::ErrorInfo;
use common::*;

fn sets(o: &Outcome) -> (Vec<u32>, Vec<u32>) {
    match &o.returned {
        Some(Returned::Sets { done, pending }) => (done.clone(), pending.clone()),
        other => panic!("wait returned sets, not {other:?}"),
    }
}

#[test]
fn all_completed_waits_for_every_task_and_keeps_the_failure_in_done() {
    let o = outcome("pattern=wait&sleep=3000,1000,2000&fail=1");
    assert_eq!(sets(&o), (vec![0, 1, 2], vec![]));
    assert_eq!((o.main.state, o.main.end_ms), (Done, 3000));
    assert_eq!(o.tasks[1].error, Some(value_error(1)));
}

#[test]
fn first_completed_returns_at_the_first_end_and_shutdown_cancels_the_rest() {
    let spec = "pattern=wait&sleep=3000,1000,2000&return_when=FIRST_COMPLETED";
    let o = outcome(spec);
    assert_eq!(sets(&o), (vec![1], vec![0, 2]));
    assert_eq!(states(&o), [Cancelled, Done, Cancelled]);
    assert_eq!(o.main.end_ms, 1000);
    let t = timeline(spec);
    assert_eq!(cause_in(&t, &task(0)), Some(CancelCause::Shutdown));
    assert_eq!(cause_in(&t, &task(2)), Some(CancelCause::Shutdown));
}

#[test]
fn first_exception_returns_at_the_first_failure_and_ignores_cancellations() {
    let o = outcome(
        "pattern=wait&sleep=3000,1000,2000&fail=2&cancel=1@500&return_when=FIRST_EXCEPTION",
    );
    assert_eq!(sets(&o), (vec![1, 2], vec![0]));
    assert_eq!(o.main.end_ms, 2000);
}

#[test]
fn first_exception_without_a_failure_waits_for_all() {
    let o = outcome("pattern=wait&sleep=3000,1000,2000&return_when=FIRST_EXCEPTION");
    assert_eq!(sets(&o), (vec![0, 1, 2], vec![]));
    assert_eq!(o.main.end_ms, 3000);
}

#[test]
fn a_timeout_returns_the_late_tasks_in_pending_without_raising_or_cancelling() {
    let o = outcome("pattern=wait&sleep=3000,1000,2000&timeout=1500&linger=5000");
    assert_eq!(sets(&o), (vec![1], vec![0, 2]));
    assert_eq!(
        lines(&o),
        [">Task 1 done", ">Task 2 done", ">Task 0 done", "Done."],
        "no TimeoutError: nothing is caught"
    );
    assert_eq!(
        states(&o),
        [Done, Done, Done],
        "the late tasks go on while main lingers"
    );
    assert_eq!(o.main.end_ms, 6500);
}

#[test]
fn cancelling_main_stops_the_wait_but_not_the_tasks() {
    let spec = "pattern=wait&sleep=3000,1000,2000&interrupt=1500";
    let o = outcome(spec);
    assert_eq!((o.main.state, o.main.end_ms), (Cancelled, 1500));
    assert_eq!(states(&o), [Cancelled, Done, Cancelled]);
    let t = timeline(spec);
    assert_eq!(
        cause_in(&t, &task(0)),
        Some(CancelCause::Shutdown),
        "not by wait: by asyncio.run"
    );
    assert_eq!(cause_in(&t, &task(2)), Some(CancelCause::Shutdown));
}

#[test]
fn waiting_on_no_tasks_raises_value_error() {
    let o = outcome("pattern=wait&tasks=0");
    let empty = ErrorInfo {
        type_name: "ValueError".into(),
        message: "Set of Tasks/Futures is empty.".into(),
        exceptions: None,
    };
    assert_eq!((o.main.state, o.main.error), (Failed, Some(empty)));
    let caught = outcome("pattern=wait&tasks=0&linger=0");
    assert_eq!(
        lines(&caught),
        ["Caught ValueError: Set of Tasks/Futures is empty.", "Done."]
    );
}
