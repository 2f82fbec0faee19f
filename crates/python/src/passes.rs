//! The loop passes in which the program's tasks step, read off the trace: for each such pass of
//! each `asyncio.run`, its number, the loop's time as it began, and the tasks that step in it in
//! the order they step (the CLI's `passes` command). A pass is one `BaseEventLoop._run_once`; a
//! task steps once per `Task.__step` or `__wakeup` its ready queue held when the pass began.

use crate::json;
use crate::vm::interp;
use asyncio_playground_engine::clock::to_ms;
use asyncio_playground_engine::fast_hash::FastMap;
use asyncio_playground_engine::{CallbackKind, TaskId, What};
use std::rc::Rc;

/// One pass in which at least one of the program's tasks stepped.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pass {
    /// The pass's number in its loop (`_run_once` calls so far, from 1).
    pub pass: u32,
    /// The loop's time as the pass began, in whole milliseconds (rounded to the nearest).
    pub ms: u64,
    /// The tasks that stepped, by name, in the order they stepped.
    pub steps: Vec<Rc<str>>,
}

/// The passes of every `asyncio.run` the program made, in order (each run numbers its own). The
/// program must have run with its trace recorded; the tasks `asyncio.run` makes for its own
/// shutdown are left out, as everywhere else.
pub fn passes() -> Vec<Pass> {
    let runs = interp::with(|i| i.runs.borrow().clone());
    let mut out = Vec::new();
    for (run, _) in &runs {
        let run = run.borrow();
        let events = run.trace_from(0);
        let steps: Vec<(u32, Rc<str>)> = run.with_core(|core| {
            // Each task's name, read once (`None` for `asyncio.run`'s own tasks).
            let names: Vec<Option<Rc<str>>> = (0..core.task_count() as u32)
                .map(|i| {
                    let info = core.task_info(TaskId(i));
                    (!info.internal).then(|| info.name.text())
                })
                .collect();
            // A task renamed (`set_name`) was known by its earlier name in the passes up to the
            // one it was renamed in, which began before the rename.
            let mut renamed: FastMap<TaskId, Vec<(u32, Rc<str>)>> = FastMap::default();
            for (pass, t, before) in core.task_renames() {
                renamed.entry(*t).or_default().push((*pass, before.clone()));
            }
            let name_in = |t: TaskId, pass: u32| -> Option<Rc<str>> {
                let last = names[t.0 as usize].clone()?;
                let Some(renames) = renamed.get(&t) else {
                    return Some(last);
                };
                let later = renames.partition_point(|(q, _)| *q < pass);
                Some(
                    renames
                        .get(later)
                        .map_or(last, |(_, before)| before.clone()),
                )
            };
            // Every step ends in exactly one of these two events, recorded as it ends.
            events
                .iter()
                .filter(|e| e.what.ends_step())
                .filter_map(|e| Some((e.pass, name_in(e.task?, e.pass)?)))
                .collect()
        });
        // Each run numbers its own passes: group this run's steps on their own.
        let mut mine: Vec<Pass> = Vec::new();
        for (pass, name) in steps {
            match mine.last_mut() {
                Some(last) if last.pass == pass => last.steps.push(name),
                _ => mine.push(Pass {
                    pass,
                    ms: to_ms(run.pass_start(pass).unwrap_or_default()),
                    steps: vec![name],
                }),
            }
        }
        out.extend(mine);
    }
    out
}

/// The program's plain callbacks (`call_soon`, `call_later`, done-callbacks) of every
/// `asyncio.run`, in the order they ran: the pass each ran in, and which kind it is.
pub fn callbacks() -> Vec<(u32, CallbackKind)> {
    let runs = interp::with(|i| i.runs.borrow().clone());
    let mut out = Vec::new();
    for (run, _) in &runs {
        for e in run.borrow().trace_from(0) {
            if let What::CallbackRan { kind, .. } = e.what {
                out.push((e.pass, kind));
            }
        }
    }
    out
}

/// [`passes`] as JSON lines: `{"pass": n, "ms": t, "steps": ["Task-2", ...]}`.
pub fn passes_lines() -> String {
    let mut out = String::new();
    for p in passes() {
        out.push_str("{\"pass\":");
        json::int(&mut out, u64::from(p.pass));
        out.push_str(",\"ms\":");
        json::int(&mut out, p.ms);
        out.push_str(",\"steps\":");
        json::list(&mut out, &p.steps, |j, s| json::string(j, s));
        out.push_str("}\n");
    }
    out
}
