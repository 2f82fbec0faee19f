//! `asyncio.run(main())`: the call makes the engine's [`Run`] and suspends the calling thread
//! (the module's, usually) until a driver has run the loop to its end — the program's driver,
//! pass by pass, or [`block_on`] for a call made where nothing can suspend.

use super::{set_current, Loop};
use crate::builtins::functions::take_kwargs;
use crate::host::Py;
use crate::objects::class::Class;
use crate::objects::native::NativeObj;
use crate::objects::{BuiltinFn, Value};
use crate::vm::coroutine::{NativeFuture, TaskCoro};
use crate::vm::{interp, runtime_error, stop, value_error, PyResult};
use asyncio_playground_engine::{Clock, Next, Run, VirtualClock};
use std::any::Any;
use std::cell::RefCell;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll};

/// A started `asyncio.run`, handed from the builtin to the thread that called it.
pub struct RunRequest {
    pub run: Rc<RefCell<Run<Py>>>,
    pub lp: Rc<Loop>,
}

impl NativeObj for RunRequest {
    fn class(&self) -> Rc<Class> {
        crate::objects::class::types().object.clone()
    }
    fn repr(&self) -> String {
        "<asyncio.run in progress>".into()
    }
    fn methods(&self) -> &'static [(&'static str, BuiltinFn)] {
        &[]
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// `asyncio.run(main, *, debug=None, loop_factory=None)`.
pub fn run(_: Option<&Value>, args: Vec<Value>, kwargs: Vec<(Rc<str>, Value)>) -> PyResult {
    let kw = take_kwargs("run", kwargs, &["debug", "loop_factory"])?;
    if kw[1].as_ref().is_some_and(|v| !matches!(v, Value::None)) {
        return Err(crate::vm::refuse("asyncio.run(loop_factory=...)"));
    }
    // Debug mode logs slow steps by real time and where coroutines were created: not simulated.
    if let Some(debug) = &kw[0] {
        if crate::vm::ops::truthy(debug)? {
            return Err(crate::vm::refuse("asyncio.run(debug=True)"));
        }
    }
    if super::current().is_some() {
        return Err(runtime_error(
            "asyncio.run() cannot be called from a running event loop",
        ));
    }
    let Some(main) = args.into_iter().next() else {
        return Err(crate::vm::type_error(
            "run() missing 1 required positional argument: 'main'",
        ));
    };
    let (coro, qualname): (TaskCoro, Rc<str>) = match &main {
        Value::Coro(c) => {
            c.state.set(crate::vm::coroutine::CoroState::Running);
            (
                TaskCoro::Python {
                    coro: c.clone(),
                    thread: None,
                },
                c.names.qualname.clone(),
            )
        }
        Value::NativeCoro(n) => (TaskCoro::Native(n.start()?), Rc::from(n.qualname)),
        other => {
            // `Runner.run` has made its loop before it checks `main`, and closing the runner
            // runs the loop's two shutdown tasks: they use their names all the same.
            interp::with(|i| i.task_counter.set(i.task_counter.get() + 2));
            return Err(value_error(format!(
                "a coroutine was expected, got {}",
                crate::objects::repr::repr(other)?
            )));
        }
    };
    // What the caller handles is set by the thread that awaits the run (`Callee::Suspend`).
    interp::with(|i| *i.outer_handling.borrow_mut() = None);
    let name = interp::next_task_name();
    let (now, trace) = interp::with(|i| (i.clock.get(), i.record_trace.get()));
    let run = Run::new(now, trace, Box::pin(coro), name, qualname);
    let lp = Loop::new(run.core_handle());
    crate::vm::teardown::track(&lp);
    lp.set_coro(run.main(), main);
    let run = Rc::new(RefCell::new(run));
    interp::with(|i| i.runs.borrow_mut().push((run.clone(), lp.clone())));
    Ok(Value::Native(Rc::new(RunRequest { run, lp })))
}

/// A run of `asyncio.run` in progress: the engine run and the loop object the program sees.
pub type ActiveRun = (Rc<RefCell<Run<Py>>>, Rc<Loop>);

/// The request inside a value `asyncio.run` returned, if it is one.
pub fn as_request(v: &Value) -> Option<ActiveRun> {
    match v {
        Value::Native(n) => n
            .downcast::<RunRequest>()
            .map(|r| (r.run.clone(), r.lp.clone())),
        _ => None,
    }
}

/// What the calling thread awaits: ready once the run has finished.
pub struct RunFuture {
    pub run: Rc<RefCell<Run<Py>>>,
    pub lp: Rc<Loop>,
}

impl Future for RunFuture {
    type Output = PyResult;

    fn poll(self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<PyResult> {
        let mut run = self.run.borrow_mut();
        if matches!(run.next_action(), Next::Halted) {
            let why = interp::with(|i| i.stop.borrow().clone())
                .unwrap_or_else(|| "the run was stopped".into());
            finish(&run);
            return Poll::Ready(Err(stop(why)));
        }
        if !run.is_finished() {
            return Poll::Pending;
        }
        finish(&run);
        let lp = self.lp.clone();
        set_current(Some(lp));
        let outcome = run
            .outcome()
            .unwrap_or_else(|| Err(runtime_error("the loop ended early")));
        let main = run.main();
        drop(run);
        crate::host::loop_closed(&self.lp, main);
        set_current(None);
        // It comes up through asyncio's own frames (`runners.py`, `base_events.py`).
        if let Err(e) = &outcome {
            e.mark_asyncio();
        }
        Poll::Ready(outcome)
    }
}

/// The loop has ended: the program's clock goes on from its time, and the two tasks asyncio.run
/// makes for its shutdown have used their names.
fn finish(run: &Run<Py>) {
    interp::with(|i| {
        i.clock.set(i.clock.get().max(run.now()));
        i.task_counter.set(i.task_counter.get() + 2);
    });
}

/// The future a thread suspends on for a started run.
pub fn suspend_on(run: Rc<RefCell<Run<Py>>>, lp: Rc<Loop>) -> NativeFuture {
    Box::pin(RunFuture { run, lp })
}

/// Runs one pass of `run` (at `now`) with its loop as asyncio's current one, then applies the
/// limits. Returns what the loop needs next.
pub fn pass(run: &Rc<RefCell<Run<Py>>>, lp: &Rc<Loop>, now: u64) -> Next {
    pass_within(run, lp, now, || false);
    run.borrow_mut().next_action()
}

/// [`pass`], stopping between two callbacks once `out_of_time()` says so (the page's slices);
/// returns whether the pass completed.
pub fn pass_within(
    run: &Rc<RefCell<Run<Py>>>,
    lp: &Rc<Loop>,
    now: u64,
    out_of_time: impl FnMut() -> bool,
) -> bool {
    set_current(Some(lp.clone()));
    let completed = run.borrow_mut().run_pass_within(now, out_of_time);
    set_current(None);
    let r = run.borrow();
    if interp::with(|i| i.stop.borrow().is_some()) {
        r.with_core(|c| c.halt());
    } else if r.callbacks_run() > LOOP_STEP_LIMIT {
        drop(r);
        let _ = stop("the loop ran more than 100,000,000 steps: the playground's limit");
        run.borrow().with_core(|c| c.halt());
    }
    completed
}

/// The loop steps a run may take (callbacks run).
const LOOP_STEP_LIMIT: u64 = 100_000_000;

/// What a driver does next with `run`, limits applied: a wake past the virtual-time limit, or a
/// loop waiting on nothing, stops the run (`None`: it is over or stopped).
pub fn next_step(run: &Rc<RefCell<Run<Py>>>) -> Option<Next> {
    let next = run.borrow_mut().next_action();
    match next {
        Next::Ready => Some(next),
        Next::At(deadline) => {
            let max = interp::with(|i| i.max_time.get());
            let mut clock = VirtualClock::at(run.borrow().now());
            clock.wait_until(deadline);
            if clock.now() > max {
                let _ = stop(format!(
                    "the program's virtual time passed {} (the playground's limit)",
                    crate::vm::interp::describe_limit(max)
                ));
                run.borrow().with_core(|c| c.halt());
                return None;
            }
            Some(next)
        }
        Next::Stalled => {
            let _ = stop("the program waits forever: no task can run and no timer is armed (CPython would hang here)");
            run.borrow().with_core(|c| c.halt());
            None
        }
        Next::Finished | Next::Halted => None,
    }
}

/// Drives `run` to its end on the virtual clock (the CLI, tests, and runs started where the
/// caller cannot suspend).
pub fn drive_virtual(run: &Rc<RefCell<Run<Py>>>, lp: &Rc<Loop>) {
    while let Some(next) = next_step(run) {
        let mut clock = VirtualClock::at(run.borrow().now());
        if let Next::At(deadline) = next {
            clock.wait_until(deadline);
        }
        pass(run, lp, clock.now());
    }
}

/// Runs a started `asyncio.run` to its end now and returns its result (a call from native
/// code, which cannot suspend).
pub fn block_on(mut fut: NativeFuture) -> PyResult {
    let mut cx = Context::from_waker(std::task::Waker::noop());
    loop {
        if let Poll::Ready(r) = fut.as_mut().poll(&mut cx) {
            return r;
        }
        let Some((run, lp)) = active() else {
            return Err(runtime_error("asyncio.run has nothing to run"));
        };
        drive_virtual(&run, &lp);
    }
}

/// The run in progress (started, not finished), if any.
pub fn active() -> Option<ActiveRun> {
    let (run, lp) = interp::with(|i| i.runs.borrow().last().cloned())?;
    if run.borrow().is_finished() || matches!(run.borrow_mut().next_action(), Next::Halted) {
        return None;
    }
    Some((run, lp))
}
