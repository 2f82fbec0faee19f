//! The browser app (wasm32 only): yew components over the engine's trace, and the driver that runs
//! the engine on the browser's event loop.

mod app;
mod bench;
mod commands;
mod components;
mod control;
mod describe;
mod driver;
mod embed;
mod embed_hooks;
mod embed_options;
mod page_clock;
mod session;
mod slice;
mod ticker;
mod yielder;

mod base64url;
mod code;
mod form;
mod hooks;
mod narrate;
mod state;

pub use app::{App, AppProps};
pub use control::live_counts;
pub use driver::{Driver, Progress};
pub use form::{preset_sleeps, Form, Preset};

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The page's allocator: talc in place of Rust's default dlmalloc, 2 KB smaller in the download and
/// as fast on the engine's allocation pattern (the same 227 B of wasm memory per pending task). It
/// grows wasm memory as needed, like dlmalloc; memory freed by one run is reused by the next.
#[global_allocator]
static ALLOCATOR: asyncio_playground_python::memory::Counting<talc::wasm::WasmDynamicTalc> =
    asyncio_playground_python::memory::Counting(talc::wasm::new_wasm_dynamic_allocator());

/// Mounts the app into `#app` (called by `index.html` once the module is loaded).
///
/// A panic is reported on the console and shown as a banner with a Reload button, instead of a
/// page that silently stops responding.
#[wasm_bindgen]
pub fn start() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_panic_banner();
    }));
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app"))
        .expect("index.html has an element with id=\"app\"");
    yew::Renderer::<App>::with_root(root).render();
}

/// Counters for tests and benchmarks: `{liveDrivers, liveTimers, wasmBytes, ignoredMessages}`.
#[wasm_bindgen]
pub fn debug_stats() -> js_sys::Object {
    let (drivers, timers) = control::live_counts();
    let bytes = wasm_bindgen::memory()
        .dyn_into::<js_sys::WebAssembly::Memory>()
        .map(|m| {
            m.buffer()
                .unchecked_into::<js_sys::ArrayBuffer>()
                .byte_length()
        })
        .unwrap_or(0);
    let stats = js_sys::Object::new();
    for (key, value) in [
        ("liveDrivers", drivers as f64),
        ("liveTimers", timers as f64),
        ("wasmBytes", bytes as f64),
        ("ignoredMessages", embed::ignored_messages() as f64),
    ] {
        let _ = js_sys::Reflect::set(&stats, &key.into(), &value.into());
    }
    stats
}

fn show_panic_banner() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(body) = document.body() else { return };
    if let Ok(banner) = document.create_element("div") {
        banner.set_class_name("panic-banner");
        let _ = banner.set_attribute("role", "alert");
        let _ = banner.set_attribute("data-test", "panic");
        banner.set_inner_html(
            "The playground hit an internal error and stopped. <button onclick=\"location.reload()\">Reload</button>",
        );
        let _ = body.prepend_with_node_1(&banner);
    }
}
