//! The program the page shows and runs: the form's program or the learner's own, whether it
//! compiles, and how a link carries it (`#code=` percent-encoded, `#z=` compressed).

use super::base64url;
use crate::program::python_source;
use crate::python::program::compile;
use crate::scenario::Scenario;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The file name the page's programs have in their tracebacks.
pub const FILENAME: &str = "main.py";

/// Why a program cannot run, where.
#[derive(Clone, Debug, PartialEq)]
pub struct CodeError {
    /// The message (CPython's for a syntax error, the playground's for a refusal).
    pub message: String,
    /// What CPython prints for it (`File "main.py", line 3`, the line, the carets, the message).
    pub rendered: String,
    /// Where: 1-based lines, 0-based columns in characters (`end` not included).
    pub line: u32,
    pub col: u32,
    pub end_line: u32,
    pub end_col: u32,
}

impl CodeError {
    /// `line 3: invalid syntax`, as an embed reports it.
    pub fn summary(&self) -> String {
        format!("line {}: {}", self.line, self.message)
    }
}

/// The program the page shows and runs.
#[derive(Clone, Debug, PartialEq)]
pub struct Code {
    pub source: Rc<str>,
    /// The learner's own (opened from a link or an example, or edited by hand): it runs as a
    /// program, and the form no longer describes it. Otherwise it is the form's scenario's.
    pub own: bool,
    /// The text came from the editor (which already shows it: it is not written back there).
    pub edited: bool,
    /// Why it cannot run, if it cannot.
    pub error: Option<CodeError>,
}

impl Code {
    /// The program a scenario stands for (it always compiles).
    pub fn of_scenario(scenario: &Scenario) -> Code {
        Code {
            source: Rc::from(python_source(scenario)),
            own: false,
            edited: false,
            error: None,
        }
    }

    /// A program of the learner's own, checked.
    pub fn own(source: &str) -> Code {
        let error = compile(source, FILENAME).err().map(|e| {
            let span = e.span();
            CodeError {
                message: e.message().to_string(),
                rendered: e.render(FILENAME, source),
                line: span.start.line,
                col: span.start.col,
                end_line: span.end.line.max(span.start.line),
                end_col: span.end.col,
            }
        });
        Code {
            source: Rc::from(source),
            own: true,
            edited: false,
            error,
        }
    }
}

/// What a link's fragment holds, if it carries a program.
pub enum Fragment {
    /// `#code=`: the program, percent-decoded.
    Code(String),
    /// `#z=`: the compressed program, to be inflated (asynchronously, see [`inflate`]).
    Compressed(String),
    /// A `#code=` that is not valid percent-encoding.
    Invalid(String),
}

/// What a link's fragment says: `key=value` pairs joined by `&`, each value percent-encoded.
#[derive(Default)]
pub struct LinkFragment {
    /// `code=` or `z=`: the program.
    pub program: Option<Fragment>,
    /// `start=finished`: show the finished run at once (an embed's `start` attribute).
    pub start_finished: bool,
    /// `error=`: why the program could not be had (an embed whose `src` failed to load), or
    /// what is wrong with an embed option.
    pub error: Option<String>,
    /// An embed's panels, controls, `readonly` and highlighted lines.
    pub options: super::embed_options::EmbedOptions,
}

/// Reads a link's fragment (`location.hash`, with or without its `#`).
pub fn read_fragment(hash: &str) -> LinkFragment {
    let hash = hash.strip_prefix('#').unwrap_or(hash);
    let mut out = LinkFragment::default();
    // `+` is not a space in a fragment: encodeURIComponent writes a space as %20.
    let decode = |v: &str| js_sys::decode_uri_component(v).ok().map(String::from);
    for part in hash.split('&') {
        let (key, value) = part.split_once('=').unwrap_or((part, ""));
        match key {
            "code" => {
                out.program = Some(match decode(value) {
                    Some(text) => Fragment::Code(text),
                    None => Fragment::Invalid(
                        "the link's #code= is not valid percent-encoding (write the program \
                         with encodeURIComponent)"
                            .into(),
                    ),
                })
            }
            "z" => out.program = Some(Fragment::Compressed(value.to_string())),
            "start" => out.start_finished = value == "finished",
            "error" => out.error = decode(value),
            key => {
                let value = decode(value).unwrap_or_default();
                if let Err(why) = out.options.read(key, &value) {
                    out.error.get_or_insert(why);
                }
            }
        }
    }
    out
}

