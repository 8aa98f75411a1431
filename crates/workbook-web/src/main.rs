//! The participant's workbook in the browser: the entry point Trunk builds.

fn main() {
    workbook_web::browser::lifecycle::register_service_worker();
    yew::Renderer::<workbook_web::components::app::App>::new().render();
}
