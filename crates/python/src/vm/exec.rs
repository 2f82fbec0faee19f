//! The instruction loop. A [`Thread`] is a stack of frames run together: a call pushes the
//! callee's frame, an `await` of a coroutine pushes its frame, and an `await` of one of asyncio's
//! futures suspends the whole thread until the engine resumes it.

use super::call::{self, Callee};
use super::coroutine::NativeFuture;
use super::frame::{Frame, Ret, Special};
use super::interp::{self, FRAMES_UNDER_A_TASK, RECURSION_LIMIT, STEP_OPS_LIMIT};
use super::{attr, exc, ops, PyResult};
use crate::compile::code::{CodeKind, Op};
use crate::host::Py;
use crate::objects::{Raised, Value};
use asyncio_playground_engine::Api;
use std::rc::Rc;
use std::task::{Context, Poll, Waker};

/// Why a run that outgrew [`crate::memory::LIMIT`] stopped.
pub const MEMORY_LIMIT: &str = "the program uses more memory than the playground allows (64 MiB)";

/// How a thread stopped running.
pub enum Exit {
    /// Its bottom frame returned.
    Return(Value),
    /// A generator yielded.
    Yield(Value),
    /// It awaits one of asyncio's futures (in `Thread::awaiting`).
    Pending,
    /// An exception left its bottom frame.
    Raise(Raised),
}

/// How an exception enters the unwinding.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    /// Raised here: a traceback entry for this frame, and `__context__` from what is handled.
    New,
    /// Re-raised (`raise`, an exception handler's cleanup): the traceback is left as it is.
    Keep,
}

pub struct Thread {
    pub frames: Vec<Frame>,
    /// The asyncio future the top frame awaits, while suspended.
    pub awaiting: Option<NativeFuture>,
    /// A task's thread: CPython's loop frames are under it (they count against the recursion limit).
    pub in_task: bool,
    /// An exception to raise at the top frame when the thread runs next.
    pending: Option<Raised>,
}

/// What the inner loop hands to the outer one.
enum Flow {
    Exc(Raised, Mode),
    Exit(Exit),
}

macro_rules! t {
    ($e:expr) => {
        match $e {
            Ok(v) => v,
            Err(e) => return Flow::Exc(e, Mode::New),
        }
    };
}

impl Thread {
    pub fn new(frame: Frame) -> Thread {
        Thread {
            frames: vec![frame],
            awaiting: None,
            in_task: false,
            pending: None,
        }
    }

    /// A task's thread, running the coroutine's frame in the box it was made in: a box of one
    /// `Frame` becomes the thread's stack of frames without a copy (100,000 tasks starting are
    /// spared as many allocations and 96-byte copies).
    pub fn for_task(frame: Box<Frame>) -> Thread {
        // SAFETY: `[Frame; 1]` has the size and alignment of `Frame`, so the allocation is a
        // valid `Box<[Frame; 1]>`; the array box coerces to a slice box, and `into_vec` keeps
        // that allocation as a vector of capacity 1 (freed with the same layout).
        let one: Box<[Frame; 1]> = unsafe { Box::from_raw(Box::into_raw(frame).cast()) };
        let one: Box<[Frame]> = one;
        Thread {
            frames: one.into_vec(),
            awaiting: None,
            in_task: true,
            pending: None,
        }
    }

    /// Resumes with what a suspension gave: a value pushed on the top frame, or an exception
    /// raised there (handled when the thread runs next).
    pub fn resume_with(&mut self, r: PyResult) {
        match r {
            Ok(v) => self.send(v),
            Err(e) => self.pending = Some(e),
        }
    }

    /// Pushes `v` onto the top frame (the value a resumed `await` or `yield` gives).
    pub fn send(&mut self, v: Value) {
        if let Some(f) = self.frames.last_mut() {
            f.stack.push(v);
        }
    }

    fn base_depth(&self) -> u32 {
        let frames: u32 = self.frames.iter().map(Frame::depth_cost).sum();
        frames + if self.in_task { FRAMES_UNDER_A_TASK } else { 0 }
    }

    /// Runs to the end (or a yield) with no loop to suspend on: a plain call from native code.
    pub fn run_sync(&mut self) -> Exit {
        let mut cx = Context::from_waker(Waker::noop());
        self.run(&mut cx, None)
    }

    /// Runs a task's (or an awaited native's) thread until it finishes or suspends.
    pub fn poll_run(&mut self, cx: &mut Context<'_>) -> Poll<PyResult> {
        let resumed = match self.awaiting.as_mut() {
            Some(fut) => match fut.as_mut().poll(cx) {
                Poll::Pending => return Poll::Pending,
                Poll::Ready(r) => {
                    self.awaiting = None;
                    Some(r)
                }
            },
            None => None,
        };
        match self.run(cx, resumed) {
            Exit::Return(v) | Exit::Yield(v) => Poll::Ready(Ok(v)),
            Exit::Raise(e) => Poll::Ready(Err(e)),
            Exit::Pending => Poll::Pending,
        }
    }

    /// Runs frames from the top, first delivering `resumed` (an awaited result) if given.
    fn run(&mut self, cx: &mut Context<'_>, resumed: Option<PyResult>) -> Exit {
        // Python code called from native code (a sort's key, `__str__`, `map`) runs on a thread
        // of its own, one native call deeper: the recursion limit holds across threads, and the
        // native stack under them is checked (natively each level takes about 5 KB of it).
        if let Err(e) = interp::enter_thread(self.base_depth()) {
            return Exit::Raise(e);
        }
        if self.in_task {
            let line = match self.frames.as_slice() {
                [own, _, ..] => own.line(),
                _ => 0,
            };
            interp::with(|i| i.task_frame_line.set(line));
        }
        let mut pending = match resumed {
            Some(Ok(v)) => {
                self.send(v);
                None
            }
            Some(Err(e)) => Some((from_future(e), Mode::New)),
            None => self.pending.take().map(|e| (from_future(e), Mode::New)),
        };
        let exit = loop {
            if let Some((e, mode)) = pending.take() {
                if let Some(exit) = self.unwind(e, mode) {
                    break exit;
                }
            }
            match self.execute(cx) {
                Flow::Exc(e, mode) => pending = Some((e, mode)),
                Flow::Exit(x) => break x,
            }
        };
        interp::leave_thread(self.base_depth());
        exit
    }