/// The query a program's link carries: `?clock=virtual&theme=dark` (the view keys that differ
/// from their defaults), or `""` when none does.
pub fn view_search(view: &crate::scenario::View) -> String {
    let keys = view.query();
    match keys.strip_prefix('&').unwrap_or(&keys) {
        "" => String::new(),
        keys => format!("?{keys}"),
    }
}

/// `#code=` followed by the percent-encoded program.
pub fn code_fragment(source: &str) -> String {
    format!(
        "#code={}",
        String::from(js_sys::encode_uri_component(source))
    )
}

// The browser's CompressionStream and DecompressionStream (web-sys has them only behind its
// unstable-APIs flag). Both are a transform stream: a readable and a writable side.
#[wasm_bindgen]
extern "C" {
    type Codec;
    #[wasm_bindgen(catch, js_namespace = globalThis, js_class = "CompressionStream", constructor)]
    fn compressor(format: &str) -> Result<Codec, JsValue>;
    #[wasm_bindgen(catch, js_namespace = globalThis, js_class = "DecompressionStream", constructor)]
    fn decompressor(format: &str) -> Result<Codec, JsValue>;
    #[wasm_bindgen(method, getter)]
    fn readable(this: &Codec) -> web_sys::ReadableStream;
    #[wasm_bindgen(method, getter)]
    fn writable(this: &Codec) -> web_sys::WritableStream;
}

/// Pipes `body` through the browser's deflate-raw (de)compressor and reads the result.
async fn transform(body: &web_sys::Response, compress: bool) -> Result<web_sys::Response, JsValue> {
    let stream = body
        .body()
        .ok_or_else(|| JsValue::from_str("nothing to read"))?;
    let codec = if compress {
        Codec::compressor("deflate-raw")?
    } else {
        Codec::decompressor("deflate-raw")?
    };
    let pair = web_sys::ReadableWritablePair::new(&codec.readable(), &codec.writable());
    web_sys::Response::new_with_opt_readable_stream(Some(&stream.pipe_through(&pair)))
}

/// `#z=` followed by the program compressed (deflate-raw, base64url), as Share writes it.
///
/// # Errors
/// The browser's message, if it cannot compress (no `CompressionStream`).
pub async fn compressed_fragment(source: &str) -> Result<String, String> {
    let deflate = async {
        let body = web_sys::Response::new_with_opt_str(Some(source))?;
        let out = transform(&body, true).await?;
        let buffer = JsFuture::from(out.array_buffer()?).await?;
        Ok::<Vec<u8>, JsValue>(js_sys::Uint8Array::new(&buffer).to_vec())
    };
    let bytes = deflate.await.map_err(|e| js_message(&e))?;
    Ok(format!("#z={}", base64url::encode(&bytes)))
}

/// The program a `#z=` fragment holds.
///
/// # Errors
/// What is wrong with the fragment.
pub async fn inflate(z: &str) -> Result<String, String> {
    let Some(mut bytes) = base64url::decode(z) else {
        return Err("the link's #z= is not base64url (A-Z, a-z, 0-9, - and _)".into());
    };
    let read = async {
        let body = web_sys::Response::new_with_opt_u8_array(Some(&mut bytes))?;
        let out = transform(&body, false).await?;
        let buffer = JsFuture::from(out.array_buffer()?).await?;
        Ok::<Vec<u8>, JsValue>(js_sys::Uint8Array::new(&buffer).to_vec())
    };
    let text = read
        .await
        .map_err(|_| "the link's #z= is not a deflate-compressed program".to_string())?;
    String::from_utf8(text).map_err(|_| "the link's #z= program is not UTF-8 text".to_string())
}

fn js_message(e: &JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .unwrap_or_else(|| format!("{e:?}"))
}
