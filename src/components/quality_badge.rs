//! A document's OCR quality at a glance: its character and word error rates against the
//! corrected transcription.

use readingroom_core::quality::{Band, Quality, percent};
use yew::prelude::*;

pub fn quality_badge(quality: &Quality) -> Html {
    let metrics = &quality.metrics;
    let Some(cer) = metrics.cer else { return html! {} };
    let band = Band::of(cer);
    let wer = metrics.wer.map(|wer| format!(" · WER {}", percent(wer))).unwrap_or_default();
    let title = format!(
        "OCR against the corrected transcription: {} of its characters and {} of its words \
         differ ({})",
        percent(cer),
        metrics.wer.map_or_else(|| "none".to_owned(), percent),
        band.label()
    );
    html! {
        <span class={classes!("quality-badge", band.name())} {title}>
            { format!("CER {}{wer}", percent(cer)) }
        </span>
    }
}
