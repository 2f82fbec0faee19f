//! `asyncio.gather` (`tasks.gather` and `_GatheringFuture`), for programs and for `asyncio.run`'s
//! shutdown. The caller has wrapped coroutines in tasks already (`ensure_future`, in argument
//! order, skipping repeated arguments): this takes the children's futures.

use crate::callback::{Callback, Native};
use crate::core::Core;
use crate::futures::{CancelHook, FutState};
use crate::host::Host;
use crate::trace::{Awaiting, CancelCause};
use crate::FutId;
use std::cell::Cell;
use std::rc::Rc;

/// One gather's state. Invariant: `nfinished` counts the children whose `_done_callback` ran.
struct Gathering {
    /// The outer `_GatheringFuture`, once created (`outer = None` before: bpo-46672).
    outer: Cell<Option<FutId>>,
    /// `children`, one per argument (a repeated argument repeats its future).
    children: Box<[FutId]>,
    /// `nfuts`: the distinct children.
    nfuts: usize,
    nfinished: Cell<usize>,
    return_exceptions: bool,
    /// `_cancel_requested`.
    cancel_requested: Cell<bool>,
}

impl<H: Host> Native<H> for Gathering {
    fn source(&self) -> &'static str {
        "gather.<locals>._done_callback() at asyncio/tasks.py:820"
    }

    /// gather's `_done_callback(fut)`.
    fn call(&self, core: &mut Core<H>, fut: Option<FutId>) {
        let Some(fut) = fut else { return };
        self.nfinished.set(self.nfinished.get() + 1);
        let outer = self.outer.get();
        if outer.is_none_or(|o| core.future_done(o)) {
            if !core.future_cancelled(fut) {
                let _ = core.future_exception(fut);
            }
            return;
        }
        let outer = outer.expect("checked above");
        if !self.return_exceptions {
            if core.future_cancelled(fut) {
                let exc = core.make_cancelled_error(fut);
                let _ = core.set_exception(outer, exc);
                return;
            }
            if let Ok(Some(exc)) = core.future_exception(fut) {
                let _ = core.set_exception(outer, exc);
                return;
            }
        }
        if self.nfinished.get() == self.nfuts {
            let mut results = Vec::with_capacity(self.children.len());
            for &child in self.children.iter() {
                let res = if core.future_cancelled(child) {
                    // `CancelledError('' if fut._cancel_message is None else fut._cancel_message)`
                    let msg = core.cancel_message(child);
                    let msg = msg.unwrap_or_else(|| H::string(""));
                    let exc = H::cancelled_error(Some(&msg));
                    H::exc_value(&exc)
                } else {
                    match core.future_exception(child) {
                        Ok(Some(exc)) => H::exc_value(&exc),
                        _ => match core.future_state(child) {
                            FutState::Finished(Ok(v)) => v.clone(),
                            _ => H::none(),
                        },
                    }
                };
                results.push(res);
            }
            if self.cancel_requested.get() {
                // `fut._make_cancelled_error()`: `fut` is left over from the results loop above,
                // so it is the last child.
                let last = self.children.last().copied().unwrap_or(fut);
                let exc = core.make_cancelled_error(last);
                let _ = core.set_exception(outer, exc);
            } else {
                let _ = core.set_result(outer, H::list(results));
            }
        }
    }
}

impl<H: Host> CancelHook<H> for Gathering {
    /// `_GatheringFuture.cancel(msg)`: cancels every child; true if any took the cancel.
    fn cancel(&self, core: &mut Core<H>, msg: Option<H::Value>) -> bool {
        let Some(outer) = self.outer.get() else {
            return false;
        };
        if core.future_done(outer) {
            return false;
        }
        let mut ret = false;
        for &child in self.children.iter() {
            if core.cancel_future(child, msg.clone(), CancelCause::Gather) {
                ret = true;
            }
        }
        if ret {
            self.cancel_requested.set(true);
        }
        ret
    }
}

/// `gather(*children, return_exceptions=...)`: returns the outer future. `children` are the
/// arguments' futures (tasks for coroutines), in argument order.
///
/// # Errors
/// Without `return_exceptions`, the first child to fail (or be cancelled: `CancelledError`) sets
/// its exception on the outer future at once; the other children are not cancelled.
///
/// # Cancellation
/// Cancelling the outer future cancels every unfinished child; it then raises `CancelledError`
/// even with `return_exceptions`.
pub fn gather<H: Host>(core: &mut Core<H>, children: &[FutId], return_exceptions: bool) -> FutId {
    if children.is_empty() {
        let outer = core.create_future(Awaiting::Gather);
        let _ = core.set_result(outer, H::list(Vec::new()));
        return outer;
    }
    // `arg_to_fut`: a repeated argument is one child, called back once. Future ids index the
    // loop's slab, so one bit per id tells which were seen.
    let mut seen = vec![
        0u64;
        children
            .iter()
            .map(|c| c.0 as usize / 64 + 1)
            .max()
            .unwrap_or(0)
    ];
    let distinct: Vec<FutId> = children
        .iter()
        .copied()
        .filter(|&c| {
            let (word, bit) = (c.0 as usize / 64, 1u64 << (c.0 % 64));
            let new = seen[word] & bit == 0;
            seen[word] |= bit;
            new
        })
        .collect();
    let state = Rc::new(Gathering {
        outer: Cell::new(None),
        children: children.into(),
        nfuts: distinct.len(),
        nfinished: Cell::new(0),
        return_exceptions,
        cancel_requested: Cell::new(false),
    });
    let native: Rc<dyn Native<H>> = state.clone();
    let mut done_futs = Vec::new();
    for &child in &distinct {
        if core.future_done(child) {
            done_futs.push(child);
        } else {
            core.add_done_callback(child, Callback::Native(native.clone(), None));
        }
    }
    let hook: Rc<dyn CancelHook<H>> = state.clone();
    let outer = core.create_hooked_future(Awaiting::Gather, hook);
    state.outer.set(Some(outer));
    for child in done_futs {
        Native::<H>::call(&*state, core, Some(child));
    }
    outer
}
