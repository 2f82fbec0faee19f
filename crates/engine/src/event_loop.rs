//! The loop pass (`BaseEventLoop._run_once`) and the task step (`Task.__step`) that polls coroutines.

use super::api::Running;
use super::awaitables::SleepThen;
use super::clock::Micros;
use super::core::{Callback, Core};
use super::exc::{Exc, PyResult};
use super::TaskId;
use std::cell::RefCell;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll, Waker};

/// A task's coroutine: a Rust future that only ever suspends on the engine's awaitables. The
/// `work` shape ([`SleepThen`]) is held inline; any other coroutine is boxed.
pub enum Coro {
    Inline(SleepThen),
    Boxed(Pin<Box<dyn Future<Output = PyResult>>>),
}

impl Coro {
    /// Any coroutine, on the heap.
    pub fn boxed(coro: impl Future<Output = PyResult> + 'static) -> Coro {
        Coro::Boxed(Box::pin(coro))
    }

    fn poll(&mut self, cx: &mut Context<'_>) -> Poll<PyResult> {
        match self {
            Coro::Inline(c) => Pin::new(c).poll(cx),
            Coro::Boxed(c) => c.as_mut().poll(cx),
        }
    }
}

impl From<SleepThen> for Coro {
    fn from(c: SleepThen) -> Coro {
        Coro::Inline(c)
    }
}

/// How many callbacks run between two looks at the caller's time budget.
const BUDGET_CHECK_EVERY: u32 = 64;

/// Starts a pass: the timers due at `now` join the ready queue, and exactly the callbacks ready at
/// that moment become the pass's batch (`ntodo`); what they schedule goes to a fresh queue and
/// waits for the next pass. The two buffers alternate, so no pass allocates.
pub(crate) fn begin_pass(core: &mut Core, now: Micros) {
    core.now = core.now.max(now);
    core.pass += 1;
    let now = core.now;
    while let Some(cb) = core.timers.pop_due(now) {
        core.ready.push_back(cb);
    }
    let spare = std::mem::take(&mut core.spare);
    core.batch = std::mem::replace(&mut core.ready, spare);
    core.in_pass = true;
}

/// Runs the batch of the pass in progress, in FIFO order, until it is empty (true) or
/// `out_of_time()` says to stop (false: the pass goes on at the next call). A pass happens at one
/// instant of loop time, so pausing it between two callbacks changes no order and no time.
///
/// While it runs, `core` is the thread's running loop (what [`super::Api`] acts on), and no
/// borrow of it is held while a coroutine is polled: coroutines borrow it themselves.
pub(crate) fn continue_pass(
    core: &Rc<RefCell<Core>>,
    mut out_of_time: impl FnMut() -> bool,
) -> bool {
    let _running = Running::enter(core);
    // The batch is worked on outside the core (no borrow per callback) and handed back if the
    // budget runs out before it is empty.
    let mut batch = std::mem::take(&mut core.borrow_mut().batch);
    let mut n = 0u32;
    while let Some(cb) = batch.pop_front() {
        match cb {
            Callback::Step(t) => step(core, t, None),
            Callback::Wakeup(t, fut) => {
                let exc = core.borrow().futs.result(fut).err();
                step(core, t, exc);
            }
            other => core.borrow_mut().run_callback(other),
        }
        n += 1;
        if n % BUDGET_CHECK_EVERY == 0 && !batch.is_empty() && out_of_time() {
            core.borrow_mut().batch = batch;
            return false;
        }
    }
    let mut c = core.borrow_mut();
    c.spare = batch;
    c.in_pass = false;
    true
}

/// `Task.__step(exc)`: run the coroutine to its next await (or its end) and settle the task.
fn step(core: &Rc<RefCell<Core>>, t: TaskId, exc: Option<Exc>) {
    let (unstarted_throw, coro) = {
        let mut core = core.borrow_mut();
        let exc = core.begin_step(t, exc);
        let task = &mut core.tasks[t.0 as usize];
        let unstarted_throw = if task.started { None } else { exc };
        task.started |= unstarted_throw.is_none();
        (unstarted_throw, task.coro.take())
    };
    let mut coro = coro.expect("a task that is not done has its coroutine");
    // Throwing into a coroutine that never started raises at its start: the body never runs.
    let poll = match unstarted_throw {
        Some(exc) => Poll::Ready(Err(exc)),
        None => coro.poll(&mut Context::from_waker(Waker::noop())),
    };
    match poll {
        Poll::Pending => {
            let mut core = core.borrow_mut();
            core.tasks[t.0 as usize].coro = Some(coro);
            core.suspend(t);
        }
        Poll::Ready(outcome) => {
            core.borrow_mut().finish_task(t, outcome);
            drop(coro);
        }
    }
}
