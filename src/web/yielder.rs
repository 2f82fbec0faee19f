//! Yielding to the page without the 4 ms clamp of chained timers, and waiting for its next frame.

use super::page_clock::performance_now;
use gloo_timers::callback::Timeout;
use std::cell::{Cell, RefCell};
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll, Waker};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// Yields to the macrotask queue through one `MessageChannel` kept for the whole run (unlike a
/// chain of `setTimeout(0)`, which browsers clamp to 4 ms, a message is delivered at once). Its
/// `onmessage` closure lives exactly as long as the `Yielder`: dropping it detaches the closure.
pub(super) struct Yielder {
    /// When the last yield returned (ms of `performance.now()`).
    pub(super) last: Cell<f64>,
    channel: Option<web_sys::MessageChannel>,
    state: Rc<YieldState>,
    _onmessage: Closure<dyn FnMut()>,
}

/// Invariant: `delivered` is set by the message and taken by the `Yield` future that posted it.
#[derive(Default)]
struct YieldState {
    delivered: Cell<bool>,
    waker: RefCell<Option<Waker>>,
}

impl YieldState {
    /// Marks the yield delivered and wakes its future (the waker is taken out before waking).
    fn deliver(&self) {
        self.delivered.set(true);
        let waker = self.waker.borrow_mut().take();
        if let Some(w) = waker {
            w.wake();
        }
    }
}

impl Yielder {
    pub(super) fn new() -> Yielder {
        let state = Rc::new(YieldState::default());
        let on = state.clone();
        let onmessage = Closure::<dyn FnMut()>::new(move || on.deliver());
        let channel = web_sys::MessageChannel::new().ok();
        if let Some(c) = &channel {
            c.port1()
                .set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
        }
        Yielder {
            last: Cell::new(performance_now()),
            channel,
            state,
            _onmessage: onmessage,
        }
    }

    /// Resolves on the next macrotask.
    pub(super) fn yield_now(&self) -> Yield<'_> {
        let posted = self
            .channel
            .as_ref()
            .is_some_and(|c| c.port2().post_message(&JsValue::NULL).is_ok());
        Yield {
            state: &self.state,
            posted,
        }
    }
}

impl Drop for Yielder {
    fn drop(&mut self) {
        if let Some(c) = &self.channel {
            c.port1().set_onmessage(None);
            c.port1().close();
            c.port2().close();
        }
    }
}

pub(super) struct Yield<'a> {
    state: &'a YieldState,
    posted: bool,
}

impl Future for Yield<'_> {
    type Output = ();
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if !self.posted || self.state.delivered.replace(false) {
            return Poll::Ready(());
        }
        *self.state.waker.borrow_mut() = Some(cx.waker().clone());
        Poll::Pending
    }
}

/// How long `next_frame` waits for a frame before it resolves anyway: a hidden tab, or an embed
/// scrolled out of view, draws none.
const FRAME_WAIT_MS: u32 = 100;

/// Resolves once the page has drawn its next frame (`requestAnimationFrame`, then one more yield so
/// that the frame's style, layout and paint are done), after `FRAME_WAIT_MS` if no frame comes,
/// or at once if there is no window.
pub(super) async fn next_frame(yielder: &Yielder) {
    let state = Rc::new(YieldState::default());
    let request = FrameRequest::new(&state);
    let on_timeout = state.clone();
    let _timeout = request
        .is_some()
        .then(|| Timeout::new(FRAME_WAIT_MS, move || on_timeout.deliver()));
    Yield {
        state: &state,
        posted: request.is_some(),
    }
    .await;
    drop(request);
    yielder.yield_now().await;
}

/// A pending `requestAnimationFrame`; dropping it cancels the request and frees its callback.
struct FrameRequest {
    window: web_sys::Window,
    id: i32,
    _callback: Closure<dyn FnMut()>,
}

impl FrameRequest {
    fn new(state: &Rc<YieldState>) -> Option<FrameRequest> {
        let window = web_sys::window()?;
        let on = state.clone();
        let callback = Closure::<dyn FnMut()>::new(move || on.deliver());
        let id = window
            .request_animation_frame(callback.as_ref().unchecked_ref())
            .ok()?;
        Some(FrameRequest {
            window,
            id,
            _callback: callback,
        })
    }
}

impl Drop for FrameRequest {
    fn drop(&mut self) {
        let _ = self.window.cancel_animation_frame(self.id);
    }
}
