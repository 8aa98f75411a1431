//! The participant's workbook in the browser.
fn main() {
    yew::Renderer::<App>::new().render();
}

#[yew::component]
fn App() -> yew::Html {
    yew::html! { <p>{ "Hello" }</p> }
}
