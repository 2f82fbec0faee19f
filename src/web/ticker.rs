//! The timeline's ticker: while a run goes, a callback on every frame the page draws, so the time
//! shown moves between the loop's events (one future for the whole timeline, never one per task).

use super::yielder::{next_frame, Yielder};
use std::cell::Cell;
use std::rc::Rc;

/// Calls its callback after each frame until dropped.
#[must_use = "dropping the ticker stops it"]
pub(super) struct Ticker {
    /// Set when dropped: the future sees it after its next frame and returns.
    stopped: Rc<Cell<bool>>,
}

impl Ticker {
    pub(super) fn start(mut on_frame: impl FnMut() + 'static) -> Ticker {
        let stopped = Rc::new(Cell::new(false));
        let stop = stopped.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let yielder = Yielder::new();
            loop {
                next_frame(&yielder).await;
                if stop.get() {
                    return;
                }
                on_frame();
            }
        });
        Ticker { stopped }
    }
}

impl Drop for Ticker {
    fn drop(&mut self) {
        self.stopped.set(true);
    }
}
