//! Search at scale (`distill bench search`): a generated corpus of N articles written
//! into a scratch data folder, indexed by the product's own path (the store, then the
//! keyword index's catch-up), then queried in each mode.
//!
//! The corpus is built from real news: each article is a real article of the given
//! JSON Lines files (its length, sentence shapes and repeated topical words as
//! written) with 30% of its words replaced by draws from the files' own word
//! frequencies, and 1 in 50 by a word of a long Zipf tail of two million forms, so
//! that the vocabulary keeps growing with the corpus as real news does. Titles are
//! made the same way, and each query is the words of a random article's title.
//!
//! Vectors: embedding N passages with the local encoder would take hours here (about
//! 30 passages a second on 2 cores), so each article gets a unit vector drawn around
//! one of 2,000 centres, imported into the data folder's vector folder. Queries are
//! embedded by the real encoder, so semantic and hybrid latencies include embedding
//! the query, as in the product; the scan is exact, so its cost does not depend on
//! what the vectors hold.
//!
//! Ask: further titles, each made a question ("What happened: ...?"), are answered
//! from the whole corpus as `distill ask` answers them (retrieval, then the composer
//! over the articles found), with keyword retrieval, and hybrid when a model is given.

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

use distill_core::Article;
use distill_embed::Embedder;
use distill_library::{AskQuery, Library, LibraryError};
use distill_search::{Mode, SearchQuery};

use crate::{Error, Result, Rng, read_text};

/// Articles written to the store per transaction.
const CHUNK: usize = 2_000;
/// Vector clusters: topics the vectors gather around.
const CENTRES: usize = 2_000;
/// Share of a real article's words replaced by a frequency draw.
const REPLACED: f64 = 0.3;
/// Share replaced by a word of the long tail.
const RARE: f64 = 0.02;
/// Distinct words of the long tail.
const TAIL: f64 = 2_000_000.0;
/// Queries run before timing, per mode.
const WARMUP: usize = 10;

/// What the real articles give the generator.
struct Model {
    articles: Vec<(String, String)>,
    /// Every word token of the bodies, in order: a draw from it is a draw from the
    /// word frequencies.
    words: Vec<String>,
}

impl Model {
    fn read(corpora: &[PathBuf]) -> Result<Model> {
        let mut articles = Vec::new();
        for path in corpora {
            for (i, line) in read_text(path)?.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
                let value: serde_json::Value = serde_json::from_str(line)
                    .map_err(|source| Error::Json { what: format!("{} line {}", path.display(), i + 1), source })?;
                let text = value["text"].as_str().unwrap_or_default().to_string();
                let title = value["title"].as_str().unwrap_or_default().to_string();
                if text.split_whitespace().count() >= 50 {
                    articles.push((title, text));
                }
            }
        }
        if articles.is_empty() {
            return Err(Error::Input("no article of 50 words or more in the corpus files".into()));
        }
        let words = articles
            .iter()
            .flat_map(|(_, text)| text.split_whitespace())
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_string())
            .filter(|w| !w.is_empty())
            .collect();
        Ok(Model { articles, words })
    }

    /// A word: mostly as the frequencies give it, sometimes from the long tail.
    fn word(&self, rng: &mut Rng) -> String {
        if rng.unit() < RARE / REPLACED {
            // Zipf over the tail: rank = TAIL^u.
            return format!("w{}", TAIL.powf(rng.unit()) as u64);
        }
        self.words[rng.below(self.words.len())].clone()
    }

    /// `text` with its words replaced at the generator's rate, punctuation kept.
    fn mutate(&self, text: &str, rng: &mut Rng) -> String {
        let mut out = String::with_capacity(text.len() + 16);
        for word in text.split_whitespace() {
            if !out.is_empty() {
                out.push(' ');
            }
            if rng.unit() < REPLACED {
                let end = word.trim_end_matches(|c: char| !c.is_alphanumeric());
                out.push_str(&self.word(rng));
                out.push_str(&word[end.len()..]);
            } else {
                out.push_str(word);
            }
        }
        out
    }

    fn article(&self, n: usize, rng: &mut Rng) -> Article {
        let (title, text) = &self.articles[rng.below(self.articles.len())];
        let title = if title.is_empty() {
            text.split_whitespace().take(10).collect::<Vec<_>>().join(" ")
        } else {
            title.clone()
        };
        let mut article = Article::sample(&format!("g{n:08}"), &self.mutate(&title, rng), &self.mutate(text, rng));
        article.url = Some(format!("https://generated.example/{n}"));
        article.source = Some(format!("source{}", n % 500));
        article
    }
}

