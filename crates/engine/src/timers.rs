//! The timer heap (`loop._scheduled`) and handle cancellation: one heap for every `call_at`, ties
//! broken by arming order; a cancelled handle never runs, even once its timer has joined the
//! ready queue (as `_run_once` skips `handle._cancelled`), and lets go of its callback at once
//! (`Handle.cancel()` sets `_callback = None`).

use crate::callback::{Callback, HandleId};
use crate::clock::{At, Micros};
use crate::fast_hash::FastMap;
use crate::host::Host;
use std::cmp::{Ordering, Reverse};
use std::collections::BinaryHeap;

/// An armed timer (16 bytes: 100,000 sleeping tasks hold one each).
struct Entry {
    /// The deadline in µs from the program's start, as the bits of an `i64` in an `At` (two
    /// 4-byte halves): negative for one before it (`loop.call_at(loop.time() - 5)` at the
    /// start), which still sorts first.
    when: At,
    handle: HandleId,
    /// The task whose `asyncio.sleep` the timer ends (its callback is `Callback::SleepDone`), or
    /// [`HELD`]: the callback is kept in `Timers::held` (it may hold the program's objects, and
    /// cancelling the handle lets go of it).
    sleeper: u32,
}

/// [`Entry::sleeper`] of a timer whose callback is in `Timers::held`.
const HELD: u32 = u32::MAX;

impl Entry {
    fn when(&self) -> i64 {
        self.when.get() as i64
    }

    fn key(&self) -> (i64, u32) {
        (self.when(), self.handle.0)
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

#[cfg(target_pointer_width = "64")]
const _: () = assert!(std::mem::size_of::<Entry>() == 16);

/// Handles and timers. Invariants: handle ids are handed out in arming order (timers and
/// `call_soon` handles share the sequence), so equal deadlines pop in the order they were armed,
/// as on a real clock where the later-armed timer has the later deadline; a cancelled handle's bit
/// stays set for the rest of the run.
pub(crate) struct Timers<H: Host> {
    heap: BinaryHeap<Reverse<Entry>>,
    /// Bit `id` is set once handle `id` is cancelled.
    cancelled: Vec<u64>,
    next_handle: u32,
    /// The callbacks of the armed timers but sleeps' (a primitive's, the program's), by handle,
    /// until the timer fires or its handle is cancelled.
    held: FastMap<u32, Callback<H>>,
    /// The callbacks of cancelled timers, for the loop to drop with no borrow of itself
    /// ([`Timers::take_dropped`]): what they held may be the last reference to a failed task,
    /// which logs as it goes.
    dropped: Vec<Callback<H>>,
}

impl<H: Host> Default for Timers<H> {
    fn default() -> Self {
        Timers {
            heap: BinaryHeap::new(),
            cancelled: Vec::new(),
            next_handle: 0,
            held: FastMap::default(),
            dropped: Vec::new(),
        }
    }
}

impl<H: Host> Timers<H> {
    /// A new handle (for a `call_soon` or a timer).
    pub(crate) fn handle(&mut self) -> HandleId {
        let id = HandleId(self.next_handle);
        self.next_handle = self.next_handle.wrapping_add(1);
        id
    }

    /// `loop.call_at(when, cb)`, `when` in µs from the program's start (negative: before it).
    pub(crate) fn arm(&mut self, when: i64, cb: Callback<H>) -> HandleId {
        let handle = self.handle();
        let sleeper = match cb {
            Callback::SleepDone(t) if t.0 != HELD => t.0,
            cb => {
                self.held.insert(handle.0, cb);
                HELD
            }
        };
        self.heap.push(Reverse(Entry {
            when: At::from(when as u64),
            handle,
            sleeper,
        }));
        handle
    }

    /// `handle.cancel()`; harmless if it already ran.
    pub(crate) fn cancel(&mut self, handle: HandleId) {
        let (word, bit) = ((handle.0 / 64) as usize, handle.0 % 64);
        if self.cancelled.len() <= word {
            self.cancelled.resize(word + 1, 0);
        }
        self.cancelled[word] |= 1 << bit;
        if let Some(cb) = self.held.remove(&handle.0) {
            self.dropped.push(cb);
        }
    }

    pub(crate) fn is_cancelled(&self, handle: HandleId) -> bool {
        self.cancelled
            .get((handle.0 / 64) as usize)
            .is_some_and(|w| w & (1 << (handle.0 % 64)) != 0)
    }

    /// Drops cancelled timers from the head, as `_run_once` does before it computes its timeout.
    fn drop_cancelled_head(&mut self) {
        while let Some(Reverse(head)) = self.heap.peek() {
            if !self.is_cancelled(head.handle) {
                break;
            }
            // Its callback, if it held anything, went when the handle was cancelled.
            self.heap.pop();
        }
    }

    /// The callbacks of cancelled timers dropped from the heap since the last call.
    pub(crate) fn take_dropped(&mut self) -> Vec<Callback<H>> {
        std::mem::take(&mut self.dropped)
    }

    /// The deadline of the next timer that will fire, if any.
    pub(crate) fn next_deadline(&mut self) -> Option<Micros> {
        self.drop_cancelled_head();
        self.heap.peek().map(|Reverse(e)| clamp(e.when()))
    }

    /// Pops the next live timer due at `now` (deadline `<= now`), in firing order.
    pub(crate) fn pop_due(&mut self, now: Micros) -> Option<(Callback<H>, HandleId)> {
        loop {
            self.drop_cancelled_head();
            if !matches!(self.heap.peek(), Some(Reverse(e)) if clamp(e.when()) <= now) {
                return None;
            }
            let Reverse(e) = self.heap.pop()?;
            // A live timer's callback is a sleep's, or held until it fires.
            let cb = match e.sleeper {
                HELD => self.held.remove(&e.handle.0),
                t => Some(Callback::SleepDone(crate::TaskId(t))),
            };
            if let Some(cb) = cb {
                return Some((cb, e.handle));
            }
        }
    }

    /// The live timers, in firing order (for the loop inspector).
    pub(crate) fn armed(&self) -> Vec<(Micros, HandleId)> {
        let mut v: Vec<(i64, HandleId)> = self
            .heap
            .iter()
            .filter(|Reverse(e)| !self.is_cancelled(e.handle))
            .map(|Reverse(e)| (e.when(), e.handle))
            .collect();
        v.sort_by_key(|&(w, h)| (w, h.0));
        v.into_iter().map(|(w, h)| (clamp(w), h)).collect()
    }
}

/// A deadline as the loop's clock counts (a deadline before the start is due at once).
fn clamp(when: i64) -> Micros {
    Micros::try_from(when).unwrap_or(0)
}
