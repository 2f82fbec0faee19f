//! Any moment of a run, from the index over its trace: the passes equal the CLI's `passes` (and so
//! CPython's, which the corpus test checks), and so do the program's callbacks in them, and a task's state and the console at any cursor equal
//! what folding the trace from the start up to it gives.

use asyncio_playground::engine::{CallbackKind, Finish, What};
use asyncio_playground::moments::{span_at, why_ready, Moments, Ready, StateAt};
use asyncio_playground::program::ProgramRun;
use asyncio_playground::python::passes::{callbacks, passes};
use asyncio_playground::timeline::Timeline;

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/programs/corpus/");

/// Runs a corpus program with its trace, and indexes its first `asyncio.run`.
fn indexed(file: &str) -> (ProgramRun, Timeline, Moments) {
    let source = std::fs::read_to_string(format!("{CORPUS}{file}")).unwrap();
    let mut run = ProgramRun::of_source(&source, "main.py", true).unwrap();
    run.program().run_virtual();
    let mut timeline = Timeline::new();
    let mut moments = Moments::new();
    if let Some(engine_run) = run.run() {
        let engine_run = engine_run.borrow();
        let events = timeline.update(&engine_run);
        moments.update(&events, &engine_run, &timeline);
    }
    (run, timeline, moments)
}

const PROGRAMS: [&str; 6] = [
    "001_seed_create_task.py",
    "058_taskgroup_success.py",
    "069_semaphore.py",
    "074_queue_workers.py",
    "146_gallery_semaphore.py",
    "157_gallery_gather_vs_taskgroup.py",
];

#[test]
fn the_passes_are_the_clis_passes() {
    for file in PROGRAMS {
        let (_run, timeline, moments) = indexed(file);
        let ours: Vec<(u32, u64, Vec<String>)> = moments
            .task_passes()
            .map(|p| {
                let names = p
                    .steps
                    .iter()
                    .map(|&t| timeline.lane(t).unwrap().name.to_string());
                (
                    p.pass,
                    asyncio_playground::engine::clock::to_ms(p.at),
                    names.collect(),
                )
            })
            .collect();
        let cli: Vec<(u32, u64, Vec<String>)> = passes()
            .into_iter()
            .map(|p| {
                (
                    p.pass,
                    p.ms,
                    p.steps.iter().map(|s| s.to_string()).collect(),
                )
            })
            .collect();
        assert_eq!(ours, cli, "{file}");
    }
}

#[test]
fn a_tasks_state_at_any_cursor_is_what_the_trace_up_to_it_says() {
    for file in PROGRAMS {
        let (run, timeline, moments) = indexed(file);
        let events = run.run().unwrap().borrow().trace_from(0);
        for k in 0..=moments.len() {
            for lane in timeline.shown() {
                let happened = &events[..k];
                let created = happened
                    .iter()
                    .any(|e| e.task == Some(lane.task) && matches!(e.what, What::Created { .. }));
                let finished = happened
                    .iter()
                    .any(|e| e.task == Some(lane.task) && e.what == What::Finished);
                let expected = match (created, finished, lane.end.map(|e| e.1)) {
                    (false, _, _) => StateAt::NotCreated,
                    (true, false, _) => StateAt::Pending,
                    (true, true, Some(Finish::Done)) => StateAt::Done,
                    (true, true, Some(Finish::Failed)) => StateAt::Failed,
                    (true, true, _) => StateAt::Cancelled,
                };
                assert_eq!(
                    moments.state_at(lane, k),
                    expected,
                    "{file}: {} at {k}",
                    lane.name
                );
            }
            let printed = events[..k]
                .iter()
                .filter(|e| matches!(e.what, What::Printed(_)))
                .count();
            assert_eq!(moments.printed_at(k), printed, "{file}: printed at {k}");
        }
    }
}

#[test]
fn stepping_by_pass_and_by_time_lands_on_whole_passes_and_times() {
    let (_run, timeline, moments) = indexed("146_gallery_semaphore.py");
    let mut k = 0;
    let mut seen = Vec::new();
    while k < moments.len() {
        let next = moments.next_pass(k);
        assert!(next > k);
        // After the last pass come only `asyncio.run`'s own shutdown steps: the end.
        if let Some(p) = moments.pass_at(next).filter(|p| p.end == next) {
            seen.push(p.pass);
        } else {
            assert_eq!(next, moments.len());
        }
        // Back by a pass from the next pass is where we were (a pass's end, or the start).
        assert_eq!(moments.prev_pass(next), k);
        k = next;
    }
    assert_eq!(
        seen,
        moments.passes.iter().map(|p| p.pass).collect::<Vec<_>>()
    );
    // The cursor at a time includes every event at that time.
    let t = moments.passes[1].at;
    let k = moments.cursor_at(t);
    assert!(moments.time_of(k) <= t && (k == moments.len() || moments.time_of(k + 1) > t));
    // What each task of the second pass was woken by, and what it did at that time.
    for &task in &moments.passes[1].steps {
        let lane = timeline.lane(task).unwrap();
        assert!(!why_ready(&timeline, lane, moments.passes[1].at).is_empty());
        assert!(span_at(lane, 0).is_some() || lane.created > 0);
    }
}

