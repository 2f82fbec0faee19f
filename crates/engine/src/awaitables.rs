//! The awaitables coroutines suspend on: an asyncio future, a bare yield, and `asyncio.sleep`.

use crate::api::Api;
use crate::callback::{Callback, HandleId, Native};
use crate::clock::{deadline_after, Micros};
use crate::core::{Core, Yielded};
use crate::futures::FutState;
use crate::host::Host;
use crate::trace::Awaiting;
use crate::FutId;
use std::future::Future;
use std::marker::PhantomData;
use std::pin::Pin;
use std::task::{Context, Poll};

/// The outcome of awaiting something: a value or a raised exception.
pub type PyResult<H> = Result<<H as Host>::Value, <H as Host>::Exc>;

/// `await fut` (`Future.__await__`): a done future gives its result at once, without suspending;
/// otherwise the task suspends on it and, once woken, gets its result, or the exception its step
/// throws in (`CancelledError` when the task was cancelled meanwhile).
pub struct AwaitFut<H> {
    pub fut: FutId,
    yielded: bool,
    host: PhantomData<fn() -> H>,
}

impl<H: Host> AwaitFut<H> {
    pub fn new(fut: FutId) -> Self {
        AwaitFut {
            fut,
            yielded: false,
            host: PhantomData,
        }
    }
}

impl<H: Host> Future for AwaitFut<H> {
    type Output = PyResult<H>;

    fn poll(mut self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<PyResult<H>> {
        let (fut, first) = (self.fut, !self.yielded);
        self.yielded = true;
        let ready = Api::<H>::with(|core| {
            if !first {
                // Woken: what the step throws in, else the future's result (`__wakeup` already
                // retrieved it; reading it again is what `__await__`'s `return self.result()` does).
                return Some(match core.step.throw_in.take() {
                    Some(exc) => Err(exc),
                    None => core.futs.result(fut),
                });
            }
            if core.futs.is_done(fut) {
                return Some(core.futs.result(fut));
            }
            core.step.yielded = Yielded::Fut(fut);
            None
        });
        ready.map_or(Poll::Pending, Poll::Ready)
    }
}

/// Yields bare (`yield` in `__sleep0`): the task steps again in the next pass.
fn yield_bare<H: Host>() {
    Api::<H>::with(|core| core.step.yielded = Yielded::Bare);
}

/// What the step that resumed the task throws in at the awaitable it resumes at, if anything.
fn thrown_in<H: Host>() -> Option<H::Exc> {
    Api::<H>::with(|core| core.step.throw_in.take())
}

/// A bare `yield` (`asyncio.sleep(0)`): the task runs again in the next pass.
pub struct YieldNow<H> {
    yielded: bool,
    host: PhantomData<fn() -> H>,
}

impl<H: Host> YieldNow<H> {
    pub fn new() -> Self {
        YieldNow {
            yielded: false,
            host: PhantomData,
        }
    }
}

impl<H: Host> Default for YieldNow<H> {
    fn default() -> Self {
        Self::new()
    }
}

impl<H: Host> Future for YieldNow<H> {
    type Output = Result<(), H::Exc>;

    fn poll(mut self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<Result<(), H::Exc>> {
        if !self.yielded {
            self.yielded = true;
            yield_bare::<H>();
            return Poll::Pending;
        }
        Poll::Ready(thrown_in::<H>().map_or(Ok(()), Err))
    }
}

/// `await asyncio.sleep(delay, result)` (`tasks.sleep`): `delay <= 0` yields for exactly one pass;
/// otherwise a timer armed for `loop.time() + delay` completes a future the task suspends on, and
/// the task resumes one pass after the timer fires. The future of a sleep whose result is `None`
/// is the task's own state ([`crate::task::Waiter::Sleep`]), not a slot of the slab: nothing but
/// the task can reach it.
///
/// # Cancellation
/// A cancel while sleeping raises `CancelledError` here, and the timer is cancelled (`finally:
/// h.cancel()`), so it neither fires nor makes the loop wait for its deadline. Dropping the sleep
/// mid-await does the same.
pub struct Sleep<H: Host> {
    state: SleepState<H>,
}

// The sleep is never structurally pinned: its state moves freely between polls.
impl<H: Host> Unpin for Sleep<H> {}

enum SleepState<H: Host> {
    /// Not started, with the delay in seconds and the result; or, with a NaN delay (which no
    /// sleep is given: the caller rejects it), yielded for one pass (`delay <= 0`). One variant
    /// holds the result, so the state is no bigger than it and the delay (100,000 sleeping tasks
    /// hold one).
    Ready {
        delay_s: f64,
        result: H::Value,
    },
    /// Suspended on the sleep's future, which its task holds (the result is `None`).
    Sleeping(HandleId),
    /// Suspended on the sleep's future in the slab, which the timer gives the result.
    Waiting {
        timer: HandleId,
        inner: AwaitFut<H>,
    },
    Done,
}

impl<H: Host> Sleep<H> {
    /// `asyncio.sleep(delay_s, result)`; the caller has rejected a NaN delay.
    pub fn new(delay_s: f64, result: H::Value) -> Sleep<H> {
        Sleep {
            state: SleepState::Ready { delay_s, result },
        }
    }