    /// Pushes a frame for a call, checking the recursion limit.
    fn push_frame(&mut self, frame: Frame) -> PyResult<()> {
        let depth = interp::with(|i| i.depth.get()) + frame.depth_cost();
        if depth > RECURSION_LIMIT {
            return Err(exc("RecursionError", "maximum recursion depth exceeded"));
        }
        interp::with(|i| i.depth.set(depth));
        self.note_task_frame_line();
        self.frames.push(frame);
        Ok(())
    }

    fn pop_frame(&mut self) -> Frame {
        let popped = self.frames.pop().expect("a frame to pop");
        // What the popped frame's locals free is reported at the caller's line, as CPython's
        // warnings do (the frame is gone by then); a task's coroutine returns into asyncio's
        // `Handle._run`.
        let line = match self.frames.last() {
            Some(caller) => Some(caller.line()),
            None if self.in_task => Some(interp::ASYNCIO_LINE),
            None => None,
        };
        interp::with(|i| {
            i.depth
                .set(i.depth.get().saturating_sub(popped.depth_cost()));
            if let Some(line) = line {
                i.line.set(line);
            }
        });
        if self.in_task && self.frames.len() == 1 {
            interp::with(|i| i.task_frame_line.set(0));
        }
        popped
    }

    /// A task's thread about to run a frame above its coroutine's own: where that frame is
    /// ([`interp::running_task_line`]).
    fn note_task_frame_line(&self) {
        if self.in_task && self.frames.len() == 1 {
            let line = self.frames[0].line();
            interp::with(|i| i.task_frame_line.set(line));
        }
    }

    /// The exception being handled, seen from the top frame (under a task's frames, what the
    /// loop's caller handles).
    fn handling(&self) -> Option<Raised> {
        let own = self.frames.iter().rev().find_map(|f| f.handling().cloned());
        if own.is_some() || !self.in_task {
            return own;
        }
        interp::loop_handling()
    }

    /// Unwinds `e` to the nearest handler; `Some` when it left the thread.
    fn unwind(&mut self, mut e: Raised, mode: Mode) -> Option<Exit> {
        if e.is_stop() {
            while !self.frames.is_empty() {
                self.pop_frame();
            }
            return Some(Exit::Raise(e));
        }
        if mode == Mode::New {
            if let Some(ctx) = self.handling() {
                e.chain_context(&ctx);
            }
        }
        let mut add_tb = mode == Mode::New;
        if add_tb && e.is_a("AttributeError") {
            if let Some(frame) = self.frames.last() {
                crate::suggestions::note_self(&e, frame);
            }
        }
        loop {
            let frame = self.frames.last_mut()?;
            if add_tb {
                let pc = frame.stack.pc.saturating_sub(1) as usize;
                let span = frame.code.spans.get(pc).copied().unwrap_or_default();
                let lines = span.end.line.saturating_sub(span.start.line);
                let locals = (!e.frames_released.get()).then(|| frame.tb_locals());
                e.push_frame(
                    frame.code.tb_name.clone(),
                    span.start.line,
                    (span.start.col, lines, span.end.col),
                    locals,
                );
            }
            // The values on the frame's stack go while it is still the current frame (a
            // coroutine among them warns at its line).
            let depth = frame
                .innermost_block()
                .map_or(0, |(_, depth)| depth as usize);
            if frame.stack.len() > depth {
                interp::set_line(frame.line());
                let dropped = frame.stack.split_off(depth);
                drop(dropped);
            }
            if let Some((target, depth)) = frame.pop_block() {
                frame.stack.truncate(depth as usize);
                frame.stack.push(Value::Exc(e));
                frame.stack.pc = target;
                return None;
            }
            let popped = self.pop_frame();
            if let Some(c) = &popped.coro {
                c.state.set(super::coroutine::CoroState::Done);
            }
            interp::frame_ended(&popped, Err(&e));
            add_tb = !popped.code.is_inlined();
            if popped.code.kind == CodeKind::AsyncFunction && e.is_a("StopIteration") {
                // PEP 479: a StopIteration leaving a coroutine is a RuntimeError, raised from it.
                let stop = e;
                e = super::runtime_error("coroutine raised StopIteration");
                *e.cause.borrow_mut() = Some(stop.clone());
                e.suppress_context.set(true);
                *e.context.borrow_mut() = Some(stop);
            }
            if self.frames.is_empty() {
                return Some(Exit::Raise(e));
            }
        }
    }

    /// A frame returned `v`: pop it and hand `v` to the frame below. `Some` when the thread
    /// is done (or an `__init__` returned something else than `None`).
    fn ret(&mut self, v: Value) -> Option<Flow> {
        let mut popped = self.pop_frame();
        if let Some(c) = &popped.coro {
            c.state.set(super::coroutine::CoroState::Done);
        }
        interp::frame_ended(&popped, Ok(&v));
        let v = match std::mem::replace(&mut popped.ret, Ret::Push) {
            Ret::Push => v,
            Ret::Special(s) => match *s {
                Special::Class(_) | Special::Module(_) => v,
                Special::Init(obj) => {
                    if !matches!(v, Value::None) {
                        let e = super::type_error(format!(
                            "__init__() should return None, not '{}'",
                            crate::builtins::type_name(&v)
                        ));
                        if self.frames.is_empty() {
                            return Some(Flow::Exit(Exit::Raise(e)));
                        }
                        return Some(Flow::Exc(e, Mode::New));
                    }
                    obj
                }
            },
        };
        match self.frames.last_mut() {
            Some(f) => {
                f.stack.push(v);
                None
            }
            None => Some(Flow::Exit(Exit::Return(v))),
        }
    }

