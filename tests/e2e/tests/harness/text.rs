//! Reading an element's text, and waiting for a text to leave it: what tests of a sentence that
//! must disappear from the preview need besides `wait_for_text`.

use serde_json::Value;

use super::{Session, WAIT};

impl Session {
    /// The text of the first element `css` finds, or "gone".
    pub async fn text_of(&self, css: &str) -> String {
        let text = self
            .client()
            .execute(
                "return document.querySelector(arguments[0])?.textContent ?? 'gone';",
                vec![Value::from(css)],
            )
            .await
            .expect("read the text");
        text.as_str().unwrap_or_default().to_owned()
    }

    /// Waits until the text of `css` no longer contains `text` (or `css` is gone).
    pub async fn wait_without(&self, css: &str, text: &str) {
        let without = async || (!self.text_of(css).await.contains(text)).then_some(());
        if self.poll(WAIT, without).await.is_err() {
            self.fail(format!("`{css}` still shows `{text}`")).await;
        }
    }
}
