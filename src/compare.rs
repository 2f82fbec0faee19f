//! The four ways side by side: one set of tasks (a scenario's tasks, sleeps, failures and
//! cancels) run under create_task + await, TaskGroup, wait and gather on the virtual clock, and
//! where the four runs part. Pure data; the page draws it, tests check it natively.

use crate::program::{Outcome, ProgramRun, RunOutcome, TaskState};
use crate::scenario::{Pattern, Scenario, Sleeps};
use crate::timeline::Timeline;

/// The four ways compared, in the order the page shows them.
pub const WAYS: [Pattern; 4] = [
    Pattern::Manual,
    Pattern::TaskGroup,
    Pattern::Wait,
    Pattern::Gather,
];

/// One way's run.
pub struct Way {
    pub scenario: Scenario,
    pub outcome: Outcome,
    /// The scenario outcome JSON (what the CLI's `run` prints for the scenario).
    pub json: String,
    pub timeline: Timeline,
}

/// The four runs, and where they part.
pub struct Comparison {
    pub ways: Vec<Way>,
    /// The earliest time (ms) at which the ways differ in a task's fate or main's end; `None`
    /// when they do not differ at all.
    pub parts_at: Option<u64>,
    /// Failures or cancels are asked for, yet every way ends every task the same way: the sleeps
    /// hide the differences (equal sleeps finish the tasks in one loop pass, so a TaskGroup has
    /// nothing left to cancel). Staggered sleeps show them.
    pub hidden: bool,
}

/// Runs `scenario`'s tasks under each of the four ways (its pattern is replaced; the keys one
/// pattern alone takes apply to it only), to the end, on the virtual clock.
///
/// The interpreter's state is per thread: a run in progress on this thread is ended by this.
///
/// # Errors
/// Why a run was stopped, if one was (a limit of the interpreter).
pub fn compare(scenario: &Scenario) -> Result<Comparison, String> {
    let mut ways = Vec::with_capacity(WAYS.len());
    for pattern in WAYS {
        let scenario = Scenario {
            pattern,
            ..scenario.clone()
        };
        let mut run = ProgramRun::new(&scenario, true);
        run.program().run_virtual();
        let mut timeline = Timeline::new();
        if let Some(engine_run) = run.run() {
            timeline.update(&engine_run.borrow());
        }
        let outcome = match run.outcome() {
            Some(Ok(RunOutcome::Scenario(o))) => *o,
            Some(Err(why)) => return Err(why),
            _ => return Err("the run did not end".into()),
        };
        ways.push(Way {
            json: outcome.to_json(),
            scenario,
            outcome,
            timeline,
        });
    }
    let parts_at = parts_at(&ways);
    let same_fates = ways
        .windows(2)
        .all(|w| fates(&w[0].outcome) == fates(&w[1].outcome));
    let hidden = same_fates
        && (!scenario.fail.is_empty() || !scenario.cancel.is_empty())
        && matches!(scenario.sleeps, Sleeps::All(_))
        && scenario.tasks > 1;
    Ok(Comparison {
        ways,
        parts_at,
        hidden,
    })
}

/// Each task's state, in index order.
fn fates(o: &Outcome) -> Vec<TaskState> {
    o.tasks.iter().map(|t| t.state).collect()
}

/// The earliest moment two ways disagree: a task ending at another time or in another state,
/// or main ending at another time or in another state.
fn parts_at(ways: &[Way]) -> Option<u64> {
    let first = &ways.first()?.outcome;
    let mut at: Option<u64> = None;
    let mut earliest = |t: u64| at = Some(at.map_or(t, |a| a.min(t)));
    for way in &ways[1..] {
        let o = &way.outcome;
        for (a, b) in first.tasks.iter().zip(&o.tasks) {
            if (a.state, a.end_ms) != (b.state, b.end_ms) {
                let ends = [a.end_ms, b.end_ms];
                earliest(ends.into_iter().flatten().min().unwrap_or(0));
            }
        }
        if (first.main.state, first.main.end_ms) != (o.main.state, o.main.end_ms) {
            earliest(first.main.end_ms.min(o.main.end_ms));
        }
    }
    at
}
