//! `set`: CPython's table ([`super::settable`]) over Python values, hashed and compared with
//! Python's `hash` and `==`.

use super::compare::{hash, py_eq};
use super::settable::SetTable;
use super::Value;
use crate::vm::PyResult;

#[derive(Default)]
pub struct Set(pub SetTable<Value>);

/// What a set method was given besides the set, told apart as CPython's `setobject.c` does: it
/// takes another set by its table, an exact dict by its keys with their count known, and any
/// other iterable item by item.
pub enum Other<'a> {
    Set(&'a Set),
    Dict(Vec<Value>),
    Items(Vec<Value>),
}

fn eq(a: &Value, b: &Value) -> bool {
    a.is(b) || py_eq(a, b)
}

/// Hashes every item, in order (the first unhashable one is an error).
pub fn hashed(items: impl IntoIterator<Item = Value>) -> PyResult<Vec<(i64, Value)>> {
    items.into_iter().map(|v| Ok((hash(&v)?, v))).collect()
}

impl Set {
    pub fn new() -> Set {
        Set(SetTable::new())
    }

    /// `set(items)` / `{a, b}`.
    pub fn from_values(items: Vec<Value>) -> PyResult<Set> {
        Ok(Set(SetTable::from_iter_items(hashed(items)?, &mut eq)))
    }

    /// `{1, 2, 3}` with three or more constants (CPython builds it from a frozenset constant).
    pub fn from_constants(items: Vec<Value>) -> PyResult<Set> {
        Ok(Set(SetTable::from_constant_display(
            hashed(items)?,
            &mut eq,
        )))
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn insert(&mut self, v: Value) -> PyResult<bool> {
        let h = hash(&v)?;
        Ok(self.0.insert(h, v, &mut eq))
    }

    pub fn contains(&self, v: &Value) -> PyResult<bool> {
        let h = hash(v)?;
        Ok(self.0.contains(h, v, &mut eq))
    }

    pub fn remove(&mut self, v: &Value) -> PyResult<bool> {
        let h = hash(v)?;
        Ok(self.0.remove(h, v, &mut eq).is_some())
    }

    pub fn pop(&mut self) -> Option<Value> {
        self.0.pop()
    }

    pub fn clear(&mut self) {
        self.0.clear();
    }

    pub fn iter(&self) -> impl Iterator<Item = &Value> {
        self.0.iter()
    }

    pub fn values(&self) -> Vec<Value> {
        self.0.iter().cloned().collect()
    }

    pub fn copy(&self) -> Set {
        Set(self.0.copy())
    }

    pub fn union(&self, other: &Set) -> Set {
        Set(self.0.union(&other.0, &mut eq))
    }

    pub fn intersection(&self, other: &Set) -> Set {
        Set(self.0.intersection(&other.0, &mut eq))
    }

    pub fn difference(&self, other: &Set) -> Set {
        Set(self.0.difference(&other.0, &mut eq))
    }

    pub fn symmetric_difference(&self, other: &Set) -> Set {
        Set(self.0.symmetric_difference(&other.0, &mut eq))
    }

    /// `set_update_internal`: `s.update(other)`, and each argument of `s.union(...)` merged
    /// into the copy.
    ///
    /// # Errors
    /// An unhashable item.
    pub fn update_with(&mut self, other: Other<'_>) -> PyResult<()> {
        match other {
            Other::Set(o) => self.0.update_from_set(&o.0, &mut eq),
            Other::Dict(keys) => {
                let n = keys.len();
                self.0.update_from_dict(n, hashed(keys)?, &mut eq);
            }
            Other::Items(items) => self.0.update_from_iter(hashed(items)?, &mut eq),
        }
        Ok(())
    }

    /// `set_intersection`: `s.intersection(other)`.
    ///
    /// # Errors
    /// An unhashable item.
    pub fn intersection_with(&self, other: Other<'_>) -> PyResult<Set> {
        Ok(Set(match other {
            Other::Set(o) => self.0.intersection(&o.0, &mut eq),
            Other::Dict(items) | Other::Items(items) => {
                self.0.intersection_iter(hashed(items)?, &mut eq)
            }
        }))
    }

    /// `set_difference`: `s.difference(other)`.
    ///
    /// # Errors
    /// An unhashable item.
    pub fn difference_with(&self, other: Other<'_>) -> PyResult<Set> {
        Ok(Set(match other {
            Other::Set(o) => self.0.difference(&o.0, &mut eq),
            Other::Dict(keys) => {
                let keys = hashed(keys)?;
                // Whether a key is in the dict is whether it is among its keys.
                let in_dict = SetTable::from_iter_items(keys.iter().cloned(), &mut eq);
                let mut contains = |h: i64, k: &Value| in_dict.contains(h, k, &mut eq);
                self.0
                    .difference_dict(keys.len(), keys, &mut contains, &mut eq)
            }
            Other::Items(items) => self.0.difference_iter(hashed(items)?, &mut eq),
        }))
    }

    /// `set_difference_update_internal`: each further argument of `s.difference(...)`.
    ///
    /// # Errors
    /// An unhashable item.
    pub fn difference_update_with(&mut self, other: Other<'_>) -> PyResult<()> {
        match other {
            Other::Set(o) => self.0.difference_update(&o.0, &mut eq),
            Other::Dict(items) | Other::Items(items) => {
                self.0.difference_update_iter(hashed(items)?, &mut eq);
            }
        }
        Ok(())
    }

    /// `set_symmetric_difference`: `s.symmetric_difference(other)`.
    ///
    /// # Errors
    /// An unhashable item.
    pub fn symmetric_difference_with(&self, other: Other<'_>) -> PyResult<Set> {
        Ok(Set(match other {
            Other::Set(o) => self.0.symmetric_difference(&o.0, &mut eq),
            Other::Dict(keys) => {
                let n = keys.len();
                self.0.symmetric_difference_dict(n, hashed(keys)?, &mut eq)
            }
            Other::Items(items) => self.0.symmetric_difference_iter(hashed(items)?, &mut eq),
        }))
    }

    pub fn update_set(&mut self, other: &Set) {
        self.0.update_from_set(&other.0, &mut eq);
    }

    /// `s -= t`, `s &= t`, `s ^= t` with another set `t` (`None`: `t` is `s` itself), in place as
    /// CPython's `set_isub`, `set_iand` and `set_ixor` do it: the order the set then iterates
    /// in is theirs (discarded slots, a rebuild when dummies pile up), not a new set's.
    pub fn update_in_place(&mut self, op: crate::syntax::ast::BinOp, other: Option<&Set>) {
        use crate::syntax::ast::BinOp;
        match (op, other) {
            (BinOp::Sub | BinOp::BitXor, None) => self.0.clear(),
            (BinOp::BitAnd, None) => self.0.intersection_update_with_self(),
            (BinOp::Sub, Some(o)) => self.0.difference_update(&o.0, &mut eq),
            (BinOp::BitAnd, Some(o)) => self.0.intersection_update(&o.0, &mut eq),
            (BinOp::BitXor, Some(o)) => self.0.symmetric_difference_update(&o.0, &mut eq),
            _ => {}
        }
    }

    pub fn update_values(&mut self, items: Vec<Value>) -> PyResult<()> {
        let items = hashed(items)?;
        self.0.update_from_iter(items, &mut eq);
        Ok(())
    }

    /// Slot `pos` onwards: where to look next, and the first live element (for iterators).
    pub fn next_from(&self, pos: usize) -> Option<(usize, Value)> {
        self.0.next_entry(pos).map(|(p, _, k)| (p, k.clone()))
    }
}
