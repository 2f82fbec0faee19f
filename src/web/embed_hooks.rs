//! The hooks that make the app an embeddable frame (see `embed`): commands in, height and
//! readiness and outcomes out.

use super::embed::{self, Command};
use super::hooks::Latest;
use super::state::Action;
use crate::scenario::{Spec, View};
use gloo_events::EventListener;
use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use yew::prelude::*;

/// Obeys the host's commands while `enabled` (one listener, reading the latest state).
#[hook]
pub fn use_embed_commands(enabled: bool, latest: Latest) {
    use_effect_with(enabled, move |enabled| {
        // Removed when dropped: by the cleanup below, when `enabled` changes or the app unmounts.
        let listener = web_sys::window().filter(|_| *enabled).map(|w| {
            EventListener::new(&w, "message", move |e| {
                let Some(e) = e.dyn_ref::<web_sys::MessageEvent>() else {
                    return;
                };
                let (state, onrun) = latest.borrow().clone();
                match embed::command(e, state.view.origin.as_deref()) {
                    // Never silence: the host hears why nothing runs.
                    Some(Command::Run) => match state.blocked() {
                        None => onrun.emit(()),
                        Some(why) => post_error("run", &why.message()),
                    },
                    Some(Command::Reset) => super::commands::reset(&state),
                    Some(Command::SetTheme(theme)) => state.dispatch(Action::SetTheme(theme)),
                    Some(Command::SetCode(source)) => {
                        let code = super::code::Code::own(&source);
                        match &code.error {
                            // The program stays as it was; the host hears why.
                            Some(e) => post_error("set-code", &e.summary()),
                            None => {
                                if let Some(session) = &state.session {
                                    session.retire();
                                }
                                state.dispatch(Action::LoadCode(source));
                                embed::post("code-set", &[]);
                            }
                        }
                    }
                    Some(Command::SetSpec(q)) => match Spec::parse(&q) {
                        Ok(mut spec) => {
                            // The view keys it gives apply; the embed and its origin rule stay.
                            spec.view = View {
                                embed: state.view.embed,
                                origin: state.view.origin.clone(),
                                ..state.view.overlay(&q)
                            };
                            super::commands::load(&state, spec);
                            embed::post("spec-set", &[]);
                        }
                        Err(e) => post_error("set-spec", &e.to_string()),
                    },
                    None => {}
                }
            })
        });
        move || drop(listener)
    });
}

/// Tells the host what went wrong: `{type: "asyncio-playground:error", command, message}`.
fn post_error(command: &str, message: &str) {
    embed::post(
        "error",
        &[
            ("command", JsValue::from(command)),
            ("message", JsValue::from(message)),
        ],
    );
}

/// Tells the host, once it is ready, that the scenario it gave is invalid.
#[hook]
pub fn use_embed_error(enabled: bool, error: Option<String>) {
    use_effect_with(error, move |error| {
        if let (true, Some(message)) = (enabled, error) {
            post_error("load", message);
        }
    });
}

/// Tells the host that the frame is ready and, whenever it changes, how tall its content is.
#[hook]
pub fn use_embed_size(enabled: bool, root: NodeRef) {
    use_effect_with(enabled, move |enabled| {
        let mut observer = None;
        let mut callback = None;
        if *enabled {
            if let Some(el) = root.cast::<web_sys::Element>() {
                let measured = el.clone();
                let cb = Closure::<dyn Fn()>::new(move || {
                    embed::post(
                        "height",
                        &[("height", JsValue::from(embed::content_height(&measured)))],
                    );
                });
                if let Ok(o) = web_sys::ResizeObserver::new(cb.as_ref().unchecked_ref()) {
                    o.observe(&el);
                    observer = Some(o);
                }
                callback = Some(cb);
                embed::post("ready", &[]);
            }
        }
        move || {
            if let Some(o) = observer {
                o.disconnect();
            }
            drop(callback);
        }
    });
}

/// Posts each finished run's outcome to the host.
#[hook]
pub fn use_embed_outcome(enabled: bool, json: Option<AttrValue>) {
    use_effect_with(json, move |json| {
        if let (true, Some(json)) = (enabled, json) {
            if let Ok(outcome) = js_sys::JSON::parse(json) {
                embed::post("outcome", &[("outcome", outcome)]);
            }
        }
    });
}
