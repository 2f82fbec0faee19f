//! The page's one state and the actions that change it (`Reducible`).

use super::driver::Progress;
use super::form::{Form, Preset};
use super::session::{Session, Shared};
use crate::program::Outcome;
use crate::scenario::{ClockKind, Pattern, Spec, SpecError, Speed, Theme, View};
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

/// The page's state.
#[derive(Clone)]
pub struct State {
    pub form: Rc<Form>,
    pub view: View,
    /// The form parsed by the contract's parser.
    pub spec: Result<Rc<Spec>, SpecError>,
    /// Every invalid field's own error, in field order (empty when `spec` is valid).
    pub errors: Rc<Vec<SpecError>>,
    /// An invalid query string the page was opened with (it loaded the defaults instead).
    pub url_error: Option<String>,
    pub session: Option<Shared<Session>>,
    pub status: Option<Status>,
    pub progress: Option<Progress>,
    /// The outcome and its JSON (shared, not copied, by every render), once the run has finished.
    pub outcome: Option<Shared<(Outcome, AttrValue)>>,
    /// Why the run was stopped, if a limit of the interpreter stopped it (it has no outcome).
    pub stopped: Option<AttrValue>,
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
        let (spec, error) = match Spec::parse(query) {
            Ok(spec) => (spec, None),
            Err(e) => {
                // The view keys still apply: an embed stays an embed, with its theme and origin.
                let view = crate::scenario::View::lenient(query);
                let spec = Spec {
                    view,
                    ..Spec::default()
                };
                (spec, Some(e))
            }
        };
        let url_error = error.as_ref().map(|e| e.to_string());
        // The full page loads the defaults; an embed shows the error and runs nothing until the
        // host sends a valid scenario (its author sees the typo, not some other program).
        let parsed = match error {
            Some(e) if spec.view.embed => Err(e),
            _ => Ok(Rc::new(spec.clone())),
        };
        State {
            form: Rc::new(Form::from_spec(&spec)),
            view: spec.view.clone(),
            errors: Rc::new(parsed.as_ref().err().cloned().into_iter().collect()),
            spec: parsed,
            url_error,
            session: None,
            status: None,
            progress: None,
            outcome: None,
            stopped: None,
            version: 0,
        }
    }

    fn reparse(&mut self) {
        self.spec = self.form.parse(&self.view).map(Rc::new);
        self.errors = Rc::new(match &self.spec {
            Ok(_) => Vec::new(),
            Err(_) => self.form.field_errors(&self.view),
        });
    }

    pub fn can_run(&self) -> bool {
        self.spec.is_ok()
    }
}

/// Everything that changes the state.
pub enum Action {
    SetPattern(Pattern),
    Edit(&'static str, String),
    Preset(Preset),
    SetClock(ClockKind),
    SetSpeed(Speed),
    SetTheme(Theme),
    /// A run was started (`commands::run` creates the session: it needs the dispatcher).
    Started(Shared<Session>),
    /// The driver was told to go on (`commands::resume`).
    Resumed,
    /// The run was stopped and cleared (`commands::reset` retired its session).
    Reset,
    /// A report from the driver of run `id` (reports of an earlier run are ignored).
    Progress(u64, Progress),
    /// Replace the scenario and the view (an embed's `set-spec`, its view already merged).
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
            Action::Preset(preset) => {
                let tasks = s.spec.as_ref().map_or(20, |spec| spec.scenario.tasks);
                Rc::make_mut(&mut s.form).fill_sleeps(preset, tasks);
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
                s.stopped = None;
            }
            Action::Resumed => {
                if s.session.is_some() {
                    s.status = Some(Status::Running);
                }
            }
            Action::Reset => {
                s.session = None;
                s.status = None;
                s.progress = None;
                s.outcome = None;
                s.stopped = None;
            }
            Action::Load(spec) => {
                s.form = Rc::new(Form::from_spec(&spec));
                s.view = spec.view.clone();
                s.url_error = None;
                s.session = None;
                s.status = None;
                s.progress = None;
                s.outcome = None;
                s.stopped = None;
                s.reparse();
            }
            Action::Progress(id, p) => {
                let Some(session) = s.session.clone().filter(|session| session.id == id) else {
                    return self;
                };
                session.read_trace();
                if p.finished && s.outcome.is_none() && s.stopped.is_none() {
                    match session.ended() {
                        Some(Ok(outcome)) => s.outcome = Some(outcome),
                        Some(Err(why)) => s.stopped = Some(why),
                        None => {}
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
