//! The participant's workbook in the browser: the entry point Trunk builds.

fn main() {
    workbook_web::browser::lifecycle::register_service_worker();
    // The app renders into `#app`, which the built page puts before the first view (see
    // `components/first_view.rs`); a page without one (say, a test's) gets it at the top.
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let root = document.get_element_by_id("app").or_else(|| {
        let root = document.create_element("div").ok()?;
        root.set_id("app");
        document.body()?.prepend_with_node_1(&root).ok()?;
        Some(root)
    });
    if let Some(root) = root {
        yew::Renderer::<workbook_web::components::app::App>::with_root(root).render();
    }
}
