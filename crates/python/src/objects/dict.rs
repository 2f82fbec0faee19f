//! `dict`: insertion-ordered, keys hashed and compared with Python's `hash` and `==`.

use super::compare::{hash, py_eq};
use super::Value;
use crate::vm::PyResult;

const EMPTY: u32 = u32::MAX;
const DELETED: u32 = u32::MAX - 1;

/// An ordered dict: entries in insertion order (`None` where one was deleted), and an
/// open-addressing index of entry positions by hash.
#[derive(Clone, Default)]
pub struct Dict {
    entries: Vec<Option<(i64, Value, Value)>>,
    index: Vec<u32>,
    len: usize,
}

impl Dict {
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    fn mask(&self) -> usize {
        self.index.len() - 1
    }

    /// The index slot holding `key`, or the slot where it would go.
    fn find(&self, h: i64, key: &Value) -> (usize, Option<usize>) {
        let mask = self.mask();
        let mut i = (h as u64 as usize) & mask;
        let mut first_deleted = None;
        for _ in 0..self.index.len() {
            match self.index[i] {
                EMPTY => return (first_deleted.unwrap_or(i), None),
                DELETED => {
                    first_deleted.get_or_insert(i);
                }
                e => {
                    if let Some((eh, k, _)) = &self.entries[e as usize] {
                        if *eh == h && (k.is(key) || py_eq(k, key)) {
                            return (i, Some(e as usize));
                        }
                    }
                }
            }
            i = (i + 1) & mask;
        }
        (first_deleted.unwrap_or(0), None)
    }

    fn grow(&mut self) {
        let live: Vec<(i64, Value, Value)> = self.entries.drain(..).flatten().collect();
        let size = (live.len() * 3).next_power_of_two().max(8);
        self.index = vec![EMPTY; size];
        self.len = 0;
        for (h, k, v) in live {
            self.insert_hashed(h, k, v);
        }
    }

    fn insert_hashed(&mut self, h: i64, key: Value, value: Value) {
        if self.index.is_empty() || (self.entries.len() + 1) * 3 > self.index.len() * 2 {
            self.grow();
        }
        let (slot, found) = self.find(h, &key);
        match found {
            Some(e) => {
                if let Some(entry) = &mut self.entries[e] {
                    entry.2 = value;
                }
            }
            None => {
                self.index[slot] = self.entries.len() as u32;
                self.entries.push(Some((h, key, value)));
                self.len += 1;
            }
        }
    }

    /// `d[key] = value`.
    ///
    /// # Errors
    /// `TypeError: unhashable type` for a key that cannot be hashed.
    pub fn insert(&mut self, key: Value, value: Value) -> PyResult<()> {
        let h = hash(&key)?;
        self.insert_hashed(h, key, value);
        Ok(())
    }

    /// `d.get(key)`.
    pub fn get(&self, key: &Value) -> PyResult<Option<Value>> {
        let h = hash(key)?;
        if self.index.is_empty() {
            return Ok(None);
        }
        Ok(self
            .find(h, key)
            .1
            .and_then(|e| self.entries[e].as_ref().map(|(_, _, v)| v.clone())))
    }

    /// A `str` key, without hashing errors.
    pub fn get_str(&self, key: &str) -> Option<Value> {
        self.get(&Value::str(key)).ok().flatten()
    }

    /// `del d[key]`: the value, if it was there.
    pub fn remove(&mut self, key: &Value) -> PyResult<Option<Value>> {
        let h = hash(key)?;
        if self.index.is_empty() {
            return Ok(None);
        }
        let (slot, found) = self.find(h, key);
        let Some(e) = found else { return Ok(None) };
        self.index[slot] = DELETED;
        self.len -= 1;
        let removed = self.entries[e].take().map(|(_, _, v)| v);
        if self.entries.len() > 16 && self.len * 2 < self.entries.len() {
            self.grow();
        }
        Ok(removed)
    }

    /// `d.popitem()`: the last entry.
    pub fn pop_last(&mut self) -> Option<(Value, Value)> {
        let (k, _) = self.iter().last().map(|(k, v)| (k.clone(), v.clone()))?;
        let v = self.remove(&k).ok().flatten()?;
        Some((k, v))
    }

    pub fn clear(&mut self) {
        *self = Dict::default();
    }

    /// The entries in insertion order.
    pub fn iter(&self) -> impl Iterator<Item = (&Value, &Value)> {
        self.entries.iter().flatten().map(|(_, k, v)| (k, v))
    }

    pub fn keys(&self) -> Vec<Value> {
        self.iter().map(|(k, _)| k.clone()).collect()
    }

    pub fn values(&self) -> Vec<Value> {
        self.iter().map(|(_, v)| v.clone()).collect()
    }

    /// Entry `i` in insertion order, counting deleted ones (for iterators that notice changes).
    pub fn entry_at(&self, i: usize) -> Option<Option<(&Value, &Value)>> {
        self.entries
            .get(i)
            .map(|e| e.as_ref().map(|(_, k, v)| (k, v)))
    }

    /// How many entry positions there are (deleted ones included).
    pub fn positions(&self) -> usize {
        self.entries.len()
    }
}
