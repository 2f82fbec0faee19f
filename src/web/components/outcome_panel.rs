//! What main received, what became of the tasks still running when main ended, and the timings.

use crate::engine::{CancelCause, Exc, Finish, PyResult, Value, Who};
use crate::program::{Outcome, Returned, TaskState};
use crate::time_text::format_seconds;
use crate::web::session::{Session, Shared};
use crate::web::state::Status;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct OutcomePanelProps {
    pub session: Option<Shared<Session>>,
    pub status: Option<Status>,
    pub outcome: Option<Shared<(Outcome, AttrValue)>>,
}

/// The most items of a result list drawn (a list of 10,000 would stall the page).
const SHOWN: usize = 100;

fn exc_tree(e: &Exc) -> Html {
    match e {
        Exc::TaskGroup(list) => html! {
            <div class="exc-group">
                <code>{ format!("ExceptionGroup: {e}") }</code>
                <ul>{ for list.iter().map(|x| html! { <li>{ exc_tree(x) }</li> }) }</ul>
            </div>
        },
        other => {
            html! { <code class="exc">{ format!("{}('{}')", other.type_name(), other.message()) }</code> }
        }
    }
}

fn item(r: &PyResult) -> Html {
    match r {
        Ok(Value::Int(i)) => html! { <li class="value">{ i }</li> },
        Ok(_) => html! { <li class="value">{ "None" }</li> },
        Err(e) => html! { <li class="raised">{ "✕ " }{ exc_tree(e) }</li> },
    }
}

fn received(o: &Outcome) -> Html {
    match (&o.returned, o.main.state) {
        (Some(Returned::Results(r)), _) => html! {
            <div>
                <p>{ "gather returned, in argument order:" }</p>
                <ol class="results" start="0">{ for r.iter().take(SHOWN).map(item) }</ol>
                if r.len() > SHOWN {
                    <p class="more">{ format!("… and {} more (all of them are in the outcome JSON)", r.len() - SHOWN) }</p>
                }
            </div>
        },
        (Some(Returned::Sets { done, pending }), _) => html! {
            <p>{ format!("wait returned done = {{{}}}, pending = {{{}}}", list(done), list(pending)) }</p>
        },
        (None, TaskState::Failed) => html! {
            <div><p>{ "The pattern raised, and nothing caught it:" }</p>{ exc_tree(o.main.error.as_ref().unwrap_or(&Exc::Cancelled)) }</div>
        },
        (None, TaskState::Cancelled) => {
            html! { <p>{ "main was cancelled: asyncio.run() raised CancelledError." }</p> }
        }
        (None, _) => html! { <p>{ "main finished normally." }</p> },
    }
}

fn list(v: &[u32]) -> String {
    v.iter()
        .map(|i| format!("Task {i}"))
        .collect::<Vec<_>>()
        .join(", ")
}

#[function_component(OutcomePanel)]
pub fn outcome_panel(props: &OutcomePanelProps) -> Html {
    let Some(outcome) = props.outcome.clone() else {
        let state = props.status.map_or("idle", |s| s.name());
        return html! { <section class="outcome" data-test="outcome" data-state={state}><h2>{ "Outcome" }</h2></section> };
    };
    let (o, json) = (&outcome.0 .0, &outcome.0 .1);
    let main_end = o.main.end_ms;
    // The tasks still running when main ended: asyncio.run() cancelled them at shutdown.
    let left: Vec<String> = props.session.as_ref().map_or_else(Vec::new, |session| {
        let mut run = session.run.borrow_mut();
        let run = run.run();
        (0..o.tasks.len() as u32)
            .filter(|&i| {
                let end = run.end_of(Who::work(i));
                matches!(
                    end.map(|e| e.finish),
                    Some(Finish::Cancelled {
                        cause: Some(CancelCause::Shutdown),
                        ..
                    })
                )
            })
            .map(|i| format!("Task {i}"))
            .collect()
    });
    let sleeps: u64 = props
        .session
        .as_ref()
        .map_or(0, |s| s.spec.scenario.total_sleep_ms());
    html! {
        <section class="outcome" data-test="outcome" data-state="finished" data-json={json.clone()} aria-label="Outcome">
            <h2>{ "Outcome" }</h2>
            <p class={classes!("main-state", o.main.state.name())} data-test="main-state">
                { format!("main {} at {} s", o.main.state.name(), format_seconds(main_end * 1000, 3)) }
            </p>
            { received(o) }
            if !left.is_empty() {
                <p class="leftovers" data-test="leftovers">{ format!("Still running when main ended, so cancelled by asyncio.run() at shutdown: {}", left.join(", ")) }</p>
            }
            <p class="took" data-test="took">{ format!("took {} s; the sleeps add up to {} s", format_seconds(main_end * 1000, 2), format_seconds(sleeps * 1000, 1)) }</p>
        </section>
    }
}
