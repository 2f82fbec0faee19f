//! The timeline: a lane for main and for each task over a time axis, with a "now" cursor.
//! Lanes are virtualised: only the rows in view exist in the DOM (all of them up to 60 tasks).

use crate::engine::Micros;
use crate::moments::{Cursor, Moments, StateAt};
use crate::time_text::{fraction, percent, seconds_label};
use crate::timeline::{Bar, Lane, Timeline};
use crate::web::describe::{end_text, lane_details, span_label, Errors};
use crate::web::session::{Session, Shared};
use crate::web::ticker::Ticker;
use web_sys::HtmlElement;
use yew::prelude::*;

const ROW_PX: usize = 26;
const VIEW_ROWS: usize = 24;
/// Up to this many lanes, every lane is in the DOM.
const ALL_ROWS_UP_TO: usize = 61;

#[derive(Properties, PartialEq)]
pub struct TimelineViewProps {
    pub session: Option<Shared<Session>>,
    /// The loop's time at the last report.
    pub now: Micros,
    /// The run's clock is going: the time shown follows it on every frame, between reports.
    pub running: bool,
    /// Bumped when the timeline changed.
    pub version: u64,
    /// The coroutine pointed at (here or in the code view): its tasks' lanes are marked.
    #[prop_or_default]
    pub pointed: Option<AttrValue>,
    /// A lane was pointed at or focused: its coroutine's `__qualname__`.
    #[prop_or_default]
    pub onpointcoro: Callback<AttrValue>,
    /// The moment shown (the first `k` events of the trace), if not the latest.
    #[prop_or_default]
    pub cursor: Option<Cursor>,
}

/// Where a lane is drawn and what it is read against.
struct Row<'a> {
    timeline: &'a Timeline,
    errors: &'a Errors,
    span_us: u64,
    now: Micros,
    /// The coroutine pointed at.
    pointed: Option<&'a str>,
    /// The index over the trace, and the moment shown (`data-state-at`).
    moments: &'a Moments,
    cursor: usize,
    /// The one lane in the Tab order (the timeline is one Tab stop; arrows move between lanes).
    tab_stop: usize,
}

fn lane_row(row: &Row, (lane, depth): (&Lane, u32), index: usize, top: usize) -> Html {
    let Row {
        timeline,
        errors,
        span_us,
        now,
        pointed,
        moments,
        cursor,
        tab_stop,
    } = *row;
    let tabindex = if index == tab_stop { "0" } else { "-1" };
    let pct = |t: Micros| format!("{}%", percent(t, span_us));
    let state = lane.state();
    let details = lane_details(timeline, errors, lane);
    // Main's lane is the run's first task (`asyncio.run` creates it).
    let test = if lane.task.0 == 0 {
        "lane-main"
    } else {
        "lane"
    };
    html! {
        <div class={classes!("lane", state.name(), (pointed == Some(&*lane.coro)).then_some("pointed"))} data-test={test} data-task={lane.name.to_string()} data-coro={lane.coro.to_string()} data-state={state.name()}
            data-state-at={moments.state_at(lane, cursor).name()}
            data-row={index.to_string()} role="listitem" {tabindex} style={format!("top:{top}px")}
            aria-label={details.clone()} title={details} key={index}>
            <span class="lane-name" style={(depth > 0).then(|| format!("padding-left:{}em", depth.min(6) as f32 * 0.6))}>{ lane.name.to_string() }<span class="coro">{ format!(" {}", lane.coro) }</span></span>
            <span class="lane-track">
                // A thousandth of the axis is about a pixel: closer spans are drawn as one bar.
                { for lane.bars(now, span_us / 1000).into_iter().filter(|b| b.from <= now).map(|b| Bar { to: b.to.min(now), ..b }).map(|b| {
                    let label = span_label(timeline, &b.kind, b.from);
                    let title = match b.spans {
                        1 => label,
                        n => format!("{label} (and {} more spans like it, too close together to tell apart)", n - 1),
                    };
                    html! { <span class={classes!("span", b.kind.look())} style={format!("left:{};width:calc({} - {})", pct(b.from), pct(b.to), pct(b.from))} {title}></span> }
                }) }
                if let Some(end) = lane.end.as_ref().filter(|e| e.0 <= now && moments.state_at(lane, cursor) != StateAt::Pending) {
                    <span class="end" style={format!("left:{}", pct(end.0))}>
                        <span class="symbol" aria-hidden="true">{ end_text(timeline, errors, lane, end).0 }</span>
                        // A narrow timeline shows only the time (the symbol says how it ended).
                        <span class="end-text end-long">{ end_text(timeline, errors, lane, end).1 }</span>
                        <span class="end-text end-short">{ seconds_label(end.0) }</span>
                    </span>
                }
            </span>
        </div>
    }
}

