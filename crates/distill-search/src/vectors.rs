//! The vector index: one embedding per original article (its [`passage`](crate::passage)),
//! kept in the data folder beside the keyword index and searched by exact dot products.
//!
//! Why exact: below a few hundred thousand articles a scan of contiguous int8 vectors
//! (384 bytes each, one multiply-add per byte) answers in milliseconds and is never
//! wrong, where a graph index costs seconds to build and recall to search. Each vector
//! is quantized to int8 with its own scale, which keeps memory at about 0.5 KB per
//! article and moves the cosine by well under 0.01.
//!
//! Like the keyword index it is a replica of the store: it records the store sequence
//! number it holds, is caught up from the change log under the keyword index's writer
//! lease (so one process writes at a time), and is rebuilt from the store. On disk it
//! is an append-only file of records (`vectors-GEN.bin`) and a small `meta.json` naming
//! the generation, the committed length and the sequence number; the meta file is
//! replaced atomically after the records are synced, so a reader never reads a partial
//! record, and a rebuild writes a new generation that readers switch to whole. A record
//! for an id seen before replaces it; a tombstone removes it (an article that became a
//! copy). Readers load new records when the meta file changes.
//!
//! This module must not embed text or read the store: the index hands it vectors.

use std::collections::{BinaryHeap, HashMap};
use std::fs::{File, OpenOptions};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::sync::RwLock;

use serde::{Deserialize, Serialize};

use crate::{Result, SearchError};

const META: &str = "meta.json";
/// Largest record accepted when reading (a corrupt length must not allocate wildly).
const MAX_RECORD: usize = 1 << 16;

/// What a vector's article is, for filters and facets without a trip to the index.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Meta {
    /// The article's source, as published.
    pub source: Option<String>,
    /// Language code.
    pub language: Option<String>,
    /// The publisher's calendar day, days from the common era.
    pub day: Option<i32>,
    /// `YYYY-MM` of the publisher's date.
    pub month: Option<String>,
}

/// The committed state, as `meta.json` holds it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
struct Committed {
    generation: u64,
    model: String,
    dims: usize,
    seq: i64,
    len: u64,
}

/// One record to append: a vector for an id, or its removal.
pub(crate) struct Record<'a> {
    pub id: &'a str,
    pub meta: Meta,
    /// `None` removes the id.
    pub vector: Option<&'a [f32]>,
}

/// The vectors in memory.
#[derive(Default)]
struct Loaded {
    committed: Committed,
    ids: Vec<String>,
    metas: Vec<Meta>,
    live: Vec<bool>,
    scales: Vec<f32>,
    /// `dims` int8 values per slot, contiguous.
    data: Vec<i8>,
    slots: HashMap<String, usize>,
    /// How many slots are live.
    count: usize,
}

/// A scored vector.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Scored {
    pub id: String,
    pub score: f32,
}

/// What a scan found: the best hits, how many passed the floor, and those ids' slots
/// (for facets).
pub(crate) struct Scan {
    pub top: Vec<Scored>,
    pub matched: usize,
    pub facet_metas: Vec<Meta>,
}

/// The vector index of a data folder.
pub(crate) struct VectorIndex {
    dir: PathBuf,
    loaded: RwLock<Loaded>,
}

#[derive(PartialEq)]
struct Ranked(f32, usize);
impl Eq for Ranked {}
impl PartialOrd for Ranked {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Ranked {
    // Reversed, so that the heap's top is the worst kept hit; ties keep the lower slot.
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        other.0.total_cmp(&self.0).then(self.1.cmp(&other.1))
    }
}

fn io(dir: &Path, e: impl std::fmt::Display) -> SearchError {
    SearchError::Open { path: dir.display().to_string(), reason: e.to_string() }
}

/// Quantizes a vector to int8 with one scale: `v ≈ scale * q`.
pub(crate) fn quantize(v: &[f32]) -> (f32, Vec<i8>) {
    let max = v.iter().fold(0f32, |m, x| m.max(x.abs()));
    if max == 0.0 || !max.is_finite() {
        return (0.0, vec![0; v.len()]);
    }
    let scale = max / 127.0;
    (scale, v.iter().map(|x| (x / scale).round().clamp(-127.0, 127.0) as i8).collect())
}

