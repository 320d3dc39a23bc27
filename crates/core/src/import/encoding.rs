//! Turning an input file's bytes into text, whatever encoding the OCR engine or archive used.
//!
//! Curators bring files from many tools: UTF-8 with or without a byte order mark, UTF-16 from
//! Windows programs, and Windows-1252 from older archives. The rules are few and fixed, so the
//! same bytes always give the same text: a BOM decides when there is one; otherwise valid UTF-8
//! is UTF-8, and anything else is read as Windows-1252 with a warning, because every byte has a
//! meaning there and a curator can check a few accented letters more easily than a refusal.
//! Files that are not text at all (images, PDFs, anything with NUL bytes) are refused by name.
//! Line endings become `\n`, so that every later rule sees one kind of line.

use crate::diagnostic::{Diagnostic, Position};
use encoding_rs::{DecoderResult, Encoding, UTF_16BE, UTF_16LE, WINDOWS_1252};

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";
const UTF16LE_BOM: &[u8] = b"\xFF\xFE";
const UTF16BE_BOM: &[u8] = b"\xFE\xFF";

/// Signatures of the binary files curators most often pick up by mistake, with a name for each.
const SIGNATURES: &[(&[u8], &str)] = &[
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"%PDF-", "a PDF document"),
    (b"\xFF\xD8\xFF", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"II*\0", "a TIFF image"),
    (b"MM\0*", "a TIFF image"),
    (b"PK\x03\x04", "a ZIP archive (a .docx or .odt file is one)"),
    (b"\x1F\x8B", "a gzip archive"),
];

/// A file's text, with line endings made `\n`, and what the curator should know about reading it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    pub warnings: Vec<Diagnostic>,
}

/// What `import` says to do with a file that is not text.
pub const IMPORT_ADVICE: &str = "Import the OCR output (text, hOCR, ALTO or PAGE-XML).";

/// Decodes `bytes`; `path` is used only in messages.
pub fn decode(path: &str, bytes: &[u8]) -> Result<Decoded, Diagnostic> {
    decode_with_advice(path, bytes, IMPORT_ADVICE)
}

/// [`decode`], for a command other than `import`: the error for a file that is not text ends
/// with `advice`, a sentence saying what that command expects.
pub fn decode_with_advice(path: &str, bytes: &[u8], advice: &str) -> Result<Decoded, Diagnostic> {
    let not_text = |why: &str| {
        Diagnostic::error(
            path,
            Position::START,
            format!("{path} is not a text file: {why}. {advice}"),
        )
    };
    if let Some(kind) = signature(bytes) {
        return Err(not_text(&format!("it is {kind}")));
    }
    let mut warnings = Vec::new();
    let text = if let Some(rest) = bytes.strip_prefix(UTF8_BOM) {
        utf8_after_bom(path, rest)?
    } else if let Some(rest) = bytes.strip_prefix(UTF16LE_BOM) {
        utf16(path, rest, UTF_16LE)?
    } else if let Some(rest) = bytes.strip_prefix(UTF16BE_BOM) {
        utf16(path, rest, UTF_16BE)?
    } else {
        match std::str::from_utf8(bytes) {
            Ok(text) => text.to_owned(),
            Err(e) => {
                warnings.push(windows_1252_warning(path, bytes, e.valid_up_to()));
                WINDOWS_1252.decode_without_bom_handling(bytes).0.into_owned()
            }
        }
    };
    if text.contains('\0') {
        return Err(not_text(
            "it contains NUL bytes (if it is UTF-16 text, save it again with a byte order mark)",
        ));
    }
    Ok(Decoded { text: normalize_newlines(&text), warnings })
}

fn signature(bytes: &[u8]) -> Option<&'static str> {
    SIGNATURES.iter().find(|(magic, _)| bytes.starts_with(magic)).map(|(_, kind)| *kind)
}

/// A file that announces UTF-8 with a BOM but breaks it was damaged or mislabelled: guessing
/// another encoding would hide that, so it is an error that points at the first bad byte.
fn utf8_after_bom(path: &str, bytes: &[u8]) -> Result<String, Diagnostic> {
    std::str::from_utf8(bytes).map(str::to_owned).map_err(|e| {
        let at = position_of_byte(bytes, e.valid_up_to());
        Diagnostic::error(
            path,
            at,
            format!(
                "{path} starts with a UTF-8 byte order mark but is not valid UTF-8 here: \
                 save it again as UTF-8."
            ),
        )
    })
}

