//! Checksums that let every file of a bundle detect its own damage: a truncated upload, a
//! flipped bit on a disk, a host serving one file from an older build.
//!
//! A binary file of the index ends in a trailer of 8 bytes: the first 8 bytes of the SHA-256
//! of everything before it ([`seal`], [`unseal`]). A JSON root with a fixed name
//! (`catalog.json`, `search/meta.json`) stays JSON: its last member is `"checksum"`, the first
//! 16 hex digits of the SHA-256 of the object as written without that member ([`seal_json`],
//! [`unseal_json`]). A document's data file needs neither: its name carries its content's hash.

use super::FormatError;
use sha2::{Digest, Sha256};

const TRAILER: usize = 8;
const JSON_FIELD: &[u8] = b",\"checksum\":\"";
/// `,"checksum":"`, 16 hex digits, `"}`.
const JSON_TAIL: usize = JSON_FIELD.len() + 16 + 2;

/// The error for a file whose content does not match its checksum or its name.
pub fn mismatch(file: &str, why: &str) -> FormatError {
    FormatError {
        file: file.to_owned(),
        message: format!(
            "the file is damaged or comes from another build of the bundle ({why}); build the \
             bundle again and upload all of its files"
        ),
    }
}

fn digest(bytes: &[u8]) -> [u8; TRAILER] {
    let mut out = [0; TRAILER];
    out.copy_from_slice(&Sha256::digest(bytes)[..TRAILER]);
    out
}

/// `payload` followed by its checksum.
pub fn seal(mut payload: Vec<u8>) -> Vec<u8> {
    let sum = digest(&payload);
    payload.extend_from_slice(&sum);
    payload
}

/// [`seal`] for a payload that comes in pieces (a postings block too large to hold at once):
/// feed it every byte of the payload, then append [`Sealer::trailer`].
#[derive(Debug, Clone, Default)]
pub struct Sealer(Sha256);

impl Sealer {
    pub fn update(&mut self, bytes: &[u8]) {
        self.0.update(bytes);
    }

    /// The checksum that [`seal`] would append to the bytes fed so far.
    pub fn trailer(self) -> [u8; TRAILER] {
        let mut out = [0; TRAILER];
        out.copy_from_slice(&self.0.finalize()[..TRAILER]);
        out
    }
}

/// The payload of a sealed file, if its checksum matches.
pub fn unseal<'a>(file: &str, bytes: &'a [u8]) -> Result<&'a [u8], FormatError> {
    let Some(at) = bytes.len().checked_sub(TRAILER) else {
        return Err(mismatch(file, "it is too short to hold its checksum"));
    };
    let (payload, sum) = bytes.split_at(at);
    if digest(payload) != sum {
        return Err(mismatch(file, "its checksum does not match its content"));
    }
    Ok(payload)
}

/// A JSON object (as `serde_json` writes it) with its checksum added as its last member.
pub fn seal_json(object: &[u8]) -> Vec<u8> {
    let hash = crate::bundle::short_hash(object);
    let Some(open) = object.strip_suffix(b"}").filter(|o| o.len() > 1) else {
        unreachable!("only non-empty objects are sealed")
    };
    let mut out = open.to_vec();
    out.extend_from_slice(JSON_FIELD);
    out.extend_from_slice(hash.as_bytes());
    out.extend_from_slice(b"\"}");
    out
}

/// Checks a JSON object sealed by [`seal_json`]; its bytes stay as they are (readers ignore
/// the `checksum` member).
pub fn unseal_json(file: &str, bytes: &[u8]) -> Result<(), FormatError> {
    let missing = || mismatch(file, "its checksum is missing");
    let at = bytes.len().checked_sub(JSON_TAIL).ok_or_else(missing)?;
    let (open, tail) = bytes.split_at(at);
    let hash = tail
        .strip_prefix(JSON_FIELD)
        .and_then(|t| t.strip_suffix(b"\"}"))
        .filter(|_| open.first() == Some(&b'{'))
        .ok_or_else(missing)?;
    let mut object = open.to_vec();
    object.push(b'}');
    if crate::bundle::short_hash(&object).as_bytes() != hash {
        return Err(mismatch(file, "its checksum does not match its content"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sealed_file_opens_and_any_change_is_caught() {
        let sealed = seal(b"RRT2 payload".to_vec());
        assert_eq!(unseal("f", &sealed).expect("sound"), b"RRT2 payload");
        assert_eq!(unseal("f", &seal(Vec::new())).expect("an empty payload"), b"");
        for at in 0..sealed.len() {
            let mut flipped = sealed.clone();
            flipped[at] ^= 0x10;
            let error = unseal("search/x.bin", &flipped).expect_err("a flipped byte");
            assert_eq!(error.file, "search/x.bin");
            assert!(error.message.contains("another build"), "{error}");
        }
        for len in 0..sealed.len() {
            assert!(unseal("f", &sealed[..len]).is_err(), "cut to {len}");
        }
    }

    #[test]
    fn a_payload_sealed_in_pieces_is_sealed_as_a_whole() {
        let payload = b"RRB1 a payload in three pieces".to_vec();
        let mut sealer = Sealer::default();
        for piece in payload.chunks(11) {
            sealer.update(piece);
        }
        let mut pieced = payload.clone();
        pieced.extend_from_slice(&sealer.trailer());
        assert_eq!(pieced, seal(payload));
    }

    #[test]
    fn a_sealed_json_object_stays_json_and_any_change_is_caught() {
        let object = br#"{"format":3,"docs":23}"#;
        let sealed = seal_json(object);
        let value: serde_json::Value = serde_json::from_slice(&sealed).expect("still JSON");
        assert_eq!(value["docs"], 23);
        assert!(value["checksum"].as_str().is_some_and(|c| c.len() == 16));
        unseal_json("search/meta.json", &sealed).expect("sound");
        for at in 0..sealed.len() {
            let mut flipped = sealed.clone();
            flipped[at] ^= 0x01;
            assert!(unseal_json("m", &flipped).is_err(), "flipped at {at}");
        }
        for len in 0..sealed.len() {
            assert!(unseal_json("m", &sealed[..len]).is_err(), "cut to {len}");
        }
        let error = unseal_json("catalog.json", object).expect_err("never sealed");
        assert!(error.to_string().starts_with("catalog.json: "), "{error}");
    }
}
