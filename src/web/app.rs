//! The app root: the page frame, the URL kept in step with the scenario, keyboard shortcuts, theme.

use super::code::Fragment;
use super::commands;
use super::components::pattern_picker::summary;
use super::components::{
    compare_view::CompareView,
    console_view::ConsoleView,
    controls::Controls,
    gallery_view::GalleryView,
    inspector::Inspector,
    live_region::LiveRegion,
    outcome_panel::OutcomePanel,
    pattern_picker::PatternPicker,
    program_panel::ProgramPanel,
    share_menu::ShareMenu,
    table_view::TableView,
    time_travel::{moment_text, TimeTravel},
    timeline_view::TimelineView,
    toolbar::Toolbar,
};
use super::embed_hooks::{
    use_embed_commands, use_embed_error, use_embed_outcome, use_embed_size, use_steady_layout,
};
use super::embed_options::Panel;
use super::hooks::{use_keyboard_shortcuts, use_latest};
use super::state::{Action, State, Status};
use crate::scenario::Theme;
use std::rc::Rc;
use yew::prelude::*;

/// What the learner points at: a lane (its coroutine) or a line of the code.
#[derive(Clone, PartialEq)]
enum Point {
    Coro(AttrValue),
    Line(u32),
}

/// The product's name as the page shows it.
pub const NAME: &str = "asyncio playground";
/// One sentence of what it is.
pub const TAGLINE: &str = "See how Python's asyncio runs coroutines concurrently: pick a pattern, \
                           make tasks fail or get cancelled, and watch what CPython would do.";