#[function_component(TimelineView)]
pub fn timeline_view(props: &TimelineViewProps) -> Html {
    let first = use_state(|| 0usize);
    let selected = use_state_eq(|| None::<usize>);
    // The lane in the Tab order: the last one the keyboard focused (pointing at a lane shows its
    // details but does not move it).
    let tab_row = use_state_eq(|| 0usize);
    // A lane the keyboard moved to, focused once it is drawn.
    let focus_row = use_state_eq(|| None::<usize>);
    let lanes_ref = use_node_ref();
    {
        let (focus_row, lanes_ref) = (focus_row.clone(), lanes_ref.clone());
        use_effect(move || {
            if let (Some(row), Some(lanes)) = (*focus_row, lanes_ref.cast::<web_sys::Element>()) {
                let lane = lanes
                    .query_selector(&format!("[data-row=\"{row}\"]"))
                    .ok()
                    .flatten()
                    .and_then(|l| wasm_bindgen::JsCast::dyn_into::<HtmlElement>(l).ok());
                if let Some(lane) = lane {
                    let _ = lane.focus();
                    focus_row.set(None);
                }
            }
        });
    }
    // One listener for all the rows (rather than two per row, re-attached on every render): the
    // lane under the pointer or with the focus is the one whose details are shown. (yew listens
    // once at the root and only updates its registry when a callback changes, so the two
    // `reform`s per render cost little; `use_callback` for them added 0.7 KB to the download.)
    let onpoint = {
        let (selected, onpointcoro) = (selected.clone(), props.onpointcoro.clone());
        Callback::from(move |e: Event| {
            let lane = e
                .target_dyn_into::<web_sys::Element>()
                .and_then(|t| t.closest(".lane").ok().flatten());
            if let Some(coro) = lane.as_ref().and_then(|l| l.get_attribute("data-coro")) {
                onpointcoro.emit(AttrValue::from(coro));
            }
            let row = lane.and_then(|l| l.get_attribute("data-row")?.parse().ok());
            if row.is_some() {
                selected.set(row);
            }
        })
    };
    let now = use_time_shown(props.session.clone(), props.running, props.now);
    let onfocus = {
        let (onpoint, tab_row) = (onpoint.clone(), tab_row.clone());
        Callback::from(move |e: FocusEvent| {
            let row = e
                .target_dyn_into::<web_sys::Element>()
                .and_then(|t| t.get_attribute("data-row")?.parse().ok());
            if let Some(row) = row {
                tab_row.set(row);
            }
            onpoint.emit(e.into());
        })
    };
    let Some(session) = props.session.clone() else {
        return html! { <section class="timeline empty" data-test="timeline"><p>{ "Press Run to see the tasks run." }</p></section> };
    };
    let timeline: std::cell::Ref<Timeline> = session.timeline.borrow();
    let moments = session.moments.borrow();
    // A moment of the past: the time is the cursor's, and what came after it is not drawn.
    let cursor = props
        .cursor
        .map_or(moments.len(), |c| c.k.min(moments.len()));
    let now = props.cursor.map_or(now, |c| c.t);
    let errors = session.errors.borrow();
    // Every lane but those of asyncio.run's own shutdown tasks.
    // Grouped under the task that created each.
    let lanes = timeline.grouped_order();
    let end = timeline
        .shown()
        .filter_map(|l| l.end.as_ref().map(|e| e.0))
        .max()
        .unwrap_or(0);
    // A round span: the cursor and the bars move across it, rather than it stretching under them.
    let span_us = crate::axis::span(now.max(end));
    let n = lanes.len();
    let virtualised = n > ALL_ROWS_UP_TO;
    let (from, to) = if virtualised {
        (*first, (*first + VIEW_ROWS + 2).min(n))
    } else {
        (0, n)
    };
    let onscroll = {
        let first = first.clone();
        Callback::from(move |e: Event| {
            let el: HtmlElement = e.target_unchecked_into();
            first.set(el.scroll_top().max(0) as usize / ROW_PX);
        })
    };
    let tab_stop = Some(*tab_row)
        .filter(|&i| i >= from && i < to)
        .unwrap_or(from);
    let row = Row {
        timeline: &timeline,
        errors: &errors,
        span_us,
        now,
        pointed: props.pointed.as_deref(),
        moments: &moments,
        cursor,
        tab_stop,
    };
    // Arrow keys, Home and End move the focus between lanes (scrolling a virtualised timeline to
    // bring the lane into the DOM first; the effect below focuses it once it is drawn).
    let onkeydown = {
        let (selected, focus_row, first) = (selected.clone(), focus_row.clone(), first.clone());
        let tab_row = tab_row.clone();
        Callback::from(move |e: KeyboardEvent| {
            let current = *tab_row;
            let next = match e.key().as_str() {
                "ArrowDown" => (current + 1).min(n.saturating_sub(1)),
                "ArrowUp" => current.saturating_sub(1),
                "Home" => 0,
                "End" => n.saturating_sub(1),
                _ => return,
            };
            e.prevent_default();
            if virtualised && (next < *first || next >= *first + VIEW_ROWS) {
                let top = next.saturating_sub(VIEW_ROWS / 2);
                first.set(top);
                if let Some(lanes) = e
                    .current_target()
                    .and_then(|t| wasm_bindgen::JsCast::dyn_into::<HtmlElement>(t).ok())
                {
                    lanes.set_scroll_top((top * ROW_PX) as i32);
                }
            }
            selected.set(Some(next));
            tab_row.set(next);
            focus_row.set(Some(next));
        })
    };
    let height = if virtualised {
        VIEW_ROWS * ROW_PX
    } else {
        n * ROW_PX
    };
    html! {
        <section class="timeline" data-test="timeline" aria-label="Timeline">
            <div class="axis" aria-hidden="true">
                { for crate::axis::labels(span_us).into_iter().enumerate().map(|(i, label)| {
                    html! { <span class="tick" style={format!("left:{}%", 100 * i as u64 / crate::axis::TICKS)}>{ label }</span> }
                }) }
            </div>
            <div class="lanes" role="list" ref={lanes_ref} onscroll={onscroll} onmouseover={onpoint.reform(Event::from)}
                onfocusin={onfocus} {onkeydown} style={format!("height:{height}px")}>
                <div class="lanes-inner" style={format!("height:{}px", n * ROW_PX)}>
                    { for (from..to).map(|i| {
                        let (lane, depth) = lanes[i];
                        lane_row(&row, (&timeline.lanes[lane as usize], depth), i, i * ROW_PX)
                    }) }
                    { for stalls(&timeline, now, span_us).into_iter().map(|(from, to, who)| html! {
                        <span class="stall" data-test="stall" aria-hidden="true"
                            title={format!("The loop was blocked{who}: no other task could run")}
                            style={format!("left:calc(var(--name) + (100% - var(--name) - var(--gutter)) * {});width:calc((100% - var(--name) - var(--gutter)) * {})",
                                fraction(from, span_us, 4), fraction(to - from, span_us, 4))}></span>
                    }) }
                    <span class="now" data-test="now" style={format!("left:calc(var(--name) + (100% - var(--name) - var(--gutter)) * {})", fraction(now, span_us, 4))} aria-hidden="true"></span>
                </div>
            </div>
            <p class="lane-details" data-test="lane-details" aria-live="off">
                { selected.and_then(|i| lanes.get(i)).map(|(l, _)| lane_details(&timeline, &errors, &timeline.lanes[*l as usize])).unwrap_or_else(|| "Hover or focus a lane (Tab) for its details.".into()) }
            </p>
            <p class="legend">{ "▭ waiting to start · ▬ sleeping · ░ awaiting · ▮ blocking the loop · ✓ done · ✕ failed · ⊘ cancelled " }</p>
        </section>
    }
}

