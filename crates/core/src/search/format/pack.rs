//! A pack: several index files in one, for collections small enough to fetch whole.
//! `RRK1`, the count of files, then per file its name and its bytes, each length-prefixed;
//! then the pack's checksum ([`super::seal`]). The files inside keep their own.

use super::seal::{seal, unseal};
use super::varint::{get_u32, put};
use super::{FormatError, damaged};

const MAGIC: &[u8; 4] = b"RRK1";

pub fn write(files: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut out = MAGIC.to_vec();
    put(&mut out, files.len() as u64);
    for (name, bytes) in files {
        put(&mut out, name.len() as u64);
        out.extend_from_slice(name.as_bytes());
        put(&mut out, bytes.len() as u64);
        out.extend_from_slice(bytes);
    }
    seal(out)
}

pub fn read(file: &str, bytes: &[u8]) -> Result<Vec<(String, Vec<u8>)>, FormatError> {
    let broken = || damaged(file, "the pack is cut short");
    let body = unseal(file, bytes)?;
    let body = body.strip_prefix(MAGIC).ok_or_else(|| damaged(file, "not a pack"))?;
    let mut at = 0;
    let count = get_u32(body, &mut at).ok_or_else(broken)?;
    let mut files = Vec::new();
    for _ in 0..count {
        let take = |at: &mut usize| -> Result<&[u8], FormatError> {
            let len = get_u32(body, at).ok_or_else(broken)? as usize;
            let end = at.checked_add(len).ok_or_else(broken)?;
            let slice = body.get(*at..end).ok_or_else(broken)?;
            *at = end;
            Ok(slice)
        };
        let name = String::from_utf8(take(&mut at)?.to_vec()).map_err(|_| broken())?;
        let bytes = take(&mut at)?.to_vec();
        files.push((name, bytes));
    }
    if at != body.len() {
        return Err(damaged(file, "the pack has bytes after its last file"));
    }
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::super::seal::{seal, unseal};

    #[test]
    fn files_round_trip_and_a_cut_pack_is_an_error() {
        let files = vec![("a".to_owned(), vec![1, 2, 3]), ("search/b.bin".to_owned(), vec![])];
        let bytes = super::write(&files);
        assert_eq!(super::read("p", &bytes).expect("reads"), files);
        assert!(super::read("p", &bytes[..bytes.len() - 2]).is_err());
    }

    /// Damaged but sealed packs: every flip and cut is an error or files that add up to no
    /// more than the pack, never a panic.
    #[test]
    fn a_sealed_but_damaged_pack_is_an_error_not_a_panic() {
        let files: Vec<(String, Vec<u8>)> =
            (0..4).map(|n| (format!("search/f{n}"), vec![n; 40 * usize::from(n)])).collect();
        let payload = unseal("p", &super::write(&files)).expect("sound").to_vec();
        for at in 0..payload.len() {
            for bits in [0x01, 0x80, 0xff] {
                let mut flipped = payload.clone();
                flipped[at] ^= bits;
                if let Ok(read) = super::read("p", &seal(flipped)) {
                    let total: usize = read.iter().map(|(n, b)| n.len() + b.len()).sum();
                    assert!(total <= payload.len(), "{at}");
                }
            }
            assert!(super::read("p", &seal(payload[..at].to_vec())).is_err(), "cut to {at}");
        }
    }
}
