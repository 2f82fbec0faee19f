//! The loop inspector: for the pass at the cursor, what it ran (the ready queue as it began and the
//! timers that came due: each task's step and why it was there, and the program's plain
//! callbacks), the timers still armed, what every pending task awaits, and the list of all
//! passes (filterable by task; a click moves the cursor there). With a short explanation of the
//! loop whose terms point at what is on screen.

use crate::engine::Awaiting;
use crate::moments::{span_at, why_ready, Cursor, Ready, StateAt};
use crate::time_text::seconds_label;
use crate::timeline::SpanKind;
use crate::web::describe::{callback_text, span_label};
use crate::web::session::{Session, Shared};
use crate::web::state::{Action, State};
use yew::prelude::*;

/// Rows listed in each of the inspector's lists; the rest are counted.
const LISTED: usize = 20;
/// Passes drawn in the list, around the cursor's.
const PASSES_AROUND: usize = 60;

/// One row of the passes list, its text made once.
struct PassRow {
    pass: u32,
    /// The cursor just after the pass.
    end: usize,
    ms: AttrValue,
    steps: AttrValue,
    label: AttrValue,
}

#[derive(Properties, PartialEq)]
pub struct InspectorProps {
    pub session: Shared<Session>,
    pub cursor: Option<Cursor>,
    pub version: u64,
    pub dispatch: UseReducerDispatcher<State>,
}

fn more(n: usize) -> Html {
    if n > LISTED {
        html! { <li class="more">{ format!("… and {} more", n - LISTED) }</li> }
    } else {
        html! {}
    }
}

