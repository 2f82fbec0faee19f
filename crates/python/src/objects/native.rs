//! [`NativeObj`]: what asyncio's objects (tasks, futures, locks, queues, …) are to the VM.

use super::class::Class;
use super::{BuiltinFn, Value};
use crate::vm::coroutine::NativeFuture;
use crate::vm::PyResult;
use std::any::Any;
use std::rc::Rc;

/// An object implemented in Rust, with a class, a repr, methods and data attributes.
pub trait NativeObj: Any {
    fn class(&self) -> Rc<Class>;
    fn repr(&self) -> String;
    /// `str(obj)`, where it is not its repr (a queue's has no address).
    fn str(&self) -> Option<String> {
        None
    }
    /// Its methods, by name: each gets the object itself as its bound value.
    fn methods(&self) -> &'static [(&'static str, BuiltinFn)];
    /// A data attribute (`q.maxsize`), if it has one by that name.
    fn getattr(&self, _name: &str) -> Option<Value> {
        None
    }
    /// What `await obj` runs (tasks and futures).
    fn await_future(&self) -> Option<NativeFuture> {
        None
    }
    /// Whether its methods are written in Python in CPython (`Lib/asyncio`'s locks, queues,
    /// loop, …) rather than in C (`_asyncio`'s Task and Future): an error they raise comes up
    /// through their frame, shown as `...`.
    fn methods_in_python(&self) -> bool {
        false
    }
    fn as_any(&self) -> &dyn Any;
}

impl dyn NativeObj {
    /// `a is b`.
    pub fn same(&self, other: &dyn NativeObj) -> bool {
        std::ptr::addr_eq(self as *const dyn NativeObj, other as *const dyn NativeObj)
    }

    pub fn method(&self, name: &str) -> Option<BuiltinFn> {
        self.methods()
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, f)| *f)
    }

    pub fn has_attr(&self, name: &str) -> bool {
        self.method(name).is_some() || self.getattr(name).is_some()
    }

    /// `obj.name(*args)`: `Err(args)` back if it has no such method.
    pub fn call_method(
        self: &Rc<Self>,
        name: &str,
        args: Vec<Value>,
    ) -> PyResult<Result<Value, Vec<Value>>> {
        match self.method(name) {
            Some(f) => match f(Some(&Value::Native(self.clone())), args, Vec::new()) {
                Ok(v) => Ok(Ok(v)),
                Err(e) => {
                    if self.methods_in_python() {
                        e.raised_in_asyncio();
                    }
                    Err(e)
                }
            },
            None => Ok(Err(args)),
        }
    }

    /// `obj(*args)`: asyncio's objects are not callable.
    pub fn call(&self, _args: Vec<Value>, _kwargs: Vec<(Rc<str>, Value)>) -> PyResult {
        Err(crate::vm::type_error(format!(
            "'{}' object is not callable",
            self.class().tp_name()
        )))
    }

    /// The object as its concrete type.
    pub fn downcast<T: 'static>(&self) -> Option<&T> {
        self.as_any().downcast_ref::<T>()
    }
}
