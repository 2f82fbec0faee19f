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
pub(crate) struct AwaitFut<'a> {
    api: &'a Api,
    fut: FutId,
    yielded: bool,
}

impl<'a> AwaitFut<'a> {
    pub(crate) fn new(api: &'a Api, fut: FutId) -> Self {
        AwaitFut { api, fut, yielded: false }
    }
}

impl Future for AwaitFut<'_> {
    type Output = PyResult;

    fn poll(mut self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<PyResult> {
        let mut core = self.api.core.borrow_mut();
        if !self.yielded {
            if core.futs.is_done(self.fut) {
                return Poll::Ready(core.futs.result(self.fut));
            }
            core.step.yielded = Yielded::Fut(self.fut);
            drop(core);
            self.yielded = true;
            return Poll::Pending;
        }
        if let Some(exc) = core.step.throw_in.take() {
            return Poll::Ready(Err(exc));
        }
        Poll::Ready(core.futs.result(self.fut))
    }
}

/// A bare `yield` (`asyncio.sleep(0)`): the task runs again in the next pass.
struct YieldNow<'a> {
    api: &'a Api,
    yielded: bool,
}

impl Future for YieldNow<'_> {
    type Output = PyResult<()>;

    fn poll(mut self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<PyResult<()>> {
        let mut core = self.api.core.borrow_mut();
        if !self.yielded {
            core.step.yielded = Yielded::Bare;
            drop(core);
            self.yielded = true;
            return Poll::Pending;
        }
        Poll::Ready(core.step.throw_in.take().map_or(Ok(()), Err))
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
pub async fn sleep(api: &Api, delay_ms: u32) -> PyResult<()> {
    if delay_ms == 0 {
        return YieldNow { api, yielded: false }.await;
    }
    let (fut, timer) = api.with(|core| {
        let until = core.now + ms(delay_ms);
        let fut = core.futs.create(Kind::Sleep { until });
        (fut, core.timers.arm(until, Callback::SetResultUnlessCancelled(fut)))
    });
    let outcome = AwaitFut::new(api, fut).await;
    api.with(|core| {
        core.timers.cancel(timer);
        core.futs.free(fut);
    });
    outcome.map(|_| ())
}
