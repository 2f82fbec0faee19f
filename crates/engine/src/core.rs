//! The loop's state outside the coroutines: ready queue, timers, futures, tasks, trace and stdout.

use super::clock::Micros;
use super::exc::{Exc, Value};
use super::futures::{Futures, Kind, State};
use super::gather::GatherState;
use super::task::TaskState;
use super::taskgroup::GroupState;
use super::timers::Timers;
use super::trace::{Awaiting, CancelCause, Finish, Line, Recorder, What, Who};
use super::wait::WaitState;
use super::{FutId, TaskId};
use std::collections::VecDeque;
use std::rc::Rc;

/// A callback in the ready queue or the timer heap (`Handle`): an enum, so scheduling allocates nothing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Callback {
    /// `Task.__step()`: the task's first step, or its next one after a bare yield.
    Step(TaskId),
    /// `Task.__wakeup(fut)`: the future the task awaited is done; step with its result.
    Wakeup(TaskId, FutId),
    /// `futures._set_result_unless_cancelled(fut, None)`: an `asyncio.sleep` timer fired.
    SetResultUnlessCancelled(FutId),
    /// `task.cancel()` armed with `loop.call_later` by the scenario: `cancels[.0]` says which task
    /// and why.
    CancelTask(u32),
    /// `tasks._release_waiter(waiter)`: `asyncio.wait`'s timeout.
    ReleaseWaiter(FutId),
    /// gather's `_done_callback(child)` for gather number `.0`.
    GatherChildDone(u32, FutId),
    /// wait's `_on_completion(f)` for wait number `.0`.
    WaitCompletion(u32, FutId),
    /// `TaskGroup._on_task_done(task)` for group number `.0`.
    GroupTaskDone(u32, TaskId),
    /// `run_until_complete`'s callback: stop the loop after this pass.
    StopLoop,
}

/// What the running coroutine handed back to its task when it returned `Pending`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) enum Yielded {
    /// Nothing yet (a coroutine must not return `Pending` without yielding).
    #[default]
    Nothing,
    /// A bare `yield` (`asyncio.sleep(0)`): step again next pass.
    Bare,
    /// `yield fut`: wake up when `fut` is done.
    Fut(FutId),
}

/// The state of the step in progress. Invariant: `throw_in` is `Some` only while a step that must
/// raise into the coroutine is polling, and the awaitable it resumes at takes it.
#[derive(Debug, Default)]
pub(crate) struct StepState {
    pub(crate) current: Option<TaskId>,
    pub(crate) throw_in: Option<Exc>,
    pub(crate) yielded: Yielded,
    /// The delay of the sleep being awaited, set by `sleep` for the trace's `Suspended` event.
    pub(crate) sleep_delay_ms: u32,
}

/// When and how a task or coroutine finished.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct End {
    pub at: Micros,
    pub finish: Finish,
}

#[derive(Default)]
pub(crate) struct Core {
    /// The time of the current pass (monotonic).
    pub(crate) now: Micros,
    /// Passes run so far.
    pub(crate) pass: u32,
    /// FIFO of callbacks; a pass runs only those present when it began.
    pub(crate) ready: VecDeque<Callback>,
    /// The callbacks of the pass in progress still to run (`in_pass`); empty between passes.
    pub(crate) batch: VecDeque<Callback>,
    /// An empty queue kept for the next pass to swap in (see `event_loop::begin_pass`).
    pub(crate) spare: VecDeque<Callback>,
    /// A pass has begun and its batch has not all run yet.
    pub(crate) in_pass: bool,
    pub(crate) timers: Timers,
    /// The cancels armed with `call_later` (`Callback::CancelTask` refers to them by index).
    pub(crate) cancels: Vec<(TaskId, CancelCause)>,
    pub(crate) futs: Futures,
    /// Every task ever created, in creation order (main is task 0).
    pub(crate) tasks: Vec<TaskState>,
    pub(crate) gathers: Vec<GatherState>,
    pub(crate) waits: Vec<WaitState>,
    pub(crate) groups: Vec<GroupState>,
    pub(crate) step: StepState,
    /// Set by `StopLoop`: the loop stops once the current pass is over.
    pub(crate) stopping: bool,
    /// The trace, when recording.
    pub(crate) trace: Option<Recorder>,
    /// Printed lines, in order (their times are in the trace).
    pub(crate) stdout: Rc<Vec<Line>>,
    /// How each `work(i)` ended, by index; `main_end` for main.
    pub(crate) ends: Vec<Option<End>>,
    pub(crate) main_end: Option<End>,
}

impl Core {
    /// Makes room for a program of `tasks` tasks, each with a sleep future and a timer. (What is
    /// filled only as tasks finish, such as `ends` and `stdout`, grows as it goes.)
    pub(crate) fn reserve(&mut self, tasks: usize) {
        self.tasks.reserve(tasks);
        self.futs.reserve(2 * tasks);
        self.timers.reserve(tasks);
        // Every task records at least its creation and one step.
        if let Some(trace) = &mut self.trace {
            trace.reserve(2 * tasks);
        }
    }

