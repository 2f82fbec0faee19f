//! A frame's slots and value stack in one allocation (CPython's `localsplus`): the slots come
//! first, the stack follows them.

use crate::objects::Value;

/// The slots are `values[..base]`; the value stack is `values[base..]`, its top last. Every
/// method but [`Stack::slots`] and [`Stack::slots_mut`] sees the stack alone: its indices and
/// depths count from the first value above the slots.
///
/// Invariant: `values.len() >= base`. The allocation is made once, for the slots and the code's
/// `stack_size`; the stack never goes deeper (debug builds check it on every push), so it never
/// reallocates.
pub struct Stack {
    values: Vec<Value>,
    base: u32,
    /// The frame's next instruction. Kept here, beside `base`, so that the two share a word:
    /// a frame is 72 bytes, not 88 (100,000 pending coroutines hold one each).
    pub pc: u32,
}

impl Stack {
    /// `slots`, with room reserved above them for a stack `depth` deep.
    pub fn new(mut slots: Vec<Value>, depth: u32) -> Stack {
        let base = slots.len() as u32;
        slots.reserve_exact(depth as usize);
        Stack {
            values: slots,
            base,
            pc: 0,
        }
    }

    #[inline]
    pub fn slots(&self) -> &[Value] {
        &self.values[..self.base as usize]
    }

    #[inline]
    pub fn slots_mut(&mut self) -> &mut [Value] {
        &mut self.values[..self.base as usize]
    }

    /// Takes the slots out, leaving no slots and an empty stack.
    pub fn take_slots(&mut self) -> Vec<Value> {
        self.values.truncate(self.base as usize);
        self.base = 0;
        std::mem::take(&mut self.values)
    }

    #[inline]
    pub fn push(&mut self, v: Value) {
        debug_assert!(
            self.values.len() < self.values.capacity(),
            "the stack goes deeper than the code's stack_size"
        );
        self.values.push(v);
    }

    #[inline]
    /// The top value, taken off.
    ///
    /// # Panics
    /// If the stack is empty (the compiler's ops never pop more than they pushed).
    pub fn pop(&mut self) -> Value {
        let top = self.values.len() - 1;
        assert!(top >= self.base as usize, "pop from an empty stack");
        // `swap_remove` of the last value gives it back as is: no `Option` to unwrap.
        self.values.swap_remove(top)
    }

    #[inline]
    pub fn last(&self) -> Option<&Value> {
        self.as_slice().last()
    }

    #[inline]
    pub fn len(&self) -> usize {
        self.values.len() - self.base as usize
    }

    #[inline]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    #[inline]
    pub fn as_slice(&self) -> &[Value] {
        &self.values[self.base as usize..]
    }

    #[inline]
    pub fn iter(&self) -> std::slice::Iter<'_, Value> {
        self.as_slice().iter()
    }

    /// Keeps the bottom `depth` values.
    #[inline]
    pub fn truncate(&mut self, depth: usize) {
        self.values.truncate(self.base as usize + depth);
    }

    /// Takes the values above the bottom `depth`, in order.
    #[inline]
    pub fn split_off(&mut self, depth: usize) -> Vec<Value> {
        self.values.split_off(self.base as usize + depth)
    }

    /// Takes the top `n` values, in order.
    #[inline]
    pub fn split_top(&mut self, n: u32) -> Vec<Value> {
        self.split_off(self.len() - n as usize)
    }

    /// Takes the top `n` values, in order, into a vector with room for `room` values: a call's
    /// arguments that become a Python function's frame (its slots and value stack) as they are.
    pub fn split_top_with_room(&mut self, n: u32, room: usize) -> Vec<Value> {
        let from = self.values.len() - n as usize;
        let mut top = Vec::with_capacity(room.max(n as usize));
        top.extend(self.values.drain(from..));
        top
    }

    #[inline]
    pub fn swap(&mut self, a: usize, b: usize) {
        self.values
            .swap(self.base as usize + a, self.base as usize + b);
    }

    #[inline]
    pub fn insert(&mut self, at: usize, v: Value) {
        debug_assert!(self.values.len() < self.values.capacity());
        self.values.insert(self.base as usize + at, v);
    }

    #[inline]
    pub fn extend(&mut self, items: impl IntoIterator<Item = Value>) {
        for v in items {
            self.push(v);
        }
    }
}

impl std::ops::Index<usize> for Stack {
    type Output = Value;

    #[inline]
    fn index(&self, i: usize) -> &Value {
        &self.as_slice()[i]
    }
}
