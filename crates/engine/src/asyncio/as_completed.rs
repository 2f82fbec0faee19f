//! `asyncio.as_completed` (3.13's `_AsCompletedIterator`): the futures in the order they finish,
//! handed out through a `Queue` exactly as CPython does, so the passes are the same.

use super::queues::{Order, Queue};
use crate::callback::{Callback, HandleId, Native};
use crate::clock::deadline_after;
use crate::core::Core;
use crate::host::{ErrorKind, Host};
use crate::FutId;
use std::cell::{Cell, RefCell};
use std::collections::{HashMap, VecDeque};
use std::rc::{Rc, Weak};

struct State<H: Host> {
    /// `_done`: a queue of finished futures (`None`: the timeout's sentinel). The queue carries
    /// placeholders; `done_items` holds what they stand for, in the same (FIFO) order.
    done: Queue<H>,
    done_items: RefCell<VecDeque<Option<FutId>>>,
    /// `_todo`: the futures not finished yet.
    todo: RefCell<Todo>,
    /// The object that stands for each future in `_todo` or `_done` (the program's task or
    /// future): the iterator holds it, as CPython's does, until it hands it out. A failed task
    /// nothing else holds is freed with the iterator.
    objects: RefCell<HashMap<FutId, H::Value>>,
    todo_left: Cell<usize>,
    timeout_handle: Cell<Option<HandleId>>,
    /// The one callback object registered on every future and on the timer (CPython's bound
    /// methods compare equal, so `remove_done_callback` finds it). Held weakly: the handler holds
    /// this state, and what it is registered on holds the handler.
    handler: RefCell<Weak<dyn Native<H>>>,
}

/// `_todo` (a set in CPython): the futures not finished yet, kept in the order given. A finished
/// one is only taken out of `left` (a `Vec`'s `retain` for each made 100,000 futures quadratic).
#[derive(Default)]
struct Todo {
    order: Vec<FutId>,
    left: crate::fast_hash::FastSet<FutId>,
}

impl Todo {
    fn new(fs: &[FutId]) -> Todo {
        Todo {
            order: fs.to_vec(),
            left: fs.iter().copied().collect(),
        }
    }

    fn is_empty(&self) -> bool {
        self.left.is_empty()
    }

    fn remove(&mut self, f: FutId) {
        self.left.remove(&f);
    }

    /// `_todo.clear()`: the futures not finished, in the order given.
    fn take(&mut self) -> Vec<FutId> {
        let Todo { order, left } = std::mem::take(self);
        order.into_iter().filter(|f| left.contains(f)).collect()
    }
}

/// The iterator `as_completed(fs, timeout=...)` returns.
pub struct AsCompleted<H: Host>(Rc<State<H>>);

impl<H: Host> Clone for AsCompleted<H> {
    fn clone(&self) -> Self {
        AsCompleted(self.0.clone())
    }
}

/// `self._handle_completion` (with a future) and `self._handle_timeout` (without). Like CPython's
/// bound methods it keeps the iterator alive while it is registered: when the task iterating is
/// cancelled, the futures still finish into the iterator, and the last one cancels its timer
/// (which would otherwise fire, in a pass of its own).
struct Handler<H: Host>(Rc<State<H>>);

