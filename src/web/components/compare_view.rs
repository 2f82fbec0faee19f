//! The four ways side by side: the form's tasks under create_task + await, TaskGroup, wait and
//! gather, on one shared time axis, and where they part (who is cancelled and by whom, when main
//! ends and with what, which exceptions nobody retrieved).

use super::outcome_panel::{fates, received};
use super::pattern_picker::summary;
use crate::compare::Comparison;
use crate::engine::{Finish, Micros};
use crate::time_text::{format_seconds, percent};
use crate::timeline::{Lane, Timeline};
use crate::web::describe::cause_text;
use crate::web::form::Preset;
use crate::web::session::Shared;
use crate::web::state::{Action, State};
use yew::prelude::*;

/// The lanes drawn per way; the rest are counted.
const DRAWN: usize = 12;

#[derive(Properties, PartialEq)]
pub struct CompareViewProps {
    pub comparison: Option<Shared<Result<Comparison, String>>>,
    pub dispatch: UseReducerDispatcher<State>,
}

fn lane_row(lane: &Lane, span_us: Micros) -> Html {
    let pct = |t: Micros| format!("{}%", percent(t, span_us));
    let end = lane.end.map_or(span_us, |e| e.0);
    let symbol = match lane.end.map(|e| e.1) {
        Some(Finish::Done) => "✓",
        Some(Finish::Failed) => "✕",
        Some(Finish::Cancelled { .. }) => "⊘",
        None => "",
    };
    html! {
        <div class={classes!("lane", lane.state().name())} data-task={lane.name.to_string()} data-state={lane.state().name()}>
            <span class="lane-name">{ lane.name.to_string() }</span>
            <span class="lane-track">
                { for lane.bars(end, span_us / 500).into_iter().map(|b| html! {
                    <span class={classes!("span", b.kind.look())} style={format!("left:{};width:calc({} - {})", pct(b.from), pct(b.to), pct(b.from))}></span>
                }) }
                if let Some((at, _)) = lane.end {
                    <span class="end" style={format!("left:{}", pct(at))}><span class="symbol" aria-hidden="true">{ symbol }</span></span>
                }
            </span>
        </div>
    }
}

/// Who was cancelled, and by whom.
fn cancels(timeline: &Timeline) -> Vec<String> {
    timeline
        .shown()
        .filter_map(|lane| match lane.end {
            Some((at, Finish::Cancelled { cause, .. })) => Some(format!(
                "{} {} at {} s",
                lane.name,
                cause.map_or_else(|| "was cancelled".into(), |c| cause_text(timeline, &c)),
                format_seconds(at, 3)
            )),
            _ => None,
        })
        .collect()
}

#[function_component(CompareView)]
pub fn compare_view(props: &CompareViewProps) -> Html {
    let onclose = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::SetComparing(false)))
    };
    let onstagger = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::Preset(Preset::Staggered)))
    };
    let body = match props.comparison.as_deref() {
        None => html! { <p>{ "Fix the scenario to compare the four ways." }</p> },
        Some(Err(why)) => {
            html! { <p class="error" role="alert">{ format!("The comparison was stopped: {why}") }</p> }
        }
        Some(Ok(c)) => {
            let latest = c
                .ways
                .iter()
                .flat_map(|w| w.timeline.shown().filter_map(|l| l.end.map(|e| e.0)))
                .max()
                .unwrap_or(0);
            let span_us = crate::axis::span(latest);
            html! {
                <>
                    <p class="parts" data-test="compare-parts">{ match c.parts_at {
                        Some(ms) => format!("The four ways agree until {} s; from then on they part.", format_seconds(ms * 1000, 3)),
                        None => "The four ways end every task, and main, the same way here.".into(),
                    } }</p>
                    if c.hidden {
                        <p class="hidden-differences" data-test="compare-hidden" role="status">
                            { "These sleeps hide the differences: with equal sleeps every task finishes in the same loop pass, so a TaskGroup has nothing left to cancel and a failure reaches main at the same moment in every way. " }
                            <button type="button" data-test="stagger" onclick={onstagger}>{ "Stagger the sleeps" }</button>
                        </p>
                    }
                    <div class="ways">
                        { for c.ways.iter().map(|way| {
                            let lanes: Vec<&Lane> = way.timeline.shown().collect();
                            let cancelled = cancels(&way.timeline);
                            let unretrieved = &way.outcome.program.unretrieved;
                            let main = &way.outcome.main;
                            html! {
                                <section class="way" data-test="compare-way" data-pattern={way.scenario.pattern.name()} data-json={way.json.clone()}
                                    aria-label={summary(way.scenario.pattern).0}>
                                    <h3>{ summary(way.scenario.pattern).0 }</h3>
                                    <div class="mini-lanes">
                                        { for lanes.iter().take(DRAWN).map(|l| lane_row(l, span_us)) }
                                        if lanes.len() > DRAWN {
                                            <p class="more">{ format!("… and {} more tasks", lanes.len() - DRAWN) }</p>
                                        }
                                    </div>
                                    <p class={classes!("main-state", main.state.name())}>{ format!("main {} at {} s", main.state.name(), format_seconds(main.end_ms * 1000, 3)) }</p>
                                    { received(&way.outcome) }
                                    <p class="fates">{ fates(&way.outcome) }</p>
                                    if !cancelled.is_empty() {
                                        <ul class="cancels">{ for cancelled.iter().map(|c| html! { <li>{ c }</li> }) }</ul>
                                    }
                                    if !unretrieved.is_empty() {
                                        <p class="warning">{ format!("Never retrieved (CPython logs it): {}", unretrieved.join(", ")) }</p>
                                    }
                                </section>
                            }
                        }) }
                    </div>
                </>
            }
        }
    };
    html! {
        <section class="compare" data-test="compare" aria-labelledby="compare-title">
            <h2 id="compare-title">{ "The four ways, side by side" }
                <button type="button" data-test="compare-close" onclick={onclose}>{ "Back to the run" }</button>
            </h2>
            <p class="axis-note">{ "The same tasks under each way, on the virtual clock, on one time axis." }</p>
            { body }
        </section>
    }
}
