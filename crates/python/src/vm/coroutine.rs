//! Coroutine objects (`async def` calls), asyncio's own coroutines, generator objects (generator
//! expressions), and the future that runs a coroutine as a task's.

use super::exec::{Exit, Thread};
use super::frame::Frame;
use super::{interp, runtime_error, PyResult};
use crate::objects::function::Names;
use crate::objects::Value;
use std::cell::{Cell, RefCell};
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CoroState {
    /// Created, not started: dropping it warns "was never awaited".
    Created,
    Running,
    Done,
}

/// A coroutine object: the frame of an `async def` call, until something runs it.
pub struct Coroutine {
    /// `__name__` and `__qualname__`, its function's when it was made, and `cr_code.co_firstlineno`.
    pub names: Rc<Names>,
    /// Its frame until something runs it (a `Cell`: it is only ever taken, or looked at and
    /// put back, never borrowed across anything).
    frame: Cell<Option<Box<Frame>>>,
    pub state: Cell<CoroState>,
    /// The line its own frame is suspended at, once it ran (`cr_frame.f_lineno`, which a task's
    /// repr shows: `running at main.py:5`).
    pub line: Cell<u32>,
}

impl Coroutine {
    pub fn new(frame: Frame, names: Rc<Names>) -> Rc<Coroutine> {
        Rc::new(Coroutine {
            names,
            frame: Cell::new(Some(Box::new(frame))),
            state: Cell::new(CoroState::Created),
            line: Cell::new(0),
        })
    }

    /// Whether something took its frame to run it (it may have ended since).
    pub fn started(&self) -> bool {
        self.code().is_none()
    }

    /// Its frame's code while nothing has taken the frame to run it.
    pub fn code(&self) -> Option<Rc<crate::compile::code::Code>> {
        // The frame is out of its cell only between these two lines, where nothing else runs.
        let frame = self.frame.take();
        let code = frame.as_ref().map(|f| f.code.clone());
        self.frame.set(frame);
        code
    }

    /// Takes the frame to run it awaited (`await coro`).
    ///
    /// # Errors
    /// `RuntimeError: coroutine is being awaited already` while something else runs it (a task,
    /// or another `await`: it is suspended in an await of its own); `RuntimeError: cannot reuse
    /// already awaited coroutine` once it is done.
    pub fn start(&self) -> PyResult<Frame> {
        if self.state.get() == CoroState::Running {
            return Err(runtime_error("coroutine is being awaited already"));
        }
        self.start_boxed().map(|f| *f)
    }

    /// Takes the frame to run it as a task's, left in its box (the task's thread keeps it there).
    ///
    /// # Errors
    /// `RuntimeError: cannot reuse already awaited coroutine`.
    pub fn start_boxed(&self) -> PyResult<Box<Frame>> {
        if self.state.get() == CoroState::Done {
            // Closed before it started: its frame stays, but it never runs.
            return Err(runtime_error("cannot reuse already awaited coroutine"));
        }
        match self.frame.take() {
            Some(f) => {
                self.state.set(CoroState::Running);
                Ok(f)
            }
            None => Err(runtime_error("cannot reuse already awaited coroutine")),
        }
    }
}

/// `RuntimeWarning: coroutine '…' was never awaited`, as CPython's warnings module prints it
/// (once per location).
pub fn warn_never_awaited(qualname: &str) {
    if !interp::alive() {
        return;
    }
    let line = interp::warning_line();
    let (file, text) = interp::with(|i| {
        let src = i.source.borrow().clone();
        let text = src
            .lines()
            .nth(line.saturating_sub(1) as usize)
            .map(|l| l.trim().to_string());
        (i.filename.borrow().clone(), text)
    });
    if line == 0 {
        // Freed at exit, with no frame running: the warnings module names no source line, and
        // its tracemalloc hint is not printed either. While the uncaught exception goes, its
        // registry still prints each once; once the modules' globals are being cleared it
        // keeps none.
        let text = format!("<sys>:0: RuntimeWarning: coroutine '{qualname}' was never awaited");
        let exiting = interp::with(|i| i.exiting.get());
        if exiting || interp::with(|i| i.warned.borrow_mut().insert(text.clone())) {
            interp::write_stderr(&text);
        }
        return;
    }
    let first = if line == interp::ASYNCIO_LINE {
        // asyncio's path as the standard library's (CPython names its installed file).
        format!(
            "asyncio/events.py:89: RuntimeWarning: coroutine '{qualname}' was never awaited\n  self._context.run(self._callback, *self._args)"
        )
    } else {
        format!("{file}:{line}: RuntimeWarning: coroutine '{qualname}' was never awaited")
    };
    // Once per location, as the warnings module's default action prints it.
    let location = first.lines().next().unwrap_or_default().to_string();
    if !interp::with(|i| i.warned.borrow_mut().insert(location)) {
        return;
    }
    let mut msg = first;
    if let Some(t) = text.filter(|_| line > 0) {
        msg += &format!("\n  {t}");
    }
    msg += "\nRuntimeWarning: Enable tracemalloc to get the object allocation traceback";
    interp::write_stderr(&msg);
}

