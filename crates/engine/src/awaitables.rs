//! The awaitables coroutines suspend on: an asyncio future, a bare yield, and `asyncio.sleep`.

use crate::api::Api;
use crate::callback::{Callback, HandleId};
use crate::clock::{deadline_after, Micros};
use crate::core::Yielded;
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
            Api::<H>::with(|core| core.step.yielded = Yielded::Bare);
            return Poll::Pending;
        }
        Poll::Ready(Api::<H>::with(|core| core.step.throw_in.take()).map_or(Ok(()), Err))
    }
}

/// `await asyncio.sleep(delay, result)` (`tasks.sleep`): `delay <= 0` yields for exactly one pass;
/// otherwise a timer armed for `loop.time() + delay` completes a future the task suspends on, and
/// the task resumes one pass after the timer fires.
///
/// # Cancellation
/// A cancel while sleeping raises `CancelledError` here, and the timer is cancelled (`finally:
/// h.cancel()`), so it neither fires nor makes the loop wait for its deadline. Dropping the sleep
/// mid-await does the same.
pub struct Sleep<H: Host> {
    result: Option<H::Value>,
    state: SleepState<H>,
}

// The sleep is never structurally pinned: its state moves freely between polls.
impl<H: Host> Unpin for Sleep<H> {}

enum SleepState<H: Host> {
    /// Not started: the delay in seconds (kept only until then: 100,000 sleeping tasks hold one
    /// sleep each).
    Start(f64),
    Yielding(YieldNow<H>),
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
            result: Some(result),
            state: SleepState::Start(delay_s),
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
            match &mut this.state {
                SleepState::Start(delay_s) if *delay_s <= 0.0 => {
                    this.state = SleepState::Yielding(YieldNow::new());
                }
                SleepState::Start(delay_s) => {
                    let delay_s = *delay_s;
                    let (fut, timer) = Api::<H>::with(|core| {
                        let until = deadline_after(core.now, delay_s);
                        let fut = core
                            .futs
                            .create(crate::futures::Kind::Plain(Awaiting::Sleep {
                                until: until.into(),
                            }));
                        let timer = core.call_at(until, Callback::SetResultUnlessCancelled(fut));
                        (fut, timer)
                    });
                    this.state = SleepState::Waiting {
                        timer,
                        inner: AwaitFut::new(fut),
                    };
                }
                SleepState::Yielding(y) => {
                    let outcome = std::task::ready!(Pin::new(y).poll(cx));
                    this.state = SleepState::Done;
                    let result = this.result.take().unwrap_or_else(H::none);
                    return Poll::Ready(outcome.map(|()| result));
                }
                SleepState::Waiting { inner, .. } => {
                    let outcome = std::task::ready!(Pin::new(inner).poll(cx));
                    this.release();
                    let result = this.result.take().unwrap_or_else(H::none);
                    return Poll::Ready(outcome.map(|_| result));
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

impl<H: Host> Sleep<H> {
    /// `finally: h.cancel()`; and the sleep's future is no longer referred to.
    fn release(&mut self) {
        if let SleepState::Waiting { timer, inner } =
            std::mem::replace(&mut self.state, SleepState::Done)
        {
            let fut = inner.fut;
            Api::<H>::try_with(|core| {
                core.cancel_handle(timer);
                core.free_future(fut);
            });
        }
    }
}

impl<H: Host> Drop for Sleep<H> {
    fn drop(&mut self) {
        self.release();
    }
}
