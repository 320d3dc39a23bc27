//! Card shards: the display cards of a run of documents, as JSON, sealed ([`super::seal`]).

use super::seal::{seal, unseal};
use super::{DocCard, FormatError, damaged, json};

pub fn write(cards: &[DocCard]) -> Vec<u8> {
    seal(serde_json::to_vec(cards).unwrap_or_else(|e| unreachable!("cards serialize: {e}")))
}

/// Reads a shard; every card's data file must be a document data path (`docs/<id>.<hash>.json`),
/// since the engine asks for it by that name.
pub fn read(file: &str, bytes: &[u8]) -> Result<Vec<DocCard>, FormatError> {
    let cards: Vec<DocCard> = json(file, unseal(file, bytes)?)?;
    if cards.iter().any(|card| crate::bundle::data_hash(&card.data).is_none()) {
        return Err(damaged(file, "a card names a file that is not a document's data"));
    }
    Ok(cards)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn card(data: &str) -> DocCard {
        DocCard {
            id: "a".into(),
            title: "A".into(),
            date: None,
            country: None,
            subject: None,
            pages: 1,
            has_corrected: false,
            data: data.into(),
        }
    }

    #[test]
    fn cards_round_trip_and_only_name_data_files() {
        let cards = vec![card("docs/a.0123456789abcdef.json")];
        assert_eq!(read("s", &write(&cards)).expect("reads"), cards);
        for data in
            ["../../etc/passwd", "/etc/passwd", "docs/a.json", "docs/../a.0123456789abcdef.json"]
        {
            let error = read("search/docs-0.k.bin", &write(&[card(data)])).expect_err(data);
            assert!(error.to_string().contains("not a document's data"), "{error}");
        }
    }
}
