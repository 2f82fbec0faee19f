//! The browser driver: one `spawn_local` future runs the engine in short slices on the microtask
//! queue, yields to the macrotask queue between slices (so the page paints), and arms one timer
//! for the loop's next deadline. Never one JS timer or one `spawn_local` per emulated task.

use super::control::{count, Command, Control, Interruptible, LiveDriver};
use super::page_clock::{performance_now, PageClock};
use super::yielder::{next_frame, Yielder};
use crate::engine::{Micros, Next};
use crate::program::ScenarioRun;
use crate::scenario::{ClockKind, View};
use gloo_timers::future::TimeoutFuture;
use std::cell::RefCell;
use std::rc::Rc;

/// How long one slice may run before the driver yields to the page, in ms.
const SLICE_MS: f64 = 4.0;
/// How often progress is reported while running, in ms: about one frame at best...
const REPORT_EVERY_MS: f64 = 33.0;
/// ...but while the loop is busy, at most this share of the time goes to the renders the reports
/// cause (measured: everything the page does in the driver's yields), so a page whose frames are
/// slow to paint still runs the loop on time. (In headless Chromium with software paint a render
/// takes 30 to 60 ms; 5% then means one report every 0.6 to 1 s while the loop is busy.)
const RENDER_SHARE: f64 = 0.05;
/// However slow the renders, progress is reported at least this often (ms).
const REPORT_AT_LEAST_MS: f64 = 1000.0;
/// A timer that fires this late (in ms) means the browser throttled the page (a background tab).
const LATE_MS: f64 = 50.0;
/// Browsers clamp nested timers to at least 4 ms and may fire them late by as much: the driver's
/// timer wakes this much before a deadline, and the rest of the wait yields to the page through
/// the (unclamped) message channel until the deadline is reached.
const TIMER_EARLY_MS: f64 = 4.0;
/// The last part of a wait is spent checking the clock rather than yielding: a yield takes about
/// this long, so yielding would wake past the deadline.
const SPIN_MS: f64 = 1.0;
/// Spinning never keeps the thread from the page for longer than this (less than a frame).
const SPIN_BUDGET_MS: f64 = 12.0;

/// What the driver reports after a slice.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Progress {
    /// The loop's time.
    pub now: Micros,
    pub finished: bool,
    pub paused: bool,
    /// How much later than asked the browser ran the driver's timers, in total (ms).
    pub delayed_ms: f64,
}

/// A running scenario. Dropping it stops the run: its timer is cleared and its future returns.
#[must_use = "dropping the handle stops the run at once"]
pub struct Driver {
    control: Rc<Control>,
}

impl Driver {
    /// Starts driving `run` with the view's clock; `report` is called after slices (never with a
    /// borrow of `run` held).
    pub fn start(
        run: Rc<RefCell<ScenarioRun>>,
        view: &View,
        paused: bool,
        report: impl Fn(Progress) + 'static,
    ) -> Driver {
        let control = Rc::new(Control::default());
        control.paused.set(paused);
        let clock = PageClock::new(view);
        wasm_bindgen_futures::spawn_local(drive(run, clock, control.clone(), report));
        Driver { control }
    }

    pub fn pause(&self) {
        self.control.paused.set(true);
        self.control.wake();
    }

    pub fn resume(&self) {
        self.control.paused.set(false);
        self.control.wake();
    }

    /// While paused: run to the next event.
    pub fn step(&self) {
        self.control.steps.set(self.control.steps.get() + 1);
        self.control.wake();
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        self.control.stopped.set(true);
        self.control.wake();
    }
}

/// How a slice ended.
enum SliceEnd {
    /// Time is up: yield to the page and go on.
    Yield,
    /// Nothing to do until the loop's time reaches this.
    WaitUntil(Micros),
    /// A step was asked for and one event happened.
    Stepped,
    Finished,
}