    /// Awaits a native future now: its result, or `None` if it suspended the thread.
    fn await_native(&mut self, mut fut: NativeFuture, cx: &mut Context<'_>) -> Option<PyResult> {
        let line = self.frames.last().map_or(0, |f| f.line());
        Api::<Py>::try_with(|c| c.set_line(line));
        match fut.as_mut().poll(cx) {
            Poll::Ready(r) => Some(r),
            Poll::Pending => {
                self.awaiting = Some(fut);
                None
            }
        }
    }

    /// Runs instructions until an exception or an exit.
    fn execute(&mut self, cx: &mut Context<'_>) -> Flow {
        let mut budget: u32 = 0;
        loop {
            budget += 1;
            if budget >= 4096 {
                budget = 0;
                let (over, memory) = interp::with(|i| {
                    let n = i.ops.get() + 4096;
                    i.ops.set(n);
                    (
                        n > STEP_OPS_LIMIT,
                        crate::memory::live_bytes() - i.memory_base.get(),
                    )
                });
                if memory > crate::memory::LIMIT {
                    return Flow::Exc(super::stop(MEMORY_LIMIT), Mode::New);
                }
                if over {
                    return Flow::Exc(
                        super::stop("a single step ran more than 10,000,000 operations without awaiting: it is blocking the event loop"),
                        Mode::New,
                    );
                }
            }
            let frame = self
                .frames
                .last_mut()
                .expect("a running thread has a frame");
            let op = frame.code.ops[frame.stack.pc as usize];
            frame.stack.pc += 1;
            match op {
                Op::Nop => {}
                Op::Const(i) => {
                    let v = frame.code.consts[i as usize].clone();
                    frame.stack.push(v);
                }
                Op::LoadFast(i) => {
                    let v = &frame.slots()[i as usize];
                    if matches!(v, Value::Unbound) {
                        let name = frame.code.slots[i as usize].clone();
                        return Flow::Exc(unbound_local(&name), Mode::New);
                    }
                    let v = v.clone();
                    frame.stack.push(v);
                }
                Op::StoreFast(i) => {
                    let v = frame.stack.pop();
                    let old = std::mem::replace(&mut frame.slots_mut()[i as usize], v);
                    dropped_at_line(old, frame);
                }
                Op::DeleteFast(i) => {
                    if matches!(frame.slots()[i as usize], Value::Unbound) {
                        let name = frame.code.slots[i as usize].clone();
                        return Flow::Exc(unbound_local(&name), Mode::New);
                    }
                    // A coroutine nobody awaited warns at the `del`.
                    let old = std::mem::replace(&mut frame.slots_mut()[i as usize], Value::Unbound);
                    dropped_at_line(old, frame);
                }
                Op::LoadDeref(i) => {
                    let v = match &frame.slots()[i as usize] {
                        Value::Cell(c) => c.borrow().clone(),
                        other => other.clone(),
                    };
                    if matches!(v, Value::Unbound) {
                        let name = frame.code.slots[i as usize].clone();
                        let e = if i < frame.code.nlocals {
                            unbound_local(&name)
                        } else {
                            exc("NameError", format!("cannot access free variable '{name}' where it is not associated with a value in enclosing scope"))
                        };
                        return Flow::Exc(e, Mode::New);
                    }
                    frame.stack.push(v);
                }
                Op::StoreDeref(i) => {
                    let v = frame.stack.pop();
                    match &frame.slots()[i as usize] {
                        Value::Cell(c) => *c.borrow_mut() = v,
                        _ => frame.slots_mut()[i as usize] = v,
                    }
                }
                Op::DeleteDeref(i) => {
                    if let Value::Cell(c) = &frame.slots()[i as usize] {
                        *c.borrow_mut() = Value::Unbound;
                    }
                }
                Op::LoadClosure(i) => {
                    let v = frame.slots()[i as usize].clone();
                    frame.stack.push(v);
                }
                Op::LoadGlobal(n) => {
                    let name = &frame.code.names[n as usize];
                    let found = frame.globals().borrow().get(name).cloned();
                    let v = match found {
                        Some(v) => v,
                        None => t!(load_builtin(name).map_err(|e| suggest(e, frame))),
                    };
                    frame.stack.push(v);
                }
                Op::StoreGlobal(n) => {
                    let name = frame.code.names[n as usize].clone();
                    let v = frame.stack.pop();
                    let old = frame.globals().borrow_mut().insert(name, v);
                    if let Some(old) = old {
                        dropped_at_line(old, frame);
                    }
                }
                Op::DeleteGlobal(n) => {
                    let name = frame.code.names[n as usize].clone();
                    let removed = frame.globals().borrow_mut().remove(&name);
                    let Some(old) = removed else {
                        return Flow::Exc(
                            exc("NameError", format!("name '{name}' is not defined")),
                            Mode::New,
                        );
                    };
                    dropped_at_line(old, frame);
                }
                Op::LoadName(n) => {
                    let name = &frame.code.names[n as usize];
                    let in_ns = frame.namespace().and_then(|ns| {
                        ns.borrow()
                            .iter()
                            .find(|(k, _)| k == name)
                            .map(|(_, v)| v.clone())
                    });
                    let v = match in_ns.or_else(|| frame.globals().borrow().get(name).cloned()) {
                        Some(v) => v,
                        None => t!(load_builtin(name).map_err(|e| suggest(e, frame))),
                    };
                    frame.stack.push(v);
                }
                Op::StoreName(n) => {
                    let name = frame.code.names[n as usize].clone();
                    let v = frame.stack.pop();
                    match frame.namespace() {
                        Some(ns) => {
                            let mut ns = ns.borrow_mut();
                            match ns.iter_mut().find(|(k, _)| *k == name) {
                                Some(slot) => slot.1 = v,
                                None => ns.push((name, v)),
                            }
                        }
                        None => {
                            let old = frame.globals().borrow_mut().insert(name, v);
                            if let Some(old) = old {
                                dropped_at_line(old, frame);
                            }
                        }
                    }
                }
                Op::DeleteName(n) => {
                    let name = frame.code.names[n as usize].clone();
                    let removed = match frame.namespace() {
                        Some(ns) => {
                            let mut ns = ns.borrow_mut();
                            let before = ns.len();
                            ns.retain(|(k, _)| *k != name);
                            ns.len() != before
                        }
                        None => {
                            let old = frame.globals().borrow_mut().remove(&name);
                            old.map(|old| dropped_at_line(old, frame)).is_some()
                        }
                    };
                    if !removed {
                        return Flow::Exc(
                            exc("NameError", format!("name '{name}' is not defined")),
                            Mode::New,
                        );
                    }
                }
                Op::LoadAttr(n) => {
                    let name = frame.code.names[n as usize].clone();
                    let obj = frame.stack.pop();
                    let v = t!(attr::getattr(&obj, &name));
                    self.frames.last_mut().expect("frame").stack.push(v);
                }
                Op::StoreAttr(n) => {
                    let name = frame.code.names[n as usize].clone();
                    let obj = frame.stack.pop();
                    let v = frame.stack.pop();
                    // What the store frees (a coroutine nobody awaited) warns at this line.
                    interp::set_line(frame.line());
                    t!(attr::setattr(&obj, &name, v));
                }
                Op::DeleteAttr(n) => {
                    let name = frame.code.names[n as usize].clone();
                    let obj = frame.stack.pop();
                    interp::set_line(frame.line());
                    t!(attr::delattr(&obj, &name));
                }
                Op::Subscr => {
                    let i = frame.stack.pop();
                    let c = frame.stack.pop();
                    let v = t!(ops::getitem(&c, &i));
                    self.frames.last_mut().expect("frame").stack.push(v);
                }
                Op::StoreSubscr => {
                    let i = frame.stack.pop();
                    let c = frame.stack.pop();
                    let v = frame.stack.pop();
                    interp::set_line(frame.line());
                    t!(ops::setitem(&c, i, v));
                }
                Op::DeleteSubscr => {
                    let i = frame.stack.pop();
                    let c = frame.stack.pop();
                    interp::set_line(frame.line());
                    t!(ops::delitem(&c, &i));
                }
                Op::BuildSlice(n) => {
                    let step = if n == 3 {
                        frame.stack.pop()
                    } else {
                        Value::None
                    };
                    let hi = frame.stack.pop();
                    let lo = frame.stack.pop();
                    frame.stack.push(Value::Slice(Rc::new([lo, hi, step])));
                }
                Op::Binary(op) => {
                    let b = frame.stack.pop();
                    let a = frame.stack.pop();
                    let v = match (op, &a, &b) {
                        (crate::syntax::ast::BinOp::Add, Value::Int(x), Value::Int(y))
                            if x.checked_add(*y).is_some() =>
                        {
                            Value::Int(x + y)
                        }
                        (crate::syntax::ast::BinOp::Sub, Value::Int(x), Value::Int(y))
                            if x.checked_sub(*y).is_some() =>
                        {
                            Value::Int(x - y)
                        }
                        _ => t!(ops::binary(op, &a, &b)),
                    };
                    self.frames.last_mut().expect("frame").stack.push(v);
                }
                Op::Inplace(op) => {
                    let b = frame.stack.pop();
                    let a = frame.stack.pop();
                    let v = t!(ops::inplace(op, &a, &b));
                    self.frames.last_mut().expect("frame").stack.push(v);
                }
                Op::Unary(op) => {
                    let a = frame.stack.pop();
                    let v = t!(ops::unary(op, &a));
                    self.frames.last_mut().expect("frame").stack.push(v);
                }
                Op::Compare(op) => {
                    let b = frame.stack.pop();
                    let a = frame.stack.pop();
                    let v = match (op, &a, &b) {
                        (crate::syntax::ast::CmpOp::Lt, Value::Int(x), Value::Int(y)) => {
                            Value::Bool(x < y)
                        }
                        (crate::syntax::ast::CmpOp::Eq, Value::Int(x), Value::Int(y)) => {
                            Value::Bool(x == y)
                        }
                        _ => t!(ops::compare(op, &a, &b)),
                    };
                    self.frames.last_mut().expect("frame").stack.push(v);
                }
                Op::Pop => {
                    frame.stack.pop();
                }
                Op::Dup => {
                    let v = frame.stack.last().expect("stack").clone();
                    frame.stack.push(v);
                }
                Op::Dup2 => {
                    let n = frame.stack.len();
                    let (a, b) = (frame.stack[n - 2].clone(), frame.stack[n - 1].clone());
                    frame.stack.push(a);
                    frame.stack.push(b);
                }
                Op::Rot2 => {
                    let n = frame.stack.len();
                    frame.stack.swap(n - 1, n - 2);
                }
                Op::Rot3 => {
                    let v = frame.stack.pop();
                    let n = frame.stack.len();
                    frame.stack.insert(n - 2, v);
                }
                Op::BuildTuple(n) => {
                    let items = frame.stack.split_top(n);
                    frame.stack.push(Value::tuple(items));
                }
                Op::BuildList(n) => {
                    let items = frame.stack.split_top(n);
                    frame.stack.push(Value::list(items));
                }
                Op::BuildSet(n) | Op::BuildConstSet(n) => {
                    let items = frame.stack.split_top(n);
                    let set = if matches!(op, Op::BuildConstSet(_)) {
                        t!(crate::objects::Set::from_constants(items))
                    } else {
                        t!(crate::objects::Set::from_values(items))
                    };
                    self.frames
                        .last_mut()
                        .expect("frame")
                        .stack
                        .push(Value::Set(Rc::new(std::cell::RefCell::new(set))));
                }
                Op::BuildMap(n) => {
                    let items = frame.stack.split_top(2 * n);
                    let mut d = crate::objects::Dict::default();
                    let mut it = items.into_iter();
                    while let (Some(k), Some(v)) = (it.next(), it.next()) {
                        t!(d.insert(k, v));
                    }
                    self.frames
                        .last_mut()
                        .expect("frame")
                        .stack
                        .push(Value::Dict(Rc::new(std::cell::RefCell::new(d))));
                }
                Op::BuildString(n) => {
                    // The pieces are strings (`FORMAT_VALUE` made them): joined in place, into
                    // a string of the right size.
                    let depth = frame.stack.len() - n as usize;
                    let pieces = &frame.stack.as_slice()[depth..];
                    fn piece(v: &Value) -> &str {
                        match v {
                            Value::Str(p) => p,
                            _ => "",
                        }
                    }
                    let mut s = String::with_capacity(pieces.iter().map(|v| piece(v).len()).sum());
                    pieces.iter().for_each(|v| s.push_str(piece(v)));
                    frame.stack.truncate(depth);
                    frame.stack.push(Value::string(s));
                }
                Op::ListAppend(d) | Op::SetAdd(d) => {
                    let v = frame.stack.pop();
                    let n = frame.stack.len();
                    let target = frame.stack[n - 1 - d as usize].clone();
                    match target {
                        Value::List(l) => l.borrow_mut().push(v),
                        Value::Set(s) => {
                            t!(s.borrow_mut().insert(v));
                        }
                        _ => {}
                    }
                }
                Op::MapAdd(d) => {
                    let v = frame.stack.pop();
                    let k = frame.stack.pop();
                    let n = frame.stack.len();
                    if let Value::Dict(m) = frame.stack[n - 1 - d as usize].clone() {
                        t!(m.borrow_mut().insert(k, v));
                    }
                }
                Op::ListExtend | Op::SetUpdate | Op::StarArgs => {
                    let it = frame.stack.pop();
                    let target = frame.stack.last().expect("stack").clone();
                    let items = match crate::objects::iter::collect(&it) {
                        Ok(items) => items,
                        Err(e) => {
                            let not_iterable = e.is_a("TypeError")
                                && !matches!(it, Value::Iter(_) | Value::Gen(_));
                            let type_name = crate::builtins::type_name(&it);
                            let callee = match op {
                                Op::StarArgs => frame.stack.iter().rev().nth(1),
                                _ => None,
                            };
                            let e = match (op, callee.and_then(call::function_str)) {
                                (Op::StarArgs, Some(f)) if not_iterable => {
                                    super::type_error(format!(
                                        "{f} argument after * must be an iterable, not {type_name}"
                                    ))
                                }
                                (Op::ListExtend | Op::StarArgs, _) if not_iterable => {
                                    super::type_error(format!(
                                        "Value after * must be an iterable, not {type_name}"
                                    ))
                                }
                                _ => e,
                            };
                            return Flow::Exc(e, Mode::New);
                        }
                    };
                    match target {
                        Value::List(l) => l.borrow_mut().extend(items),
                        Value::Set(s) => t!(s.borrow_mut().update_values(items)),
                        _ => {}
                    }
                }
                Op::DictUpdate | Op::DictMerge => {
                    let m = frame.stack.pop();
                    let target = frame.stack.last().expect("stack").clone();
                    // A call's `**`: the callee is under the positional arguments and the dict.
                    let callee = match op {
                        Op::DictMerge => frame
                            .stack
                            .iter()
                            .rev()
                            .nth(2)
                            .and_then(call::function_str)
                            .map(|f| format!("{f} "))
                            .unwrap_or_default(),
                        _ => String::new(),
                    };
                    let Value::Dict(src) = &m else {
                        let what = if matches!(op, Op::DictMerge) {
                            format!(
                                "{callee}argument after ** must be a mapping, not {}",
                                crate::builtins::type_name(&m)
                            )
                        } else {
                            format!(
                                "'{}' object is not a mapping",
                                crate::builtins::type_name(&m)
                            )
                        };
                        return Flow::Exc(super::type_error(what), Mode::New);
                    };
                    let entries: Vec<(Value, Value)> = src
                        .borrow()
                        .iter()
                        .map(|(k, v)| (k.clone(), v.clone()))
                        .collect();
                    if let Value::Dict(d) = target {
                        for (k, v) in entries {
                            if matches!(op, Op::DictMerge) && t!(d.borrow().get(&k)).is_some() {
                                let key = t!(crate::objects::repr::repr(&k));
                                return Flow::Exc(
                                    super::type_error(format!(
                                        "{callee}got multiple values for keyword argument {key}"
                                    )),
                                    Mode::New,
                                );
                            }
                            t!(d.borrow_mut().insert(k, v));
                        }
                    }
                }
                Op::ListToTuple => {
                    let v = frame.stack.pop();
                    if let Value::List(l) = v {
                        let items = l.borrow().clone();
                        frame.stack.push(Value::tuple(items));
                    }
                }
                Op::UnpackSequence(n) => {
                    let seq = frame.stack.pop();
                    let items = t!(ops::unpack(&seq, n as usize, None));
                    let frame = self.frames.last_mut().expect("frame");
                    frame.stack.extend(items.into_iter().rev());
                }
                Op::UnpackEx(before, after) => {
                    let seq = frame.stack.pop();
                    let items = t!(ops::unpack(&seq, before as usize, Some(after as usize)));
                    let frame = self.frames.last_mut().expect("frame");
                    frame.stack.extend(items.into_iter().rev());
                }
                // `format(s, '')` of a string is the string itself (`PyObject_Format`).
                Op::FormatValue(0, false) if matches!(frame.stack.last(), Some(Value::Str(_))) => {}
                Op::FormatValue(conv, has_spec) => {
                    let spec = has_spec.then(|| frame.stack.pop());
                    let v = frame.stack.pop();
                    // A repr it makes may show the line (a running task's). The line is set
                    // back after: what the expression drops later is reported where calls
                    // left it, as for a string formatted in place above (a coroutine freed
                    // with the statement's tuple warns at the statement's first line, as
                    // CPython's does).
                    let s = t!(interp::at_line(frame.line(), || {
                        crate::builtins::format::format_value(&v, conv, spec.as_ref())
                    }));
                    self.frames
                        .last_mut()
                        .expect("frame")
                        .stack
                        .push(Value::string(s));
                }
                Op::Jump(target) => frame.stack.pc = target,
                Op::PopJumpIfFalse(target) | Op::PopJumpIfTrue(target) => {
                    let v = frame.stack.pop();
                    let b = match v {
                        Value::Bool(b) => b,
                        other => t!(ops::truthy(&other)),
                    };
                    if b == matches!(op, Op::PopJumpIfTrue(_)) {
                        self.frames.last_mut().expect("frame").stack.pc = target;
                    }
                }
                Op::JumpIfFalseOrPop(target) | Op::JumpIfTrueOrPop(target) => {
                    let v = frame.stack.last().expect("stack").clone();
                    let b = t!(ops::truthy(&v));
                    let frame = self.frames.last_mut().expect("frame");
                    if b == matches!(op, Op::JumpIfTrueOrPop(_)) {
                        frame.stack.pc = target;
                    } else {
                        frame.stack.pop();
                    }
                }
                Op::GetIter => {
                    let v = frame.stack.pop();
                    let it = t!(crate::objects::iter::get_iter(&v));
                    self.frames.last_mut().expect("frame").stack.push(it);
                }
                Op::ForIter(target) => {
                    let it = frame.stack.last().expect("stack").clone();
                    let next = t!(crate::objects::iter::next(&it));
                    let frame = self.frames.last_mut().expect("frame");
                    match next {
                        Some(v) => frame.stack.push(v),
                        None => {
                            // The iterable goes with its iterator: at the `for` line.
                            interp::set_line(frame.line());
                            frame.stack.pop();
                            frame.stack.pc = target;
                        }
                    }
                }
                Op::SetupExcept(target) => {
                    let depth = frame.stack.len() as u32;
                    frame.push_block(target, depth);
                }
                Op::PopBlock => {
                    frame.pop_block();
                }
                Op::PushExcInfo => {
                    let e = frame.stack.pop();
                    let now = match &e {
                        Value::Exc(x) => Some(x.clone()),
                        _ => None,
                    };
                    let prev = frame.replace_handling(now).map_or(Value::None, Value::Exc);
                    frame.stack.push(prev);
                    frame.stack.push(e);
                }
                Op::PopExcept => {
                    let prev = frame.stack.pop();
                    frame.replace_handling(match prev {
                        Value::Exc(x) => Some(x),
                        _ => None,
                    });
                }
                Op::Reraise => {
                    let e = frame.stack.pop();
                    if let Value::Exc(x) = e {
                        return Flow::Exc(x, Mode::Keep);
                    }
                }
                Op::CheckExcMatch => {
                    let typ = frame.stack.pop();
                    let e = frame.stack.last().expect("stack").clone();
                    let m = t!(ops::exc_matches(&e, &typ));
                    self.frames
                        .last_mut()
                        .expect("frame")
                        .stack
                        .push(Value::Bool(m));
                }
                Op::StarBegin => {
                    let e = frame.stack.pop();
                    let state = t!(crate::builtins::exceptions::star_begin(e));
                    self.frames.last_mut().expect("frame").stack.push(state);
                }
                Op::StarMatch => {
                    let typ = frame.stack.pop();
                    let state = frame.stack.last().expect("stack").clone();
                    let m = t!(crate::builtins::exceptions::star_match(&state, &typ));
                    let frame = self.frames.last_mut().expect("frame");
                    // The clause's body handles the part it matched (its `__context__` for an
                    // exception raised there); `StarEnd` restores what was handled before.
                    if let Value::Exc(x) = &m {
                        frame.replace_handling(Some(x.clone()));
                    }
                    frame.stack.push(m);
                }
                Op::StarRaised => {
                    let raised = frame.stack.pop();
                    let state = frame.stack.last().expect("stack").clone();
                    if let Value::Exc(x) = &raised {
                        if x.is_stop() {
                            return Flow::Exc(x.clone(), Mode::Keep);
                        }
                    }
                    crate::builtins::exceptions::star_raised(&state, raised);
                }
                Op::StarEnd => {
                    let state = frame.stack.pop();
                    let prev = frame.stack.pop();
                    frame.replace_handling(match prev {
                        Value::Exc(x) => Some(x),
                        _ => None,
                    });
                    if let Some(e) = crate::builtins::exceptions::star_end(&state) {
                        return Flow::Exc(e, Mode::Keep);
                    }
                }
                Op::Raise(n) => return self.raise(n),
                Op::Return => {
                    let v = frame.stack.pop();
                    if let Some(flow) = self.ret(v) {
                        return flow;
                    }
                }
                Op::Yield => {
                    let v = frame.stack.pop();
                    return Flow::Exit(Exit::Yield(v));
                }
                Op::Await => {
                    let aw = frame.stack.pop();
                    // asyncio's coroutines written in Python run frames of their own, which the
                    // recursion limit counts (the coroutine is started, then fails at once).
                    let frames = match &aw {
                        Value::NativeCoro(n) => u32::from(n.frames),
                        _ => 0,
                    };
                    match t!(call::awaitable(aw)) {
                        call::Awaitable::Frame(f) => t!(self.push_frame(f)),
                        call::Awaitable::Native(fut)
                            if frames > 0
                                && interp::with(|i| i.depth.get()) + frames > RECURSION_LIMIT =>
                        {
                            drop(fut);
                            let e = exc("RecursionError", "maximum recursion depth exceeded");
                            e.mark_asyncio();
                            return Flow::Exc(e, Mode::New);
                        }
                        call::Awaitable::Native(fut) => match self.await_native(fut, cx) {
                            Some(Ok(v)) => self.send(v),
                            Some(Err(e)) => return Flow::Exc(from_future(e), Mode::New),
                            None => return Flow::Exit(Exit::Pending),
                        },
                    }
                }
                Op::GetAIter => {
                    let obj = frame.stack.pop();
                    let it = t!(call::aiter(&obj));
                    self.frames.last_mut().expect("frame").stack.push(it);
                }
                Op::GetANext => {
                    let it = frame.stack.last().expect("stack").clone();
                    let aw = t!(call::anext(&it));
                    self.frames.last_mut().expect("frame").stack.push(aw);
                }
                Op::EndAsyncFor => {
                    let e = frame.stack.pop();
                    frame.stack.pop();
                    if let Value::Exc(x) = e {
                        if !x.is_a("StopAsyncIteration") {
                            return Flow::Exc(x, Mode::Keep);
                        }
                    }
                }
                Op::BeforeWith | Op::BeforeAsyncWith => {
                    let ctx = frame.stack.pop();
                    let is_async = matches!(op, Op::BeforeAsyncWith);
                    let (exit, entered) = t!(call::enter_context(&ctx, is_async));
                    if is_async && !call::is_awaitable(&entered) {
                        // `_PyEval_FormatAwaitableError` for `GET_AWAITABLE 1`.
                        return Flow::Exc(
                            super::type_error(format!(
                                "'async with' received an object from __aenter__ that does not \
                                 implement __await__: {}",
                                crate::builtins::type_name(&entered)
                            )),
                            Mode::New,
                        );
                    }
                    let frame = self.frames.last_mut().expect("frame");
                    frame.stack.push(exit);
                    frame.stack.push(entered);
                }
                Op::WithExit => {
                    let exit = frame.stack.pop();
                    let r = t!(call::call(
                        &exit,
                        vec![Value::None, Value::None, Value::None],
                        Vec::new()
                    ));
                    self.frames.last_mut().expect("frame").stack.push(r);
                }
                Op::WithExceptStart => {
                    let n = frame.stack.len();
                    let (exit, e) = (frame.stack[n - 3].clone(), frame.stack[n - 1].clone());
                    // `__exit__(type, value, traceback)`: the traceback as `value.__traceback__`.
                    let (typ, tb) = match &e {
                        Value::Exc(x) => (
                            Value::Class(x.class.clone()),
                            t!(attr::getattr(&e, &Rc::from("__traceback__"))),
                        ),
                        _ => (Value::None, Value::None),
                    };
                    let r = t!(call::call(&exit, vec![typ, e, tb], Vec::new()));
                    self.frames.last_mut().expect("frame").stack.push(r);
                }
                Op::Call(n) => {
                    let room = match frame.stack.as_slice().iter().rev().nth(n as usize) {
                        Some(Value::Func(f)) => super::frame::room(&f.code),
                        _ => 0,
                    };
                    let args = frame.stack.split_top_with_room(n, room);
                    let f = frame.stack.pop();
                    let line = frame.line();
                    interp::set_line(line);
                    match self.invoke(&f, args, Vec::new()) {
                        Ok(false) => {}
                        Ok(true) => return Flow::Exit(Exit::Pending),
                        Err(e) => return Flow::Exc(e, Mode::New),
                    }
                }
                Op::CallKw(n, k) => {
                    let Value::Tuple(names) = frame.code.consts[k as usize].clone() else {
                        unreachable!("kw names")
                    };
                    let kwvals = frame.stack.split_top(names.len() as u32);
                    let args = frame.stack.split_top(n);
                    let f = frame.stack.pop();
                    let kwargs = names
                        .iter()
                        .zip(kwvals)
                        .map(|(k, v)| match k {
                            Value::Str(s) => (s.clone(), v),
                            _ => (Rc::from(""), v),
                        })
                        .collect();
                    interp::set_line(frame.line());
                    match self.invoke(&f, args, kwargs) {
                        Ok(false) => {}
                        Ok(true) => return Flow::Exit(Exit::Pending),
                        Err(e) => return Flow::Exc(e, Mode::New),
                    }
                }
                Op::CallEx(has_kw) => {
                    let kw = has_kw.then(|| frame.stack.pop());
                    let args = frame.stack.pop();
                    let f = frame.stack.pop();
                    let args = match args {
                        Value::Tuple(t) => t.to_vec(),
                        _ => Vec::new(),
                    };
                    let mut kwargs = Vec::new();
                    if let Some(Value::Dict(d)) = kw {
                        for (k, v) in d.borrow().iter() {
                            match k {
                                Value::Str(s) => kwargs.push((s.clone(), v.clone())),
                                _ => {
                                    return Flow::Exc(
                                        super::type_error("keywords must be strings"),
                                        Mode::New,
                                    )
                                }
                            }
                        }
                    }
                    interp::set_line(frame.line());
                    match self.invoke(&f, args, kwargs) {
                        Ok(false) => {}
                        Ok(true) => return Flow::Exit(Exit::Pending),
                        Err(e) => return Flow::Exc(e, Mode::New),
                    }
                }
                Op::LoadMethod(name) => {
                    let obj = frame.stack.last().expect("stack");
                    t!(call::check_method(obj, &frame.code.names[name as usize]));
                }
                Op::CallMethod(name, n) => {
                    let name = frame.code.names[name as usize].clone();
                    let args = frame.stack.split_top(n);
                    let obj = frame.stack.pop();
                    interp::set_line(frame.line());
                    let callee = t!(call::method(&obj, &name, args));
                    match self.take_callee(callee) {
                        Ok(false) => {}
                        Ok(true) => return Flow::Exit(Exit::Pending),
                        Err(e) => return Flow::Exc(e, Mode::New),
                    }
                }
                Op::MakeFunction(i, flags) => {
                    let code = frame.code.codes[i as usize].clone();
                    let closure = (flags & 4 != 0).then(|| frame.stack.pop());
                    let kwdefaults = (flags & 2 != 0).then(|| frame.stack.pop());
                    let defaults = (flags & 1 != 0).then(|| frame.stack.pop());
                    let f = call::make_function(
                        code,
                        frame.globals().clone(),
                        defaults,
                        kwdefaults,
                        closure,
                    );
                    frame.stack.push(f);
                }
                Op::BuildClass(name, n) => {
                    let Value::Str(name) = frame.code.consts[name as usize].clone() else {
                        unreachable!("class name")
                    };
                    let bases = frame.stack.split_top(n);
                    let body = frame.stack.pop();
                    let cls = t!(call::build_class(&body, name, bases));
                    self.frames.last_mut().expect("frame").stack.push(cls);
                }
                Op::ImportName(n) => {
                    let name = frame.code.names[n as usize].clone();
                    let m = t!(crate::modules::import(&name));
                    self.frames.last_mut().expect("frame").stack.push(m);
                }
                Op::ImportFrom(n) => {
                    let name = frame.code.names[n as usize].clone();
                    let m = frame.stack.last().expect("stack").clone();
                    let v = t!(crate::modules::import_from(&m, &name));
                    self.frames.last_mut().expect("frame").stack.push(v);
                }
                Op::Super => {
                    // In a comprehension, the method's: CPython 3.12+ runs a comprehension inline,
                    // in the frame of the function it is written in.
                    let at = self
                        .frames
                        .iter()
                        .rposition(|f| !f.code.is_inlined())
                        .unwrap_or(self.frames.len() - 1);
                    let v = t!(call::zero_arg_super(&self.frames[at]));
                    self.frames.last_mut().expect("frame").stack.push(v);
                }
                Op::LoadAssertionError => {
                    let cls = crate::objects::class::types().exception("AssertionError");
                    frame.stack.push(Value::Class(cls));
                }
            }
        }
    }

