//! A fast hasher for the maps the loop and the interpreter keep for themselves (task and future
//! ids, object ids, variable names): the Fx hash of rustc (`rustc-hash`), a rotate, xor and
//! multiply per word.
//!
//! Python's own dicts and sets do not use it: they hash as CPython does (`objects::hash`). These
//! maps are never iterated for anything a program can observe, so the hasher changes no order; it
//! only spares SipHash's cost (a `gather` of 100,000 coroutines hashed 200,000 keys with it).

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// Fx's multiplier (from Firefox, via rustc).
const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

/// The Fx hasher: not resistant to chosen collisions, which a program could only aim at itself.
#[derive(Default, Clone, Copy)]
pub struct FastHasher {
    hash: u64,
}

impl FastHasher {
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FastHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes(c.try_into().expect("8 bytes")));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0u8; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(word));
        }
    }

    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }

    fn write_u32(&mut self, n: u32) {
        self.add(u64::from(n));
    }

    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }

    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }

    fn finish(&self) -> u64 {
        self.hash
    }
}

/// A `HashMap` with [`FastHasher`].
pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FastHasher>>;
/// A `HashSet` with [`FastHasher`].
pub type FastSet<T> = HashSet<T, BuildHasherDefault<FastHasher>>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_keys_hash_equal_and_distinct_names_stay_apart() {
        let mut m: FastMap<std::rc::Rc<str>, u32> = FastMap::default();
        for (i, name) in ["a", "ab", "abcdefgh", "abcdefghi", "work", "main"]
            .iter()
            .enumerate()
        {
            m.insert((*name).into(), i as u32);
        }
        assert_eq!(m.get("abcdefghi"), Some(&3));
        assert_eq!(m.get("abcdefgh"), Some(&2));
        assert_eq!(m.get("abcdefg"), None);
        let s: FastSet<u32> = (0..1000).collect();
        assert_eq!(s.len(), 1000);
        assert!(s.contains(&999) && !s.contains(&1000));
    }
}
