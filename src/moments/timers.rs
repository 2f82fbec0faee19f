//! The timers a program armed (`loop.call_later`, `call_at`), indexed over the trace: each from
//! the event that armed it to the one that ran or cancelled it, so the timers armed at any
//! moment are one filter.

use crate::engine::Micros;
use std::collections::HashMap;

/// A timer the program armed, from its arming to its run or cancel.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ProgramTimer {
    /// Its handle's number in the trace.
    pub handle: u32,
    /// When it is due.
    pub until: Micros,
    /// The line that armed it.
    pub line: u32,
    /// The index of the event that armed it.
    pub armed: usize,
    /// The index of the event that ran or cancelled it, once one has.
    pub ended: Option<usize>,
}

/// The program's timers of one run.
#[derive(Clone, Debug, Default)]
pub struct ProgramTimers {
    /// Every timer, in the order they were armed.
    timers: Vec<ProgramTimer>,
    /// The timers not yet run or cancelled: handle number → index in `timers`.
    open: HashMap<u32, usize>,
}

impl ProgramTimers {
    /// Event `k` armed the timer of handle `handle`, due at `until`, at `line`.
    pub fn armed(&mut self, handle: u32, until: Micros, line: u32, k: usize) {
        self.open.insert(handle, self.timers.len());
        self.timers.push(ProgramTimer {
            handle,
            until,
            line,
            armed: k,
            ended: None,
        });
    }

    /// Event `k` ran or cancelled the handle numbered `handle` (a `call_soon` handle, or none,
    /// is not a timer: nothing changes).
    pub fn ended(&mut self, handle: Option<u32>, k: usize) {
        if let Some(i) = handle.and_then(|h| self.open.remove(&h)) {
            self.timers[i].ended = Some(k);
        }
    }

    /// The timers armed at cursor `k` (armed before it, and not run or cancelled before it), by
    /// deadline, then arming order (the order they fire in).
    pub fn armed_at(&self, k: usize) -> Vec<ProgramTimer> {
        let mut armed: Vec<ProgramTimer> = self
            .timers
            .iter()
            .filter(|t| t.armed < k && t.ended.is_none_or(|e| e >= k))
            .copied()
            .collect();
        armed.sort_by_key(|t| (t.until, t.armed));
        armed
    }
}
