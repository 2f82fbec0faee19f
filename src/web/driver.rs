//! The browser driver: one `spawn_local` future runs the engine in short slices on the microtask
//! queue, yields to the macrotask queue between slices (so the page paints), and arms one timer
//! for the loop's next deadline. Never one JS timer or one `spawn_local` per emulated task.

use super::control::{count, Command, Control, Interruptible, LiveDriver};
use super::page_clock::{performance_now, PageClock};
use super::slice::{run_slice, SliceEnd, SLICE_MS};
use super::yielder::{next_frame, Yielder};
use crate::engine::Micros;
use crate::program::ProgramRun;
use crate::scenario::{ClockKind, View};
use gloo_timers::future::TimeoutFuture;
use std::cell::RefCell;
use std::future::Future;
use std::rc::Rc;

/// How often progress is reported while running, in ms: about one frame at best...
const REPORT_EVERY_MS: f64 = 33.0;
/// ...but while the loop is busy, at most this share of the time goes to the renders the reports
/// cause (measured: everything the page does in the driver's yields), so a page whose frames are
/// slow to paint still runs the loop on time. (In headless Chromium with software paint a render
/// takes 30 to 60 ms; 5% then means one report every 0.6 to 1 s while the loop is busy.)
const RENDER_SHARE: f64 = 0.05;
/// However slow the renders, progress is reported at least this often (ms).
const REPORT_AT_LEAST_MS: f64 = 1000.0;
/// A burst of work after a wait (10,000 tasks waking at once) is not interrupted by a report in
/// its first this many ms: a short burst is shown when it ends, rather than rendered in its middle,
/// which would make every task behind the render late.
const BURST_GRACE_MS: f64 = 100.0;
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
    /// The run's clock, which the page reads to draw time moving between reports.
    clock: Rc<PageClock>,
}

impl Driver {
    /// Starts driving `run` with the view's clock; `report` is called after slices (never with a
    /// borrow of `run` held).
    pub fn start(
        run: Rc<RefCell<ProgramRun>>,
        view: &View,
        paused: bool,
        report: impl Fn(Progress) + 'static,
    ) -> Driver {
        let control = Rc::new(Control::default());
        control.paused.set(paused);
        let clock = Rc::new(PageClock::new(view));
        wasm_bindgen_futures::spawn_local(drive(run, clock.clone(), control.clone(), report));
        Driver { control, clock }
    }

    /// The loop's time to draw now: it moves with the clock between the loop's events, up to
    /// the next one due (read it every frame).
    pub fn time_shown(&self) -> Micros {
        self.clock.time_shown()
    }

    pub fn pause(&self) {
        self.control.paused.set(true);
        self.control.wake();
    }

    pub fn resume(&self) {
        self.control.paused.set(false);
        self.control.wake();
    }

    /// Stops the run for good (as dropping the handle does): its timer is cleared, its future
    /// returns and reports nothing more.
    pub fn stop(&self) {
        self.control.stopped.set(true);
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
        self.stop();
    }
}

async fn drive(
    run: Rc<RefCell<ProgramRun>>,
    clock: Rc<PageClock>,
    control: Rc<Control>,
    report: impl Fn(Progress),
) {
    let _live = LiveDriver::new();
    // A stopped run reports nothing more, not even from a wait it was in when stopped: a Reset and
    // a new Run within that wait would have its report land in the new run's state.
    let report = |p: Progress| {
        if !control.stopped.get() {
            report(p);
        }
    };
    let mut delayed_ms = 0.0;
    let mut last_report = f64::NEG_INFINITY;
    // How long the page had the thread in yields between the last two reports: mostly rendering
    // the earlier one (style, layout, paint and hit-testing land in whichever yield the browser
    // picks, not necessarily the first), and the next interval is paced by it.
    let mut render_ms: f64 = 0.0;
    let mut away_ms = 0.0;
    // When the loop became busy after its last wait (a burst), while it is.
    let mut busy_since: Option<f64> = None;
    let yielder = Yielder::new();
    // The page shows the new run before its time starts: `asyncio.run` has not been called until
    // then, and the first, largest render of the run would otherwise make its first sleeps late.
    clock.freeze();
    next_frame(&yielder).await;
    // ...and the first slice runs in a task after that frame's, not in it: main's first step may
    // be long (creating 100,000 tasks), and the page answers input between the two.
    yielder.yield_now().await;
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
        let burst_start = *busy_since.get_or_insert(slice_start);
        let end = run_slice(&run, &clock, stepping);
        // What the page may show: up to the next deadline while the loop waits for it.
        clock.set_horizon(match end {
            SliceEnd::WaitUntil(d) => d,
            _ => clock.now(),
        });
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
        let in_grace = matches!(end, SliceEnd::Yield) && t - burst_start < BURST_GRACE_MS;
        if !matches!(end, SliceEnd::Yield) {
            busy_since = None;
        }
        if finished || stepping || sleeps_past_due || (t - last_report >= every && !in_grace) {
            if t - slice_start > 2.0 * SLICE_MS {
                // A step too long to split (main creating 10,000 tasks): the page draws a frame
                // before the render of the report, rather than one frame with both.
                measured(&yielder, &mut away_ms, next_frame(&yielder)).await;
                t = performance_now();
            }
            if finished && !stepping {
                // The end is shown over two frames: first what the last slices did (10,000 tasks
                // finishing at once is one big timeline update), then the outcome and its JSON,
                // which are read in a task of their own before the render that shows them.
                report(Progress {
                    now: clock.now(),
                    finished: false,
                    paused: false,
                    delayed_ms,
                });
                measured(&yielder, &mut away_ms, next_frame(&yielder)).await;
                run.borrow_mut().prepare_end();
                measured(&yielder, &mut away_ms, yielder.yield_now()).await;
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
            SliceEnd::Yield => measured(&yielder, &mut away_ms, yielder.yield_now()).await,
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
                    measured(&yielder, &mut away_ms, yielder.yield_now()).await;
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

/// Awaits `away` (the page's next frame, or one macrotask) and adds how long the page had the
/// thread to `away_ms`.
async fn measured(yielder: &Yielder, away_ms: &mut f64, away: impl Future<Output = ()>) {
    let start = performance_now();
    away.await;
    let back = performance_now();
    yielder.last.set(back);
    *away_ms += back - start;
}
