//! The timeline's time axis: a span of round length that holds the run so far, and tick labels
//! that are distinct and exact. Pure arithmetic (integers only), tested natively.
//!
//! A round span (1, 1.25, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 × a power of ten) changes only now and
//! then as a run goes on, so between those changes the now cursor and the bars move across a
//! still axis instead of the axis stretching under them.

use crate::engine::Micros;
use crate::time_text::format_seconds;

/// How many intervals the axis is divided into (ticks at both ends: one more label).
pub const TICKS: u64 = 5;

/// The round spans within one power of ten, in tenths... of the power: 1.25 is 125.
const STEPS: [u64; 10] = [100, 125, 150, 200, 250, 300, 400, 500, 600, 800];

/// The axis span for a run whose latest time is `latest`: the smallest round span that leaves a
/// little room after it (at least 5%), and at least 1 ms.
pub fn span(latest: Micros) -> Micros {
    let needed = (latest.saturating_mul(105) / 100).max(1_000);
    let mut power: u64 = 1;
    loop {
        for step in STEPS {
            let candidate = step.saturating_mul(power) / 100;
            if candidate >= needed {
                return candidate;
            }
        }
        if power > u64::MAX / 10 {
            return needed;
        }
        power *= 10;
    }
}

/// The decimals (of seconds) that write every tick of a span exactly: `0.25 s` needs two.
pub fn decimals(span: Micros) -> u32 {
    let step = span / TICKS;
    (0..6).find(|&d| step % 10u64.pow(6 - d) == 0).unwrap_or(6)
}

/// The tick labels of a span, from 0 to the span: `["0 s", "0.2 s", …, "1 s"]`.
pub fn labels(span: Micros) -> Vec<String> {
    let d = decimals(span);
    (0..=TICKS)
        .map(|i| format!("{} s", format_seconds(span * i / TICKS, d)))
        .collect()
}
