use super::super::{
    FacetCount, Facets, Hit, LayerHits, Reply, Request, ResultDoc, ResultPage, SearchResults,
    Snippet, Variant,
};
use crate::search::format::PostingLayer;
use crate::search::highlight::{Mark, MarkedPage, PageMarks, PageTally, Presence, Tally};

fn results() -> SearchResults {
    let count = |value: &str, count| FacetCount { value: value.into(), count };
    SearchResults {
        total: 300,
        estimated: true,
        results: vec![ResultDoc {
            id: "cia-1".into(),
            title: "Soviet – Party “Congress”".into(),
            date: Some("1953-03".into()),
            score: 0.1 + 7.25,
            layer_hits: LayerHits { ocr: 3, corrected: 1, furniture: 200 },
            pages: vec![ResultPage { page: 2, score: f32::MIN_POSITIVE, hits: 4 }],
            hits: vec![Hit {
                page: 2,
                layer: PostingLayer::Corrected,
                start: 1 << 40,
                end: (1 << 40) + 5,
                matched: "Partei".into(),
                term: "partei".into(),
                fuzzy: true,
            }],
            snippet: Snippet {
                page: 2,
                layer: Some(PostingLayer::Furniture),
                text: "… the Partei …".into(),
                marks: vec![(4, 10), (0, 0)],
            },
        }],
        facets: Facets {
            country: vec![count("USSR", 12)],
            subject: vec![],
            year: vec![count("1953", 1), count("1954", u32::MAX)],
            collection: vec![count("CIA", 3)],
            corrected: vec![count("yes", 2)],
            quality: vec![count("good", 5)],
        },
        variants: vec![Variant {
            query: "party".into(),
            term: "partv".into(),
            distance: 0.4,
            docs: 7,
        }],
    }
}

fn marked() -> MarkedPage {
    let mark = |start, layer| Mark { start, end: start + 3, term: 1, fuzzy: start % 2 == 0, layer };
    let tally = |n| Tally { marks: n, fuzzy: 1, both: 2, alone: 300 };
    MarkedPage {
        terms: vec!["party".into(), "\"soviet union\"".into()],
        page: 3,
        marks: PageMarks {
            ocr: vec![mark(0, PostingLayer::Ocr), mark(7, PostingLayer::Furniture)],
            corrected: vec![mark(9, PostingLayer::Corrected)],
            runs: vec![vec![], vec![mark(1, PostingLayer::Ocr)]],
            presence: vec![Presence::Both, Presence::OcrOnly, Presence::CorrectedOnly],
        },
        tallies: vec![PageTally { ocr: tally(0), corrected: tally(4), runs: vec![tally(9)] }],
    }
}

fn replies() -> Vec<Reply> {
    vec![
        Reply::Need(vec!["search/table.0123.bin".into(), "docs/a.json".into()]),
        Reply::Need(vec![]),
        Reply::Done(results()),
        Reply::Done(SearchResults::default()),
        Reply::Marked(marked()),
        Reply::Marked(MarkedPage::default()),
        Reply::QueryError { message: "the quote opened here is never closed".into() },
        Reply::Damaged("search/meta.json: the file is damaged".into()),
    ]
}

fn requests() -> Vec<Request> {
    vec![
        Request::Search { query: "commun* -Nhu".into(), limit: 10, pages: 0, brief: true },
        Request::Search { query: String::new(), limit: usize::MAX, pages: 3, brief: false },
        Request::Highlight { query: "père".into(), document: "docs/a.0f.json".into(), page: 2 },
    ]
}

#[test]
fn every_kind_of_reply_and_request_comes_back_as_it_went() {
    for reply in replies() {
        assert_eq!(Reply::from_bytes(&reply.to_bytes()), Ok(reply.clone()), "{reply:?}");
    }
    for request in requests() {
        assert_eq!(Request::from_bytes(&request.to_bytes()), Ok(request.clone()), "{request:?}");
    }
}

#[test]
fn a_cut_or_lengthened_message_is_an_error() {
    for reply in replies() {
        let bytes = reply.to_bytes();
        for len in 0..bytes.len() {
            assert!(Reply::from_bytes(&bytes[..len]).is_err(), "{reply:?} cut to {len}");
        }
        let longer = [&bytes[..], &[0]].concat();
        assert!(Reply::from_bytes(&longer).is_err(), "{reply:?} and a byte more");
    }
    for request in requests() {
        let bytes = request.to_bytes();
        for len in 0..bytes.len() {
            assert!(Request::from_bytes(&bytes[..len]).is_err(), "{request:?} cut to {len}");
        }
    }
}

#[test]
fn damaged_bytes_read_as_an_error_or_a_reply_never_a_panic() {
    for reply in replies() {
        let bytes = reply.to_bytes();
        for at in 0..bytes.len() {
            for flip in [0x01, 0x80, 0xff] {
                let mut damaged = bytes.clone();
                damaged[at] ^= flip;
                let _ = Reply::from_bytes(&damaged);
            }
        }
    }
    assert!(Reply::from_bytes(&[9]).is_err(), "an unknown kind of reply");
    assert!(Reply::from_bytes(&[0, 0xff, 0xff, 0xff, 0xff, 0x0f]).is_err(), "a huge list");
    assert!(Reply::from_bytes(&[4, 2, 0xc3, 0x28]).is_err(), "text that is not UTF-8");
    assert!(Request::from_bytes(&[2]).is_err(), "an unknown kind of request");
}
