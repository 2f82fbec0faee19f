//! Breaking the reference cycles a program leaves behind, as CPython's cycle collector would:
//! the objects that can close a cycle are tracked when made, and emptied when the program's state
//! goes ([`crate::vm::interp::reset`]).
//!
//! Values are `Rc`s, so a cycle (a function and the module globals that hold it, a class and its
//! MRO, `self.parent.children`, a loop whose futures hold its tasks) is never freed by counting
//! alone: without this, every run would leak what it made (about 10 KB for a small program), and a
//! page that runs program after program would grow without end.
//!
//! Tracked: module globals, closure cells, program-defined classes and their instances, and
//! `asyncio.run` loops (whose engine holds every task, coroutine, future and callback). Lists,
//! dicts and sets that contain themselves with nothing tracked in between are not.

use crate::vm::interp;
use std::rc::{Rc, Weak};

/// An object that can close a reference cycle.
pub trait Teardown {
    /// Lets go of every value it holds. Drops happen after its borrows are released (a drop may
    /// run code that reaches the object again).
    fn clear(&self);
}

/// The tracked objects of one program, as weak references (tracking keeps nothing alive).
#[derive(Default)]
pub struct Tracked {
    objects: Vec<Weak<dyn Teardown>>,
    /// The length after the last sweep of dead entries: the next sweep comes when it doubles, so
    /// tracking stays O(1) amortized and dead entries never outnumber live ones for long.
    swept_len: usize,
}

impl Tracked {
    fn push(&mut self, obj: Weak<dyn Teardown>) {
        if self.objects.len() >= 2 * self.swept_len.max(512) {
            // A dead weak reference still holds its allocation: let those go.
            self.objects.retain(|w| w.strong_count() > 0);
            self.swept_len = self.objects.len();
        }
        self.objects.push(obj);
    }

    /// Empties every object still alive.
    pub fn clear_all(self) {
        for obj in self.objects {
            if let Some(obj) = obj.upgrade() {
                obj.clear();
            }
        }
    }
}

/// Tracks `obj` for the current program.
pub fn track<T: Teardown + 'static>(obj: &Rc<T>) {
    let weak: Weak<dyn Teardown> = Rc::downgrade(obj) as Weak<dyn Teardown>;
    interp::with(|i| i.tracked.borrow_mut().push(weak));
}

/// Module globals (`Globals`): every function defined in a module holds them.
impl Teardown for crate::objects::function::Globals {
    fn clear(&self) {
        let entries = std::mem::take(&mut *self.borrow_mut());
        drop(entries);
    }
}

/// A closure cell: a nested function that names itself holds the cell that holds it.
impl Teardown for std::cell::RefCell<crate::objects::Value> {
    fn clear(&self) {
        let value = self.replace(crate::objects::Value::None);
        drop(value);
    }
}

/// The locals of an ended frame that a traceback refers to: they may hold the exception.
impl Teardown for crate::objects::exception::FrameLocals {
    fn clear(&self) {
        let values = std::mem::take(&mut *self.borrow_mut());
        drop(values);
    }
}

/// A program's class: its MRO starts with itself.
impl Teardown for crate::objects::class::Class {
    fn clear(&self) {
        let dict = std::mem::take(&mut *self.dict.borrow_mut());
        let mro = std::mem::take(&mut *self.mro.borrow_mut());
        drop((dict, mro));
    }
}

impl Teardown for crate::objects::class::Instance {
    fn clear(&self) {
        let attrs = std::mem::take(&mut *self.attrs.borrow_mut());
        drop(attrs);
    }
}

impl Teardown for crate::vm::coroutine::Generator {
    fn clear(&self) {
        let thread = self.thread.borrow_mut().take();
        drop(thread);
    }
}

/// An `asyncio.run` loop: its engine holds every task (and its coroutine), future (and its
/// value) and callback, and its Python objects hold the loop.
impl Teardown for crate::modules::asyncio::Loop {
    fn clear(&self) {
        self.torn_down.set(true);
        let coros = std::mem::take(&mut *self.coros.borrow_mut());
        let tasks = std::mem::take(&mut *self.tasks.borrow_mut());
        let futures = std::mem::take(&mut *self.futures.borrow_mut());
        let engine = self.core.borrow_mut().take_all();
        drop((coros, tasks, futures, engine));
    }
}
