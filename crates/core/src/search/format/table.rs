//! The document table: what filters, facets and BM25 need of every document, a few bytes each.
//! `RRT1`, the count, then per document its country, subject and collection codes (0 for
//! none, else the index in [`super::FacetNames`] plus one), its year (0 for none), a flags byte
//! (bit 0: has a corrected transcription; bits 1-2: its OCR quality band, 0 for none, else
//! the band's place in [`crate::quality::Band::ALL`] plus one) and the token lengths of its OCR
//! and corrected layers.

use super::varint::{get_u32, put};
use super::{FormatError, damaged};
use crate::quality::Band;

const MAGIC: &[u8; 4] = b"RRT1";

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
    /// Tokens in the OCR layer (furniture included) and in the corrected layer.
    pub len: [u32; 2],
}

pub fn write(rows: &[DocRow]) -> Vec<u8> {
    let mut out = MAGIC.to_vec();
    put(&mut out, rows.len() as u64);
    for row in rows {
        for value in [row.country, row.subject, row.collection, u32::from(row.year)] {
            put(&mut out, u64::from(value));
        }
        let band = row
            .quality
            .map_or(0, |b| Band::ALL.iter().position(|&x| x == b).unwrap_or(0) as u8 + 1);
        out.push(u8::from(row.has_corrected) | band << 1);
        put(&mut out, u64::from(row.len[0]));
        put(&mut out, u64::from(row.len[1]));
    }
    out
}

pub fn read(file: &str, bytes: &[u8]) -> Result<Vec<DocRow>, FormatError> {
    let broken = || damaged(file, "the document table is cut short");
    let body = bytes.strip_prefix(MAGIC).ok_or_else(|| damaged(file, "not a document table"))?;
    let mut at = 0;
    let count = get_u32(body, &mut at).ok_or_else(broken)? as usize;
    let mut rows = Vec::with_capacity(count.min(body.len()));
    for _ in 0..count {
        let mut next = || get_u32(body, &mut at).ok_or_else(broken);
        let (country, subject, collection) = (next()?, next()?, next()?);
        let year = u16::try_from(next()?).map_err(|_| broken())?;
        let flags = *body.get(at).ok_or_else(broken)?;
        at += 1;
        let mut next = || get_u32(body, &mut at).ok_or_else(broken);
        let len = [next()?, next()?];
        let quality = match (flags >> 1) & 3 {
            0 => None,
            n => Some(*Band::ALL.get(usize::from(n) - 1).ok_or_else(broken)?),
        };
        let has_corrected = flags & 1 == 1;
        rows.push(DocRow { country, subject, collection, year, has_corrected, quality, len });
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
        assert_eq!(read("t", &bytes).expect("reads"), rows);
        let error = read("t", &bytes[..bytes.len() - 1]).expect_err("cut short");
        assert!(error.to_string().contains("build the bundle again"), "{error}");
    }
}
