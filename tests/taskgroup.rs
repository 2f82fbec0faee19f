//! `asyncio.TaskGroup`: abort on the first error, cancel siblings and body, group every error.
#![cfg(not(target_arch = "wasm32"))]

mod common;
use asyncio_playground::engine::CancelCause;
use asyncio_playground::program::TaskState::*;
use asyncio_playground::python::outcome::ErrorInfo;
use common::*;

fn group(members: Vec<ErrorInfo>) -> ErrorInfo {
    ErrorInfo {
        type_name: "ExceptionGroup".into(),
        message: "unhandled errors in a TaskGroup".into(),
        exceptions: Some(members),
    }
}

#[test]
fn the_first_failure_cancels_the_siblings_and_raises_an_exception_group() {
    let spec = "pattern=taskgroup&sleep=3000,1000,2000&fail=1";
    let o = outcome(spec);
    assert_eq!(states(&o), [Cancelled, Failed, Cancelled]);
    assert_eq!(o.main.error, Some(group(vec![value_error(1)])));
    assert_eq!(
        o.main.end_ms, 1000,
        "the group does not wait for the cancelled siblings' sleeps"
    );
    let t = timeline(spec);
    let cause = Some(CancelCause::TaskGroup {
        failed: Some(id(&t, &task(1))),
    });
    assert_eq!(cause_in(&t, &task(0)), cause);
    assert_eq!(cause_in(&t, &task(2)), cause);
}

#[test]
fn failures_in_the_same_pass_are_grouped_in_the_order_they_happened() {
    let o = outcome("pattern=taskgroup&tasks=5&sleep=1000&fail=4,2,0");
    assert_eq!(
        o.main.error,
        Some(group(vec![value_error(0), value_error(2), value_error(4)]))
    );
    // As `traceback.format_exception_only(group, show_group=True)` gives it: the members indented.
    let (_, exception) = o.program.traceback.as_ref().expect("the group escaped");
    assert_eq!(
        exception[0],
        "ExceptionGroup: unhandled errors in a TaskGroup (3 sub-exceptions)"
    );
    assert_eq!(
        exception[1..],
        [
            "   ValueError: Task 0 failed",
            "   ValueError: Task 2 failed",
            "   ValueError: Task 4 failed"
        ]
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
    assert_eq!((o.main.state, o.main.end_ms), (Cancelled, 1500));
    let t = timeline(spec);
    assert_eq!(
        cause_in(&t, &task(0)),
        Some(CancelCause::TaskGroup { failed: None })
    );
    assert_eq!(
        cause_in(&t, &task(2)),
        Some(CancelCause::TaskGroup { failed: None })
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
