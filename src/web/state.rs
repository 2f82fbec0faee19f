//! The page's one state and the actions that change it (`Reducible`).

use super::driver::{Driver, Progress};
use super::form::{preset_sleeps, Form, Preset};
use super::narrate::narrate;
use crate::program::{Outcome, ScenarioRun};
use crate::scenario::{ClockKind, Pattern, Spec, SpecError, Speed, Theme, View};
use crate::timeline::Timeline;
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// Where a run is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    Running,
    Paused,
    Finished,
}

impl Status {
    pub fn name(self) -> &'static str {
        match self {
            Status::Running => "running",
            Status::Paused => "paused",
            Status::Finished => "finished",
        }
    }
}

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
    /// The printed lines with their times, as they appear.
    pub console: RefCell<Vec<(crate::engine::Micros, String)>>,
}

/// The page's state.
#[derive(Clone)]
pub struct State {
    pub form: Rc<Form>,
    pub view: View,
    /// The form parsed by the contract's parser.
    pub spec: Result<Rc<Spec>, SpecError>,
    /// An invalid query string the page was opened with (it loaded the defaults instead).
    pub url_error: Option<String>,
    pub session: Option<Shared<Session>>,
    pub status: Option<Status>,
    pub progress: Option<Progress>,
    /// The outcome and its JSON, once the run has finished.
    pub outcome: Option<Shared<(Outcome, String)>>,
    /// Bumped on every change, so components compare cheaply.
    pub version: u64,
}

impl PartialEq for State {
    fn eq(&self, other: &Self) -> bool {
        self.version == other.version
    }
}

impl State {
    /// The state for a page opened with `query` (defaults, and the error, if it is invalid).
    pub fn from_query(query: &str) -> State {
        let (spec, url_error) = match Spec::parse(query) {
            Ok(spec) => (spec, None),
            Err(e) => (Spec::default(), Some(e.to_string())),
        };
        State {
            form: Rc::new(Form::from_spec(&spec)),
            view: spec.view.clone(),
            spec: Ok(Rc::new(spec)),
            url_error,
            session: None,
            status: None,
            progress: None,
            outcome: None,
            version: 0,
        }
    }

    fn reparse(&mut self) {
        self.spec = self.form.parse(&self.view).map(Rc::new);
    }

    pub fn can_run(&self) -> bool {
        self.spec.is_ok()
    }
}

/// Everything that changes the state.
pub enum Action {
    SetPattern(Pattern),
    Edit(&'static str, String),
    Preset(Preset, u32),
    SetClock(ClockKind),
    SetSpeed(Speed),
    SetTheme(Theme),
    /// A run was started (the app creates the session: it needs the dispatcher).
    Started(Shared<Session>),
    Pause,
    Resume,
    Step,
    Reset,
    Progress(Progress),
    /// Replace the scenario (an embed's `set-spec`); the view keys stay.
    Load(Spec),
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        s.version += 1;
        match action {
            Action::SetPattern(p) => {
                Rc::make_mut(&mut s.form).set_pattern(p);
                s.reparse();
            }
            Action::Edit(key, text) => {
                Rc::make_mut(&mut s.form).set(key, text);
                s.reparse();
            }
            Action::Preset(preset, base) => {
                let tasks = s.spec.as_ref().map_or(20, |spec| spec.scenario.tasks);
                let form = Rc::make_mut(&mut s.form);
                form.set("tasks", tasks.to_string());
                form.set("sleep", preset_sleeps(preset, tasks, base));
                s.reparse();
            }
            Action::SetClock(c) => {
                s.view.clock = c;
                s.reparse();
            }
            Action::SetSpeed(speed) => {
                s.view.speed = speed;
                s.reparse();
            }
            Action::SetTheme(t) => {
                s.view.theme = t;
                s.reparse();
            }
            Action::Started(session) => {
                s.session = Some(session);
                s.status = Some(Status::Running);
                s.progress = None;
                s.outcome = None;
            }
            Action::Pause => {
                if let Some(session) = &s.session {
                    session.driver.pause();
                }
            }
            Action::Resume => {
                if let Some(session) = &s.session {
                    session.driver.resume();
                    s.status = Some(Status::Running);
                }
            }
            Action::Step => {
                if let Some(session) = &s.session {
                    session.driver.step();
                }
            }
            Action::Reset => {
                s.session = None;
                s.status = None;
                s.progress = None;
                s.outcome = None;
            }
            Action::Load(spec) => {
                s.form = Rc::new(Form::from_spec(&spec));
                s.session = None;
                s.status = None;
                s.progress = None;
                s.outcome = None;
                s.reparse();
            }
            Action::Progress(p) => {
                let Some(session) = s.session.clone() else {
                    return self;
                };
                {
                    let mut run = session.run.borrow_mut();
                    let before = session.timeline.borrow().seen;
                    session.timeline.borrow_mut().update(run.run());
                    let events = run.run().trace_from(before);
                    narrate(run.run(), &events, &mut session.narration.borrow_mut());
                    let mut console = session.console.borrow_mut();
                    for e in &events {
                        if let crate::engine::What::Printed(i) = e.what {
                            console.push((
                                e.at,
                                run.run().line(i).map(|l| l.to_string()).unwrap_or_default(),
                            ));
                        }
                    }
                    if p.finished && s.outcome.is_none() {
                        if let Some(outcome) = run.outcome() {
                            let json = outcome.to_json();
                            s.outcome = Some(Shared(Rc::new((outcome, json))));
                        }
                    }
                }
                s.progress = Some(p);
                s.status = Some(if p.finished {
                    Status::Finished
                } else if p.paused {
                    Status::Paused
                } else {
                    Status::Running
                });
            }
        }
        Rc::new(s)
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
