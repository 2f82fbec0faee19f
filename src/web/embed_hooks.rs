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

/// Tells the host, whenever it changes, how tall the frame's content is; and, once `hold` is
/// false (an embed drawn finished at load holds until that run is drawn), that the frame is ready,
/// its height told first, so the host lays the embed out once, before anyone sees it ready.
#[hook]
pub fn use_embed_size(enabled: bool, hold: bool, root: NodeRef) {
    {
        let root = root.clone();
        use_effect_with(enabled, move |enabled| {
            let mut observer = None;
            let mut callback = None;
            if let Some(el) = root.cast::<web_sys::Element>().filter(|_| *enabled) {
                let measured = el.clone();
                let cb = Closure::<dyn Fn()>::new(move || post_height(&measured));
                if let Ok(o) = web_sys::ResizeObserver::new(cb.as_ref().unchecked_ref()) {
                    o.observe(&el);
                    observer = Some(o);
                }
                callback = Some(cb);
            }
            move || {
                if let Some(o) = observer {
                    o.disconnect();
                }
                drop(callback);
            }
        });
    }
    // Said once: a program set later holds nothing.
    let announced = use_mut_ref(|| false);
    use_effect_with(enabled && !hold, move |ready| {
        if *ready && !announced.replace(true) {
            if let Some(el) = root.cast::<web_sys::Element>() {
                post_height(&el);
            }
            embed::post("ready", &[]);
        }
    });
}

fn post_height(root: &web_sys::Element) {
    let height = JsValue::from(embed::content_height(root));
    embed::post("height", &[("height", height)]);
}

/// The heights an embed drawn finished at load keeps while it runs again: its own (a run draws
/// less at first: it never ends shorter) and its code view's (whose task marks would make it
/// taller: it scrolls instead). So the host's text never moves.
#[derive(Clone, Copy, PartialEq, Debug)]
pub struct Steady {
    /// The frame's content height (CSS px) with the finished run drawn.
    pub height: f64,
    /// The code view's height (CSS px) then.
    pub code: f64,
}

/// Measures [`Steady`] once `finished` (the run drawn at load) for each `program` while `enabled`
/// (an embed with `start="finished"`); `None` until then, and again when the program changes.
#[hook]
pub fn use_steady_layout(
    enabled: bool,
    program: AttrValue,
    finished: bool,
    root: NodeRef,
) -> Option<Steady> {
    let measured = use_state(|| None::<(AttrValue, Steady)>);
    {
        let measured = measured.clone();
        let deps = (enabled, program.clone(), finished);
        use_effect_with(deps, move |(enabled, program, finished)| {
            let known = measured.as_ref().is_some_and(|(p, _)| p == program);
            if let Some(el) = root
                .cast::<web_sys::Element>()
                .filter(|_| *enabled && *finished && !known)
            {
                let code = el
                    .query_selector(".code-view")
                    .ok()
                    .flatten()
                    .map_or(0.0, |c| embed::content_height(&c));
                let height = embed::content_height(&el);
                measured.set(Some((program.clone(), Steady { height, code })));
            }
        });
    }
    measured
        .as_ref()
        .filter(|(p, _)| *p == program)
        .map(|(_, s)| *s)
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
