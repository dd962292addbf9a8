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

/// LSH over signatures: articles sharing any band are candidates, and candidates
/// are confirmed by comparing signatures.
///
/// Laid out for a million articles on one machine: one map per band from a 32-bit
/// band key to the first member (a bucket almost always has one story; the rare
/// others go to an overflow map), and signatures kept as one flat array of their low
/// 16 bits, which estimates similarity as well as 32 bits do (two different values
/// agree by chance once in 65,536).
#[derive(Default)]
pub struct LshIndex {
    bands: Vec<HashMap<u32, Slot, Spread>>,
    overflow: HashMap<(u8, u32), Vec<Slot>>,
    signatures: Vec<u16>,
    ids: Vec<Box<str>>,
    /// The slot of each entry's original (itself for an original).
    roots: Vec<Slot>,
    /// Originals that are not in the index themselves (no signature), by slot.
    foreign_roots: HashMap<Slot, Box<str>>,
    by_id: HashMap<Box<str>, Slot>,
}

type Slot = u32;

/// Band keys are already hashes: spread them over the 64 bits the table uses
/// instead of hashing them again.
type Spread = std::hash::BuildHasherDefault<SpreadHasher>;

#[derive(Default)]
#[doc(hidden)]
pub struct SpreadHasher(u64);

impl std::hash::Hasher for SpreadHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(8) ^ u64::from(b)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        }
    }
    fn write_u32(&mut self, v: u32) {
        self.0 = u64::from(v).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
}

impl LshIndex {
    /// An empty index.
    pub fn new() -> LshIndex {
        LshIndex { bands: (0..BANDS).map(|_| HashMap::default()).collect(), ..LshIndex::default() }
    }

    /// Number of signatures held.
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    /// Whether the index is empty.
    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    fn root_id(&self, slot: Slot) -> &str {
        match self.foreign_roots.get(&slot) {
            Some(root) => root,
            None => &self.ids[self.roots[slot as usize] as usize],
        }
    }

    fn signature_at(&self, slot: Slot) -> &[u16] {
        let start = slot as usize * SIGNATURE_LEN;
        &self.signatures[start..start + SIGNATURE_LEN]
    }

    /// Adds (or replaces) an article; `duplicate_of` is its original, if any.
    pub fn insert(&mut self, id: &str, signature: Signature, duplicate_of: Option<&str>) {
        if signature.len() != SIGNATURE_LEN {
            return;
        }
        if self.bands.is_empty() {
            *self = LshIndex::new();
        }
        let slot = match self.by_id.get(id) {
            // Re-ingested: keep the slot and refresh it (old band keys may linger as
            // harmless extra candidates).
            Some(&slot) => {
                let start = slot as usize * SIGNATURE_LEN;
                for (stored, &v) in self.signatures[start..start + SIGNATURE_LEN].iter_mut().zip(&signature) {
                    *stored = v as u16;
                }
                self.foreign_roots.remove(&slot);
                slot
            }
            None => {
                let slot = self.ids.len() as Slot;
                self.ids.push(id.into());
                self.roots.push(slot);
                self.signatures.extend(signature.iter().map(|&v| v as u16));
                self.by_id.insert(id.into(), slot);
                slot
            }
        };
        self.roots[slot as usize] = match duplicate_of {
            None => slot,
            Some(root) => match self.by_id.get(root) {
                Some(&root_slot) => root_slot,
                None => {
                    self.foreign_roots.insert(slot, root.into());
                    slot
                }
            },
        };
        for (band, rows) in signature.chunks(ROWS).enumerate() {
            let key = band_key(band, rows);
            match self.bands[band].get(&key) {
                None => {
                    self.bands[band].insert(key, slot);
                }
                Some(&first) => {
                    // One member per story in each bucket: a wire story copied a
                    // hundred times must not make every later lookup compare against
                    // all hundred.
                    let root = self.root_id(slot).to_string();
                    let extra = self.overflow.get(&(band as u8, key));
                    let members = std::iter::once(first).chain(extra.into_iter().flatten().copied());
                    if members.clone().any(|s| s == slot || self.root_id(s) == root) {
                        continue;
                    }
                    self.overflow.entry((band as u8, key)).or_default().push(slot);
                }
            }
        }
    }

    /// Returns the original that `signature` copies: the root of the most similar
    /// indexed article at or above the threshold, other than `id` itself.
    pub fn original_of(&self, id: &str, signature: &[u32]) -> Option<(String, f64)> {
        if signature.len() != SIGNATURE_LEN || self.bands.is_empty() {
            return None;
        }
        let query: Vec<u16> = signature.iter().map(|&v| v as u16).collect();
        let mut best: Option<(Slot, f64)> = None;
        let mut roots_seen: Vec<&str> = Vec::new();
        for (band, rows) in signature.chunks(ROWS).enumerate() {
            let key = band_key(band, rows);
            let Some(&first) = self.bands[band].get(&key) else { continue };
            let extra = self.overflow.get(&(band as u8, key));
            for slot in std::iter::once(first).chain(extra.into_iter().flatten().copied()) {
                let root = self.root_id(slot);
                if &*self.ids[slot as usize] == id || root == id || roots_seen.contains(&root) {
                    continue;
                }
                roots_seen.push(root);
                let same = query.iter().zip(self.signature_at(slot)).filter(|(a, b)| a == b).count();
                let s = same as f64 / SIGNATURE_LEN as f64;
                if s >= DUPLICATE_THRESHOLD && best.is_none_or(|(_, b)| s > b) {
                    best = Some((slot, s));
                }
            }
        }
        best.map(|(slot, s)| (self.root_id(slot).to_string(), s))
    }
}

fn band_key(band: usize, rows: &[u32]) -> u32 {
    let mut bytes = [0u8; ROWS * 4];
    for (chunk, v) in bytes.chunks_mut(4).zip(rows) {
        chunk.copy_from_slice(&v.to_le_bytes());
    }
    xxh3_64_with_seed(&bytes, band as u64) as u32
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
