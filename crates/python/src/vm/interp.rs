//! The interpreter's state for the program being run (one per thread): its output, its clock,
//! its limits, the `random` state and the task-name counter.

use crate::host::Py;
use crate::objects::Value;
use asyncio_playground_engine::fast_hash::FastMap;
use asyncio_playground_engine::{Api, Micros, Run, TaskName};
use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// CPython's default recursion limit.
pub const RECURSION_LIMIT: u32 = 1000;
/// How much native stack Python code may use by default ([`enter_thread`]): a test thread
/// has 2 MiB; the page's wasm stack is 8 MiB (`.cargo/config.toml`). The CLI runs programs on a
/// thread of their own with room for CPython's whole recursion limit
/// ([`crate::program::PROGRAM_THREAD_STACK`]).
#[cfg(not(target_arch = "wasm32"))]
pub const DEFAULT_NATIVE_STACK: usize = 1 << 20;
#[cfg(target_arch = "wasm32")]
pub const DEFAULT_NATIVE_STACK: usize = 7 << 20;
/// How many threads of Python code may run one inside another's native call. In the page the
/// browser's own stack (the machine stack under wasm's frames) is the tighter limit: Chromium
/// ran 400 levels of a sort's key calling `sorted` again, and not 700.
#[cfg(target_arch = "wasm32")]
pub const MAX_NESTED_THREADS: u32 = 250;
/// Natively the stack budget decides (and the recursion limit comes before this).
#[cfg(not(target_arch = "wasm32"))]
pub const MAX_NESTED_THREADS: u32 = 2 * RECURSION_LIMIT;
/// The run's stop when Python code called from native code nests deeper than the native stack
/// allows (CPython would go on to its recursion limit).
pub const NATIVE_STACK_LIMIT: &str = "the program nests calls through built-in functions (a sort's key, map, a __str__ or __repr__) deeper than the playground's stack allows";
/// The frames CPython has on the stack under a task's step (`asyncio.run`, `Runner.run`,
/// `run_until_complete`, `run_forever`, `_run_once`, `Handle._run`, and the module's own frame),
/// which count against the limit.
pub const FRAMES_UNDER_A_TASK: u32 = 7;
/// A single step of a task may run this many instructions before it counts as blocking the loop.
pub const STEP_OPS_LIMIT: u64 = 10_000_000;
/// At most this many tasks alive at once besides main.
pub const TASK_LIMIT: usize = 100_000;

/// The program's printed output: completed lines with the time each was completed.
#[derive(Default)]
pub struct Output {
    pub lines: Vec<String>,
    pub times: Vec<Micros>,
    /// The current line, not yet ended by a newline.
    pub partial: String,
    /// When the partial line was last written to.
    pub partial_time: Micros,
}

/// One line of what the program wrote to stderr (warnings, logged errors, the traceback).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ErrLine {
    pub text: String,
    pub at: Micros,
}

/// One `asyncio.run`: the engine's run and the loop its Python objects belong to.
pub type RunEntry = (Rc<RefCell<Run<Py>>>, Rc<crate::modules::asyncio::Loop>);

