//! Run / Pause / Step / Reset, and the clock: real time, or virtual time at a speed.

use crate::scenario::view::rate_text;
use crate::scenario::{ClockKind, Speed, Theme, View};
use crate::web::hooks::use_narrow;
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

/// Up to this width (CSS px) the settings fold behind one button.
const NARROW: u32 = 480;

/// The narrow toolbar's symbols (SVG paths on a 16 × 16 box: no font is needed to draw them).
const PAUSE: &str = "M4 3h3v10H4zM9 3h3v10H9z";
const RESUME: &str = "M4.5 2.5l9 5.5-9 5.5z";
const STEP: &str = "M3 2.5l7.5 5.5L3 13.5zM11 3h2.5v10H11z";
const RESET: &str = "M8 2.2a5.8 5.8 0 1 1-5.6 4.3l1.9.5A3.8 3.8 0 1 0 8 4.2V6.5L4.5 3.2 8 0z";

/// The speeds offered; a link may give another rate (`speed=4`), which is then offered too.
const SPEEDS: [Speed; 6] = [
    Speed::Rate(0.1),
    Speed::Rate(0.5),
    Speed::Rate(1.0),
    Speed::Rate(2.0),
    Speed::Rate(10.0),
    Speed::Instant,
];

/// The speeds the select offers: [`SPEEDS`], and `current` in its place if it is not one of them.
fn speeds(current: Speed) -> Vec<Speed> {
    let mut all = SPEEDS.to_vec();
    if !all.contains(&current) {
        let at = all
            .iter()
            .position(|s| match (s, current) {
                (Speed::Rate(a), Speed::Rate(b)) => *a > b,
                _ => true,
            })
            .unwrap_or(all.len());
        all.insert(at, current);
    }
    all
}

/// A speed's option value (the link's `speed` value) and its label.
fn speed_text(speed: Speed) -> (String, String) {
    match speed {
        Speed::Rate(r) => (rate_text(r), format!("{}×", rate_text(r))),
        Speed::Instant => ("instant".into(), "instant".into()),
    }
}

#[function_component(Toolbar)]
pub fn toolbar(props: &ToolbarProps) -> Html {
    let narrow = use_narrow(NARROW);
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
            let speed = match select.value().as_str() {
                "instant" => Speed::Instant,
                rate => Speed::Rate(rate.parse().unwrap_or(1.0)),
            };
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
    // In a narrow column Pause, Step and Reset show a symbol (their word is their label).
    let label = |(word, icon): (&'static str, &'static str)| {
        if narrow {
            html! { <svg class="icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true"><path d={icon} /></svg> }
        } else {
            html! { word }
        }
    };
    // The clock, the speed and the theme (the settings; folded in a narrow column).
    let settings = (shows("clock") || (virtual_clock && shows("speed")) || props.options.controls.is_none()).then(|| html! {
        <>
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
                        { for speeds(props.view.speed).into_iter().map(|sp| {
                            let (value, label) = speed_text(sp);
                            html! { <option {value} selected={sp == props.view.speed}>{ label }</option> }
                        }) }
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
        </>
    });
    html! {
        <div class="toolbar" role="toolbar" aria-label="Run controls">
            if shows("run") {
            <button class="primary" data-test="run" disabled={!props.can_run} onclick={onrun}
                title="Run (R)" aria-keyshortcuts="r" aria-describedby={props.why_not.as_ref().map(|_| "why-not")}>{ if status.is_some() && !narrow { "Run again" } else { "Run" } }</button>
            }
            if let Some(why) = props.why_not.clone().filter(|_| !props.can_run) {
                <span class="why-not" id="why-not" data-test="why-not">{ why }</span>
            }
            if shows("pause") {
            <button data-test="pause" disabled={!(running || paused)} onclick={onpause}
                title="Pause / Resume (P)" aria-keyshortcuts="p" aria-pressed={paused.to_string()}
                aria-label={narrow.then_some(if paused { "Resume" } else { "Pause" })}>
                { label(if paused { ("Resume", RESUME) } else { ("Pause", PAUSE) }) }</button>
            }
            if shows("step") {
            <button data-test="step" disabled={!(paused || (running && virtual_clock)) } onclick={onstep}
                title="Step to the next event (S)" aria-keyshortcuts="s" aria-label={narrow.then_some("Step")}>{ label(("Step", STEP)) }</button>
            }
            if shows("reset") {
            <button data-test="reset" disabled={status.is_none()} onclick={onreset}
                title="Reset (X)" aria-keyshortcuts="x" aria-label={narrow.then_some("Reset")}>{ label(("Reset", RESET)) }</button>
            }
            if settings.is_some() && narrow {
                // A narrow column: the settings fold behind one button, and open over the page.
                <details class="settings" data-test="settings">
                    <summary aria-label="Clock, speed and theme" title="Clock, speed and theme">{ "⋯" }</summary>
                    <div class="settings-body">{ settings.clone().unwrap_or_default() }</div>
                </details>
            } else {
                { settings.unwrap_or_default() }
            }
            <span class="status" data-test="status" role="status">
                { status.map_or("ready", Status::name) }
            </span>
        </div>
    }
}
