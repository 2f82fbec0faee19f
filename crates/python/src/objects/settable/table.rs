//! The set hash table itself: lookup, insertion, deletion, resizing, `pop` and iteration,
//! ported probe for probe from CPython 3.13's Objects/setobject.c. Every search walks the
//! bounded sequence of `probe`, so none can loop forever, whatever the table holds.

use super::probe::{empty_slots, insert_clean, probe_sequence, Slot, MINSIZE};

/// Key equality as Python's `==`, called as `eq(stored_key, probe_key)` like CPython's
/// `PyObject_RichCompareBool(startkey, key, Py_EQ)`. It is only called on equal hashes, and it
/// must not fail; an identity short-cut (CPython's `startkey == key`) belongs inside it.
pub type KeyEq<'a, K> = dyn FnMut(&K, &K) -> bool + 'a;

/// A Python `set` table: `PySetObject` minus the object header.
///
/// Iteration order, `pop()` order and every layout-dependent result match CPython 3.13 as long
/// as the caller supplies CPython's hashes (see [`super::super::hash::hash_int`] and friends).
#[derive(Debug)]
pub struct SetTable<K> {
    /// `so->table`; its length is always a power of two, at least [`MINSIZE`].
    pub(crate) table: Vec<Slot<K>>,
    /// `so->fill`: active plus dummy slots.
    pub(crate) fill: usize,
    /// `so->used`: active slots, i.e. `len(s)`.
    pub(crate) used: usize,
    /// `so->finger`: where the next `pop()` starts searching. Survives `clear()` and resizes.
    pub(crate) finger: usize,
}

impl<K> Default for SetTable<K> {
    fn default() -> Self {
        Self::new()
    }
}

impl<K> SetTable<K> {
    /// `make_new_set(type, NULL)`: an empty set with the 8-slot table.
    pub fn new() -> Self {
        SetTable {
            table: empty_slots(MINSIZE),
            fill: 0,
            used: 0,
            finger: 0,
        }
    }

    /// `len(s)`.
    pub fn len(&self) -> usize {
        self.used
    }

    /// `not s`.
    pub fn is_empty(&self) -> bool {
        self.used == 0
    }

    /// The table size (`mask + 1`); exposed for diagnostics and tests.
    pub fn slots(&self) -> usize {
        self.table.len()
    }

    /// `so->mask`.
    pub(crate) fn mask(&self) -> usize {
        self.table.len().saturating_sub(1)
    }

    /// `set_lookkey`: the slot of the active entry equal to `key`, or `None` once the probe
    /// sequence reaches an empty slot (or, on a table broken to have none, has seen every slot).
    /// Dummies are skipped.
    pub(crate) fn lookkey(&self, hash: i64, key: &K, eq: &mut KeyEq<'_, K>) -> Option<usize> {
        for j in probe_sequence(hash, self.mask()) {
            match self.table.get(j)? {
                Slot::Empty => return None,
                Slot::Active(h, k) if *h == hash && eq(k, key) => return Some(j),
                _ => {}
            }
        }
        None
    }

    /// `set_contains_entry`: `key in s`.
    pub fn contains(&self, hash: i64, key: &K, eq: &mut KeyEq<'_, K>) -> bool {
        self.lookkey(hash, key, eq).is_some()
    }

    /// `set_add_entry`: `s.add(key)`. Returns `true` if the key was new; an equal key already
    /// present is kept (the new one is dropped), as in CPython.
    ///
    /// The new entry goes into the *last* dummy seen on the probe chain, else into the empty
    /// slot that ended it; filling an empty slot may trigger `set_table_resize` when
    /// `fill*5 >= mask*3`, to `used*4` (or `used*2` above 50000 elements).
    pub fn insert(&mut self, hash: i64, key: K, eq: &mut KeyEq<'_, K>) -> bool {
        let mask = self.mask();
        let (mut freeslot, mut unused) = (None, None);
        for j in probe_sequence(hash, mask) {
            match self.table.get(j) {
                Some(Slot::Empty) | None => {
                    unused = Some(j);
                    break;
                }
                Some(Slot::Active(h, k)) => {
                    if *h == hash && eq(k, &key) {
                        return false;
                    }
                }
                Some(Slot::Dummy) => freeslot = Some(j),
            }
        }
        if let Some(slot) = freeslot.or(unused).and_then(|j| self.table.get_mut(j)) {
            self.used += 1;
            if matches!(slot, Slot::Empty) {
                self.fill += 1;
            }
            *slot = Slot::Active(hash, key);
            if freeslot.is_none() && self.fill.saturating_mul(5) >= mask.saturating_mul(3) {
                self.resize(self.growth_target());
            }
            return true;
        }
        // Unreachable while the table keeps an empty slot: the whole table was searched and
        // holds only other keys, so grow it and place the key cleanly.
        self.resize(self.used.saturating_add(1).saturating_mul(2));
        self.used += 1;
        self.fill += 1;
        self.place_clean(hash, key);
        true
    }

    /// `set_insert_clean` into this (dummy-free) table, for a key counted in `used` already.
    /// Should the table have no empty slot (never, for tables built here) the key is dropped
    /// and `used` corrected, so [`SetTable::check_invariants`] still holds bar the lost key.
    pub(crate) fn place_clean(&mut self, hash: i64, key: K) {
        if insert_clean(&mut self.table, hash, key).is_err() {
            self.used = self.used.saturating_sub(1);
            self.fill = self.fill.saturating_sub(1);
        }
    }

    /// The `minused` argument CPython passes to `set_table_resize` after growth or mass deletion.
    pub(crate) fn growth_target(&self) -> usize {
        if self.used > 50000 {
            self.used.saturating_mul(2)
        } else {
            self.used.saturating_mul(4)
        }
    }

