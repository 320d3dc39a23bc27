//! Hash maps keyed by numbers, with a multiply-and-rotate hash (FxHash's) instead of the
//! standard SipHash: the keys come from the texts being compared, not from an adversary, and
//! these maps sit in the inner loops of the alignment.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A hash map with [`NumberHasher`].
pub type NumberMap<K, V> = HashMap<K, V, BuildHasherDefault<NumberHasher>>;

/// FxHash's step: fast, and good enough for interned numbers and pre-hashed keys.
#[derive(Debug, Default, Clone, Copy)]
pub struct NumberHasher(u64);

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl Hasher for NumberHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.write_u64(u64::from(byte));
        }
    }

    fn write_u32(&mut self, value: u32) {
        self.write_u64(u64::from(value));
    }

    fn write_u64(&mut self, value: u64) {
        self.0 = (self.0.rotate_left(5) ^ value).wrapping_mul(SEED);
    }

    fn write_usize(&mut self, value: usize) {
        self.write_u64(value as u64);
    }
}