/// Vectors below which a scan runs on one thread (spawning costs more than it saves).
const PARALLEL_SCAN: usize = 100_000;
/// Most threads one scan takes.
const MAX_SCAN_THREADS: usize = 4;

/// What one part of a scan found.
#[derive(Default)]
struct Part {
    top: Vec<Ranked>,
    matched: usize,
    facet_metas: Vec<Meta>,
}

/// Scores the live vectors of `range` that `keep` accepts: the best `k`, and those
/// at or above `floor` counted (with their metadata, for facets).
fn scan_part(
    loaded: &Loaded,
    q: &[i8],
    qscale: f32,
    range: std::ops::Range<usize>,
    k: usize,
    floor: f32,
    keep: &(dyn Fn(&Meta) -> bool + Sync),
) -> Part {
    let dims = q.len();
    let dot = fastest_dot();
    let mut part = Part::default();
    let mut heap: BinaryHeap<Ranked> = BinaryHeap::with_capacity(k + 1);
    for slot in range {
        if !loaded.live[slot] || !keep(&loaded.metas[slot]) {
            continue;
        }
        let score = dot(q, &loaded.data[slot * dims..(slot + 1) * dims]) as f32 * qscale * loaded.scales[slot];
        if score >= floor {
            part.matched += 1;
            part.facet_metas.push(loaded.metas[slot].clone());
        }
        if heap.len() < k {
            heap.push(Ranked(score, slot));
        } else if heap.peek().is_some_and(|worst| score > worst.0) {
            heap.pop();
            heap.push(Ranked(score, slot));
        }
    }
    part.top = heap.into_vec();
    part
}

/// A dot product of two int8 vectors.
type Dot = fn(&[i8], &[i8]) -> i32;

#[inline(always)]
fn dot(a: &[i8], b: &[i8]) -> i32 {
    a.iter().zip(b).map(|(x, y)| i32::from(*x) * i32::from(*y)).sum()
}

/// The same loop compiled for AVX2's 256-bit registers, which the baseline x86-64
/// target may not assume: about three times as fast over a million vectors.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
fn dot_avx2(a: &[i8], b: &[i8]) -> i32 {
    dot(a, b)
}

/// The fastest dot product this CPU runs, chosen once per scan.
fn fastest_dot() -> Dot {
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx2") {
        // SAFETY: the CPU was just found to support AVX2, all `dot_avx2` assumes.
        return |a, b| unsafe { dot_avx2(a, b) };
    }
    dot
}

impl VectorIndex {
    /// Opens (creating if needed) the vector index in `dir`.
    pub(crate) fn open(dir: &Path) -> Result<VectorIndex> {
        std::fs::create_dir_all(dir).map_err(|e| io(dir, e))?;
        let index = VectorIndex { dir: dir.to_path_buf(), loaded: RwLock::new(Loaded::default()) };
        index.refresh()?;
        Ok(index)
    }

    fn data_path(&self, generation: u64) -> PathBuf {
        self.dir.join(format!("vectors-{generation}.bin"))
    }

