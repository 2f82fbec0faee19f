//! The scenario's fields: each labelled, each showing the contract's message when invalid.

use crate::scenario::{Pattern, SpecError};
use crate::web::form::{Form, Preset};
use crate::web::state::{Action, State};
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ControlsProps {
    pub form: Rc<Form>,
    /// Every invalid field's own error, each shown beside its field.
    pub errors: Rc<Vec<SpecError>>,
    pub dispatch: UseReducerDispatcher<State>,
}

/// Which fields the chosen pattern shows, with their labels and hints.
fn fields(p: Pattern) -> Vec<(&'static str, &'static str, &'static str)> {
    let mut v = vec![
        ("tasks", "Tasks", "0 to 10000"),
        ("sleep", "Sleep (ms)", "e.g. 3000,1000"),
        ("fail", "Failing tasks", "e.g. 1,3"),
    ];
    if p.takes("cancel") {
        v.push(("cancel", "Cancel (task@ms)", "e.g. 1@500"));
    }
    v.push(("interrupt", "Interrupt main at (ms)", "e.g. 2500"));
    v.push(("linger", "Linger (ms)", "e.g. 200"));
    if p.takes("timeout") {
        v.push(("timeout", "Timeout (ms)", "e.g. 1500"));
    }
    v
}

#[function_component(Controls)]
pub fn controls(props: &ControlsProps) -> Html {
    let (form, dispatch) = (&props.form, &props.dispatch);
    // The seed as typed: an invalid one is said so, never silently rewritten.
    let seed = use_state(|| "42".to_string());
    let seed_value: Option<u64> = seed.trim().parse().ok();
    let errors = &props.errors;
    let field = |key: &'static str, label: &'static str, hint: &'static str| {
        let s = dispatch.clone();
        let oninput = Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            s.dispatch(Action::Edit(key, input.value()));
        });
        let err = errors.iter().find(|e| e.key() == key);
        let id = format!("field-{key}");
        let err_id = format!("error-{key}");
        html! {
            <div class={classes!("field", err.is_some().then_some("invalid"))}>
                <label for={id.clone()}>{ label }</label>
                <input id={id.clone()} data-test={id} value={form.get(key).to_string()} {oninput}
                    placeholder={hint} aria-invalid={err.is_some().to_string()} aria-describedby={err_id.clone()}
                    spellcheck="false" autocomplete="off" />
                <span class="error" id={err_id.clone()} data-test={err_id} role="alert">
                    { err.map(in_field_words).unwrap_or_default() }
                </span>
            </div>
        }
    };
    let p = form.pattern;
    let preset = |preset: Option<Preset>, label: &'static str| {
        let s = dispatch.clone();
        let disabled = preset.is_none();
        let onclick = Callback::from(move |_| {
            if let Some(preset) = preset {
                s.dispatch(Action::Preset(preset));
            }
        });
        html! { <button type="button" {onclick} {disabled} data-test={format!("preset-{}", label.to_ascii_lowercase())}>{ label }</button> }
    };
    let other_errors: Vec<&SpecError> = errors
        .iter()
        .filter(|e| !fields(p).iter().any(|(k, _, _)| *k == e.key()))
        .collect();
    html! {
        <section class="controls" aria-label="Scenario">
            { for fields(p).into_iter().map(|(k, l, h)| field(k, l, h)) }
            if p == Pattern::Gather {
                <div class="field check">
                    <label>
                        <input type="checkbox" data-test="field-return_exceptions"
                            checked={form.get("return_exceptions") == "1"}
                            onchange={ let s = dispatch.clone(); Callback::from(move |e: Event| {
                                let input: HtmlInputElement = e.target_unchecked_into();
                                s.dispatch(Action::Edit("return_exceptions", if input.checked() { "1" } else { "" }.into()));
                            }) } />
                        { " return_exceptions=True" }
                    </label>
                </div>
            }
            if p == Pattern::Wait {
                <div class="field">
                    <label for="field-return_when">{ "return_when" }</label>
                    <select id="field-return_when" data-test="field-return_when"
                        onchange={ let s = dispatch.clone(); Callback::from(move |e: Event| {
                            let input: web_sys::HtmlSelectElement = e.target_unchecked_into();
                            s.dispatch(Action::Edit("return_when", input.value()));
                        }) }>
                        { for ["ALL_COMPLETED", "FIRST_COMPLETED", "FIRST_EXCEPTION"].iter().map(|w| {
                            let selected = form.get("return_when") == *w || (form.get("return_when").is_empty() && *w == "ALL_COMPLETED");
                            html! { <option value={*w} {selected}>{ *w }</option> }
                        }) }
                    </select>
                </div>
            }
            <div class="presets" role="group" aria-label="Fill every task's sleep">
                <span>{ "Sleeps:" }</span>
                { preset(Some(Preset::Equal), "Equal") }
                { preset(Some(Preset::Staggered), "Staggered") }
                { preset(Some(Preset::Reversed), "Reversed") }
                { preset(seed_value.map(Preset::Random), "Random") }
                <label class="seed">{ "seed " }
                    <input inputmode="numeric" data-test="seed" value={(*seed).clone()} size="6"
                        aria-invalid={seed_value.is_none().to_string()} aria-describedby="error-seed"
                        oninput={ let seed = seed.clone(); Callback::from(move |e: InputEvent| {
                            let input: HtmlInputElement = e.target_unchecked_into();
                            seed.set(input.value());
                        }) } />
                </label>
                <span class="error" id="error-seed" data-test="error-seed" role="alert">
                    { if seed_value.is_none() { "The seed is a whole number, 0 or more." } else { "" } }
                </span>
            </div>
            { for other_errors.iter().map(|e| html! {
                <p class="error" data-test="error-other" role="alert">{ e.to_string() }</p>
            }) }
        </section>
    }
}

/// An error as its field shows it: without the key name the field's label already says.
fn in_field_words(e: &SpecError) -> String {
    let text = e.to_string();
    match text.strip_prefix(&format!("{}: ", e.key())) {
        Some(rest) => rest.to_string(),
        None => text,
    }
}
