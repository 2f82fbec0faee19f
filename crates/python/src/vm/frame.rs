//! Frames: one activation of a code object (its slots, value stack, handler blocks), and binding
//! a call's arguments to its parameters.

use super::{type_error, PyResult};
use crate::compile::code::Code;
use crate::objects::exception::FrameLocals;
use crate::objects::function::Globals;
use crate::objects::{Function, Raised, Value};
use crate::vm::coroutine::Coroutine;
use crate::vm::stack::Stack;
use std::cell::RefCell;
use std::rc::Rc;

/// What happens with a frame's result when it returns, and what kind of call it is.
#[derive(Clone)]
pub enum Ret {
    /// Pushed on the frame below (a call, or an awaited coroutine's frame).
    Push,
    /// A constructor's `__init__` or a class body (boxed: every frame holds a `Ret`, few hold
    /// this one, and a thin pointer keeps it one word).
    Special(Box<Special>),
}

/// The frames whose return is not a plain call's.
#[derive(Clone)]
pub enum Special {
    /// An `__init__`: it must return `None`; the new instance is pushed instead.
    Init(Value),
    /// A class body, whose names go to the class's namespace; it returns like a call.
    Class(Namespace),
    /// The module's code, with the module's globals (a function's frame reads them from its
    /// function); it returns like a call.
    Module(Rc<Globals>),
}

/// A class body's namespace: its names in definition order.
pub type Namespace = Rc<RefCell<Vec<(Rc<str>, Value)>>>;

/// A frame's part in exceptions, made when it first sets up a handler, handles an exception or
/// has a traceback keep its locals (boxed: a pending coroutine that did none of these, as most
/// are, pays one pointer).
#[derive(Default)]
pub struct ExcState {
    /// Handlers set up: (target, stack depth), innermost last.
    blocks: Vec<(u32, u32)>,
    /// The exception being handled here (`sys.exc_info()`), for context chaining and bare `raise`.
    handling: Option<Raised>,
    /// Where the tracebacks that passed through this frame keep its locals once it ends
    /// (`tb_frame`): made when the first one does.
    tb_locals: Option<Rc<FrameLocals>>,
}

pub struct Frame {
    pub code: Rc<Code>,
    /// The slots (locals, parameters first, then free variables) and, above them, the value
    /// stack: one allocation.
    pub stack: Stack,
    /// Handlers, the exception being handled, the locals tracebacks keep: `None` until needed.
    exc: Option<Box<ExcState>>,
    /// The function this frame runs (for `super()`, and its globals), `None` for the module's
    /// code (whose `ret` holds the globals: [`Special::Module`]).
    pub func: Option<Rc<Function>>,
    /// The coroutine whose frame this is, when it was awaited (it is done when this returns).
    pub coro: Option<Rc<Coroutine>>,
    pub ret: Ret,
}

// A pending coroutine holds one frame: the size is kept, not just stated (README, memory).
#[cfg(target_pointer_width = "64")]
const _: () = assert!(std::mem::size_of::<Frame>() == 72);

impl Drop for Frame {
    /// A frame some traceback still refers to gives it its locals, which live on with that
    /// traceback (CPython's frame object takes them over when the frame ends): a task held
    /// only by a failed coroutine's variable goes when the exception does, not before.
    fn drop(&mut self) {
        if let Some(cell) = self.exc.as_mut().and_then(|x| x.tb_locals.take()) {
            if Rc::strong_count(&cell) > 1 {
                *cell.borrow_mut() = self.stack.take_slots();
                crate::vm::teardown::track(&cell);
            }
        }
    }
}

impl Frame {
    /// What the frame counts against the recursion limit: 1, or 2 for an `__init__` that a
    /// class call runs (CPython 3.13 runs it under a shim frame, `_Py_InitCleanup`, so a
    /// constructor recursing through `__init__` stops at about half the depth).
    pub fn depth_cost(&self) -> u32 {
        match &self.ret {
            Ret::Special(s) if matches!(**s, Special::Init(_)) => 2,
            _ => 1,
        }
    }