    pub(crate) fn call_soon(&mut self, cb: Callback) {
        self.ready.push_back(cb);
    }

    pub(crate) fn event(&mut self, who: Who, what: What) {
        if let Some(trace) = &mut self.trace {
            trace.record(self.now, self.pass, who, what);
        }
    }

    /// Whose step is running (main outside any step).
    pub(crate) fn current_who(&self) -> Who {
        self.step
            .current
            .map_or(Who::MAIN, |t| self.tasks[t.0 as usize].who)
    }

    pub(crate) fn print(&mut self, line: Line) {
        let who = self.current_who();
        self.event(who, What::Printed(self.stdout.len() as u32));
        // Shared with outcomes read earlier only in the rare case of reading mid-run: then copied.
        Rc::make_mut(&mut self.stdout).push(line);
    }

    /// Records how `who` ended (a task's end, or a `sequential` coroutine's).
    pub(crate) fn record_end(&mut self, who: Who, finish: Finish) {
        self.event(who, What::Finished);
        let end = Some(End {
            at: self.now,
            finish,
        });
        match who.work_index() {
            None => self.main_end = end,
            Some(i) => {
                let i = i as usize;
                if self.ends.len() <= i {
                    // Room for every task at the first end, rather than growing one end at a time.
                    self.ends
                        .reserve(self.tasks.len().max(i + 1) - self.ends.len());
                    self.ends.resize(i + 1, None);
                }
                self.ends[i] = end;
            }
        }
    }

    /// Marks a pending future done and schedules its callbacks (`__schedule_callbacks`).
    pub(crate) fn complete(&mut self, fut: FutId, state: State) {
        let cbs = self.futs.complete(fut, state);
        cbs.for_each(|cb| self.ready.push_back(cb));
    }

    pub(crate) fn set_result(&mut self, fut: FutId, value: Value) {
        self.complete(fut, State::Done(Ok(value)));
    }

    pub(crate) fn set_exception(&mut self, fut: FutId, exc: Exc) {
        self.complete(fut, State::Done(Err(exc)));
    }

    /// `Future.cancel()` of a plain future.
    pub(crate) fn cancel_plain(&mut self, fut: FutId) -> bool {
        if self.futs.is_done(fut) {
            return false;
        }
        self.complete(fut, State::Cancelled);
        true
    }

    /// `fut.cancel()`, dispatched on what the future is (a task, a gather, or a plain future).
    pub(crate) fn cancel_future(&mut self, fut: FutId, cause: CancelCause) -> bool {
        match self.futs.kind(fut) {
            Kind::Task(t) => self.task_cancel(t, cause),
            Kind::Gather(g) => self.gather_cancel(g, CancelCause::GatherCancelled),
            _ => self.cancel_plain(fut),
        }
    }

    /// `fut.add_done_callback(cb)`: scheduled at once if the future is already done.
    pub(crate) fn add_done_callback(&mut self, fut: FutId, cb: Callback) {
        if self.futs.is_done(fut) {
            self.call_soon(cb);
        } else {
            self.futs.add_callback(fut, cb);
        }
    }

    /// What a task suspended on `fut` waits for, for the trace.
    pub(crate) fn awaiting(&self, fut: FutId) -> Awaiting {
        match self.futs.kind(fut) {
            Kind::Sleep => Awaiting::Sleep {
                delay_ms: self.step.sleep_delay_ms,
            },
            Kind::Task(t) => Awaiting::Task(self.tasks[t.0 as usize].who),
            Kind::Gather(_) => Awaiting::Gather,
            Kind::Wait => Awaiting::Wait,
            Kind::GroupExit => Awaiting::TaskGroup,
            Kind::Plain => Awaiting::Future,
        }
    }

    /// Runs a callback that does not step a task (those need the coroutines: see `EventLoop`).
    pub(crate) fn run_callback(&mut self, cb: Callback) {
        match cb {
            Callback::SetResultUnlessCancelled(fut) => {
                if !self.futs.is_done(fut) {
                    self.set_result(fut, Value::None);
                }
            }
            Callback::CancelTask(i) => {
                let (task, cause) = self.cancels[i as usize];
                self.task_cancel(task, cause);
            }
            Callback::ReleaseWaiter(waiter) => {
                if !self.futs.is_done(waiter) {
                    self.set_result(waiter, Value::None);
                }
            }
            Callback::GatherChildDone(g, child) => self.gather_child_done(g, child),
            Callback::WaitCompletion(w, fut) => self.wait_on_completion(w, fut),
            Callback::GroupTaskDone(g, task) => self.group_on_task_done(g, task),
            Callback::StopLoop => self.stopping = true,
            Callback::Step(_) | Callback::Wakeup(..) => unreachable!("task steps run in EventLoop"),
        }
    }
}
