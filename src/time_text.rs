//! Times and ratios as text for the page, the CLI and the Python source, with integer arithmetic
//! only: no float is formatted, so the page's wasm carries no float-formatting tables.

use crate::engine::Micros;

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
    format_seconds(ratio(part, whole, scale) * (1_000_000 / scale), decimals)
}

/// `part / whole` as a percentage with 3 decimals, capped at 100: `"12.345"`.
pub fn percent(part: u64, whole: u64) -> String {
    let scaled = ratio(part, whole, 100_000);
    format!("{}.{:03}", scaled / 1000, scaled % 1000)
}

/// `part / whole` in units of `1 / scale`, rounded down, with `part` capped at `whole`. In u64 only
/// (u128 division would add a kilobyte of compiler builtins to the page's download).
fn ratio(part: u64, whole: u64, scale: u64) -> u64 {
    let part = part.min(whole);
    let whole = whole.max(1);
    match part.checked_mul(scale) {
        Some(scaled) => scaled / whole,
        // `part` and `whole` are then beyond `u64::MAX / scale`: dividing `whole` first is off by
        // less than one unit in `whole / scale`.
        None => part / (whole / scale),
    }
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