    /// A class body's namespace.
    pub fn namespace(&self) -> Option<&Namespace> {
        match &self.ret {
            Ret::Special(s) => match &**s {
                Special::Class(ns) => Some(ns),
                Special::Init(_) | Special::Module(_) => None,
            },
            _ => None,
        }
    }

    fn exc_mut(&mut self) -> &mut ExcState {
        self.exc.get_or_insert_with(Default::default)
    }

    /// Sets up a handler at `target`, for the stack `depth` deep.
    pub fn push_block(&mut self, target: u32, depth: u32) {
        self.exc_mut().blocks.push((target, depth));
    }

    /// Removes the innermost handler.
    pub fn pop_block(&mut self) -> Option<(u32, u32)> {
        self.exc.as_mut()?.blocks.pop()
    }

    /// The innermost handler: (target, stack depth).
    pub fn innermost_block(&self) -> Option<(u32, u32)> {
        self.exc.as_ref()?.blocks.last().copied()
    }

    /// The exception being handled here.
    pub fn handling(&self) -> Option<&Raised> {
        self.exc.as_ref()?.handling.as_ref()
    }

    /// Sets the exception being handled here, giving back the one before.
    pub fn replace_handling(&mut self, handling: Option<Raised>) -> Option<Raised> {
        match (&mut self.exc, handling) {
            (None, None) => None,
            (_, h) => std::mem::replace(&mut self.exc_mut().handling, h),
        }
    }

    /// The cell a traceback passing through keeps this frame's locals in (made the first time).
    pub fn tb_locals(&mut self) -> Rc<FrameLocals> {
        self.exc_mut()
            .tb_locals
            .get_or_insert_with(Default::default)
            .clone()
    }

    /// Locals (parameters first), then free variables.
    pub fn slots(&self) -> &[Value] {
        self.stack.slots()
    }

    pub fn slots_mut(&mut self) -> &mut [Value] {
        self.stack.slots_mut()
    }

    /// A frame for module code.
    pub fn module(code: Rc<Code>, globals: Rc<Globals>) -> Frame {
        let stack = Stack::new(new_slots(&code), code.stack_size);
        Frame {
            code,
            stack,
            exc: None,
            func: None,
            coro: None,
            ret: Ret::Special(Box::new(Special::Module(globals))),
        }
    }

    /// A frame for calling `func` with these arguments (bound to its parameters).
    ///
    /// # Errors
    /// `TypeError` for arguments that do not fit, with CPython's message.
    pub fn call(
        func: &Rc<Function>,
        args: Vec<Value>,
        kwargs: Vec<(Rc<str>, Value)>,
    ) -> PyResult<Frame> {
        let code = func.code.clone();
        let mut slots = bind(func, args, kwargs)?;
        for &c in &code.cells {
            let v = std::mem::replace(&mut slots[c as usize], Value::Unbound);
            let cell = Rc::new(RefCell::new(v));
            crate::vm::teardown::track(&cell);
            slots[c as usize] = Value::Cell(cell);
        }
        for (i, cell) in func.closure.iter().enumerate() {
            slots[code.nlocals as usize + i] = Value::Cell(cell.clone());
        }
        let stack = Stack::new(slots, code.stack_size);
        Ok(Frame {
            code,
            stack,
            exc: None,
            func: Some(func.clone()),
            coro: None,
            ret: Ret::Push,
        })
    }

    /// The globals the frame's code runs with: its function's, or the module's.
    pub fn globals(&self) -> &Rc<Globals> {
        let module = || match &self.ret {
            Ret::Special(s) => match &**s {
                Special::Module(globals) => Some(globals),
                _ => None,
            },
            Ret::Push => None,
        };
        self.func
            .as_ref()
            .map(|func| &func.globals)
            .or_else(module)
            .expect("a frame without a function is the module's (Frame::module)")
    }

    pub fn line(&self) -> u32 {
        self.code.line_at(self.stack.pc.saturating_sub(1) as usize)
    }
}

/// A frame's slots, all unbound, in a vector with room for its stack above them.
fn new_slots(code: &Code) -> Vec<Value> {
    let mut slots = Vec::with_capacity(room(code));
    slots.resize(code.slots.len(), Value::Unbound);
    slots
}