    /// Calls `f`: a Python function's frame is pushed here; anything else runs now. True when
    /// the thread must suspend (`asyncio.run`).
    fn invoke(
        &mut self,
        f: &Value,
        args: Vec<Value>,
        kwargs: Vec<(Rc<str>, Value)>,
    ) -> PyResult<bool> {
        let callee = call::prepare(f, args, kwargs)?;
        self.take_callee(callee)
    }

    fn take_callee(&mut self, callee: Callee) -> PyResult<bool> {
        match callee {
            Callee::Frame(frame) => self.push_frame(frame).map(|()| false),
            Callee::Done(v) => {
                self.send(v);
                Ok(false)
            }
            Callee::Suspend(fut) => {
                // `asyncio.run`: its tasks run under this call, in what this thread handles.
                let handled = self.handling();
                interp::with(|i| *i.outer_handling.borrow_mut() = handled);
                self.awaiting = Some(fut);
                Ok(true)
            }
        }
    }

    /// `raise` (0), `raise x` (1), `raise x from y` (2).
    fn raise(&mut self, n: u32) -> Flow {
        let frame = self.frames.last_mut().expect("frame");
        if n == 0 {
            return match self.handling() {
                Some(e) => Flow::Exc(e, Mode::Keep),
                None => Flow::Exc(
                    super::runtime_error("No active exception to reraise"),
                    Mode::New,
                ),
            };
        }
        let cause = (n == 2).then(|| frame.stack.pop());
        let v = frame.stack.pop();
        let e = t!(ops::exception_from(&v));
        if let Some(c) = cause {
            match c {
                Value::None => *e.cause.borrow_mut() = None,
                other => {
                    let c = t!(ops::exception_from(&other).map_err(|_| super::type_error(
                        "exception causes must derive from BaseException"
                    )));
                    *e.cause.borrow_mut() = Some(c);
                }
            }
            e.suppress_context.set(true);
        }
        Flow::Exc(e, Mode::New)
    }
}