fn location_query() -> String {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

fn location_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

#[derive(Properties, PartialEq, Default)]
pub struct AppProps {
    /// The scenario to open with; `None` reads the page's URL (and keeps it in step).
    #[prop_or_default]
    pub query: Option<String>,
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let owns_url = props.query.is_none();
    let state = {
        let query = props.query.clone();
        use_reducer(move || match query {
            Some(q) => State::from_query(&q),
            None => State::from_link(&location_query(), &location_hash()),
        })
    };
    let mounted = use_state(|| false);

    let onrun = {
        let state = state.clone();
        Callback::from(move |()| commands::run(&state))
    };
    let onpause = {
        let state = state.clone();
        Callback::from(move |()| match state.status {
            Some(Status::Paused) => commands::resume(&state),
            _ => commands::pause(&state),
        })
    };
    let onstep = {
        let state = state.clone();
        Callback::from(move |()| commands::step(&state))
    };
    let onreset = {
        let state = state.clone();
        Callback::from(move |()| commands::reset(&state))
    };

    // Mount: mark the page ready, and read a `#z=` link's program.
    {
        let (mounted, pending, dispatch) = (
            mounted.clone(),
            state.code_pending.clone(),
            state.dispatcher(),
        );
        use_effect_with((), move |_| {
            mounted.set(true);
            if let Some(z) = pending {
                commands::open_compressed(dispatch, z.to_string());
            }
        });
    }
    // The Compare view follows the form: the four ways are run again when the tasks change.
    {
        let state = state.clone();
        let deps = (state.comparing, state.spec.clone().ok());
        use_effect_with(deps, move |(comparing, spec)| {
            if *comparing && spec.is_some() {
                commands::compare(&state);
            }
        });
    }
    // A link's program changed in the address bar (only the fragment: the page is not reloaded).
    {
        let dispatch = state.dispatcher();
        use_effect_with(owns_url, move |owns_url| {
            // Removed when dropped, by the cleanup below.
            let listener = web_sys::window().filter(|_| *owns_url).map(|w| {
                gloo_events::EventListener::new(&w, "hashchange", move |_| {
                    let dispatch = dispatch.clone();
                    match super::code::read_fragment(&location_hash()).program {
                        Some(Fragment::Code(source)) => dispatch.dispatch(Action::LoadCode(source)),
                        Some(Fragment::Invalid(why)) => dispatch.dispatch(Action::LinkFailed(why)),
                        Some(Fragment::Compressed(z)) => commands::open_compressed(dispatch, z),
                        None => {}
                    }
                })
            });
            move || drop(listener)
        });
    }
    // Once the program is known, and whenever another is opened: autorun, or (the full page)
    // show its finished run at once, on the virtual clock, with Run to watch it live.
    {
        let (state, onrun) = (state.clone(), onrun.clone());
        use_effect_with(
            (state.code_pending.is_some(), state.opened),
            move |(pending, _)| {
                if !*pending {
                    if state.view.autorun {
                        onrun.emit(());
                    } else if owns_url && (!state.view.embed || state.start_finished) {
                        // The page only, not an app mounted with a scenario of its own (the
                        // browser tests mount several on one page, and the interpreter's state
                        // is per thread: one program runs at a time).
                        commands::preview(&state);
                    }
                }
            },
        );
    }
    // The URL is the program: every change replaces it, so a copied link reproduces the page.
    {
        let deps = (
            state.form.clone(),
            state.view.clone(),
            state.code.clone(),
            state.code_pending.is_some(),
        );
        use_effect_with(deps, move |(form, view, code, pending)| {
            if owns_url && !*pending {
                if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
                    let url = if code.own {
                        // Without view keys, the path: a fragment alone would keep the query.
                        let search = match super::code::view_search(view) {
                            s if s.is_empty() => web_sys::window()
                                .and_then(|w| w.location().pathname().ok())
                                .unwrap_or_default(),
                            s => s,
                        };
                        format!("{search}{}", super::code::code_fragment(&code.source))
                    } else {
                        format!("?{}", form.query(view))
                    };
                    let _ = history.replace_state_with_url(
                        &wasm_bindgen::JsValue::NULL,
                        "",
                        Some(&url),
                    );
                }
            }
        });
    }
    // The theme: follow prefers-color-scheme unless the view key says otherwise.
    {
        let theme = state.view.theme;
        use_effect_with(theme, move |theme| {
            if let Some(root) = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.document_element())
            {
                let _ = match theme {
                    Theme::Auto => root.remove_attribute("data-theme"),
                    Theme::Light => root.set_attribute("data-theme", "light"),
                    Theme::Dark => root.set_attribute("data-theme", "dark"),
                };
            }
        });
    }
    // Keyboard shortcuts, and (when embedded) the host's commands: listeners registered once.
    let latest = use_latest(state.clone(), onrun.clone());
    use_keyboard_shortcuts(latest.clone());

    // Embedded in a tutorial: obey the host page, report size and outcomes to it.
    let embedded = state.view.embed;
    let root = use_node_ref();
    let editing = use_state(|| false);
    use_embed_commands(embedded, latest);
    // Drawn finished at load: ready once that run is drawn, and as tall while it runs again.
    let ended = state.outcome.is_some() || state.stopped.is_some();
    let steady_wanted = embedded && state.start_finished;
    let program = AttrValue::from(state.code.source.clone());
    let steady = use_steady_layout(steady_wanted, program, ended, root.clone());
    let hold = steady_wanted && steady.is_none() && !ended && state.blocked().is_none();
    use_embed_size(embedded, hold, root.clone());
    // What keeps the embed from running: its spec, its program's link, or its program itself.
    let embed_error = state
        .url_error
        .clone()
        .or(state.link_error.clone())
        .or_else(|| {
            let e = state.code.error.as_ref().filter(|_| state.code.own)?;
            Some(e.summary())
        });
    use_embed_error(embedded, embed_error);
    use_embed_outcome(embedded, state.outcome.as_ref().map(|o| o.0 .1.clone()));

    let share_query = use_memo((state.form.clone(), state.view.clone()), |(form, view)| {
        AttrValue::from(form.query(view))
    });
    let delayed = state.progress.map_or(0.0, |p| p.delayed_ms);

    let dispatch = state.dispatcher();
    let session = state.session.clone();
    let now = state.progress.map_or(0, |p| p.now);
    let lines = session.as_ref().map_or(0, |s| s.console.borrow().len());
    // What the last step did, or, at a moment the learner moved to, that moment, in words.
    let narration: AttrValue = match (&session, state.cursor) {
        (Some(s), Some(c)) => moment_text(s, c),
        (s, None) => s
            .as_ref()
            .and_then(|s| s.narration.borrow().last().cloned())
            .unwrap_or_default(),
        (None, _) => String::new(),
    }
    .into();
    // The timeline, the console and the outcome (the full page puts the program beside them).
    // Pointing at a lane marks its coroutine's lines; pointing at a line, the lanes of the
    // coroutine it is in (the innermost `def` around it).
    let point = use_state(|| None::<Point>);
    let defs = use_memo(state.code.source.clone(), |source| {
        crate::highlight::defs(source)
    });
    let pointed_def = point.as_ref().and_then(|p| match p {
        Point::Coro(coro) => defs.iter().find(|d| d.qualname == **coro),
        Point::Line(n) => defs.iter().rev().find(|d| d.first <= *n && *n <= d.last),
    });
    let pointed_coro = pointed_def.map(|d| AttrValue::from(d.qualname.clone()));
    let pointed_lines = pointed_def.map(|d| (d.first, d.last));
    let onpointcoro = {
        let point = point.clone();
        Callback::from(move |coro: AttrValue| point.set(Some(Point::Coro(coro))))
    };
    let onpointline = {
        let point = point.clone();
        Callback::from(move |line: u32| point.set(Some(Point::Line(line))))
    };
    let panels = |program: Option<Html>| {
        html! {
            <div class={classes!("panels", program.is_some().then_some("with-code"))}>
                { program.unwrap_or_default() }
                <div class="timeline-column">
                    if state.status == Some(Status::Paused) && !narration.is_empty() {
                        // What the last step did, in words (the live region says it to screen readers).
                        <p class="narration" data-test="narration" aria-hidden="true">{ narration.clone() }</p>
                    }
                    // Embeds choose their panels (the embeds issue); the full page always has it.
                    if let Some(session) = session.clone().filter(|_| !embedded) {
                        <TimeTravel session={session} cursor={state.cursor} version={state.version} dispatch={dispatch.clone()} />
                    }
                    <TimelineView session={session.clone()} now={now} version={state.version} cursor={state.cursor}
                        running={state.status == Some(Status::Running)} pointed={pointed_coro.clone()} onpointcoro={onpointcoro.clone()} />
                </div>
                <div class="side">
                    <ConsoleView session={session.clone()} lines={lines} outcome={state.outcome.clone()} cursor={state.cursor} />
                    <OutcomePanel session={session.clone()} status={state.status} outcome={state.outcome.clone()}
                        stopped={state.stopped.clone()} />
                </div>
            </div>
        }
    };
    if embedded {
        let full = {
            let mut view = state.view.clone();
            view.embed = false;
            view.origin = None;
            if state.code.own {
                // The author's program goes along (`?` clears the embed's own query).
                let search = super::code::view_search(&view);
                format!(
                    "{}{}",
                    if search.is_empty() { "?" } else { &search },
                    super::code::code_fragment(&state.code.source)
                )
            } else {
                format!("?{}", state.form.query(&view))
            }
        };
        let onedit = {
            let editing = editing.clone();
            Callback::from(move |_: MouseEvent| editing.set(!*editing))
        };
        let options = state.embed_options.clone();
        let program = html! {
            <ProgramPanel code={state.code.clone()} session={session.clone()} outcome={state.outcome.clone()}
                version={state.version} form_valid={false} dispatch={dispatch.clone()} onrun={onrun.clone()}
                pointed={pointed_lines} onpointline={onpointline.clone()} cursor={state.cursor}
                editable={!options.readonly && options.shows("edit")} highlight={Rc::new(options.highlight.clone())} />
        };
        // The panels the author named, in their order; else the program (if it is the author's)
        // above the timeline, the console and the outcome.
        let body = match &options.panels {
            None => html! {
                <>
                    if state.code.own { { program } }
                    { panels(None) }
                </>
            },
            Some(list) => html! {
                <div class="embed-panels">
                    { for list.iter().map(|panel| match panel {
                        Panel::Code => program.clone(),
                        Panel::Timeline => html! {
                            <TimelineView session={session.clone()} now={now} version={state.version} cursor={state.cursor}
                                running={state.status == Some(Status::Running)} pointed={pointed_coro.clone()} onpointcoro={onpointcoro.clone()} />
                        },
                        Panel::Console => html! {
                            <ConsoleView session={session.clone()} lines={lines} outcome={state.outcome.clone()} cursor={state.cursor} />
                        },
                        Panel::Outcome => html! {
                            <OutcomePanel session={session.clone()} status={state.status} outcome={state.outcome.clone()}
                                stopped={state.stopped.clone()} />
                        },
                        Panel::Inspector => match session.clone() {
                            Some(session) => html! {
                                <>
                                    <TimeTravel session={session.clone()} cursor={state.cursor} version={state.version} dispatch={dispatch.clone()} />
                                    <Inspector session={session} cursor={state.cursor} version={state.version} dispatch={dispatch.clone()} />
                                </>
                            },
                            None => html! {},
                        },
                    }) }
                </div>
            },
        };
        return html! {
            <main class={classes!("app", "embed", steady.is_some().then_some("steady"))} data-test="app" ref={root}
                style={steady.map(|s| format!("--steady-height: {}px; --steady-code: {}px", s.height, s.code))}
                data-ready={if *mounted { "1" } else { "0" }}>
                <header class="embed-header">
                    // The frame's own document: its one heading says what it shows.
                    <h1 class="embed-title">{ if state.code.own { "A Python program" } else { summary(state.form.pattern).0 } }</h1>
                    if !state.code.own && options.shows("edit") {
                        <button type="button" data-test="edit" aria-expanded={editing.to_string()} onclick={onedit}>
                            { if *editing { "Hide scenario" } else { "Edit scenario" } }</button>
                    }
                    <a href={full} target="_blank" rel="noopener" data-test="open-full">{ "open in the full playground ↗" }</a>
                </header>
                if let Some(e) = &state.url_error {
                    <p class="url-error" role="alert" data-test="url-error">{ format!("This embed's scenario is invalid: {e}") }</p>
                }
                if let Some(e) = &state.link_error {
                    <p class="url-error" role="alert" data-test="url-error">{ format!("This embed's program or options could not be used: {e}") }</p>
                }
                if *editing {
                    <PatternPicker pattern={state.form.pattern} dispatch={dispatch.clone()} />
                    <Controls form={state.form.clone()} errors={state.errors.clone()}
                        dispatch={dispatch.clone()} />
                }
                <Toolbar status={state.status} can_run={state.can_run()} why_not={state.cannot_run().map(AttrValue::from)} view={state.view.clone()} onrun={onrun.clone()}
                    onpause={onpause.clone()} onstep={onstep.clone()} onreset={onreset.clone()}
                    dispatch={dispatch.clone()} options={options.clone()} />
                { body }
                <LiveRegion text={narration} />
            </main>
        };
    }
    html! {
        <main class="app" data-test="app" ref={root}
            data-ready={if *mounted { "1" } else { "0" }}>
            <header class="app-header">
                <h1 data-test="title">{ NAME }</h1>
                <span class="version" data-test="version">{ concat!("v", env!("CARGO_PKG_VERSION")) }</span>
                <p class="tagline" data-test="tagline">{ TAGLINE }</p>
            </header>
            if let Some(e) = &state.url_error {
                <p class="url-error" role="alert" data-test="url-error">{ format!("The link's scenario is invalid ({e}); the defaults are loaded instead.") }</p>
            }
            if let Some(e) = &state.link_error {
                <p class="url-error" role="alert" data-test="url-error">{ format!("The link's program could not be read: {e}. The form's program is shown instead.") }</p>
            }
            <PatternPicker pattern={state.form.pattern} dispatch={dispatch.clone()} />
            <Controls form={state.form.clone()} errors={state.errors.clone()}
                dispatch={dispatch.clone()} />
            <p class="compare-open">
                <button type="button" data-test="compare-open" aria-pressed={state.comparing.to_string()}
                    disabled={state.spec.is_err()} onclick={ let d = dispatch.clone(); let on = !state.comparing;
                        Callback::from(move |_: MouseEvent| d.dispatch(Action::SetComparing(on))) }>
                    { "Compare the four ways" }</button>
            </p>
            <Toolbar status={state.status} can_run={state.can_run()} why_not={state.cannot_run().map(AttrValue::from)} view={state.view.clone()} onrun={onrun.clone()}
                    onpause={onpause.clone()} onstep={onstep.clone()} onreset={onreset.clone()}
                dispatch={dispatch.clone()} />
            <ShareMenu query={(*share_query).clone()} view_search={AttrValue::from(super::code::view_search(&state.view))}
                code={state.code.own.then(|| state.code.source.clone())} />
            if delayed > 0.0 {
                <p class="delayed" role="status" data-test="delayed">{ format!("The browser delayed this run's timers by {} ms (a background tab is throttled): the times shown are when things really ran.", delayed as u64) }</p>
            }
            if state.comparing {
                <CompareView comparison={state.comparison.clone()} dispatch={dispatch.clone()} />
            } else {
                <GalleryView selected={state.example} dispatch={dispatch.clone()} />
                { panels(Some(html! {
                    <ProgramPanel code={state.code.clone()} session={session.clone()} outcome={state.outcome.clone()}
                        version={state.version} form_valid={state.spec.is_ok()} dispatch={dispatch.clone()} onrun={onrun.clone()}
                        pointed={pointed_lines} onpointline={onpointline.clone()} cursor={state.cursor} />
                })) }
                if let Some(session) = session.clone() {
                    <Inspector session={session} cursor={state.cursor} version={state.version} dispatch={dispatch.clone()} />
                }
                <TableView session={session.clone()} version={state.version} />
            }
            <LiveRegion text={narration} />
            <footer class="shortcuts">{ "Keys: R run · P pause/resume · S step · X reset" }</footer>
        </main>
    }
}
