//! `set`: CPython's table ([`super::settable`]) over Python values, hashed and compared with
//! Python's `hash` and `==`.

use super::compare::{hash, py_eq};
use super::settable::SetTable;
use super::Value;
use crate::vm::PyResult;

#[derive(Default)]
pub struct Set(pub SetTable<Value>);

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

    pub fn update_set(&mut self, other: &Set) {
        self.0.update_from_set(&other.0, &mut eq);
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
