//! The page's one state and the actions that change it (`Reducible`).

use super::code::{Code, Fragment};
use super::driver::Progress;
use super::form::{Form, Preset};
use super::session::{Session, Shared};
use crate::compare::Comparison;
use crate::moments::Cursor;
use crate::program::RunOutcome;
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
    /// The program shown and run: the form's, or the learner's own.
    pub code: Rc<Code>,
    /// The gallery example the code is (until edited), by its index in `gallery::EXAMPLES`.
    pub example: Option<usize>,
    /// Bumped when a program is opened (an example): the page then shows its finished run.
    pub opened: u64,
    /// A link's `#z=` program (base64url) still being inflated: nothing runs until it is loaded.
    pub code_pending: Option<Rc<str>>,
    /// The form parsed by the contract's parser.
    pub spec: Result<Rc<Spec>, SpecError>,
    /// Every invalid field's own error, in field order (empty when `spec` is valid).
    pub errors: Rc<Vec<SpecError>>,
    /// An invalid query string the page was opened with (it loaded the defaults instead).
    pub url_error: Option<String>,
    /// Why the link's program (`#code=`, `#z=`) could not be read.
    pub link_error: Option<String>,
    pub session: Option<Shared<Session>>,
    pub status: Option<Status>,
    pub progress: Option<Progress>,
    /// The outcome and its JSON (shared, not copied, by every render), once the run has finished.
    pub outcome: Option<Shared<(RunOutcome, AttrValue)>>,
    /// Why the run was stopped, if a limit of the interpreter stopped it (it has no outcome).
    pub stopped: Option<AttrValue>,
    /// What an embed shows and allows (its loader's attributes).
    pub embed_options: Rc<super::embed_options::EmbedOptions>,
    /// Show the finished run at once (the page always does; an embed when its `start` says so).
    pub start_finished: bool,
    /// The moment of the run the page shows (the first `k` events of its trace have happened);
    /// `None` follows the run as it goes, and shows its end once it has finished.
    pub cursor: Option<Cursor>,
    /// The Compare view is shown (in place of the run).
    pub comparing: bool,
    /// The four ways run for the form's tasks (computed outside the reducer: `commands::compare`).
    pub comparison: Option<Shared<Result<Comparison, String>>>,
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
            code: Rc::new(Code::of_scenario(&spec.scenario)),
            code_pending: None,
            example: None,
            opened: 0,
            cursor: None,
            start_finished: false,
            embed_options: Rc::default(),
            comparing: false,
            comparison: None,
            errors: Rc::new(parsed.as_ref().err().cloned().into_iter().collect()),
            spec: parsed,
            url_error,
            link_error: None,
            session: None,
            status: None,
            progress: None,
            outcome: None,
            stopped: None,
            version: 0,
        }
    }

    /// The state for a page opened with `query` and the fragment `hash`: a `#code=` or `#z=`
    /// program, or the query's scenario.
    pub fn from_link(query: &str, hash: &str) -> State {
        let mut s = State::from_query(query);
        let fragment = super::code::read_fragment(hash);
        match fragment.program {
            Some(Fragment::Code(source)) => s.code = Rc::new(Code::own(&source)),
            Some(Fragment::Compressed(z)) => s.code_pending = Some(Rc::from(z)),
            Some(Fragment::Invalid(why)) => s.link_error = Some(why),
            None => {}
        }
        s.start_finished = fragment.start_finished;
        s.embed_options = Rc::new(fragment.options);
        if let Some(why) = fragment.error {
            s.link_error = Some(why);
        }
        s
    }

    fn reparse(&mut self) {
        self.spec = self.form.parse(&self.view).map(Rc::new);
        self.errors = Rc::new(match &self.spec {
            Ok(_) => Vec::new(),
            Err(_) => self.form.field_errors(&self.view),
        });
        // The form writes the code, until the code is edited by hand.
        if let (false, Ok(spec)) = (self.code.own, &self.spec) {
            self.code = Rc::new(Code::of_scenario(&spec.scenario));
        }
    }

    /// The run's things cleared (a new program, or Reset).
    fn clear_run(&mut self) {
        self.cursor = None;
        self.session = None;
        self.status = None;
        self.progress = None;
        self.outcome = None;
        self.stopped = None;
    }

    /// What keeps the program from running, if anything does.
    pub fn blocked(&self) -> Option<Blocked<'_>> {
        if self.code_pending.is_some() {
            Some(Blocked::Pending)
        } else if self.code.own {
            self.code.error.as_ref().map(Blocked::Code)
        } else {
            self.spec.as_ref().err().map(Blocked::Spec)
        }
    }

    pub fn can_run(&self) -> bool {
        self.blocked().is_none()
    }

    /// Why Run is disabled, in words beside it (`None` when it is not).
    pub fn cannot_run(&self) -> Option<String> {
        Some(match self.blocked()? {
            Blocked::Pending => "The link's program is being read.".into(),
            Blocked::Code(e) => format!("Line {}: {}", e.line, e.message),
            Blocked::Spec(_) => "Fix the scenario first.".into(),
        })
    }
}

