//! The awaitables coroutines suspend on: an asyncio future, a bare yield, and `asyncio.sleep`.

use super::api::Api;
use super::clock::ms;
use super::core::{Callback, Yielded};
use super::exc::PyResult;
use super::futures::Kind;
use super::timers::TimerHandle;
use super::FutId;
use std::future::Future;
use std::pin::Pin;
use std::task::{ready, Context, Poll};

/// `await fut` (`Future.__await__`): a done future gives its result at once, without suspending;
/// otherwise the task suspends on it and, once woken, gets its result, or the exception its step
/// throws in (`CancelledError` when the task was cancelled meanwhile).
pub(crate) struct AwaitFut {
    pub(crate) fut: FutId,
    yielded: bool,
}

impl AwaitFut {
    pub(crate) fn new(fut: FutId) -> Self {
        AwaitFut {
            fut,
            yielded: false,
        }
    }
}

impl Future for AwaitFut {
    type Output = PyResult;

    fn poll(mut self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<PyResult> {
        let (fut, first) = (self.fut, !self.yielded);
        let ready = Api.with(|core| {
            if !first {
                return Some(
                    core.step
                        .throw_in
                        .take()
                        .map_or_else(|| core.futs.result(fut), Err),
                );
            }
            if core.futs.is_done(fut) {
                return Some(core.futs.result(fut));
            }
            core.step.yielded = Yielded::Fut(fut);
            None
        });
        self.yielded = true;
        ready.map_or(Poll::Pending, Poll::Ready)
    }
}

/// A bare `yield` (`asyncio.sleep(0)`): the task runs again in the next pass.
struct YieldNow {
    yielded: bool,
}

impl Future for YieldNow {
    type Output = PyResult<()>;

    fn poll(mut self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<PyResult<()>> {
        if !self.yielded {
            self.yielded = true;
            Api.with(|core| core.step.yielded = Yielded::Bare);
            return Poll::Pending;
        }
        Poll::Ready(
            Api.with(|core| core.step.throw_in.take())
                .map_or(Ok(()), Err),
        )
    }
}

/// `await asyncio.sleep(delay_ms / 1000)`.
///
/// `0` yields for exactly one pass. Otherwise a timer armed for `now + delay` completes a future the
/// task suspends on; the task resumes one pass after the timer fires.
///
/// # Cancellation
/// A cancel while sleeping raises `CancelledError` here, and the timer is cancelled (`finally:
/// h.cancel()`), so it neither fires nor makes the loop wait for its deadline.
pub fn sleep(delay_ms: u32) -> Sleep {
    Sleep {
        delay_ms,
        state: SleepState::Start,
    }
}

/// The future [`sleep`] returns (a named state machine, so a task can hold it without boxing).
pub struct Sleep {
    delay_ms: u32,
    state: SleepState,
}

enum SleepState {
    Start,
    Yielding(YieldNow),
    Waiting { timer: TimerHandle, inner: AwaitFut },
    Done,
}

impl Future for Sleep {
    type Output = PyResult<()>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<PyResult<()>> {
        let this = &mut *self;
        loop {
            match &mut this.state {
                SleepState::Start if this.delay_ms == 0 => {
                    this.state = SleepState::Yielding(YieldNow { yielded: false });
                }
                SleepState::Start => {
                    let delay_ms = this.delay_ms;
                    let (fut, timer) = Api.with(|core| {
                        let until = core.now + ms(delay_ms);
                        core.step.sleep_delay_ms = delay_ms;
                        let fut = core.futs.create(Kind::Sleep);
                        (
                            fut,
                            core.timers
                                .arm(until, Callback::SetResultUnlessCancelled(fut)),
                        )
                    });
                    this.state = SleepState::Waiting {
                        timer,
                        inner: AwaitFut::new(fut),
                    };
                }
                SleepState::Yielding(y) => {
                    let outcome = ready!(Pin::new(y).poll(cx));
                    this.state = SleepState::Done;
                    return Poll::Ready(outcome);
                }
                SleepState::Waiting { timer, inner } => {
                    let outcome = ready!(Pin::new(&mut *inner).poll(cx));
                    let (timer, fut) = (*timer, inner.fut);
                    // `finally: h.cancel()`; and the sleep's future is no longer referred to.
                    Api.with(|core| {
                        core.timers.cancel(timer);
                        core.futs.free(fut);
                    });
                    this.state = SleepState::Done;
                    return Poll::Ready(outcome.map(|_| ()));
                }
                SleepState::Done => panic!("a sleep was awaited again after it completed"),
            }
        }
    }
}

/// `await asyncio.sleep(delay); return then(payload)`: a whole coroutine of the scenario's `work`
/// shape that a task holds inline, with no allocation (the common case, at 100,000 tasks).
pub struct SleepThen {
    sleep: Sleep,
    then: fn(u64) -> PyResult,
    payload: u64,
}

impl SleepThen {
    pub fn new(delay_ms: u32, then: fn(u64) -> PyResult, payload: u64) -> SleepThen {
        SleepThen {
            sleep: sleep(delay_ms),
            then,
            payload,
        }
    }
}

impl Future for SleepThen {
    type Output = PyResult;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<PyResult> {
        let slept = ready!(Pin::new(&mut self.sleep).poll(cx));
        Poll::Ready(slept.and_then(|()| (self.then)(self.payload)))
    }
}
