//! The document table: what filters, facets and BM25 need of every document, a few bytes each.
//! `RRT2`, the count, then one column after another, so that like values sit together and
//! compress well (a large collection's table is the biggest file a query fetches):
//! - the country, subject and collection codes (0 for none, else the index in
//!   [`super::FacetNames`] plus one), each a column of varints;
//! - the years (0 for none), varints;
//! - the flags bytes (bit 0: has a corrected transcription; bits 1-2: its OCR quality band, 0
//!   for none, else the band's place in [`crate::quality::Band::ALL`] plus one);
//! - the token lengths of the OCR layers, then of the corrected layers, one byte each in
//!   [`length_byte`]'s scale: BM25 needs a length's size, not its last digit, as Lucene's
//!   one-byte norms show.
//!
//! The file ends in its checksum ([`super::seal`]).

use super::seal::{seal, unseal};
use super::varint::{get_u32, put};
use super::{FacetNames, FormatError, damaged};
use crate::quality::Band;

const MAGIC: &[u8; 4] = b"RRT2";

/// One document's row.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DocRow {
    pub country: u32,
    pub subject: u32,
    pub collection: u32,
    pub year: u16,
    pub has_corrected: bool,
    /// The band of the document's character error rate, if it has a correction.
    pub quality: Option<Band>,
    /// Tokens in the OCR layer (furniture included) and in the corrected layer; as read back
    /// from a table, to within 1/16 (see [`length_byte`]).
    pub len: [u32; 2],
}

/// A length in one byte: exact below 16, above that three bits of mantissa under a power of
/// two, so within 1/16 of the length either way.
pub fn length_byte(len: u32) -> u8 {
    if len < 16 {
        return len as u8;
    }
    let shift = 32 - len.leading_zeros() - 4;
    (16 + (shift - 1) * 8 + ((len >> shift) - 8)) as u8
}

/// The length a [`length_byte`] stands for: the middle of its range.
pub fn byte_length(byte: u8) -> u32 {
    if byte < 16 {
        return u32::from(byte);
    }
    let shift = u32::from(byte - 16) / 8 + 1;
    let mantissa = u32::from(byte - 16) % 8 + 8;
    (mantissa << shift) + (1 << (shift - 1))
}

fn flags(row: &DocRow) -> u8 {
    let band =
        row.quality.map_or(0, |b| Band::ALL.iter().position(|&x| x == b).unwrap_or(0) as u8 + 1);
    u8::from(row.has_corrected) | band << 1
}

pub fn write(rows: &[DocRow]) -> Vec<u8> {
    let mut out = MAGIC.to_vec();
    put(&mut out, rows.len() as u64);
    let columns: [fn(&DocRow) -> u32; 4] =
        [|r| r.country, |r| r.subject, |r| r.collection, |r| u32::from(r.year)];
    for column in columns {
        for row in rows {
            put(&mut out, u64::from(column(row)));
        }
    }
    out.extend(rows.iter().map(flags));
    out.extend(rows.iter().map(|r| length_byte(r.len[0])));
    out.extend(rows.iter().map(|r| length_byte(r.len[1])));
    seal(out)
}

/// Reads a table of `docs` documents whose facet codes index `facets`.
pub fn read(
    file: &str,
    bytes: &[u8],
    docs: u32,
    facets: &FacetNames,
) -> Result<Vec<DocRow>, FormatError> {
    let rows = read_rows(file, unseal(file, bytes)?)?;
    if rows.len() != docs as usize {
        return Err(damaged(file, "it does not count the documents meta.json counts"));
    }
    let within = |code: u32, names: &[String]| code as usize <= names.len();
    let coded = |r: &DocRow| {
        within(r.country, &facets.country)
            && within(r.subject, &facets.subject)
            && within(r.collection, &facets.collection)
    };
    if !rows.iter().all(coded) {
        return Err(damaged(file, "a facet code is beyond the values meta.json lists"));
    }
    Ok(rows)
}

