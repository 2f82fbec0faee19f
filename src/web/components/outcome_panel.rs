//! What main received, what became of the tasks still running when main ended, and the timings.

use crate::engine::{CancelCause, Finish};
use crate::program::{Outcome, ResultItem, Returned, RunOutcome, TaskState};
use crate::python::outcome::ErrorInfo;
use crate::time_text::format_seconds;
use crate::web::describe::error_text;
use crate::web::session::{Session, Shared};
use crate::web::state::Status;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct OutcomePanelProps {
    pub session: Option<Shared<Session>>,
    pub status: Option<Status>,
    pub outcome: Option<Shared<(RunOutcome, AttrValue)>>,
    /// Why the run was stopped (a limit of the interpreter), if it was.
    #[prop_or_default]
    pub stopped: Option<AttrValue>,
}

/// The items of a result list shown at first; the rest are folded.
const FIRST: usize = 20;
/// The most items of a result list drawn, unfolded (a list of 10,000 would stall the page).
const SHOWN: usize = 100;

fn exc_tree(e: &ErrorInfo) -> Html {
    match &e.exceptions {
        Some(list) => html! {
            <div class="exc-group">
                <code>{ error_text(e) }</code>
                <ul>{ for list.iter().map(|x| html! { <li>{ exc_tree(x) }</li> }) }</ul>
            </div>
        },
        None => {
            html! { <code class="exc">{ error_repr(e) }</code> }
        }
    }
}

/// One item of a result list as Python's `repr` writes it (an exception in red).
fn item(r: &ResultItem) -> Html {
    match r {
        ResultItem::Int(i) => html! { <span class="value">{ i }</span> },
        ResultItem::Other(repr) => html! { <span class="value">{ repr }</span> },
        ResultItem::Error(e) => html! { <span class="raised">{ error_repr(e) }</span> },
    }
}

/// `ValueError('Task 1 failed')`, as an item of a list prints (the message quoted by Python's
/// own `repr` of a string).
fn error_repr(e: &ErrorInfo) -> String {
    let message = crate::python::objects::Value::str(&e.message);
    let quoted = crate::python::objects::repr::repr(&message).unwrap_or_default();
    format!("{}({quoted})", e.type_name)
}

/// Items as a Python list: `[0, 1, 2]`.
fn python_list(items: &[ResultItem], more: bool) -> Html {
    html! {
        <>
            { "[" }
            { for items.iter().enumerate().map(|(i, r)| html! { <>{ if i > 0 { ", " } else { "" } }{ item(r) }</> }) }
            { if more { ", …]" } else { "]" } }
        </>
    }
}

pub fn received(o: &Outcome) -> Html {
    match (&o.returned, o.main.state) {
        (Some(Returned::Results(r)), _) => html! {
            <div>
                <p>{ "gather returned, in argument order:" }</p>
                <code class="results" data-test="results">{ python_list(&r[..r.len().min(FIRST)], r.len() > FIRST) }</code>
                if r.len() > FIRST {
                    <details class="more">
                        <summary>{ format!("all {} items", r.len()) }</summary>
                        <code class="results">{ python_list(&r[..r.len().min(SHOWN)], r.len() > SHOWN) }</code>
                        if r.len() > SHOWN {
                            <p>{ format!("(the first {SHOWN}; all {} are in the outcome JSON)", r.len()) }</p>
                        }
                    </details>
                }
            </div>
        },
        (Some(Returned::Sets { done, pending }), _) => html! {
            <div>
                <p>{ format!("wait returned {} done and {} pending (the tasks of these work(i)):", done.len(), pending.len()) }</p>
                { folded("done", done, o) }
                { folded("pending", pending, o) }
            </div>
        },
        (None, TaskState::Failed) => match &o.main.error {
            Some(e) => {
                html! { <div><p>{ "The pattern raised, and nothing caught it:" }</p>{ exc_tree(e) }</div> }
            }
            None => html! { <p>{ "main failed." }</p> },
        },
        (None, TaskState::Cancelled) => {
            html! { <p>{ "main was cancelled: asyncio.run() raised CancelledError." }</p> }
        }
        (None, _) => html! { <p>{ "main finished normally." }</p> },
    }
}

/// `work(0), work(1) ✕ ValueError, …` of at most `max` tasks, with `…` when there are more: a task
/// that holds an exception is marked with it (wait returns it in `done` all the same, and nobody
/// retrieves it unless main asks).
fn list(v: &[u32], max: usize, o: &Outcome) -> String {
    let mut text = v
        .iter()
        .take(max)
        .map(
            |&i| match o.tasks.get(i as usize).and_then(|t| t.error.as_ref()) {
                Some(e) => format!("work({i}) ✕ {}", e.type_name),
                None => format!("work({i})"),
            },
        )
        .collect::<Vec<_>>()
        .join(", ");
    if v.len() > max {
        text += ", …";
    }
    text
}

