//! Writing and reading `search/meta.json`, the index's entry point: sealed with its checksum
//! ([`super::seal::seal_json`]) and checked for consistency, since every other file is asked
//! for, and every count bounded, by what it says.

use super::seal::{seal_json, unseal_json};
use super::{FORMAT_VERSION, FormatError, IndexMeta, META_FILE, damaged, json};

impl IndexMeta {
    pub fn to_bytes(&self) -> Vec<u8> {
        seal_json(&serde_json::to_vec(self).unwrap_or_else(|e| unreachable!("meta: {e}")))
    }

    /// Reads `meta.json`: its checksum, its format and its counts must all hold.
    pub fn read(bytes: &[u8]) -> Result<IndexMeta, FormatError> {
        let sealed = unseal_json(META_FILE, bytes);
        let meta: Result<IndexMeta, _> = json(META_FILE, bytes);
        if let Ok(meta) = &meta
            && meta.format != FORMAT_VERSION
        {
            return Err(FormatError {
                file: META_FILE.to_owned(),
                message: format!(
                    "the search index has format {}, and this version reads format \
                     {FORMAT_VERSION}; build the bundle again with this version",
                    meta.format
                ),
            });
        }
        sealed?;
        let meta = meta?;
        meta.check().map_err(|what| damaged(META_FILE, what))?;
        Ok(meta)
    }

    fn check(&self) -> Result<(), &'static str> {
        let hex = |s: &str| s.len() == 16 && s.bytes().all(|b| b.is_ascii_hexdigit());
        if !hex(&self.key) {
            return Err("its key is not a hash");
        }
        if self.pages < self.docs {
            return Err("it counts fewer pages than documents");
        }
        if self.dict.windows(2).any(|w| w[0] >= w[1]) {
            return Err("its dictionary chunks are out of order");
        }
        if self.dict.is_empty() != (self.postings == 0) {
            return Err("it counts postings without a dictionary, or a dictionary without them");
        }
        if !self.avg_len.iter().all(|l| l.is_finite() && *l >= 0.0) {
            return Err("its mean lengths are not numbers");
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::super::{FacetNames, IndexMeta};

    fn meta() -> IndexMeta {
        IndexMeta {
            format: super::FORMAT_VERSION,
            docs: 3,
            pages: 5,
            avg_len: [10.0, 1.0],
            facets: FacetNames::default(),
            key: "0123456789abcdef".into(),
            dict: vec!["a".into(), "m".into()],
            postings: 2,
            leads: 0,
            pack: false,
            fold: Vec::new(),
        }
    }

    #[test]
    fn meta_round_trips_and_inconsistent_counts_are_refused() {
        assert_eq!(IndexMeta::read(&meta().to_bytes()).expect("sound"), meta());
        let broken: [fn(&mut IndexMeta); 5] = [
            |m| m.key = "../../x".into(),
            |m| m.pages = 2,
            |m| m.dict.reverse(),
            |m| m.postings = 0,
            |m| m.avg_len[0] = f32::NAN,
        ];
        for (n, change) in broken.iter().enumerate() {
            let mut meta = meta();
            change(&mut meta);
            let error = IndexMeta::read(&meta.to_bytes()).expect_err("inconsistent");
            assert!(error.to_string().starts_with("search/meta.json: the file is damaged"), "{n}");
        }
    }

    #[test]
    fn another_format_is_named_before_the_missing_checksum() {
        let mut old = meta();
        old.format = 2;
        let bytes = serde_json::to_vec(&old).expect("serializes");
        let error = IndexMeta::read(&bytes).expect_err("format 2");
        assert!(error.message.contains("has format 2"), "{error}");
        let error = IndexMeta::read(&serde_json::to_vec(&meta()).expect("json")).expect_err("bare");
        assert!(error.message.contains("checksum is missing"), "{error}");
    }
}