/// The values a frame of `code` holds: its slots and its value stack.
pub fn room(code: &Code) -> usize {
    code.slots.len() + code.stack_size as usize
}

/// `f() takes 2 positional arguments but 3 were given`, and friends.
fn arg_error(func: &Function, msg: String) -> Raised {
    type_error(format!("{}() {msg}", func.qualname()))
}

fn plural(n: usize, what: &str) -> String {
    if n == 1 {
        format!("{n} {what}")
    } else {
        format!("{n} {what}s")
    }
}

/// Binds arguments to parameters: the slots of a new frame (locals first, then free variables).
fn bind(
    func: &Function,
    mut args: Vec<Value>,
    kwargs: Vec<(Rc<str>, Value)>,
) -> PyResult<Vec<Value>> {
    let code = &func.code;
    let sig = &code.sig;
    let nargs = sig.args as usize;
    // Fast path: exactly the positional parameters, which are the first slots. The arguments'
    // vector becomes the frame's when it has exactly the room (`Stack::split_top_with_room`;
    // a method's, with `self` put in front, has twice its size and would hold it while the
    // coroutine waits).
    if kwargs.is_empty() && args.len() == nargs && !sig.varargs && !sig.varkw && sig.kwonly == 0 {
        if args.capacity() == room(code) {
            args.resize(code.slots.len(), Value::Unbound);
            return Ok(args);
        }
        let mut slots = new_slots(code);
        for (slot, v) in slots.iter_mut().zip(args) {
            *slot = v;
        }
        return Ok(slots);
    }
    let mut slots = new_slots(code);
    let given = args.len();
    let mut extra = Vec::new();
    if given > nargs {
        if !sig.varargs {
            let ndefaults = func.defaults.len();
            let takes = if ndefaults > 0 {
                format!(
                    "from {} to {} positional arguments",
                    nargs - ndefaults,
                    nargs
                )
            } else {
                plural(nargs, "positional argument")
            };
            let kw_given = kwargs
                .iter()
                .filter(|(k, _)| code.slots[nargs..nargs + sig.kwonly as usize].contains(k))
                .count();
            let were = if given == 1 { "was" } else { "were" };
            let msg = if kw_given > 0 {
                format!(
                    "takes {takes} but {} (and {}) {were} given",
                    plural(given, "positional argument"),
                    plural(kw_given, "keyword-only argument")
                )
            } else {
                format!("takes {takes} but {given} {were} given")
            };
            return Err(arg_error(func, msg));
        }
        extra = args.split_off(nargs);
    }
    for (i, v) in args.into_iter().enumerate() {
        slots[i] = v;
    }
    let kwonly_end = nargs + sig.kwonly as usize;
    let varargs_slot = sig.varargs.then_some(kwonly_end);
    let varkw_slot = sig.varkw.then(|| kwonly_end + sig.varargs as usize);
    let mut extra_kw: Vec<(Value, Value)> = Vec::new();
    for (k, v) in kwargs {
        let pos = code.slots[..kwonly_end].iter().position(|n| *n == k);
        match pos {
            Some(i) if i < sig.posonly as usize => {
                if sig.varkw {
                    extra_kw.push((Value::Str(k), v));
                    continue;
                }
                return Err(arg_error(
                    func,
                    format!(
                        "got some positional-only arguments passed as keyword arguments: '{k}'"
                    ),
                ));
            }
            Some(i) => {
                if !matches!(slots[i], Value::Unbound) {
                    return Err(arg_error(
                        func,
                        format!("got multiple values for argument '{k}'"),
                    ));
                }
                slots[i] = v;
            }
            None if sig.varkw => extra_kw.push((Value::Str(k), v)),
            None => {
                // Python 3.13 suggests a parameter that may be passed by keyword (`initialize_locals`).
                let names = code.slots[sig.posonly as usize..kwonly_end].iter();
                return Err(arg_error(
                    func,
                    crate::suggestions::unexpected_keyword(&k, names.map(|n| &**n)),
                ));
            }
        }
    }
    // Defaults for the missing positional parameters.
    let ndefaults = func.defaults.len();
    let first_default = nargs - ndefaults;
    let mut missing = Vec::new();
    for (i, slot) in slots.iter_mut().enumerate().take(nargs) {
        if matches!(slot, Value::Unbound) {
            if i >= first_default {
                *slot = func.defaults[i - first_default].clone();
            } else {
                missing.push(code.slots[i].clone());
            }
        }
    }
    if !missing.is_empty() {
        return Err(arg_error(func, missing_message(&missing, "positional")));
    }
    let mut missing_kw = Vec::new();
    for (i, slot) in slots.iter_mut().enumerate().take(kwonly_end).skip(nargs) {
        if matches!(slot, Value::Unbound) {
            match func.kwdefaults.iter().find(|(k, _)| *k == code.slots[i]) {
                Some((_, v)) => *slot = v.clone(),
                None => missing_kw.push(code.slots[i].clone()),
            }
        }
    }
    if !missing_kw.is_empty() {
        return Err(arg_error(
            func,
            missing_message(&missing_kw, "keyword-only"),
        ));
    }
    if let Some(s) = varargs_slot {
        slots[s] = Value::tuple(extra);
    }
    if let Some(s) = varkw_slot {
        let mut d = crate::objects::Dict::default();
        for (k, v) in extra_kw {
            d.insert(k, v)?;
        }
        slots[s] = Value::Dict(Rc::new(RefCell::new(d)));
    }
    Ok(slots)
}

