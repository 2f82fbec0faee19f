//! One run in the page (the engine run, its driver, and what has been read off its trace), and the
//! identity-compared `Shared` handle components receive it through.

use super::driver::{Driver, Progress};
use super::narrate::narrate;
use super::state::{Action, State};
use crate::engine::{Micros, What};
use crate::program::{Outcome, ScenarioRun};
use crate::scenario::Spec;
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

/// One run in the page: the engine run, its driver, and what has been read off its trace.
/// Dropping the session stops the driver (its timer is cleared).
pub struct Session {
    pub run: Rc<RefCell<ScenarioRun>>,
    pub driver: Driver,
    pub spec: Spec,
    pub timeline: RefCell<Timeline>,
    pub narration: RefCell<Vec<String>>,
    /// When each printed line appeared (line `i` of the run's stdout is `console[i]`'s); the
    /// text is formatted only for the lines the console shows.
    pub console: RefCell<Vec<Micros>>,
}

impl Session {
    /// Reads what the run recorded since the last call into the timeline, the narration and the
    /// console's times (each event is read once, by all three).
    pub fn read_trace(&self) {
        let mut run = self.run.borrow_mut();
        let events = self.timeline.borrow_mut().update(run.run());
        narrate(run.run(), &events, &mut self.narration.borrow_mut());
        let printed = events.iter().filter(|e| matches!(e.what, What::Printed(_)));
        self.console.borrow_mut().extend(printed.map(|e| e.at));
    }

    /// The finished run's outcome with its JSON, for the state to keep and every render to share;
    /// `None` while the run is unfinished.
    pub fn outcome(&self) -> Option<Shared<(Outcome, AttrValue)>> {
        let outcome = self.run.borrow_mut().outcome()?;
        let json = AttrValue::from(outcome.to_json());
        Some(Shared(Rc::new((outcome, json))))
    }
}

/// Starts a run of the state's scenario; progress comes back as `Action::Progress`.
pub fn start_session(
    state: &State,
    dispatch: UseReducerDispatcher<State>,
) -> Option<Shared<Session>> {
    let spec = Spec::clone(state.spec.as_ref().ok()?);
    let run = Rc::new(RefCell::new(ScenarioRun::new(&spec.scenario, true)));
    let report = move |p: Progress| dispatch.dispatch(Action::Progress(p));
    let driver = Driver::start(run.clone(), &spec.view, false, report);
    let timeline = RefCell::new(Timeline::new(spec.scenario.tasks));
    let (narration, console) = (RefCell::new(Vec::new()), RefCell::new(Vec::new()));
    Some(Shared(Rc::new(Session {
        run,
        driver,
        spec,
        timeline,
        narration,
        console,
    })))
}
