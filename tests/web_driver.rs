//! Browser tests of the driver: how a run's progress is reported, and that a stopped run reports
//! nothing more.
#![cfg(target_arch = "wasm32")]

use asyncio_playground::program::ProgramRun;
use asyncio_playground::scenario::Spec;
use asyncio_playground::web::{live_counts, Driver, Progress};
use gloo_timers::future::TimeoutFuture;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// A short run on the virtual clock, played instantly.
const SHORT_RUN: &str = "pattern=gather&tasks=3&sleep=100&clock=virtual&speed=instant";

/// Starts `query` and returns the reports it makes; `stop_at_first` drops the driver inside the
/// first report, as a Reset clicked at that moment would.
async fn reports(query: &str, stop_at_first: bool) -> Vec<Progress> {
    let spec = Spec::parse(query).unwrap();
    let run = Rc::new(RefCell::new(ProgramRun::new(&spec.scenario, true)));
    let seen = Rc::new(RefCell::new(Vec::new()));
    let slot: Rc<RefCell<Option<Driver>>> = Rc::default();
    let report = {
        let (seen, slot) = (seen.clone(), slot.clone());
        move |p: Progress| {
            seen.borrow_mut().push(p);
            if stop_at_first {
                let driver = slot.borrow_mut().take();
                drop(driver);
            }
        }
    };
    *slot.borrow_mut() = Some(Driver::start(run, &spec.view, false, report));
    // Until the run is finished or its driver's future has returned (then nothing can report).
    for _ in 0..100 {
        TimeoutFuture::new(20).await;
        if seen.borrow().last().is_some_and(|p| p.finished) || live_counts().0 == 0 {
            break;
        }
    }
    seen.take()
}

#[wasm_bindgen_test]
async fn the_end_is_reported_twice_first_unfinished_then_finished_at_the_same_time() {
    let seen = reports(SHORT_RUN, false).await;
    let [.., last_running, end] = seen.as_slice() else {
        panic!("fewer than two reports: {seen:?}");
    };
    assert!(!last_running.finished && end.finished, "{seen:?}");
    assert_eq!(last_running.now, end.now);
}

#[wasm_bindgen_test]
async fn a_run_stopped_while_its_end_is_shown_reports_nothing_more() {
    let seen = reports(SHORT_RUN, true).await;
    assert_eq!(seen.len(), 1, "{seen:?}");
    assert!(!seen[0].finished);
}