#[test]
fn each_pass_holds_the_programs_callbacks_where_they_ran_as_cpythons_do() {
    // `callbacks()` is what the corpus test compares with CPython's, pass for pass.
    for file in [
        "063_loop_callbacks.py",
        "116_completion_vs_callback_time.py",
        "150_gallery_call_later.py",
    ] {
        let (run, _timeline, moments) = indexed(file);
        let ours: Vec<(u32, CallbackKind)> = moments
            .passes
            .iter()
            .flat_map(|p| {
                p.ready.iter().filter_map(move |r| match *r {
                    Ready::Callback { kind, .. } => Some((p.pass, kind)),
                    Ready::Step(_) => None,
                })
            })
            .collect();
        assert!(!ours.is_empty(), "{file} has callbacks");
        assert_eq!(ours, callbacks(), "{file}");
        // A pass that ends with a callback ends after what the callback did (its prints).
        let events = run.run().unwrap().borrow().trace_from(0);
        for p in moments
            .passes
            .iter()
            .filter(|p| matches!(p.ready.last(), Some(Ready::Callback { .. })))
        {
            let last = events.iter().rposition(|e| e.pass == p.pass).unwrap();
            assert_eq!(p.end, last + 1, "{file}: pass {}", p.pass);
        }
        for p in &moments.passes {
            // The steps are the ready list's steps, in order.
            let steps: Vec<_> = p
                .ready
                .iter()
                .filter_map(|r| match *r {
                    Ready::Step(t) => Some(t),
                    Ready::Callback { .. } => None,
                })
                .collect();
            assert_eq!(steps, p.steps, "{file}: pass {}", p.pass);
        }
    }
}

#[test]
fn the_programs_timers_armed_at_any_cursor_are_those_the_trace_up_to_it_leaves_armed() {
    for file in [
        "150_gallery_call_later.py",
        "101_rate_limiter.py",
        "063_loop_callbacks.py",
    ] {
        let (run, _timeline, moments) = indexed(file);
        let events = run.run().unwrap().borrow().trace_from(0);
        let mut some = false;
        for k in 0..=moments.len() {
            // Folded from the start: armed, and not yet run or cancelled.
            let mut armed: Vec<(u64, u32, u32)> = Vec::new();
            for e in &events[..k] {
                match e.what {
                    What::TimerArmed {
                        handle,
                        until,
                        line,
                    } => armed.push((until.get(), handle, line)),
                    What::CallbackRan {
                        handle: Some(h), ..
                    }
                    | What::HandleCancelled { handle: h } => armed.retain(|t| t.1 != h),
                    _ => {}
                }
            }
            armed.sort_by_key(|t| t.0);
            let ours: Vec<(u64, u32, u32)> = moments
                .timers_at(k)
                .iter()
                .map(|t| (t.until, t.handle, t.line))
                .collect();
            assert_eq!(ours, armed, "{file} at {k}");
            some |= !ours.is_empty();
        }
        assert!(some, "{file} arms timers");
    }
}

#[test]
fn the_blocking_calls_of_a_pass_up_to_any_cursor_are_the_traces() {
    let (run, _timeline, moments) = indexed("151_gallery_blocking_sleep.py");
    let events = run.run().unwrap().borrow().trace_from(0);
    let mut some = false;
    for p in &moments.passes {
        for k in 0..=moments.len() {
            let expected: Vec<_> = events[..k]
                .iter()
                .enumerate()
                .filter(|(_, e)| e.pass == p.pass)
                .filter_map(|(i, e)| match e.what {
                    What::Blocked { us, line } => Some((i + 1, e.task, us.get(), line)),
                    _ => None,
                })
                .collect();
            let ours = moments.blocked_in(p, k);
            some |= !ours.is_empty();
            assert_eq!(ours, expected, "pass {} at {k}", p.pass);
        }
    }
    assert!(some, "the program blocks the loop");
}
