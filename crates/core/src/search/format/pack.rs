//! A pack: several index files in one, for collections small enough to fetch whole.
//! `RRK1`, the count of files, then per file its name and its bytes, each length-prefixed.

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
    out
}

pub fn read(file: &str, bytes: &[u8]) -> Result<Vec<(String, Vec<u8>)>, FormatError> {
    let broken = || damaged(file, "the pack is cut short");
    let body = bytes.strip_prefix(MAGIC).ok_or_else(|| damaged(file, "not a pack"))?;
    let mut at = 0;
    let count = get_u32(body, &mut at).ok_or_else(broken)?;
    let mut files = Vec::new();
    for _ in 0..count {
        let take = |at: &mut usize| -> Result<&[u8], FormatError> {
            let len = get_u32(body, at).ok_or_else(broken)? as usize;
            let slice = body.get(*at..*at + len).ok_or_else(broken)?;
            *at += len;
            Ok(slice)
        };
        let name = String::from_utf8(take(&mut at)?.to_vec()).map_err(|_| broken())?;
        let bytes = take(&mut at)?.to_vec();
        files.push((name, bytes));
    }
    Ok(files)
}

#[cfg(test)]
mod tests {
    #[test]
    fn files_round_trip_and_a_cut_pack_is_an_error() {
        let files = vec![("a".to_owned(), vec![1, 2, 3]), ("search/b.bin".to_owned(), vec![])];
        let bytes = super::write(&files);
        assert_eq!(super::read("p", &bytes).expect("reads"), files);
        assert!(super::read("p", &bytes[..bytes.len() - 2]).is_err());
    }
}
