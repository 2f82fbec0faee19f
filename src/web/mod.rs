//! The browser app (wasm32 only): yew components over the engine's trace.

mod app;

pub use app::App;

use wasm_bindgen::prelude::*;

/// Mounts the app into `#app` (called by `index.html` once the module is loaded).
///
/// A panic is reported on the console by `console_error_panic_hook` instead of failing silently.
#[wasm_bindgen]
pub fn start() {
    console_error_panic_hook::set_once();
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app"))
        .expect("index.html has an element with id=\"app\"");
    yew::Renderer::<App>::with_root(root).render();
}
