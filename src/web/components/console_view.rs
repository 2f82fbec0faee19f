//! The console: what the program prints, as it prints it, then the uncaught exception's traceback.

use crate::program::{traceback, TaskState};
use crate::web::state::State;
use yew::prelude::*;

/// The most lines kept in the DOM (the earliest are summarised above them).
const MAX_LINES: usize = 1000;

#[derive(Properties, PartialEq)]
pub struct ConsoleViewProps {
    pub state: UseReducerHandle<State>,
}

#[function_component(ConsoleView)]
pub fn console_view(props: &ConsoleViewProps) -> Html {
    let Some(session) = props.state.session.clone() else {
        return html! { <section class="console-panel"><h2>{ "Console" }</h2><div class="console" data-test="console"></div></section> };
    };
    let lines = session.console.borrow();
    let hidden = lines.len().saturating_sub(MAX_LINES);
    let tb = props.state.outcome.as_ref().and_then(|o| {
        let main = &o.0.main;
        match main.state {
            TaskState::Failed => main.error.as_ref().map(traceback),
            TaskState::Cancelled => Some(traceback(&crate::engine::Exc::Cancelled)),
            _ => None,
        }
    });
    html! {
        <section class="console-panel" aria-label="Console">
            <h2>{ "Console" }</h2>
            if hidden > 0 {
                <p class="hidden-lines">{ format!("… {hidden} earlier lines") }</p>
            }
            <div class="console" data-test="console">
                { for lines[hidden..].iter().map(|(at, text)| html! {
                    <div class="line"><span class="at">{ format!("{:>8.3}", *at as f64 / 1e6) }</span>{ text }</div>
                }) }
            </div>
            if let Some(tb) = tb {
                <pre class="traceback" data-test="traceback">{ tb.join("\n") }</pre>
            }
        </section>
    }
}
