//! Property tests: no input makes the parser or the runner panic; valid runs end well-formed.
#![cfg(not(target_arch = "wasm32"))]

use asyncio_playground::program::{ProgramRun, Returned, TaskState};
use asyncio_playground::scenario::{Pattern, Spec, KEYS};
use proptest::prelude::*;

/// Strings that look like query strings: known keys, near-misses, separators, odd values.
fn queryish() -> impl Strategy<Value = String> {
    let near_misses = ["taks", "", "%", "sleep%2C"];
    let key = prop::sample::select(
        KEYS.iter()
            .chain(near_misses.iter())
            .copied()
            .collect::<Vec<_>>(),
    );
    let value = prop_oneof![
        "[0-9]{0,7}",
        "[0-9]{1,3}(,[0-9]{1,4}){0,6}",
        "[0-9]{1,2}@[0-9]{1,5}(,[0-9]{1,2}@[0-9]{1,5}){0,3}",
        prop::sample::select(vec![
            "gather",
            "wait",
            "manual",
            "taskgroup",
            "sequential",
            "FIRST_COMPLETED",
            "instant",
            "-1",
            "1e3",
            "%zz",
            "%E2%82%AC"
        ])
        .prop_map(String::from),
        any::<String>(),
    ];
    prop::collection::vec((key, value), 0..6).prop_map(|pairs| {
        pairs
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("&")
    })
}

/// Well-formed scenarios within small bounds.
fn valid_spec() -> impl Strategy<Value = String> {
    (
        0usize..5,
        0u32..12,
        prop::collection::vec(0u32..3000, 1..12),
        any::<u64>(),
        0u8..8,
    )
        .prop_map(|(pattern, tasks, sleeps, bits, extras)| {
            let pattern = Pattern::ALL[pattern];
            let n = if sleeps.len() > 1 {
                sleeps.len() as u32
            } else {
                tasks
            };
            let mut q = format!(
                "pattern={}&tasks={n}&sleep={}",
                pattern.name(),
                if n as usize == sleeps.len() {
                    sleeps
                        .iter()
                        .map(u32::to_string)
                        .collect::<Vec<_>>()
                        .join(",")
                } else {
                    sleeps[0].to_string()
                }
            );
            let fail: Vec<String> = (0..n)
                .filter(|i| bits >> (i % 64) & 1 == 1)
                .map(|i| i.to_string())
                .collect();
            if !fail.is_empty() {
                q += &format!("&fail={}", fail.join(","));
            }
            if n > 0 && pattern != Pattern::Sequential && extras & 1 == 1 {
                q += &format!("&cancel={}@{}", (bits % n as u64), bits % 2500);
            }
            if extras & 2 == 2 {
                q += &format!("&interrupt={}", bits % 4000);
            }
            if extras & 4 == 4 {
                q += &format!("&linger={}", bits % 1000);
            }
            match pattern {
                Pattern::Gather if bits & 1 == 1 => q += "&return_exceptions=1",
                Pattern::Wait => {
                    q += [
                        "",
                        "&return_when=FIRST_COMPLETED",
                        "&return_when=FIRST_EXCEPTION",
                    ][(bits % 3) as usize];
                    if bits & 8 == 8 {
                        q += &format!("&timeout={}", bits % 3000);
                    }
                }
                _ => {}
            }
            q
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1000, ..ProptestConfig::default() })]

    #[test]
    fn any_string_is_parsed_or_rejected_with_a_message_never_a_panic(q in queryish()) {
        match Spec::parse(&q) {
            Ok(spec) => {
                let run = ProgramRun::run_virtual(&spec.scenario, false);
                prop_assert!(run.is_ok(), "{}: a valid scenario stops only at a limit: {:?}", q, run.err());
            }
            Err(e) => prop_assert!(!e.to_string().is_empty()),
        }
    }

    #[test]
    fn arbitrary_bytes_never_panic_the_parser(q in any::<String>()) {
        let _ = Spec::parse(&q);
    }

    #[test]
    fn every_valid_scenario_terminates_with_a_well_formed_outcome(q in valid_spec()) {
        let sc = Spec::parse(&q).map_err(|e| TestCaseError::fail(format!("{q}: {e}")))?.scenario;
        let o = ProgramRun::run_virtual(&sc, true).map_err(|why| TestCaseError::fail(format!("{q}: stopped: {why}")))?;
        prop_assert_eq!(o.tasks.len(), sc.tasks as usize);
        for t in &o.tasks {
            prop_assert_eq!(t.error.is_some(), t.state == TaskState::Failed, "{}", q);
            prop_assert_eq!(t.end_ms.is_none(), t.state == TaskState::NotStarted, "{}", q);
            prop_assert!(t.end_ms.unwrap_or(0) <= o.main.end_ms + 1, "{}: tasks end by shutdown", q);
            if t.state == TaskState::NotStarted {
                prop_assert_eq!(sc.pattern, Pattern::Sequential);
            }
        }
        prop_assert_eq!(o.main.error.is_some(), o.main.state == TaskState::Failed, "{}", q);
        prop_assert!(o.main.state != TaskState::NotStarted);
        match &o.returned {
            Some(Returned::Results(r)) => prop_assert_eq!(r.len(), sc.tasks as usize),
            Some(Returned::Sets { done, pending }) => prop_assert_eq!(done.len() + pending.len(), sc.tasks as usize),
            None => {}
        }
        let json: serde_json::Value = serde_json::from_str(&o.to_json()).unwrap();
        prop_assert_eq!(json["spec"].as_str().unwrap(), sc.canonical());
    }
}
