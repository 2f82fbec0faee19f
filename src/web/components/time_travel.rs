//! Time travel: a scrubber over the run and buttons (and keys) that step by event and by loop
//! pass, back and forth; the whole page then shows that moment, read off the trace's index.

use crate::engine::{Event, What};
use crate::moments::{why_ready, Cursor, Moments, Ready, StateAt};
use crate::time_text::seconds_label;
use crate::timeline::Timeline;
use crate::web::describe::{awaiting_text, callback_text, cause_text, end_text};
use crate::web::session::{Session, Shared};
use crate::web::state::{Action, State};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TimeTravelProps {
    pub session: Shared<Session>,
    /// The moment shown (`None`: the latest).
    pub cursor: Option<Cursor>,
    /// Bumped when the run moved on.
    pub version: u64,
    pub dispatch: UseReducerDispatcher<State>,
}

/// What one event did, in plain words: `Task-3 suspends: sleeping 1000 ms, until 1.000 s (line
/// 9)`.
fn event_text(session: &Session, timeline: &Timeline, e: &Event) -> String {
    let console = session.console.borrow();
    let lane = e.task.and_then(|t| timeline.lane(t));
    let name = lane.map_or_else(|| "the loop".to_string(), |l| l.name.to_string());
    let at_line = |line: u32| {
        if line > 0 {
            format!(" (line {line})")
        } else {
            String::new()
        }
    };
    match e.what {
        What::Created { by, line } => format!(
            "{name} is created{}{}; its first step is in the next pass",
            by.and_then(|t| timeline.lane(t))
                .map_or_else(String::new, |l| format!(" by {}", l.name)),
            at_line(line)
        ),
        What::Suspended { awaiting, line } => {
            format!(
                "{name} suspends: {}{}",
                awaiting_text(timeline, &awaiting, e.at),
                at_line(line)
            )
        }
        What::Finished => match lane.and_then(|l| l.end.map(|end| (l, end))) {
            Some((l, end)) => format!(
                "{name} ends: {}",
                end_text(timeline, &session.errors.borrow(), l, &end).1
            ),
            None => format!("{name} ends"),
        },
        What::CancelRequested(cause) => {
            format!("{name}: cancel requested, {}", cause_text(timeline, &cause))
        }
        What::Printed(n) => match console.get(n as usize) {
            Some((_, text)) => format!("{name} prints {text}"),
            None => format!("{name} prints a line"),
        },
        What::Blocked { us, line } => format!(
            "{name} blocks the loop for {} ms{}: nothing else runs",
            crate::engine::clock::to_ms(us.get()),
            at_line(line)
        ),
        What::CallbackRan { kind, line, .. } => {
            format!("the loop runs {}", callback_text(kind, line))
        }
        What::TimerArmed { until, line, .. } => format!(
            "{name} arms a timer for {}{}: call_later's callback will run then",
            seconds_label(until.get()),
            at_line(line)
        ),
        What::HandleCancelled { .. } => {
            format!("{name} cancels a handle: its callback will not run (if it has not yet)")
        }
    }
}

/// The moment in words: at the end of a pass, `1.250 s, pass 14: Task-3 steps (its sleep timer
/// fired)`; within one, what its last event did.
pub fn moment_text(session: &Session, c: Cursor) -> String {
    let (timeline, moments) = (session.timeline.borrow(), session.moments.borrow());
    let at = seconds_label(c.t);
    let Some(p) = moments.pass_at(c.k) else {
        return format!("{at}: before the first pass");
    };
    if p.end == c.k {
        let step = match p.ready.first() {
            Some(&Ready::Step(t)) => timeline.lane(t).map_or_else(String::new, |l| {
                format!(": {} steps ({})", l.name, why_ready(&timeline, l, p.at))
            }),
            Some(&Ready::Callback { kind, line }) => format!(": {}", callback_text(kind, line)),
            None => String::new(),
        };
        let more = match p.ready.len() {
            0 | 1 => String::new(),
            n => format!(", and {} more", n - 1),
        };
        return format!("{at}, pass {}{step}{more}", p.pass);
    }
    match moments.last_event(c.k) {
        Some(e) if e.at == c.t => format!(
            "{at}, pass {}: {}",
            e.pass,
            event_text(session, &timeline, e)
        ),
        _ => format!("{at}: the loop waits for its next timer"),
    }
}

