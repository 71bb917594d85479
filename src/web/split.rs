//! The runtime behind `#[wasm_split]` (`wasm_split_path = crate::web::split`): it loads the
//! full layout's chunk once, through the loader's `loadChunk`, and lets every caller wait
//! for it.
//!
//! Written by hand rather than taken from `wasm_split_helpers` (Leptos's `wasm_split`, whose
//! macro we still use): that runtime shares its state through `Arc<Mutex<…>>` and
//! `async_once_cell`, which bring locking, poisoning and `Debug` formatting along. This one,
//! for the single-threaded wasm it runs in, made each download 2.4 KB smaller gzipped
//! (measured, ARCHITECTURE.md). Same contract: one attempt at a time, every caller waiting on
//! it; a success is kept, a failure is not (a later call tries again).

use std::cell::{Cell, RefCell};
use std::ffi::c_void;
use std::future::poll_fn;
use std::pin::Pin;
use std::task::{Poll, Waker};

/// The full layout's chunk could not be loaded (the loader has said why, in `tierwiseerror`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SplitLoaderError;

pub mod rt {
    pub use super::{ensure_loaded, LazySplitLoader};

    /// Called back by the load function with the data it was given and whether it loaded.
    pub type LoadCallbackFn = unsafe extern "C" fn(*const super::c_void, bool);
    /// Starts loading a chunk; calls the callback exactly once when done.
    pub type LoadFn = unsafe extern "C" fn(LoadCallbackFn, *const super::c_void);
}

/// Where a chunk's loading stands.
enum State {
    /// Not loaded, nor loading.
    Idle,
    /// Loading; these callers wait for it.
    Loading(Vec<Waker>),
    /// Loaded for good.
    Loaded,
}

/// One chunk's loader, a `static` per split point (the macro makes it).
pub struct LazySplitLoader {
    load: rt::LoadFn,
    state: RefCell<State>,
    /// Counts finished attempts, so a waiter can tell that the attempt it waited on failed.
    attempts: Cell<u32>,
}

// SAFETY: the wasm this runs in has one thread (no `atomics`), so the `static` is never
// shared across threads.
unsafe impl Sync for LazySplitLoader {}

impl LazySplitLoader {
    /// # Safety
    /// `load` must call its callback exactly once per call, with the data it was given.
    pub const unsafe fn new(load: rt::LoadFn) -> Self {
        Self {
            load,
            state: RefCell::new(State::Idle),
            attempts: Cell::new(0),
        }
    }

    /// The load callback: `data` is the `&'static LazySplitLoader` that started the attempt.
    unsafe extern "C" fn done(data: *const c_void, ok: bool) {
        // SAFETY: `data` came from `ensure_loaded`, a pointer to a `static`.
        let loader = unsafe { &*data.cast::<LazySplitLoader>() };
        let next = if ok { State::Loaded } else { State::Idle };
        let waiting = std::mem::replace(&mut *loader.state.borrow_mut(), next);
        loader.attempts.set(loader.attempts.get().wrapping_add(1));
        if let State::Loading(wakers) = waiting {
            wakers.into_iter().for_each(Waker::wake);
        }
    }
}

/// Loads the chunk unless it already is, or waits for the load under way; `Err` if the
/// attempt failed.
pub async fn ensure_loaded(loader: Pin<&'static LazySplitLoader>) -> Result<(), SplitLoaderError> {
    let loader = loader.get_ref();
    // The attempt this caller waits on: the one under way, or one it starts.
    let mut awaited = None;
    poll_fn(|cx| {
        let now = loader.attempts.get();
        let mut state = loader.state.borrow_mut();
        match &mut *state {
            State::Loaded => Poll::Ready(Ok(())),
            // The attempt this caller waited on has ended, and not with the chunk.
            _ if awaited.is_some_and(|a| a != now) => Poll::Ready(Err(SplitLoaderError)),
            State::Loading(wakers) => {
                awaited = Some(now);
                if !wakers.iter().any(|w| w.will_wake(cx.waker())) {
                    wakers.push(cx.waker().clone());
                }
                Poll::Pending
            }
            State::Idle => {
                awaited = Some(now);
                *state = State::Loading(vec![cx.waker().clone()]);
                drop(state);
                let data: *const LazySplitLoader = loader;
                // SAFETY: the contract of `LazySplitLoader::new`; the callback may run now
                // (it then wakes this task, which polls again and sees the outcome).
                unsafe { (loader.load)(LazySplitLoader::done, data.cast()) };
                Poll::Pending
            }
        }
    })
    .await
}
