//! Time for the loop: microseconds since the run started, read from a virtual or a real clock.

/// Microseconds since the start of a run. Virtual-clock deadlines are exact multiples of 1000.
pub type Micros = u64;

/// Where a driver reads the time and how it waits for the loop's next deadline.
///
/// The loop itself never reads a clock: the driver passes `now` to every pass, so the same engine
/// runs on virtual time (tests, CLI, step mode) and on real time (the browser, [`RealClock`]).
pub trait Clock {
    /// The current time.
    fn now(&self) -> Micros;
    /// Returns once `now() >= deadline` (a virtual clock jumps there at once).
    fn wait_until(&mut self, deadline: Micros);
}

/// A clock that jumps to each deadline: exact and deterministic, a 10-minute scenario takes microseconds.
#[derive(Clone, Copy, Debug, Default)]
pub struct VirtualClock {
    now: Micros,
}

impl Clock for VirtualClock {
    fn now(&self) -> Micros {
        self.now
    }
    fn wait_until(&mut self, deadline: Micros) {
        self.now = self.now.max(deadline);
    }
}

/// The wall clock of a native process (`std::time::Instant`); waiting sleeps the thread.
#[cfg(not(target_arch = "wasm32"))]
#[derive(Clone, Copy, Debug)]
pub struct RealClock {
    start: std::time::Instant,
}

#[cfg(not(target_arch = "wasm32"))]
impl Default for RealClock {
    fn default() -> Self {
        RealClock {
            start: std::time::Instant::now(),
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl Clock for RealClock {
    fn now(&self) -> Micros {
        self.start.elapsed().as_micros() as Micros
    }
    fn wait_until(&mut self, deadline: Micros) {
        let now = self.now();
        if deadline > now {
            std::thread::sleep(std::time::Duration::from_micros(deadline - now));
        }
    }
}

/// Converts a duration in milliseconds to [`Micros`].
pub const fn ms(ms: u32) -> Micros {
    ms as Micros * 1000
}
