//! The limit on a program's memory (64 MiB): an allocator wrapper that counts the bytes each
//! thread has live, which the binaries install, and the check the interpreter makes with it.
//!
//! The count is per thread (a program's objects are `Rc`s: they never leave their thread), so
//! tests running programs side by side do not see each other's. Without the wrapper installed
//! the count stays 0 and the limit never trips.

use std::alloc::{GlobalAlloc, Layout};
use std::cell::Cell;

/// The most a program may allocate above what the interpreter held when it started.
pub const LIMIT: isize = 64 << 20;

/// Wraps an allocator to count live bytes per thread: install it as the `#[global_allocator]`.
pub struct Counting<A>(pub A);

thread_local! {
    /// Bytes allocated minus bytes freed on this thread (no destructor: usable at thread exit).
    static LIVE: Cell<isize> = const { Cell::new(0) };
}

fn add(n: isize) {
    let _ = LIVE.try_with(|c| c.set(c.get().wrapping_add(n)));
}

/// Bytes live on this thread (0 without [`Counting`] installed).
pub fn live_bytes() -> isize {
    LIVE.try_with(Cell::get).unwrap_or(0)
}

// SAFETY: every call is forwarded to the wrapped allocator unchanged; only a counter is updated.
unsafe impl<A: GlobalAlloc> GlobalAlloc for Counting<A> {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        add(layout.size() as isize);
        // SAFETY: the caller's contract is the wrapped allocator's.
        unsafe { self.0.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        add(layout.size() as isize);
        // SAFETY: as above.
        unsafe { self.0.alloc_zeroed(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        add(-(layout.size() as isize));
        // SAFETY: as above.
        unsafe { self.0.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        add(new_size as isize - layout.size() as isize);
        // SAFETY: as above.
        unsafe { self.0.realloc(ptr, layout, new_size) }
    }
}