impl Drop for Coroutine {
    fn drop(&mut self) {
        if self.state.get() == CoroState::Created {
            warn_never_awaited(&self.names.qualname);
        }
    }
}

pub type NativeFuture = Pin<Box<dyn Future<Output = PyResult>>>;

/// A coroutine of asyncio's own (`asyncio.sleep(1)`, `lock.acquire()`, `q.get()`, …): a Rust
/// future, run when awaited or made a task.
pub struct NativeCoro {
    pub qualname: &'static str,
    pub fut: RefCell<Option<NativeFuture>>,
    /// The most Python frames CPython's version runs at once, its own included (`sleep(0)`: 2,
    /// with `__sleep0`), where that is known: awaiting it counts them against the recursion
    /// limit. 0 for the others.
    pub frames: u8,
}

impl NativeCoro {
    pub fn value(
        qualname: &'static str,
        frames: u8,
        fut: impl Future<Output = PyResult> + 'static,
    ) -> Value {
        Value::NativeCoro(Rc::new(NativeCoro {
            qualname,
            fut: RefCell::new(Some(Box::pin(fut))),
            frames,
        }))
    }

    /// Takes the future to run it.
    ///
    /// # Errors
    /// `RuntimeError: cannot reuse already awaited coroutine`.
    pub fn start(&self) -> PyResult<NativeFuture> {
        self.fut
            .borrow_mut()
            .take()
            .ok_or_else(|| runtime_error("cannot reuse already awaited coroutine"))
    }
}

impl Drop for NativeCoro {
    fn drop(&mut self) {
        if self.fut.borrow().is_some() {
            warn_never_awaited(self.qualname);
        }
    }
}

/// A generator object (a generator expression): its suspended thread.
pub struct Generator {
    pub qualname: Rc<str>,
    pub thread: RefCell<Option<Thread>>,
    pub running: Cell<bool>,
}

impl Generator {
    /// `next(gen)`: the next value, or `None` when it is exhausted.
    ///
    /// # Errors
    /// What the generator raises; `ValueError: generator already executing`.
    pub fn next(&self) -> PyResult<Option<Value>> {
        if self.running.get() {
            return Err(super::value_error("generator already executing"));
        }
        let Some(mut thread) = self.thread.borrow_mut().take() else {
            return Ok(None);
        };
        self.running.set(true);
        let exit = thread.run_sync();
        self.running.set(false);
        match exit {
            Exit::Yield(v) => {
                thread.send(Value::None);
                *self.thread.borrow_mut() = Some(thread);
                Ok(Some(v))
            }
            Exit::Return(_) => Ok(None),
            Exit::Raise(e) => Err(e),
            Exit::Pending => Err(runtime_error("a generator expression awaited")),
        }
    }
}

/// A task's coroutine, as the engine runs it: the Python coroutine's frames on a thread of their
/// own, or one of asyncio's coroutines.
pub enum TaskCoro {
    Python {
        coro: Rc<Coroutine>,
        thread: Option<Thread>,
    },
    Native(NativeFuture),
}

/// A task failed with `e`: the engine keeps every task's exception to the end of the run, where
/// CPython frees it with the task, so the locals of the frames it passed through go now (when
/// its coroutine's frames ended, as before tracebacks kept them). Main's stay until the program
/// ends: `asyncio.run` raises its exception, whose traceback holds them.
fn release_task_exception(e: &crate::objects::Raised) {
    // `asyncio.run` makes its main task first: the loop's task 0.
    let main = asyncio_playground_engine::Api::<crate::host::Py>::try_with(|c| c.current_task())
        .flatten()
        == Some(asyncio_playground_engine::TaskId(0));
    if main {
        interp::with(|i| i.main_exceptions.borrow_mut().push(e.clone()));
    } else {
        crate::objects::exception::release_frames(e);
    }
}

impl Future for TaskCoro {
    type Output = PyResult;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<PyResult> {
        let this = self.get_mut();
        match this {
            TaskCoro::Native(f) => f.as_mut().poll(cx),
            TaskCoro::Python { coro, thread } => {
                if thread.is_none() {
                    let frame = match coro.start_boxed() {
                        Ok(f) => f,
                        Err(e) => return Poll::Ready(Err(e)),
                    };
                    *thread = Some(Thread::for_task(frame));
                }
                let t = thread.as_mut().expect("set above");
                match t.poll_run(cx) {
                    Poll::Pending => {
                        if let Some(own) = t.frames.first() {
                            coro.line.set(own.line());
                        }
                        Poll::Pending
                    }
                    Poll::Ready(r) => {
                        coro.state.set(CoroState::Done);
                        if let Err(e) = &r {
                            release_task_exception(e);
                        }
                        Poll::Ready(r)
                    }
                }
            }
        }
    }
}
