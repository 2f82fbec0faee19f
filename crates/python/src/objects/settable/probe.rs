//! The probe sequence of Objects/setobject.c (linear runs plus perturbed jumps), bounded so
//! that no search can loop forever, and `set_insert_clean`.

/// `PySet_MINSIZE`: every set starts with (and `clear()` returns to) an 8-slot table.
pub(crate) const MINSIZE: usize = 8;
/// `LINEAR_PROBES`: slots scanned linearly after each randomised probe (when they fit).
const LINEAR_PROBES: u64 = 9;
/// `PERTURB_SHIFT`: how fast the high hash bits are folded into the probe sequence.
const PERTURB_SHIFT: u32 = 5;
/// Rounds after which `perturb` (a `u64` shifted right by 5 each round) is certainly zero.
const PERTURB_ROUNDS: usize = 64 / PERTURB_SHIFT as usize + 1;

/// One slot of the table: CPython's `setentry` with its `NULL` and `dummy` keys made explicit.
#[derive(Debug)]
pub(crate) enum Slot<K> {
    /// Never used since the last rebuild (`key == NULL`); ends every probe chain.
    Empty,
    /// A deleted entry (`key == dummy`, `hash == -1`); counted in `fill`, reusable by inserts.
    Dummy,
    /// A live element with its cached hash.
    Active(i64, K),
}

/// A table of `size` empty slots.
pub(crate) fn empty_slots<K>(size: usize) -> Vec<Slot<K>> {
    let mut v = Vec::with_capacity(size);
    v.resize_with(size, || Slot::Empty);
    v
}

/// The slots probed by one round: the start slot plus, when they fit before the end of the
/// table, the next [`LINEAR_PROBES`] slots (the `probes = (i + LINEAR_PROBES <= mask) ? ...` rule).
fn probe_round(i: u64, mask: u64) -> std::ops::RangeInclusive<usize> {
    let last = if i + LINEAR_PROBES <= mask {
        i + LINEAR_PROBES
    } else {
        i
    };
    (i as usize)..=(last as usize)
}

/// The slots CPython's `set_lookkey` / `set_add_entry` / `set_insert_clean` inspect for `hash`
/// in a table of `mask + 1` slots, in order (slots may repeat), until the caller stops at an
/// empty slot. Each round starts at `i`, then `perturb >>= 5; i = (i*5 + 1 + perturb) & mask`.
///
/// Bounded: once `perturb` is zero (after [`PERTURB_ROUNDS`] rounds) the starts follow
/// `i -> 5i + 1 mod 2**k`, a full-period generator, so the next `mask + 1` rounds start at every
/// slot. The sequence ends after that many rounds, having visited every slot at least once:
/// a search that exhausts it has seen the whole table (which then has no empty slot, a broken
/// invariant that `SetTable::check_invariants` reports).
pub(crate) fn probe_sequence(hash: i64, mask: usize) -> impl Iterator<Item = usize> {
    let mask = mask as u64;
    let mut perturb = hash as u64;
    let rounds = (mask as usize).saturating_add(1 + PERTURB_ROUNDS);
    std::iter::successors(Some(hash as u64 & mask), move |&i| {
        perturb >>= PERTURB_SHIFT;
        Some(i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb) & mask)
    })
    .take(rounds)
    .flat_map(move |i| probe_round(i, mask))
}

/// `set_insert_clean`: places a key known to be absent into a table without dummies, in the
/// first empty slot of its probe sequence. Gives the key back if the table has no empty slot
/// (impossible for the tables this crate builds, which are always sized above their contents).
pub(crate) fn insert_clean<K>(table: &mut [Slot<K>], hash: i64, key: K) -> Result<(), K> {
    let Some(mask) = table.len().checked_sub(1) else {
        return Err(key);
    };
    let free = probe_sequence(hash, mask).find(|&j| matches!(table.get(j), Some(Slot::Empty)));
    match free.and_then(|j| table.get_mut(j)) {
        Some(slot) => {
            *slot = Slot::Active(hash, key);
            Ok(())
        }
        None => Err(key),
    }
}

#[cfg(test)]
mod tests {
    use super::super::table::SetTable;
    use super::*;

    #[test]
    fn sequence_visits_every_slot_and_ends() {
        for size in [8usize, 16, 32, 64, 1024] {
            for hash in [
                0i64,
                1,
                -2,
                7,
                12345,
                i64::MAX,
                i64::MIN,
                0x5555_5555_5555_5555,
            ] {
                let mut seen = vec![false; size];
                let mut count = 0;
                for j in probe_sequence(hash, size - 1) {
                    seen[j] = true;
                    count += 1;
                }
                assert!(seen.iter().all(|&s| s), "size {size} hash {hash}");
                assert!(count <= (size + 1 + PERTURB_ROUNDS) * 10);
            }
        }
    }

    #[test]
    fn matches_cpython_small_table_collisions() {
        // hash 0 in 8 slots: 0 (no linear run: 0 + 9 > 7), then 1, 6, 7, 4, 5, 2, 3, 0, ...
        let starts: Vec<usize> = probe_sequence(0, 7).take(9).collect();
        assert_eq!(starts, [0, 1, 6, 7, 4, 5, 2, 3, 0]);
        // In 32 slots a start at 3 scans 3..=12 linearly before jumping.
        let run: Vec<usize> = probe_sequence(3, 31).take(11).collect();
        assert_eq!(run, [3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 16]);
    }

    /// Tables broken to have no empty slot (never built by this crate) make every search
    /// exhaust the bounded sequence instead of looping forever, and still answer correctly.
    #[test]
    fn searches_end_on_tables_without_empty_slots() {
        let mut eq = |a: &i64, b: &i64| a == b;
        let full = || SetTable {
            table: (0..8).map(|i| Slot::Active(i, i)).collect(),
            fill: 8,
            used: 8,
            finger: 0,
        };
        let s = full();
        assert!(s.contains(3, &3, &mut eq) && !s.contains(11, &11, &mut eq));
        assert!(s.check_invariants().is_err());
        let mut s = full();
        assert!(!s.insert(5, 5, &mut eq));
        assert!(
            s.insert(11, 11, &mut eq),
            "grows the table, then places the key"
        );
        assert_eq!((s.len(), s.slots()), (9, 32));
        assert!(s.contains(11, &11, &mut eq));
        s.check_invariants().unwrap();
        let mut d: SetTable<i64> = SetTable {
            table: (0..8).map(|_| Slot::Dummy).collect(),
            fill: 8,
            used: 0,
            finger: 0,
        };
        assert!(!d.contains(5, &5, &mut eq) && d.remove(5, &5, &mut eq).is_none());
        assert!(d.insert(5, 5, &mut eq) && d.contains(5, &5, &mut eq));
        let mut p: SetTable<i64> = SetTable {
            table: empty_slots(8),
            fill: 0,
            used: 3,
            finger: 0,
        };
        assert_eq!(p.pop(), None);
    }

    #[test]
    fn insert_clean_into_a_full_table_gives_the_key_back() {
        let mut table: Vec<Slot<u8>> = (0..8).map(|i| Slot::Active(i, i as u8)).collect();
        assert_eq!(insert_clean(&mut table, 3, 99), Err(99));
        let mut empty: Vec<Slot<u8>> = Vec::new();
        assert_eq!(insert_clean(&mut empty, 3, 7), Err(7));
    }
}
