//! Time for the loop: microseconds since the program started, read from a virtual or a real clock.

/// Microseconds since the start of the program.
pub type Micros = u64;

/// A [`Micros`] stored in two 4-byte halves: in a future's label and in the trace's events, an
/// 8-aligned `u64` beside a one-byte tag would be padded to 16 bytes (100,000 sleeping tasks hold
/// two futures and two events each).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct At([u32; 2]);

impl std::fmt::Debug for At {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.get())
    }
}

impl At {
    /// The time it holds.
    pub fn get(self) -> Micros {
        u64::from(self.0[0]) | u64::from(self.0[1]) << 32
    }
}

impl From<Micros> for At {
    fn from(us: Micros) -> At {
        At([us as u32, (us >> 32) as u32])
    }
}

impl PartialOrd for At {
    fn partial_cmp(&self, other: &At) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for At {
    fn cmp(&self, other: &At) -> std::cmp::Ordering {
        self.get().cmp(&other.get())
    }
}

/// Where a driver reads the time and how it waits for the loop's next deadline.
///
/// The loop itself never reads a clock: the driver passes `now` to every pass, so the same engine
/// runs on virtual time (tests, CLI, step mode) and on real time (the browser, [`RealClock`]).
pub trait Clock {
    /// The current time.
    fn now(&self) -> Micros;
    /// Returns once `now()` has reached the time the loop wakes for `deadline`.
    fn wait_until(&mut self, deadline: Micros);
    /// A blocking call (`time.sleep`) took `us` of the program's time.
    fn block(&mut self, us: Micros);
}

/// The virtual clock of the programs contract (section 5): when nothing is ready, it jumps to the
/// earliest deadline rounded up to the next whole millisecond (as epoll waits in whole
/// milliseconds); a blocking call moves it on by its duration. Exact and deterministic: a
/// ten-minute program takes microseconds.
#[derive(Clone, Copy, Debug, Default)]
pub struct VirtualClock {
    now: Micros,
}

impl VirtualClock {
    /// A virtual clock reading `now`.
    pub fn at(now: Micros) -> VirtualClock {
        VirtualClock { now }
    }
}

impl Clock for VirtualClock {
    fn now(&self) -> Micros {
        self.now
    }
    fn wait_until(&mut self, deadline: Micros) {
        self.now = self.now.max(ceil_ms(deadline));
    }
    fn block(&mut self, us: Micros) {
        self.now = self.now.saturating_add(us);
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
    fn block(&mut self, us: Micros) {
        std::thread::sleep(std::time::Duration::from_micros(us));
    }
}

/// `us` rounded up to a whole millisecond.
pub const fn ceil_ms(us: Micros) -> Micros {
    us.div_ceil(1000).saturating_mul(1000)
}

/// `us` in whole milliseconds, rounded to the nearest (halves up): how times are reported.
pub const fn to_ms(us: Micros) -> u64 {
    us.saturating_add(500) / 1000
}

/// A loop time in seconds (a Python float, as `call_at` takes it) as microseconds: `round(s * 1e6)`
/// with Python's rounding (halves to even); negative and NaN are 0, too large saturates.
pub fn seconds_to_us(s: f64) -> Micros {
    if s.is_nan() || s <= 0.0 {
        return 0;
    }
    let us = (s * 1e6).round_ties_even();
    if us >= u64::MAX as f64 {
        u64::MAX
    } else {
        us as Micros
    }
}

/// As [`seconds_to_us`], keeping a time before the start negative (a timer's deadline, which
/// orders the heap); NaN is 0.
pub fn seconds_to_signed_us(s: f64) -> i64 {
    if s.is_nan() {
        return 0;
    }
    let us = (s * 1e6).round_ties_even();
    if us >= i64::MAX as f64 {
        i64::MAX
    } else if us <= i64::MIN as f64 {
        i64::MIN
    } else {
        us as i64
    }
}

/// Microseconds as the seconds `loop.time()` reports.
pub fn us_to_seconds(us: Micros) -> f64 {
    us as f64 / 1e6
}

/// The deadline of `loop.call_later(delay, ...)` at `now`: `loop.time() + delay`, computed in
/// floats as CPython does, then in microseconds.
pub fn deadline_after(now: Micros, delay_s: f64) -> Micros {
    seconds_to_us(us_to_seconds(now) + delay_s)
}

#[cfg(test)]
mod tests {
    use super::{At, Micros};

    #[test]
    fn a_packed_moment_gives_back_the_time_it_was_made_from_and_orders_as_it() {
        let times: [Micros; 5] = [0, 1, u64::from(u32::MAX), u64::from(u32::MAX) + 1, u64::MAX];
        for &t in &times {
            assert_eq!(At::from(t).get(), t);
        }
        for pair in times.windows(2) {
            assert!(At::from(pair[0]) < At::from(pair[1]));
        }
        assert_eq!(std::mem::align_of::<At>(), 4);
    }
}
