//! The loop pass, the ready queue, timers and the virtual clock behave as `BaseEventLoop._run_once`.
#![cfg(not(target_arch = "wasm32"))]

use asyncio_playground::engine::{sleep, Api, Line, Next, Run, Value, VirtualClock, What, Who};

fn printed_at_pass(run: &Run) -> Vec<(u32, Line)> {
    run.trace_from(0)
        .iter()
        .filter_map(|e| match e.what {
            What::Printed(i) => Some((e.pass, run.line(i).unwrap())),
            _ => None,
        })
        .collect()
}

#[test]
fn create_task_runs_nothing_until_the_creator_suspends() {
    let mut run = Run::new(true, 1, |api: Api| async move {
        api.create_task(Who::work(0), async move {
            Api.print(Line::TaskDone(0));
            Ok(Value::Int(0))
        });
        api.print(Line::Done); // printed before the task's first step
        sleep(0).await?;
        Ok(Value::None)
    });
    assert!(run.run_to_end(&mut VirtualClock::default()));
    let lines: Vec<String> = run.stdout().iter().map(|l| l.to_string()).collect();
    assert_eq!(lines, ["Done.", ">Task 0 done"]);
    let passes = printed_at_pass(&run);
    assert_eq!(
        passes[1].0,
        passes[0].0 + 1,
        "the task's first step runs one pass after its creation"
    );
}

#[test]
fn sleep_zero_yields_for_exactly_one_pass() {
    let mut run = Run::new(true, 0, |api: Api| async move {
        api.print(Line::TaskDone(0));
        sleep(0).await?;
        api.print(Line::TaskDone(1));
        sleep(0).await?;
        api.print(Line::TaskDone(2));
        Ok(Value::None)
    });
    run.run_to_end(&mut VirtualClock::default());
    let passes: Vec<u32> = printed_at_pass(&run).iter().map(|(p, _)| *p).collect();
    assert_eq!(passes, [passes[0], passes[0] + 1, passes[0] + 2]);
    assert_eq!(run.now(), 0, "sleep(0) takes no time");
}

#[test]
fn equal_deadlines_wake_in_arming_order_and_in_one_pass() {
    let mut run = Run::new(true, 3, |api: Api| async move {
        for i in [2, 0, 1] {
            api.create_task(Who::work(i), async move {
                sleep(1000).await?;
                Api.print(Line::TaskDone(i));
                Ok(Value::None)
            });
        }
        sleep(2000).await?;
        Ok(Value::None)
    });
    run.run_to_end(&mut VirtualClock::default());
    let printed = printed_at_pass(&run);
    let order: Vec<String> = printed.iter().map(|(_, l)| l.to_string()).collect();
    assert_eq!(
        order,
        [">Task 2 done", ">Task 0 done", ">Task 1 done"],
        "arming order"
    );
    assert!(
        printed.iter().all(|(p, _)| *p == printed[0].0),
        "the three timers fire in one pass"
    );
}

#[test]
fn a_task_resumes_one_pass_after_its_timer_fires_and_its_awaiter_one_pass_later() {
    let mut run = Run::new(true, 1, |api: Api| async move {
        let t = api.create_task(Who::work(0), async move {
            sleep(500).await?;
            Api.print(Line::TaskDone(0));
            Ok(Value::Int(0))
        });
        api.await_task(t).await?;
        api.print(Line::Done);
        Ok(Value::None)
    });
    let mut clock = VirtualClock::default();
    // Pass 1: main runs; pass 2: the task arms its timer; then the loop waits for 500 ms.
    run.run_pass(0);
    run.run_pass(0);
    assert_eq!(run.next_action(), Next::At(500_000));
    run.run_to_end(&mut clock);
    let passes = printed_at_pass(&run);
    // Pass 3 fires the timer; the task resumes in pass 4; main, woken by the task's end, in pass 5.
    assert_eq!(passes.iter().map(|(p, _)| *p).collect::<Vec<_>>(), [4, 5]);
    assert_eq!(run.end_of(Who::MAIN).unwrap().at, 500_000);
}

#[test]
fn virtual_clock_jumps_straight_to_the_next_deadline() {
    let mut run = Run::new(false, 0, |_: Api| async move {
        sleep(600_000).await?;
        sleep(600_000).await?;
        Ok(Value::None)
    });
    run.run_to_end(&mut VirtualClock::default());
    assert_eq!(run.end_of(Who::MAIN).unwrap().at, 1_200_000_000);
    assert!(
        run.passes() < 10,
        "two timers take a handful of passes, not one per ms"
    );
}

#[test]
fn a_cancelled_sleep_never_makes_the_loop_wait_for_its_deadline() {
    let mut run = Run::new(false, 1, |api: Api| async move {
        let t = api.create_task(Who::work(0), async move {
            sleep(10_000).await?;
            Ok(Value::None)
        });
        api.call_later_cancel(
            100,
            t,
            asyncio_playground::engine::CancelCause::Scheduled { at_ms: 100 },
        );
        let _ = api.await_task(t).await;
        Ok(Value::None)
    });
    run.run_to_end(&mut VirtualClock::default());
    assert_eq!(
        run.now(),
        100_000,
        "the run ends at the cancel, not at the 10 s deadline"
    );
}

#[test]
fn a_pass_paused_between_callbacks_changes_nothing() {
    use asyncio_playground::program::ScenarioRun;
    use asyncio_playground::scenario::Spec;
    let spec = "pattern=taskgroup&tasks=500&sleep=0&fail=250&cancel=7@0";
    let sc = Spec::parse(spec).unwrap().scenario;
    let whole = ScenarioRun::run_virtual(&sc, true);
    let mut run = ScenarioRun::new(&sc, true);
    let (mut now, mut paused) = (0, 0);
    loop {
        match run.run().next_action() {
            Next::Ready => paused += usize::from(!run.run().run_pass_within(now, || true)),
            Next::At(t) => {
                now = t;
                run.run().run_pass(now);
            }
            _ => break,
        }
    }
    assert!(
        paused > 10,
        "the 500-task passes were paused many times ({paused})"
    );
    assert_eq!(run.outcome().unwrap(), whole);
}
