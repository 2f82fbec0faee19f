//! One slice of the loop's work in the page: passes run until the slice's time is up, a step is
//! taken, or the loop must wait for its clock.

use super::page_clock::{performance_now, PageClock};
use crate::engine::{Micros, Next};
use crate::program::ScenarioRun;
use crate::scenario::ClockKind;
use std::cell::RefCell;
use std::rc::Rc;

/// How long one slice may run before the driver yields to the page, in ms.
pub(super) const SLICE_MS: f64 = 4.0;

/// How a slice ended.
pub(super) enum SliceEnd {
    /// Time is up: yield to the page and go on.
    Yield,
    /// Nothing to do until the loop's time reaches this.
    WaitUntil(Micros),
    /// A step was asked for and one event happened.
    Stepped,
    Finished,
}

/// Runs passes for up to `SLICE_MS` (or one event's worth when stepping).
pub(super) fn run_slice(
    run: &Rc<RefCell<ScenarioRun>>,
    clock: &mut PageClock,
    stepping: bool,
) -> SliceEnd {
    let mut run = run.borrow_mut();
    let run = run.run();
    let started = performance_now();
    let trace_before = run.trace_len();
    // Virtual time is exact: passes run at the loop's own time, timers at their deadlines; the
    // speed only sets how long the page waits for them. Real time runs passes when they happen.
    let exact = clock.kind == ClockKind::Virtual;
    loop {
        match run.next_action() {
            Next::Ready => {
                let at = if exact { run.now() } else { clock.now() };
                // A pass of thousands of steps is paused between callbacks when the slice is up.
                if !run.run_pass_within(at, || performance_now() - started >= SLICE_MS) {
                    return SliceEnd::Yield;
                }
            }
            Next::At(t) if clock.instant || stepping => {
                clock.jump_to(t);
                if !run.run_pass_within(t, || performance_now() - started >= SLICE_MS) {
                    return SliceEnd::Yield;
                }
            }
            Next::At(t) if t <= clock.now() => {
                let at = if exact { t } else { clock.now() };
                if !run.run_pass_within(at, || performance_now() - started >= SLICE_MS) {
                    return SliceEnd::Yield;
                }
            }
            Next::At(t) => return SliceEnd::WaitUntil(t),
            Next::Finished | Next::Stalled => return SliceEnd::Finished,
        }
        if stepping && run.trace_len() > trace_before {
            return if run.next_action() == Next::Finished {
                SliceEnd::Finished
            } else {
                SliceEnd::Stepped
            };
        }
        if performance_now() - started >= SLICE_MS {
            return SliceEnd::Yield;
        }
    }
}
