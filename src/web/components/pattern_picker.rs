//! The five ways to run the coroutines, each with what it does on success, failure and cancel.

use crate::scenario::Pattern;
use crate::web::state::{Action, State};
use yew::prelude::*;

/// The code and the two-line summary of each pattern (facts from the semantics reference).
pub fn summary(p: Pattern) -> (&'static str, &'static str, &'static str) {
    match p {
        Pattern::Sequential => (
            "await work(i) one by one",
            "Each coroutine runs only after the previous one finished: the sleeps add up.",
            "A failure stops main at once; the rest never start. An interrupt cancels main, and with it the one running.",
        ),
        Pattern::Manual => (
            "create_task, then await each",
            "All run concurrently once main awaits; results come in await order.",
            "A failure surfaces only when main awaits that task; nothing else is cancelled until asyncio.run ends.",
        ),
        Pattern::TaskGroup => (
            "async with TaskGroup()",
            "All run concurrently; the block waits for every task.",
            "The first failure cancels every other task, then an ExceptionGroup holds all errors. A task cancelled from outside is not an error.",
        ),
        Pattern::Wait => (
            "asyncio.wait(tasks)",
            "Returns (done, pending) sets when return_when is met or the timeout passes.",
            "Never raises the tasks' errors and never cancels: late tasks are cancelled only by asyncio.run at the end.",
        ),
        Pattern::Gather => (
            "asyncio.gather(*coros)",
            "All run concurrently; results come back in argument order.",
            "The first error reaches main at once while the others keep running; a cancelled child raises CancelledError.",
        ),
    }
}

#[derive(Properties, PartialEq)]
pub struct PatternPickerProps {
    pub pattern: Pattern,
    pub dispatch: UseReducerDispatcher<State>,
}

#[function_component(PatternPicker)]
pub fn pattern_picker(props: &PatternPickerProps) -> Html {
    let current = props.pattern;
    html! {
        <fieldset class="patterns" data-test="patterns">
            <legend>{ "How main runs the coroutines" }</legend>
            { for Pattern::ALL.iter().map(|&p| {
                let (code, ok, bad) = summary(p);
                let dispatch = props.dispatch.clone();
                let onchange = Callback::from(move |_| dispatch.dispatch(Action::SetPattern(p)));
                html! {
                    <label class={classes!("pattern", (p == current).then_some("chosen"))}>
                        <input type="radio" name="pattern" value={p.name()} checked={p == current}
                            data-test={format!("pattern-{}", p.name())} {onchange} />
                        <span class="pattern-name"><code>{ code }</code></span>
                        <span class="pattern-ok">{ ok }</span>
                        <span class="pattern-bad">{ bad }</span>
                    </label>
                }
            }) }
        </fieldset>
    }
}
