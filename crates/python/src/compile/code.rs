//! Code objects: the bytecode of one function, class body or module, with its constants, names,
//! slots and source positions.

use crate::objects::Value;
use crate::syntax::ast::{BinOp, CmpOp, UnaryOp};
use crate::syntax::token::Span;
use std::rc::Rc;

/// One instruction. Stack effects are written `[.. a b] → [.. c]`, top of stack last.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Op {
    Nop,
    /// `[..] → [.. consts[i]]`
    Const(u32),
    LoadFast(u32),
    StoreFast(u32),
    DeleteFast(u32),
    /// A cell slot (own captured variable, or a free variable from the closure).
    LoadDeref(u32),
    StoreDeref(u32),
    DeleteDeref(u32),
    /// Pushes the cell of a slot itself (to build a closure).
    LoadClosure(u32),
    LoadGlobal(u32),
    StoreGlobal(u32),
    DeleteGlobal(u32),
    /// Module or class namespace, then globals, then builtins.
    LoadName(u32),
    StoreName(u32),
    DeleteName(u32),
    /// `[.. obj] → [.. obj.name]`
    LoadAttr(u32),
    /// `[.. value obj] → [..]`
    StoreAttr(u32),
    DeleteAttr(u32),
    /// `[.. c i] → [.. c[i]]`
    Subscr,
    /// `[.. v c i] → [..]`
    StoreSubscr,
    DeleteSubscr,
    /// `[.. lo hi (step)] → [.. slice]`
    BuildSlice(u32),
    Binary(BinOp),
    Inplace(BinOp),
    Unary(UnaryOp),
    Compare(CmpOp),
    Pop,
    Dup,
    /// `[.. a b] → [.. a b a b]`
    Dup2,
    /// `[.. a b] → [.. b a]`
    Rot2,
    /// `[.. a b c] → [.. c a b]`
    Rot3,
    BuildTuple(u32),
    BuildList(u32),
    BuildSet(u32),
    /// A set display of constants (CPython: `BUILD_SET 0; LOAD_CONST frozenset; SET_UPDATE`).
    BuildConstSet(u32),
    /// `[.. k1 v1 .. kn vn] → [.. dict]`
    BuildMap(u32),
    /// Joins `n` strings (an f-string).
    BuildString(u32),
    /// `[.. c .. v] → [.. c ..]`: appends to the container `d` below the value.
    ListAppend(u32),
    SetAdd(u32),
    /// `[.. d .. k v] → [.. d ..]`
    MapAdd(u32),
    /// `[.. list iterable] → [.. list]`
    ListExtend,
    /// `[.. f list it] → [.. f list]`: as `ListExtend`, for the one `*` argument of a call
    /// (`f(*xs)`, CPython's `CALL_FUNCTION_EX` check): a non-iterable's error names the callee.
    StarArgs,
    SetUpdate,
    /// `{**a}`: `[.. dict mapping] → [.. dict]`
    DictUpdate,
    /// `f(**a)`: as `DictUpdate`, but a repeated key is an error.
    DictMerge,
    ListToTuple,
    UnpackSequence(u32),
    /// `a, *b, c = …`: (before, after).
    UnpackEx(u32, u32),
    /// `[.. v (spec)] → [.. str]`: conversion (0, 's', 'r', 'a') and whether a spec is on the stack.
    FormatValue(u8, bool),
    Jump(u32),
    PopJumpIfFalse(u32),
    PopJumpIfTrue(u32),
    JumpIfFalseOrPop(u32),
    JumpIfTrueOrPop(u32),
    GetIter,
    /// `[.. it] → [.. it next]`, or pops `it` and jumps when exhausted.
    ForIter(u32),
    /// Pushes a handler: an exception in what follows unwinds the stack to its depth now,
    /// pushes the exception and jumps to the target.
    SetupExcept(u32),
    PopBlock,
    /// `[.. exc] → [.. prev exc]`: `exc` is now the exception being handled.
    PushExcInfo,
    /// `[.. prev] → [..]`: `prev` is the exception being handled again.
    PopExcept,
    /// `[.. exc] → raise exc` (its traceback unchanged).
    Reraise,
    /// `[.. exc typ] → [.. exc matched]`
    CheckExcMatch,
    /// `except*` start: `[.. prev exc] → [.. prev state]` (what is left to match, what was raised).
    StarBegin,
    /// `[.. state typ] → [.. state match]`: the part of what is left that `typ` matches (`None`
    /// if nothing does), taken out of what is left.
    StarMatch,
    /// `[.. state raised] → [.. state]`: a clause's body raised (or re-raised) this.
    StarRaised,
    /// `[.. prev state] → [..]`: the exception is handled no more (`prev` is restored); what is
    /// left unmatched and what the clauses raised are raised together, if anything.
    StarEnd,
    /// 0: bare `raise`; 1: `raise x`; 2: `raise x from y`.
    Raise(u32),
    Return,
    /// A generator's `yield`: `[.. v] → (suspend) → [.. sent]`.
    Yield,
    /// `[.. awaitable] → [.. result]`
    Await,
    GetAIter,
    /// `[.. aiter] → [.. aiter awaitable]`
    GetANext,
    /// `[.. aiter exc] → [..]` if `exc` is `StopAsyncIteration`, else re-raised.
    EndAsyncFor,
    /// `[.. ctx] → [.. exit entered]`
    BeforeWith,
    /// `[.. ctx] → [.. aexit awaitable]`
    BeforeAsyncWith,
    /// `[.. exit] → [.. exit(None, None, None)]`
    WithExit,
    /// `[.. exit prev exc] → [.. exit prev exc exit(type, exc, tb)]`
    WithExceptStart,
    /// `[.. f a1 .. an] → [.. f(a1, .., an)]`
    Call(u32),
    /// `[.. f a1 .. an k1 .. km] → [..]`: `n` positional, then keywords named by the tuple constant.
    CallKw(u32, u32),
    /// `[.. f args (kwargs)] → [..]`: `f(*args, **kwargs)`.
    CallEx(bool),
    /// `[.. obj] → [.. obj]`: the `LOAD_ATTR` of a method call `obj.name(...)`, before its
    /// arguments: raises what `obj.name` raises (its `AttributeError`), located at the attribute.
    LoadMethod(u32),
    /// `[.. obj a1 .. an] → [.. obj.name(a1 .. an)]`
    CallMethod(u32, u32),
    /// Function from `codes[i]`; flags: 1 defaults tuple, 2 kw-defaults dict, 4 closure tuple.
    MakeFunction(u32, u8),
    /// `[.. body_fn b1 .. bn] → [.. class]`: name constant, base count.
    BuildClass(u32, u32),
    ImportName(u32),
    /// `[.. module] → [.. module attr]`
    ImportFrom(u32),
    /// `super()` with no arguments.
    Super,
    LoadAssertionError,
}

