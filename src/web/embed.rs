//! Embed mode, the frame's side of the message API: it posts its readiness, height and outcomes to
//! its parent, and obeys `run`, `reset` and `set-spec` commands from its parent window only (and, with
//! the `origin=` view key, only from that origin). Malformed messages are counted and ignored.
//!
//! Every message is a plain object `{type: "asyncio-playground:<name>", ...}`:
//! - frame → host (target `*`, they carry nothing private): `ready`, `height` `{height}` (CSS px),
//!   `outcome` `{outcome}` (the outcome JSON as an object);
//! - host → frame: `run`, `reset`, `set-spec` `{spec}` (a query string), `set-theme` `{theme}`
//!   (`light`, `dark` or `auto`: the host's look changed; the frame follows without reloading).

use js_sys::{Object, Reflect};
use std::cell::Cell;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::MessageEvent;

/// The namespace of every message type.
pub const PREFIX: &str = "asyncio-playground:";

thread_local! {
    static IGNORED: Cell<u32> = const { Cell::new(0) };
}

/// How many messages the frame ignored (wrong sender, wrong origin, or malformed).
pub fn ignored_messages() -> u32 {
    IGNORED.with(Cell::get)
}

/// A command from the host page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Command {
    Run,
    Reset,
    SetSpec(String),
    /// Replace the program (`setCode`).
    SetCode(String),
    SetTheme(crate::scenario::Theme),
}

/// Posts `{type: PREFIX + name, ...fields}` to the parent window, if there is one.
pub fn post(name: &str, fields: &[(&str, JsValue)]) {
    let Some(parent) = web_sys::window().and_then(|w| w.parent().ok().flatten()) else {
        return;
    };
    let message = Object::new();
    let _ = Reflect::set(&message, &"type".into(), &format!("{PREFIX}{name}").into());
    for (key, value) in fields {
        let _ = Reflect::set(&message, &(*key).into(), value);
    }
    let _ = parent.post_message(&message, "*");
}

/// The command in `event`, if it comes from the parent window (and the allowed origin) and is well
/// formed; anything else is counted and ignored.
pub fn command(event: &MessageEvent, allowed_origin: Option<&str>) -> Option<Command> {
    let parsed = parse(event, allowed_origin);
    if parsed.is_none() {
        IGNORED.with(|c| c.set(c.get() + 1));
    }
    parsed
}

fn parse(event: &MessageEvent, allowed_origin: Option<&str>) -> Option<Command> {
    let window = web_sys::window()?;
    let parent: JsValue = window.parent().ok().flatten()?.into();
    let source: JsValue = event.source()?.into();
    if source != parent || JsValue::from(window.clone()) == parent {
        return None; // not from our parent (or we are not in a frame at all)
    }
    if allowed_origin.is_some_and(|o| o != event.origin()) {
        return None;
    }
    let data = event.data();
    let kind = Reflect::get(&data, &"type".into()).ok()?.as_string()?;
    match kind.strip_prefix(PREFIX)? {
        "run" => Some(Command::Run),
        "reset" => Some(Command::Reset),
        "set-spec" => Reflect::get(&data, &"spec".into())
            .ok()?
            .as_string()
            .map(Command::SetSpec),
        "set-code" => Reflect::get(&data, &"code".into())
            .ok()?
            .as_string()
            .map(Command::SetCode),
        "set-theme" => {
            use crate::scenario::Theme;
            match Reflect::get(&data, &"theme".into())
                .ok()?
                .as_string()?
                .as_str()
            {
                "light" => Some(Command::SetTheme(Theme::Light)),
                "dark" => Some(Command::SetTheme(Theme::Dark)),
                "auto" => Some(Command::SetTheme(Theme::Auto)),
                _ => None,
            }
        }
        _ => None,
    }
}

/// The page's height in CSS px, for the host to size the frame.
pub fn content_height(root: &web_sys::Element) -> f64 {
    root.dyn_ref::<web_sys::HtmlElement>()
        .map_or(0.0, |e| e.offset_height() as f64)
}
