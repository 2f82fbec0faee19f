//! Numbers as CPython prints, parses and rounds them: `repr(float)`, the format-spec
//! mini-language, `%`-formatting, `int()`/`float()` of strings, and float arithmetic.

pub mod arith;
pub mod fmtspec;
mod layout;
pub mod parse;
pub mod percent;
pub mod repr;
pub mod unicode;

pub use arith::*;
pub use fmtspec::*;
pub use parse::*;
pub use percent::*;
pub use repr::{float_repr, str_repr, ErrKind, PyErr};

use crate::objects::Raised;

/// The Python exception for a formatting or arithmetic error (a value past 64 bits stops the run).
pub fn to_exc(e: PyErr) -> Raised {
    let class = match e.kind {
        ErrKind::ValueError => "ValueError",
        ErrKind::TypeError => "TypeError",
        ErrKind::ZeroDivisionError => "ZeroDivisionError",
        ErrKind::OverflowError if e.message.starts_with("integer too large") => {
            return crate::vm::ops::overflow();
        }
        ErrKind::OverflowError => "OverflowError",
        ErrKind::MemoryError => {
            return crate::vm::stop(crate::vm::exec::MEMORY_LIMIT);
        }
    };
    if e.kind == ErrKind::ValueError && e.message == "complex result" {
        return crate::vm::refuse("complex numbers (a negative number to a fractional power)");
    }
    crate::vm::exc(class, e.message)
}
