//! One slice of the loop's work in the page: passes run until the slice's time is up, a step is
//! taken, or the loop must wait for its clock.

use super::page_clock::{performance_now, PageClock};
use crate::engine::{Clock, Micros, VirtualClock};
use crate::program::ProgramRun;
use crate::python::{Next, Program};
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

/// How many events the program's loops have recorded so far.
fn events(program: &Program) -> usize {
    program.runs().iter().map(|r| r.borrow().trace_len()).sum()
}

/// Runs passes for up to `SLICE_MS` (or one event's worth when stepping).
pub(super) fn run_slice(
    run: &Rc<RefCell<ProgramRun>>,
    clock: &PageClock,
    stepping: bool,
) -> SliceEnd {
    let mut run = run.borrow_mut();
    let program = run.program();
    let started = performance_now();
    // A pass of thousands of steps is paused between callbacks when the slice is up.
    let out_of_time = || performance_now() - started >= SLICE_MS;
    let events_before = if stepping { events(program) } else { 0 };
    // Virtual time is exact: passes run at the loop's own time, timers when the virtual clock
    // wakes for them; the speed only sets how long the page waits for them. Real time runs
    // passes when they happen.
    let exact = clock.kind == ClockKind::Virtual;
    loop {
        let at = match program.next_action() {
            Next::Ended(_) => return SliceEnd::Finished,
            Next::Ready if exact => program.now(),
            Next::Ready => clock.now(),
            Next::At(deadline) => {
                // When the program's clock wakes for the deadline (the virtual clock rounds it
                // up to a whole millisecond, as epoll does).
                let wake = if exact {
                    let mut virtual_clock = VirtualClock::at(program.now());
                    virtual_clock.wait_until(deadline);
                    virtual_clock.now()
                } else {
                    deadline
                };
                if clock.instant || stepping {
                    clock.jump_to(wake);
                    wake
                } else if wake <= clock.now() {
                    if exact {
                        wake
                    } else {
                        clock.now()
                    }
                } else {
                    return SliceEnd::WaitUntil(wake);
                }
            }
        };
        if !program.run_pass_within(at, out_of_time) {
            return SliceEnd::Yield;
        }
        if stepping && events(program) > events_before {
            return if matches!(program.next_action(), Next::Ended(_)) {
                SliceEnd::Finished
            } else {
                SliceEnd::Stepped
            };
        }
        if out_of_time() {
            return SliceEnd::Yield;
        }
    }
}
