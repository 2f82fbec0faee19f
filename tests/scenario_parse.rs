//! The scenario contract: defaults, canonical form, and one clear error per kind of bad input.
#![cfg(not(target_arch = "wasm32"))]

use asyncio_playground::engine::ReturnWhen;
use asyncio_playground::scenario::{ClockKind, Pattern, Sleeps, Spec, SpecError, Speed, Theme};

fn err(q: &str) -> SpecError {
    Spec::parse(q).expect_err(q)
}

#[test]
fn the_empty_query_is_the_article_example() {
    let sc = Spec::parse("").unwrap().scenario;
    assert_eq!(
        (sc.pattern, sc.tasks, sc.sleeps.clone()),
        (Pattern::Gather, 20, Sleeps::All(1000))
    );
    assert_eq!(sc.canonical(), "pattern=gather&tasks=20&sleep=1000");
}

#[test]
fn a_sleep_list_sets_the_task_count_and_one_value_applies_to_all() {
    assert_eq!(Spec::parse("sleep=3,1,2").unwrap().scenario.tasks, 3);
    assert_eq!(Spec::parse("sleep=5").unwrap().scenario.tasks, 20);
    assert_eq!(
        Spec::parse("tasks=4&sleep=5").unwrap().scenario.sleep_of(3),
        5
    );
}

#[test]
fn canonical_form_orders_keys_collapses_equal_sleeps_and_sorts_fail() {
    let q = "?timeout=10&return_when=FIRST_COMPLETED&fail=2,0&sleep=5,5,5&pattern=wait&cancel=2@9,1@3&linger=7&clock=virtual";
    let sc = Spec::parse(q).unwrap().scenario;
    assert_eq!(sc.canonical(), "pattern=wait&tasks=3&sleep=5&fail=0,2&cancel=2@9,1@3&linger=7&return_when=FIRST_COMPLETED&timeout=10");
    assert_eq!(
        Spec::parse(&sc.canonical()).unwrap().scenario,
        sc,
        "the canonical form parses back to itself"
    );
}

#[test]
fn percent_encoded_commas_and_at_signs_are_accepted() {
    let sc = Spec::parse("pattern=manual&sleep=3%2C1%2C2&cancel=1%40500")
        .unwrap()
        .scenario;
    assert_eq!((sc.tasks, sc.cancel.clone()), (3, vec![(1, 500)]));
}

#[test]
fn view_keys_are_read_and_kept_out_of_the_scenario() {
    let spec = Spec::parse("clock=virtual&speed=instant&autorun=1&embed=1&theme=dark").unwrap();
    assert_eq!(spec.view.clock, ClockKind::Virtual);
    assert_eq!(spec.view.speed, Speed::Instant);
    assert!(spec.view.autorun && spec.view.embed);
    assert_eq!(spec.view.theme, Theme::Dark);
    assert_eq!(
        spec.scenario.canonical(),
        "pattern=gather&tasks=20&sleep=1000"
    );
    assert_eq!(
        spec.view.query(),
        "&clock=virtual&speed=instant&autorun=1&embed=1&theme=dark"
    );
}

#[test]
fn speed_is_a_plain_decimal_rate_from_a_tenth_to_ten() {
    for (text, rate) in [
        ("0.1", 0.1),
        (".5", 0.5),
        ("2", 2.0),
        ("2.50", 2.5),
        ("10", 10.0),
    ] {
        let view = Spec::parse(&format!("speed={text}")).unwrap().view;
        assert_eq!(view.speed, Speed::Rate(rate), "speed={text}");
    }
    assert_eq!(
        Spec::parse("speed=0.25").unwrap().view.query(),
        "&speed=0.25"
    );
    for text in [
        "0.09", "10.001", "1e0", "+2", "-1", "inf", "NaN", ".", "1.2.3", "0x1",
    ] {
        assert_eq!(err(&format!("speed={text}")).key(), "speed", "speed={text}");
    }
}

#[test]
fn an_unknown_key_suggests_the_closest_known_one() {
    let e = err("taks=3");
    assert_eq!(
        e,
        SpecError::UnknownKey {
            key: "taks".into(),
            suggestion: Some("tasks")
        }
    );
    assert!(e.to_string().contains("did you mean \"tasks\""), "{e}");
    assert!(matches!(
        err("zzzzzzzz=1"),
        SpecError::UnknownKey {
            suggestion: None,
            ..
        }
    ));
}

#[test]
fn each_error_names_the_key_what_was_given_and_what_is_accepted() {
    let cases = [
        ("tasks=abc", "tasks", "\"abc\""),
        ("tasks=10001", "tasks", "0 to 10000"),
        ("sleep=1,-2", "sleep", "\"-2\""),
        ("sleep=600001", "sleep", "0 to 600000"),
        (
            "pattern=parallel",
            "pattern",
            "sequential, manual, taskgroup, wait, gather",
        ),
        (
            "pattern=wait&return_when=SOMETIMES",
            "return_when",
            "FIRST_COMPLETED",
        ),
        ("return_exceptions=yes", "return_exceptions", "0 or 1"),
        ("tasks=3&fail=3", "fail", "0 to 2"),
        ("tasks=3&fail=1,1", "fail", "listed twice"),
        ("pattern=manual&tasks=3&cancel=1", "cancel", "1@500"),
        ("tasks=3&sleep=1,2", "sleep", "exactly 3"),
        ("tasks=2&tasks=3", "tasks", "more than once"),
        ("return_when=FIRST_COMPLETED", "return_when", "pattern=wait"),
        ("pattern=sequential&cancel=0@5", "cancel", "sequential"),
        ("pattern=gather&timeout=5", "timeout", "pattern=wait"),
        (
            "pattern=wait&return_exceptions=1",
            "return_exceptions",
            "pattern=gather",
        ),
        ("interrupt=soon", "interrupt", "\"soon\""),
        ("fail=", "fail", "at least one"),
        ("speed=20", "speed", "0.1 to 10"),
        ("clock=fast", "clock", "real or virtual"),
        ("sleep=%zz", "sleep", "percent-encoding"),
    ];
    for (q, key, fragment) in cases {
        let e = err(q);
        let message = e.to_string();
        assert_eq!(e.key(), key, "{q}: {message}");
        assert!(
            message.contains(key),
            "{q}: the message names the key: {message}"
        );
        assert!(
            message.contains(fragment),
            "{q}: expected {fragment:?} in {message:?}"
        );
        assert!(!message.contains('\n'), "{q}: one line");
    }
}

#[test]
fn given_values_are_quoted_and_escaped_on_one_line() {
    // Quotes, backslashes, control characters and non-ASCII letters, percent-encoded.
    let given = "a\"b\\c\n\r\t\0\u{1b}é✓";
    let e = err("tasks=a%22b%5Cc%0A%0D%09%00%1B%C3%A9%E2%9C%93");
    let message = e.to_string();
    assert!(!message.contains('\n'), "one line: {message}");
    // What Rust's `{:?}` writes for these characters is the message's quoting too.
    assert!(
        message.contains(&format!("{given:?}")),
        "{message} quotes {given:?}"
    );
}

#[test]
fn pattern_specific_keys_are_accepted_with_their_pattern() {
    let sc = Spec::parse("pattern=wait&return_when=FIRST_EXCEPTION&timeout=0")
        .unwrap()
        .scenario;
    assert_eq!(
        (sc.return_when, sc.timeout),
        (ReturnWhen::FirstException, Some(0))
    );
    assert!(
        Spec::parse("pattern=gather&return_exceptions=1")
            .unwrap()
            .scenario
            .return_exceptions
    );
}
