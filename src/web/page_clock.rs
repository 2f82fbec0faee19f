//! The loop's clock in the page: real time from `performance.now()`, or virtual time played at a
//! rate, or instant; pausing freezes it.

use crate::engine::Micros;
use crate::scenario::{ClockKind, Speed, View};

thread_local! {
    /// `window.performance`, looked up once: the driver reads the clock thousands of times a second.
    static PERFORMANCE: Option<web_sys::Performance> =
        web_sys::window().and_then(|w| w.performance());
}

pub(super) fn performance_now() -> f64 {
    PERFORMANCE.with(|p| p.as_ref().map_or(0.0, |p| p.now()))
}

/// The loop's clock in the page: real time, or virtual time played at a rate, or instant.
/// Pausing freezes it.
pub(super) struct PageClock {
    pub(super) kind: ClockKind,
    /// Virtual µs per real ms (1000 on the real clock).
    rate: f64,
    pub(super) instant: bool,
    /// The loop time at `base_real` (ms of `performance.now()`).
    base_loop: f64,
    base_real: f64,
    frozen: bool,
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
            base_loop: 0.0,
            base_real: performance_now(),
            frozen: false,
        }
    }

    pub(super) fn now(&self) -> Micros {
        if self.frozen || self.instant {
            return self.base_loop as Micros;
        }
        (self.base_loop + (performance_now() - self.base_real) * self.rate) as Micros
    }

    pub(super) fn freeze(&mut self) {
        if !self.frozen {
            self.base_loop = self.now() as f64;
            self.frozen = true;
        }
    }

    pub(super) fn thaw(&mut self) {
        if self.frozen {
            self.base_real = performance_now();
            self.frozen = false;
        }
    }

    /// Moves the loop's time to `t` at once (instant play, and steps).
    pub(super) fn jump_to(&mut self, t: Micros) {
        self.base_loop = self.base_loop.max(t as f64);
        self.base_real = performance_now();
    }

    /// Real ms until the loop's time reaches `t`.
    pub(super) fn real_ms_until(&self, t: Micros) -> f64 {
        (t as f64 - self.now() as f64) / self.rate
    }
}
