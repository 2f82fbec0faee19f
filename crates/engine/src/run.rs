//! [`Run`]: `asyncio.run(main())` as a state machine a driver advances pass by pass.

use super::api::Api;
use super::clock::{Clock, Micros};
use super::core::{Callback, Core, End};
use super::event_loop::{self, Coro};
use super::exc::PyResult;
use super::trace::{CancelCause, Event, Line, Who};
use super::TaskId;
use std::cell::RefCell;
use std::future::Future;
use std::rc::Rc;

/// What the loop needs next, for a driver to provide.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Next {
    /// Callbacks are ready: run a pass now.
    Ready,
    /// Nothing is ready; the next timer is due at this time: run a pass then.
    At(Micros),
    /// `asyncio.run` has returned.
    Finished,
    /// Nothing is ready and no timer is armed, yet main has not finished: CPython would block
    /// forever. The scenario programs never get here.
    Stalled,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Phase {
    /// `run_until_complete(main task)`.
    Main,
    /// `_cancel_all_tasks`: `run_until_complete(gather(*to_cancel, return_exceptions=True))`.
    Shutdown,
    Finished,
}

/// One `asyncio.run(main())`.
///
/// # Cancellation
/// When main finishes, the pass in which the loop learns it completes, then every task still
/// pending is cancelled (cause [`CancelCause::Shutdown`], in creation order) and the loop runs until
/// they have all finished, exactly like `asyncio.runners._cancel_all_tasks`.
///
/// # Examples
/// ```
/// use asyncio_playground_engine::{sleep, Line, Run, Value, VirtualClock, Who};
/// let mut run = Run::new(false, 0, |api| async move {
///     sleep(1000).await?;
///     api.print(Line::Done);
///     Ok(Value::None)
/// });
/// assert!(run.run_to_end(&mut VirtualClock::default()));
/// assert_eq!(run.end_of(Who::MAIN).unwrap().at, 1_000_000);
/// ```
pub struct Run {
    core: Rc<RefCell<Core>>,
    phase: Phase,
}

impl Run {
    /// Creates the loop and the main task; nothing runs until the first pass. `tasks` is how many
    /// tasks the program will create (room is made for them at once; 0 if unknown).
    pub fn new<F, Fut>(record_trace: bool, tasks: usize, main: F) -> Run
    where
        F: FnOnce(Api) -> Fut,
        Fut: Future<Output = PyResult> + 'static,
    {
        let mut core = Core {
            trace: record_trace.then(Default::default),
            ..Core::default()
        };
        core.reserve(tasks + 1);
        let main = core.create_task(Who::MAIN, Coro::boxed(main(Api)));
        core.add_done_callback(core.task(main).fut, Callback::StopLoop);
        Run {
            core: Rc::new(RefCell::new(core)),
            phase: Phase::Main,
        }
    }

    /// What the loop needs next.
    pub fn next_action(&mut self) -> Next {
        if self.phase == Phase::Finished {
            return Next::Finished;
        }
        let mut core = self.core.borrow_mut();
        if core.in_pass || !core.ready.is_empty() {
            return Next::Ready;
        }
        core.timers.next_deadline().map_or(Next::Stalled, Next::At)
    }

    /// Runs one pass at time `now` (never earlier than the previous pass), then, if the loop was
    /// told to stop, moves `asyncio.run` on to its next phase. A pass left unfinished by
    /// [`Run::run_pass_within`] is finished instead (at its own time).
    pub fn run_pass(&mut self, now: Micros) {
        self.run_pass_within(now, || false);
    }

    /// [`Run::run_pass`], but stops between two callbacks once `out_of_time()` says so (it is asked
    /// every few callbacks); returns whether the pass completed. An unfinished pass goes on at the
    /// next call, at the time it began: a pass is one instant of loop time, so nothing observable
    /// changes. `next_action` says `Ready` while a pass is unfinished.
    pub fn run_pass_within(&mut self, now: Micros, out_of_time: impl FnMut() -> bool) -> bool {
        if self.phase == Phase::Finished {
            return true;
        }
        if !self.core.borrow().in_pass {
            event_loop::begin_pass(&mut self.core.borrow_mut(), now);
        }
        if !event_loop::continue_pass(&self.core, out_of_time) {
            return false;
        }
        let stopping = std::mem::take(&mut self.core.borrow_mut().stopping);
        if stopping {
            self.phase = match self.phase {
                Phase::Main => self.cancel_all_tasks(),
                _ => Phase::Finished,
            };
        }
        true
    }

    fn cancel_all_tasks(&mut self) -> Phase {
        let mut core = self.core.borrow_mut();
        let to_cancel: Vec<TaskId> = (0..core.tasks.len() as u32)
            .map(TaskId)
            .filter(|&t| !core.futs.is_done(core.task(t).fut))
            .collect();
        if to_cancel.is_empty() {
            return Phase::Finished;
        }
        for &t in &to_cancel {
            core.task_cancel(t, CancelCause::Shutdown);
        }
        let outer = core.gather(&to_cancel, true);
        core.add_done_callback(outer, Callback::StopLoop);
        Phase::Shutdown
    }

    /// Runs to the end on `clock`. False if the loop stalled (see [`Next::Stalled`]).
    pub fn run_to_end(&mut self, clock: &mut impl Clock) -> bool {
        loop {
            match self.next_action() {
                Next::Ready => self.run_pass(clock.now()),
                Next::At(deadline) => {
                    clock.wait_until(deadline);
                    self.run_pass(clock.now());
                }
                Next::Finished => return true,
                Next::Stalled => return false,
            }
        }
    }

    /// The time of the last pass.
    pub fn now(&self) -> Micros {
        self.core.borrow().now
    }

    /// Passes run so far.
    pub fn passes(&self) -> u32 {
        self.core.borrow().pass
    }

    /// How `who` ended, if it has.
    pub fn end_of(&self, who: Who) -> Option<End> {
        let core = self.core.borrow();
        match who.work_index() {
            None => core.main_end.clone(),
            Some(i) => core.ends.get(i as usize).cloned().flatten(),
        }
    }

    /// Line `i` of what was printed.
    pub fn line(&self, i: u32) -> Option<Line> {
        self.core.borrow().stdout.get(i as usize).cloned()
    }

    /// The lines printed so far.
    pub fn stdout(&self) -> Rc<Vec<Line>> {
        self.core.borrow().stdout.clone()
    }

    /// How many events the trace holds (0 when not recording).
    pub fn trace_len(&self) -> usize {
        self.core.borrow().trace.as_ref().map_or(0, |t| t.len())
    }

    /// The trace events from index `from` on.
    pub fn trace_from(&self, from: usize) -> Vec<Event> {
        self.core
            .borrow()
            .trace
            .as_ref()
            .map_or_else(Vec::new, |t| t.events_from(from))
    }

    /// Timers armed and not yet fired.
    pub fn pending_timers(&self) -> usize {
        self.core.borrow().timers.len()
    }
}