async fn drive(
    run: Rc<RefCell<ScenarioRun>>,
    mut clock: PageClock,
    control: Rc<Control>,
    report: impl Fn(Progress),
) {
    let _live = LiveDriver::new();
    let mut delayed_ms = 0.0;
    let mut last_report = f64::NEG_INFINITY;
    // How long the page had the thread in yields between the last two reports: mostly rendering
    // the earlier one (style, layout, paint and hit-testing land in whichever yield the browser
    // picks, not necessarily the first), and the next interval is paced by it.
    let mut render_ms: f64 = 0.0;
    let mut away_ms = 0.0;
    let yielder = Yielder::new();
    // The page shows the new run before its time starts: `asyncio.run` has not been called until
    // then, and the first, largest render of the run would otherwise make its first sleeps late.
    clock.freeze();
    next_frame(&yielder).await;
    loop {
        if control.stopped.get() {
            return;
        }
        let stepping = control.paused.get() && control.steps.get() > 0;
        if control.paused.get() && !stepping {
            clock.freeze();
            report(Progress {
                now: clock.now(),
                finished: false,
                paused: true,
                delayed_ms,
            });
            Command { control: &control }.await;
            continue;
        }
        if stepping {
            control.steps.set(control.steps.get() - 1);
        } else {
            clock.thaw();
        }
        let slice_start = performance_now();
        let end = run_slice(&run, &mut clock, stepping);
        let finished = matches!(end, SliceEnd::Finished);
        let mut t = performance_now();
        // The render of the last report may still be under way: what it has cost so far counts.
        let every = REPORT_EVERY_MS
            .max(render_ms.max(away_ms) / RENDER_SHARE)
            .min(REPORT_AT_LEAST_MS);
        // Report when one is due, at the end, and before a sleep that lasts past the next due
        // report (a shorter one is reported after it: 1,000 tasks ending 10 ms apart do not each
        // cost a render).
        let sleep_ms = match end {
            SliceEnd::WaitUntil(d) => clock.real_ms_until(d),
            _ => 0.0,
        };
        let sleeps_past_due = sleep_ms > TIMER_EARLY_MS && t - last_report + sleep_ms >= every;
        if finished || stepping || sleeps_past_due || t - last_report >= every {
            if t - slice_start > 2.0 * SLICE_MS {
                // A step too long to split (main creating 10,000 tasks): the page gets a frame
                // before the render of the report, rather than one frame with both.
                yield_measured(&yielder, &mut away_ms).await;
                t = performance_now();
            }
            render_ms = std::mem::take(&mut away_ms);
            let paused = control.paused.get();
            report(Progress {
                now: clock.now(),
                finished,
                paused,
                delayed_ms,
            });
            // The report itself (the reducer, and whatever the UI does at once) counts too.
            last_report = performance_now();
            render_ms += last_report - t;
        }
        match end {
            SliceEnd::Finished => return,
            SliceEnd::Stepped => {}
            SliceEnd::Yield => yield_measured(&yielder, &mut away_ms).await,
            SliceEnd::WaitUntil(deadline) => {
                let wait = clock.real_ms_until(deadline).max(0.0);
                if wait <= SPIN_MS && performance_now() - yielder.last.get() < SPIN_BUDGET_MS {
                    // So close that a yield would overshoot: wait here (at most a ms), unless the
                    // page has not had the thread for a whole slice.
                    let until = performance_now() + wait;
                    while performance_now() < until {}
                    continue;
                }
                if wait <= TIMER_EARLY_MS {
                    yield_measured(&yielder, &mut away_ms).await;
                    continue;
                }
                let asked = performance_now() + wait - TIMER_EARLY_MS;
                let timer = TimeoutFuture::new((wait - TIMER_EARLY_MS).floor() as u32);
                count(0, 1);
                let fired = (Interruptible {
                    timer,
                    control: &control,
                })
                .await;
                count(0, -1);
                if fired {
                    let late = performance_now() - asked;
                    if clock.kind == ClockKind::Real && late > LATE_MS {
                        delayed_ms += late;
                    }
                }
            }
        }
    }
}

/// Runs passes for up to `SLICE_MS` (or one event's worth when stepping).
fn run_slice(run: &Rc<RefCell<ScenarioRun>>, clock: &mut PageClock, stepping: bool) -> SliceEnd {
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

/// Yields to the page and adds how long it had the thread to `away_ms`.
async fn yield_measured(yielder: &Yielder, away_ms: &mut f64) {
    let start = performance_now();
    yielder.yield_now().await;
    let back = performance_now();
    yielder.last.set(back);
    *away_ms += back - start;
}
