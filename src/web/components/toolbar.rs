//! Run / Pause / Step / Reset, and the clock: real time, or virtual time at a speed.

use crate::scenario::{ClockKind, Speed, Theme, View};
use crate::web::state::{Action, State, Status};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ToolbarProps {
    pub status: Option<Status>,
    pub can_run: bool,
    /// Why Run is disabled, shown beside it.
    #[prop_or_default]
    pub why_not: Option<AttrValue>,
    pub view: View,
    pub onrun: Callback<()>,
    /// Pause, or resume when paused.
    pub onpause: Callback<()>,
    pub onstep: Callback<()>,
    pub onreset: Callback<()>,
    pub dispatch: UseReducerDispatcher<State>,
    /// The controls shown (an embed's `controls`; all by default).
    #[prop_or_default]
    pub options: std::rc::Rc<crate::web::embed_options::EmbedOptions>,
}

const SPEEDS: [(&str, Speed); 6] = [
    ("0.1×", Speed::Rate(0.1)),
    ("0.5×", Speed::Rate(0.5)),
    ("1×", Speed::Rate(1.0)),
    ("2×", Speed::Rate(2.0)),
    ("10×", Speed::Rate(10.0)),
    ("instant", Speed::Instant),
];

#[function_component(Toolbar)]
pub fn toolbar(props: &ToolbarProps) -> Html {
    let s = &props.dispatch;
    let status = props.status;
    let running = status == Some(Status::Running);
    let paused = status == Some(Status::Paused);
    let click = |cb: &Callback<()>| cb.reform(|_: MouseEvent| ());
    let (onrun, onpause) = (click(&props.onrun), click(&props.onpause));
    let (onstep, onreset) = (click(&props.onstep), click(&props.onreset));
    let onclock = {
        let s = s.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            s.dispatch(Action::SetClock(if select.value() == "virtual" {
                ClockKind::Virtual
            } else {
                ClockKind::Real
            }));
        })
    };
    let onspeed = {
        let s = s.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            let speed = SPEEDS
                .iter()
                .find(|(n, _)| *n == select.value())
                .map_or(Speed::Rate(1.0), |(_, sp)| *sp);
            s.dispatch(Action::SetSpeed(speed));
        })
    };
    let virtual_clock = props.view.clock == ClockKind::Virtual;
    let shows = |c: &str| props.options.shows(c);
    if props
        .options
        .controls
        .as_ref()
        .is_some_and(|c| c.is_empty())
    {
        // `controls="none"`: a static figure.
        return html! {};
    }
    html! {
        <div class="toolbar" role="toolbar" aria-label="Run controls">
            if shows("run") {
            <button class="primary" data-test="run" disabled={!props.can_run} onclick={onrun}
                title="Run (R)" aria-keyshortcuts="r" aria-describedby={props.why_not.as_ref().map(|_| "why-not")}>{ if status.is_some() { "Run again" } else { "Run" } }</button>
            }
            if let Some(why) = props.why_not.clone().filter(|_| !props.can_run) {
                <span class="why-not" id="why-not" data-test="why-not">{ why }</span>
            }
            if shows("pause") {
            <button data-test="pause" disabled={!(running || paused)} onclick={onpause}
                title="Pause / Resume (P)" aria-keyshortcuts="p" aria-pressed={paused.to_string()}>
                { if paused { "Resume" } else { "Pause" } }</button>
            }
            if shows("step") {
            <button data-test="step" disabled={!(paused || (running && virtual_clock)) } onclick={onstep}
                title="Step to the next event (S)" aria-keyshortcuts="s">{ "Step" }</button>
            }
            if shows("reset") {
            <button data-test="reset" disabled={status.is_none()} onclick={onreset}
                title="Reset (X)" aria-keyshortcuts="x">{ "Reset" }</button>
            }
            if shows("clock") {
            <label>{ "Clock " }
                <select data-test="clock" onchange={onclock}>
                    <option value="real" selected={!virtual_clock}>{ "real time" }</option>
                    <option value="virtual" selected={virtual_clock}>{ "virtual time" }</option>
                </select>
            </label>
            }
            if virtual_clock && shows("speed") {
                <label>{ "Speed " }
                    <select data-test="speed" onchange={onspeed}>
                        { for SPEEDS.iter().map(|(n, sp)| html! { <option value={*n} selected={*sp == props.view.speed}>{ *n }</option> }) }
                    </select>
                </label>
            }
            if props.options.controls.is_none() {
            <label>{ "Theme " }
                <select data-test="theme" onchange={ let s = s.clone(); Callback::from(move |e: Event| {
                    let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
                    s.dispatch(Action::SetTheme(match select.value().as_str() { "light" => Theme::Light, "dark" => Theme::Dark, _ => Theme::Auto }));
                }) }>
                    { for [("auto", Theme::Auto), ("light", Theme::Light), ("dark", Theme::Dark)].iter().map(|(n, t)| html! {
                        <option value={*n} selected={*t == props.view.theme}>{ *n }</option>
                    }) }
                </select>
            </label>
            }
            <span class="status" data-test="status" role="status">
                { status.map_or("ready", Status::name) }
            </span>
        </div>
    }
}
