//! fst's own checksum of a dictionary chunk, checked as `fst::raw::Fst::verify` checks it.
//!
//! fst ends its bytes in the masked CRC-32C (Castagnoli) of everything before them. Its
//! `verify` computes that sixteen bytes at a time from sixteen 1 KB tables of random-looking
//! numbers, which cost the search module 15 KB brotli'd (nearly all of their 16 KB); the `crc`
//! crate computes the same sum from one table.
//! A chunk is small, so the slower loop costs a reader nothing they notice.

use crc::{CRC_32_ISCSI, Crc, Table};

const CRC32C: Crc<u32, Table<1>> = Crc::<u32, Table<1>>::new(&CRC_32_ISCSI);

/// Whether the fst `bytes` end in the checksum of the rest, as fst writes it.
pub(super) fn holds(bytes: &[u8]) -> bool {
    let Some((body, sum)) = bytes.split_last_chunk::<4>() else { return false };
    masked(CRC32C.checksum(body)) == u32::from_le_bytes(*sum)
}

/// fst's (and Snappy's) masking of a CRC, so that data holding its own CRC is still checked.
fn masked(sum: u32) -> u32 {
    sum.rotate_right(15).wrapping_add(0xA282_EAD8)
}

#[cfg(test)]
mod tests {
    use super::holds;

    #[test]
    fn the_sum_is_the_one_fst_verifies() {
        let map = fst::Map::from_iter([("a", 1u64), ("commun", 9), ("party", 7)]).expect("sorted");
        let bytes = map.into_fst().into_inner();
        assert!(holds(&bytes));
        assert!(fst::raw::Fst::new(bytes.clone()).expect("an fst").verify().is_ok());
        for at in 0..bytes.len() {
            let mut flipped = bytes.clone();
            flipped[at] ^= 0x04;
            let by_fst = fst::raw::Fst::new(flipped.clone()).is_ok_and(|f| f.verify().is_ok());
            assert_eq!(holds(&flipped), by_fst, "flipped at {at}");
            assert!(!holds(&flipped), "flipped at {at}");
        }
        assert!(!holds(&[1, 2, 3]));
    }
}
