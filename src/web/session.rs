//! One run in the page (the program's run, its driver, and what has been read off its trace), and
//! the identity-compared `Shared` handle components receive it through.

use super::code::FILENAME;
use super::describe::{error_text, Errors};
use super::driver::{Driver, Progress};
use super::narrate::narrate;
use super::state::{Action, State};
use crate::engine::{Finish, FutState, Micros, What};
use crate::moments::Moments;
use crate::program::{ProgramRun, RunOutcome};
use crate::python::outcome::ErrorInfo;
use crate::python::vm::interp;
use crate::python::Program;
use crate::scenario::View;
use crate::timeline::Timeline;
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// An `Rc` that compares by identity: cheap props for big shared data (a session, an outcome).
pub struct Shared<T>(pub Rc<T>);

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(self.0.clone())
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> std::ops::Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

/// How a run ended: its outcome with its JSON, or why it was stopped.
pub type Ended = Result<Shared<(RunOutcome, AttrValue)>, AttrValue>;

/// One run in the page: the program's run, its driver, and what has been read off its trace (a
/// copy: the interpreter's state is per thread and the next run starts it afresh).
/// Dropping the session stops the driver (its timer is cleared).
pub struct Session {
    /// Which run this is: the driver's reports carry it, and the state takes only its own run's.
    pub id: u64,
    pub run: Rc<RefCell<ProgramRun>>,
    pub driver: Driver,
    pub timeline: RefCell<Timeline>,
    /// The index over the trace that shows any moment of the run.
    pub moments: RefCell<Moments>,
    pub narration: RefCell<Vec<String>>,
    /// Each printed line, with when it appeared.
    pub console: RefCell<Vec<(Micros, Rc<str>)>>,
    /// What each failed task raised.
    pub errors: RefCell<Errors>,
}

impl Session {
    /// Reads what the run recorded since the last call into the timeline, the console, the
    /// failures and the narration (each event is read once, by all of them).
    pub fn read_trace(&self) {
        let Some(run) = self.run.borrow().run() else {
            return;
        };
        let run = run.borrow();
        let events = self.timeline.borrow_mut().update(&run);
        let timeline = self.timeline.borrow();
        self.moments.borrow_mut().update(&events, &run, &timeline);
        run.with_core(|core| {
            let mut errors = self.errors.borrow_mut();
            for e in &events {
                let Some(t) = e.task.filter(|_| e.what == What::Finished) else {
                    continue;
                };
                if !matches!(
                    timeline.lane(t).and_then(|l| l.end),
                    Some((_, Finish::Failed))
                ) {
                    continue;
                }
                if let FutState::Finished(Err(x)) = core.future_state(core.task_future(t)) {
                    errors.insert(t.0, Rc::from(error_text(&ErrorInfo::of(x))));
                }
            }
        });
        interp::with(|i| {
            let out = i.out.borrow();
            let mut console = self.console.borrow_mut();
            for e in &events {
                if let What::Printed(n) = e.what {
                    let text = out.lines.get(n as usize).map_or("", String::as_str);
                    console.push((e.at, Rc::from(text)));
                }
            }
        });
        narrate(
            &timeline,
            &self.errors.borrow(),
            &self.console.borrow(),
            &events,
            &mut self.narration.borrow_mut(),
        );
    }

    /// How the run ended, for the state to keep and every render to share; `None` while the run
    /// is unfinished.
    pub fn ended(&self) -> Option<Ended> {
        let end = self.run.borrow_mut().take_end()?;
        Some(match end {
            Ok((outcome, json)) => Ok(Shared(Rc::new((outcome, AttrValue::from(json))))),
            Err(why) => Err(AttrValue::from(why)),
        })
    }

    /// Stops the run and lets its program go now, while the interpreter's state is still its
    /// own (what its objects report as they go lands there, not in the next run's).
    pub fn retire(&self) {
        self.driver.stop();
        let mut run = self.run.borrow_mut();
        if run.program().end.is_none() {
            *run.program() = Program::stopped("reset".into());
        }
    }
}

/// Starts a run of the state's program (the form's scenario, or the learner's own) with the
/// state's view; progress comes back as `Action::Progress`.
pub fn start_session(
    state: &State,
    dispatch: UseReducerDispatcher<State>,
) -> Option<Shared<Session>> {
    start_session_with(state, &state.view, dispatch)
}

/// As [`start_session`], with the clock of `view`.
pub fn start_session_with(
    state: &State,
    view: &View,
    dispatch: UseReducerDispatcher<State>,
) -> Option<Shared<Session>> {
    if !state.can_run() {
        return None;
    }
    if let Some(old) = &state.session {
        old.retire();
    }
    thread_local! {
        static RUNS: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
    }
    let id = RUNS.with(|r| {
        r.set(r.get() + 1);
        r.get()
    });
    let run = if state.code.own {
        ProgramRun::of_source(&state.code.source, FILENAME, true).ok()?
    } else {
        ProgramRun::new(&state.spec.as_ref().ok()?.scenario, true)
    };
    let run = Rc::new(RefCell::new(run));
    let report = move |p: Progress| dispatch.dispatch(Action::Progress(id, p));
    let driver = Driver::start(run.clone(), view, false, report);
    Some(Shared(Rc::new(Session {
        id,
        run,
        driver,
        timeline: RefCell::new(Timeline::new()),
        moments: RefCell::new(Moments::new()),
        narration: RefCell::new(Vec::new()),
        console: RefCell::new(Vec::new()),
        errors: RefCell::new(Errors::new()),
    })))
}