/// What kind of scope a code object is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CodeKind {
    Module,
    Function,
    AsyncFunction,
    Lambda,
    Class,
    /// A list, set or dict comprehension: a function CPython 3.12+ inlines (no frame of its own in
    /// tracebacks).
    Comprehension,
    /// An async comprehension (one with `await`): awaited at once where it stands.
    AsyncComprehension,
    GenExpr,
}

/// The parameters' shape, for binding arguments.
#[derive(Clone, Debug, Default)]
pub struct Signature {
    pub posonly: u32,
    /// Positional parameters (posonly included).
    pub args: u32,
    pub kwonly: u32,
    pub varargs: bool,
    pub varkw: bool,
}

pub struct Code {
    /// `co_name`, `co_qualname` and `co_firstlineno`: what a function made from it starts with
    /// (shared, not copied, by every function and coroutine made from it).
    pub def_names: Rc<crate::objects::function::Names>,
    pub kind: CodeKind,
    pub ops: Vec<Op>,
    /// The source span of each op.
    pub spans: Vec<Span>,
    pub consts: Vec<Value>,
    pub names: Vec<Rc<str>>,
    /// The code objects of the functions, lambdas, classes and comprehensions defined here.
    pub codes: Vec<Rc<Code>>,
    /// Slot names: locals first (parameters leading), then free variables.
    pub slots: Vec<Rc<str>>,
    /// How many slots are locals (the rest are free variables, filled from the closure).
    pub nlocals: u32,
    /// `co_stacksize`: the most values its stack holds at once (see `stack_size.rs`).
    pub stack_size: u32,
    /// The locals captured by inner functions (held in cells).
    pub cells: Vec<u32>,
    pub sig: Signature,
    /// The name traceback entries carry (the enclosing function's for an inlined comprehension).
    pub tb_name: Rc<str>,
    /// The function uses `super()`: its first argument and defining class are needed.
    pub uses_super: bool,
    /// The docstring (`__doc__`), if the body begins with one.
    pub doc: Option<Rc<str>>,
}

impl Code {
    pub fn is_coroutine(&self) -> bool {
        matches!(
            self.kind,
            CodeKind::AsyncFunction | CodeKind::AsyncComprehension
        )
    }

    pub fn is_inlined(&self) -> bool {
        matches!(
            self.kind,
            CodeKind::Comprehension | CodeKind::AsyncComprehension
        )
    }

    pub fn line_at(&self, pc: usize) -> u32 {
        self.spans
            .get(pc)
            .map_or(self.def_names.first_line, |s| s.start.line)
    }
}

impl Code {
    /// A listing of the code and the code it defines, for debugging.
    pub fn dis(&self) -> String {
        let mut out = format!(
            "== {} ({:?}) slots={:?} nlocals={} cells={:?}\n",
            self.def_names.qualname, self.kind, self.slots, self.nlocals, self.cells
        );
        for (i, op) in self.ops.iter().enumerate() {
            out += &format!("{i:4} L{:<3} {op:?}\n", self.line_at(i));
        }
        for c in &self.codes {
            out += &c.dis();
        }
        out
    }
}