#[function_component(Inspector)]
pub fn inspector(props: &InspectorProps) -> Html {
    let filter = use_state(String::new);
    let moments = props.session.moments.borrow();
    let timeline = props.session.timeline.borrow();
    let Cursor { k, t } = moments.moment(props.cursor);
    let pass = moments.pass_at(k);
    let name = |task: crate::engine::TaskId| {
        timeline
            .lane(task)
            .map_or_else(String::new, |l| l.name.to_string())
    };
    // Timers still armed at the cursor (the tasks asleep, by deadline), and what the pending
    // tasks await: counted over every lane, written out for the first few only.
    // (deadline, the task asleep or `None` for the program's own `call_later`, line): named only
    // for the rows written out.
    let mut timers: Vec<(u64, Option<crate::engine::TaskId>, u32)> = Vec::new();
    let mut awaiting: Vec<String> = Vec::new();
    let mut n_awaiting = 0;
    for lane in timeline.shown() {
        if moments.state_at(lane, k) != StateAt::Pending {
            continue;
        }
        let Some(span) = span_at(lane, t) else {
            continue;
        };
        if let SpanKind::Suspended {
            awaiting: Awaiting::Sleep { until },
            line,
        } = span.kind
        {
            let until = until.get();
            if until > t {
                timers.push((until, Some(lane.task), line));
            }
        }
        n_awaiting += 1;
        if awaiting.len() < LISTED {
            awaiting.push(format!(
                "{} ({}): {}",
                lane.name,
                lane.coro,
                span_label(&timeline, &span.kind, span.from)
            ));
        }
    }
    // And the program's own timers (call_later), with the tasks' by deadline.
    for timer in moments.timers_at(k) {
        timers.push((timer.until, None, timer.line));
    }
    timers.sort_by_key(|(until, _, _)| *until);
    let n_timers = timers.len();
    let oninput = {
        let filter = filter.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            filter.set(input.value());
        })
    };
    let wanted = filter.trim().to_string();
    // The passes list's text, made once per run, filter and number of passes (a pass of 10,000
    // steps is a long `data-steps`): moving the cursor only re-renders the rows around it.
    let rows = {
        let session = props.session.clone();
        use_memo(
            (props.session.id, moments.passes.len(), wanted.clone()),
            move |(_, _, wanted)| {
                let (moments, timeline) = (session.moments.borrow(), session.timeline.borrow());
                let name = |t: crate::engine::TaskId| {
                    timeline
                        .lane(t)
                        .map_or_else(String::new, |l| l.name.to_string())
                };
                moments
                    .task_passes()
                    .filter(|p| {
                        wanted.is_empty()
                            || p.steps.iter().any(|&s| {
                                timeline
                                    .lane(s)
                                    .is_some_and(|l| *l.name == **wanted || *l.coro == **wanted)
                            })
                    })
                    .map(|p| {
                        let steps: Vec<String> = p.steps.iter().map(|&s| name(s)).collect();
                        let shown = if steps.len() > 4 {
                            format!("{} … ({} steps)", steps[..4].join(", "), steps.len())
                        } else {
                            steps.join(", ")
                        };
                        PassRow {
                            pass: p.pass,
                            end: p.end,
                            ms: AttrValue::from(crate::engine::clock::to_ms(p.at).to_string()),
                            steps: AttrValue::from(steps.join(",")),
                            label: AttrValue::from(format!(
                                "pass {} · {} · {shown}",
                                p.pass,
                                seconds_label(p.at)
                            )),
                        }
                    })
                    .collect::<Vec<PassRow>>()
            },
        )
    };
    let shown = &*rows;
    // After every hook: the same hooks run in every render.
    if moments.is_empty() {
        return html! {};
    }
    let at = shown.partition_point(|p| p.end <= k);
    let from = at.saturating_sub(PASSES_AROUND / 2);
    let to = (from + PASSES_AROUND).min(shown.len());
    html! {
        <section class="inspector" data-test="inspector" aria-labelledby="inspector-title">
            <h2 id="inspector-title">{ "The loop, pass by pass" }</h2>
            if let Some(p) = pass {
                <h3 data-test="inspector-pass">{ format!("Pass {} at {}", p.pass, seconds_label(p.at)) }</h3>
                <p>{ "What the pass ran, in order: the ready queue as it began, then the timers that came due." }</p>
                <ol class="ready" data-test="ready">
                    { for p.ready.iter().take(LISTED).map(|r| match *r {
                        Ready::Step(s) => html! {
                            <li>{ format!("{}: {}", name(s), timeline.lane(s).map_or_else(String::new, |l| why_ready(&timeline, l, p.at))) }</li>
                        },
                        // A plain callback: no task steps; the loop calls a function of the program.
                        Ready::Callback { kind, line } => html! {
                            <li class="callback" data-test="ready-callback">{ callback_text(kind, line) }</li>
                        },
                    }) }
                    { more(p.ready.len()) }
                </ol>
                // A blocking call in this pass: every other pending task waited behind it.
                { for moments.blocked_in(p, k).into_iter().take(LISTED).map(|(then, who, us, line)| {
                    // The tasks pending as it ended, but the one that blocked.
                    let mut behind = timeline.shown().filter(|l| Some(l.task) != who && moments.state_at(l, then) == StateAt::Pending);
                    let names: Vec<String> = behind.by_ref().take(LISTED).map(|l| l.name.to_string()).collect();
                    let n = names.len() + behind.count();
                    html! {
                        <p class="blocked" data-test="inspector-blocked">{ format!(
                            "{} blocked the loop for {} ms{}: nothing else could run. {}",
                            who.map_or_else(|| "A callback".to_string(), name),
                            crate::engine::clock::to_ms(us),
                            if line > 0 { format!(" at line {line}") } else { String::new() },
                            match n {
                                0 => "No other task was pending.".to_string(),
                                n => format!("Blocked behind it ({n}): {}{}.", names.join(", "), if n > names.len() { ", …" } else { "" }),
                            }
                        ) }</p>
                    }
                }) }
            } else {
                <p>{ "Before the first pass: asyncio.run() has created main, whose first step is in the ready queue." }</p>
            }
            <h3>{ format!("Timers still armed at {} ({n_timers})", seconds_label(t)) }</h3>
            <table class="timers" data-test="timers">
                <thead><tr><th scope="col">{ "due" }</th><th scope="col">{ "for" }</th><th scope="col">{ "line" }</th></tr></thead>
                <tbody>
                    { for timers.iter().take(LISTED).map(|(until, owner, line)| html! {
                        <tr><td>{ seconds_label(*until) }</td><td>{ owner.map_or_else(|| "call_later's callback".to_string(), name) }</td><td>{ if *line > 0 { line.to_string() } else { String::new() } }</td></tr>
                    }) }
                </tbody>
            </table>
            <h3>{ format!("What the pending tasks await ({n_awaiting})") }</h3>
            <ul class="awaiting" data-test="awaiting">
                { for awaiting.iter().map(|a| html! { <li>{ a }</li> }) }
                { more(n_awaiting) }
            </ul>
            <h3 id="passes-title">{ format!("All passes in which a task steps ({})", moments.task_passes().count()) }</h3>
            <label class="filter">{ "Only the passes of task or coroutine " }
                <input type="search" data-test="pass-filter" placeholder="Task-3 or fetch" value={(*filter).clone()} {oninput} />
            </label>
            <ol class="passes" aria-labelledby="passes-title">
                if from > 0 { <li class="more">{ format!("… {from} earlier") }</li> }
                { for shown[from..to].iter().map(|p| {
                    let dispatch = props.dispatch.clone();
                    let to = moments.after(p.end);
                    let current = pass.is_some_and(|c| c.pass == p.pass);
                    html! {
                        <li>
                            <button type="button" class={classes!("pass", current.then_some("current"))} data-test="pass"
                                data-ms={p.ms.clone()} data-steps={p.steps.clone()} aria-current={current.then_some("step")}
                                onclick={Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::SetCursor(Some(to))))}>
                                { p.label.clone() }
                            </button>
                        </li>
                    }
                }) }
                if to < shown.len() { <li class="more">{ format!("… {} later", shown.len() - to) }</li> }
            </ol>
            <details class="how" data-test="how-the-loop-works">
                <summary>{ "How the loop works" }</summary>
                <p>{ "asyncio runs one task at a time. The event loop goes round in passes: each pass first moves the timers that are due (a " }<code>{ "sleep" }</code>{ " ending) into the ready queue, then runs, in order, every callback that was in the ready queue as the pass began: the pass in the list above, and the queue under \"The ready queue\"." }</p>
                <p>{ "A task runs in steps: a step goes from one " }<code>{ "await" }</code>{ " that suspends to the next (a lane's solid bars between its waits). When what it awaits is done, its wakeup is scheduled for the next pass, not run at once; so are done-callbacks: they run one pass later." }</p>
                <p>{ "A task asleep has a timer: \"Timers still armed\" lists them by deadline. The loop sleeps until the first one is due, unless something is ready. A step that blocks (" }<code>{ "time.sleep" }</code>{ ", a long computation) holds the whole loop: the stall across every lane." }</p>
            </details>
        </section>
    }
}
