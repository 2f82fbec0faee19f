//! The learner's commands, with their side effects: the driver is told (pause, resume, step) or a
//! session is retired, then the state is told what happened. The reducer only computes state.

use super::session::start_session;
use super::state::{Action, State};
use crate::scenario::Spec;
use yew::prelude::*;

/// Starts a run of the state's scenario (retiring the one before).
pub fn run(state: &UseReducerHandle<State>) {
    if let Some(session) = start_session(state, state.dispatcher()) {
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
