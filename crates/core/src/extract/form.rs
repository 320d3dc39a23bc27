//! The form reader: walks the classified lines of every page and gives each label its value.
//!
//! A label with its value on its line (`COUNTRY SOUTH VIETNAM`) is read at once. OCR often reads
//! a form column by column instead, all labels first and then all values (`COUNTRY` / `SUBJECT`
//! / `USSR` / `Political - Local Party functions`), so a label without a value waits in a queue
//! and the lines of text that follow are offered to the waiting labels in order. A label that
//! refuses a line (a language refuses a newspaper's name) had no value in the OCR and leaves the
//! queue empty-handed; the line goes on to the next label. A label line that carries its own
//! value shows that the layout is row by row, so the labels waiting before it are given up.
//! Every label read, with a value or without, is one [`Occurrence`] in document order.
//!
//! Two smaller readings ride along. A subject that runs onto the next line (`... ON WITHDRAWAL`
//! / `OF AMERICAN AID`) gets that line when it directly follows and holds no label. And the first
//! line of text after the first form, when it is in capitals and followed by prose, is the
//! report's headline (`LOCAL PARTY INSTRUCTORS HIT NONPOLITICAL ABSIGNMENTS`).

use super::labels::{Place, Slot};
use super::lines::{Field, Kind, Line};
use super::values::{accept, clean, is_statement, is_text};
use std::collections::VecDeque;

/// One label as read, with its accepted value or `None`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Occurrence {
    pub slot: Slot,
    pub value: Option<String>,
}

/// Everything the reader found.
#[derive(Debug, Default)]
pub(crate) struct Reading {
    pub occurrences: Vec<Occurrence>,
    /// The first text after the first form: `Some(None)` when it was not a headline.
    pub headline: Option<Option<String>>,
}

/// A line of at most this many characters and words may be a value in a column of them.
const MAX_VALUE_CHARS: usize = 100;
const MAX_VALUE_WORDS: usize = 14;

/// Reads every page in order; labels never wait across a page break.
pub(crate) fn read(pages: &[Vec<Line<'_>>]) -> Reading {
    let mut reader = Reader::default();
    for lines in pages {
        reader.page(lines);
    }
    reader.reading
}

#[derive(Default)]
struct Reader {
    reading: Reading,
    pending: VecDeque<Slot>,
    after_form: bool,
}

impl Reader {
    fn page(&mut self, lines: &[Line<'_>]) {
        let mut i = 0;
        while i < lines.len() {
            match &lines[i].kind {
                Kind::Blank | Kind::Skip => {}
                Kind::Labels(fields) => {
                    let subject = self.fields(fields);
                    if let Some(at) = subject
                        && self.continue_subject(at, lines.get(i + 1))
                    {
                        i += 1;
                    }
                    self.after_form = true;
                }
                Kind::Text => self.text(lines, i),
            }
            i += 1;
        }
        self.give_up_pending();
    }

    /// Reads a label line; returns where an inline subject was recorded, for its continuation.
    fn fields(&mut self, fields: &[Field]) -> Option<usize> {
        let mut subject = None;
        for field in fields {
            let label = field.found.label;
            let has_value = !clean(&field.value).is_empty();
            if self.pending.back().is_some_and(|slot| label.completes.contains(slot)) {
                if let Some(slot) = has_value.then(|| self.pending.pop_back()).flatten() {
                    self.record(slot, accept(slot, &field.value));
                }
            } else if label.place == Place::Alone && matches!(label.slot, Slot::Other(_)) {
                // `INFO` alone, with no `DATE OF` before it, completes nothing.
            } else if !has_value {
                self.pending.push_back(label.slot);
            } else {
                self.give_up_pending();
                let value = accept(label.slot, &field.value);
                if label.slot == Slot::Subject && value.is_some() {
                    subject = Some(self.reading.occurrences.len());
                }
                self.record(label.slot, value);
            }
        }
        subject
    }

    /// Appends the next line to the subject recorded at `at` when it directly continues it.
    fn continue_subject(&mut self, at: usize, next: Option<&Line<'_>>) -> bool {
        let Some(next) = next.filter(|line| line.kind == Kind::Text) else { return false };
        let more = clean(next.text);
        if more.split_whitespace().count() > 8 || more.contains(':') || !is_statement(&more) {
            return false;
        }
        let Some(Occurrence { value: Some(subject), .. }) = self.reading.occurrences.get_mut(at)
        else {
            return false;
        };
        subject.push(' ');
        subject.push_str(&more);
        true
    }

    fn text(&mut self, lines: &[Line<'_>], i: usize) {
        let text = lines[i].text;
        let short = text.chars().count() <= MAX_VALUE_CHARS
            && text.split_whitespace().count() <= MAX_VALUE_WORDS;
        if !short {
            self.give_up_pending();
        }
        while let Some(slot) = self.pending.pop_front() {
            let value = accept(slot, text);
            let taken = value.is_some();
            self.record(slot, value);
            if taken {
                self.after_form = true;
                return;
            }
        }
        if self.after_form && self.reading.headline.is_none() {
            self.reading.headline = Some(headline(lines, i));
        }
        self.after_form = false;
    }

    fn give_up_pending(&mut self) {
        while let Some(slot) = self.pending.pop_front() {
            self.record(slot, None);
        }
    }

    fn record(&mut self, slot: Slot, value: Option<String>) {
        self.reading.occurrences.push(Occurrence { slot, value });
    }
}

/// The line at `i` as a headline: capitals, two to fourteen words, few digits (a report number
/// is not a headline), and prose after it.
fn headline(lines: &[Line<'_>], i: usize) -> Option<String> {
    let value = clean(lines[i].text);
    let letters = value.chars().filter(|c| c.is_alphabetic()).count();
    let digits = value.chars().filter(char::is_ascii_digit).count();
    let capitals = letters >= 10 && digits <= 4 && !value.chars().any(char::is_lowercase);
    let words = value.split_whitespace().count();
    let next = lines[i + 1..].iter().find(|line| !matches!(line.kind, Kind::Blank | Kind::Skip));
    let prose_follows = next.is_some_and(|line| is_prose(line.text));
    (capitals && (2..=14).contains(&words) && prose_follows && is_text(&value)).then_some(value)
}

/// Running text: eight words or more, mostly in lower case.
fn is_prose(text: &str) -> bool {
    let lower = text.chars().filter(|c| c.is_lowercase()).count();
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    text.split_whitespace().count() >= 8 && lower * 2 >= letters
}