/// UTF-16 is decoded without replacement, so a broken file is reported where it breaks rather
/// than read with question marks in it.
fn utf16(path: &str, bytes: &[u8], encoding: &'static Encoding) -> Result<String, Diagnostic> {
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let capacity = decoder
        .max_utf8_buffer_length_without_replacement(bytes.len())
        .unwrap_or(bytes.len().saturating_mul(2));
    let mut text = String::with_capacity(capacity);
    let (result, _read) = decoder.decode_to_string_without_replacement(bytes, &mut text, true);
    match result {
        DecoderResult::InputEmpty => Ok(text),
        DecoderResult::Malformed(..) | DecoderResult::OutputFull => Err(Diagnostic::error(
            path,
            end_of(&text),
            format!(
                "{path} starts with a {} byte order mark but is not valid {} here: \
                 save it again as UTF-8.",
                encoding.name(),
                encoding.name()
            ),
        )),
    }
}

fn windows_1252_warning(path: &str, bytes: &[u8], valid_up_to: usize) -> Diagnostic {
    let at = position_of_byte(bytes, valid_up_to);
    Diagnostic::warning(
        path,
        at,
        format!(
            "{path} is not UTF-8; read it as Windows-1252 (the first byte that is not UTF-8 \
             is at line {}, column {}). Check its accented letters and quotes, or save it \
             again as UTF-8.",
            at.line, at.column
        ),
    )
}

/// The position of byte `offset` when everything before it is valid UTF-8.
fn position_of_byte(bytes: &[u8], offset: usize) -> Position {
    let before = bytes.get(..offset).unwrap_or(bytes);
    end_of(std::str::from_utf8(before).unwrap_or_default())
}

/// Where `text` ends, counted as the curator will see it: after line endings become `\n`.
fn end_of(text: &str) -> Position {
    let text = normalize_newlines(text);
    Position::of(&text, text.len())
}

/// CRLF (Windows) and lone CR (old Macintosh) both become LF.
fn normalize_newlines(text: &str) -> String {
    if !text.contains('\r') {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' {
            if chars.peek() == Some(&'\n') {
                chars.next();
            }
            out.push('\n');
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crlf_and_lone_cr_become_lf() {
        assert_eq!(normalize_newlines("a\r\nb\rc\n\r\nd"), "a\nb\nc\n\nd");
    }

    #[test]
    fn a_broken_utf8_file_with_a_bom_is_an_error_at_the_bad_byte() {
        let err = decode("x.txt", b"\xEF\xBB\xBFok\nbad \xE0 here").unwrap_err();
        assert_eq!((err.line, err.column), (2, 5));
        assert!(err.is_error());
    }

    #[test]
    fn positions_count_old_macintosh_line_endings() {
        let decoded = decode("x.txt", b"one\rtwo \xE0").unwrap();
        assert_eq!((decoded.warnings[0].line, decoded.warnings[0].column), (2, 5));
        assert_eq!(decoded.text, "one\ntwo \u{e0}");
    }

    #[test]
    fn a_truncated_utf16_file_is_an_error() {
        let err = decode("x.txt", b"\xFF\xFEa\0b\0c").unwrap_err();
        assert!(err.message.contains("UTF-16LE"), "{err}");
        assert_eq!((err.line, err.column), (1, 3));
    }

    #[test]
    fn an_unpaired_surrogate_is_an_error() {
        assert!(decode("x.txt", b"\xFE\xFF\xD8\x00\x00a").is_err());
    }

    #[test]
    fn nul_bytes_without_a_bom_mean_binary() {
        let err = decode("x.txt", b"a\0b\0").unwrap_err();
        assert!(err.message.contains("not a text file"), "{err}");
    }

    #[test]
    fn the_advice_for_a_file_that_is_not_text_is_the_callers() {
        let err = decode("x.png", b"\x89PNG\r\n\x1a\n").unwrap_err();
        assert!(err.message.ends_with(IMPORT_ADVICE), "{err}");
        let err = decode_with_advice("x.bin", b"a\0b", "Compare two texts.").unwrap_err();
        assert!(err.message.starts_with("x.bin is not a text file: it contains NUL"), "{err}");
        assert!(err.message.ends_with("mark). Compare two texts."), "{err}");
    }

    #[test]
    fn an_empty_file_is_empty_text() {
        assert_eq!(decode("x.txt", b"").map(|d| d.text), Ok(String::new()));
    }
}
