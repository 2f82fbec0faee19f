//! Functions: a code object with its globals, defaults and closure.

use super::class::Class;
use super::Value;
pub use crate::compile::code::Code;
use asyncio_playground_engine::fast_hash::FastMap;
use std::cell::RefCell;
use std::rc::{Rc, Weak};

/// A function's `__name__` and `__qualname__` and its code's first line: made once with the code
/// object, shared by the functions made from it and the coroutines they make (one pointer in each
/// of 100,000 pending coroutines, not two strings and a number). Assigning either name gives the
/// function a new `Names`, so a coroutine keeps the names it was made with, as CPython copies them
/// into `cr_name` / `cr_qualname` when it makes one.
pub struct Names {
    pub name: Rc<str>,
    pub qualname: Rc<str>,
    /// `co_firstlineno`: the `def` line (a coroutine's repr says "defined at" it).
    pub first_line: u32,
}

/// A module's global namespace.
pub type Globals = RefCell<FastMap<Rc<str>, Value>>;

pub struct Function {
    pub code: Rc<Code>,
    pub globals: Rc<Globals>,
    pub defaults: Vec<Value>,
    pub kwdefaults: Vec<(Rc<str>, Value)>,
    /// One cell per free variable, in slot order.
    pub closure: Vec<Rc<RefCell<Value>>>,
    /// `__name__` / `__qualname__` (assignable: an assignment gives the function a new pair).
    pub names: RefCell<Rc<Names>>,
    /// The class whose body defined it (for `super()`).
    pub owner: RefCell<Weak<Class>>,
}

impl Function {
    /// `__name__`.
    pub fn name(&self) -> Rc<str> {
        self.names.borrow().name.clone()
    }

    /// `__qualname__`.
    pub fn qualname(&self) -> Rc<str> {
        self.names.borrow().qualname.clone()
    }

    /// Assigns `__name__` and/or `__qualname__`: a new `Names`, the coroutines made before
    /// keeping the old one.
    pub fn rename(&self, name: Option<Rc<str>>, qualname: Option<Rc<str>>) {
        let old = self.names.borrow().clone();
        *self.names.borrow_mut() = Rc::new(Names {
            name: name.unwrap_or_else(|| old.name.clone()),
            qualname: qualname.unwrap_or_else(|| old.qualname.clone()),
            first_line: old.first_line,
        });
    }
}
