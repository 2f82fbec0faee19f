//! Each task's coroutine object (`Task.get_coro()`), kept for the task's whole life: the engine
//! drops its running form when the task ends.

use crate::objects::Value;
use crate::vm::coroutine::{Coroutine, NativeCoro};
use asyncio_playground_engine::fast_hash::FastMap;
use asyncio_playground_engine::TaskId;
use std::rc::Rc;

/// The coroutine objects of a loop's tasks, by task id. A task of a Python coroutine holds a
/// pointer in the vector (8 bytes: 100,000 tasks hold one each); the few tasks made of one of
/// asyncio's own coroutines (`create_task(asyncio.sleep(1))`) are in a map apart.
#[derive(Default)]
pub struct TaskCoros {
    /// Invariant: `python[t]` is `Some` exactly for the tasks of Python coroutines.
    python: Vec<Option<Rc<Coroutine>>>,
    native: FastMap<TaskId, Rc<NativeCoro>>,
}

impl TaskCoros {
    /// Room for `n` more tasks, made at once rather than by doubling.
    pub fn reserve(&mut self, n: usize) {
        self.python.reserve(n);
    }

    /// Remembers task `t`'s coroutine object (a coroutine of either kind; anything else is
    /// not kept).
    pub fn set(&mut self, t: TaskId, coro: &Value) {
        match coro {
            Value::Coro(c) => {
                let i = t.0 as usize;
                if self.python.len() <= i {
                    self.python.resize(i + 1, None);
                }
                self.python[i] = Some(c.clone());
            }
            Value::NativeCoro(n) => {
                self.native.insert(t, n.clone());
            }
            _ => {}
        }
    }

    /// Task `t`'s Python coroutine, if it is one.
    pub fn python(&self, t: TaskId) -> Option<Rc<Coroutine>> {
        self.python.get(t.0 as usize).cloned().flatten()
    }

    /// Task `t`'s coroutine object, of either kind (`None` for the engine's own tasks).
    pub fn get(&self, t: TaskId) -> Option<Value> {
        match self.python(t) {
            Some(c) => Some(Value::Coro(c)),
            None => self.native.get(&t).cloned().map(Value::NativeCoro),
        }
    }
}
