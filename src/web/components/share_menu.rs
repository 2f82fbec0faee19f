//! "Share": the link to this scenario or program (a program as `#z=`, compressed), and the HTML
//! snippet that embeds a scenario in another page.

use crate::web::code::{code_fragment, compressed_fragment};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ShareMenuProps {
    /// The scenario and view keys of the page (without `?`).
    pub query: AttrValue,
    /// The view keys alone, as `?key=value&…` or `""` (a program's link carries these).
    pub view_search: AttrValue,
    /// The learner's own program, if the page shows one (then the link carries it).
    pub code: Option<Rc<str>>,
}

/// The page's address without its query: where `www/embed.js` lives next to.
fn page_base() -> String {
    let Some(location) = web_sys::window().map(|w| w.location()) else {
        return String::new();
    };
    let origin = location.origin().unwrap_or_default();
    let path = location.pathname().unwrap_or_default();
    let dir = path.rsplit_once('/').map_or("", |(dir, _)| dir);
    format!("{origin}{dir}")
}

fn copy(text: String) -> Callback<MouseEvent> {
    Callback::from(move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.navigator().clipboard().write_text(&text);
        }
    })
}

#[function_component(ShareMenu)]
pub fn share_menu(props: &ShareMenuProps) -> Html {
    let base = page_base();
    // A program's link: `#code=` at once, then the shorter `#z=` once compressed.
    let fragment = use_state(|| None::<String>);
    {
        let fragment = fragment.clone();
        use_effect_with(props.code.clone(), move |code| {
            fragment.set(code.as_ref().map(|c| code_fragment(c)));
            if let Some(code) = code.clone() {
                wasm_bindgen_futures::spawn_local(async move {
                    if let Ok(z) = compressed_fragment(&code).await {
                        fragment.set(Some(z));
                    }
                });
            }
        });
    }
    let link = match (&props.code, &*fragment) {
        (Some(_), Some(fragment)) => format!("{base}/{}{fragment}", props.view_search),
        _ => format!("{base}/?{}", props.query),
    };
    let spec = props.query.replace('&', "&amp;").replace('"', "&quot;");
    let snippet = format!(
        "<script type=\"module\" src=\"{base}/www/embed.js\"></script>\n<asyncio-playground spec=\"{spec}\"></asyncio-playground>"
    );
    html! {
        <details class="share" data-test="share">
            <summary>{ "Share" }</summary>
            <div class="share-body">
                <label for="share-link">{ if props.code.is_some() { "Link to this program" } else { "Link to this scenario" } }</label>
                <div class="share-row">
                    <input id="share-link" data-test="share-link" readonly=true value={link.clone()} />
                    <button type="button" onclick={copy(link)}>{ "Copy" }</button>
                </div>
                if props.code.is_none() {
                    <label for="share-embed">{ "Embed it in a page" }</label>
                    <div class="share-row">
                        <textarea id="share-embed" data-test="share-embed" readonly=true rows="3" value={snippet.clone()} />
                        <button type="button" onclick={copy(snippet)}>{ "Copy" }</button>
                    </div>
                }
            </div>
        </details>
    }
}
