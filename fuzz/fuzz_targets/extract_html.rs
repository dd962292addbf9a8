//! HTML extraction, then the language layer over what it returns: must never panic,
//! whatever the bytes.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let config = distill_extract::ExtractConfig { max_bytes: 1 << 20, ..Default::default() };
    if let Ok(doc) = distill_extract::extract_html(data, None, &config) {
        let analysis = distill_nlp::analyze(doc.title.as_deref().unwrap_or(""), &doc.text, &Default::default());
        for s in &analysis.sentences {
            assert_eq!(&doc.text[s.start..s.end], s.text);
        }
    }
});
