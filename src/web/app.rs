//! The app root: the page frame, marked `data-ready="1"` once mounted.

use yew::prelude::*;

/// The product's name as the page shows it.
pub const NAME: &str = "asyncio playground";
/// One sentence of what it is.
pub const TAGLINE: &str = "See how Python's asyncio runs coroutines concurrently: pick a pattern, \
                           make tasks fail or get cancelled, and watch what CPython would do.";

#[function_component(App)]
pub fn app() -> Html {
    let mounted = use_state(|| false);
    {
        let mounted = mounted.clone();
        use_effect_with((), move |_| mounted.set(true));
    }
    html! {
        <main class="app" data-test="app" data-ready={if *mounted { "1" } else { "0" }}>
            <header class="app-header">
                <h1 data-test="title">{ NAME }</h1>
                <p class="tagline" data-test="tagline">{ TAGLINE }</p>
                <span class="version" data-test="version">{ concat!("v", env!("CARGO_PKG_VERSION")) }</span>
            </header>
        </main>
    }
}
