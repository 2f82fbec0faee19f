//! Browser tests of the app root: it mounts into a fresh element and shows what the product is.
#![cfg(target_arch = "wasm32")]

use asyncio_playground::web::App;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn fresh_root() -> web_sys::Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    root
}

#[wasm_bindgen_test]
async fn app_mounts_and_shows_name_tagline_version_and_ready_flag() {
    let root = fresh_root();
    yew::Renderer::<App>::with_root(root.clone()).render();
    // The ready flag is set by an effect after the first render; flush runs both.
    yew::scheduler::flush().await;
    let app = root
        .query_selector("[data-test=app]")
        .unwrap()
        .expect("the app root is rendered");
    assert_eq!(app.get_attribute("data-ready").as_deref(), Some("1"));
    let text = |sel: &str| {
        root.query_selector(sel)
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap()
    };
    assert_eq!(text("[data-test=title]"), "asyncio playground");
    assert!(text("[data-test=tagline]").contains("asyncio"));
    assert_eq!(
        text("[data-test=version]"),
        concat!("v", env!("CARGO_PKG_VERSION"))
    );
}