    /// The deadline of the sleep at `now` (`loop.time() + delay`).
    pub fn deadline(now: Micros, delay_s: f64) -> Micros {
        deadline_after(now, delay_s)
    }
}

impl<H: Host> Future for Sleep<H> {
    type Output = PyResult<H>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<PyResult<H>> {
        let this = &mut *self;
        loop {
            match std::mem::replace(&mut this.state, SleepState::Done) {
                SleepState::Ready { delay_s, result } if delay_s.is_nan() => {
                    // Woken after the bare yield: what the step throws in, else the result.
                    return Poll::Ready(thrown_in::<H>().map_or(Ok(result), Err));
                }
                SleepState::Ready { delay_s, result } if delay_s <= 0.0 => {
                    // `await __sleep0()`.
                    yield_bare::<H>();
                    let delay_s = f64::NAN;
                    this.state = SleepState::Ready { delay_s, result };
                    return Poll::Pending;
                }
                SleepState::Ready { delay_s, result } => {
                    this.state = Api::<H>::with(|core| start_sleep(core, delay_s, result));
                    if let SleepState::Sleeping(_) = this.state {
                        return Poll::Pending;
                    }
                }
                SleepState::Sleeping(timer) => {
                    // Woken: what the step throws in (`CancelledError`), else `None`.
                    this.state = SleepState::Sleeping(timer);
                    this.release();
                    return Poll::Ready(thrown_in::<H>().map_or_else(|| Ok(H::none()), Err));
                }
                SleepState::Waiting { timer, mut inner } => {
                    let Poll::Ready(outcome) = Pin::new(&mut inner).poll(cx) else {
                        this.state = SleepState::Waiting { timer, inner };
                        return Poll::Pending;
                    };
                    this.state = SleepState::Waiting { timer, inner };
                    this.release();
                    return Poll::Ready(outcome);
                }
                SleepState::Done => {
                    let exc = H::error(
                        crate::host::ErrorKind::RuntimeError,
                        Some("cannot reuse already awaited coroutine"),
                    );
                    return Poll::Ready(Err(exc));
                }
            }
        }
    }
}

/// `loop.call_later(delay, futures._set_result_unless_cancelled, future, result)`, and the
/// state the sleep then waits in. A sleep whose result is `None`, in a task's step, yields
/// (`await future`) at once.
fn start_sleep<H: Host>(core: &mut Core<H>, delay_s: f64, result: H::Value) -> SleepState<H> {
    let until = deadline_after(core.now, delay_s);
    match core.step.current {
        Some(t) if H::is_none(&result) => {
            let timer = core.call_at(until, Callback::SleepDone(t));
            core.step.yielded = Yielded::Sleep(until);
            SleepState::Sleeping(timer)
        }
        _ => {
            let label = Awaiting::Sleep {
                until: until.into(),
            };
            let fut = core.futs.create(crate::futures::Kind::Plain(label));
            let set = SetResultUnlessCancelled::<H> { fut, result };
            let timer = core.call_at(until, Callback::Native(std::rc::Rc::new(set), None));
            SleepState::Waiting {
                timer,
                inner: AwaitFut::new(fut),
            }
        }
    }
}

/// `futures._set_result_unless_cancelled(future, result)`: the timer of a sleep with a result.
struct SetResultUnlessCancelled<H: Host> {
    fut: FutId,
    result: H::Value,
}

impl<H: Host> Native<H> for SetResultUnlessCancelled<H> {
    fn call(&self, core: &mut Core<H>, _fut: Option<FutId>) {
        if !core.futs.is_done(self.fut) {
            let result = FutState::Finished(Ok(self.result.clone()));
            core.complete(self.fut, result);
        }
    }

    fn source(&self) -> &'static str {
        "_set_result_unless_cancelled() at asyncio/futures.py:312"
    }
}

impl<H: Host> Sleep<H> {
    /// `finally: h.cancel()`; and the sleep's future is no longer referred to.
    fn release(&mut self) {
        let timer = match std::mem::replace(&mut self.state, SleepState::Done) {
            SleepState::Sleeping(timer) => Some((timer, None)),
            SleepState::Waiting { timer, inner } => Some((timer, Some(inner.fut))),
            _ => None,
        };
        if let Some((timer, fut)) = timer {
            Api::<H>::try_with(|core| {
                core.cancel_handle(timer);
                if let Some(fut) = fut {
                    core.free_future(fut);
                }
            });
        }
    }
}

impl<H: Host> Drop for Sleep<H> {
    fn drop(&mut self) {
        self.release();
    }
}
