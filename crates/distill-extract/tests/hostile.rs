//! Hostile and broken pages: each finishes, returns the best text it can or a clear
//! error, and never panics.

use distill_extract::{ExtractConfig, ExtractError, extract_html};

const BODY: &str =
    "<p>The council voted on Tuesday to approve the new budget, which funds schools, roads and parks.</p>";

#[test]
fn hundred_thousand_nested_elements() {
    let html = format!("<html><body>{}{BODY}{}</body></html>", "<div>".repeat(100_000), "</div>".repeat(100_000));
    let doc = extract_html(html.as_bytes(), None, &ExtractConfig::default()).unwrap();
    assert!(doc.text.contains("approve the new budget"), "{}", doc.text);
}

/// Fifteen thousand `<noscript>` tags, never closed, each holding a story's worth of
/// prose: the page is read a second time at most, and what it says is kept.
#[test]
fn fifteen_thousand_unclosed_noscripts_holding_prose() {
    let html = format!("<html><body>{}{BODY}</body></html>", format!("<noscript>{}", BODY.repeat(8)).repeat(15_000));
    let doc = extract_html(html.as_bytes(), None, &ExtractConfig::default()).unwrap();
    assert!(doc.text.contains("approve the new budget"), "{}", doc.text);
}

/// Comment signatures and counts at the top of the tree, with nothing around them.
#[test]
fn comment_marks_at_the_root() {
    for html in ["12 Comments", "<a>Reply</a>", "Anna says", "<h3>3 comments</h3>", "by anna ( 1 ) writes: hi"] {
        let page = format!("{html}{BODY}");
        let doc = extract_html(page.as_bytes(), None, &ExtractConfig::default()).unwrap();
        assert!(doc.text.contains("approve the new budget"), "{html}: {}", doc.text);
    }
}

#[test]
fn deeply_nested_lists_and_unclosed_tags() {
    let html = format!("<body>{}{BODY}", "<ul><li>".repeat(50_000));
    let doc = extract_html(html.as_bytes(), None, &ExtractConfig::default()).unwrap();
    assert!(doc.text.contains("approve the new budget"));
}

#[test]
fn oversized_pages_are_refused_by_name() {
    let config = ExtractConfig { max_bytes: 1 << 20, ..ExtractConfig::default() };
    let html = vec![b'a'; (1 << 20) + 1];
    assert_eq!(extract_html(&html, None, &config), Err(ExtractError::TooLarge { size: (1 << 20) + 1, limit: 1 << 20 }));
}

#[test]
fn one_huge_text_node() {
    let config = ExtractConfig { max_bytes: 64 << 20, ..ExtractConfig::default() };
    let html = format!("<html><body><p>{}</p></body></html>", "word ".repeat(4_000_000));
    let doc = extract_html(html.as_bytes(), None, &config).unwrap();
    assert_eq!(doc.text.split_whitespace().count(), 4_000_000);
}

#[test]
fn huge_and_broken_attributes() {
    let config = ExtractConfig { max_bytes: 64 << 20, ..ExtractConfig::default() };
    // A 20 MB data attribute, a million tiny ones, quotes inside names: all left out.
    let props = format!("<div data-props='{}'>{BODY}</div>", "{\"a\":\"</div>\"}".repeat(2_000_000));
    let many = format!("<div {}>{BODY}</div>", "x=1 ".repeat(1_000_000));
    let odd = format!("<div a\"b=\"c\" =d 'e'=f/>{BODY}</div>");
    for html in [props, many, odd] {
        let doc = extract_html(html.as_bytes(), None, &config).unwrap();
        assert_eq!(doc.text.matches("approve the new budget").count(), 1, "{}", doc.text);
        assert!(!doc.text.contains("data-props") && !doc.text.contains("x=1"));
    }
}

#[test]
fn binary_and_empty_input() {
    let elf = [0x7f, b'E', b'L', b'F', 2, 1, 1, 0, 0, 0, 0, 0, 3, 0, 0x3e, 0];
    assert_eq!(extract_html(&elf, None, &ExtractConfig::default()), Err(ExtractError::Binary));
    assert_eq!(extract_html(b"  \n ", None, &ExtractConfig::default()), Err(ExtractError::Empty));
    assert!(extract_html(b"<html><body><script>x()</script></body></html>", None, &ExtractConfig::default()).is_err());
}