pub struct Interp {
    pub filename: RefCell<Rc<str>>,
    pub source: RefCell<Rc<str>>,
    pub out: RefCell<Output>,
    pub err: RefCell<Vec<ErrLine>>,
    /// The program's time when no loop runs (a loop keeps its own while it runs).
    pub clock: Cell<Micros>,
    /// `Task-N`: the last N handed out.
    pub task_counter: Cell<u32>,
    /// Python frames active on every stack (the recursion limit).
    pub depth: Cell<u32>,
    /// The line the running task's own coroutine frame is at while it calls deeper frames
    /// (`cr_frame.f_lineno`); 0 while that frame is the one running.
    pub task_frame_line: Cell<u32>,
    /// Instructions run in the current step (the blocking limit).
    pub ops: Cell<u64>,
    /// Why the run was stopped (a refusal or a limit), if it was.
    pub stop: RefCell<Option<String>>,
    pub random: RefCell<crate::modules::random::Random>,
    /// Whether the program seeded `random` itself.
    pub seeded: Cell<bool>,
    pub builtins: RefCell<FastMap<Rc<str>, Value>>,
    pub modules: RefCell<FastMap<&'static str, Value>>,
    /// The source line being run (what the trace records for awaits and task creation).
    pub line: Cell<u32>,
    pub record_trace: Cell<bool>,
    /// The exception being handled where the running `asyncio.run` was called, if any.
    pub outer_handling: RefCell<Option<crate::objects::Raised>>,
    /// Every `asyncio.run` of the program, in order (finished or running), with its loop.
    pub runs: RefCell<Vec<RunEntry>>,
    /// The virtual-time limit (µs).
    pub max_time: Cell<Micros>,
    /// Where the native stack stood when the outermost thread of Python code began to run, and
    /// how far below it Python code called from native code may start ([`enter_thread`]).
    pub stack_base: Cell<usize>,
    pub stack_budget: Cell<usize>,
    /// How many threads of Python code are running, one inside the other's native call.
    pub threads: Cell<u32>,
    /// [`crate::memory::live_bytes`] when the program started: the limit counts from there.
    pub memory_base: Cell<isize>,
    /// The functions whose frame ends are recorded (see [`FrameEnd`]); empty for most runs.
    pub watch: RefCell<Vec<Rc<str>>>,
    /// The ends of the watched functions' frames, in order.
    pub frame_ends: RefCell<Vec<FrameEnd>>,
    /// Unretrieved-exception logs held back until the program's own traceback is printed.
    pub deferred_logs: RefCell<Vec<crate::host::LateLog>>,
    /// The program has ended and its module's globals are going, as at interpreter exit: the
    /// `logging` module the loop logs through is gone by then (CPython prints "--- Logging error
    /// ---" for a task freed now), so tasks and futures freed now log nothing; warnings still print.
    pub exiting: Cell<bool>,
    /// The exceptions `asyncio.run`'s main tasks failed with: the frames they passed through
    /// keep their locals until the program ends (the traceback of the exception `asyncio.run`
    /// raises holds them, and the main task with them).
    pub main_exceptions: RefCell<Vec<crate::objects::Raised>>,
    /// The objects that can close a reference cycle, emptied when the state goes.
    pub tracked: RefCell<crate::vm::teardown::Tracked>,
    /// The warnings printed so far, by their first line (file, line and text): as the warnings
    /// module's registry, a warning is printed once per location.
    pub warned: RefCell<std::collections::HashSet<String>>,
}

/// How a frame of a watched function ended: what a driver reads off a run beyond its outcome
/// (a scenario reads `work(i)`'s ends and the names `main` had bound when it returned).
///
/// It holds no object of the program: its locals are read into [`Local`]s as the frame ends.
/// Holding them would keep tasks alive past the point where CPython frees them, and so change
/// what CPython logs ("Task exception was never retrieved").
#[derive(Clone)]
pub struct FrameEnd {
    pub function: Rc<str>,
    /// The frame's locals by name, as they were when it ended (unbound ones left out).
    pub locals: Vec<(Rc<str>, Local)>,
    pub at: Micros,
    /// What the frame returned, or the exception it raised.
    pub result: Result<(), crate::outcome::ErrorInfo>,
}

/// A local of a watched frame as it was when the frame ended, detached from the program's
/// objects.
#[derive(Clone, Debug, PartialEq)]
pub enum Local {
    Int(i64),
    /// An exception object.
    Error(crate::outcome::ErrorInfo),
    /// A set of tasks, by name, and its `repr`.
    Tasks(Vec<Rc<str>>, String),
    /// A list's items, and its `repr`.
    List(Vec<Local>, String),
    /// Anything else, as `repr` writes it.
    Repr(String),
}

impl Local {
    fn of(v: &Value) -> Local {
        match v {
            Value::Int(i) => Local::Int(*i),
            Value::Exc(e) => Local::Error(crate::outcome::ErrorInfo::of(e)),
            Value::List(items) => Local::List(
                items.borrow().iter().map(Local::of).collect(),
                crate::objects::repr::repr(v).unwrap_or_default(),
            ),
            Value::Set(set) => {
                let set = set.borrow();
                let names: Vec<Rc<str>> = set
                    .iter()
                    .filter_map(|t| match t {
                        Value::Native(n) => {
                            n.downcast::<crate::modules::asyncio::futures::TaskObj>()
                        }
                        _ => None,
                    })
                    .map(|t| t.lp.with(|c| c.task_name(t.id)))
                    .collect();
                let repr = crate::objects::repr::repr(v).unwrap_or_default();
                if names.len() == set.len() {
                    Local::Tasks(names, repr)
                } else {
                    Local::Repr(repr)
                }
            }
            other => Local::Repr(crate::objects::repr::repr(other).unwrap_or_default()),
        }
    }
}