fn read_rows(file: &str, bytes: &[u8]) -> Result<Vec<DocRow>, FormatError> {
    let broken = || damaged(file, "the document table is cut short");
    let body = bytes.strip_prefix(MAGIC).ok_or_else(|| damaged(file, "not a document table"))?;
    let mut at = 0;
    let count = get_u32(body, &mut at).ok_or_else(broken)? as usize;
    if count > body.len() {
        return Err(broken());
    }
    let mut column = || -> Result<Vec<u32>, FormatError> {
        (0..count).map(|_| get_u32(body, &mut at).ok_or_else(broken)).collect()
    };
    let (country, subject, collection, year) = (column()?, column()?, column()?, column()?);
    let end = count.checked_mul(3).and_then(|n| n.checked_add(at)).ok_or_else(broken)?;
    let bytes = body.get(at..end).ok_or_else(broken)?;
    if end != body.len() {
        return Err(damaged(file, "the document table has bytes after its last column"));
    }
    let mut rows = Vec::with_capacity(count);
    for i in 0..count {
        let flags = bytes[i];
        let quality = match (flags >> 1) & 3 {
            0 => None,
            n => Some(*Band::ALL.get(usize::from(n) - 1).ok_or_else(broken)?),
        };
        rows.push(DocRow {
            country: country[i],
            subject: subject[i],
            collection: collection[i],
            year: u16::try_from(year[i]).map_err(|_| broken())?,
            has_corrected: flags & 1 == 1,
            quality,
            len: [byte_length(bytes[count + i]), byte_length(bytes[2 * count + i])],
        });
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_round_trip_and_damage_is_reported() {
        let rows = vec![
            DocRow {
                country: 1,
                subject: 2,
                collection: 0,
                year: 1949,
                has_corrected: true,
                quality: Some(Band::Poor),
                len: [3500, 3400],
            },
            DocRow { quality: Some(Band::Good), ..DocRow::default() },
            DocRow::default(),
        ];
        let bytes = write(&rows);
        let mut lengths_as_read = rows.clone();
        lengths_as_read[0].len = [byte_length(length_byte(3500)), byte_length(length_byte(3400))];
        let facets = FacetNames {
            country: vec!["USSR".into()],
            subject: vec!["a".into(), "b".into()],
            collection: Vec::new(),
        };
        assert_eq!(read("t", &bytes, 3, &facets).expect("reads"), lengths_as_read);
        let error = read("t", &bytes[..bytes.len() - 1], 3, &facets).expect_err("cut short");
        assert!(error.to_string().contains("build the bundle again"), "{error}");
        let error = read("t", &bytes, 4, &facets).expect_err("one document more");
        assert!(error.to_string().contains("does not count the documents"), "{error}");
        let fewer = FacetNames { subject: vec!["a".into()], ..facets };
        let error = read("t", &bytes, 3, &fewer).expect_err("a code beyond the list");
        assert!(error.to_string().contains("facet code"), "{error}");
    }

    /// Damaged but sealed tables, so that the reader's bounds, not the checksum, are tried:
    /// every count, cut and flip is an error or a table of the expected size, never a panic.
    #[test]
    fn a_sealed_but_damaged_table_is_an_error_not_a_panic() {
        let rows = vec![DocRow { country: 1, year: 1950, len: [40, 0], ..DocRow::default() }; 5];
        let sealed = write(&rows);
        let payload = unseal("t", &sealed).expect("sound").to_vec();
        let facets = FacetNames { country: vec!["x".into()], ..FacetNames::default() };
        let mut damaged_tables = Vec::new();
        for at in 0..payload.len() {
            for bits in [0x01, 0x80, 0xff] {
                let mut flipped = payload.clone();
                flipped[at] ^= bits;
                damaged_tables.push(flipped);
            }
            damaged_tables.push(payload[..at].to_vec());
        }
        let mut count = MAGIC.to_vec();
        put(&mut count, u64::from(u32::MAX));
        damaged_tables.push(count);
        for damaged in damaged_tables {
            if let Ok(read) = read("t", &seal(damaged), 5, &facets) {
                assert_eq!(read.len(), 5);
            }
        }
    }

    #[test]
    fn a_length_byte_is_within_a_sixteenth_and_keeps_the_order() {
        let mut previous = 0;
        for len in (0..100_000).chain([u32::MAX / 3, u32::MAX]) {
            let byte = length_byte(len);
            assert!(byte >= previous, "{len}");
            previous = byte;
            let back = f64::from(byte_length(byte));
            assert!((back - f64::from(len)).abs() <= f64::from(len) / 16.0, "{len} read {back}");
        }
    }
}