/// The arity check of a Python-level function the playground implements natively (asyncio's
/// `def wait(fs, *, timeout=None, ...)`), in CPython's words: `given` positional arguments
/// against `min..=max` positional parameters, of which `names` are the required ones.
///
/// # Errors
/// `wait() takes 1 positional argument but 2 were given`, or `wait_for() missing 2 required
/// positional arguments: 'fut' and 'timeout'` (for the required ones not given, by position or
/// by keyword: `given_by_keyword`).
pub fn check_positional(
    qualname: &str,
    names: &[&str],
    max: usize,
    given: usize,
    given_by_keyword: &[bool],
) -> PyResult<()> {
    if given > max {
        return Err(too_many(qualname, names.len(), max, given));
    }
    let missing: Vec<Rc<str>> = names
        .iter()
        .enumerate()
        .skip(given)
        .filter(|&(i, _)| !given_by_keyword.get(i).copied().unwrap_or(false))
        .map(|(_, n)| Rc::from(*n))
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    Err(type_error(format!(
        "{qualname}() {}",
        missing_message(&missing, "positional")
    )))
}

/// Keyword arguments, in the order given.
pub type Keywords = Vec<(Rc<str>, Value)>;

/// Binds the positional parameters `params` of a Python-level function the playground
/// implements natively (`random.randint(a, b)`, `asyncio.create_task(coro, ...)`), as CPython
/// binds a Python function: positional arguments first, then keyword arguments naming the
/// parameters still unfilled (`randint(a=1, b=6)`). Returns the positional values and the
/// keyword arguments for its keyword-only parameters `keyword_only`. `method`: a method (its
/// messages count `self`).
///
/// # Errors
/// `takes 3 positional arguments but 4 were given`, `got multiple values for argument 'a'`,
/// `got an unexpected keyword argument 'c'`, `missing 1 required positional argument: 'b'`
/// (the first `required` parameters are), in CPython's order.
pub fn bind_positional(
    qualname: &str,
    params: &[&str],
    required: usize,
    method: bool,
    keyword_only: &[&str],
    mut args: Vec<Value>,
    kwargs: Vec<(Rc<str>, Value)>,
) -> PyResult<(Vec<Value>, Keywords)> {
    let given = args.len();
    if given > params.len() {
        let own = usize::from(method);
        return Err(too_many(
            qualname,
            required + own,
            params.len() + own,
            given + own,
        ));
    }
    let mut by_keyword: Vec<Option<Value>> = vec![None; params.len()];
    let mut rest = Vec::new();
    for (k, v) in kwargs {
        match params.iter().position(|p| **p == *k) {
            Some(i) if i < given => {
                return Err(type_error(format!(
                    "{qualname}() got multiple values for argument '{k}'"
                )))
            }
            Some(i) => by_keyword[i] = Some(v),
            None if keyword_only.contains(&&*k) => rest.push((k, v)),
            None => {
                let known = params.iter().chain(keyword_only).copied();
                return Err(type_error(format!(
                    "{qualname}() {}",
                    crate::suggestions::unexpected_keyword(&k, known)
                )));
            }
        }
    }
    let given_by_keyword: Vec<bool> = by_keyword.iter().map(Option::is_some).collect();
    check_positional(
        qualname,
        &params[..required],
        params.len(),
        given,
        &given_by_keyword,
    )?;
    // The parameters given by keyword, in order, up to the last one given (the functions bound
    // here give their optional ones no defaults the callers would need to see).
    let last = by_keyword.iter().rposition(Option::is_some);
    if let Some(last) = last {
        for slot in by_keyword.into_iter().take(last + 1).skip(given) {
            args.push(slot.unwrap_or(Value::None));
        }
    }
    Ok((args, rest))
}

