//! An `aria-live` region that narrates the run's events for screen readers.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct LiveRegionProps {
    /// The latest sentence to announce.
    pub text: AttrValue,
}

#[function_component(LiveRegion)]
pub fn live_region(props: &LiveRegionProps) -> Html {
    html! { <div class="visually-hidden" aria-live="polite" data-test="live">{ props.text.clone() }</div> }
}
