//! [`Api`]: the running loop, as coroutines reach it (`asyncio.get_running_loop()`).

use crate::core::Core;
use crate::host::Host;
use std::any::Any;
use std::cell::RefCell;
use std::marker::PhantomData;
use std::rc::Rc;

thread_local! {
    /// The loop running a pass on this thread, set only while a pass runs, so that coroutines need
    /// to hold no pointer to their loop. (An `Rc<RefCell<Core<H>>>`, for the one host `H`.)
    static RUNNING: RefCell<Option<Rc<dyn Any>>> = const { RefCell::new(None) };
}

/// Makes `core` the running loop until the guard is dropped (a pass), restoring the previous one.
pub(crate) struct Running(Option<Rc<dyn Any>>);

impl Running {
    #[must_use = "the loop stops being the running loop when the guard is dropped"]
    pub(crate) fn enter<H: Host>(core: Rc<RefCell<Core<H>>>) -> Running {
        let core: Rc<dyn Any> = core;
        Running(RUNNING.with(|r| r.replace(Some(core))))
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        let previous = self.0.take();
        RUNNING.with(|r| *r.borrow_mut() = previous);
    }
}

/// A handle on the running loop: zero-sized, so a coroutine holding it costs nothing.
///
/// # Panics
/// [`Api::with`] borrows the loop for its own duration only, and may be called only while a loop
/// runs a pass on this thread and is not already borrowed (elsewhere it panics: "no running event
/// loop"); [`Api::try_with`] is the form that asks first.
pub struct Api<H>(PhantomData<fn() -> H>);

impl<H> Clone for Api<H> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<H> Copy for Api<H> {}
impl<H> Default for Api<H> {
    fn default() -> Self {
        Api(PhantomData)
    }
}

impl<H: Host> Api<H> {
    /// Runs `f` on the running loop.
    pub fn with<R>(f: impl FnOnce(&mut Core<H>) -> R) -> R {
        let core = RUNNING
            .with(|r| r.borrow().clone())
            .expect("no running event loop");
        let core = core
            .downcast_ref::<RefCell<Core<H>>>()
            .expect("the running loop is another host's");
        let mut core = core.borrow_mut();
        f(&mut core)
    }

    /// Runs `f` on the running loop, or returns `None` if no loop is running on this thread (or it
    /// is borrowed already: a drop inside a loop operation).
    pub fn try_with<R>(f: impl FnOnce(&mut Core<H>) -> R) -> Option<R> {
        let core = RUNNING.try_with(|r| r.borrow().clone()).ok().flatten()?;
        let core = core.downcast_ref::<RefCell<Core<H>>>()?;
        let mut core = core.try_borrow_mut().ok()?;
        Some(f(&mut core))
    }

    /// Whether a loop is running on this thread (`asyncio.get_running_loop()` would succeed).
    pub fn is_running() -> bool {
        RUNNING.try_with(|r| r.borrow().is_some()).unwrap_or(false)
    }
}
