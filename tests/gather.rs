//! `asyncio.gather`: results in argument order, first error at once, cancellation of the children.
#![cfg(not(target_arch = "wasm32"))]

mod common;
use asyncio_playground::engine::{CancelCause, Exc, Value, Who};
use asyncio_playground::program::{Returned, TaskState::*};
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
        *results,
        vec![Ok(Value::Int(0)), Ok(Value::Int(1)), Ok(Value::Int(2))]
    );
    assert_eq!(
        o.main.end_ms, 3000,
        "concurrently: the longest sleep, not the sum"
    );
}

#[test]
fn the_first_exception_reaches_main_at_once_and_the_others_keep_running_until_shutdown() {
    let o = outcome("pattern=gather&sleep=3000,1000,2000&fail=1");
    assert_eq!(o.main.error, Some(Exc::TaskFailed(1)));
    assert_eq!(o.main.end_ms, 1000);
    assert_eq!(
        states(&o),
        [Cancelled, Failed, Cancelled],
        "the others are cancelled only by asyncio.run"
    );
    assert_eq!(
        cancel_cause("pattern=gather&sleep=3000,1000,2000&fail=1", Who::work(0)),
        Some(CancelCause::Shutdown)
    );
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
    assert_eq!(
        *results,
        vec![
            Ok(Value::Int(0)),
            Err(Exc::Cancelled),
            Err(Exc::TaskFailed(2))
        ]
    );
    assert_eq!(o.main.end_ms, 3000);
}

#[test]
fn a_child_cancelled_from_outside_makes_gather_raise_cancelled_error() {
    let o = outcome("pattern=gather&sleep=3000,1000,2000&cancel=1@500");
    assert_eq!(o.main.state, Cancelled);
    assert_eq!(o.main.end_ms, 500);
}

#[test]
fn cancelling_main_cancels_every_unfinished_child_even_with_return_exceptions() {
    let spec = "pattern=gather&sleep=3000,1000,2000&interrupt=1500&return_exceptions=1";
    let o = outcome(spec);
    assert_eq!(states(&o), [Cancelled, Done, Cancelled]);
    assert_eq!(o.main.state, Cancelled);
    assert_eq!(o.returned, None);
    assert_eq!(
        cancel_cause(spec, Who::work(0)),
        Some(CancelCause::GatherCancelled)
    );
}

#[test]
fn gather_of_nothing_returns_an_empty_list_at_once() {
    let o = outcome("pattern=gather&tasks=0");
    assert_eq!(
        o.returned,
        Some(Returned::Results(std::rc::Rc::new(vec![])))
    );
    assert_eq!((o.main.end_ms, lines(&o)), (0, vec!["Done.".to_string()]));
}
