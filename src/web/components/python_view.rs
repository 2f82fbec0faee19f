//! The equivalent Python program (the CLI's `python` output), with a Copy button.

use crate::program::python_source;
use crate::scenario::Spec;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PythonViewProps {
    /// `None` while the scenario is invalid.
    pub spec: Option<Rc<Spec>>,
}

#[function_component(PythonView)]
pub fn python_view(props: &PythonViewProps) -> Html {
    let copied = use_state(|| false);
    let Some(spec) = &props.spec else {
        return html! { <section class="python"><h2>{ "Python" }</h2><p>{ "Fix the scenario to see its program." }</p></section> };
    };
    let source = python_source(&spec.scenario);
    let oncopy = {
        let (source, copied) = (source.clone(), copied.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(w) = web_sys::window() {
                let _ = w.navigator().clipboard().write_text(&source);
                copied.set(true);
            }
        })
    };
    html! {
        <section class="python" aria-label="Python program">
            <h2>{ "Python" }
                <button type="button" class="copy" data-test="copy" onclick={oncopy}>{ if *copied { "Copied" } else { "Copy" } }</button>
            </h2>
            // Scrollable, so reachable by keyboard (tabindex) and named for screen readers.
            <pre data-test="python" tabindex="0" aria-label="The Python program"><code>{ source }</code></pre>
        </section>
    }
}