impl<H: Host> Native<H> for Handler<H> {
    // A bound method: no place shown. (As `_handle_timeout` it is a timer's, never listed.)
    fn source(&self) -> &'static str {
        "_AsCompletedIterator._handle_completion()"
    }

    fn call(&self, core: &mut Core<H>, fut: Option<FutId>) {
        let st = &self.0;
        let it = AsCompleted(st.clone());
        match fut {
            Some(f) => {
                if st.todo.borrow().is_empty() {
                    return; // `_handle_timeout()` was here first.
                }
                st.todo.borrow_mut().remove(f);
                it.put(core, Some(f));
                if st.todo.borrow().is_empty() {
                    if let Some(h) = st.timeout_handle.get() {
                        core.cancel_handle(h);
                    }
                }
            }
            None => {
                let todo = st.todo.borrow_mut().take();
                let me = it.handler();
                for &f in &todo {
                    if let Some(me) = &me {
                        core.remove_done_callback(f, &Callback::Native(me.clone(), None));
                    }
                    it.put(core, None);
                }
                // `self._todo.clear()`: the objects of the futures still pending go (taken out
                // first, to drop with the map not borrowed).
                let gone: Vec<_> = todo
                    .iter()
                    .map(|f| st.objects.borrow_mut().remove(f))
                    .collect();
                drop(gone);
            }
        }
    }

    /// The futures go to the program's objects (and the done queue) when it has run.
    fn lets_go(&self) -> bool {
        true
    }
}

impl<H: Host> AsCompleted<H> {
    /// `_AsCompletedIterator(fs, timeout)`, on the distinct futures `fs` (coroutines already
    /// wrapped in tasks), each with the object that stands for it (held until handed out).
    pub fn new(
        core: &mut Core<H>,
        fs: Vec<(FutId, H::Value)>,
        timeout_s: Option<f64>,
    ) -> AsCompleted<H> {
        let (fs, objects): (Vec<FutId>, HashMap<_, _>) = (
            fs.iter().map(|(f, _)| *f).collect(),
            fs.into_iter().collect(),
        );
        let it = AsCompleted(Rc::new(State {
            done: Queue::new(Order::Fifo, 0),
            done_items: RefCell::new(VecDeque::new()),
            todo: RefCell::new(Todo::new(&fs)),
            objects: RefCell::new(objects),
            todo_left: Cell::new(fs.len()),
            timeout_handle: Cell::new(None),
            handler: RefCell::new(Weak::<Handler<H>>::new()),
        }));
        let handler: Rc<dyn Native<H>> = Rc::new(Handler(it.0.clone()));
        *it.0.handler.borrow_mut() = Rc::downgrade(&handler);
        for &f in &fs {
            core.add_done_callback(f, Callback::Native(handler.clone(), None));
        }
        if !fs.is_empty() {
            if let Some(t) = timeout_s {
                let at = deadline_after(core.now(), t);
                it.0.timeout_handle
                    .set(Some(core.call_at(at, Callback::Native(handler, None))));
            }
        }
        it
    }

    /// The handler, while anything holds it (it is running when `_handle_timeout` asks).
    fn handler(&self) -> Option<Rc<dyn Native<H>>> {
        self.0.handler.borrow().upgrade()
    }

    fn put(&self, core: &mut Core<H>, item: Option<FutId>) {
        self.0.done_items.borrow_mut().push_back(item);
        let _ = self.0.done.put_nowait(core, H::none());
    }

    /// `__next__` / `__anext__`: false when exhausted (`StopIteration` / `StopAsyncIteration`);
    /// otherwise one more result is owed, to be awaited with [`AsCompleted::wait_for_one`].
    pub fn take_next(&self) -> bool {
        let left = self.0.todo_left.get();
        if left == 0 {
            return false;
        }
        self.0.todo_left.set(left - 1);
        true
    }

    /// `_wait_for_one()`: the next future to finish, with its object (no longer held by the
    /// iterator).
    ///
    /// # Errors
    /// `TimeoutError` once the timeout has passed.
    pub async fn wait_for_one(&self) -> Result<(FutId, Option<H::Value>), H::Exc> {
        self.0.done.get().await?;
        let item = self.0.done_items.borrow_mut().pop_front().flatten();
        let f = item.ok_or_else(|| H::error(ErrorKind::TimeoutError, None))?;
        let object = self.0.objects.borrow_mut().remove(&f);
        Ok((f, object))
    }

    /// Whether the iterator has futures left to hand out.
    pub fn exhausted(&self) -> bool {
        self.0.todo_left.get() == 0
    }
}
