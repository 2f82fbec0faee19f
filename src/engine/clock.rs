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

/// `us` as seconds with `decimals` digits (0 to 6), truncated, with integer arithmetic only (no float
/// formatting in the page's wasm): `format_seconds(1_234_567, 3)` is `"1.234"`.
pub fn format_seconds(us: Micros, decimals: u32) -> String {
    let decimals = decimals.min(6);
    let whole = us / 1_000_000;
    if decimals == 0 {
        return whole.to_string();
    }
    let frac = (us % 1_000_000) / 10u64.pow(6 - decimals);
    format!("{whole}.{frac:0width$}", width = decimals as usize)
}

/// `part / whole` as a decimal fraction with `decimals` digits (0 to 6), capped at 1: `"0.2500"`.
pub fn fraction(part: u64, whole: u64, decimals: u32) -> String {
    let scale = 10u64.pow(decimals.min(6));
    let scaled = (part.min(whole) as u128 * scale as u128 / whole.max(1) as u128) as u64;
    format_seconds(scaled * (1_000_000 / scale), decimals)
}

/// `part / whole` as a percentage with 3 decimals, capped at 100: `"12.345"`.
pub fn percent(part: u64, whole: u64) -> String {
    let scaled = (part.min(whole) as u128 * 100_000 / whole.max(1) as u128) as u64;
    format!("{}.{:03}", scaled / 1000, scaled % 1000)
}

/// `us` as `"1.234 s"` (how the page labels a time).
pub fn seconds_label(us: Micros) -> String {
    format!("{} s", format_seconds(us, 3))
}

/// A count of thousandths as the shortest decimal (`1500` is `"1.5"`, `1` is `"0.001"`, `2000` is
/// `"2"`): Python literals for `ms / 1000`, and rates in the URL.
pub fn trimmed_thousandths(milli: u64) -> String {
    let text = format_seconds(milli * 1000, 3);
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}
