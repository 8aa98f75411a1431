//! "My workbook" prints only the answers, a week to a page, in every engine: each engine reads
//! the print stylesheet's rules as written (an engine drops what it does not understand, and a
//! dropped rule would print the quick exit, or run the weeks together).

use serde_json::Value as Json;

use crate::app::{find, open};
use crate::harness::{Browser, StaticServer};
use crate::in_every_engine;

in_every_engine! {
    async fn the_print_stylesheet_is_understood(engine: Engine) {
        let server = StaticServer::serve_dist();
        let browser = Browser::desktop_in(engine).await;
        open(&browser, &server, "#/workbook").await;
        find(&browser, "h1").await;
        // Every rule inside `@media print`, as the engine parsed it.
        let rules = browser
            .execute(
                "const out = {};
                 for (const sheet of document.styleSheets) {
                   for (const rule of sheet.cssRules) {
                     if (rule.media && rule.media.mediaText.includes('print')) {
                       for (const inner of rule.cssRules) {
                         out[inner.selectorText] = {
                           display: inner.style.getPropertyValue('display'),
                           priority: inner.style.getPropertyPriority('display'),
                           breakBefore: inner.style.getPropertyValue('break-before')
                             || inner.style.getPropertyValue('page-break-before'),
                           breakInside: inner.style.getPropertyValue('break-inside')
                             || inner.style.getPropertyValue('page-break-inside'),
                         };
                       }
                     }
                   }
                 }
                 return out;",
                Vec::new(),
            )
            .await;
        let rule = |selector: &str| -> &Json {
            let found = rules
                .as_object()
                .and_then(|rules| rules.iter().find(|(s, _)| s.starts_with(selector)))
                .map(|(_, rule)| rule);
            found.unwrap_or_else(|| panic!("no print rule for {selector} in {engine}: {rules}"))
        };
        let hidden = rule(".quick-exit");
        assert_eq!(hidden["display"], "none", "{hidden}");
        assert_eq!(hidden["priority"], "important", "{hidden}");
        let week = rule(".workbook-week");
        assert!(
            matches!(week["breakBefore"].as_str(), Some("page" | "always")),
            "each week starts a page in {engine}: {week}"
        );
        let answer = rule(".workbook-answer");
        assert!(
            matches!(answer["breakInside"].as_str(), Some("avoid" | "avoid-page")),
            "an answer is not split across pages in {engine}: {answer}"
        );
    }
}
