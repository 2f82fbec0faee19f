//! The timeline: a lane for main and for each task over a time axis, with a "now" cursor.
//! Lanes are virtualised: only the rows in view exist in the DOM (all of them up to 60 tasks).

use crate::engine::{Awaiting, Finish, Micros};
use crate::time_text::{format_seconds, fraction, percent, seconds_label};
use crate::timeline::{Lane, SpanKind, Timeline};
use crate::web::session::{Session, Shared};
use web_sys::HtmlElement;
use yew::prelude::*;

const ROW_PX: usize = 26;
const VIEW_ROWS: usize = 24;
/// Up to this many lanes, every lane is in the DOM.
const ALL_ROWS_UP_TO: usize = 61;

#[derive(Properties, PartialEq)]
pub struct TimelineViewProps {
    pub session: Option<Shared<Session>>,
    /// The loop's time (the "now" cursor).
    pub now: Micros,
    /// Bumped when the timeline changed.
    pub version: u64,
}

fn span_label(kind: &SpanKind) -> String {
    match kind {
        SpanKind::WaitingToStart => "created, waiting for its first step".into(),
        SpanKind::InsideMain => "awaited directly by main".into(),
        SpanKind::Suspended(Awaiting::Sleep { delay_ms }) => format!("sleeping {delay_ms} ms"),
        SpanKind::Suspended(Awaiting::Task(w)) => format!("awaiting {w}"),
        SpanKind::Suspended(Awaiting::Gather) => "awaiting gather".into(),
        SpanKind::Suspended(Awaiting::Wait) => "awaiting asyncio.wait".into(),
        SpanKind::Suspended(Awaiting::TaskGroup) => "awaiting the TaskGroup".into(),
        SpanKind::Suspended(Awaiting::NextPass) => "yielded for one pass".into(),
        SpanKind::Suspended(Awaiting::Future) => "awaiting a future".into(),
    }
}

/// The end marker of a lane: a symbol that tells the state without colour, and its text.
pub fn end_text(end: &(Micros, Finish)) -> (&'static str, String) {
    match &end.1 {
        Finish::Done => ("✓", format!("done at {}", seconds_label(end.0))),
        Finish::Failed(e) => (
            "✕",
            format!("{}: {e} at {}", e.type_name(), seconds_label(end.0)),
        ),
        Finish::Cancelled {
            cause: Some(c),
            started,
        } => (
            "⊘",
            format!("{c}{}", if *started { "" } else { " (never started)" }),
        ),
        Finish::Cancelled { cause: None, .. } => (
            "⊘",
            format!(
                "cancelled: CancelledError from what it awaited, at {}",
                seconds_label(end.0)
            ),
        ),
    }
}

/// One sentence describing a lane now: how it ended, or what it is doing.
fn lane_details(lane: &Lane) -> String {
    let doing = match (&lane.end, lane.spans.last()) {
        (Some(end), _) => end_text(end).1,
        (None, Some(s)) if s.to.is_none() => span_label(&s.kind),
        _ => "not started".into(),
    };
    let created = lane.created.map_or(String::new(), |c| {
        format!("; created at {}", seconds_label(c))
    });
    let cancel = match (&lane.cancel_requested, &lane.end) {
        (Some((at, cause)), None) => {
            format!("; cancel requested at {} ({cause})", seconds_label(*at))
        }
        _ => String::new(),
    };
    format!(
        "{}: {doing}{created}; {} steps{cancel}",
        lane.who, lane.steps
    )
}

