//! The wasm build's allocator: one free list per power-of-two size class, carved from
//! `memory.grow`.
//!
//! Why not std's `dlmalloc`: it is 7.9 KB of wasm (malloc, free, realloc, memalign and their
//! helpers), the largest piece of the compact download that is neither ours nor Leptos's;
//! this one is a few hundred bytes (ARCHITECTURE.md has the measurement). The widget runs on
//! one thread and allocates the same shapes again on every redraw, so a block freed in a class
//! is soon taken again from it. Nothing is split or merged: a block keeps its class for the
//! life of the page, which costs at most half of each block and the padding that aligns it.

use std::alloc::{GlobalAlloc, Layout};
use std::cell::UnsafeCell;
use std::ptr::null_mut;

/// Bytes in a wasm page, the unit of `memory.grow`.
const PAGE: usize = 65536;
/// A block is aligned to its size up to this; bigger blocks are aligned to it, and no layout
/// may ask for more (none does: Rust's widest primitive alignment is 16).
const MAX_ALIGN: usize = 4096;
/// Classes 3 (8 bytes, room for the free list's link) to 31 (2 GiB).
const CLASSES: usize = 32;

/// The allocator. `lib.rs` makes it the global one for wasm32 builds without threads.
pub struct Classes(UnsafeCell<State>);

struct State {
    /// The first free block of each class; each free block's first word links the next.
    free: [*mut u8; CLASSES],
    /// Where the next new block may start, and the end of the memory grown so far.
    next: usize,
    end: usize,
}

// SAFETY: wasm32 without the `atomics` feature has one thread, so the state is never shared.
unsafe impl Sync for Classes {}

impl Classes {
    pub const fn new() -> Self {
        Classes(UnsafeCell::new(State {
            free: [null_mut(); CLASSES],
            next: 0,
            end: 0,
        }))
    }
}

impl Default for Classes {
    fn default() -> Self {
        Self::new()
    }
}

/// The class of `layout`: the log2 of the smallest block that holds and aligns it, or `None`
/// when no block can.
fn class(layout: Layout) -> Option<usize> {
    if layout.align() > MAX_ALIGN {
        return None;
    }
    let size = layout.size().max(layout.align()).max(8);
    let class = (usize::BITS - (size - 1).leading_zeros()) as usize;
    (class < CLASSES).then_some(class)
}

impl State {
    /// A new block of `1 << class` bytes from the end of the heap, growing memory as needed.
    fn carve(&mut self, class: usize) -> *mut u8 {
        let size = 1usize << class;
        let align = size.min(MAX_ALIGN);
        loop {
            let start = (self.next + align - 1) & !(align - 1);
            let Some(end) = start.checked_add(size).filter(|_| start >= self.next) else {
                return null_mut();
            };
            if end <= self.end {
                self.next = end;
                return start as *mut u8;
            }
            let pages = (end - self.end).div_ceil(PAGE);
            let before = core::arch::wasm32::memory_grow(0, pages);
            if before == usize::MAX {
                return null_mut();
            }
            // Memory grown by anyone else (or nothing grown yet) leaves a gap: start after it.
            let base = before * PAGE;
            if base != self.end {
                self.next = base;
            }
            let Some(end) = base.checked_add(pages * PAGE) else {
                return null_mut();
            };
            self.end = end;
        }
    }
}

unsafe impl GlobalAlloc for Classes {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let Some(class) = class(layout) else {
            return null_mut();
        };
        // SAFETY: one thread (see `Sync`), and no allocator call re-enters another.
        let state = unsafe { &mut *self.0.get() };
        let head = state.free[class];
        if head.is_null() {
            return state.carve(class);
        }
        // SAFETY: `head` is a free block of this class; its first word is the next one.
        state.free[class] = unsafe { *(head as *mut *mut u8) };
        head
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // `ptr` came from `alloc` with this layout, so its class exists.
        let Some(class) = class(layout) else { return };
        let state = unsafe { &mut *self.0.get() };
        // SAFETY: the block is at least 8 bytes and aligned to 8, so a link fits.
        unsafe { *(ptr as *mut *mut u8) = state.free[class] };
        state.free[class] = ptr;
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: the caller guarantees `new_size` rounded up to the alignment fits `isize`.
        let new = unsafe { Layout::from_size_align_unchecked(new_size, layout.align()) };
        if class(new) == class(layout) {
            return ptr;
        }
        let moved = unsafe { self.alloc(new) };
        if !moved.is_null() {
            // SAFETY: both blocks hold at least the smaller size and do not overlap.
            unsafe {
                std::ptr::copy_nonoverlapping(ptr, moved, layout.size().min(new_size));
                self.dealloc(ptr, layout);
            }
        }
        moved
    }
}
