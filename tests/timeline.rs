//! The timeline model folds the trace into lanes: spans, states and ends, incrementally.
#![cfg(not(target_arch = "wasm32"))]

use asyncio_playground::engine::{Awaiting, CancelCause, Finish, VirtualClock, Who};
use asyncio_playground::program::ScenarioRun;
use asyncio_playground::scenario::Spec;
use asyncio_playground::timeline::{LaneState, SpanKind, Timeline};

fn timeline_of(spec: &str) -> Timeline {
    let sc = Spec::parse(spec).unwrap().scenario;
    let mut run = ScenarioRun::new(&sc, true);
    run.run_to_end(&mut VirtualClock::default());
    let mut t = Timeline::new(sc.tasks);
    t.update(run.run());
    t
}

#[test]
fn a_task_waits_for_its_first_step_then_sleeps_then_ends() {
    let t = timeline_of("pattern=manual&sleep=3000,1000");
    let lane = t.lane(Who::work(1)).unwrap();
    let kinds: Vec<SpanKind> = lane.spans.iter().map(|s| s.kind).collect();
    assert_eq!(
        kinds,
        [
            SpanKind::WaitingToStart,
            SpanKind::Suspended(Awaiting::Sleep { delay_ms: 1000 })
        ]
    );
    assert_eq!(lane.spans[1].to, Some(1_000_000));
    assert_eq!(
        (lane.state(), lane.end.as_ref().map(|e| e.0)),
        (LaneState::Done, Some(1_000_000))
    );
    let main = t.lane(Who::MAIN).unwrap();
    assert!(main
        .spans
        .iter()
        .any(|s| s.kind == SpanKind::Suspended(Awaiting::Task(Who::work(0)))));
}

#[test]
fn lanes_record_the_cancel_cause_and_main_awaiting_the_group() {
    let t = timeline_of("pattern=taskgroup&sleep=3000,1000&fail=1");
    let lane = t.lane(Who::work(0)).unwrap();
    assert_eq!(lane.state(), LaneState::Cancelled);
    let cause = CancelCause::TaskGroupAbort { failed: Some(1) };
    assert_eq!(lane.cancel_requested, Some((1_000_000, cause)));
    assert!(
        matches!(lane.end, Some((_, Finish::Cancelled { cause: Some(c), started: true })) if c == cause)
    );
    assert!(t
        .lane(Who::MAIN)
        .unwrap()
        .spans
        .iter()
        .any(|s| s.kind == SpanKind::Suspended(Awaiting::TaskGroup)));
}

#[test]
fn sequential_coroutines_run_inside_main_and_unreached_ones_never_start() {
    let t = timeline_of("pattern=sequential&tasks=3&fail=1");
    assert_eq!(
        t.lane(Who::work(0)).unwrap().spans[0].kind,
        SpanKind::InsideMain
    );
    assert_eq!(t.lane(Who::work(1)).unwrap().state(), LaneState::Failed);
    assert_eq!(t.lane(Who::work(2)).unwrap().state(), LaneState::NotStarted);
}

#[test]
fn spans_closer_than_the_resolution_are_drawn_as_one_bar() {
    let t = timeline_of("pattern=sequential&tasks=1000&sleep=1");
    let main = t.lane(Who::MAIN).unwrap();
    let sleeps = main
        .spans
        .iter()
        .filter(|s| s.kind.look() == "sleep")
        .count();
    assert_eq!(sleeps, 1000, "main awaits each sleep itself");
    let end = main.end.as_ref().unwrap().0;
    // At a resolution of a thousandth of the run, main's lane is its (empty) wait for its first
    // step, then one bar of 1,000 sleeps.
    let bars = main.bars(end, end / 1000);
    assert_eq!(bars.len(), 2, "{bars:?}");
    assert_eq!(bars[0].kind, SpanKind::WaitingToStart);
    assert_eq!((bars[1].spans, bars[1].from, bars[1].to), (1000, 0, end));
    // At a resolution of zero every span is its own bar.
    assert_eq!(main.bars(end, 0).len(), main.spans.len());
}

#[test]
fn bars_keep_spans_that_look_different_apart() {
    let t = timeline_of("pattern=manual&tasks=2&sleep=1000,3000");
    let main = t.lane(Who::MAIN).unwrap();
    // Main awaits work(0), then work(1): two awaits, back to back (one pass apart).
    let looks: Vec<&str> = main
        .bars(3_000_000, 3_000)
        .iter()
        .map(|b| b.kind.look())
        .collect();
    assert_eq!(
        looks,
        ["waiting", "await"],
        "two awaits back to back are one bar"
    );
    assert_eq!(
        main.bars(3_000_000, 0).len(),
        3,
        "unless the resolution is zero"
    );
    let lane = t.lane(Who::work(1)).unwrap();
    let looks: Vec<&str> = lane
        .bars(3_000_000, 3_000)
        .iter()
        .map(|b| b.kind.look())
        .collect();
    assert_eq!(looks, ["waiting", "sleep"]);
}

#[test]
fn folding_in_steps_gives_the_same_timeline_as_folding_at_the_end() {
    let sc = Spec::parse("pattern=gather&sleep=300,100,200&fail=2&cancel=0@150")
        .unwrap()
        .scenario;
    let mut run = ScenarioRun::new(&sc, true);
    let mut live = Timeline::new(sc.tasks);
    let mut clock = VirtualClock::default();
    loop {
        match run.run().next_action() {
            asyncio_playground::engine::Next::Ready => run.run().run_pass(clock_now(&clock)),
            asyncio_playground::engine::Next::At(t) => {
                asyncio_playground::engine::Clock::wait_until(&mut clock, t);
                run.run().run_pass(t);
            }
            _ => break,
        }
        live.update(run.run());
    }
    let mut once = Timeline::new(sc.tasks);
    once.update(run.run());
    assert_eq!(live, once);
}

fn clock_now(c: &VirtualClock) -> u64 {
    asyncio_playground::engine::Clock::now(c)
}
