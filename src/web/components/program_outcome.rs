//! The outcome of a program of the learner's own: how main ended, each task's fate, and what
//! CPython warned about (exceptions nobody retrieved, coroutines never awaited) with what to change.

use crate::python::outcome::TaskOutcome;
use crate::python::Outcome;
use crate::time_text::format_seconds;
use crate::web::describe::error_text;
use yew::prelude::*;

/// The tasks listed one by one; beyond this they are counted.
const LISTED: usize = 20;

/// `at 1.500 s`.
fn at(ms: u64) -> String {
    format!("at {} s", format_seconds(ms * 1000, 3))
}

/// How one task ended, in words: `failed at 2.000 s: ValueError: bad`.
fn fate(t: &TaskOutcome) -> String {
    match (t.state, t.end_ms) {
        ("done", Some(end)) => format!(
            "returned {} {}",
            t.result.as_deref().unwrap_or("None"),
            at(end)
        ),
        ("failed", Some(end)) => format!(
            "failed {}: {}",
            at(end),
            t.error.as_ref().map(error_text).unwrap_or_default()
        ),
        ("cancelled", Some(end)) => format!("was cancelled {}", at(end)),
        _ => "was still pending when the loop closed".into(),
    }
}

/// The coroutines CPython warned were never awaited (`RuntimeWarning: coroutine 'f' was never
/// awaited`), each once.
fn never_awaited(stderr: &[String]) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for line in stderr {
        let Some(rest) = line.split("RuntimeWarning: coroutine '").nth(1) else {
            continue;
        };
        if let Some(name) = rest.strip_suffix("' was never awaited") {
            if !names.iter().any(|n| n == name) {
                names.push(name.to_string());
            }
        }
    }
    names
}

/// Counts by state: `3 tasks: 2 done, 1 failed`.
fn counts(tasks: &[TaskOutcome]) -> String {
    let parts: Vec<String> = ["done", "failed", "cancelled", "pending"]
        .into_iter()
        .map(|state| (tasks.iter().filter(|t| t.state == state).count(), state))
        .filter(|&(n, _)| n > 0)
        .map(|(n, state)| format!("{n} {state}"))
        .collect();
    let noun = if tasks.len() == 1 { "task" } else { "tasks" };
    format!("{} {noun}: {}", tasks.len(), parts.join(", "))
}

/// The body of the outcome panel for a program (the panel's frame and its JSON are the caller's).
pub fn program_outcome(o: &Outcome, stderr: &[String]) -> Html {
    let main = match &o.main {
        None => {
            html! { <p class="main-state" data-test="main-state">{ "The program never called asyncio.run(), so no event loop ran." }</p> }
        }
        Some(m) => html! {
            <p class={classes!("main-state", m.state)} data-test="main-state">{ format!("main (Task-1) {}", fate(m)) }</p>
        },
    };
    let never = never_awaited(stderr);
    html! {
        <>
            { main }
            if !o.tasks.is_empty() {
                <p class="fates" data-test="fates">{ counts(&o.tasks) }</p>
                <ul class="task-fates">
                    { for o.tasks.iter().take(LISTED).map(|t| html! {
                        <li class={t.state}><code>{ format!("{} · {}", t.name, t.coro) }</code>{ format!(" {}", fate(t)) }</li>
                    }) }
                    if o.tasks.len() > LISTED {
                        <li>{ format!("… and {} more (all are in the outcome JSON)", o.tasks.len() - LISTED) }</li>
                    }
                </ul>
            }
            if !o.unretrieved.is_empty() {
                <p class="warning" data-test="unretrieved">
                    <strong>{ "Exception never retrieved: " }</strong>
                    { format!("{} failed and nothing awaited it or asked for its exception, so CPython only logged the error when the task was destroyed. Await the task (or gather it, or start it in a TaskGroup) so its exception reaches your code.", o.unretrieved.join(", ")) }
                </p>
            }
            if !never.is_empty() {
                <p class="warning" data-test="never-awaited">
                    <strong>{ "Never awaited: " }</strong>
                    { format!("calling {} only made a coroutine object, which never ran. Write await before the call (or pass it to asyncio.create_task) to run it.", never.iter().map(|n| format!("{n}()")).collect::<Vec<_>>().join(", ")) }
                </p>
            }
        </>
    }
}
