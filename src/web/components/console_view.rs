//! The console: what the program prints, as it prints it, then the uncaught exception's traceback.

use crate::engine::{Line, Micros};
use crate::program::{traceback, Outcome, TaskState};
use crate::time_text::format_seconds;
use crate::web::session::{Session, Shared};
use yew::prelude::*;

/// The most lines kept in the DOM (the earlier ones are counted above them).
const MAX_LINES: usize = 100;

#[derive(Properties, PartialEq)]
pub struct ConsoleViewProps {
    pub session: Option<Shared<Session>>,
    /// How many lines have been printed (re-renders only when it changes).
    pub lines: usize,
    pub outcome: Option<Shared<(Outcome, AttrValue)>>,
}

#[function_component(ConsoleView)]
pub fn console_view(props: &ConsoleViewProps) -> Html {
    let times = props.session.as_ref().map(|s| s.console.borrow());
    let times: &[Micros] = times.as_deref().map_or(&[], |t| t.as_slice());
    let text = props.session.as_ref().map(|s| s.run.borrow().stdout());
    let text: &[Line] = text.as_deref().map_or(&[], |t| t.as_slice());
    let hidden = times.len().saturating_sub(MAX_LINES);
    let tb = props.outcome.as_ref().and_then(|o| {
        let main = &o.0 .0.main;
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
                { for times.iter().zip(text).skip(hidden).map(|(at, line)| html! {
                    <div class="line"><span class="at">{ format!("{:>8}", format_seconds(*at, 3)) }</span>{ line.to_string() }</div>
                }) }
            </div>
            if let Some(tb) = tb {
                <pre class="traceback" data-test="traceback">{ tb.join("\n") }</pre>
            }
        </section>
    }
}
