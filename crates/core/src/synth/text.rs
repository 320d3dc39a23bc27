//! Running text: sentences of 8 to 25 words drawn by frequency, with capitals, commas, full
//! stops, now and then a number or a date, gathered into paragraphs; and the typewriter's
//! line wrapping for the OCR side.

use super::rng::Rng;
use super::words::{CONTENT_RANK, table};

pub const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The paragraphs of one page's body, each one line of text, together at least `words` long
/// (the last paragraph is whole, so a page may run a sentence or so over).
pub fn body(words: usize, rng: &mut Rng) -> Vec<String> {
    let mut paragraphs = Vec::new();
    let mut written = 0;
    while written < words {
        let mut paragraph = String::new();
        for _ in 0..rng.between(2, 6) {
            if !paragraph.is_empty() {
                paragraph.push(' ');
            }
            written += sentence(&mut paragraph, rng);
            if written >= words {
                break;
            }
        }
        paragraphs.push(paragraph);
    }
    paragraphs
}

/// Appends one sentence to `out` and returns how many words it has.
pub fn sentence(out: &mut String, rng: &mut Rng) -> usize {
    let length = rng.between(8, 25) as usize;
    let start = out.len();
    for i in 0..length {
        if i > 0 {
            out.push(' ');
        }
        if rng.one_in(40) {
            number(out, rng);
        } else {
            out.push_str(table().sample(rng));
        }
        if i + 1 < length && i > 1 && rng.one_in(14) {
            out.push(',');
        }
    }
    capitalize_at(out, start);
    out.push('.');
    length
}

/// A title: a few content words, each capitalized.
pub fn title(rng: &mut Rng) -> String {
    let count = rng.between(3, 7);
    let mut words: Vec<String> = Vec::new();
    while (words.len() as u64) < count {
        let word = table().sample_from(CONTENT_RANK, rng);
        if word.len() > 2 && !words.iter().any(|w| w.eq_ignore_ascii_case(word)) {
            let mut word = word.to_owned();
            capitalize_at(&mut word, 0);
            words.push(word);
        }
    }
    words.join(" ")
}

/// A number as reports write them: a count, a percentage, a year, a large figure or a date.
fn number(out: &mut String, rng: &mut Rng) {
    use std::fmt::Write;
    let _ = match rng.below(10) {
        0..=3 => write!(out, "{}", rng.between(2, 400)),
        4 => write!(out, "{} percent", rng.between(2, 99)),
        5 | 6 => write!(out, "{}", rng.between(1917, 1979)),
        7 => write!(out, "{},{:03}", rng.between(1, 99), rng.below(1000)),
        _ => {
            let (year, month, day) = date(1940, 1979, rng);
            write!(out, "{day} {} {year}", MONTHS[month as usize - 1])
        }
    };
}

/// A valid calendar date `(year, month, day)` with the year in `first..=last`.
pub fn date(first: u64, last: u64, rng: &mut Rng) -> (u64, u64, u64) {
    let year = rng.between(first, last);
    let month = rng.between(1, 12);
    let day = rng.between(1, u64::from(crate::calendar::days_in_month(year as u32, month as u32)));
    (year, month, day)
}

fn capitalize_at(text: &mut str, at: usize) {
    if let Some(first) = text[at..].chars().next()
        && first.is_ascii_lowercase()
    {
        text[at..at + 1].make_ascii_uppercase();
    }
}

/// Appends `paragraph` to `out` as lines of at most `width` characters (a longer word stands
/// alone), each ending in a line break. The last line never holds a single word when it can
/// take one from the line before, so a lone number is never mistaken for a page number.
pub fn wrap(paragraph: &str, width: usize, out: &mut String) {
    let mut lines: Vec<Vec<&str>> = vec![Vec::new()];
    let mut used = 0;
    for word in paragraph.split(' ').filter(|w| !w.is_empty()) {
        let line = lines.last_mut().unwrap_or_else(|| unreachable!("one line at least"));
        if !line.is_empty() && used + 1 + word.len() > width {
            lines.push(vec![word]);
            used = word.len();
        } else {
            used += usize::from(!line.is_empty()) + word.len();
            line.push(word);
        }
    }
    let count = lines.len();
    if count > 1 && lines[count - 1].len() == 1 && lines[count - 2].len() > 1 {
        let moved = lines[count - 2][lines[count - 2].len() - 1];
        if moved.len() + 1 + lines[count - 1][0].len() <= width {
            lines[count - 2].pop();
            lines[count - 1].insert(0, moved);
        }
    }
    for line in lines.iter().filter(|line| !line.is_empty()) {
        for (n, word) in line.iter().enumerate() {
            if n > 0 {
                out.push(' ');
            }
            out.push_str(word);
        }
        out.push('\n');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_have_eight_to_twenty_five_words_a_capital_and_a_full_stop() {
        let mut rng = Rng::new(3);
        for _ in 0..200 {
            let mut text = String::new();
            let words = sentence(&mut text, &mut rng);
            assert!((8..=25).contains(&words));
            assert!(text.ends_with('.'), "{text}");
            let first = text.chars().next().unwrap();
            assert!(first.is_uppercase() || first.is_ascii_digit(), "{text}");
        }
    }

    #[test]
    fn a_body_reaches_its_word_count_in_paragraphs() {
        let mut rng = Rng::new(4);
        let paragraphs = body(250, &mut rng);
        let words: usize = paragraphs.iter().map(|p| p.split(' ').count()).sum();
        assert!((250..320).contains(&words), "{words}");
        assert!(paragraphs.len() >= 2);
    }

    #[test]
    fn wrapping_keeps_every_word_and_the_width() {
        let mut rng = Rng::new(5);
        let paragraph = body(300, &mut rng).join(" ");
        let mut out = String::new();
        wrap(&paragraph, 72, &mut out);
        assert!(out.lines().all(|line| line.len() <= 72));
        assert_eq!(out.split_whitespace().collect::<Vec<_>>().join(" "), paragraph);
        assert!(out.lines().last().unwrap().contains(' '));
        let mut short = String::new();
        wrap("aaa bbb ccc", 7, &mut short);
        assert_eq!(short, "aaa\nbbb ccc\n");
    }

    #[test]
    fn dates_are_real_days() {
        let mut rng = Rng::new(6);
        for _ in 0..2000 {
            let (year, month, day) = date(1946, 1979, &mut rng);
            assert!((1946..=1979).contains(&year) && (1..=12).contains(&month));
            assert!(
                day >= 1
                    && day <= u64::from(crate::calendar::days_in_month(year as u32, month as u32))
            );
        }
    }
}
