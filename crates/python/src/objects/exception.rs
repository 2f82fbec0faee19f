//! Exception objects: class, `args`, attributes, cause/context, traceback.

use super::class::{types, Class};
use super::Value;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// An exception group's message and members.
pub type Group = (Rc<str>, Rc<[Rc<ExcObj>]>);

/// One traceback entry (`tb_frame`, `tb_lineno`), newest last along `next`. An entry of line 0
/// stands for asyncio's own frames (its Python code in CPython), printed as one `...` line.
pub struct Tb {
    /// The function's name (`<module>` for the top level).
    pub name: Rc<str>,
    pub line: u32,
    /// The span of the expression that failed, for the carets (start col, end line - line,
    /// end col).
    pub cols: (u32, u32, u32),
    /// The frame's locals (`tb_frame.f_locals`): empty while the frame runs; given to the
    /// traceback when the frame ends, and alive as long as some traceback refers to them.
    pub locals: Option<Rc<FrameLocals>>,
    pub next: Option<Rc<Tb>>,
}

/// The locals of a frame that a traceback refers to, once the frame has ended (CPython's frame
/// object owning them: they are freed with the last traceback that refers to the frame).
pub type FrameLocals = RefCell<Vec<Value>>;

impl Tb {
    /// Whether this entry stands for asyncio's own frames.
    pub fn is_asyncio(&self) -> bool {
        self.line == 0
    }

    /// The entries, outermost first.
    pub fn entries(tb: &Option<Rc<Tb>>) -> Vec<Rc<Tb>> {
        let mut out = Vec::new();
        let mut cur = tb.clone();
        while let Some(node) = cur {
            cur = node.next.clone();
            out.push(node);
        }
        out
    }
}

/// Frees the locals that the tracebacks of `e` (and of its cause, context and group members)
/// keep of ended frames, as freeing `e` would: for an exception the program can no longer reach
/// but something of the playground still holds (the program's uncaught exception, kept for its
/// outcome).
pub fn release_frames(e: &Rc<ExcObj>) {
    let mut seen: Vec<*const ExcObj> = Vec::new();
    let mut todo = vec![e.clone()];
    let mut freed: Vec<Vec<Value>> = Vec::new();
    while let Some(x) = todo.pop() {
        if seen.contains(&Rc::as_ptr(&x)) {
            continue;
        }
        seen.push(Rc::as_ptr(&x));
        x.frames_released.set(true);
        for entry in Tb::entries(&x.traceback.borrow()) {
            if let Some(cell) = &entry.locals {
                freed.push(std::mem::take(&mut *cell.borrow_mut()));
            }
        }
        todo.extend(x.cause.borrow().iter().cloned());
        todo.extend(x.context.borrow().iter().cloned());
        if let Some((_, members)) = &x.group {
            todo.extend(members.iter().cloned());
        }
    }
    // Outermost frame first, as the frames a traceback holds go when it is freed.
    drop(freed);
}

/// An exception instance (of a built-in exception class or a program's subclass).
pub struct ExcObj {
    pub class: Rc<Class>,
    pub args: RefCell<Rc<[Value]>>,
    /// Attributes a program's subclass sets (`self.code = code`), and `__notes__`.
    pub attrs: RefCell<Vec<(Rc<str>, Value)>>,
    pub cause: RefCell<Option<Rc<ExcObj>>>,
    pub context: RefCell<Option<Rc<ExcObj>>>,
    pub suppress_context: Cell<bool>,
    /// Its tracebacks let go of the locals they kept ([`release_frames`]), and keep none of
    /// the frames it passes through from then on (the engine holds it to the end of the run).
    pub frames_released: Cell<bool>,
    pub traceback: RefCell<Option<Rc<Tb>>>,
    /// For exception groups: the members (`exceptions`), and the message (`message`).
    pub group: Option<Group>,
}

/// A raised exception, as it travels through frames and futures.
pub type Raised = Rc<ExcObj>;

impl ExcObj {
    pub fn new(class: Rc<Class>, args: Vec<Value>) -> Rc<ExcObj> {
        Rc::new(ExcObj {
            class,
            args: RefCell::new(Rc::from(args)),
            attrs: RefCell::new(Vec::new()),
            cause: RefCell::new(None),
            context: RefCell::new(None),
            suppress_context: Cell::new(false),
            frames_released: Cell::new(false),
            traceback: RefCell::new(None),
            group: None,
        })
    }

    /// A copy of the exception with its arguments, attributes and group but no chain or
    /// traceback: what its `str()` is read from where only the text is wanted.
    pub fn unchained(&self) -> Rc<ExcObj> {
        Rc::new(ExcObj {
            class: self.class.clone(),
            args: RefCell::new(self.args()),
            attrs: RefCell::new(self.attrs.borrow().clone()),
            cause: RefCell::new(None),
            context: RefCell::new(None),
            suppress_context: Cell::new(false),
            frames_released: Cell::new(false),
            traceback: RefCell::new(None),
            group: self.group.clone(),
        })
    }

    /// A group (`BaseExceptionGroup(message, exceptions)`), of `class`.
    pub fn group(
        class: Rc<Class>,
        message: Rc<str>,
        members: Vec<Rc<ExcObj>>,
        args: Vec<Value>,
    ) -> Rc<ExcObj> {
        Rc::new(ExcObj {
            class,
            args: RefCell::new(Rc::from(args)),
            attrs: RefCell::new(Vec::new()),
            cause: RefCell::new(None),
            context: RefCell::new(None),
            suppress_context: Cell::new(false),
            frames_released: Cell::new(false),
            traceback: RefCell::new(None),
            group: Some((message, Rc::from(members))),
        })
    }