#[test]
fn truncated_markup_keeps_its_text() {
    let html = "<html><head><title>Budget vote</title></head><body><article><p>The council voted on Tuesday to approve the new budget, which funds sch";
    let doc = extract_html(html.as_bytes(), None, &ExtractConfig::default()).unwrap();
    assert!(doc.text.starts_with("The council voted"), "{}", doc.text);
    let doc = extract_html(b"<p attr=\"never closed", None, &ExtractConfig::default());
    assert!(doc.is_err());
}

#[test]
fn mislabelled_and_mixed_encodings() {
    // Declared UTF-8, actually windows-1252.
    let (body, _, _) = encoding_rs::WINDOWS_1252.encode(
        "<meta charset=\"utf-8\"><p>The caf\u{e9} owners said the \u{201c}works\u{201d} had cost them \u{20ac}5,000 each, and the city would pay.</p>",
    );
    let doc = extract_html(&body, None, &ExtractConfig::default()).unwrap();
    assert!(doc.text.contains("café") && doc.text.contains("“works”") && doc.text.contains("€5,000"), "{}", doc.text);
    // UTF-8 with a stray invalid byte stays UTF-8 around it.
    let mut mixed = "<p>Le caf\u{e9} du coin a ferm\u{e9} ses portes apr\u{e8}s trente ans, ont annonc\u{e9} les propri\u{e9}taires.</p>".as_bytes().to_vec();
    mixed.extend_from_slice(b"<p>\xff</p>");
    let doc = extract_html(&mixed, None, &ExtractConfig::default()).unwrap();
    assert!(doc.text.contains("ont annoncé"), "{}", doc.text);
    // UTF-8 that the publisher read as windows-1252, in bytes and in references.
    let doc = extract_html(
        "<p>The mayor said the city donâ€™t plan to raise taxes, and isn&acirc;&euro;&trade;t planning cuts.</p>"
            .as_bytes(),
        None,
        &ExtractConfig::default(),
    )
    .unwrap();
    assert!(doc.text.contains("don’t plan") && doc.text.contains("isn’t planning"), "{}", doc.text);
    // NUL and control characters never reach the text.
    let doc = extract_html(
        b"<p>The council voted on Tuesday to approve the budget\x01 for the new year.</p>",
        None,
        &ExtractConfig::default(),
    );
    assert!(doc.is_ok_and(|d| !d.text.contains('\u{1}')));
}

/// Issue 16: a page declared UTF-8 with a few invalid bytes had its title read as
/// Cyrillic ("Bad яюГ( bytes"): statistical detection overrode the declaration.
/// Browsers keep UTF-8 and show U+FFFD where the bytes were broken.
#[test]
fn declared_utf8_with_invalid_bytes_keeps_utf8() {
    let mut page =
        b"<html><head><meta charset=\"utf-8\"><title>Bad \xff\xfe\xc3( bytes</title></head><body><article>".to_vec();
    page.extend_from_slice(b"<p>The council voted on Tuesday \xff\xfe\xc3( to approve the new budget, which funds schools, roads and parks.</p>");
    page.extend_from_slice(b"</article></body></html>");
    for charset in [None, Some("utf-8")] {
        let doc = extract_html(&page, charset, &ExtractConfig::default()).unwrap();
        assert_eq!(doc.title.as_deref(), Some("Bad \u{fffd}\u{fffd}\u{fffd}( bytes"));
        assert!(doc.text.contains("on Tuesday \u{fffd}\u{fffd}\u{fffd}( to approve"), "{}", doc.text);
        let cyrillic = |s: &str| s.chars().any(|c| ('\u{400}'..='\u{4ff}').contains(&c));
        assert!(!cyrillic(&doc.text) && !cyrillic(doc.title.as_deref().unwrap_or_default()), "{doc:?}");
    }
}

/// Metadata stated a hundred thousand times: site names, "Written by" labels and title
/// separators are each read a bounded number of times, not once per pair.
#[test]
fn metadata_repeated_without_end() {
    let config = ExtractConfig { max_bytes: 64 << 20, ..ExtractConfig::default() };
    let sites: String =
        (0..100_000).map(|i| format!("<meta property=\"og:site_name\" content=\"Site {i}\">")).collect();
    let labels = "<meta name=\"twitter:label1\" content=\"Written by\">".repeat(100_000);
    let title = format!("<title>{}</title>", "Budget | ".repeat(100_000));
    let html = format!("<html><head>{sites}{labels}{title}</head><body>{BODY}</body></html>");
    let doc = extract_html(html.as_bytes(), None, &config).unwrap();
    assert!(doc.text.contains("approve the new budget"), "{}", doc.text);
    assert!(doc.byline.is_none());
}
