//! An `aria-live` region that narrates the run's events for screen readers.

use crate::web::state::State;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct LiveRegionProps {
    pub state: UseReducerHandle<State>,
}

#[function_component(LiveRegion)]
pub fn live_region(props: &LiveRegionProps) -> Html {
    let text = props
        .state
        .session
        .as_ref()
        .and_then(|s| s.narration.borrow().last().cloned())
        .unwrap_or_default();
    html! { <div class="visually-hidden" aria-live="polite" data-test="live">{ text }</div> }
}
