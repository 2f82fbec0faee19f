//! The example gallery: programs of the conformance corpus in four groups; opening one shows its
//! finished run at once, and what to watch for in it.

use crate::gallery::{Group, EXAMPLES};
use crate::web::state::{Action, State};
use yew::prelude::*;

const GROUPS: [Group; 4] = [
    Group::FourWays,
    Group::Apis,
    Group::Misconceptions,
    Group::Recipes,
];

#[derive(Properties, PartialEq)]
pub struct GalleryViewProps {
    /// The example shown (its index), if the code is one.
    pub selected: Option<usize>,
    pub dispatch: UseReducerDispatcher<State>,
}

#[function_component(GalleryView)]
pub fn gallery_view(props: &GalleryViewProps) -> Html {
    let onopen = |i: usize| {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::LoadExample(i)))
    };
    let chosen = props.selected.and_then(|i| EXAMPLES.get(i));
    html! {
        <section class="gallery" aria-labelledby="gallery-title">
            <details data-test="gallery">
                <summary><h2 id="gallery-title">{ "Examples" }</h2></summary>
                { for GROUPS.iter().map(|&group| html! {
                    <div class="gallery-group">
                        <h3>{ group.title() }</h3>
                        <ul>
                            { for EXAMPLES.iter().enumerate().filter(|(_, e)| e.group == group).map(|(i, e)| html! {
                                <li>
                                    <button type="button" data-test="example" data-name={e.name} title={e.about}
                                        aria-pressed={(props.selected == Some(i)).to_string()} onclick={onopen(i)}>{ e.title }</button>
                                </li>
                            }) }
                        </ul>
                    </div>
                }) }
            </details>
            if let Some(e) = chosen {
                <p class="about" data-test="example-about"><strong>{ format!("{}: ", e.title) }</strong>{ e.about }</p>
            }
        </section>
    }
}
