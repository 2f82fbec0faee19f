//! "Share": the link to this scenario and the HTML snippet that embeds it in another page.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ShareMenuProps {
    /// The scenario and view keys of the page (without `?`).
    pub query: AttrValue,
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
    let link = format!("{base}/?{}", props.query);
    let spec = props.query.replace('&', "&amp;").replace('"', "&quot;");
    let snippet = format!(
        "<script type=\"module\" src=\"{base}/www/embed.js\"></script>\n<asyncio-playground spec=\"{spec}\"></asyncio-playground>"
    );
    html! {
        <details class="share" data-test="share">
            <summary>{ "Share" }</summary>
            <div class="share-body">
                <label for="share-link">{ "Link to this scenario" }</label>
                <div class="share-row">
                    <input id="share-link" data-test="share-link" readonly=true value={link.clone()} />
                    <button type="button" onclick={copy(link)}>{ "Copy" }</button>
                </div>
                <label for="share-embed">{ "Embed it in a page" }</label>
                <div class="share-row">
                    <textarea id="share-embed" data-test="share-embed" readonly=true rows="3" value={snippet.clone()} />
                    <button type="button" onclick={copy(snippet)}>{ "Copy" }</button>
                </div>
            </div>
        </details>
    }
}
