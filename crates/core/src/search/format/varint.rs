//! LEB128 variable-length integers: small numbers (most deltas) take one byte.

/// Appends `value` to `out`.
pub fn put(out: &mut Vec<u8>, mut value: u64) {
    while value >= 0x80 {
        out.push((value as u8) | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

/// Reads one number at `*at`, moving `*at` past it; `None` if the bytes end or overflow.
pub fn get(bytes: &[u8], at: &mut usize) -> Option<u64> {
    let mut value = 0u64;
    for shift in (0..64).step_by(7) {
        let byte = *bytes.get(*at)?;
        *at += 1;
        // The tenth byte holds only the 64th bit: anything above it would be dropped.
        if shift == 63 && byte & 0x7e != 0 {
            return None;
        }
        value |= u64::from(byte & 0x7f) << shift;
        if byte < 0x80 {
            return Some(value);
        }
    }
    None
}

/// Reads a number that must fit in a `u32`.
pub fn get_u32(bytes: &[u8], at: &mut usize) -> Option<u32> {
    get(bytes, at).and_then(|v| u32::try_from(v).ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_round_trip_and_truncation_is_detected() {
        let values = [0, 1, 127, 128, 300, 16_383, 16_384, u64::from(u32::MAX), u64::MAX];
        let mut bytes = Vec::new();
        for v in values {
            put(&mut bytes, v);
        }
        let mut at = 0;
        for v in values {
            assert_eq!(get(&bytes, &mut at), Some(v));
        }
        assert_eq!(at, bytes.len());
        assert_eq!(get(&[0x80, 0x80], &mut 0), None);
        assert_eq!(get_u32(&[0xff, 0xff, 0xff, 0xff, 0x7f], &mut 0), None);
    }

    #[test]
    fn bits_past_the_64th_are_an_overflow_not_dropped() {
        let nine = [0xff; 9];
        let with = |tenth: u8| [&nine[..], &[tenth]].concat();
        assert_eq!(get(&with(0x01), &mut 0), Some(u64::MAX));
        assert_eq!(get(&with(0x00), &mut 0), Some(u64::MAX >> 1));
        for tenth in [0x02, 0x03, 0x40, 0x7f] {
            assert_eq!(get(&with(tenth), &mut 0), None, "{tenth:#x}");
        }
        assert_eq!(get(&with(0x81), &mut 0), None, "an eleventh byte");
    }
}
