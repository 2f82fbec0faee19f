//! The loop's clock in the page: real time from `performance.now()`, or virtual time played at a
//! rate, or instant; pausing freezes it. The driver moves it; the timeline reads it every frame
//! (`time_shown`), so time moves on screen between the loop's events.

use crate::engine::Micros;
use crate::scenario::{ClockKind, Speed, View};
use std::cell::Cell;

thread_local! {
    /// `window.performance`, looked up once: the driver reads the clock thousands of times a second.
    static PERFORMANCE: Option<web_sys::Performance> =
        web_sys::window().and_then(|w| w.performance());
}

pub(super) fn performance_now() -> f64 {
    PERFORMANCE.with(|p| p.as_ref().map_or(0.0, |p| p.now()))
}

/// The loop's clock in the page: real time, or virtual time played at a rate, or instant.
/// Pausing freezes it. Shared by the driver (which moves it) and the page (which reads it), so
/// its state is in `Cell`s: no borrow is ever held.
pub(crate) struct PageClock {
    pub(super) kind: ClockKind,
    /// Virtual µs per real ms (1000 on the real clock).
    rate: f64,
    pub(super) instant: bool,
    /// The loop time at `base_real` (ms of `performance.now()`).
    base_loop: Cell<f64>,
    base_real: Cell<f64>,
    frozen: Cell<bool>,
    /// The loop has run everything due before this time: the page may show time up to it and no
    /// further (the next event is due then, and has not been run yet).
    horizon: Cell<Micros>,
}

impl PageClock {
    pub(super) fn new(view: &View) -> PageClock {
        let (rate, instant) = match (view.clock, view.speed) {
            (ClockKind::Real, _) => (1000.0, false),
            (ClockKind::Virtual, Speed::Rate(r)) => (1000.0 * r, false),
            (ClockKind::Virtual, Speed::Instant) => (1000.0, true),
        };
        PageClock {
            kind: view.clock,
            rate,
            instant,
            base_loop: Cell::new(0.0),
            base_real: Cell::new(performance_now()),
            frozen: Cell::new(false),
            horizon: Cell::new(0),
        }
    }

    pub(super) fn now(&self) -> Micros {
        if self.frozen.get() || self.instant {
            return self.base_loop.get() as Micros;
        }
        (self.base_loop.get() + (performance_now() - self.base_real.get()) * self.rate) as Micros
    }

    /// The loop's time as the page shows it now: the clock, but never past what the loop has run.
    pub(crate) fn time_shown(&self) -> Micros {
        self.now().min(self.horizon.get())
    }

    /// The loop has run everything due before `t`.
    pub(super) fn set_horizon(&self, t: Micros) {
        self.horizon.set(t);
    }

    pub(super) fn freeze(&self) {
        if !self.frozen.get() {
            self.base_loop.set(self.now() as f64);
            self.frozen.set(true);
        }
    }

    pub(super) fn thaw(&self) {
        if self.frozen.get() {
            self.base_real.set(performance_now());
            self.frozen.set(false);
        }
    }

    /// Moves the loop's time to `t` at once (instant play, and steps).
    pub(super) fn jump_to(&self, t: Micros) {
        self.base_loop.set(self.base_loop.get().max(t as f64));
        self.base_real.set(performance_now());
    }

    /// Real ms until the loop's time reaches `t`.
    pub(super) fn real_ms_until(&self, t: Micros) -> f64 {
        (t as f64 - self.now() as f64) / self.rate
    }
}