impl Interp {
    fn new() -> Interp {
        Interp {
            filename: RefCell::new(Rc::from("main.py")),
            source: RefCell::new(Rc::from("")),
            out: RefCell::new(Output::default()),
            err: RefCell::new(Vec::new()),
            clock: Cell::new(0),
            task_counter: Cell::new(0),
            depth: Cell::new(0),
            task_frame_line: Cell::new(0),
            ops: Cell::new(0),
            stop: RefCell::new(None),
            random: RefCell::new(crate::modules::random::Random::with_seed_int(0)),
            seeded: Cell::new(false),
            builtins: RefCell::default(),
            modules: RefCell::default(),
            line: Cell::new(0),
            record_trace: Cell::new(false),
            outer_handling: RefCell::new(None),
            runs: RefCell::new(Vec::new()),
            max_time: Cell::new(24 * 3600 * 1_000_000),
            stack_base: Cell::new(0),
            stack_budget: Cell::new(DEFAULT_NATIVE_STACK),
            threads: Cell::new(0),
            memory_base: Cell::new(crate::memory::live_bytes()),
            watch: RefCell::new(Vec::new()),
            frame_ends: RefCell::new(Vec::new()),
            deferred_logs: RefCell::new(Vec::new()),
            exiting: Cell::new(false),
            main_exceptions: RefCell::new(Vec::new()),
            tracked: RefCell::new(Default::default()),
            warned: RefCell::new(Default::default()),
        }
    }
}

thread_local! {
    static INTERP: RefCell<Rc<Interp>> = RefCell::new(Rc::new(Interp::new()));
}

/// What a task's code sees as being handled when its own frames handle nothing (its frames run
/// on the loop, under the call of `asyncio.run`): the exception `asyncio.run` is handling while it
/// shuts the loop down, else the one handled where `asyncio.run` was called.
pub fn loop_handling() -> Option<crate::objects::Raised> {
    let shutdown =
        crate::modules::asyncio::current().and_then(|lp| lp.with(|c| c.handled_exception()));
    if let Some(e) = &shutdown {
        // It has left `run_until_complete` and `Runner.run` by now: their frames are in its
        // traceback (shown as `...`).
        e.mark_asyncio();
    }
    shutdown.or_else(|| with(|i| i.outer_handling.borrow().clone()))
}

/// Runs `f` on the interpreter state (borrow its parts briefly: never across Python code).
pub fn with<R>(f: impl FnOnce(&Interp) -> R) -> R {
    let i = INTERP.with(|i| i.borrow().clone());
    f(&i)
}

/// Whether the interpreter's state still exists (not while the thread is exiting: drops then
/// must not report anything).
pub fn alive() -> bool {
    INTERP.try_with(|_| ()).is_ok()
}

/// Starts afresh for a new program.
pub fn reset() {
    // The old state is dropped outside the borrow (its objects' drops may report, say, an
    // exception nobody retrieved): into a throwaway state, which is then dropped the same way.
    // Its reference cycles are broken first (see `teardown`), or they would outlive it.
    for _ in 0..2 {
        let old = INTERP.with(|i| std::mem::replace(&mut *i.borrow_mut(), Rc::new(Interp::new())));
        crate::modules::asyncio::set_current(None);
        let tracked = std::mem::take(&mut *old.tracked.borrow_mut());
        tracked.clear_all();
        drop(old);
    }
    // The new state's memory base does not count what the old one held.
    with(|i| i.memory_base.set(crate::memory::live_bytes()));
}

/// The program's time now: the running loop's, or the program's own clock.
pub fn now() -> Micros {
    Api::<Py>::try_with(|c| c.now()).unwrap_or_else(|| with(|i| i.clock.get()))
}

/// `Task-N`, the next one (formatted only when read).
pub fn next_task_name() -> TaskName {
    with(|i| {
        let n = i.task_counter.get() + 1;
        i.task_counter.set(n);
        TaskName::Numbered(n)
    })
}

/// Undoes [`next_task_name`] when no task was made after all.
pub fn give_back_task_name() {
    with(|i| i.task_counter.set(i.task_counter.get() - 1));
}

/// Leaves this thread's interpreter to the operating system, for a process about to exit:
/// freeing its objects one by one (a run of 100,000 tasks keeps their outcomes) is time spent on
/// nothing. The interpreter is never freed after this.
pub fn leak() {
    INTERP.with(|i| std::mem::forget(i.borrow().clone()));
}

/// Writes program output (`print`), stamping each completed line with the time.
pub fn write_stdout(text: &str) {
    let now = now();
    // The lines completed, by index: they follow one another.
    let completed = with(|i| {
        let mut out = i.out.borrow_mut();
        let first = out.lines.len() as u32;
        let mut rest = text;
        while let Some(nl) = rest.find('\n') {
            let line = std::mem::take(&mut out.partial) + &rest[..nl];
            out.lines.push(line);
            out.times.push(now);
            rest = &rest[nl + 1..];
        }
        if !rest.is_empty() {
            out.partial.push_str(rest);
            out.partial_time = now;
        }
        first..out.lines.len() as u32
    });
    for index in completed {
        Api::<Py>::try_with(|c| c.printed(index));
    }
}

