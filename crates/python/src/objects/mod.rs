//! Python objects: [`Value`], what every object is, and the heap types it points to.

pub mod class;
pub mod compare;
pub mod dict;
pub mod exception;
pub mod function;
pub mod hash;
pub mod iter;
pub mod native;
pub mod repr;
pub mod reprlib;
pub mod set;
pub mod settable;
pub mod type_forms;

pub use class::{Class, Instance};
pub use dict::Dict;
pub use exception::{ExcObj, Raised, Tb};
pub use function::{Code, Function};
pub use native::NativeObj;
pub use set::Set;

use crate::vm::coroutine::{Coroutine, Generator, NativeCoro};
use std::cell::RefCell;
use std::rc::Rc;

/// A list's items. Freed as CPython frees a list (`list_dealloc`): the last item first, so the
/// logs of failed tasks it held come out in that order.
pub struct List(RefCell<Vec<Value>>);

impl List {
    pub fn new(items: Vec<Value>) -> List {
        List(RefCell::new(items))
    }
}

impl std::ops::Deref for List {
    type Target = RefCell<Vec<Value>>;
    fn deref(&self) -> &Self::Target {
        &self.0
    }
}

impl Drop for List {
    fn drop(&mut self) {
        let items = self.0.get_mut();
        while let Some(item) = items.pop() {
            drop(item);
        }
    }
}

/// A Python object. Small values are held inline; everything else is shared (`Rc`), so cloning a
/// `Value` is cheap and `is` compares pointers.
#[derive(Clone)]
pub enum Value {
    None,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(Rc<str>),
    List(Rc<List>),
    Tuple(Rc<[Value]>),
    Dict(Rc<RefCell<Dict>>),
    Set(Rc<RefCell<Set>>),
    Range(Rc<Range>),
    Slice(Rc<[Value; 3]>),
    Func(Rc<Function>),
    /// A built-in function, or a built-in method bound to its object.
    Builtin(Rc<Builtin>),
    /// A Python function bound to `self` (`obj.method`).
    Method(Rc<(Value, Value)>),
    /// `staticmethod(f)` / `classmethod(f)` in a class body.
    Wrapped(Rc<(WrapKind, Value)>),
    Class(Rc<Class>),
    Instance(Rc<Instance>),
    Exc(Rc<ExcObj>),
    Coro(Rc<Coroutine>),
    /// A coroutine of asyncio's (`asyncio.sleep(1)`, `lock.acquire()`, …).
    NativeCoro(Rc<NativeCoro>),
    Gen(Rc<Generator>),
    Iter(Rc<RefCell<iter::Iter>>),
    Module(Rc<Module>),
    /// `super()`: the class to look after, and the object.
    Super(Rc<(Rc<Class>, Value)>),
    /// asyncio's objects (tasks, futures, locks, queues, …).
    Native(Rc<dyn NativeObj>),
    Ellipsis,
    /// A closure cell (never seen by programs).
    Cell(Rc<RefCell<Value>>),
    /// An unbound local (never seen by programs).
    Unbound,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WrapKind {
    Static,
    Class,
}

/// `range(start, stop, step)`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Range {
    pub start: i64,
    pub stop: i64,
    pub step: i64,
}

impl Range {
    /// How many items it has, exactly (more than `i64::MAX` for a few: `range()` refuses those).
    pub fn len_exact(&self) -> i128 {
        let (lo, hi, step) = (self.start as i128, self.stop as i128, self.step as i128);
        if step > 0 && lo < hi {
            (hi - lo - 1) / step + 1
        } else if step < 0 && lo > hi {
            (lo - hi - 1) / (-step) + 1
        } else {
            0
        }
    }

    pub fn len(&self) -> i64 {
        self.len_exact().min(i64::MAX as i128) as i64
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The item at `i` (`0 <= i < len`), which lies between start and stop, so it fits.
    pub fn get(&self, i: i64) -> i64 {
        (self.start as i128 + i as i128 * self.step as i128) as i64
    }
}

/// A module: `asyncio`, `time`, `random`, with its attributes.
pub struct Module {
    pub name: Rc<str>,
    pub attrs: RefCell<Vec<(Rc<str>, Value)>>,
}

impl Module {
    pub fn get(&self, name: &str) -> Option<Value> {
        self.attrs
            .borrow()
            .iter()
            .find(|(k, _)| &**k == name)
            .map(|(_, v)| v.clone())
    }
}

/// A built-in function's Rust body: `(self, positional, keyword)`.
pub type BuiltinFn = fn(Option<&Value>, Vec<Value>, Vec<(Rc<str>, Value)>) -> crate::vm::PyResult;

/// A built-in function or bound built-in method.
pub struct Builtin {
    pub name: &'static str,
    /// `list.append`, `print`: what `repr` shows.
    pub qualname: Rc<str>,
    pub f: BuiltinFn,
    pub bound: Option<Value>,
}

impl Value {
    pub fn str(s: &str) -> Value {
        Value::Str(Rc::from(s))
    }

