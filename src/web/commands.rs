//! The learner's commands, with their side effects: the driver is told (pause, resume, step) or a
//! session is retired, then the state is told what happened. The reducer only computes state.

use super::session::Shared;
use super::session::{start_session, start_session_with};
use super::state::{Action, State, Status};
use crate::scenario::{ClockKind, Spec, Speed, View};
use yew::prelude::*;

/// Starts a run of the state's scenario (retiring the one before).
pub fn run(state: &UseReducerHandle<State>) {
    if let Some(session) = start_session(state, state.dispatcher()) {
        state.dispatch(Action::Started(session));
    }
}

/// Runs the state's program to its end at once on the virtual clock, so the page opens showing
/// what it does (Run then plays it with the chosen clock).
pub fn preview(state: &UseReducerHandle<State>) {
    let view = View {
        clock: ClockKind::Virtual,
        speed: Speed::Instant,
        ..state.view.clone()
    };
    if let Some(session) = start_session_with(state, &view, state.dispatcher()) {
        state.dispatch(Action::Started(session));
    }
}

pub fn pause(state: &UseReducerHandle<State>) {
    if let Some(session) = &state.session {
        session.driver.pause();
    }
}

pub fn resume(state: &UseReducerHandle<State>) {
    if let Some(session) = &state.session {
        session.driver.resume();
        state.dispatch(Action::Resumed);
    }
}

pub fn step(state: &UseReducerHandle<State>) {
    if let Some(session) = &state.session {
        session.driver.step();
    }
}

/// Stops the run and clears it.
pub fn reset(state: &UseReducerHandle<State>) {
    if let Some(session) = &state.session {
        session.retire();
    }
    state.dispatch(Action::Reset);
}

/// Replaces the scenario (an embed's `set-spec`), stopping the run.
pub fn load(state: &UseReducerHandle<State>, spec: Spec) {
    if let Some(session) = &state.session {
        session.retire();
    }
    state.dispatch(Action::Load(spec));
}

/// Reads a link's `#z=` program (inflating is asynchronous) and opens it, or says why it cannot.
pub fn open_compressed(dispatch: UseReducerDispatcher<State>, z: String) {
    wasm_bindgen_futures::spawn_local(async move {
        dispatch.dispatch(match super::code::inflate(&z).await {
            Ok(source) => Action::LoadCode(source),
            Err(why) => Action::LinkFailed(why),
        });
    });
}

/// Runs the form's tasks under the four ways for the Compare view. The interpreter's state is
/// per thread, so a run still going is stopped first (a finished one keeps what it showed).
pub fn compare(state: &UseReducerHandle<State>) {
    let Ok(spec) = &state.spec else {
        return;
    };
    if matches!(state.status, Some(Status::Running | Status::Paused)) {
        reset(state);
    } else if let Some(session) = &state.session {
        session.retire();
    }
    let comparison = crate::compare::compare(&spec.scenario);
    state.dispatch(Action::Compared(Shared(std::rc::Rc::new(comparison))));
}
