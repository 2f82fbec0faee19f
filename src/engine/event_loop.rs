//! The loop pass (`BaseEventLoop._run_once`) and the task step (`Task.__step`) that polls coroutines.

use super::clock::Micros;
use super::core::{Callback, Core};
use super::exc::{Exc, PyResult};
use super::TaskId;
use std::cell::RefCell;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll, Waker};

/// A task's coroutine: a Rust future that only ever suspends on the engine's awaitables.
pub(crate) type Coro = Pin<Box<dyn Future<Output = PyResult>>>;

/// The loop: its state in `core` (shared with the coroutines through `Api`), the coroutines here.
///
/// Invariant: no `core` borrow is held while a coroutine is polled or dropped, since coroutines
/// borrow `core` themselves.
pub(crate) struct EventLoop {
    pub(crate) core: Rc<RefCell<Core>>,
    /// `coros[t]` is task `t`'s coroutine until the task finishes (then it is dropped at once).
    coros: Vec<Option<Coro>>,
}

impl EventLoop {
    pub(crate) fn new(core: Rc<RefCell<Core>>) -> Self {
        EventLoop { core, coros: Vec::new() }
    }

    /// Takes in the coroutines of tasks created since the last call.
    fn adopt_spawned(&mut self) {
        let spawned = std::mem::take(&mut self.core.borrow_mut().spawned);
        for (t, coro) in spawned {
            let i = t.0 as usize;
            if self.coros.len() <= i {
                self.coros.resize_with(i + 1, || None);
            }
            self.coros[i] = Some(coro);
        }
    }

    /// One pass: the timers due at `now` join the ready queue, then exactly the callbacks ready at
    /// that moment run, in FIFO order; what they schedule waits for the next pass.
    pub(crate) fn run_pass(&mut self, now: Micros) {
        self.adopt_spawned();
        let ntodo = {
            let mut core = self.core.borrow_mut();
            core.now = core.now.max(now);
            core.pass += 1;
            let now = core.now;
            while let Some(cb) = core.timers.pop_due(now) {
                core.ready.push_back(cb);
            }
            core.ready.len()
        };
        for _ in 0..ntodo {
            let cb = self.core.borrow_mut().ready.pop_front();
            match cb {
                Some(Callback::Step(t)) => self.step(t, None),
                Some(Callback::Wakeup(t, fut)) => {
                    let exc = self.core.borrow().futs.result(fut).err();
                    self.step(t, exc);
                }
                Some(other) => self.core.borrow_mut().run_callback(other),
                None => unreachable!("the ready queue shrank during a pass"),
            }
        }
    }

    /// `Task.__step(exc)`: run the coroutine to its next await (or its end) and settle the task.
    fn step(&mut self, t: TaskId, exc: Option<Exc>) {
        let i = t.0 as usize;
        let unstarted_throw = {
            let mut core = self.core.borrow_mut();
            let exc = core.begin_step(t, exc);
            let task = &mut core.tasks[i];
            let unstarted_throw = if task.started { None } else { exc };
            task.started |= unstarted_throw.is_none();
            unstarted_throw
        };
        // Throwing into a coroutine that never started raises at its start: the body never runs.
        let poll = match unstarted_throw {
            Some(exc) => Poll::Ready(Err(exc)),
            None => {
                let coro = self.coros[i].as_mut().expect("a live task has its coroutine");
                coro.as_mut().poll(&mut Context::from_waker(Waker::noop()))
            }
        };
        self.adopt_spawned();
        match poll {
            Poll::Pending => self.core.borrow_mut().suspend(t),
            Poll::Ready(outcome) => {
                let coro = self.coros[i].take();
                self.core.borrow_mut().finish_task(t, outcome);
                drop(coro);
            }
        }
    }
}
