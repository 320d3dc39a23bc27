use super::*;

fn kinds(node: &Node) -> Vec<Kind> {
    node.children.iter().map(|c| c.kind.clone()).collect()
}

#[test]
fn headings_quotes_and_italics_become_nodes() {
    let root = parse("# Title\n\n> Quoted *Pravda* text.\n");
    assert_eq!(kinds(&root), [Kind::Heading(1), Kind::Quote]);
    let paragraph = &root.children[1].children[0];
    assert_eq!(paragraph.kind, Kind::Paragraph);
    assert_eq!(kinds(paragraph), [Kind::Text, Kind::Emphasis, Kind::Text]);
    assert_eq!(paragraph.plain_text(), "Quoted Pravda text.");
}

#[test]
fn raw_html_is_kept_as_text_to_show() {
    let root =
        parse("Before <script>alert(1)</script> after.\n\n<div onclick=\"x()\">block</div>\n");
    let html: Vec<&str> = root
        .children
        .iter()
        .flat_map(|n| std::iter::once(n).chain(n.children.iter()))
        .filter(|n| n.kind == Kind::Html)
        .map(|n| n.text.as_str())
        .collect();
    assert!(html.contains(&"<script>"), "{html:?}");
    assert!(html.iter().any(|h| h.contains("onclick")), "{html:?}");
}

#[test]
fn unsafe_link_targets_are_dropped() {
    assert_eq!(safe_href("https://example.org/a"), Some("https://example.org/a"));
    assert_eq!(safe_href("mailto:curator@example.org"), Some("mailto:curator@example.org"));
    assert_eq!(safe_href("../other/page.html#x"), Some("../other/page.html#x"));
    assert_eq!(safe_href("#/doc/x"), Some("#/doc/x"));
    for bad in ["javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,x", "vbscript:x"] {
        assert_eq!(safe_href(bad), None, "{bad}");
    }
    let root = parse("[click](javascript:alert(1))");
    assert_eq!(root.children[0].children[0].kind, Kind::Link { href: None });
}

#[test]
fn text_nodes_know_their_source_range() {
    let source = "Some *emphasised* words.";
    let root = parse(source);
    let emphasis = &root.children[0].children[1];
    let text = &emphasis.children[0];
    assert_eq!(&source[text.source.clone()], "emphasised");
}

#[test]
fn lists_tables_and_code_blocks_parse() {
    let root = parse("1. one\n2. two\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n```\ncode\n```\n");
    assert_eq!(kinds(&root), [Kind::List { start: Some(1) }, Kind::Table, Kind::CodeBlock]);
    assert_eq!(root.children[2].text, "code\n");
}

#[test]
fn any_input_parses_without_panicking() {
    for text in ["", "*", "[", "> > >", "<!-- page 1 -->", "|", "\u{0}", "```", "- [ ] x"] {
        let _ = parse(text);
    }
}

#[test]
fn the_tree_round_trips_through_json() {
    let root = parse("# T\n\n> *a* [b](https://x.org) <b>c</b>\n\n1. d\n");
    let json = serde_json::to_string(&root).expect("serializes");
    let back: Node = serde_json::from_str(&json).expect("reads back");
    assert_eq!(back, root);
}

#[test]
fn search_text_keeps_blocks_and_lines_apart() {
    let root = parse(
        "# Smoldering Questions\n\nIn the *2 years*\nhe had been\n\n> quoted\n\n- one\n- two\n",
    );
    assert_eq!(
        root.search_text(),
        "Smoldering Questions\n\nIn the 2 years\nhe had been\n\nquoted\n\none\n\ntwo\n\n"
    );
    assert_eq!(root.plain_text(), "Smoldering QuestionsIn the 2 years\nhe had beenquotedonetwo");
}
