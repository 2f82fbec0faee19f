//! The program, highlighted by the interpreter's own tokenizer, with each line's tasks marked:
//! the tasks suspended there and what they await, a step blocking the loop there, the line an
//! uncaught exception was raised at, and a syntax error underlined at its span.

use crate::highlight::highlight;
use crate::moments::{span_at, Cursor, Moments, StateAt};
use crate::program::RunOutcome;
use crate::timeline::{Lane, SpanKind, Timeline};
use crate::web::code::Code;
use crate::web::describe::awaiting_text;
use crate::web::session::{Session, Shared};
use std::collections::BTreeMap;
use std::rc::Rc;
use yew::prelude::*;

/// The tasks named on one line's marker; beyond this they are counted.
const NAMED: usize = 3;

#[derive(Properties, PartialEq)]
pub struct CodeViewProps {
    pub code: Rc<Code>,
    pub session: Option<Shared<Session>>,
    pub outcome: Option<Shared<(RunOutcome, AttrValue)>>,
    /// Bumped when the run moved on.
    pub version: u64,
    /// The lines of the coroutine pointed at (here or at a lane), first to last.
    #[prop_or_default]
    pub pointed: Option<(u32, u32)>,
    /// A line was pointed at.
    #[prop_or_default]
    pub onpointline: Callback<u32>,
    /// The moment shown (the first `k` events of the trace), if not the latest.
    #[prop_or_default]
    pub cursor: Option<Cursor>,
    /// Lines to mark (an embed's `highlight`).
    #[prop_or_default]
    pub highlight: Rc<Vec<u32>>,
}

/// One line's marks: what its tasks are doing there (the first few written out, all counted).
#[derive(Default)]
struct Marks {
    suspended: Vec<String>,
    suspended_count: usize,
    blocking: Vec<String>,
    blocking_count: usize,
}

/// What each lane is doing at the moment shown (the latest, unless a cursor says otherwise), by
/// line: `Task-3 ‖ sleeping 1000 ms, until 1.000 s`.
fn marks(timeline: &Timeline, moments: &Moments, cursor: Option<Cursor>) -> BTreeMap<u32, Marks> {
    let mut by_line: BTreeMap<u32, Marks> = BTreeMap::new();
    let c = moments.moment(cursor);
    let at = |lane: &Lane| {
        (moments.state_at(lane, c.k) == StateAt::Pending)
            .then(|| span_at(lane, c.t).copied())
            .flatten()
    };
    for lane in timeline.shown() {
        let Some(span) = at(lane) else {
            continue;
        };
        match span.kind {
            SpanKind::Suspended { awaiting, line } if line > 0 => {
                let m = by_line.entry(line).or_default();
                m.suspended_count += 1;
                if m.suspended.len() < NAMED {
                    m.suspended.push(format!(
                        "{} ‖ {}",
                        lane.name,
                        awaiting_text(timeline, &awaiting, span.from)
                    ));
                }
            }
            SpanKind::Blocking { line } if line > 0 => {
                let m = by_line.entry(line).or_default();
                m.blocking_count += 1;
                if m.blocking.len() < NAMED {
                    m.blocking
                        .push(format!("{} ▮ blocking the loop", lane.name));
                }
            }
            _ => {}
        }
    }
    by_line
}

/// Some names, and how many more of `count`.
fn names(list: &[String], count: usize) -> String {
    let mut text = list
        .iter()
        .take(NAMED)
        .cloned()
        .collect::<Vec<_>>()
        .join(" · ");
    if count > list.len() {
        text += &format!(" · and {} more", count - list.len());
    }
    text
}

#[function_component(CodeView)]
pub fn code_view(props: &CodeViewProps) -> Html {
    let lines = use_memo(props.code.source.clone(), |source| highlight(source));
    let marks = props
        .session
        .as_ref()
        .map(|s| marks(&s.timeline.borrow(), &s.moments.borrow(), props.cursor))
        .unwrap_or_default();
    // Where the uncaught exception was raised: the innermost frame in the program's file.
    let raised = props
        .outcome
        .as_ref()
        .filter(|_| props.cursor.is_none())
        .and_then(|o| {
            let (frames, exception) = o.0 .0.program().traceback.as_ref()?;
            Some((
                frames.last()?.0,
                exception.last().cloned().unwrap_or_default(),
            ))
        });
    let error = props.code.error.as_ref();
    let onmouseover = {
        let onpointline = props.onpointline.clone();
        Callback::from(move |e: MouseEvent| {
            let line = e
                .target_dyn_into::<web_sys::Element>()
                .and_then(|t| t.closest(".line").ok().flatten())
                .and_then(|l| l.get_attribute("data-line")?.parse().ok());
            if let Some(line) = line {
                onpointline.emit(line);
            }
        })
    };
    let pointed = |n: u32| {
        props
            .pointed
            .is_some_and(|(first, last)| first <= n && n <= last)
    };
    html! {
        <pre class="code-view" data-test="code" tabindex="0" aria-label="The program, line by line" {onmouseover}><code>
            { for lines.iter().enumerate().map(|(i, pieces)| {
                let n = i as u32 + 1;
                let mark = marks.get(&n);
                let raised_here = raised.as_ref().filter(|(line, _)| *line == n);
                let error_here = error.filter(|e| e.line <= n && n <= e.end_line);
                let mut col = 0u32;
                html! {
                    <div class={classes!("line", props.highlight.contains(&n).then_some("highlighted"), pointed(n).then_some("pointed"), mark.map(|_| "has-tasks"), raised_here.map(|_| "raised"), error_here.map(|_| "error"))} data-line={n.to_string()}>
                        <span class="ln" aria-hidden="true">{ n }</span>
                        <span class="src">
                            { for pieces.iter().map(|(kind, text)| {
                                let from = col;
                                col += text.chars().count() as u32;
                                // The part of a syntax error's span on this line is underlined.
                                let underlined = error_here.is_some_and(|e| {
                                    let start = if e.line == n { e.col } else { 0 };
                                    let end = if e.end_line == n { e.end_col.max(start + 1) } else { u32::MAX };
                                    from < end && col > start
                                });
                                html! { <span class={classes!(format!("tok-{}", kind.name()), underlined.then_some("squiggle"))}>{ text }</span> }
                            }) }
                            if error_here.is_some_and(|e| e.line == n && pieces.iter().map(|(_, t)| t.chars().count() as u32).sum::<u32>() <= e.col) {
                                <span class="squiggle eol" aria-hidden="true">{ " " }</span>
                            }
                        </span>
                        if let Some(m) = mark {
                            if !m.blocking.is_empty() {
                                <span class="mark blocking" data-test="mark">{ names(&m.blocking, m.blocking_count) }</span>
                            }
                            if !m.suspended.is_empty() {
                                <span class="mark suspended" data-test="mark">{ names(&m.suspended, m.suspended_count) }</span>
                            }
                        }
                        if let Some((_, exception)) = raised_here {
                            <span class="mark raised" data-test="mark-raised">{ format!("✕ raised here: {exception}") }</span>
                        }
                        if let Some(e) = error.filter(|e| e.line == n) {
                            <span class="mark error" data-test="code-error" role="alert">{ format!("✕ {}", e.message) }</span>
                        }
                    </div>
                }
            }) }
        </code></pre>
    }
}
