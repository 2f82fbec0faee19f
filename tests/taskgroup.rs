//! `asyncio.TaskGroup`: abort on the first error, cancel siblings and body, group every error.
#![cfg(not(target_arch = "wasm32"))]

mod common;
use asyncio_playground::engine::{CancelCause, Exc, Who};
use asyncio_playground::program::TaskState::*;
use common::*;

#[test]
fn the_first_failure_cancels_the_siblings_and_raises_an_exception_group() {
    let spec = "pattern=taskgroup&sleep=3000,1000,2000&fail=1";
    let o = outcome(spec);
    assert_eq!(states(&o), [Cancelled, Failed, Cancelled]);
    assert_eq!(
        o.main.error,
        Some(Exc::TaskGroup(std::rc::Rc::new(vec![Exc::TaskFailed(1)])))
    );
    assert_eq!(
        o.main.end_ms, 1000,
        "the group does not wait for the cancelled siblings' sleeps"
    );
    let cause = Some(CancelCause::TaskGroupAbort { failed: Some(1) });
    assert_eq!(cancel_cause(spec, Who::work(0)), cause);
}

#[test]
fn failures_in_the_same_pass_are_grouped_in_the_order_they_happened() {
    let o = outcome("pattern=taskgroup&tasks=5&sleep=1000&fail=4,2,0");
    let errors = o.main.error.as_ref().unwrap().exceptions().to_vec();
    assert_eq!(
        errors,
        [Exc::TaskFailed(0), Exc::TaskFailed(2), Exc::TaskFailed(4)]
    );
    assert_eq!(
        o.main.error.unwrap().to_string(),
        "unhandled errors in a TaskGroup (3 sub-exceptions)"
    );
}

#[test]
fn a_child_cancelled_from_outside_is_not_an_error() {
    let o = outcome("pattern=taskgroup&sleep=3000,1000,2000&cancel=1@500");
    assert_eq!(states(&o), [Done, Cancelled, Done]);
    assert_eq!((o.main.state, o.main.end_ms), (Done, 3000));
}

#[test]
fn cancelling_main_cancels_the_children_and_main_ends_cancelled() {
    let spec = "pattern=taskgroup&sleep=3000,1000,2000&interrupt=1500";
    let o = outcome(spec);
    assert_eq!(states(&o), [Cancelled, Done, Cancelled]);
    assert_eq!(o.main.state, Cancelled);
    assert_eq!(
        cancel_cause(spec, Who::work(2)),
        Some(CancelCause::TaskGroupAbort { failed: None })
    );
}

#[test]
fn after_a_caught_group_main_is_not_left_cancelled_and_lingers() {
    let o = outcome("pattern=taskgroup&sleep=3000,1000,2000&fail=1&linger=1500");
    assert_eq!(
        lines(&o),
        [
            "Caught ExceptionGroup: unhandled errors in a TaskGroup (1 sub-exception)",
            "Done."
        ]
    );
    assert_eq!((o.main.state, o.main.end_ms), (Done, 2500));
}
