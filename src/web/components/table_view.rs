//! The timeline as an accessible table: one row per lane, with its start, end and cause.

use crate::time_text::seconds_label;
use crate::web::describe::end_text;
use crate::web::session::{Session, Shared};
use yew::prelude::*;

/// The most rows shown (the timeline is virtualised; the table is for reading, not for 10,000 rows).
const MAX_ROWS: usize = 200;

#[derive(Properties, PartialEq)]
pub struct TableViewProps {
    pub session: Option<Shared<Session>>,
    /// Bumped when the timeline changed.
    pub version: u64,
}

#[function_component(TableView)]
pub fn table_view(props: &TableViewProps) -> Html {
    let open = use_state(|| false);
    let Some(session) = props.session.clone() else {
        return html! {};
    };
    let ontoggle = {
        let open = open.clone();
        Callback::from(move |e: Event| {
            let details: web_sys::HtmlDetailsElement = e.target_unchecked_into();
            open.set(details.open());
        })
    };
    let timeline = session.timeline.borrow();
    let errors = session.errors.borrow();
    let n = timeline.shown().count();
    let shown = if n > MAX_ROWS {
        ", the first 200 shown"
    } else {
        ""
    };
    html! {
        <details class="table-view" data-test="table-view" {ontoggle}>
            <summary>{ format!("Timeline as a table ({n} lanes{shown})") }</summary>
            // The rows exist only while the table is open.
            if *open {
                <table>
                    <caption>{ "Each lane: when it was created, how many steps it ran, how and when it ended" }</caption>
                    <thead><tr>
                        <th scope="col">{ "Lane" }</th><th scope="col">{ "Created" }</th><th scope="col">{ "Steps" }</th>
                        <th scope="col">{ "State" }</th><th scope="col">{ "End" }</th>
                    </tr></thead>
                    <tbody>
                        { for timeline.shown().take(MAX_ROWS).map(|lane| html! {
                            <tr>
                                <th scope="row">{ format!("{} ({})", lane.name, lane.coro) }</th>
                                <td>{ seconds_label(lane.created) }</td>
                                <td>{ lane.steps }</td>
                                <td>{ lane.state().name() }</td>
                                <td>{ lane.end.as_ref().map(|e| {
                                    let (symbol, text) = end_text(&timeline, &errors, lane, e);
                                    format!("{symbol} {text}")
                                }).unwrap_or_default() }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            }
        </details>
    }
}
