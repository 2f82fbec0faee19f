//! The native binaries' allocator: mimalloc, asked for plain blocks whenever a plain block is
//! aligned enough.
//!
//! The `mimalloc` crate's own wrapper passes every request to `mi_malloc_aligned`. In mimalloc 3
//! that call takes its fast path only when the size class's page has a free block at hand;
//! otherwise (every time a fresh page would be started) it falls back to over-allocating, in the
//! next size class, unless the size is a power of two. A program that allocates 100,000 objects
//! of 88 bytes thus never gets a page of 88-byte blocks: each one goes the slow way and takes
//! 96 bytes. Here a request whose alignment every mimalloc block has (a multiple of the word
//! size) is a plain `mi_malloc`, as Rust's own `System` allocator does with `malloc`.

use libmimalloc_sys as mi;
use std::alloc::{GlobalAlloc, Layout};
use std::ffi::c_void;

/// The alignment every block `mi_malloc` returns has: block sizes are multiples of the word
/// size, and pages start at least 16-byte aligned.
const PLAIN_ALIGN: usize = std::mem::size_of::<usize>();

/// mimalloc as the global allocator (see the module's text for why not `mimalloc::MiMalloc`).
pub struct Mimalloc;

// SAFETY: each request is a mimalloc call that returns a block of at least `size` bytes at the
// layout's alignment (plain calls only for alignments every block has), and each block is freed
// or resized by the call that matches how it was allocated (`mi_free` frees both kinds).
unsafe impl GlobalAlloc for Mimalloc {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: mimalloc's functions accept any size; the alignment is a power of two.
        unsafe {
            if layout.align() <= PLAIN_ALIGN {
                mi::mi_malloc(layout.size()).cast()
            } else {
                mi::mi_malloc_aligned(layout.size(), layout.align()).cast()
            }
        }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: as above.
        unsafe {
            if layout.align() <= PLAIN_ALIGN {
                mi::mi_zalloc(layout.size()).cast()
            } else {
                mi::mi_zalloc_aligned(layout.size(), layout.align()).cast()
            }
        }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, _layout: Layout) {
        // SAFETY: `ptr` came from this allocator.
        unsafe { mi::mi_free(ptr.cast::<c_void>()) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: `ptr` came from this allocator with `layout`.
        unsafe {
            if layout.align() <= PLAIN_ALIGN {
                mi::mi_realloc(ptr.cast(), new_size).cast()
            } else {
                mi::mi_realloc_aligned(ptr.cast(), new_size, layout.align()).cast()
            }
        }
    }
}