    /// `set_table_resize`: rebuilds into the smallest power-of-two table (>= 8) larger than
    /// `minused`, reinserting live entries in slot order with `set_insert_clean`. A small table
    /// without dummies asked to stay small is left untouched.
    pub(crate) fn resize(&mut self, minused: usize) {
        let mut newsize = MINSIZE;
        while newsize <= minused.max(self.used) {
            match newsize.checked_mul(2) {
                Some(n) => newsize = n,
                None => break,
            }
        }
        if newsize == MINSIZE && self.table.len() == MINSIZE && self.fill == self.used {
            return;
        }
        let old = std::mem::replace(&mut self.table, empty_slots(newsize));
        self.fill = 0;
        self.used = 0;
        for slot in old {
            if let Slot::Active(h, k) = slot {
                self.fill += 1;
                self.used += 1;
                self.place_clean(h, k);
            }
        }
    }

    /// The tail of `set_difference_update_internal`: rebuild when more than 1/4 are dummies.
    pub(crate) fn purge_dummies_if_many(&mut self) {
        if self.fill.saturating_sub(self.used) > self.mask() / 4 {
            self.resize(self.growth_target());
        }
    }

    /// `set_discard_entry`: `s.discard(key)`, returning the removed stored key. The slot becomes
    /// a dummy; the table never shrinks here.
    pub fn remove(&mut self, hash: i64, key: &K, eq: &mut KeyEq<'_, K>) -> Option<K> {
        let j = self.lookkey(hash, key, eq)?;
        self.take_slot(j)
    }

    /// Turns active slot `j` into a dummy and returns its key.
    pub(crate) fn take_slot(&mut self, j: usize) -> Option<K> {
        let slot = self.table.get_mut(j)?;
        if !matches!(slot, Slot::Active(..)) {
            return None;
        }
        match std::mem::replace(slot, Slot::Dummy) {
            Slot::Active(_, k) => {
                self.used = self.used.saturating_sub(1);
                Some(k)
            }
            _ => None,
        }
    }

    /// `set_pop`: removes the first live entry at or after the finger (wrapping around) and
    /// leaves the finger just past it. `None` where CPython raises `KeyError`.
    pub fn pop(&mut self) -> Option<K> {
        if self.used == 0 {
            return None;
        }
        let (len, start) = (self.table.len(), self.finger & self.mask());
        let j = (start..len)
            .chain(0..start)
            .find(|&j| matches!(self.table[j], Slot::Active(..)))?;
        self.finger = j + 1;
        self.take_slot(j)
    }

    /// Checks the table's invariants, for tests and debugging: a power-of-two size of at least
    /// 8; `len()` and `fill` agree with the slots; CPython's load bound `fill*5 < mask*3`
    /// (so empty slots remain to end every search); each element is the first slot on its
    /// hash's probe chain that is either itself or empty. The error describes the first
    /// violation found.
    pub fn check_invariants(&self) -> Result<(), String> {
        let (len, mask) = (self.table.len(), self.mask());
        if len < MINSIZE || !len.is_power_of_two() {
            return Err(format!("table of {len} slots"));
        }
        let active = self
            .table
            .iter()
            .filter(|s| matches!(s, Slot::Active(..)))
            .count();
        let dummy = self
            .table
            .iter()
            .filter(|s| matches!(s, Slot::Dummy))
            .count();
        if (active, active + dummy) != (self.used, self.fill) {
            return Err(format!(
                "used/fill {}/{} but {active} active, {dummy} dummy",
                self.used, self.fill
            ));
        }
        if self.fill.saturating_mul(5) >= mask.saturating_mul(3) {
            return Err(format!("fill {} too high for {len} slots", self.fill));
        }
        for (j, slot) in self.table.iter().enumerate() {
            if let Slot::Active(h, _) = slot {
                let stop = probe_sequence(*h, mask)
                    .find(|&p| p == j || matches!(self.table.get(p), Some(Slot::Empty)));
                if stop != Some(j) {
                    return Err(format!(
                        "slot {j} (hash {h}) unreachable: chain stops at {stop:?}"
                    ));
                }
            }
        }
        Ok(())
    }

    /// `set_clear_internal`: back to an empty 8-slot table. Like CPython, keeps the `pop` finger.
    pub fn clear(&mut self) {
        self.table = empty_slots(MINSIZE);
        self.fill = 0;
        self.used = 0;
    }

    /// Replaces the contents with `other`'s, keeping this set's finger: `set_swap_bodies` as
    /// used by `intersection_update` / `&=`.
    pub(crate) fn swap_body(&mut self, other: SetTable<K>) {
        let finger = self.finger;
        *self = other;
        self.finger = finger;
    }

    /// `set_next`: the first live entry at slot `pos` or later, as `(next_pos, hash, key)`.
    /// A Python-level set iterator keeps `next_pos` (CPython's `si_pos`) and must raise
    /// `RuntimeError` itself when `len()` changed since it started.
    pub fn next_entry(&self, pos: usize) -> Option<(usize, i64, &K)> {
        let slots = self.table.get(pos..)?;
        slots.iter().enumerate().find_map(|(off, slot)| match slot {
            Slot::Active(h, k) => Some((pos + off + 1, *h, k)),
            _ => None,
        })
    }

    /// `(hash, key)` of every element in table order.
    pub fn entries(&self) -> impl Iterator<Item = (i64, &K)> + '_ {
        self.table.iter().filter_map(|slot| match slot {
            Slot::Active(h, k) => Some((*h, k)),
            _ => None,
        })
    }

    /// The elements in CPython's iteration order (`list(s)`, `for x in s`, `repr(s)`).
    pub fn iter(&self) -> impl Iterator<Item = &K> + '_ {
        self.entries().map(|(_, k)| k)
    }
}
