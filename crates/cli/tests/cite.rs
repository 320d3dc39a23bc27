//! `readingroom cite` on the default collection, from the documents folder and from a built
//! bundle: the same citation either way, the CIA report's number and dates exact, and errors
//! that say what to fix (an unknown id with the nearest ids, a page past the end, a backwards
//! range, an unknown format, a date that is not one).

mod common;
use common::{readingroom, scratch};

const CIA: &str = "cia-rdp80-00809a000600290716-5";

fn cite(source: &str, extra: &[&str]) -> (Option<i32>, String, String) {
    let mut args = vec!["cite", source, CIA, "--accessed", "2025-05-03"];
    args.extend_from_slice(extra);
    let out = readingroom(&args);
    let text = |bytes: &[u8]| String::from_utf8_lossy(bytes).into_owned();
    (out.status.code(), text(&out.stdout), text(&out.stderr))
}

#[test]
fn a_bundle_and_its_documents_give_the_same_citation() {
    let bundle = scratch("cite", "bundle");
    let bundle = bundle.to_str().expect("UTF-8 path");
    let built = readingroom(&["build", "documents", "--out", bundle]);
    assert_eq!(built.status.code(), Some(0), "{}", String::from_utf8_lossy(&built.stderr));
    for format in ["chicago", "chicago-note", "chicago-bibliography", "bibtex", "ris", "csl-json"] {
        let args = ["--format", format, "--pages", "3-5", "--url", "https://example.org/#/doc/x"];
        let (code, from_documents, stderr) = cite("documents", &args);
        assert_eq!(code, Some(0), "{format}: {stderr}");
        let (code, from_bundle, stderr) = cite(bundle, &args);
        assert_eq!(code, Some(0), "{format}: {stderr}");
        assert_eq!(from_documents, from_bundle, "{format}");
        if format == "ris" {
            assert!(from_documents.starts_with("TY  - RPRT\r\n"), "{from_documents:?}");
            assert!(from_documents.ends_with("\r\nER  - \r\n"), "{from_documents:?}");
        }
        for exact in
            ["CIA-RDP80-00809A000600290716-5", "18 Sep - 23 Nov 1949", "1950-03-24", "2011-09-20"]
        {
            assert!(from_documents.contains(exact), "{format} lacks {exact}:\n{from_documents}");
        }
    }
}

#[test]
fn the_accessed_date_defaults_to_today() {
    let out = readingroom(&["cite", "documents", CIA, "--format", "bibtex"]);
    let text = String::from_utf8_lossy(&out.stdout);
    let urldate = text.lines().find(|line| line.contains("urldate")).expect("a urldate");
    let date = urldate.trim().trim_start_matches("urldate = {").trim_end_matches("},");
    assert_eq!(date.len(), 10, "{urldate}");
    assert!(
        date.starts_with("20") && date.as_bytes()[4] == b'-' && date.as_bytes()[7] == b'-',
        "{date}"
    );
}

#[test]
fn errors_say_what_to_fix() {
    let cases: [(&[&str], &str); 4] = [
        (
            &["--format", "mla"],
            "use one of chicago, chicago-note, chicago-bibliography, bibtex, ris, csl-json",
        ),
        (&["--format", "ris", "--page", "9"], "page 9 is past the end: the document has 7 pages"),
        (&["--format", "ris", "--pages", "5-3"], "the range 5-3 runs backwards; write 3-5"),
        (&["--format", "ris", "--pages", "three"], "write 3, or 3-5"),
    ];
    for (args, expected) in cases {
        let (code, _, stderr) = cite("documents", args);
        assert_eq!(code, Some(1), "{args:?}");
        assert!(stderr.contains(expected), "{args:?}: {stderr}");
    }
    let out = readingroom(&["cite", "documents", CIA, "--format", "ris", "--accessed", "May 3"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("write it as YYYY-MM-DD"));
    let out = readingroom(&["cite", "documents", "104-10004-10165", "--format", "ris"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr.contains(
            "no document has the id \"104-10004-10165\"; did you mean \"104-10004-10156\""
        ),
        "{stderr}"
    );
}
