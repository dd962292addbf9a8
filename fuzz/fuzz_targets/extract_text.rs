//! Plain-text extraction and analysis: must never panic, whatever the bytes.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let config = distill_extract::ExtractConfig { max_bytes: 1 << 20, ..Default::default() };
    if let Ok(doc) = distill_extract::extract_text(data, &config) {
        let _ = distill_nlp::analyze(doc.title.as_deref().unwrap_or(""), &doc.text, &Default::default());
    }
});
