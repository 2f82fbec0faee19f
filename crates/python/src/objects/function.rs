//! Functions: a code object with its globals, defaults and closure.

use super::class::Class;
use super::Value;
pub use crate::compile::code::Code;
use asyncio_playground_engine::fast_hash::FastMap;
use std::cell::RefCell;
use std::rc::{Rc, Weak};

/// A module's global namespace.
pub type Globals = RefCell<FastMap<Rc<str>, Value>>;

pub struct Function {
    pub code: Rc<Code>,
    pub globals: Rc<Globals>,
    pub defaults: Vec<Value>,
    pub kwdefaults: Vec<(Rc<str>, Value)>,
    /// One cell per free variable, in slot order.
    pub closure: Vec<Rc<RefCell<Value>>>,
    /// `__name__` / `__qualname__` (assignable).
    pub name: RefCell<Rc<str>>,
    pub qualname: RefCell<Rc<str>>,
    /// The class whose body defined it (for `super()`).
    pub owner: RefCell<Weak<Class>>,
}
