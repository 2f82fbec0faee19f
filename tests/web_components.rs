//! Browser tests of the playground's components: field validation, lanes, and the outcome panel
//! for every pattern (compared with the engine's own outcome for the same spec).
#![cfg(target_arch = "wasm32")]

use asyncio_playground::program::ProgramRun;
use asyncio_playground::scenario::Spec;
use asyncio_playground::web::{App, AppProps};
use gloo_timers::future::TimeoutFuture;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

async fn mount(query: &str) -> Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<App>::with_root_and_props(
        root.clone(),
        AppProps {
            query: Some(query.to_string()),
        },
    )
    .render();
    yew::scheduler::flush().await;
    root
}

fn find(root: &Element, test: &str) -> Element {
    root.query_selector(&format!("[data-test={test}]"))
        .unwrap()
        .unwrap_or_else(|| panic!("no [data-test={test}]"))
}

async fn type_into(root: &Element, test: &str, text: &str) {
    let input: HtmlInputElement = find(root, test).dyn_into().unwrap();
    input.set_value(text);
    let event = web_sys::InputEvent::new("input").unwrap();
    input.dispatch_event(&event).unwrap();
    yew::scheduler::flush().await;
}

async fn click(root: &Element, test: &str) {
    find(root, test).dyn_into::<HtmlElement>().unwrap().click();
    yew::scheduler::flush().await;
}

/// Clicks Run and waits (up to 5 s) for the outcome.
async fn run_to_end(root: &Element) -> String {
    click(root, "run").await;
    for _ in 0..500 {
        let outcome = find(root, "outcome");
        if outcome.get_attribute("data-state").as_deref() == Some("finished") {
            return outcome.get_attribute("data-json").unwrap();
        }
        TimeoutFuture::new(10).await;
        yew::scheduler::flush().await;
    }
    panic!("the run did not finish");
}

#[wasm_bindgen_test]
async fn an_invalid_field_shows_the_contract_message_beside_it_and_disables_run() {
    let root = mount("tasks=3&clock=virtual").await;
    let run: web_sys::HtmlButtonElement = find(&root, "run").dyn_into().unwrap();
    assert!(!run.disabled());
    type_into(&root, "field-fail", "5").await;
    let message = find(&root, "error-fail").text_content().unwrap();
    // The contract's message, in the field's words (without the key the label already names).
    let contract = Spec::parse("tasks=3&fail=5").unwrap_err().to_string();
    assert_eq!(Some(message.as_str()), contract.strip_prefix("fail: "));
    assert!(run.disabled());
    type_into(&root, "field-fail", "2").await;
    assert_eq!(find(&root, "error-fail").text_content().unwrap(), "");
    assert!(!run.disabled());
}

#[wasm_bindgen_test]
async fn switching_pattern_drops_the_keys_the_new_pattern_does_not_take() {
    let root = mount("pattern=wait&tasks=3&timeout=500&return_when=FIRST_COMPLETED").await;
    click(&root, "pattern-gather").await;
    assert!(root
        .query_selector("[data-test=field-timeout]")
        .unwrap()
        .is_none());
    let run: web_sys::HtmlButtonElement = find(&root, "run").dyn_into().unwrap();
    assert!(
        !run.disabled(),
        "gather with the wait-only keys dropped is valid"
    );
}

#[wasm_bindgen_test]
async fn lanes_show_every_tasks_end_state_and_the_cause_of_each_cancel() {
    let root =
        mount("pattern=taskgroup&sleep=3000,1000,2000&fail=1&clock=virtual&speed=instant").await;
    run_to_end(&root).await;
    let lanes = root.query_selector_all("[data-test=lane]").unwrap();
    let lane = |i: u32| lanes.item(i).unwrap().dyn_into::<Element>().unwrap();
    let states: Vec<String> = (0..lanes.length())
        .map(|i| lane(i).get_attribute("data-state").unwrap())
        .collect();
    assert_eq!(states, ["cancelled", "failed", "cancelled"]);
    // Lanes are named as CPython names the tasks: main is Task-1, work(i)'s task Task-{i+2}.
    assert_eq!(
        lane(0).get_attribute("data-task").as_deref(),
        Some("Task-2")
    );
    let text = lane(0).text_content().unwrap();
    assert!(
        text.contains('⊘') && text.contains("cancelled by TaskGroup after Task-3 failed"),
        "{text}"
    );
    assert!(lane(1).text_content().unwrap().contains('✕'));
}

#[wasm_bindgen_test]
async fn the_outcome_panel_holds_the_engines_outcome_for_each_pattern() {
    for spec in [
        "pattern=sequential&tasks=3&sleep=100&fail=1&linger=50",
        "pattern=manual&sleep=300,100,200&cancel=2@50",
        "pattern=taskgroup&sleep=300,100,200&fail=0,1",
        "pattern=wait&sleep=300,100,200&return_when=FIRST_COMPLETED",
        "pattern=gather&sleep=300,100,200&fail=1&return_exceptions=1",
    ] {
        let root = mount(&format!("{spec}&clock=virtual&speed=instant")).await;
        let json = run_to_end(&root).await;
        let expected = ProgramRun::run_virtual(&Spec::parse(spec).unwrap().scenario, false)
            .unwrap()
            .to_json();
        assert_eq!(json, expected, "{spec}");
        let panel = find(&root, "outcome").text_content().unwrap();
        assert!(panel.contains("took"), "{spec}: {panel}");
    }
}