/// Writes to stderr (warnings, logged errors, tracebacks), one entry per line.
pub fn write_stderr(text: &str) {
    let at = now();
    with(|i| {
        let mut err = i.err.borrow_mut();
        for line in text.trim_end_matches('\n').split('\n') {
            err.push(ErrLine {
                text: line.to_string(),
                at,
            });
        }
    });
}

/// Sets the current source line (for the trace).
pub fn set_line(line: u32) {
    with(|i| i.line.set(line));
}

/// Runs `f` with the current source line set to `line`, then sets it back.
pub fn at_line<T>(line: u32, f: impl FnOnce() -> T) -> T {
    let before = with(|i| i.line.replace(line));
    let out = f();
    set_line(before);
    out
}

/// The line of asyncio's own `Handle._run`, where a task's coroutine returns to: what its
/// locals free is reported there.
pub const ASYNCIO_LINE: u32 = u32::MAX;

/// The current source line of the program (0 when none of its frames runs).
pub fn line() -> u32 {
    match with(|i| i.line.get()) {
        ASYNCIO_LINE => 0,
        line => line,
    }
}

/// The line of the running task's own coroutine frame (`cr_frame.f_lineno`, what its repr
/// shows), whether it runs or calls deeper.
pub fn running_task_line() -> u32 {
    match with(|i| i.task_frame_line.get()) {
        0 => line(),
        line => line,
    }
}

/// The current line, or [`ASYNCIO_LINE`] in asyncio's own code (for warnings).
pub fn warning_line() -> u32 {
    with(|i| i.line.get())
}

/// A time limit in words (`24 hours`, `90 seconds`).
pub fn describe_limit(us: Micros) -> String {
    let s = us / 1_000_000;
    if s % 3600 == 0 && s >= 3600 {
        let h = s / 3600;
        format!("{h} hour{}", if h == 1 { "" } else { "s" })
    } else {
        format!("{s} second{}", if s == 1 { "" } else { "s" })
    }
}

/// Records the end of `frame` if its function is watched.
pub fn frame_ended(
    frame: &crate::vm::frame::Frame,
    result: Result<&Value, &crate::objects::Raised>,
) {
    with(|i| {
        let watch = i.watch.borrow();
        if watch.is_empty() || !watch.contains(&frame.code.def_names.name) {
            return;
        }
        let locals = frame
            .code
            .slots
            .iter()
            .zip(frame.slots())
            .take(frame.code.nlocals as usize)
            .filter_map(|(name, v)| {
                let v = match v {
                    Value::Cell(c) => c.borrow().clone(),
                    v => v.clone(),
                };
                (!matches!(v, Value::Unbound)).then(|| (name.clone(), Local::of(&v)))
            })
            .collect();
        let end = FrameEnd {
            function: frame.code.def_names.name.clone(),
            locals,
            at: now(),
            result: match result {
                Ok(_) => Ok(()),
                Err(e) => Err(crate::outcome::ErrorInfo::of(e)),
            },
        };
        i.frame_ends.borrow_mut().push(end);
    });
}

/// Enters a thread of Python code whose frames count `base` against the recursion limit; the
/// recursion depth grows by `base` until [`leave_thread`]. The outermost thread (depth 0) marks
/// where the native stack stood; a thread started from native code further down (a sort's key
/// calling `sorted` again) may begin at most [`Interp::stack_budget`] bytes below that mark,
/// and at most [`MAX_NESTED_THREADS`] threads deep.
///
/// # Errors
/// `RecursionError` past CPython's limit; past the native stack, the run stops
/// ([`NATIVE_STACK_LIMIT`]): the program is refused, not given a `RecursionError` CPython would
/// not raise.
pub fn enter_thread(base: u32) -> crate::vm::PyResult<()> {
    let marker = 0u8;
    let here = std::ptr::addr_of!(marker) as usize;
    with(|i| {
        let depth = i.depth.get();
        if depth + base > RECURSION_LIMIT {
            return Err(crate::vm::exc(
                "RecursionError",
                "maximum recursion depth exceeded",
            ));
        }
        if depth == 0 {
            i.stack_base.set(here);
            i.threads.set(0);
        } else if i.threads.get() >= MAX_NESTED_THREADS
            // The stack grows down, natively and in wasm.
            || i.stack_base.get().saturating_sub(here) > i.stack_budget.get()
        {
            return Err(crate::vm::stop(NATIVE_STACK_LIMIT));
        }
        i.threads.set(i.threads.get() + 1);
        i.depth.set(depth + base);
        Ok(())
    })
}

/// Ends what [`enter_thread`] began, for a thread whose frames now count `base`.
pub fn leave_thread(base: u32) {
    with(|i| {
        i.threads.set(i.threads.get().saturating_sub(1));
        i.depth.set(i.depth.get().saturating_sub(base));
    });
}