    fn read_committed(&self) -> Result<Committed> {
        match std::fs::read(self.dir.join(META)) {
            Ok(bytes) => serde_json::from_slice(&bytes).map_err(|e| io(&self.dir, format!("{META}: {e}"))),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Committed::default()),
            Err(e) => Err(io(&self.dir, e)),
        }
    }

    fn write_committed(&self, committed: &Committed) -> Result<()> {
        let tmp = self.dir.join(format!("{META}.{}.tmp", std::process::id()));
        let bytes = serde_json::to_vec(committed).map_err(|e| io(&self.dir, e))?;
        let mut file = File::create(&tmp).map_err(|e| io(&self.dir, e))?;
        file.write_all(&bytes).and_then(|()| file.sync_all()).map_err(|e| io(&self.dir, e))?;
        std::fs::rename(&tmp, self.dir.join(META)).map_err(|e| io(&self.dir, e))
    }

    /// Loads what other processes committed since the last look.
    pub(crate) fn refresh(&self) -> Result<()> {
        let committed = self.read_committed()?;
        {
            let loaded = self.loaded.read().unwrap_or_else(|p| p.into_inner());
            if loaded.committed == committed {
                return Ok(());
            }
        }
        let mut loaded = self.loaded.write().unwrap_or_else(|p| p.into_inner());
        let same_file = loaded.committed.generation == committed.generation
            && loaded.committed.dims == committed.dims
            && loaded.committed.model == committed.model
            && loaded.committed.len <= committed.len;
        let from = if same_file { loaded.committed.len } else { 0 };
        if !same_file {
            *loaded = Loaded::default();
        }
        if committed.len > from {
            let path = self.data_path(committed.generation);
            let mut file = File::open(&path).map_err(|e| io(&self.dir, format!("{}: {e}", path.display())))?;
            file.seek(SeekFrom::Start(from)).map_err(|e| io(&self.dir, e))?;
            let mut bytes = Vec::new();
            file.take(committed.len - from).read_to_end(&mut bytes).map_err(|e| io(&self.dir, e))?;
            apply(&mut loaded, &bytes, committed.dims)
                .map_err(|e| io(&self.dir, format!("{}: {e}", path.display())))?;
        }
        loaded.committed = committed;
        Ok(())
    }

    /// The store sequence number the committed vectors hold, when they were made by
    /// `model` with `dims` dimensions (else 0: another model's vectors count for nothing).
    pub(crate) fn seq_for(&self, model: &str, dims: usize) -> Result<i64> {
        let c = self.read_committed()?;
        Ok(if c.model == model && c.dims == dims { c.seq } else { 0 })
    }

    /// The committed sequence number, whatever the model.
    pub(crate) fn seq(&self) -> Result<i64> {
        Ok(self.read_committed()?.seq)
    }

    /// Appends records and commits them at store sequence number `seq`; with `fresh`
    /// (or a model other than the committed one), starts a new generation instead. The
    /// caller holds the writer lease.
    pub(crate) fn append(&self, model: &str, dims: usize, records: &[Record<'_>], seq: i64, fresh: bool) -> Result<()> {
        let old = self.read_committed()?;
        let fresh = fresh || old.model != model || old.dims != dims;
        let committed = if fresh {
            Committed { generation: old.generation + 1, model: model.to_string(), dims, seq, len: 0 }
        } else {
            Committed { seq, ..old.clone() }
        };
        let path = self.data_path(committed.generation);
        let mut file =
            OpenOptions::new().create(true).write(true).truncate(false).open(&path).map_err(|e| io(&self.dir, e))?;
        // A writer killed after appending but before committing left a tail: drop it.
        file.set_len(committed.len).map_err(|e| io(&self.dir, e))?;
        file.seek(SeekFrom::Start(committed.len)).map_err(|e| io(&self.dir, e))?;
        let mut bytes = Vec::new();
        for record in records {
            encode(&mut bytes, record, dims);
        }
        file.write_all(&bytes).and_then(|()| file.sync_all()).map_err(|e| io(&self.dir, e))?;
        let committed = Committed { len: committed.len + bytes.len() as u64, ..committed };
        self.write_committed(&committed)?;
        if fresh && old.generation != committed.generation {
            // Readers that hold the old file open keep reading it; new ones never will.
            let _ = std::fs::remove_file(self.data_path(old.generation));
        }
        self.refresh()
    }

    /// Number of live vectors.
    pub(crate) fn len(&self) -> usize {
        self.loaded.read().unwrap_or_else(|p| p.into_inner()).count
    }

    /// Scores every live vector that `keep` accepts against `query` (normalized), keeps
    /// the best `k`, counts those at or above `floor`, and returns the metadata of up to
    /// `facet_cap` of those for facets.
    pub(crate) fn scan(&self, query: &[f32], k: usize, floor: f32, keep: &(dyn Fn(&Meta) -> bool + Sync)) -> Scan {
        let loaded = self.loaded.read().unwrap_or_else(|p| p.into_inner());
        let dims = loaded.committed.dims;
        let mut scan = Scan { top: Vec::new(), matched: 0, facet_metas: Vec::new() };
        if dims == 0 || query.len() != dims || k == 0 {
            return scan;
        }
        let (qscale, q) = quantize(query);
        let slots = loaded.live.len();
        // A large index is scanned in parts, one per core, and the parts' bests merged.
        let parts = if slots < PARALLEL_SCAN {
            1
        } else {
            std::thread::available_parallelism().map_or(1, |n| n.get()).min(MAX_SCAN_THREADS)
        };
        let size = slots.div_ceil(parts);
        let found: Vec<Part> = if parts == 1 {
            vec![scan_part(&loaded, &q, qscale, 0..slots, k, floor, keep)]
        } else {
            std::thread::scope(|scope| {
                let workers: Vec<_> = (0..parts)
                    .map(|p| {
                        let (loaded, q) = (&*loaded, &q);
                        let range = p * size..((p + 1) * size).min(slots);
                        scope.spawn(move || scan_part(loaded, q, qscale, range, k, floor, keep))
                    })
                    .collect();
                workers.into_iter().map(|w| w.join().unwrap_or_default()).collect()
            })
        };
        let mut heap: BinaryHeap<Ranked> = BinaryHeap::with_capacity(k * parts);
        for part in found {
            scan.matched += part.matched;
            scan.facet_metas.extend(part.facet_metas);
            heap.extend(part.top);
        }
        let mut top = heap.into_vec();
        top.sort();
        top.truncate(k);
        scan.top = top.into_iter().map(|Ranked(score, slot)| Scored { id: loaded.ids[slot].clone(), score }).collect();
        scan
    }

    /// An id's vector, dequantized (within about 0.01 of the one embedded), if it has one.
    pub(crate) fn vector(&self, id: &str) -> Option<Vec<f32>> {
        let loaded = self.loaded.read().unwrap_or_else(|p| p.into_inner());
        let dims = loaded.committed.dims;
        let slot = *loaded.slots.get(id).filter(|&&s| loaded.live[s])?;
        let values = loaded.data.get(slot * dims..(slot + 1) * dims)?;
        let scale = loaded.scales[slot];
        Some(values.iter().map(|&q| f32::from(q) * scale).collect())
    }

    /// The metadata of an id's vector, if it has one.
    pub(crate) fn meta(&self, id: &str) -> Option<Meta> {
        let loaded = self.loaded.read().unwrap_or_else(|p| p.into_inner());
        loaded.slots.get(id).filter(|&&s| loaded.live[s]).map(|&s| loaded.metas[s].clone())
    }
}

