//! The compare view's sentences: what each correction is, and what a page's corrections are in
//! all. They are written here once, beside the comparison, so that the view only shows them and
//! the tests read them.

use super::Against;
use crate::compare::corrections::{Correction, Counts, Kind};

/// What correction `c` is, in a sentence without its full stop: "OCR read ‘Perty’, corrected
/// to ‘Party’".
pub fn note(c: &Correction, against: Against) -> String {
    let (read, theirs) = (quoted(&c.ocr_text), quoted(&c.corrected_text));
    let (verb, name) = match against {
        Against::Transcription => ("corrected to", "the transcription"),
        Against::Run(_) => ("the other run reads", "the other run"),
    };
    match c.kind {
        Kind::Insertion => format!("Missing from the OCR: {theirs}"),
        Kind::Deletion => format!("OCR read {read}, left out of {name}"),
        Kind::WordsJoined => format!("OCR ran words together: read {read}, {verb} {theirs}"),
        Kind::WordSplit => format!("OCR split a word: read {read}, {verb} {theirs}"),
        Kind::Furniture => format!("Page furniture, left out of {name}: {read}"),
        Kind::Layout => "Layout: a line break, spacing or a hyphen at a line end".to_owned(),
        Kind::Substitution => match c.confusion {
            Some(class) => format!(
                "OCR read {read}, {verb} {theirs} (the OCR confusion {})",
                arrow(class.label())
            ),
            None => format!("OCR read {read}, {verb} {theirs}"),
        },
    }
}

/// The reading errors in words, with the OCR confusions among them: "16 substitutions, 5
/// insertions, 1 deletion, 6 joined words, 2 split words. Among them, OCR confusions: rn→m
/// ×2."
pub fn summary(counts: &Counts, corrections: &[Correction]) -> String {
    let errors = counted(&[
        (counts.substitutions, "substitution", "substitutions"),
        (counts.insertions, "insertion", "insertions"),
        (counts.deletions, "deletion", "deletions"),
        (counts.words_joined, "joined word", "joined words"),
        (counts.words_split, "split word", "split words"),
    ]);
    if errors.is_empty() {
        return "No reading errors.".to_owned();
    }
    let mut classes: Vec<(&str, usize)> = Vec::new();
    for class in corrections.iter().filter_map(|c| c.confusion) {
        match classes.iter_mut().find(|(label, _)| *label == class.label()) {
            Some((_, n)) => *n += 1,
            None => classes.push((class.label(), 1)),
        }
    }
    if classes.is_empty() {
        return format!("{errors}.");
    }
    let list: Vec<String> =
        classes.iter().map(|(class, n)| format!("{} \u{d7}{n}", arrow(class))).collect();
    format!("{errors}. Among them, OCR confusions: {}.", list.join(", "))
}

/// The changes that are not reading errors, in words; empty when there are none.
pub fn not_errors(counts: &Counts) -> String {
    let list = counted(&[
        (counts.layout, "layout change", "layout changes"),
        (counts.furniture, "stretch of page furniture", "stretches of page furniture"),
    ]);
    if list.is_empty() {
        return list;
    }
    format!(
        "Not counted as errors: {list} (line breaks, spacing, hyphens at line ends, stamps and \
         page numbers)."
    )
}

/// "2 substitutions, 1 insertion": the kinds that occur, each with its count and the name
/// that fits it.
fn counted(parts: &[(usize, &str, &str)]) -> String {
    let shown: Vec<String> = parts
        .iter()
        .filter(|(n, _, _)| *n > 0)
        .map(|(n, one, many)| format!("{n} {}", if *n == 1 { one } else { many }))
        .collect();
    shown.join(", ")
}

/// A confusion class as readers see it: `rn/m` as `rn→m`.
fn arrow(label: &str) -> String {
    label.replacen('/', "\u{2192}", 1)
}

/// A stretch of text in quotation marks, its whitespace and line breaks as single spaces.
fn quoted(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    format!("\u{2018}{}\u{2019}", words.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::Confusion;

    fn correction(kind: Kind, ocr: &str, corrected: &str) -> Correction {
        Correction {
            kind,
            ocr: 0..ocr.len(),
            corrected: 0..corrected.len(),
            ocr_text: ocr.into(),
            corrected_text: corrected.into(),
            confusion: None,
        }
    }

    #[test]
    fn notes_say_what_the_ocr_read_and_what_replaced_it() {
        let perty = correction(Kind::Substitution, "Perty", "Party");
        assert_eq!(note(&perty, Against::Transcription), "OCR read ‘Perty’, corrected to ‘Party’");
        assert_eq!(note(&perty, Against::Run(1)), "OCR read ‘Perty’, the other run reads ‘Party’");
        let mut rn = correction(Kind::Substitution, "cornmittee", "committee");
        rn.confusion = Some(Confusion::RnForM);
        assert!(note(&rn, Against::Transcription).ends_with("(the OCR confusion rn→m)"));
        let joined = correction(Kind::WordsJoined, "criticismand", "criticism\nand");
        assert_eq!(
            note(&joined, Against::Transcription),
            "OCR ran words together: read ‘criticismand’, corrected to ‘criticism and’"
        );
        assert_eq!(
            note(&correction(Kind::Insertion, "", "of"), Against::Transcription),
            "Missing from the OCR: ‘of’"
        );
    }

    #[test]
    fn the_summary_counts_each_kind_and_the_confusions() {
        let counts = Counts {
            substitutions: 2,
            insertions: 1,
            words_joined: 1,
            layout: 3,
            ..Counts::default()
        };
        let mut rn = correction(Kind::Substitution, "rn", "m");
        rn.confusion = Some(Confusion::RnForM);
        let plain = correction(Kind::Substitution, "Perty", "Party");
        assert_eq!(
            summary(&counts, &[rn.clone(), plain, rn]),
            "2 substitutions, 1 insertion, 1 joined word. Among them, OCR confusions: rn→m ×2."
        );
        assert_eq!(summary(&Counts::default(), &[]), "No reading errors.");
        assert!(not_errors(&counts).starts_with("Not counted as errors: 3 layout changes ("));
        let furniture = Counts { furniture: 2, ..Counts::default() };
        assert!(not_errors(&furniture).contains(" 2 stretches of page furniture ("));
        assert_eq!(not_errors(&Counts::default()), "");
    }
}