/// The stretches of time a step blocked the loop (`time.sleep`, a long computation), drawn as a
/// stall across every lane: `(from, to, who)`, merged where they touch, at most `MAX_STALLS`.
fn stalls(timeline: &Timeline, now: Micros, span_us: u64) -> Vec<(Micros, Micros, String)> {
    const MAX_STALLS: usize = 200;
    // Closer than a thousandth of the axis is one stall on screen.
    let near = span_us / 1000;
    let mut merged: Vec<(Micros, Micros, String)> = Vec::new();
    for &(from, to, who) in &timeline.stalls {
        let to = to.min(now).max(from);
        let full = merged.len() == MAX_STALLS;
        match merged.last_mut() {
            Some(last) if from <= last.1 + near => last.1 = last.1.max(to),
            _ if full => break,
            _ => merged.push((
                from,
                to,
                who.and_then(|t| timeline.lane(t))
                    .map_or_else(String::new, |l| format!(" by {}", l.name)),
            )),
        }
    }
    merged
}

/// The loop's time to draw: while the run's clock goes, read from it after every frame (so time,
/// the now cursor and sleeping bars move between the loop's events), else the last report's.
#[hook]
fn use_time_shown(session: Option<Shared<Session>>, running: bool, reported: Micros) -> Micros {
    let ticked = use_state_eq(|| 0);
    {
        let ticked = ticked.setter();
        use_effect_with((session, running), move |(session, running)| {
            ticked.set(0);
            let ticker = match (session, running) {
                (Some(session), true) => {
                    let session = session.clone();
                    Some(Ticker::start(move || {
                        ticked.set(session.driver.time_shown())
                    }))
                }
                _ => None,
            };
            move || drop(ticker)
        });
    }
    if running {
        reported.max(*ticked)
    } else {
        reported
    }
}
