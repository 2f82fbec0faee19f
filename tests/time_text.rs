//! Times and ratios as text: written with integer arithmetic only.

use asyncio_playground::time_text::{format_seconds, fraction, percent, trimmed_thousandths};

#[test]
fn seconds_are_truncated_to_the_decimals_asked_for() {
    assert_eq!(format_seconds(1_234_567, 3), "1.234");
    assert_eq!(format_seconds(1_234_567, 0), "1");
    assert_eq!(format_seconds(5, 6), "0.000005");
    assert_eq!(format_seconds(2_000_000, 9), "2.000000");
}

#[test]
fn thousandths_are_written_as_the_shortest_decimal() {
    assert_eq!(trimmed_thousandths(1500), "1.5");
    assert_eq!(trimmed_thousandths(1), "0.001");
    assert_eq!(trimmed_thousandths(2000), "2");
    assert_eq!(trimmed_thousandths(0), "0");
}

#[test]
fn fractions_and_percentages_round_down_and_cap_at_the_whole() {
    assert_eq!(fraction(1, 4, 4), "0.2500");
    assert_eq!(fraction(2, 3, 3), "0.666");
    assert_eq!(fraction(9, 4, 2), "1.00");
    assert_eq!(fraction(1, 0, 1), "0.0");
    assert_eq!(percent(1, 3), "33.333");
    assert_eq!(percent(5, 4), "100.000");
    assert_eq!(percent(0, 0), "0.000");
}

#[test]
fn ratios_of_huge_times_do_not_overflow() {
    let whole = u64::MAX / 2;
    assert_eq!(percent(whole / 4, whole), "25.000");
    assert_eq!(percent(u64::MAX, u64::MAX), "100.000");
    assert_eq!(fraction(whole / 3, whole, 6), "0.333333");
}
