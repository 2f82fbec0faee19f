//! `asyncio.shield` (`tasks.shield`): an outer future that follows `inner` but whose cancellation
//! does not reach it.

use crate::callback::{Callback, Native};
use crate::core::Core;
use crate::futures::FutState;
use crate::host::Host;
use crate::trace::Awaiting;
use crate::FutId;
use std::cell::Cell;
use std::rc::Rc;

struct Shield {
    inner: FutId,
    outer: Cell<Option<FutId>>,
    /// `_inner_done_callback`, to be removed by `_outer_done_callback`.
    inner_cb: Cell<bool>,
}

/// `_inner_done_callback(inner)`.
struct InnerDone(Rc<Shield>);

impl<H: Host> Native<H> for InnerDone {
    fn source(&self) -> &'static str {
        "shield.<locals>._inner_done_callback() at asyncio/tasks.py:958"
    }

    fn call(&self, core: &mut Core<H>, _fut: Option<FutId>) {
        let (inner, Some(outer)) = (self.0.inner, self.0.outer.get()) else {
            return;
        };
        if core.future_cancelled(outer) {
            if !core.future_cancelled(inner) {
                let _ = core.future_exception(inner);
            }
            return;
        }
        if core.future_cancelled(inner) {
            core.cancel_plain(outer, None);
            return;
        }
        match core.future_exception(inner) {
            Ok(Some(exc)) => {
                let _ = core.set_exception(outer, exc);
            }
            _ => {
                let value = match core.future_state(inner) {
                    FutState::Finished(Ok(v)) => v.clone(),
                    _ => H::none(),
                };
                let _ = core.set_result(outer, value);
            }
        }
    }
}

/// `_outer_done_callback(outer)`: forget the inner's callback if the inner is still running.
struct OuterDoneCb<H: Host>(Rc<Shield>, Rc<dyn Native<H>>);

impl<H: Host> Native<H> for OuterDoneCb<H> {
    fn source(&self) -> &'static str {
        "shield.<locals>._outer_done_callback() at asyncio/tasks.py:975"
    }

    /// Once it ran, only the program holds the outer future (`shield` returned it): a failed
    /// one nobody retrieved is logged when the program drops it.
    fn lets_go(&self) -> bool {
        true
    }

    fn call(&self, core: &mut Core<H>, _fut: Option<FutId>) {
        let inner = self.0.inner;
        if !core.future_done(inner) && self.0.inner_cb.get() {
            core.remove_done_callback(inner, &Callback::Native(self.1.clone(), None));
            self.0.inner_cb.set(false);
        }
    }
}

/// `shield(inner)`: `inner` itself if it is done, else a new outer future.
pub fn shield<H: Host>(core: &mut Core<H>, inner: FutId) -> FutId {
    if core.future_done(inner) {
        return inner;
    }
    let state = Rc::new(Shield {
        inner,
        outer: Cell::new(None),
        inner_cb: Cell::new(true),
    });
    let outer = core.create_future(Awaiting::Shield);
    state.outer.set(Some(outer));
    let inner_done: Rc<dyn Native<H>> = Rc::new(InnerDone(state.clone()));
    core.add_done_callback(inner, Callback::Native(inner_done.clone(), None));
    let outer_done: Rc<dyn Native<H>> = Rc::new(OuterDoneCb(state, inner_done));
    core.add_done_callback(outer, Callback::Native(outer_done, None));
    outer
}
