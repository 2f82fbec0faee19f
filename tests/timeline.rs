//! The timeline model folds the trace into lanes: spans, states, ends and stalls, incrementally.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use asyncio_playground::engine::{Awaiting, CancelCause, Finish};
use asyncio_playground::program::ProgramRun;
use asyncio_playground::python::Next;
use asyncio_playground::scenario::Spec;
use asyncio_playground::timeline::{LaneState, SpanKind, Timeline};
use common::{id, line_of, run_program, task, timeline, MAIN};

fn kinds(t: &Timeline, name: &str) -> Vec<SpanKind> {
    t.lane_named(name)
        .unwrap()
        .spans
        .iter()
        .map(|s| s.kind)
        .collect()
}

#[test]
fn a_task_waits_for_its_first_step_then_sleeps_then_ends() {
    let spec = "pattern=manual&sleep=3000,1000";
    let t = timeline(spec);
    let line = line_of(spec, "await asyncio.sleep(");
    assert_eq!(
        kinds(&t, &task(1)),
        [
            SpanKind::WaitingToStart,
            SpanKind::Suspended {
                awaiting: Awaiting::Sleep {
                    until: 1_000_000.into()
                },
                line
            }
        ]
    );
    let lane = t.lane_named(&task(1)).unwrap();
    assert_eq!(lane.spans[1].to, Some(1_000_000));
    assert_eq!(
        (lane.state(), lane.end.map(|e| e.0)),
        (LaneState::Done, Some(1_000_000))
    );
    assert_eq!((&*lane.coro, lane.created_by), ("work", Some(id(&t, MAIN))));
    let first = id(&t, &task(0));
    assert!(kinds(&t, MAIN).iter().any(
        |k| matches!(k, SpanKind::Suspended { awaiting: Awaiting::Task(w), .. } if *w == first)
    ));
}

#[test]
fn lanes_record_the_cancel_cause_and_main_awaiting_the_group() {
    let t = timeline("pattern=taskgroup&sleep=3000,1000&fail=1");
    let lane = t.lane_named(&task(0)).unwrap();
    assert_eq!(lane.state(), LaneState::Cancelled);
    let cause = CancelCause::TaskGroup {
        failed: Some(id(&t, &task(1))),
    };
    assert_eq!(lane.cancel_requested, Some((1_000_000, cause)));
    assert!(
        matches!(lane.end, Some((_, Finish::Cancelled { cause: Some(c), started: true })) if c == cause)
    );
    assert!(kinds(&t, MAIN).iter().any(|k| matches!(
        k,
        SpanKind::Suspended {
            awaiting: Awaiting::TaskGroup,
            ..
        }
    )));
}

#[test]
fn sequential_coroutines_make_no_task_of_their_own() {
    let t = timeline("pattern=sequential&tasks=3&fail=1");
    let names: Vec<&str> = t.shown().map(|l| &*l.name).collect();
    assert_eq!(names, [MAIN], "await work(i) runs work inside main");
    assert_eq!(t.lane_named(MAIN).unwrap().state(), LaneState::Failed);
}

#[test]
fn asyncio_runs_own_shutdown_tasks_are_not_shown() {
    let t = timeline("pattern=gather&tasks=2");
    assert!(
        t.lanes.iter().any(|l| l.internal),
        "asyncio.run made its shutdown tasks"
    );
    assert_eq!(t.shown().count(), 3);
}

#[test]
fn a_blocking_sleep_is_a_blocking_span_and_a_stall() {
    let ran = run_program(
        "import asyncio, time\n\nasync def main():\n    await asyncio.sleep(0.1)\n    time.sleep(0.5)\n    await asyncio.sleep(0.1)\n\nasyncio.run(main())\n",
    );
    let t = ran.timeline();
    assert!(
        kinds(&t, MAIN).contains(&SpanKind::Blocking { line: 5 }),
        "{:?}",
        kinds(&t, MAIN)
    );
    assert_eq!(t.stalls, [(100_000, 600_000, Some(id(&t, MAIN)))]);
}

#[test]
fn spans_closer_than_the_resolution_are_drawn_as_one_bar() {
    let t = timeline("pattern=manual&tasks=2&sleep=1000,3000");
    let main = t.lane_named(MAIN).unwrap();
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
        main.spans.len(),
        "unless the resolution is zero"
    );
    let lane = t.lane_named(&task(1)).unwrap();
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
    let mut run = ProgramRun::new(&sc, true);
    let mut live = Timeline::new();
    loop {
        match run.program().next_action() {
            Next::Ready => {
                let now = run.program().now();
                run.program().run_pass(now);
            }
            Next::At(t) => run.program().run_pass(t),
            Next::Ended(_) => break,
        }
        if let Some(r) = run.run() {
            live.update(&r.borrow());
        }
    }
    let mut once = Timeline::new();
    once.update(&run.run().unwrap().borrow());
    assert_eq!(live, once);
    assert!(live.lanes.len() > 3);
}

#[test]
fn lanes_are_grouped_under_the_task_that_created_them() {
    let source = "import asyncio\n\nasync def leaf():\n    await asyncio.sleep(0.1)\n\nasync def branch():\n    await asyncio.create_task(leaf())\n\nasync def main():\n    a = asyncio.create_task(branch())\n    b = asyncio.create_task(leaf())\n    await asyncio.sleep(0)\n    await a\n    await b\n\nasyncio.run(main())\n";
    let mut run = ProgramRun::of_source(source, "main.py", true).unwrap();
    run.program().run_virtual();
    let mut timeline = Timeline::new();
    timeline.update(&run.run().unwrap().borrow());
    let grouped: Vec<(String, u32)> = timeline
        .grouped()
        .into_iter()
        .map(|(l, depth)| (l.name.to_string(), depth))
        .collect();
    // Task-4 (branch's leaf) is created after Task-3, but drawn under its creator, Task-2.
    assert_eq!(
        grouped,
        vec![
            ("Task-1".to_string(), 0),
            ("Task-2".to_string(), 1),
            ("Task-4".to_string(), 2),
            ("Task-3".to_string(), 1),
        ]
    );
}