/// What the tasks are at cursor `k`, counted: `3 done, 1 failed, 2 pending`.
fn counts(timeline: &Timeline, moments: &Moments, k: usize) -> String {
    let mut n = [0usize; 5];
    for lane in timeline.shown() {
        n[moments.state_at(lane, k) as usize] += 1;
    }
    let names = [
        (StateAt::Pending, "pending"),
        (StateAt::Done, "done"),
        (StateAt::Failed, "failed"),
        (StateAt::Cancelled, "cancelled"),
        (StateAt::NotCreated, "not created yet"),
    ];
    names
        .iter()
        .filter(|(s, _)| n[*s as usize] > 0)
        .map(|(s, word)| format!("{} {word}", n[*s as usize]))
        .collect::<Vec<_>>()
        .join(", ")
}

#[function_component(TimeTravel)]
pub fn time_travel(props: &TimeTravelProps) -> Html {
    let moments = props.session.moments.borrow();
    let timeline = props.session.timeline.borrow();
    if moments.is_empty() {
        return html! {};
    }
    let len = moments.len();
    let c = moments.moment(props.cursor);
    let k = c.k;
    let go = {
        let dispatch = props.dispatch.clone();
        let session = props.session.clone();
        move |to: usize| {
            let (dispatch, session) = (dispatch.clone(), session.clone());
            Callback::from(move |_: MouseEvent| {
                let c = session.moments.borrow().after(to);
                dispatch.dispatch(Action::SetCursor(Some(c)));
            })
        }
    };
    let end_ms = crate::engine::clock::to_ms(moments.time_of(len));
    let now_ms = crate::engine::clock::to_ms(c.t);
    let oninput = {
        let dispatch = props.dispatch.clone();
        let session = props.session.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let ms: u64 = input.value().parse().unwrap_or(0);
            let c = session.moments.borrow().at_time(ms * 1000);
            dispatch.dispatch(Action::SetCursor(Some(c)));
        })
    };
    // ← → by event, Shift+← → by pass, Home and End (the slider's own keys would move by ms).
    let onkeydown = {
        let dispatch = props.dispatch.clone();
        let session = props.session.clone();
        Callback::from(move |e: KeyboardEvent| {
            let to = {
                let m = session.moments.borrow();
                let to = match (e.key().as_str(), e.shift_key()) {
                    // Back from a moment between events is to the event before it.
                    ("ArrowLeft", false) if m.time_of(k) < c.t => k,
                    ("ArrowLeft", false) => k.saturating_sub(1),
                    ("ArrowRight", false) => (k + 1).min(m.len()),
                    ("ArrowLeft", true) => m.prev_pass(k),
                    ("ArrowRight", true) => m.next_pass(k),
                    ("Home", _) => 0,
                    ("End", _) => m.len(),
                    _ => return,
                };
                m.after(to)
            };
            e.prevent_default();
            dispatch.dispatch(Action::SetCursor(Some(to)));
        })
    };
    let text = moment_text(&props.session, Cursor { k, t: c.t });
    html! {
        <section class="time-travel" aria-label="Any moment of the run">
            <div class="scrub-row">
                <label for="scrubber">{ "Moment" }</label>
                <input id="scrubber" type="range" data-test="scrubber" min="0" max={end_ms.to_string()} step="1"
                    value={now_ms.to_string()} aria-valuetext={text.clone()} {oninput} {onkeydown} />
                <output for="scrubber" data-test="moment">{ text }</output>
            </div>
            <div class="step-buttons" role="group" aria-label="Step through the run">
                <button type="button" data-test="to-start" onclick={go(0)} title="The start (Home)">{ "« start" }</button>
                <button type="button" data-test="back-pass" onclick={go(moments.prev_pass(k))} title="Back one loop pass (Shift+←)">{ "◀◀ pass" }</button>
                <button type="button" data-test="back-event" onclick={go(k.saturating_sub(1))} title="Back one event (←)">{ "◀ event" }</button>
                <button type="button" data-test="forward-event" onclick={go((k + 1).min(len))} title="Forward one event (→)">{ "event ▶" }</button>
                <button type="button" data-test="forward-pass" onclick={go(moments.next_pass(k))} title="Forward one loop pass (Shift+→)">{ "pass ▶▶" }</button>
                <button type="button" data-test="to-end" onclick={go(len)} title="The end (End)">{ "end »" }</button>
            </div>
            <p class="at-moment" data-test="at-moment">{ format!("At this moment: {}.", counts(&timeline, &moments, k)) }</p>
        </section>
    }
}
