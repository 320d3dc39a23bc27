//! What a compared page's corrections are: their counts by kind (with the OCR confusions among
//! the substitutions, and the layout and furniture changes that are not errors, in the words
//! core gives them), and the buttons that step through them, both panes following.
//!
//! The counts are also in data attributes, as the compare module gave them, so that a test can
//! hold the marks in the panes to them.

use super::Shown;
use super::marks::is_error;
use yew::prelude::*;

/// The counts, the stepper and its status; `onstep` steps to a correction (its index).
pub fn summary(shown: &Shown<'_>, onstep: &Callback<usize>) -> Html {
    let corrections = &shown.compared.corrections;
    let errors: Vec<usize> =
        (0..corrections.len()).filter(|&n| is_error(corrections[n].kind)).collect();
    let at = shown.current.and_then(|n| errors.iter().position(|&e| e == n));
    let previous = match at {
        Some(i) => i.checked_sub(1),
        None => errors.len().checked_sub(1),
    };
    let next = Some(at.map_or(0, |i| i + 1)).filter(|&i| i < errors.len());
    let step = |to: Option<usize>, label: &'static str| {
        let target = to.and_then(|i| errors.get(i).copied());
        let onstep = onstep.clone();
        let onclick = move |_| {
            if let Some(n) = target {
                onstep.emit(n);
            }
        };
        html! { <button type="button" {onclick} disabled={target.is_none()}>{ label }</button> }
    };
    let status = match at.zip(shown.current.and_then(|n| corrections.get(n))) {
        Some((i, c)) => format!("Correction {} of {}: {}.", i + 1, errors.len(), c.note),
        None => format!("{} reading errors on this page.", errors.len()),
    };
    let counts = &shown.compared.counts;
    html! {
        <div class="compare-summary" data-substitution={counts.substitutions.to_string()}
            data-insertion={counts.insertions.to_string()} data-deletion={counts.deletions.to_string()}
            data-words-joined={counts.words_joined.to_string()} data-word-split={counts.words_split.to_string()}
            data-furniture={counts.furniture.to_string()} data-layout={counts.layout.to_string()}>
            <p class="counts">{ &shown.compared.summary }</p>
            <p class="not-errors">{ &shown.compared.not_errors }</p>
            <div class="stepper" role="group" aria-label="Corrections">
                { step(previous, "Previous correction") }
                { step(next, "Next correction") }
                <p class="step-status" role="status">{ status }</p>
            </div>
        </div>
    }
}