/// An exception an awaited future (or the loop) raised into the frame: asyncio keeps it (in the
/// future, the task, its `_cancelled_exc`) and the engine holds it to the end of the run, so
/// the frames it passes through keep no locals for it ([`crate::objects::exception::release_frames`]).
fn from_future(e: Raised) -> Raised {
    e.frames_released.set(true);
    e
}

fn unbound_local(name: &str) -> Raised {
    exc(
        "UnboundLocalError",
        format!("cannot access local variable '{name}' where it is not associated with a value"),
    )
}

/// A `NameError` raised in `frame` keeps its "Did you mean" from that frame's names.
fn suggest(e: Raised, frame: &Frame) -> Raised {
    if e.is_a("NameError") {
        crate::suggestions::record_name_suggestion(&e, frame);
    }
    e
}

/// A name from the builtins, or `NameError` (a refusal for the built-ins outside the subset).
fn load_builtin(name: &Rc<str>) -> PyResult {
    if let Some(v) = interp::with(|i| i.builtins.borrow().get(name).cloned()) {
        return Ok(v);
    }
    if let Some((_, why)) = crate::builtins::REFUSED.iter().find(|(n, _)| **n == **name) {
        return Err(super::stop(*why));
    }
    Err(crate::builtins::name_error(name))
}