    pub fn string(s: String) -> Value {
        Value::Str(Rc::from(s))
    }

    pub fn list(items: Vec<Value>) -> Value {
        Value::List(Rc::new(List::new(items)))
    }

    pub fn tuple(items: Vec<Value>) -> Value {
        Value::Tuple(Rc::from(items))
    }

    pub fn builtin(
        name: &'static str,
        qualname: &str,
        f: BuiltinFn,
        bound: Option<Value>,
    ) -> Value {
        Value::Builtin(Rc::new(Builtin {
            name,
            qualname: Rc::from(qualname),
            f,
            bound,
        }))
    }

    /// `x is y`.
    pub fn is(&self, other: &Value) -> bool {
        use Value::*;
        match (self, other) {
            (None, None) | (Ellipsis, Ellipsis) | (Unbound, Unbound) => true,
            (Bool(a), Bool(b)) => a == b,
            // Small ints and equal floats: CPython caches some; programs should not rely on either.
            (Int(a), Int(b)) => a == b,
            (Float(a), Float(b)) => a.to_bits() == b.to_bits(),
            (Str(a), Str(b)) => Rc::ptr_eq(a, b) || (a.len() <= 1 && a == b),
            (List(a), List(b)) => Rc::ptr_eq(a, b),
            (Tuple(a), Tuple(b)) => Rc::ptr_eq(a, b) || (a.is_empty() && b.is_empty()),
            (Dict(a), Dict(b)) => Rc::ptr_eq(a, b),
            (Set(a), Set(b)) => Rc::ptr_eq(a, b),
            (Range(a), Range(b)) => Rc::ptr_eq(a, b),
            (Slice(a), Slice(b)) => Rc::ptr_eq(a, b),
            (Func(a), Func(b)) => Rc::ptr_eq(a, b),
            (Builtin(a), Builtin(b)) => Rc::ptr_eq(a, b),
            (Method(a), Method(b)) => Rc::ptr_eq(a, b),
            (Wrapped(a), Wrapped(b)) => Rc::ptr_eq(a, b),
            (Class(a), Class(b)) => Rc::ptr_eq(a, b),
            (Instance(a), Instance(b)) => Rc::ptr_eq(a, b),
            (Exc(a), Exc(b)) => Rc::ptr_eq(a, b),
            (Coro(a), Coro(b)) => Rc::ptr_eq(a, b),
            (NativeCoro(a), NativeCoro(b)) => Rc::ptr_eq(a, b),
            (Gen(a), Gen(b)) => Rc::ptr_eq(a, b),
            (Iter(a), Iter(b)) => Rc::ptr_eq(a, b),
            (Module(a), Module(b)) => Rc::ptr_eq(a, b),
            (Super(a), Super(b)) => Rc::ptr_eq(a, b),
            (Native(a), Native(b)) => a.same(&**b),
            (Cell(a), Cell(b)) => Rc::ptr_eq(a, b),
            _ => false,
        }
    }

    /// A stable number for `id()`: the object's address, or the value for small inline ones.
    pub fn id(&self) -> i64 {
        use Value::*;
        let p = match self {
            None => 0x1000,
            Bool(b) => 0x2000 + *b as usize,
            Int(i) => return 0x10_0000_0000 + i.wrapping_mul(32),
            Float(f) => return 0x20_0000_0000 + (f.to_bits() as i64 & 0xffff_ffff),
            Ellipsis | Unbound => 0x3000,
            Str(s) => Rc::as_ptr(s) as *const u8 as usize,
            List(r) => Rc::as_ptr(r) as usize,
            Tuple(r) => Rc::as_ptr(r) as *const u8 as usize,
            Dict(r) => Rc::as_ptr(r) as usize,
            Set(r) => Rc::as_ptr(r) as usize,
            Range(r) => Rc::as_ptr(r) as usize,
            Slice(r) => Rc::as_ptr(r) as usize,
            Func(r) => Rc::as_ptr(r) as usize,
            Builtin(r) => Rc::as_ptr(r) as usize,
            Method(r) => Rc::as_ptr(r) as usize,
            Wrapped(r) => Rc::as_ptr(r) as usize,
            Class(r) => Rc::as_ptr(r) as usize,
            Instance(r) => Rc::as_ptr(r) as usize,
            Exc(r) => Rc::as_ptr(r) as usize,
            Coro(r) => Rc::as_ptr(r) as usize,
            NativeCoro(r) => Rc::as_ptr(r) as usize,
            Gen(r) => Rc::as_ptr(r) as usize,
            Iter(r) => Rc::as_ptr(r) as usize,
            Module(r) => Rc::as_ptr(r) as usize,
            Super(r) => Rc::as_ptr(r) as usize,
            Native(r) => Rc::as_ptr(r) as *const u8 as usize,
            Cell(r) => Rc::as_ptr(r) as usize,
        };
        p as i64
    }
}
