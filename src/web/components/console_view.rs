//! The console: what the program prints, as it prints it, then what it wrote on stderr (the
//! traceback of an uncaught exception, as Python 3.13 prints it).

use crate::moments::Cursor;
use crate::program::RunOutcome;
use crate::time_text::format_seconds;
use crate::web::session::{Session, Shared};
use wasm_bindgen::{closure::Closure, JsCast};
use yew::prelude::*;

/// The most lines kept in the DOM (the earlier ones are counted above them).
const MAX_LINES: usize = 100;

#[derive(Properties, PartialEq)]
pub struct ConsoleViewProps {
    pub session: Option<Shared<Session>>,
    /// How many lines have been printed (re-renders only when it changes).
    pub lines: usize,
    pub outcome: Option<Shared<(RunOutcome, AttrValue)>>,
    /// The moment shown (the first `k` events of the trace), if not the latest: the lines
    /// printed up to it.
    #[prop_or_default]
    pub cursor: Option<Cursor>,
}

#[function_component(ConsoleView)]
pub fn console_view(props: &ConsoleViewProps) -> Html {
    let view = use_node_ref();
    let console = props.session.as_ref().map(|s| s.console.borrow());
    let lines = console.as_deref().map_or(&[][..], |c| c.as_slice());
    // At a moment of the past: what had been printed by then.
    let until = props
        .cursor
        .zip(props.session.as_ref())
        .map(|(c, s)| (s.moments.borrow().printed_at(c.k), c.t));
    let lines = match until {
        Some((n, _)) => &lines[..n.min(lines.len())],
        None => lines,
    };
    // Follows the newest line while the learner has not scrolled up. Whether the view is at the
    // bottom is kept by its scroll events, and it is scrolled in the next frame: nothing reads the
    // layout while the page renders (a read then would lay out the whole page at once).
    let follow = use_mut_ref(|| true);
    let onscroll = {
        let follow = follow.clone();
        Callback::from(move |e: Event| {
            let el: web_sys::Element = e.target_unchecked_into();
            *follow.borrow_mut() = el.scroll_top() + el.client_height() >= el.scroll_height() - 4;
        })
    };
    {
        let (view, follow) = (view.clone(), follow.clone());
        use_effect_with((lines.len(), props.session.clone()), move |_| {
            let stick = *follow.borrow();
            if let Some(window) = web_sys::window().filter(|_| stick) {
                // Asked again when the frame comes: a scroll up since the render (its scroll
                // event is dispatched before the frame's callbacks) keeps the learner's place.
                let scroll = Closure::once_into_js(move || {
                    let el = view.cast::<web_sys::Element>();
                    if let Some(el) = el.filter(|_| *follow.borrow()) {
                        el.set_scroll_top(el.scroll_height());
                    }
                });
                let _ = window.request_animation_frame(scroll.unchecked_ref());
            }
        });
    }
    let hidden = lines.len().saturating_sub(MAX_LINES);
    let stderr = props.outcome.as_ref().map(|o| o.0 .0.stderr());
    let stderr = stderr.filter(|e| !e.is_empty()).map(|e| {
        e.iter()
            .filter(|l| until.is_none_or(|(_, t)| l.at <= t))
            .map(|l| l.text.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    });
    html! {
        <section class="console-panel" aria-label="Console">
            <h2>{ "Console" }</h2>
            if hidden > 0 {
                <p class="hidden-lines">{ format!("… {hidden} earlier lines") }</p>
            }
            // A scrolling region: focusable, so its earlier lines can be read by keyboard.
            <div class="console" data-test="console" ref={view} {onscroll} tabindex="0" role="region" aria-label="Printed output">
                { for lines[hidden..].iter().map(|(at, line)| html! {
                    <div class="line"><span class="at">{ format!("{:>8}", format_seconds(*at, 3)) }</span>{ line.to_string() }</div>
                }) }
            </div>
            if let Some(stderr) = stderr {
                <pre class="traceback" data-test="traceback">{ stderr }</pre>
            }
        </section>
    }
}