/// One of wait's sets: shown whole when short, else its first items and the rest folded.
fn folded(name: &str, v: &[u32], o: &Outcome) -> Html {
    if v.len() <= FIRST {
        return html! { <p class="set"><code>{ format!("{name} = {{{}}}", list(v, FIRST, o)) }</code></p> };
    }
    html! {
        <details class="more set">
            <summary><code>{ format!("{name} = {{{}}}", list(v, 5, o)) }</code></summary>
            <code>{ format!("{{{}}}", list(v, SHOWN, o)) }</code>
        </details>
    }
}

/// The exceptions nobody retrieved, and what to change.
fn unretrieved(o: &Outcome) -> Option<String> {
    let names = &o.program.unretrieved;
    if names.is_empty() {
        return None;
    }
    let list = names.join(", ");
    Some(if matches!(o.returned, Some(Returned::Sets { .. })) {
        format!(
            "Exception never retrieved ({list}): wait returns a failed task in done without raising \
             its exception, and nothing asked for it, so CPython logs \"Task exception was never \
             retrieved\" (see the console). Call task.result() or task.exception() on each task in done."
        )
    } else {
        format!(
            "Exception never retrieved ({list}): nothing awaited the task after it failed, so CPython \
             logs \"Task exception was never retrieved\" when the task is destroyed (see the console). \
             Await every task you create, or use gather or a TaskGroup."
        )
    })
}

/// How the tasks ended, counted: `20 tasks: 18 done, 1 failed, 1 cancelled`.
pub fn fates(o: &Outcome) -> String {
    let count = |state: TaskState| o.tasks.iter().filter(|t| t.state == state).count();
    let parts: Vec<String> = [
        (TaskState::Done, "done"),
        (TaskState::Failed, "failed"),
        (TaskState::Cancelled, "cancelled"),
        (TaskState::NotStarted, "never started"),
    ]
    .into_iter()
    .map(|(state, word)| (count(state), word))
    .filter(|&(n, _)| n > 0)
    .map(|(n, word)| format!("{n} {word}"))
    .collect();
    let n = o.tasks.len();
    let tasks = if n == 1 { "task" } else { "tasks" };
    if parts.is_empty() {
        format!("{n} {tasks}")
    } else {
        format!("{n} {tasks}: {}", parts.join(", "))
    }
}

#[function_component(OutcomePanel)]
pub fn outcome_panel(props: &OutcomePanelProps) -> Html {
    if let Some(why) = &props.stopped {
        return html! {
            <section class="outcome" data-test="outcome" data-state="stopped" aria-label="Outcome">
                <h2>{ "Outcome" }</h2>
                <p class="main-state failed" data-test="stopped">{ format!("The run was stopped: {why}") }</p>
            </section>
        };
    }
    let Some(outcome) = props.outcome.clone() else {
        let state = props.status.map_or("idle", |s| s.name());
        return html! { <section class="outcome" data-test="outcome" data-state={state}><h2>{ "Outcome" }</h2></section> };
    };
    let (run, json) = (&outcome.0 .0, &outcome.0 .1);
    let Some(o) = run.scenario() else {
        let stderr: Vec<String> = run.stderr().iter().map(|l| l.text.clone()).collect();
        return html! {
            <section class="outcome" data-test="outcome" data-state="finished" data-json={json.clone()} aria-label="Outcome">
                <h2>{ "Outcome" }</h2>
                { super::program_outcome::program_outcome(run.program(), &stderr) }
            </section>
        };
    };
    let main_end = o.main.end_ms;
    // The tasks still running when main ended: asyncio.run() cancelled them at shutdown.
    let left: Vec<String> = props.session.as_ref().map_or_else(Vec::new, |session| {
        let timeline = session.timeline.borrow();
        timeline
            .shown()
            .filter(|lane| {
                matches!(
                    lane.end,
                    Some((
                        _,
                        Finish::Cancelled {
                            cause: Some(CancelCause::Shutdown),
                            ..
                        }
                    ))
                )
            })
            .map(|lane| lane.name.to_string())
            .collect()
    });
    let sleeps: u64 = props
        .session
        .as_ref()
        .and_then(|s| s.run.borrow().scenario().map(|sc| sc.total_sleep_ms()))
        .unwrap_or(0);
    html! {
        <section class="outcome" data-test="outcome" data-state="finished" data-json={json.clone()} aria-label="Outcome">
            <h2>{ "Outcome" }</h2>
            <p class={classes!("main-state", o.main.state.name())} data-test="main-state">
                { format!("main {} at {} s", o.main.state.name(), format_seconds(main_end * 1000, 3)) }
            </p>
            { received(o) }
            <p class="fates" data-test="fates">{ fates(o) }</p>
            if let Some(text) = unretrieved(o) {
                <p class="warning" data-test="unretrieved">{ text }</p>
            }
            if !left.is_empty() {
                <p class="leftovers" data-test="leftovers">{ format!(
                    "Still running when main ended, so cancelled by asyncio.run() at shutdown: {}{}",
                    left.iter().take(FIRST).cloned().collect::<Vec<_>>().join(", "),
                    if left.len() > FIRST { format!(" and {} more", left.len() - FIRST) } else { String::new() },
                ) }</p>
            }
            <p class="took" data-test="took">{ format!("took {} s; the sleeps add up to {} s", format_seconds(main_end * 1000, 2), format_seconds(sleeps * 1000, 1)) }</p>
        </section>
    }
}
