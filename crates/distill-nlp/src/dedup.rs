//! Near-duplicate detection: MinHash signatures over word 5-shingles of the body, and
//! an LSH index (32 bands of 4 rows) that finds the articles whose signatures could
//! match, so that a wire story republished with another headline, a byline or an
//! added paragraph is recognised without comparing it with every stored article.

use std::collections::HashMap;

use xxhash_rust::xxh3::{xxh3_64, xxh3_64_with_seed};

/// Hash functions per signature.
pub const SIGNATURE_LEN: usize = 128;
const BANDS: usize = 32;
const ROWS: usize = SIGNATURE_LEN / BANDS;
/// Estimated Jaccard similarity at or above which two bodies are copies.
pub const DUPLICATE_THRESHOLD: f64 = 0.5;
const SHINGLE: usize = 5;

/// A MinHash signature of a body.
pub type Signature = Vec<u32>;

/// Returns the MinHash signature of a text (empty for a text of no words).
pub fn signature(text: &str) -> Signature {
    let words: Vec<String> = distill_core::text::words(text).collect();
    if words.is_empty() {
        return Vec::new();
    }
    let mut mins = vec![u32::MAX; SIGNATURE_LEN];
    let shingles = words.len().saturating_sub(SHINGLE - 1).max(1);
    for start in 0..shingles {
        let end = (start + SHINGLE).min(words.len());
        let joined = words[start..end].join(" ");
        // Two base hashes give the 128 (Kirsch and Mitzenmacher).
        let h1 = xxh3_64(joined.as_bytes());
        let h2 = xxh3_64_with_seed(joined.as_bytes(), 0x9e37_79b9_7f4a_7c15) | 1;
        for (i, slot) in mins.iter_mut().enumerate() {
            let h = (h1.wrapping_add((i as u64).wrapping_mul(h2)) >> 32) as u32;
            if h < *slot {
                *slot = h;
            }
        }
    }
    mins
}

/// Estimated Jaccard similarity of the shingle sets behind two signatures.
pub fn similarity(a: &[u32], b: &[u32]) -> f64 {
    if a.len() != SIGNATURE_LEN || b.len() != SIGNATURE_LEN {
        return 0.0;
    }
    a.iter().zip(b).filter(|(x, y)| x == y).count() as f64 / SIGNATURE_LEN as f64
}

/// LSH over signatures: articles sharing any band are candidates.
#[derive(Default)]
pub struct LshIndex {
    buckets: HashMap<(u8, u64), Vec<usize>>,
    entries: Vec<Entry>,
    by_id: HashMap<String, usize>,
}

struct Entry {
    id: String,
    signature: Signature,
    /// The original this article copies, or its own id.
    root: String,
}

impl LshIndex {
    /// An empty index.
    pub fn new() -> LshIndex {
        LshIndex::default()
    }

    /// Number of signatures held.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the index is empty.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Adds (or replaces) an article; `duplicate_of` is its original, if any.
    pub fn insert(&mut self, id: &str, signature: Signature, duplicate_of: Option<&str>) {
        let root = duplicate_of.unwrap_or(id).to_string();
        if let Some(&slot) = self.by_id.get(id) {
            // Re-ingested: keep the slot, refresh what it holds (old band keys may
            // linger as harmless extra candidates).
            self.entries[slot].signature = signature.clone();
            self.entries[slot].root = root.clone();
            self.add_bands(slot, &signature, &root);
            return;
        }
        let slot = self.entries.len();
        self.add_bands(slot, &signature, &root);
        self.entries.push(Entry { id: id.to_string(), signature, root });
        self.by_id.insert(id.to_string(), slot);
    }

    fn add_bands(&mut self, slot: usize, signature: &[u32], root_of_new: &str) {
        if signature.len() != SIGNATURE_LEN {
            return;
        }
        for (band, rows) in signature.chunks(ROWS).enumerate() {
            let key = band_key(rows);
            let root = &self.entries.get(slot).map_or(root_of_new, |e| e.root.as_str());
            let bucket = self.buckets.entry((band as u8, key)).or_default();
            // One member per story in each bucket: a wire story copied a hundred times
            // must not make every later lookup compare against all hundred.
            if !bucket.iter().any(|&s| s == slot || self.entries.get(s).is_some_and(|e| e.root == *root)) {
                bucket.push(slot);
            }
        }
    }

    /// Returns the original that `signature` copies: the root of the most similar
    /// indexed article at or above the threshold, other than `id` itself.
    pub fn original_of(&self, id: &str, signature: &[u32]) -> Option<(String, f64)> {
        if signature.len() != SIGNATURE_LEN {
            return None;
        }
        let mut best: Option<(usize, f64)> = None;
        let mut roots_seen: std::collections::HashSet<&str> = std::collections::HashSet::new();
        for (band, rows) in signature.chunks(ROWS).enumerate() {
            let Some(bucket) = self.buckets.get(&(band as u8, band_key(rows))) else { continue };
            for &slot in bucket {
                let entry = &self.entries[slot];
                if entry.id == id || entry.root == id || !roots_seen.insert(entry.root.as_str()) {
                    continue;
                }
                let s = similarity(signature, &entry.signature);
                if s >= DUPLICATE_THRESHOLD && best.is_none_or(|(_, b)| s > b) {
                    best = Some((slot, s));
                }
            }
        }
        best.map(|(slot, s)| (self.entries[slot].root.clone(), s))
    }
}

fn band_key(rows: &[u32]) -> u64 {
    let mut bytes = [0u8; ROWS * 4];
    for (chunk, v) in bytes.chunks_mut(4).zip(rows) {
        chunk.copy_from_slice(&v.to_le_bytes());
    }
    xxh3_64(&bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    const STORY: &str = "Roughly 4,200 dockworkers walked off the job at the Port of Calverton on Friday, halting cargo \
        operations at one of the busiest container hubs on the eastern seaboard after contract talks with terminal operator \
        Meridian Terminal Holdings collapsed over a plan to introduce automated cranes. The union said its members would stay \
        off the job until Meridian takes automation off the table. By mid-morning at least 38 container ships were anchored \
        outside the harbor, and trucks were queued for more than two miles along Dock Street.";

    #[test]
    fn copies_with_edits_are_found_and_others_are_not() {
        let mut index = LshIndex::new();
        index.insert("wire", signature(STORY), None);
        let edited = format!("By Ann Lee. {STORY} Reporting by Tobias Wren; editing by Lena Marwick.");
        let (root, s) = index.original_of("copy", &signature(&edited)).expect("copy found");
        assert_eq!(root, "wire");
        assert!(s > 0.7, "{s}");
        index.insert("copy", signature(&edited), Some("wire"));
        // A copy of the copy points at the original.
        let again = format!("{edited} The port reopened on Monday.");
        assert_eq!(index.original_of("copy2", &signature(&again)).map(|r| r.0).as_deref(), Some("wire"));
        let other = "The central bank raised its key interest rate by a quarter point on Thursday, citing inflation in \
            services that has proved more stubborn than expected, and signalled that more increases may follow this year.";
        assert!(index.original_of("other", &signature(other)).is_none());
        // An article is never its own duplicate.
        assert!(index.original_of("wire", &signature(STORY)).is_none());
        assert!(signature("").is_empty());
    }
}
