//! `asyncio.Queue`, `LifoQueue` and `PriorityQueue` (queues.py, 3.13), line by line; the priority
//! queue is `heapq`'s heap, comparison for comparison.

use super::locks::Event;
use crate::api::Api;
use crate::awaitables::AwaitFut;
use crate::core::Core;
use crate::host::{ErrorKind, Host};
use crate::trace::Awaiting;
use crate::FutId;
use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;

/// Which queue: the order `_get` takes items in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Order {
    /// `Queue`: first in, first out.
    Fifo,
    /// `LifoQueue`: last in, first out.
    Lifo,
    /// `PriorityQueue`: smallest first (`heapq`).
    Priority,
}

struct State<H: Host> {
    order: Order,
    maxsize: i64,
    items: RefCell<VecDeque<H::Value>>,
    getters: RefCell<VecDeque<FutId>>,
    putters: RefCell<VecDeque<FutId>>,
    unfinished_tasks: Cell<i64>,
    finished: Event,
}

/// An asyncio queue.
///
/// # Cancellation
/// A `get` or `put` cancelled while waiting cancels its waiter and, if the queue could serve
/// someone else now, wakes the next in line.
pub struct Queue<H: Host>(Rc<State<H>>);

impl<H: Host> Clone for Queue<H> {
    fn clone(&self) -> Self {
        Queue(self.0.clone())
    }
}

impl<H: Host> Queue<H> {
    /// `Queue(maxsize)` (`maxsize <= 0`: unbounded).
    pub fn new(order: Order, maxsize: i64) -> Queue<H> {
        let finished = Event::new();
        finished.set_flag();
        Queue(Rc::new(State {
            order,
            maxsize,
            items: RefCell::new(VecDeque::new()),
            getters: RefCell::new(VecDeque::new()),
            putters: RefCell::new(VecDeque::new()),
            unfinished_tasks: Cell::new(0),
            finished,
        }))
    }

    pub fn order(&self) -> Order {
        self.0.order
    }

    /// The items in the queue's own order (`list(self._queue)`, for repr).
    pub fn items(&self) -> Vec<H::Value> {
        self.0.items.borrow().iter().cloned().collect()
    }

    /// `maxsize`.
    pub fn maxsize(&self) -> i64 {
        self.0.maxsize
    }

    /// `qsize()`.
    pub fn qsize(&self) -> usize {
        self.0.items.borrow().len()
    }

    /// `empty()`.
    pub fn empty(&self) -> bool {
        self.qsize() == 0
    }

    /// `full()`.
    pub fn full(&self) -> bool {
        self.0.maxsize > 0 && self.qsize() as i64 >= self.0.maxsize
    }

    /// The waiting getters, putters and unfinished tasks (for repr).
    pub fn counts(&self) -> (usize, usize, i64) {
        (
            self.0.getters.borrow().len(),
            self.0.putters.borrow().len(),
            self.0.unfinished_tasks.get(),
        )
    }

    /// `_wakeup_next(waiters)`: the first waiter not done gets `None`.
    fn wakeup_next(core: &mut Core<H>, waiters: &RefCell<VecDeque<FutId>>) {
        loop {
            let Some(waiter) = waiters.borrow_mut().pop_front() else {
                break;
            };
            if !core.future_done(waiter) {
                let _ = core.set_result(waiter, H::none());
                break;
            }
        }
    }

    /// `_put(item)`.
    fn put_item(&self, item: H::Value) -> Result<(), H::Exc> {
        let mut items = self.0.items.borrow_mut();
        items.push_back(item);
        if self.0.order == Order::Priority {
            let last = items.len() - 1;
            sift_down::<H>(items.make_contiguous(), 0, last)?;
        }
        Ok(())
    }

    /// `_get()`.
    fn get_item(&self) -> Result<H::Value, H::Exc> {
        let mut items = self.0.items.borrow_mut();
        match self.0.order {
            Order::Fifo => Ok(items.pop_front().expect("get from a non-empty queue")),
            Order::Lifo => Ok(items.pop_back().expect("get from a non-empty queue")),
            Order::Priority => {
                let last = items.pop_back().expect("get from a non-empty queue");
                if items.is_empty() {
                    return Ok(last);
                }
                let heap = items.make_contiguous();
                let first = std::mem::replace(&mut heap[0], last);
                sift_up::<H>(heap, 0)?;
                Ok(first)
            }
        }
    }

