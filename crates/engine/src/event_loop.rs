//! The loop pass (`BaseEventLoop._run_once`) and the task step (`Task.__step`) that polls coroutines.

use crate::api::Running;
use crate::callback::{Callback, Ready};
use crate::clock::Micros;
use crate::core::{Core, Released};
use crate::host::Host;
use crate::trace::{CallbackKind, What};
use crate::TaskId;
use std::cell::RefCell;
use std::rc::Rc;
use std::task::{Context, Poll, Waker};

/// How many callbacks run between two looks at the caller's time budget.
const BUDGET_CHECK_EVERY: u32 = 16;

/// Starts a pass: the timers due at `now` join the ready queue, and exactly the callbacks ready at
/// that moment become the pass's batch (`ntodo`); what they schedule waits for the next pass.
pub(crate) fn begin_pass<H: Host>(core: &mut Core<H>, now: Micros) {
    core.now = core.now.max(now);
    core.pass += 1;
    let now = core.now;
    if let Some(trace) = &mut core.trace {
        trace.begin_pass(now);
    }
    while let Some((cb, handle)) = core.timers.pop_due(now) {
        core.ready.push_back(Ready {
            cb,
            handle: Some(handle),
        });
    }
    core.ntodo = core.ready.len();
    core.in_pass = true;
}

/// Runs the batch of the pass in progress, in FIFO order, until it is empty (true) or
/// `out_of_time()` says to stop (false: the pass goes on at the next call). A pass happens at one
/// instant of loop time (but for blocking calls), so pausing it between two callbacks changes no
/// order and no time.
///
/// While it runs, `core` is the thread's running loop (what [`crate::Api`] acts on), and no borrow
/// of it is held while a coroutine is polled or a program callback runs.
pub(crate) fn continue_pass<H: Host>(
    core: &Rc<RefCell<Core<H>>>,
    mut out_of_time: impl FnMut() -> bool,
) -> bool {
    let _running = Running::enter(core.clone());
    // What a cancelled callback held goes with no borrow of the loop: the program's objects report
    // as they drop (a failed task freed logs that nothing retrieved its exception).
    let cancelled = core.borrow_mut().timers.take_dropped();
    drop(cancelled);
    let mut n = 0u32;
    loop {
        let next = {
            let mut c = core.borrow_mut();
            if c.halted || c.escaping.is_some() {
                return true;
            }
            if c.ntodo == 0 {
                break;
            }
            c.ntodo -= 1;
            match c.ready.pop_front() {
                None => break,
                Some(r) if r.handle.is_some_and(|h| c.timers.is_cancelled(h)) => Err(r),
                Some(r) => {
                    c.callbacks_run += 1;
                    Ok((r.cb, r.handle))
                }
            }
        };
        let (next, handle) = match next {
            Ok(next) => next,
            Err(cancelled) => {
                drop(cancelled);
                continue;
            }
        };
        // A done-callback's handle holds the future it was given until it has run.
        let held = next.done_future().map(|f| {
            let lets_go = match &next {
                Callback::Native(n, _) => n.lets_go(),
                _ => true,
            };
            (f, lets_go)
        });
        // A primitive's callback may be the last thing holding its state, and the state the
        // program's objects: it is dropped after the handle's hold, with no borrow of the loop.
        let mut native = None;
        match next {
            Callback::Step(t, exc) => step(core, t, exc),
            Callback::Wakeup(t, fut) => {
                // `__wakeup`: `future.result()` retrieves what it awaited.
                let exc = core.borrow_mut().futs.result(fut).err();
                step(core, t, exc);
            }
            Callback::Program(cb, fut) => {
                let (line, timer) = H::callback_origin(&cb);
                let kind = match (fut, timer) {
                    (Some(_), _) => CallbackKind::Done,
                    (None, true) => CallbackKind::Later,
                    (None, false) => CallbackKind::Soon,
                };
                let handle = handle.map(|h| h.0);
                let ran = What::CallbackRan { kind, line, handle };
                core.borrow_mut().event(None, ran);
                H::run_callback(&cb, fut);
            }
            Callback::Native(n, fut) => {
                n.call(&mut core.borrow_mut(), fut);
                native = Some(n);
            }
            other => core.borrow_mut().run_native(other),
        }
        if let Some((f, lets_go)) = held {
            let released = core.borrow_mut().done_callback_ran(f, lets_go);
            match released {
                Some(Released::Task(t)) => H::task_released(t),
                Some(Released::Future(f)) => H::future_released(f),
                None => {}
            }
        }
        drop(native);
        // What the callback cancelled lets go of what it held, now (no borrow of the loop).
        let cancelled = core.borrow_mut().timers.take_dropped();
        drop(cancelled);
        n += 1;
        if n % BUDGET_CHECK_EVERY == 0 && core.borrow().ntodo != 0 && out_of_time() {
            return false;
        }
    }
    let mut c = core.borrow_mut();
    c.in_pass = false;
    // A pass of 100,000 steps leaves the queue's buffer mostly empty: give its memory back
    // (CPython's deque frees its blocks as it drains).
    let len = c.ready.len();
    if c.ready.capacity() > 1024 && len < c.ready.capacity() / 4 {
        c.ready.shrink_to(2 * len);
    }
    true
}

/// `Task.__step(exc)`: run the coroutine to its next await (or its end) and settle the task.
fn step<H: Host>(core: &Rc<RefCell<Core<H>>>, t: TaskId, exc: Option<H::Exc>) {
    let (unstarted_throw, coro) = {
        let mut core = core.borrow_mut();
        if core.task_done(t) {
            return; // a step scheduled before the task finished (cannot happen in asyncio's own use)
        }
        let exc = core.begin_step(t, exc);
        let task = &mut core.tasks[t.0 as usize];
        let unstarted_throw = if task.started { None } else { exc };
        task.started |= unstarted_throw.is_none();
        (unstarted_throw, task.coro.take())
    };
    let Some(mut coro) = coro else {
        return;
    };
    // Throwing into a coroutine that never started raises at its start: the body never runs.
    let poll = match unstarted_throw {
        Some(exc) => {
            H::thrown_before_start(t, &exc);
            Poll::Ready(Err(exc))
        }
        None => coro.as_mut().poll(&mut Context::from_waker(Waker::noop())),
    };
    match poll {
        Poll::Pending => {
            let awaits_itself = {
                let mut core = core.borrow_mut();
                core.tasks[t.0 as usize].coro = Some(coro);
                core.suspend(t)
            };
            if awaits_itself {
                // `result is self`: `call_soon(self.__step, RuntimeError(f'… {self!r}'))`; the
                // host writes the task's repr with no borrow of the loop.
                let name = core.borrow().task_name(t);
                let exc = H::self_await_error(t, &name);
                core.borrow_mut().schedule(Callback::Step(t, Some(exc)));
            }
        }
        Poll::Ready(outcome) => {
            core.borrow_mut().finish_task(t, outcome);
            // Dropped without a borrow: a coroutine's drop may release futures and timers.
            drop(coro);
            // The step's handle was the last thing of the loop's to hold the task, unless its
            // done-callbacks were scheduled.
            let released = core.borrow().step_ended(t);
            if let Some(t) = released {
                H::task_released(t);
            }
        }
    }
}
