//! `asyncio.wait` (`tasks._wait`): never raises the futures' errors, never cancels them.

use crate::api::Api;
use crate::awaitables::AwaitFut;
use crate::callback::{Callback, HandleId, Native};
use crate::clock::deadline_after;
use crate::core::Core;
use crate::futures::FutState;
use crate::host::Host;
use crate::trace::Awaiting;
use crate::FutId;
use std::cell::Cell;
use std::rc::Rc;

/// `return_when`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum ReturnWhen {
    #[default]
    AllCompleted,
    FirstCompleted,
    FirstException,
}

impl ReturnWhen {
    /// The constant's name (`asyncio.FIRST_COMPLETED` is the string `'FIRST_COMPLETED'`).
    pub fn name(self) -> &'static str {
        match self {
            ReturnWhen::AllCompleted => "ALL_COMPLETED",
            ReturnWhen::FirstCompleted => "FIRST_COMPLETED",
            ReturnWhen::FirstException => "FIRST_EXCEPTION",
        }
    }
}

/// `_on_completion(f)` of one wait, and `_release_waiter` of its timeout.
struct Waiting {
    waiter: FutId,
    /// `counter`: completions still to come before ALL_COMPLETED.
    counter: Cell<i64>,
    when: ReturnWhen,
    timeout: Cell<Option<HandleId>>,
}

impl<H: Host> Native<H> for Waiting {
    fn source(&self) -> &'static str {
        "_wait.<locals>._on_completion() at asyncio/tasks.py:521"
    }

    fn call(&self, core: &mut Core<H>, fut: Option<FutId>) {
        let Some(f) = fut else {
            // The timeout: `_release_waiter(waiter)`.
            if !core.future_done(self.waiter) {
                let _ = core.set_result(self.waiter, H::none());
            }
            return;
        };
        self.counter.set(self.counter.get() - 1);
        // Evaluated in CPython's order: `f.exception()` (which retrieves the exception) is called
        // only for FIRST_EXCEPTION, and only when nothing before it decided.
        let release = self.counter.get() <= 0
            || self.when == ReturnWhen::FirstCompleted
            || (self.when == ReturnWhen::FirstException
                && !core.future_cancelled(f)
                && matches!(core.future_exception(f), Ok(Some(_))));
        if release {
            if let Some(h) = self.timeout.get() {
                core.cancel_handle(h);
            }
            if !core.future_done(self.waiter) {
                let _ = core.set_result(self.waiter, H::none());
            }
        }
    }

    /// What holds the futures is `fs`, the program's objects (and then the sets wait returns).
    fn lets_go(&self) -> bool {
        true
    }
}

/// `done, pending = await asyncio.wait(fs, timeout=..., return_when=...)`, on the distinct futures
/// `fs` (the caller has checked they are futures and not empty: `ValueError('Set of
/// Tasks/Futures is empty.')`). Returns `(done, pending)`, each in the order of `fs`.
///
/// # Cancellation
/// Nothing is cancelled: not on return, not on timeout (no `TimeoutError`: late futures are in
/// `pending`), and not when the awaiting task is cancelled (only the wait itself stops).
pub async fn wait<H: Host>(
    fs: Vec<FutId>,
    timeout_s: Option<f64>,
    when: ReturnWhen,
) -> Result<(Vec<FutId>, Vec<FutId>), H::Exc> {
    let (waiter, native) = Api::<H>::with(|core| {
        let waiter = core.create_future(Awaiting::Wait);
        let state = Rc::new(Waiting {
            waiter,
            counter: Cell::new(fs.len() as i64),
            when,
            timeout: Cell::new(None),
        });
        let native: Rc<dyn Native<H>> = state.clone();
        if let Some(t) = timeout_s {
            let at = deadline_after(core.now(), t);
            state.timeout.set(Some(
                core.call_at(at, Callback::Native(native.clone(), None)),
            ));
        }
        for &f in &fs {
            core.add_done_callback(f, Callback::Native(native.clone(), None));
        }
        (waiter, (state, native))
    });
    let outcome = AwaitFut::<H>::new(waiter).await;
    // `finally:` cancel the timeout, remove the callbacks not yet scheduled.
    Api::<H>::with(|core| {
        if let Some(h) = native.0.timeout.get() {
            core.cancel_handle(h);
        }
        let cb = Callback::Native(native.1.clone(), None);
        for &f in &fs {
            core.remove_done_callback(f, &cb);
        }
    });
    outcome?;
    Ok(Api::<H>::with(|core| {
        fs.iter()
            .partition(|&&f| !matches!(core.future_state(f), FutState::Pending))
    }))
}
