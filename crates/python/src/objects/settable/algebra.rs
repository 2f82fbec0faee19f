//! Set algebra between two sets (`copy`, `|`, `&`, `-`, `^` and their in-place forms), ported
//! from Objects/setobject.c so the result tables come out in CPython 3.13's order.
//!
//! Where CPython checks object identity (`s | s`, `s & s`) the non-mutating methods compare
//! `self` and `other` with [`std::ptr::eq`], so pass the same reference for the same set. The
//! mutating methods cannot alias in Rust; for `s op= s` use the rules on each method.

use super::probe::Slot;
use super::table::{KeyEq, SetTable};

/// An equality for merges into an empty table, which never compare keys.
fn never_called<K>(_: &K, _: &K) -> bool {
    false
}

impl<K: Clone> SetTable<K> {
    /// `set_merge`: `s.update(other)` / `s |= other` with another set (for `s |= s`, do nothing).
    ///
    /// Pre-sizes once (when `(fill + len(other))*5 >= mask*3`, to `(len + len(other))*2`), then:
    /// into an empty table of the same size from a dummy-free `other`, copies the layout slot
    /// for slot; into any other empty table, reinserts `other`'s entries in slot order; else adds
    /// them one by one.
    pub fn update_from_set(&mut self, other: &SetTable<K>, eq: &mut KeyEq<'_, K>) {
        if other.used == 0 {
            return;
        }
        if (self.fill + other.used).saturating_mul(5) >= self.mask().saturating_mul(3) {
            self.resize((self.used + other.used).saturating_mul(2));
        }
        if self.fill == 0 && self.mask() == other.mask() && other.fill == other.used {
            for (mine, theirs) in self.table.iter_mut().zip(&other.table) {
                if let Slot::Active(h, k) = theirs {
                    *mine = Slot::Active(*h, k.clone());
                }
            }
            self.fill = other.fill;
            self.used = other.used;
            return;
        }
        if self.fill == 0 {
            self.fill = other.used;
            self.used = other.used;
            for (h, k) in other.entries() {
                self.place_clean(h, k.clone());
            }
            return;
        }
        for (h, k) in other.entries() {
            self.insert(h, k.clone(), eq);
        }
    }

    /// `set_copy`: `s.copy()`, `set(s)`, `frozenset(s)`: a new set merged from this one.
    ///
    /// The copy's layout can differ from the original's: dummies are purged and the table may
    /// be smaller (the copy is sized from `len(s)`, not from the original's history).
    pub fn copy(&self) -> SetTable<K> {
        let mut result = SetTable::new();
        result.update_from_set(self, &mut never_called);
        result
    }

    /// `set_or` / `set_union`: `self | other`, `self.union(other)`: a copy of `self`, then
    /// merged with `other` (skipped when both are the same set).
    pub fn union(&self, other: &SetTable<K>, eq: &mut KeyEq<'_, K>) -> SetTable<K> {
        let mut result = self.copy();
        if !std::ptr::eq(self, other) {
            result.update_from_set(other, eq);
        }
        result
    }

    /// `set_intersection`: `self & other`, `self.intersection(other)`.
    ///
    /// Iterates the smaller set (`other` on a tie) in table order, adding its keys (so its
    /// representation of equal keys wins) that the larger set contains. `s & s` is `s.copy()`.
    pub fn intersection(&self, other: &SetTable<K>, eq: &mut KeyEq<'_, K>) -> SetTable<K> {
        if std::ptr::eq(self, other) {
            return self.copy();
        }
        let (probed, iterated) = if other.used > self.used {
            (other, self)
        } else {
            (self, other)
        };
        let mut result = SetTable::new();
        for (h, k) in iterated.entries() {
            if probed.contains(h, k, eq) {
                result.insert(h, k.clone(), eq);
            }
        }
        result
    }

    /// `set_intersection_update`: `self &= other`, `self.intersection_update(other)`: computes
    /// `self & other` and swaps it in (`set_swap_bodies`), keeping this set's `pop` finger.
    /// For `s &= s` use [`SetTable::intersection_update_with_self`].
    pub fn intersection_update(&mut self, other: &SetTable<K>, eq: &mut KeyEq<'_, K>) {
        let result = self.intersection(other, eq);
        self.swap_body(result);
    }

    /// `s &= s` / `s.intersection_update(s)`: CPython swaps in `s.copy()`, which purges dummies
    /// and may shrink the table.
    pub fn intersection_update_with_self(&mut self) {
        let result = self.copy();
        self.swap_body(result);
    }

    /// `set_difference`: `self - other`, `self.difference(other)`.
    ///
    /// When `len(self) >> 2 > len(other)`, copies `self` and discards `other`'s keys
    /// (`set_copy_and_difference`); otherwise adds, in table order, the keys of `self` that
    /// `other` lacks to a fresh set.
    pub fn difference(&self, other: &SetTable<K>, eq: &mut KeyEq<'_, K>) -> SetTable<K> {
        if (self.used >> 2) > other.used {
            let mut result = self.copy();
            result.difference_update(other, eq);
            return result;
        }
        let mut result = SetTable::new();
        for (h, k) in self.entries() {
            if !other.contains(h, k, eq) {
                result.insert(h, k.clone(), eq);
            }
        }
        result
    }

    /// `set_difference_update_internal`: `self -= other`, `self.difference_update(other)`.
    /// For `s -= s` use [`SetTable::clear`], as CPython does.
    ///
    /// Discarded slots become dummies; afterwards, if more than a quarter of the table
    /// (`fill - len > mask / 4`) is dummies, the table is rebuilt like after growth.
    pub fn difference_update(&mut self, other: &SetTable<K>, eq: &mut KeyEq<'_, K>) {
        if (other.used >> 3) > self.used {
            // CPython discards `self & other` instead; the resulting table is the same.
            for j in 0..self.table.len() {
                let common = match &self.table[j] {
                    Slot::Active(h, k) => other.contains(*h, k, eq),
                    _ => false,
                };
                if common {
                    self.take_slot(j);
                }
            }
        } else {
            for (h, k) in other.entries() {
                self.remove(h, k, eq);
            }
        }
        self.purge_dummies_if_many();
    }

    /// `set_symmetric_difference`: `self ^ other`, `self.symmetric_difference(other)`:
    /// CPython starts from a copy of *other*, then toggles `self`'s keys in `self`'s order.
    pub fn symmetric_difference(&self, other: &SetTable<K>, eq: &mut KeyEq<'_, K>) -> SetTable<K> {
        let mut result = other.copy();
        result.symmetric_difference_update(self, eq);
        result
    }

    /// `set_symmetric_difference_update_set`: `self ^= other` with another set: for each key of
    /// `other` in table order, discard it from `self` if present, else add it.
    /// For `s ^= s` use [`SetTable::clear`], as CPython does.
    pub fn symmetric_difference_update(&mut self, other: &SetTable<K>, eq: &mut KeyEq<'_, K>) {
        for (h, k) in other.entries() {
            if self.remove(h, k, eq).is_none() {
                self.insert(h, k.clone(), eq);
            }
        }
    }
}
