//! A growable array kept in fixed-size chunks, for what a run holds one of per task (task states,
//! future slots, trace events).
//!
//! A `Vec` doubles: to hold 100,000 tasks' futures it copies them about seventeen times, touches
//! about three times their size in fresh memory, and may keep half of its last buffer unused.
//! Here an element never moves once pushed, and at most one chunk is partly empty.

use std::ops::{Index, IndexMut};

/// Elements per chunk, as a power of two (indexing is a shift and a mask).
const SHIFT: u32 = 10;
const CHUNK: usize = 1 << SHIFT;

pub struct Chunked<T> {
    /// Every chunk but the last holds exactly `CHUNK` elements. The first one grows as a `Vec`
    /// does (a small run allocates little); each later one is allocated whole.
    chunks: Vec<Vec<T>>,
    /// The number of elements: `CHUNK * (chunks.len() - 1) + last chunk's length`, or 0.
    len: usize,
}

impl<T> Default for Chunked<T> {
    fn default() -> Self {
        Chunked {
            chunks: Vec::new(),
            len: 0,
        }
    }
}

impl<T> Chunked<T> {
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    pub fn push(&mut self, value: T) {
        match self.chunks.last_mut() {
            Some(last) if last.len() < CHUNK => last.push(value),
            _ => {
                let mut chunk = Vec::with_capacity(if self.chunks.is_empty() { 4 } else { CHUNK });
                chunk.push(value);
                self.chunks.push(chunk);
            }
        }
        self.len += 1;
    }

    pub fn get(&self, i: usize) -> Option<&T> {
        self.chunks.get(i >> SHIFT)?.get(i & (CHUNK - 1))
    }

    /// The elements from index `from` on, in order.
    pub fn iter_from(&self, from: usize) -> impl Iterator<Item = &T> {
        self.chunks
            .iter()
            .skip(from >> SHIFT)
            .enumerate()
            .flat_map(move |(k, chunk)| {
                let start = if k == 0 { from & (CHUNK - 1) } else { 0 };
                chunk.get(start..).unwrap_or(&[])
            })
    }
}

/// # Panics
/// When `i` is not below [`Chunked::len`], as a slice does.
impl<T> Index<usize> for Chunked<T> {
    type Output = T;

    fn index(&self, i: usize) -> &T {
        &self.chunks[i >> SHIFT][i & (CHUNK - 1)]
    }
}

impl<T> IndexMut<usize> for Chunked<T> {
    fn index_mut(&mut self, i: usize) -> &mut T {
        &mut self.chunks[i >> SHIFT][i & (CHUNK - 1)]
    }
}

#[cfg(test)]
mod tests {
    use super::{Chunked, CHUNK};

    #[test]
    fn chunked_holds_what_a_vec_holds_across_chunk_boundaries() {
        let mut c = Chunked::default();
        let n = 3 * CHUNK + 7;
        for i in 0..n {
            c.push(i);
        }
        assert_eq!(c.len(), n);
        assert!((0..n).all(|i| c[i] == i && c.get(i) == Some(&i)));
        assert_eq!(c.get(n), None);
        for from in [0, 1, CHUNK - 1, CHUNK, 2 * CHUNK + 3, n, n + 5] {
            let tail: Vec<usize> = c.iter_from(from).copied().collect();
            assert_eq!(tail, (from.min(n)..n).collect::<Vec<_>>(), "from {from}");
        }
        c[CHUNK] = 0;
        assert_eq!(c[CHUNK], 0);
    }
}