/// As [`check_positional`], for a method (`BaseEventLoop.call_at`): `self` counts among the
/// positional arguments a message says were given, not among the missing ones. `max` is
/// `None` for a method taking `*args`.
///
/// # Errors
/// As [`check_positional`].
pub fn check_method_positional(
    qualname: &str,
    names: &[&str],
    max: Option<usize>,
    given: usize,
) -> PyResult<()> {
    match max {
        Some(max) if given > max => Err(too_many(qualname, names.len() + 1, max + 1, given + 1)),
        _ => check_positional(qualname, names, usize::MAX, given, &[]),
    }
}

/// A method CPython writes in Python that takes only `self` (`Queue.qsize`): its TypeError
/// for any argument given.
///
/// # Errors
/// `Queue.qsize() takes 1 positional argument but 2 were given`, or `… got an unexpected
/// keyword argument 'x'`.
pub fn no_arguments(qualname: &str, args: &[Value], kwargs: &[(Rc<str>, Value)]) -> PyResult<()> {
    if let Some((k, _)) = kwargs.first() {
        return Err(type_error(format!(
            "{qualname}() got an unexpected keyword argument '{k}'"
        )));
    }
    if !args.is_empty() {
        return Err(too_many(qualname, 1, 1, args.len() + 1));
    }
    Ok(())
}

/// A function or method CPython writes in C that takes no arguments (`Task.get_name`,
/// `time.time`): its TypeError for any argument given.
///
/// # Errors
/// `Task.get_name() takes no arguments (1 given)`, or `… takes no keyword arguments`.
pub fn no_arguments_c(qualname: &str, args: &[Value], kwargs: &[(Rc<str>, Value)]) -> PyResult<()> {
    if !kwargs.is_empty() {
        return Err(type_error(format!(
            "{qualname}() takes no keyword arguments"
        )));
    }
    if !args.is_empty() {
        return Err(type_error(format!(
            "{qualname}() takes no arguments ({} given)",
            args.len()
        )));
    }
    Ok(())
}

/// `f() takes from 1 to 2 positional arguments but 3 were given`.
pub fn too_many(qualname: &str, min: usize, max: usize, given: usize) -> Raised {
    let takes = if max > min {
        format!("from {min} to {max} positional arguments")
    } else {
        plural(max, "positional argument")
    };
    let were = if given == 1 { "was" } else { "were" };
    type_error(format!(
        "{qualname}() takes {takes} but {given} {were} given"
    ))
}

/// `missing 2 required positional arguments: 'a' and 'b'`.
fn missing_message(names: &[Rc<str>], kind: &str) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
    let list = match quoted.len() {
        1 => quoted[0].clone(),
        2 => format!("{} and {}", quoted[0], quoted[1]),
        n => format!("{}, and {}", quoted[..n - 1].join(", "), quoted[n - 1]),
    };
    let what = if names.len() == 1 {
        "argument"
    } else {
        "arguments"
    };
    format!("missing {} required {kind} {what}: {list}", names.len())
}