fn put_str(out: &mut Vec<u8>, s: Option<&str>) {
    let s = s.unwrap_or("");
    let s = &s.as_bytes()[..s.len().min(u16::MAX as usize)];
    out.extend_from_slice(&(s.len() as u16).to_le_bytes());
    out.extend_from_slice(s);
}

/// Record layout (little-endian): u32 body length, then the body: id, source,
/// language, month (u16 length + UTF-8 each), i32 day (`i32::MIN` for none), u8 kind
/// (1 vector, 0 removal), and for a vector its f32 scale and `dims` int8 values.
fn encode(out: &mut Vec<u8>, record: &Record<'_>, dims: usize) {
    let mut body = Vec::with_capacity(64 + dims);
    put_str(&mut body, Some(record.id));
    put_str(&mut body, record.meta.source.as_deref());
    put_str(&mut body, record.meta.language.as_deref());
    put_str(&mut body, record.meta.month.as_deref());
    body.extend_from_slice(&record.meta.day.unwrap_or(i32::MIN).to_le_bytes());
    match record.vector {
        Some(v) if v.len() == dims => {
            body.push(1);
            let (scale, q) = quantize(v);
            body.extend_from_slice(&scale.to_le_bytes());
            body.extend(q.iter().map(|x| *x as u8));
        }
        _ => body.push(0),
    }
    out.extend_from_slice(&(body.len() as u32).to_le_bytes());
    out.extend_from_slice(&body);
}

struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> std::result::Result<&'a [u8], String> {
        if self.0.len() < n {
            return Err("truncated record".into());
        }
        let (head, tail) = self.0.split_at(n);
        self.0 = tail;
        Ok(head)
    }
    fn u16(&mut self) -> std::result::Result<usize, String> {
        Ok(u16::from_le_bytes(self.take(2)?.try_into().map_err(|_| "bad u16")?) as usize)
    }
    fn string(&mut self) -> std::result::Result<Option<String>, String> {
        let n = self.u16()?;
        let s = std::str::from_utf8(self.take(n)?).map_err(|e| e.to_string())?;
        Ok((!s.is_empty()).then(|| s.to_string()))
    }
}

fn apply(loaded: &mut Loaded, mut bytes: &[u8], dims: usize) -> std::result::Result<(), String> {
    while !bytes.is_empty() {
        if bytes.len() < 4 {
            return Err("truncated record length".into());
        }
        let n = u32::from_le_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]) as usize;
        if n > MAX_RECORD || bytes.len() < 4 + n {
            return Err(format!("bad record length {n}"));
        }
        let mut r = Reader(&bytes[4..4 + n]);
        bytes = &bytes[4 + n..];
        let id = r.string()?.unwrap_or_default();
        let source = r.string()?;
        let language = r.string()?;
        let month = r.string()?;
        let day = i32::from_le_bytes(r.take(4)?.try_into().map_err(|_| "bad day")?);
        let meta = Meta { source, language, month, day: (day != i32::MIN).then_some(day) };
        let kind = r.take(1)?[0];
        let slot = loaded.slots.get(&id).copied();
        if kind == 0 {
            if let Some(slot) = slot
                && loaded.live[slot]
            {
                loaded.live[slot] = false;
                loaded.count -= 1;
            }
            continue;
        }
        let scale = f32::from_le_bytes(r.take(4)?.try_into().map_err(|_| "bad scale")?);
        let values = r.take(dims)?;
        let slot = match slot {
            Some(slot) => slot,
            None => {
                loaded.ids.push(id.clone());
                loaded.metas.push(Meta::default());
                loaded.live.push(false);
                loaded.scales.push(0.0);
                loaded.data.resize(loaded.data.len() + dims, 0);
                loaded.slots.insert(id, loaded.ids.len() - 1);
                loaded.ids.len() - 1
            }
        };
        if !loaded.live[slot] {
            loaded.live[slot] = true;
            loaded.count += 1;
        }
        loaded.metas[slot] = meta;
        loaded.scales[slot] = scale;
        for (to, from) in loaded.data[slot * dims..(slot + 1) * dims].iter_mut().zip(values) {
            *to = *from as i8;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(v: &[f32]) -> Vec<f32> {
        let n = v.iter().map(|x| x * x).sum::<f32>().sqrt();
        v.iter().map(|x| x / n).collect()
    }

    #[test]
    fn a_scan_in_parts_finds_what_one_pass_finds() {
        let dir = tempfile::tempdir().unwrap();
        let index = VectorIndex::open(dir.path()).unwrap();
        let n = PARALLEL_SCAN + 20_011;
        let vectors: Vec<Vec<f32>> =
            (0..n).map(|i| unit(&[(i % 97) as f32 - 48.0, (i % 89) as f32 - 44.0, (i % 13) as f32, 1.0])).collect();
        let ids: Vec<String> = (0..n).map(|i| format!("v{i}")).collect();
        let records: Vec<Record<'_>> =
            (0..n).map(|i| Record { id: &ids[i], meta: Meta::default(), vector: Some(&vectors[i]) }).collect();
        index.append("m", 4, &records, 1, true).unwrap();
        let query = unit(&[3.0, -2.0, 1.0, 0.5]);
        let scan = index.scan(&query, 25, 0.9, &|_| true);
        let loaded = index.loaded.read().unwrap();
        let (qscale, q) = quantize(&query);
        let mut one = scan_part(&loaded, &q, qscale, 0..n, 25, 0.9, &|_| true);
        one.top.sort();
        let expected: Vec<String> = one.top.iter().map(|r| loaded.ids[r.1].clone()).collect();
        assert_eq!(scan.top.iter().map(|s| s.id.clone()).collect::<Vec<_>>(), expected);
        assert_eq!(scan.matched, one.matched);
        assert!(scan.matched > 25, "{}", scan.matched);
    }

    #[test]
    fn every_dot_product_agrees_with_the_plain_one() {
        let a: Vec<i8> = (0..384).map(|i: i32| (i * 37 % 255 - 127) as i8).collect();
        let b: Vec<i8> = (0..384).map(|i: i32| (i * 91 % 255 - 127) as i8).collect();
        let plain: i32 = a.iter().zip(&b).map(|(x, y)| i32::from(*x) * i32::from(*y)).sum();
        assert_eq!(fastest_dot()(&a, &b), plain);
        assert_eq!(dot(&a, &b), plain);
        // The extremes do not overflow.
        let max = vec![-127i8; 384];
        assert_eq!(fastest_dot()(&max, &max), 384 * 127 * 127);
    }

    #[test]
    fn quantized_dot_products_stay_close_to_the_exact_ones() {
        let a = unit(&[0.3, -0.1, 0.7, 0.05, -0.4]);
        let b = unit(&[0.2, 0.1, 0.6, -0.3, -0.2]);
        let exact: f32 = a.iter().zip(&b).map(|(x, y)| x * y).sum();
        let (sa, qa) = quantize(&a);
        let (sb, qb) = quantize(&b);
        assert!((dot(&qa, &qb) as f32 * sa * sb - exact).abs() < 0.01);
    }

    #[test]
    fn records_replace_and_remove_and_survive_reopening() {
        let dir = tempfile::tempdir().unwrap();
        let index = VectorIndex::open(dir.path()).unwrap();
        let (x, y) = (unit(&[1.0, 0.0, 0.0]), unit(&[0.0, 1.0, 0.0]));
        let meta = |s: &str| Meta { source: Some(s.into()), ..Meta::default() };
        let records = [
            Record { id: "a", meta: meta("A"), vector: Some(&x) },
            Record { id: "b", meta: meta("B"), vector: Some(&y) },
        ];
        index.append("m", 3, &records, 2, false).unwrap();
        let top = |index: &VectorIndex, q: &[f32]| index.scan(q, 1, 0.5, &|_| true).top[0].id.clone();
        assert_eq!(top(&index, &x), "a");
        // "a" moves next to y; "b" goes.
        index.append("m", 3, &[Record { id: "a", meta: meta("A"), vector: Some(&y) }], 3, false).unwrap();
        index.append("m", 3, &[Record { id: "b", meta: meta("B"), vector: None }], 4, false).unwrap();
        let other = VectorIndex::open(dir.path()).unwrap();
        assert_eq!(other.len(), 1);
        assert_eq!(top(&other, &y), "a");
        assert_eq!(other.seq_for("m", 3).unwrap(), 4);
        assert_eq!(other.seq_for("another", 3).unwrap(), 0);
        // The first handle loads the other's commits on refresh; a fresh generation replaces all.
        index.append("m", 3, &[Record { id: "c", meta: meta("C"), vector: Some(&x) }], 5, true).unwrap();
        other.refresh().unwrap();
        assert_eq!(other.len(), 1);
        assert_eq!(top(&other, &x), "c");
        let scan = other.scan(&x, 5, 0.5, &|m| m.source.as_deref() == Some("A"));
        assert!(scan.top.is_empty() && scan.matched == 0);
    }

    #[test]
    fn a_torn_tail_is_dropped_by_the_next_append() {
        let dir = tempfile::tempdir().unwrap();
        let index = VectorIndex::open(dir.path()).unwrap();
        let x = unit(&[1.0, 2.0]);
        index.append("m", 2, &[Record { id: "a", meta: Meta::default(), vector: Some(&x) }], 1, false).unwrap();
        // A writer killed mid-append leaves bytes past the committed length.
        let mut file = OpenOptions::new().append(true).open(index.data_path(1)).unwrap();
        file.write_all(&[9, 9, 9]).unwrap();
        index.append("m", 2, &[Record { id: "b", meta: Meta::default(), vector: Some(&x) }], 2, false).unwrap();
        let reopened = VectorIndex::open(dir.path()).unwrap();
        assert_eq!(reopened.len(), 2);
    }
}
