//! `work()` and `main()` of contract section 3, one body per pattern, written against the engine.

use super::outcome::Returned;
use crate::engine::{
    sleep, wait, Api, CancelCause, Exc, Line, PyResult, SleepThen, TaskGroup, TaskId, Value, Who,
};
use crate::scenario::{Pattern, Scenario};
use std::cell::RefCell;
use std::rc::Rc;

/// The part of `async def work(value, delay, fails)` after its sleep: raise, or print and return.
/// `payload` is `value | fails << 32`.
fn finish_work(payload: u64) -> PyResult {
    let (value, fails) = (payload as u32, payload >> 32 != 0);
    if fails {
        return Err(Exc::TaskFailed(value));
    }
    Api.print(Line::TaskDone(value));
    Ok(Value::Int(value))
}

/// `work(i, ...)` with task `i`'s sleep and failure: `await asyncio.sleep(delay)`, then the rest.
fn work_of(sc: &Scenario, i: u32) -> SleepThen {
    SleepThen::new(
        sc.sleep_of(i),
        finish_work,
        i as u64 | (sc.fails(i) as u64) << 32,
    )
}

/// `async def main()`: the interrupt timer, the pattern (in `try/except Exception` with `linger`),
/// then `print('Done.')`.
pub(super) async fn main(
    api: Api,
    sc: Rc<Scenario>,
    returned: Rc<RefCell<Option<Returned>>>,
) -> PyResult {
    if let Some(at_ms) = sc.interrupt {
        api.call_later_cancel(at_ms, api.current_task(), CancelCause::Interrupt { at_ms });
    }
    if let Err(exc) = body(&api, &sc, &returned).await {
        match sc.linger {
            Some(linger) if !exc.is_cancelled() => {
                api.print(Line::Caught(exc));
                sleep(linger).await?;
            }
            _ => return Err(exc),
        }
    }
    api.print(Line::Done);
    Ok(Value::None)
}

/// `tasks = [asyncio.create_task(work(i, ...)) for i in range(n)]`.
fn create_tasks(api: &Api, sc: &Scenario) -> Vec<TaskId> {
    (0..sc.tasks)
        .map(|i| api.spawn(Who::work(i), work_of(sc, i).into()))
        .collect()
}

/// `loop.call_later(ms / 1000, tasks[i].cancel)` for each `cancel=i@ms`, in the order given.
fn arm_cancels(api: &Api, sc: &Scenario, tasks: &[TaskId]) {
    for &(i, at_ms) in &sc.cancel {
        api.call_later_cancel(at_ms, tasks[i as usize], CancelCause::Scheduled { at_ms });
    }
}

async fn body(api: &Api, sc: &Scenario, returned: &RefCell<Option<Returned>>) -> PyResult<()> {
    match sc.pattern {
        Pattern::Sequential => {
            for i in 0..sc.tasks {
                let who = Who::work(i);
                api.coroutine_started(who);
                let outcome = work_of(sc, i).await;
                api.coroutine_finished(who, &outcome);
                outcome?;
            }
        }
        Pattern::Manual => {
            let tasks = create_tasks(api, sc);
            arm_cancels(api, sc, &tasks);
            for &task in &tasks {
                api.await_task(task).await?;
            }
        }
        Pattern::TaskGroup => {
            let group = TaskGroup::enter(api);
            let tasks: Vec<TaskId> = (0..sc.tasks)
                .map(|i| group.create_task(api, Who::work(i), work_of(sc, i).into()))
                .collect();
            arm_cancels(api, sc, &tasks);
            group.exit(api).await?;
        }
        Pattern::Wait => {
            let tasks = create_tasks(api, sc);
            arm_cancels(api, sc, &tasks);
            let sets = wait(api, &tasks, sc.timeout, sc.return_when).await?;
            *returned.borrow_mut() = Some(Returned::from_sets(api, &sets));
        }
        Pattern::Gather => {
            let tasks = create_tasks(api, sc);
            arm_cancels(api, sc, &tasks);
            if let Value::List(results) = api.gather(&tasks, sc.return_exceptions).await? {
                *returned.borrow_mut() = Some(Returned::Results(results));
            }
        }
    }
    Ok(())
}
