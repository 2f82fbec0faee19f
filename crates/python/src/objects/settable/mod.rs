//! CPython 3.13's `set` hash table, probe for probe (Objects/setobject.c), so sets iterate,
//! print and `pop()` in CPython's order.

mod algebra;
mod iterops;
mod probe;
mod table;

pub use table::{KeyEq, SetTable};