    /// `put_nowait(item)`.
    ///
    /// # Errors
    /// `QueueFull`.
    pub fn put_nowait(&self, core: &mut Core<H>, item: H::Value) -> Result<(), H::Exc> {
        if self.full() {
            return Err(H::error(ErrorKind::QueueFull, None));
        }
        self.put_item(item)?;
        self.0
            .unfinished_tasks
            .set(self.0.unfinished_tasks.get() + 1);
        self.0.finished.clear();
        Self::wakeup_next(core, &self.0.getters);
        Ok(())
    }

    /// `get_nowait()`.
    ///
    /// # Errors
    /// `QueueEmpty`.
    pub fn get_nowait(&self, core: &mut Core<H>) -> Result<H::Value, H::Exc> {
        if self.empty() {
            return Err(H::error(ErrorKind::QueueEmpty, None));
        }
        let item = self.get_item()?;
        Self::wakeup_next(core, &self.0.putters);
        Ok(item)
    }

    /// Waits in `waiters` until woken (`await getter` / `await putter` with its `except:` clause).
    async fn wait(&self, getting: bool) -> Result<(), H::Exc> {
        let (waiters, label) = if getting {
            (&self.0.getters, Awaiting::QueueGet)
        } else {
            (&self.0.putters, Awaiting::QueuePut)
        };
        let waiter = Api::<H>::with(|core| core.create_future(label));
        waiters.borrow_mut().push_back(waiter);
        let outcome = AwaitFut::<H>::new(waiter).await;
        if let Err(exc) = outcome {
            Api::<H>::with(|core| {
                core.cancel_plain(waiter, None);
                waiters.borrow_mut().retain(|&w| w != waiter);
                let can_serve = if getting { !self.empty() } else { !self.full() };
                if can_serve && !core.future_cancelled(waiter) {
                    Self::wakeup_next(core, waiters);
                }
            });
            return Err(exc);
        }
        Ok(())
    }

    /// `await queue.put(item)`.
    pub async fn put(&self, item: H::Value) -> Result<(), H::Exc> {
        while self.full() {
            self.wait(false).await?;
        }
        Api::<H>::with(|core| self.put_nowait(core, item))
    }

    /// `await queue.get()`.
    pub async fn get(&self) -> Result<H::Value, H::Exc> {
        while self.empty() {
            self.wait(true).await?;
        }
        Api::<H>::with(|core| self.get_nowait(core))
    }

    /// `task_done()`.
    ///
    /// # Errors
    /// `ValueError('task_done() called too many times')`.
    pub fn task_done(&self, core: &mut Core<H>) -> Result<(), H::Exc> {
        let n = self.0.unfinished_tasks.get();
        if n <= 0 {
            return Err(H::error(
                ErrorKind::ValueError,
                Some("task_done() called too many times"),
            ));
        }
        self.0.unfinished_tasks.set(n - 1);
        if n == 1 {
            self.0.finished.set(core);
        }
        Ok(())
    }

    /// `await queue.join()`.
    pub async fn join(&self) -> Result<(), H::Exc> {
        if self.0.unfinished_tasks.get() > 0 {
            self.0
                .finished
                .wait_labelled::<H>(Awaiting::QueueJoin)
                .await?;
        }
        Ok(())
    }
}

/// `heapq._siftdown(heap, startpos, pos)`.
fn sift_down<H: Host>(
    heap: &mut [H::Value],
    startpos: usize,
    mut pos: usize,
) -> Result<(), H::Exc> {
    let newitem = heap[pos].clone();
    while pos > startpos {
        let parentpos = (pos - 1) >> 1;
        if H::less(&newitem, &heap[parentpos])? {
            heap[pos] = heap[parentpos].clone();
            pos = parentpos;
            continue;
        }
        break;
    }
    heap[pos] = newitem;
    Ok(())
}

/// `heapq._siftup(heap, pos)`.
fn sift_up<H: Host>(heap: &mut [H::Value], mut pos: usize) -> Result<(), H::Exc> {
    let endpos = heap.len();
    let startpos = pos;
    let newitem = heap[pos].clone();
    let mut childpos = 2 * pos + 1;
    while childpos < endpos {
        let rightpos = childpos + 1;
        if rightpos < endpos && !H::less(&heap[childpos], &heap[rightpos])? {
            childpos = rightpos;
        }
        heap[pos] = heap[childpos].clone();
        pos = childpos;
        childpos = 2 * pos + 1;
    }
    heap[pos] = newitem;
    sift_down::<H>(heap, startpos, pos)
}
