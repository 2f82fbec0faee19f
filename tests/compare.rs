//! The four ways side by side: each way's run is the scenario's own run under that pattern, and
//! the comparison says where they part, or that equal sleeps hide the differences.

use asyncio_playground::compare::{compare, WAYS};
use asyncio_playground::program::{ProgramRun, TaskState};
use asyncio_playground::scenario::{Pattern, Scenario, Spec};

fn scenario(query: &str) -> Scenario {
    Spec::parse(query).unwrap().scenario
}

#[test]
fn each_way_is_the_scenario_run_under_that_pattern() {
    let sc = scenario("tasks=3&sleep=3000,1000,2000&fail=1&cancel=2@1500");
    let c = compare(&sc).unwrap();
    assert_eq!(c.ways.len(), 4);
    for (way, pattern) in c.ways.iter().zip(WAYS) {
        let alone = Scenario {
            pattern,
            ..sc.clone()
        };
        let expected = ProgramRun::run_virtual(&alone, false).unwrap();
        assert_eq!(way.json, expected.to_json(), "{}", pattern.name());
        assert_eq!(way.timeline.shown().count(), 4, "main and three tasks");
    }
}

#[test]
fn staggered_sleeps_with_a_failure_part_the_ways_when_the_task_fails() {
    let c = compare(&scenario("tasks=3&sleep=1000,2000,3000&fail=0")).unwrap();
    assert_eq!(c.parts_at, Some(1000));
    assert!(!c.hidden);
    let taskgroup = &c.ways[1].outcome;
    assert_eq!(c.ways[1].scenario.pattern, Pattern::TaskGroup);
    assert_eq!(taskgroup.tasks[2].state, TaskState::Cancelled);
    let wait = &c.ways[2].outcome;
    assert_eq!(wait.tasks[2].state, TaskState::Done);
}

#[test]
fn equal_sleeps_hide_the_differences_and_the_comparison_says_so() {
    let c = compare(&scenario("tasks=3&sleep=1000&fail=1")).unwrap();
    assert!(c.hidden, "every task ends in the same pass under every way");
    let c = compare(&scenario("tasks=3&sleep=1000")).unwrap();
    assert!(!c.hidden, "nothing fails: nothing to hide");
    assert_eq!(c.parts_at, None);
}
