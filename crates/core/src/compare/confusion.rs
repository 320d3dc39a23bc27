//! The misreadings OCR engines are known for, as tags on a substitution: "cornrnittee" for
//! "committee" is `rn/m`, OCR's `rn` where the print has `m`.
//!
//! A substitution is tagged when every edit inside it (each run of differing characters in the
//! word's alignment) is made of these confusions, all of one class; "Perty" for "Party" is no
//! known confusion and stays untagged. The classes read "what the OCR gave / what was printed".
//! `0/O` and `5/S` also cover the lowercase letter (`0` for `o`, `5` for `s`).

use serde::{Deserialize, Serialize};

/// A known OCR confusion.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Confusion {
    #[serde(rename = "rn/m")]
    RnForM,
    #[serde(rename = "cl/d")]
    ClForD,
    #[serde(rename = "li/h")]
    LiForH,
    #[serde(rename = "e/c")]
    EForC,
    #[serde(rename = "c/e")]
    CForE,
    #[serde(rename = "l/1")]
    LForOne,
    #[serde(rename = "1/l")]
    OneForL,
    #[serde(rename = "I/l")]
    CapitalIForL,
    #[serde(rename = "0/O")]
    ZeroForO,
    #[serde(rename = "5/S")]
    FiveForS,
    #[serde(rename = "vv/w")]
    VvForW,
    #[serde(rename = "ii/u")]
    IiForU,
}

use Confusion::*;

/// Every class with what the OCR read and what was printed.
const TABLE: [(Confusion, &str, &str); 14] = [
    (RnForM, "rn", "m"),
    (ClForD, "cl", "d"),
    (LiForH, "li", "h"),
    (EForC, "e", "c"),
    (CForE, "c", "e"),
    (LForOne, "l", "1"),
    (OneForL, "1", "l"),
    (CapitalIForL, "I", "l"),
    (ZeroForO, "0", "O"),
    (ZeroForO, "0", "o"),
    (FiveForS, "5", "S"),
    (FiveForS, "5", "s"),
    (VvForW, "vv", "w"),
    (IiForU, "ii", "u"),
];

impl Confusion {
    /// The class as written in reports: `rn/m`.
    pub fn label(self) -> &'static str {
        match self {
            RnForM => "rn/m",
            ClForD => "cl/d",
            LiForH => "li/h",
            EForC => "e/c",
            CForE => "c/e",
            LForOne => "l/1",
            OneForL => "1/l",
            CapitalIForL => "I/l",
            ZeroForO => "0/O",
            FiveForS => "5/S",
            VvForW => "vv/w",
            IiForU => "ii/u",
        }
    }
}

/// The one class that explains every edit (OCR text, printed text), if there is one.
pub fn classify(edits: &[(&str, &str)]) -> Option<Confusion> {
    let mut found = None;
    for &(read, printed) in edits {
        let class = tile(read, printed)?;
        if found.is_some_and(|f| f != class) {
            return None;
        }
        found = Some(class);
    }
    found
}

/// The class whose repetitions turn `read` into `printed` ("rnrn" into "mm"), if one does.
fn tile(read: &str, printed: &str) -> Option<Confusion> {
    TABLE.iter().find_map(|&(class, from, to)| {
        let count = read.len() / from.len();
        (count > 0 && read == from.repeat(count) && printed == to.repeat(count)).then_some(class)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_letters_for_one_are_tagged() {
        assert_eq!(classify(&[("rn", "m")]), Some(RnForM));
        assert_eq!(classify(&[("rnrn", "mm")]), Some(RnForM));
        assert_eq!(classify(&[("vv", "w")]), Some(VvForW));
    }

    #[test]
    fn every_edit_must_be_the_same_known_confusion() {
        assert_eq!(classify(&[("e", "c"), ("e", "c")]), Some(EForC));
        assert_eq!(classify(&[("e", "c"), ("rn", "m")]), None);
        assert_eq!(classify(&[("e", "a")]), None);
        assert_eq!(classify(&[]), None);
    }

    #[test]
    fn labels_match_the_serialized_names() {
        for (class, _, _) in TABLE {
            let json = serde_json::to_string(&class).unwrap();
            assert_eq!(json, format!("\"{}\"", class.label()));
        }
    }
}