/// Bytes of a file, or of every file under a folder.
fn disk_bytes(path: &Path) -> u64 {
    let Ok(meta) = std::fs::metadata(path) else { return 0 };
    if meta.is_file() {
        return meta.len();
    }
    std::fs::read_dir(path).map_or(0, |entries| entries.filter_map(|e| e.ok()).map(|e| disk_bytes(&e.path())).sum())
}

/// Resident and peak memory of this process, in MiB.
fn memory_mib() -> (u64, u64) {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find(|l| l.starts_with(name))
            .and_then(|l| l.split_whitespace().nth(1)?.parse::<u64>().ok())
            .unwrap_or(0)
            / 1024
    };
    (field("VmRSS:"), field("VmHWM:"))
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

/// Builds a corpus of `articles` in a scratch data folder under `scratch` (removed
/// after, unless `keep`), indexes it, and times `queries` searches per mode
/// (semantic and hybrid only with a model folder).
pub fn search(
    corpora: &[PathBuf],
    articles: usize,
    queries: usize,
    models: Option<&Path>,
    scratch: &Path,
    keep: bool,
    out: &mut impl Write,
) -> Result<()> {
    let model = Model::read(corpora)?;
    let dir = scratch.join(format!("bench-search-{articles}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir)?;
    let result = run(&model, &dir, articles, queries, models, out);
    if !keep {
        let _ = std::fs::remove_dir_all(&dir);
    }
    result
}

fn run(
    model: &Model,
    dir: &Path,
    articles: usize,
    queries: usize,
    models: Option<&Path>,
    out: &mut impl Write,
) -> Result<()> {
    writeln!(
        out,
        "{articles} generated articles from {} real ones; data folder {}",
        model.articles.len(),
        dir.display()
    )?;
    let mut rng = Rng(20_261_205);
    let mut titles: Vec<String> = Vec::new();
    let (mut words, mut bytes) = (0usize, 0usize);

    // The store, written in chunks.
    let start = Instant::now();
    {
        let library = Library::open(dir)?;
        let mut written = 0;
        while written < articles {
            let chunk: Vec<Article> =
                (written..(written + CHUNK).min(articles)).map(|n| model.article(n, &mut rng)).collect();
            for a in &chunk {
                words += a.text.split_whitespace().count();
                bytes += a.text.len();
                if rng.below(articles.max(1)) < queries * 8 {
                    titles.push(a.title.clone());
                }
            }
            library.store.upsert_batch(&chunk).map_err(LibraryError::from)?;
            written += chunk.len();
        }
    }
    let write_s = start.elapsed().as_secs_f64();
    writeln!(
        out,
        "  store: {:.1} s ({:.0} articles/s), {:.0} words an article, {:.2} GB of text, {:.2} GB on disk",
        write_s,
        articles as f64 / write_s,
        words as f64 / articles.max(1) as f64,
        bytes as f64 / 1e9,
        disk_bytes(&dir.join("distill.db")) as f64 / 1e9
    )?;

    // The keyword index, caught up from the store as `ingest` and `reindex` do.
    let start = Instant::now();
    let library = Library::open(dir)?;
    let index_s = start.elapsed().as_secs_f64();
    writeln!(
        out,
        "  keyword index: built in {index_s:.1} s ({:.0} articles/s), {:.2} GB, {} documents",
        articles as f64 / index_s,
        disk_bytes(&dir.join("index")) as f64 / 1e9,
        library.index.num_docs()
    )?;
    drop(library);

    // Vectors, imported; the encoder is the real one, for queries.
    let encoder = models.and_then(distill_embed::find_model);
    if let Some(folder) = &encoder {
        let embedder = distill_embed::LazyEmbedder::new(folder.clone(), distill_embed::EmbedConfig::default());
        let (name, dims) = {
            let loaded = embedder.get()?;
            (loaded.model_name().to_string(), loaded.dimensions())
        };
        let start = Instant::now();
        let centres: Vec<Vec<f32>> = (0..CENTRES).map(|_| unit((0..dims).map(|_| rng.normal()).collect())).collect();
        let seq = Library::open(dir)?.store.last_seq().map_err(LibraryError::from)?;
        let mut batches = Vec::new();
        let mut n = 0;
        while n < articles {
            let batch: Vec<(String, Vec<f32>)> = (n..(n + 10_000).min(articles))
                .map(|i| {
                    let centre = &centres[rng.below(CENTRES)];
                    let v: Vec<f32> = centre.iter().map(|c| c + 0.6 * rng.normal() / (dims as f32).sqrt()).collect();
                    (format!("g{i:08}"), unit(v))
                })
                .collect();
            n += batch.len();
            batches.push(batch);
        }
        let count = distill_search::import_vectors(&dir.join("vectors"), &name, dims, seq, batches)
            .map_err(LibraryError::from)?;
        writeln!(
            out,
            "  vectors: {count} imported in {:.1} s ({dims} dimensions, int8), {:.2} GB",
            start.elapsed().as_secs_f64(),
            disk_bytes(&dir.join("vectors")) as f64 / 1e9
        )?;
    }

    // Queries: the words of random titles.
    let start = Instant::now();
    let library = Library::open_with_models(dir, models)?;
    writeln!(out, "  opened for search in {:.1} s", start.elapsed().as_secs_f64())?;
    let texts: Vec<String> = titles
        .iter()
        .map(|t| t.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" "))
        .filter(|t| t.split(' ').count() >= 3)
        .collect();
    let modes: &[Mode] = if library.index.semantic_available() {
        &[Mode::Keyword, Mode::Semantic, Mode::Hybrid]
    } else {
        &[Mode::Keyword]
    };
    // Questions asked of the whole corpus: without the encoder, and with it when given.
    let asks: &[Option<&Path>] = if encoder.is_some() { &[None, models] } else { &[None] };
    // Each mode its own titles: the encoder caches what it embedded, and a query it
    // had seen would cost hybrid nothing to embed.
    let per_mode = (texts.len() / (modes.len() + asks.len())).min(queries + WARMUP);
    if per_mode <= WARMUP {
        return Err(Error::Input("too few generated titles to query".into()));
    }
    let mut hits_per_query: HashMap<&str, f64> = HashMap::new();
    for (m, &mode) in modes.iter().enumerate() {
        let mut times = Vec::with_capacity(per_mode);
        let mut found = 0usize;
        for (k, text) in texts[m * per_mode..(m + 1) * per_mode].iter().enumerate() {
            let q = SearchQuery { text: text.clone(), limit: 10, mode: Some(mode), ..SearchQuery::default() };
            let start = Instant::now();
            let results = library.search(&q)?;
            let ms = start.elapsed().as_secs_f64() * 1000.0;
            if k >= WARMUP {
                times.push(ms);
                found += results.hits.len();
            }
        }
        times.sort_by(f64::total_cmp);
        hits_per_query.insert(mode.name(), found as f64 / times.len() as f64);
        writeln!(
            out,
            "  {:<8} p50 {:.1} ms  p99 {:.1} ms  max {:.1} ms  ({} queries, {:.1} hits each)",
            mode.name(),
            percentile(&times, 0.5),
            percentile(&times, 0.99),
            times.last().copied().unwrap_or(0.0),
            times.len(),
            hits_per_query[mode.name()]
        )?;
    }
    drop(library);

    // Ask: a title made a question, retrieved (hybrid when the encoder is there) and
    // answered by the composer from the articles found.
    for (a, &with) in asks.iter().enumerate() {
        let library = Library::open_with_models(dir, with)?;
        let name = if with.is_some() { "ask, with the encoder" } else { "ask, keyword retrieval" };
        let mut times = Vec::with_capacity(per_mode);
        let mut covered = 0usize;
        let first = (modes.len() + a) * per_mode;
        for (k, text) in texts[first..first + per_mode].iter().enumerate() {
            let query = AskQuery { question: format!("What happened: {text}?"), ..AskQuery::default() };
            let start = Instant::now();
            let answer = library.ask(&query)?;
            let ms = start.elapsed().as_secs_f64() * 1000.0;
            if k >= WARMUP {
                times.push(ms);
                covered += usize::from(answer.is_some_and(|a| a.covered));
            }
        }
        times.sort_by(f64::total_cmp);
        writeln!(
            out,
            "  {name}: p50 {:.1} ms  p99 {:.1} ms  max {:.1} ms  ({} questions, {covered} answered)",
            percentile(&times, 0.5),
            percentile(&times, 0.99),
            times.last().copied().unwrap_or(0.0),
            times.len(),
        )?;
    }
    if encoder.is_none() {
        writeln!(out, "  semantic, hybrid and ask with the encoder skipped: no model (pass --models DIR)")?;
    }
    let (rss, peak) = memory_mib();
    writeln!(out, "  memory: {rss} MiB resident after the queries, {peak} MiB at the peak (the whole process)")?;
    Ok(())
}

fn unit(mut v: Vec<f32>) -> Vec<f32> {
    let norm = v.iter().map(|x| x * x).sum::<f32>().sqrt().max(1e-12);
    v.iter_mut().for_each(|x| *x /= norm);
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A corpus file of a few real-looking articles, in a temporary folder.
    fn corpus(dir: &Path) -> PathBuf {
        let path = dir.join("corpus.jsonl");
        let text = "The harbour pilots voted to strike over the new rota, which cuts rest between shifts. \
            Port managers said ships would be delayed for days, and exporters warned of losses. "
            .repeat(4);
        let lines: Vec<String> = (0..5)
            .map(|i| serde_json::json!({"title": format!("Pilots strike at port {i}"), "text": text}).to_string())
            .collect();
        std::fs::write(&path, lines.join("\n")).unwrap();
        path
    }

    #[test]
    fn a_generated_corpus_is_indexed_and_searched() {
        let dir = tempfile::tempdir().unwrap();
        let file = corpus(dir.path());
        let mut report = Vec::new();
        search(&[file], 300, 20, None, dir.path(), false, &mut report).unwrap();
        let report = String::from_utf8(report).unwrap();
        assert!(report.contains("300 documents"), "{report}");
        // The number written between `after` and the first `before` of the report.
        let figure = |after: &str, before: &str| -> f64 {
            let head = report.split(before).next().unwrap_or("");
            head.rsplit(after).next().and_then(|s| s.trim().parse().ok()).unwrap_or(0.0)
        };
        assert!(figure(", ", "hits each") > 0.0, "titles find articles: {report}");
        assert!(figure("questions, ", " answered)") > 0.0, "titles asked as questions are answered: {report}");
        assert!(!dir.path().join("bench-search-300").exists(), "the scratch folder is removed");
    }

    #[test]
    fn mutation_keeps_length_and_punctuation_and_adds_new_words() {
        let model = Model {
            articles: vec![("T".into(), "a b c".into())],
            words: vec!["alpha".into(), "beta".into(), "gamma".into()],
        };
        let mut rng = Rng(7);
        let text = "The pilots voted, then the port closed. ".repeat(50);
        let mutated = model.mutate(&text, &mut rng);
        assert_eq!(mutated.split_whitespace().count(), text.split_whitespace().count());
        assert_eq!(mutated.matches(',').count(), text.matches(',').count());
        let replaced = mutated.split_whitespace().zip(text.split_whitespace()).filter(|(a, b)| a != b).count();
        let share = replaced as f64 / text.split_whitespace().count() as f64;
        assert!((0.2..0.4).contains(&share), "{share}");
        assert!(mutated.split_whitespace().any(|w| w.starts_with('w')), "the long tail adds words");
    }
}
