//! The hooks that make the app an embeddable frame (see `embed`): commands in, height and
//! readiness and outcomes out.

use super::embed::{self, Command};
use super::hooks::Latest;
use super::state::Action;
use crate::scenario::Spec;
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
                    Some(Command::Run) if state.can_run() => onrun.emit(()),
                    Some(Command::Reset) => state.dispatch(Action::Reset),
                    Some(Command::SetSpec(q)) => {
                        if let Ok(spec) = Spec::parse(&q) {
                            state.dispatch(Action::Load(spec));
                        }
                    }
                    _ => {}
                }
            })
        });
        move || drop(listener)
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
