//! Set operations whose other operand is a plain iterable (list, tuple, range, generator, ...)
//! or an exact `dict`, ported from the non-set branches of Objects/setobject.c.
//!
//! Items are `(hash, key)` pairs in the iterable's order. CPython treats an exact `dict`
//! specially in a few places (pre-sizing, no intermediate set); the `*_dict` methods take the
//! dict's keys in its (insertion) order plus what else that branch needs.

use super::table::{KeyEq, SetTable};

impl<K> SetTable<K> {
    /// `set(iterable)`, `{x for x in ...}`, and `BUILD_SET` / `{a, b}` displays that are not
    /// all-constant: a new set with each item added in order.
    pub fn from_iter_items<I>(items: I, eq: &mut KeyEq<'_, K>) -> SetTable<K>
    where
        I: IntoIterator<Item = (i64, K)>,
    {
        let mut result = SetTable::new();
        result.update_from_iter(items, eq);
        result
    }

    /// `set_update_iterable`: `s.update(iterable)`: `set_add_key` for each item in order.
    /// `s.union(iterable)` is `s.copy()` followed by this.
    pub fn update_from_iter<I>(&mut self, items: I, eq: &mut KeyEq<'_, K>)
    where
        I: IntoIterator<Item = (i64, K)>,
    {
        for (h, k) in items {
            self.insert(h, k, eq);
        }
    }

    /// `set_update_dict`: `s.update(d)`, `set(d)`, `s.union(d)` for an exact dict with `len`
    /// keys: pre-sizes once (when `(fill + len)*5 >= mask*3`, to `(len(s) + len)*2`), then adds
    /// the keys in dict order. This is why `set(d)` and `set(list(d))` can iterate differently.
    pub fn update_from_dict<I>(&mut self, len: usize, keys: I, eq: &mut KeyEq<'_, K>)
    where
        I: IntoIterator<Item = (i64, K)>,
    {
        if (self.fill + len).saturating_mul(5) >= self.mask().saturating_mul(3) {
            self.resize((self.used + len).saturating_mul(2));
        }
        self.update_from_iter(keys, eq);
    }

    /// `set_intersection` with a non-set (a dict included): `s.intersection(iterable)`. Walks
    /// the iterable, adding each item (its own key, not the set's equal one) that `self`
    /// contains. For `s.intersection(s)` use [`SetTable::intersection`] with `s` twice.
    pub fn intersection_iter<I>(&self, items: I, eq: &mut KeyEq<'_, K>) -> SetTable<K>
    where
        I: IntoIterator<Item = (i64, K)>,
    {
        let mut result = SetTable::new();
        for (h, k) in items {
            if self.contains(h, &k, eq) {
                result.insert(h, k, eq);
                // CPython stops once the result is as large as `self`: nothing can be added.
                if result.used >= self.used {
                    break;
                }
            }
        }
        result
    }

    /// `s.intersection_update(iterable)`: the intersection above swapped in
    /// (`set_swap_bodies`), keeping the `pop` finger.
    pub fn intersection_update_iter<I>(&mut self, items: I, eq: &mut KeyEq<'_, K>)
    where
        I: IntoIterator<Item = (i64, K)>,
    {
        let result = self.intersection_iter(items, eq);
        self.swap_body(result);
    }

    /// `set_difference_update_internal` with a non-set (a dict included):
    /// `s.difference_update(iterable)`: discards each item, then rebuilds the table if more
    /// than a quarter of it is dummies.
    pub fn difference_update_iter<I>(&mut self, items: I, eq: &mut KeyEq<'_, K>)
    where
        I: IntoIterator<Item = (i64, K)>,
    {
        for (h, k) in items {
            self.remove(h, &k, eq);
        }
        self.purge_dummies_if_many();
    }

    /// `set_symmetric_difference_update` with an exact dict: `s.symmetric_difference_update(d)`
    /// toggles each dict key in dict order (no intermediate set, unlike other iterables).
    pub fn symmetric_difference_update_dict<I>(&mut self, keys: I, eq: &mut KeyEq<'_, K>)
    where
        I: IntoIterator<Item = (i64, K)>,
    {
        for (h, k) in keys {
            if self.remove(h, &k, eq).is_none() {
                self.insert(h, k, eq);
            }
        }
    }
}

impl<K: Clone> SetTable<K> {
    /// `set_copy_and_difference`: `s.difference(iterable)` for a non-set, non-dict iterable:
    /// a copy of `self` with each item discarded (then dummies purged if many).
    pub fn difference_iter<I>(&self, items: I, eq: &mut KeyEq<'_, K>) -> SetTable<K>
    where
        I: IntoIterator<Item = (i64, K)>,
    {
        let mut result = self.copy();
        result.difference_update_iter(items, eq);
        result
    }

    /// `set_difference` with an exact dict of `len` keys: `s.difference(d)`. When
    /// `len(s) >> 2 > len` it is [`SetTable::difference_iter`] over the keys; otherwise the keys
    /// of `self` for which `dict_contains(hash, key)` is false are added, in table order, to a
    /// fresh set (the keys are not consumed then).
    pub fn difference_dict<I>(
        &self,
        len: usize,
        keys: I,
        dict_contains: &mut dyn FnMut(i64, &K) -> bool,
        eq: &mut KeyEq<'_, K>,
    ) -> SetTable<K>
    where
        I: IntoIterator<Item = (i64, K)>,
    {
        if (self.used >> 2) > len {
            return self.difference_iter(keys, eq);
        }
        let mut result = SetTable::new();
        for (h, k) in self.entries() {
            if !dict_contains(h, k) {
                result.insert(h, k.clone(), eq);
            }
        }
        result
    }

    /// `s.symmetric_difference(iterable)` for a non-dict iterable: a new set built from the
    /// items, then `self`'s keys toggled in `self`'s table order.
    pub fn symmetric_difference_iter<I>(&self, items: I, eq: &mut KeyEq<'_, K>) -> SetTable<K>
    where
        I: IntoIterator<Item = (i64, K)>,
    {
        let mut result = SetTable::from_iter_items(items, eq);
        result.symmetric_difference_update(self, eq);
        result
    }

    /// `s.symmetric_difference(d)` for an exact dict of `len` keys: like
    /// [`SetTable::symmetric_difference_iter`] but the new set is built by `set_update_dict`.
    pub fn symmetric_difference_dict<I>(
        &self,
        len: usize,
        keys: I,
        eq: &mut KeyEq<'_, K>,
    ) -> SetTable<K>
    where
        I: IntoIterator<Item = (i64, K)>,
    {
        let mut result = SetTable::new();
        result.update_from_dict(len, keys, eq);
        result.symmetric_difference_update(self, eq);
        result
    }

    /// `s.symmetric_difference_update(iterable)` / `s ^= ...` for a non-dict iterable: CPython
    /// first builds a set from the items, then toggles that set's keys in *its* table order.
    pub fn symmetric_difference_update_iter<I>(&mut self, items: I, eq: &mut KeyEq<'_, K>)
    where
        I: IntoIterator<Item = (i64, K)>,
    {
        let other = SetTable::from_iter_items(items, eq);
        self.symmetric_difference_update(&other, eq);
    }

    /// A set display whose items are all constants and number at least 3 (`{1, 2, 3}`):
    /// CPython 3.13 compiles it to `BUILD_SET 0; LOAD_CONST frozenset(...); SET_UPDATE`. The
    /// frozenset is built from the items, rebuilt once more from its own iteration order when
    /// the compiler merges constants, and then merged (copied) into the new set.
    ///
    /// Caveat: the compiler also merges *equal* frozenset constants within one code unit, so a
    /// second literal equal to an earlier one reuses the earlier one's order (not modelled).
    pub fn from_constant_display<I>(items: I, eq: &mut KeyEq<'_, K>) -> SetTable<K>
    where
        I: IntoIterator<Item = (i64, K)>,
    {
        let built = SetTable::from_iter_items(items, eq);
        let merged = SetTable::from_iter_items(built.entries().map(|(h, k)| (h, k.clone())), eq);
        merged.copy()
    }
}
