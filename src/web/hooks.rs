//! Hooks shared by the app: the latest state for long-lived listeners, and the keyboard shortcuts.

use super::state::{State, Status};
use gloo_events::{EventListener, EventListenerOptions};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// The state and the run callback of the latest render, for listeners registered once: they read
/// it when an event comes (cloning it out first, so no borrow is held across a dispatch).
pub type Latest = Rc<RefCell<(UseReducerHandle<State>, Callback<()>)>>;

/// Keeps [`Latest`] up to date on every render.
#[hook]
pub fn use_latest(state: UseReducerHandle<State>, onrun: Callback<()>) -> Latest {
    let latest = use_mut_ref(|| (state.clone(), onrun.clone()));
    *latest.borrow_mut() = (state, onrun);
    latest
}

/// Keyboard shortcuts, not while typing in a field or the code editor: R run, P pause/resume, S step, X reset.
#[hook]
pub fn use_keyboard_shortcuts(latest: Latest) {
    use_effect_with((), move |_| {
        // Not passive: a shortcut's key press is kept from the page (`prevent_default`). Removed
        // when dropped, by the cleanup below when the app unmounts.
        let options = EventListenerOptions::enable_prevent_default();
        let document = web_sys::window().and_then(|w| w.document());
        let listener = document.map(|d| {
            EventListener::new_with_options(&d, "keydown", options, move |e| {
                let Some(e) = e.dyn_ref::<web_sys::KeyboardEvent>() else {
                    return;
                };
                let typing = e
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                    .is_some_and(|el| {
                        matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                            // The code editor (CodeMirror) types into a contenteditable element.
                            || el
                                .dyn_ref::<web_sys::HtmlElement>()
                                .is_some_and(|h| h.is_content_editable())
                    });
                if typing || e.ctrl_key() || e.meta_key() || e.alt_key() {
                    return;
                }
                let (state, onrun) = latest.borrow().clone();
                match e.key().as_str() {
                    "r" | "R" if state.can_run() => onrun.emit(()),
                    "p" | "P" => match state.status {
                        Some(Status::Running) => super::commands::pause(&state),
                        Some(Status::Paused) => super::commands::resume(&state),
                        _ => return,
                    },
                    "s" | "S" if state.status.is_some() => super::commands::step(&state),
                    "x" | "X" if state.status.is_some() => super::commands::reset(&state),
                    _ => return,
                }
                e.prevent_default();
            })
        });
        move || drop(listener)
    });
}

/// Whether the page (an embed: its column) is at most `max_width` CSS px wide, kept in step as it
/// is resized.
#[hook]
pub fn use_narrow(max_width: u32) -> bool {
    let list = |width: u32| {
        web_sys::window().and_then(|w| {
            w.match_media(&format!("(max-width: {width}px)"))
                .ok()
                .flatten()
        })
    };
    let narrow = use_state(|| list(max_width).is_some_and(|m| m.matches()));
    {
        let narrow = narrow.clone();
        use_effect_with(max_width, move |width| {
            let list = list(*width);
            // Removed when dropped, by the cleanup below.
            let listener = list.map(|list| {
                let target = list.clone();
                EventListener::new(&list, "change", move |_| narrow.set(target.matches()))
            });
            move || drop(listener)
        });
    }
    *narrow
}
