//! The awaitables coroutines suspend on: an asyncio future, a bare yield, and `asyncio.sleep`.

use super::api::Api;
use super::clock::ms;
use super::core::{Callback, Yielded};
use super::exc::PyResult;
use super::futures::Kind;
use super::FutId;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

/// `await fut` (`Future.__await__`): a done future gives its result at once, without suspending;
/// otherwise the task suspends on it and, once woken, gets its result, or the exception its step
/// throws in (`CancelledError` when the task was cancelled meanwhile).
pub(crate) struct AwaitFut {
    fut: FutId,
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
pub async fn sleep(delay_ms: u32) -> PyResult<()> {
    if delay_ms == 0 {
        return YieldNow { yielded: false }.await;
    }
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
    let outcome = AwaitFut::new(fut).await;
    Api.with(|core| {
        core.timers.cancel(timer);
        core.futs.free(fut);
    });
    outcome.map(|_| ())
}