/// What keeps the program from running.
pub enum Blocked<'a> {
    /// A link's `#z=` program is still being inflated.
    Pending,
    /// The learner's own program does not compile.
    Code(&'a super::code::CodeError),
    /// The form's scenario is invalid.
    Spec(&'a SpecError),
}

impl Blocked<'_> {
    /// The message an embed's host hears (`line 3: invalid syntax`, the contract's spec error).
    pub fn message(&self) -> String {
        match self {
            Blocked::Pending => "the link's program is being read".into(),
            Blocked::Code(e) => e.summary(),
            Blocked::Spec(e) => e.to_string(),
        }
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
    /// The code was edited by hand: it becomes the learner's own (the run shown stays).
    EditCode(String),
    /// Open a program (a link's `#z=`): the run is cleared.
    LoadCode(String),
    /// Open an example of the gallery (its index): the run is cleared.
    LoadExample(usize),
    /// A link's program could not be read: the page says why.
    LinkFailed(String),
    /// Show a moment of the run (`None`: follow the run, or its end).
    SetCursor(Option<Cursor>),
    /// Show or leave the Compare view.
    SetComparing(bool),
    /// The four ways were run for the form's tasks.
    Compared(Shared<Result<Comparison, String>>),
    /// Write the code from the form again (what the learner wrote by hand is replaced).
    RewriteCode,
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
                s.cursor = None;
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
            Action::Reset => s.clear_run(),
            Action::Load(spec) => {
                s.form = Rc::new(Form::from_spec(&spec));
                s.view = spec.view.clone();
                s.url_error = None;
                s.clear_run();
                s.code = Rc::new(Code::of_scenario(&spec.scenario));
                s.reparse();
            }
            Action::EditCode(source) => {
                if *s.code.source != *source {
                    s.code = Rc::new(Code {
                        edited: true,
                        ..Code::own(&source)
                    });
                    s.example = None;
                }
            }
            Action::LoadExample(i) => {
                let Some(example) = crate::gallery::EXAMPLES.get(i) else {
                    return self;
                };
                s.code = Rc::new(Code::own(example.source));
                s.example = Some(i);
                s.opened += 1;
                s.url_error = None;
                s.clear_run();
            }
            Action::LoadCode(source) => {
                s.code = Rc::new(Code::own(&source));
                s.example = None;
                s.opened += 1;
                s.code_pending = None;
                s.link_error = None;
                s.clear_run();
            }
            Action::LinkFailed(why) => {
                s.code_pending = None;
                s.link_error = Some(why);
            }
            Action::SetComparing(on) => s.comparing = on,
            Action::SetCursor(k) => s.cursor = k,
            Action::Compared(c) => s.comparison = Some(c),
            Action::RewriteCode => {
                Rc::make_mut(&mut s.code).own = false;
                s.example = None;
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