/// Drops the value a store replaced. A coroutine's drop may warn (it, or one its frame holds, was
/// never awaited): CPython names the line of the store, which the interpreter's line is set to
/// only then (it is kept at calls, not at every instruction).
fn dropped_at_line(old: Value, frame: &Frame) {
    if may_free_a_coroutine(&old) {
        interp::set_line(frame.line());
    }
    drop(old);
}

/// Whether dropping `v` may free a coroutine (which warns "was never awaited" at the current
/// line): it is one, or it is the last reference to an object that can hold one.
fn may_free_a_coroutine(v: &Value) -> bool {
    match v {
        Value::Coro(_) | Value::NativeCoro(_) => true,
        Value::List(l) => Rc::strong_count(l) == 1,
        Value::Tuple(t) => Rc::strong_count(t) == 1,
        Value::Dict(d) => Rc::strong_count(d) == 1,
        Value::Set(s) => Rc::strong_count(s) == 1,
        Value::Instance(i) => Rc::strong_count(i) == 1,
        Value::Iter(i) => Rc::strong_count(i) == 1,
        // A closure's cells, a bound method's object, asyncio's objects (a queue's items).
        Value::Func(f) => Rc::strong_count(f) == 1,
        Value::Method(m) => Rc::strong_count(m) == 1,
        Value::Native(n) => Rc::strong_count(n) == 1,
        Value::Cell(c) => Rc::strong_count(c) == 1,
        _ => false,
    }
}