fn lane_row(lane: &Lane, index: usize, span_us: u64, now: Micros, top: usize) -> Html {
    let pct = |t: Micros| format!("{}%", percent(t, span_us));
    let state = lane.state();
    let details = lane_details(lane);
    let name = lane.who.to_string();
    let task_attr = lane.who.work_index().map(|i| i.to_string());
    let test = if lane.who.work_index().is_some() {
        "lane"
    } else {
        "lane-main"
    };
    html! {
        <div class={classes!("lane", state.name())} data-test={test} data-task={task_attr} data-state={state.name()}
            data-row={index.to_string()} role="listitem" tabindex="0" style={format!("top:{top}px")}
            aria-label={details.clone()} title={details} key={index}>
            <span class="lane-name">{ name }</span>
            <span class="lane-track">
                // A thousandth of the axis is about a pixel: closer spans are drawn as one bar.
                { for lane.bars(now, span_us / 1000).into_iter().map(|b| {
                    let title = match b.spans {
                        1 => span_label(&b.kind),
                        n => format!("{} (and {} more spans like it, too close together to tell apart)", span_label(&b.kind), n - 1),
                    };
                    html! { <span class={classes!("span", b.kind.look())} style={format!("left:{};width:calc({} - {})", pct(b.from), pct(b.to), pct(b.from))} {title}></span> }
                }) }
                if let Some(end) = &lane.end {
                    <span class={classes!("end", (end.0 * 2 > span_us).then_some("flip"))} style={format!("left:{}", pct(end.0))}>
                        <span class="symbol" aria-hidden="true">{ end_text(end).0 }</span>
                        <span class="end-text">{ end_text(end).1 }</span>
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
    // One listener for all the rows (rather than two per row, re-attached on every render): the
    // lane under the pointer or with the focus is the one whose details are shown. (yew listens
    // once at the root and only updates its registry when a callback changes, so the two
    // `reform`s per render cost little; `use_callback` for them added 0.7 KB to the download.)
    let onpoint = {
        let selected = selected.clone();
        Callback::from(move |e: Event| {
            let lane = e
                .target_dyn_into::<web_sys::Element>()
                .and_then(|t| t.closest(".lane").ok().flatten());
            let row = lane.and_then(|l| l.get_attribute("data-row")?.parse().ok());
            if row.is_some() {
                selected.set(row);
            }
        })
    };
    let Some(session) = props.session.clone() else {
        return html! { <section class="timeline empty" data-test="timeline"><p>{ "Press Run to see the tasks run." }</p></section> };
    };
    let timeline: std::cell::Ref<Timeline> = session.timeline.borrow();
    let now = props.now;
    let end = timeline
        .lanes
        .iter()
        .filter_map(|l| l.end.as_ref().map(|e| e.0))
        .max()
        .unwrap_or(0);
    let span_us = now.max(end).max(1000) * 105 / 100;
    let n = timeline.lanes.len();
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
    let ticks = 5;
    let height = if virtualised {
        VIEW_ROWS * ROW_PX
    } else {
        n * ROW_PX
    };
    html! {
        <section class="timeline" data-test="timeline" aria-label="Timeline">
            <div class="axis" aria-hidden="true">
                { for (0..=ticks).map(|i| {
                    let t = span_us * i / ticks;
                    html! { <span class="tick" style={format!("left:{}%", 100 * i / ticks)}>{ format!("{} s", format_seconds(t, 2)) }</span> }
                }) }
            </div>
            <div class="lanes" role="list" onscroll={onscroll} onmouseover={onpoint.reform(Event::from)}
                onfocusin={onpoint.reform(Event::from)} style={format!("height:{height}px")}>
                <div class="lanes-inner" style={format!("height:{}px", n * ROW_PX)}>
                    { for (from..to).map(|i| lane_row(&timeline.lanes[i], i, span_us, now, i * ROW_PX)) }
                    <span class="now" data-test="now" style={format!("left:calc(7rem + (100% - 7rem) * {})", fraction(now, span_us, 4))} aria-hidden="true"></span>
                </div>
            </div>
            <p class="lane-details" data-test="lane-details" aria-live="off">
                { selected.and_then(|i| timeline.lanes.get(i)).map(lane_details).unwrap_or_else(|| "Hover or focus a lane (Tab) for its details.".into()) }
            </p>
            <p class="legend">{ "▭ waiting to start · ▬ sleeping · ░ awaiting · ✓ done · ✕ failed · ⊘ cancelled " }</p>
        </section>
    }
}
