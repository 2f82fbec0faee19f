//! The virtual machine: frames, the instruction loop, calls, attributes and operators.

pub mod attr;
pub mod call;
pub mod coroutine;
pub mod exec;
pub mod frame;
pub mod interp;
pub mod ops;
pub mod stack;
pub mod teardown;

use crate::objects::{ExcObj, Raised, Value};

/// What running Python code gives: a value, or a raised exception.
pub type PyResult<T = Value> = Result<T, Raised>;

/// A new exception of a built-in class, with one message argument.
pub fn exc(class: &str, msg: impl Into<String>) -> Raised {
    ExcObj::builtin(class, Some(msg.into()))
}

pub fn type_error(msg: impl Into<String>) -> Raised {
    exc("TypeError", msg)
}

pub fn value_error(msg: impl Into<String>) -> Raised {
    exc("ValueError", msg)
}

pub fn runtime_error(msg: impl Into<String>) -> Raised {
    exc("RuntimeError", msg)
}

pub fn index_error(msg: impl Into<String>) -> Raised {
    exc("IndexError", msg)
}

pub fn attribute_error(msg: impl Into<String>) -> Raised {
    exc("AttributeError", msg)
}

/// `KeyError(key)`: its argument is the key itself.
pub fn key_error(key: Value) -> Raised {
    ExcObj::new(
        crate::objects::class::types().exception("KeyError"),
        vec![key],
    )
}

/// Stops the run with a refusal or a limit: an exception no handler catches (see
/// [`interp::Interp::stop`] for the message).
pub fn stop(msg: impl Into<String>) -> Raised {
    let msg = msg.into();
    interp::with(|i| {
        let mut s = i.stop.borrow_mut();
        if s.is_none() {
            *s = Some(msg.clone());
        }
    });
    exc("PlaygroundStop", msg)
}

/// A refusal of something outside the subset, reached while running.
pub fn refuse(what: impl Into<String>) -> Raised {
    stop(format!(
        "{} is not supported in the playground",
        what.into()
    ))
}

/// Checks that `bytes` more would keep the program within its memory limit (called before an
/// operation that can build a large value at once: concatenation, repetition, `join`, padding).
///
/// # Errors
/// The run stops when it would not.
pub fn reserve(bytes: usize) -> PyResult<()> {
    let used = crate::memory::live_bytes() - interp::with(|i| i.memory_base.get());
    if used.saturating_add(bytes.min(isize::MAX as usize) as isize) > crate::memory::LIMIT {
        return Err(stop(exec::MEMORY_LIMIT));
    }
    Ok(())
}
