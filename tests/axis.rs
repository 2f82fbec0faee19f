//! The timeline's axis: round spans that hold the run, and tick labels that are distinct and exact.

use asyncio_playground::axis::{labels, span};

#[test]
fn the_span_is_round_holds_the_run_and_leaves_room_after_it() {
    assert_eq!(span(0), 1_000);
    assert_eq!(span(400_000), 500_000);
    assert_eq!(span(900_000), 1_000_000);
    assert_eq!(span(1_000_000), 1_250_000);
    assert_eq!(span(2_000_000), 2_500_000);
    assert_eq!(span(9_900_000), 12_500_000);
    for latest in (0..5_000_000u64).step_by(37_123) {
        let s = span(latest);
        assert!(s >= latest * 105 / 100, "{latest}: {s}");
        assert!(
            s <= (latest * 105 / 100).max(1_000) * 4 / 3 + 1,
            "{latest}: {s} wastes too much"
        );
    }
}

#[test]
fn the_span_changes_rarely_as_time_goes_on() {
    // Ten round spans a decade: from 1 s to 2 s of a run, the axis changes three times.
    let changes = (1_000..2_000u64)
        .map(|ms| span(ms * 1_000))
        .collect::<Vec<_>>()
        .windows(2)
        .filter(|w| w[0] != w[1])
        .count();
    assert!(changes <= 3, "{changes} changes between 1 s and 2 s");
}

#[test]
fn tick_labels_are_distinct_exact_and_short() {
    assert_eq!(
        labels(1_000_000),
        ["0.0 s", "0.2 s", "0.4 s", "0.6 s", "0.8 s", "1.0 s"]
    );
    assert_eq!(
        labels(1_250_000),
        ["0.00 s", "0.25 s", "0.50 s", "0.75 s", "1.00 s", "1.25 s"]
    );
    assert_eq!(
        labels(5_000_000),
        ["0 s", "1 s", "2 s", "3 s", "4 s", "5 s"]
    );
    for latest in (0..20_000_000u64).step_by(12_345) {
        let l = labels(span(latest));
        let distinct: std::collections::HashSet<_> = l.iter().collect();
        assert_eq!(distinct.len(), l.len(), "{l:?}");
        assert!(l.iter().all(|t| t.len() <= 8), "{l:?}");
    }
}
