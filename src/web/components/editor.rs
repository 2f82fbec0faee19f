//! The code editor: CodeMirror 6 (`www/editor/main.js`), loaded only when editing starts, with the
//! interpreter's own syntax errors and refusals underlined. Should it fail to load, a plain text
//! area takes its place.

use crate::web::code::Code;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// `index.html` defines it: a dynamic `import()` of the editor's bundle.
    #[wasm_bindgen(catch, js_namespace = globalThis, js_name = asyncioPlaygroundEditor)]
    fn import_editor() -> Result<js_sys::Promise, JsValue>;

    type EditorModule;
    #[wasm_bindgen(method)]
    fn mount(
        this: &EditorModule,
        parent: &web_sys::Element,
        doc: &str,
        on_change: &Closure<dyn Fn(String)>,
        on_run: &Closure<dyn Fn()>,
        label: &str,
    ) -> EditorHandle;

    #[derive(Clone)]
    type EditorHandle;
    #[wasm_bindgen(method)]
    fn diagnose(
        this: &EditorHandle,
        line: u32,
        col: u32,
        end_line: u32,
        end_col: u32,
        message: &str,
    );
    #[wasm_bindgen(method, js_name = setText)]
    fn set_text(this: &EditorHandle, text: &str);
    #[wasm_bindgen(method)]
    fn focus(this: &EditorHandle);
    #[wasm_bindgen(method)]
    fn destroy(this: &EditorHandle);
}

/// A mounted editor and the callbacks it calls (kept alive as long as it is).
struct Mounted {
    handle: EditorHandle,
    _on_change: Closure<dyn Fn(String)>,
    _on_run: Closure<dyn Fn()>,
}

impl Drop for Mounted {
    fn drop(&mut self) {
        self.handle.destroy();
    }
}

#[derive(Properties, PartialEq)]
pub struct EditorProps {
    pub code: Rc<Code>,
    /// Every edit, with the whole text.
    pub onchange: Callback<String>,
    /// Ctrl+Enter.
    pub onrun: Callback<()>,
}

/// Where loading the editor is.
#[derive(Clone, PartialEq)]
enum Loading {
    Pending,
    Ready,
    Failed(String),
}

fn js_text(e: &JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .unwrap_or_else(|| "its script did not load".into())
}

#[function_component(Editor)]
pub fn editor(props: &EditorProps) -> Html {
    let parent = use_node_ref();
    let mounted: Rc<RefCell<Option<Mounted>>> = use_mut_ref(|| None);
    let loading = use_state(|| Loading::Pending);
    {
        let (parent, mounted, loading) = (parent.clone(), mounted.clone(), loading.clone());
        let (source, onchange, onrun) = (
            props.code.source.clone(),
            props.onchange.clone(),
            props.onrun.clone(),
        );
        use_effect_with((), move |_| {
            let kept = mounted.clone();
            // Cleared when unmounted: a load that ends after that mounts nothing.
            let alive = Rc::new(std::cell::Cell::new(true));
            let still = alive.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let module = match import_editor() {
                    Ok(promise) => JsFuture::from(promise).await,
                    Err(e) => Err(e),
                };
                let module = match module {
                    Ok(m) => m,
                    Err(e) => return loading.set(Loading::Failed(js_text(&e))),
                };
                let Some(el) = parent.cast::<web_sys::Element>().filter(|_| still.get()) else {
                    return;
                };
                let on_change = Closure::<dyn Fn(String)>::new(move |text| onchange.emit(text));
                let on_run = Closure::<dyn Fn()>::new(move || onrun.emit(()));
                let module: EditorModule = module.unchecked_into();
                let handle = module.mount(&el, &source, &on_change, &on_run, "Edit the program");
                handle.focus();
                *mounted.borrow_mut() = Some(Mounted {
                    handle,
                    _on_change: on_change,
                    _on_run: on_run,
                });
                loading.set(Loading::Ready);
            });
            // Unmounting destroys the editor (its DOM and listeners) and drops its callbacks.
            move || {
                alive.set(false);
                let editor = kept.borrow_mut().take();
                drop(editor);
            }
        });
    }
    // The text (an example, or the form's program rewritten) and the diagnostics follow the code.
    {
        let mounted = mounted.clone();
        use_effect_with(
            (props.code.clone(), (*loading).clone()),
            move |(code, _)| {
                // Cloned out: no borrow is held while CodeMirror runs (setText calls back).
                let handle = mounted.borrow().as_ref().map(|m| m.handle.clone());
                if let Some(h) = handle {
                    // Text typed in the editor is already there, and newer text may have followed it.
                    if !code.edited {
                        h.set_text(&code.source);
                    }
                    match &code.error {
                        Some(e) => h.diagnose(e.line, e.col, e.end_line, e.end_col, &e.message),
                        None => h.diagnose(0, 0, 0, 0, ""),
                    }
                }
            },
        );
    }
    let fallback = match &*loading {
        Loading::Failed(why) => {
            let onchange = props.onchange.clone();
            let oninput = Callback::from(move |e: InputEvent| {
                let area: web_sys::HtmlTextAreaElement = e.target_unchecked_into();
                onchange.emit(area.value());
            });
            html! {
                <>
                    <p class="editor-note" role="status">{ format!("The code editor could not load ({why}): editing as plain text.") }</p>
                    <textarea class="plain-editor" data-test="editor" aria-label="Edit the program" spellcheck="false"
                        rows={(props.code.source.lines().count() + 2).to_string()} value={props.code.source.to_string()} {oninput} />
                </>
            }
        }
        _ => html! {},
    };
    html! {
        <div class="editor" data-loading={if *loading == Loading::Pending { "1" } else { "0" }}>
            <div class="cm-parent" ref={parent}></div>
            { fallback }
        </div>
    }
}