    /// A built-in exception by class name with a message (`ValueError('bad')`).
    pub fn builtin(name: &str, message: Option<String>) -> Rc<ExcObj> {
        let args = message.map(|m| vec![Value::string(m)]).unwrap_or_default();
        ExcObj::new(types().exception(name), args)
    }

    pub fn is_instance(&self, class: &Rc<Class>) -> bool {
        self.class.is_subclass(class)
    }

    /// `isinstance(self, <built-in class name>)`.
    pub fn is_a(&self, name: &str) -> bool {
        self.class
            .mro
            .borrow()
            .iter()
            .any(|c| &*c.name == name && c.tag == super::class::Tag::Exception)
    }

    pub fn is_cancelled(&self) -> bool {
        self.is_a("CancelledError")
    }

    pub fn is_stop(&self) -> bool {
        self.is_a("PlaygroundStop")
    }

    pub fn args(&self) -> Rc<[Value]> {
        self.args.borrow().clone()
    }

    pub fn get_attr(&self, name: &str) -> Option<Value> {
        self.attrs
            .borrow()
            .iter()
            .find(|(k, _)| &**k == name)
            .map(|(_, v)| v.clone())
    }

    pub fn set_attr(&self, name: Rc<str>, value: Value) {
        let mut a = self.attrs.borrow_mut();
        match a.iter_mut().find(|(k, _)| *k == name) {
            Some(slot) => slot.1 = value,
            None => a.push((name, value)),
        }
    }

    /// Adds a traceback entry for a frame the exception is leaving (prepended: outermost first).
    pub fn push_frame(
        &self,
        name: Rc<str>,
        line: u32,
        cols: (u32, u32, u32),
        locals: Option<Rc<FrameLocals>>,
    ) {
        let next = self.traceback.borrow_mut().take();
        *self.traceback.borrow_mut() = Some(Rc::new(Tb {
            name,
            line,
            cols,
            locals,
            next,
        }));
    }

    /// An error in binding a call's arguments (`f() missing 1 required positional argument`),
    /// raised before the callee's body runs: no frame of the callee is in its traceback.
    pub fn is_argument_error(&self) -> bool {
        const BINDING: [&str; 5] = [
            "() missing ",
            "() takes ",
            "() got an unexpected keyword argument ",
            "() got multiple values for argument ",
            "() got some positional-only arguments ",
        ];
        &*self.class.name == "TypeError"
            && matches!(&*self.args(), [Value::Str(m)] if BINDING.iter().any(|b| m.contains(b)))
    }

    /// An error raised in the body of one of asyncio's functions that CPython writes in Python
    /// (`Lib/asyncio`): it comes up through that function's frame, shown as `...`.
    pub fn raised_in_asyncio(&self) {
        if !self.is_argument_error() {
            self.mark_asyncio();
        }
    }

    /// As [`ExcObj::raised_in_asyncio`], for a call whose arguments were `args`: that function's
    /// frame (the `...` entry) holds them as its locals, so what they alone keep alive (a
    /// coroutine passed to `asyncio.run` inside a running loop) goes when the exception does.
    pub fn raised_in_asyncio_holding(&self, args: Vec<Value>) {
        if self.is_argument_error() {
            return;
        }
        self.mark_asyncio();
        if self.frames_released.get() || args.is_empty() {
            return;
        }
        let head = self.traceback.borrow().clone();
        if let Some(head) = head.filter(|h| h.is_asyncio() && h.locals.is_none()) {
            let locals: Rc<FrameLocals> = Rc::new(RefCell::new(args));
            crate::vm::teardown::track(&locals);
            *self.traceback.borrow_mut() = Some(Rc::new(Tb {
                name: head.name.clone(),
                line: head.line,
                cols: head.cols,
                locals: Some(locals),
                next: head.next.clone(),
            }));
        }
    }

    /// The exception came up through asyncio's own frames (a coroutine of `Lib/asyncio`, or
    /// `asyncio.run`'s): the traceback shows `...` there, between the frames it passed so far and
    /// the ones it passes next.
    pub fn mark_asyncio(&self) {
        if self
            .traceback
            .borrow()
            .as_ref()
            .is_some_and(|head| head.is_asyncio())
        {
            return;
        }
        self.push_frame(Rc::from(""), 0, (0, 0, 0), None);
    }

    /// Sets `__context__` to `ctx` unless that would make a cycle (as CPython's `_PyErr_SetObject`).
    pub fn chain_context(self: &Rc<Self>, ctx: &Rc<ExcObj>) {
        if Rc::ptr_eq(self, ctx) {
            return;
        }
        // Break a cycle: if `self` is somewhere in ctx's context chain, cut it there.
        let mut o = ctx.clone();
        loop {
            let next = o.context.borrow().clone();
            match next {
                Some(n) if Rc::ptr_eq(&n, self) => {
                    *o.context.borrow_mut() = None;
                    break;
                }
                Some(n) => o = n,
                None => break,
            }
        }
        *self.context.borrow_mut() = Some(ctx.clone());
    }
}
