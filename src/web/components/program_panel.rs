//! The program beside its timeline: its code (marked with what each task does where), editing it,
//! copying it, and, once it was written by hand, the way back to the form's program.

use super::code_view::CodeView;
use super::editor::Editor;
use crate::program::RunOutcome;
use crate::web::code::Code;
use crate::web::session::{Session, Shared};
use crate::web::state::{Action, State};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ProgramPanelProps {
    pub code: Rc<Code>,
    pub session: Option<Shared<Session>>,
    pub outcome: Option<Shared<(RunOutcome, AttrValue)>>,
    pub version: u64,
    /// The form's scenario is valid (the code can be written from it again).
    pub form_valid: bool,
    pub dispatch: UseReducerDispatcher<State>,
    pub onrun: Callback<()>,
    /// The lines of the coroutine pointed at.
    #[prop_or_default]
    pub pointed: Option<(u32, u32)>,
    #[prop_or_default]
    pub onpointline: Callback<u32>,
    /// The moment shown, if not the latest.
    #[prop_or_default]
    pub cursor: Option<crate::moments::Cursor>,
    /// The code can be edited (an embed's `readonly` or `controls` may say no).
    #[prop_or(true)]
    pub editable: bool,
    /// Lines to mark (an embed's `highlight`).
    #[prop_or_default]
    pub highlight: Rc<Vec<u32>>,
}

#[function_component(ProgramPanel)]
pub fn program_panel(props: &ProgramPanelProps) -> Html {
    let editing = use_state(|| false);
    let copied = use_state(|| false);
    let onedit = {
        let editing = editing.clone();
        Callback::from(move |_: MouseEvent| editing.set(!*editing))
    };
    let oncopy = {
        let (source, copied) = (props.code.source.clone(), copied.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(w) = web_sys::window() {
                let _ = w.navigator().clipboard().write_text(&source);
                copied.set(true);
            }
        })
    };
    let onchange = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |text: String| dispatch.dispatch(Action::EditCode(text)))
    };
    let onrewrite = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::RewriteCode))
    };
    html! {
        <section class="program" aria-labelledby="program-title">
            <h2 id="program-title">{ "Program" }
                if props.editable {
                    <button type="button" data-test="edit-code" aria-pressed={editing.to_string()} onclick={onedit}>
                        { if *editing { "Done editing" } else { "Edit" } }</button>
                }
                <button type="button" class="copy" data-test="copy" onclick={oncopy}>{ if *copied { "Copied" } else { "Copy" } }</button>
            </h2>
            if props.code.own && props.form_valid {
                <p class="form-stale" data-test="form-stale">
                    { "This program is your own: the form above no longer describes it. " }
                    if props.form_valid {
                        <button type="button" data-test="rewrite" onclick={onrewrite}>{ "Rewrite it from the form" }</button>
                    }
                </p>
            }
            if *editing && props.editable {
                <Editor code={props.code.clone()} {onchange} onrun={props.onrun.clone()} />
                if let Some(e) = &props.code.error {
                    <pre class="code-error" data-test="syntax-error" role="alert">{ e.rendered.clone() }</pre>
                }
            } else {
                <CodeView code={props.code.clone()} session={props.session.clone()} outcome={props.outcome.clone()} version={props.version}
                    pointed={props.pointed} onpointline={props.onpointline.clone()} cursor={props.cursor}
                    highlight={props.highlight.clone()} />
            }
        </section>
    }
}
