//! The timer heap (`loop._scheduled`): one heap for every `call_later`, ties broken by arming order.

use super::clock::Micros;
use super::core::Callback;
use std::cmp::{Ordering, Reverse};
use std::collections::BinaryHeap;

/// A timer armed with [`Timers::arm`], for [`Timers::cancel`] (`TimerHandle.cancel()`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct TimerHandle(u32);

struct Entry {
    when: Micros,
    seq: u32,
    cb: Callback,
}

impl Entry {
    fn key(&self) -> (Micros, u32) {
        (self.when, self.seq)
    }
}

impl PartialEq for Entry {
    fn eq(&self, other: &Self) -> bool {
        self.key() == other.key()
    }
}
impl Eq for Entry {}
impl PartialOrd for Entry {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Entry {
    fn cmp(&self, other: &Self) -> Ordering {
        self.key().cmp(&other.key())
    }
}

/// Pending timers. Invariants: entries pop in `(when, seq)` order, `seq` being the arming order, so
/// equal deadlines fire in the order they were armed (as on a real clock, where the later-armed timer
/// has the later deadline); a cancelled timer never fires and never makes the loop wait for it.
#[derive(Default)]
pub(crate) struct Timers {
    heap: BinaryHeap<Reverse<Entry>>,
    /// Bit `seq` is set once timer `seq` is cancelled (one bit per timer ever armed in the run).
    cancelled: Vec<u64>,
    /// The arming order of the next timer (a run arms far fewer than 2^32 timers: one per task,
    /// cancel and wait at most).
    next_seq: u32,
}

impl Timers {
    pub(crate) fn reserve(&mut self, n: usize) {
        self.heap.reserve(n);
    }

    pub(crate) fn arm(&mut self, when: Micros, cb: Callback) -> TimerHandle {
        let seq = self.next_seq;
        self.next_seq += 1;
        self.heap.push(Reverse(Entry { when, seq, cb }));
        TimerHandle(seq)
    }

    /// Cancels a timer; harmless if it already fired.
    pub(crate) fn cancel(&mut self, handle: TimerHandle) {
        let (word, bit) = ((handle.0 / 64) as usize, handle.0 % 64);
        if self.cancelled.len() <= word {
            self.cancelled.resize(word + 1, 0);
        }
        self.cancelled[word] |= 1 << bit;
    }

    fn is_cancelled(&self, seq: u32) -> bool {
        self.cancelled
            .get((seq / 64) as usize)
            .is_some_and(|w| w & (1 << (seq % 64)) != 0)
    }

    /// Drops cancelled timers from the head, as `_run_once` does before it computes its timeout.
    fn drop_cancelled_head(&mut self) {
        while let Some(Reverse(head)) = self.heap.peek() {
            if !self.is_cancelled(head.seq) {
                break;
            }
            self.heap.pop();
        }
    }

    /// The deadline of the next timer that will fire, if any.
    pub(crate) fn next_deadline(&mut self) -> Option<Micros> {
        self.drop_cancelled_head();
        self.heap.peek().map(|Reverse(e)| e.when)
    }

    /// Pops the next live timer due at `now` (deadline `<= now`), in firing order.
    pub(crate) fn pop_due(&mut self, now: Micros) -> Option<Callback> {
        self.drop_cancelled_head();
        match self.heap.peek() {
            Some(Reverse(e)) if e.when <= now => self.heap.pop().map(|Reverse(e)| e.cb),
            _ => None,
        }
    }

    /// How many timers are armed and not yet fired (cancelled ones included until they are dropped).
    pub(crate) fn len(&self) -> usize {
        self.heap.len()
    }
}
