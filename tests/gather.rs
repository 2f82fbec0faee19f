//! `asyncio.gather`: results in argument order, first error at once, cancellation of the children.
#![cfg(not(target_arch = "wasm32"))]

mod common;
use asyncio_playground::engine::CancelCause;
use asyncio_playground::program::{ResultItem, Returned, TaskState::*};
use asyncio_playground::python::outcome::ErrorInfo;
use common::*;

#[test]
fn results_come_in_argument_order_not_completion_order() {
    let o = outcome("pattern=gather&sleep=3000,1000,2000");
    assert_eq!(
        lines(&o)[..3],
        [">Task 1 done", ">Task 2 done", ">Task 0 done"]
    );
    let Some(Returned::Results(results)) = o.returned else {
        panic!("gather returned")
    };
    assert_eq!(
        results,
        [ResultItem::Int(0), ResultItem::Int(1), ResultItem::Int(2)]
    );
    assert_eq!(
        o.main.end_ms, 3000,
        "concurrently: the longest sleep, not the sum"
    );
}

#[test]
fn the_first_exception_reaches_main_at_once_and_the_others_keep_running_until_shutdown() {
    let spec = "pattern=gather&sleep=3000,1000,2000&fail=1";
    let o = outcome(spec);
    assert_eq!(o.main.error, Some(value_error(1)));
    assert_eq!((o.main.state, o.main.end_ms), (Failed, 1000));
    assert_eq!(
        states(&o),
        [Cancelled, Failed, Cancelled],
        "the others are cancelled only by asyncio.run"
    );
    assert_eq!(cancel_cause(spec, &task(0)), Some(CancelCause::Shutdown));
    assert_eq!(cancel_cause(spec, &task(2)), Some(CancelCause::Shutdown));
}

#[test]
fn with_linger_the_other_children_finish_after_the_error() {
    let o = outcome("pattern=gather&sleep=3000,1000,2000&fail=1&linger=2500");
    assert_eq!(
        lines(&o),
        [
            "Caught ValueError: Task 1 failed",
            ">Task 2 done",
            ">Task 0 done",
            "Done."
        ]
    );
    assert_eq!(states(&o), [Done, Failed, Done]);
}

#[test]
fn return_exceptions_puts_errors_and_cancellations_in_the_list() {
    let o = outcome("pattern=gather&sleep=3000,1000,2000&fail=2&cancel=1@500&return_exceptions=1");
    let Some(Returned::Results(results)) = o.returned else {
        panic!("gather returned")
    };
    let cancelled = ErrorInfo {
        type_name: "CancelledError".into(),
        message: String::new(),
        exceptions: None,
    };
    assert_eq!(
        results,
        [
            ResultItem::Int(0),
            ResultItem::Error(cancelled),
            ResultItem::Error(value_error(2))
        ]
    );
    assert_eq!((o.main.state, o.main.end_ms), (Done, 3000));
}

#[test]
fn a_child_cancelled_from_outside_makes_gather_raise_cancelled_error() {
    let o = outcome("pattern=gather&sleep=3000,1000,2000&cancel=1@500");
    assert_eq!((o.main.state, o.main.end_ms), (Cancelled, 500));
    assert_eq!(o.main.error, None, "a cancellation has no error object");
}

#[test]
fn cancelling_main_cancels_every_unfinished_child_even_with_return_exceptions() {
    let spec = "pattern=gather&sleep=3000,1000,2000&interrupt=1500&return_exceptions=1";
    let o = outcome(spec);
    assert_eq!(states(&o), [Cancelled, Done, Cancelled]);
    assert_eq!((o.main.state, o.main.end_ms), (Cancelled, 1500));
    assert_eq!(o.returned, None);
    let t = timeline(spec);
    assert_eq!(cause_in(&t, &task(0)), Some(CancelCause::Gather));
    assert_eq!(cause_in(&t, &task(2)), Some(CancelCause::Gather));
    // The scenario's interrupt is the program's own `call_later(..., current_task().cancel)`.
    let line = line_of(spec, "asyncio.current_task().cancel");
    assert_eq!(
        cause_in(&t, MAIN),
        Some(CancelCause::Program { line, by: None })
    );
}

#[test]
fn gather_of_nothing_returns_an_empty_list_at_once() {
    let o = outcome("pattern=gather&tasks=0");
    assert_eq!(o.returned, Some(Returned::Results(vec![])));
    assert_eq!((o.main.end_ms, lines(&o)), (0, vec!["Done.".to_string()]));
}
