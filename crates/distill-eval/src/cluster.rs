//! Story clustering outside the store: the `distill cluster` contract (JSON Lines
//! in, one `{id, story}` line out per input, in order, as a stream) and its
//! evaluation (`distill eval cluster`), B-cubed and pairwise precision, recall and F1
//! against gold events, beside a TF-IDF baseline at its best threshold.
//!
//! Both run the one clusterer of [`distill_nlp::stories`]; this module only reads
//! lines, embeds title and lead when a model folder is given, and counts.

use std::collections::{BTreeMap, HashMap, VecDeque};
use std::io::{BufRead, Write};
use std::path::Path;
use std::time::Instant;

use distill_core::text::passage;
use distill_embed::{BertEmbedder, EmbedConfig, Embedder};
use distill_nlp::stories::{LOOKAHEAD, StoryArticle, StoryClusterer, StoryConfig};
use serde_json::Value;

use crate::eval::f1_score;
use crate::{Error, Result, file_error, read_text};

/// What a `distill cluster` run read.
#[derive(Debug, Clone, Copy, Default)]
pub struct StreamReport {
    /// Lines clustered.
    pub clustered: usize,
    /// Lines skipped (bad JSON, no `id`, no `text`).
    pub skipped: usize,
}

/// Reads a `published` value: RFC 3339, a `YYYY-MM-DD` day, or seconds since the epoch.
pub fn parse_published(value: &Value) -> Option<i64> {
    match value {
        Value::Number(n) => n.as_i64(),
        Value::String(s) => chrono::DateTime::parse_from_rfc3339(s.trim()).map(|d| d.timestamp()).ok().or_else(|| {
            chrono::NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
                .ok()
                .and_then(|d| d.and_hms_opt(0, 0, 0))
                .map(|d| d.and_utc().timestamp())
        }),
        _ => None,
    }
}

/// An id as the input wrote it: a string, or a number written as text.
fn id_of(value: &Value) -> Option<String> {
    match value.get("id")? {
        Value::String(s) if !s.is_empty() => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// Opens the sentence encoder in `models` (a model folder, or a folder holding
/// `all-minilm-l6-v2`) on `threads` threads.
pub fn open_embedder(models: &Path, threads: usize) -> Result<Box<dyn Embedder>> {
    let dir = distill_embed::find_model(models).ok_or_else(|| distill_embed::EmbedError::MissingFile {
        path: models.join(distill_embed::DEFAULT_MODEL).join("model.safetensors"),
    })?;
    let config = EmbedConfig { threads: threads.max(1), cache_entries: 0, ..EmbedConfig::default() };
    Ok(Box::new(BertEmbedder::open(dir, &config)?))
}

/// Lines read per embedding batch by [`stream`]: the encoder runs a batch at once.
const STREAM_BATCH: usize = 32;

/// A line read and not yet clustered: its number, the parsed line and its id (or why
/// it is skipped), and its embedding.
type Pending = (usize, std::result::Result<(Value, String), String>, Option<Vec<f32>>);

/// Clusters a stream of `{id, text, title?, published?, source?, url?}` lines in
/// order, writing `{"id", "story"}` per clustered line to `out` as it goes; a bad
/// line is reported to `errors` with its number and skipped. The clusterer is shown
/// [`LOOKAHEAD`] lines ahead of the line it assigns (for its document frequencies),
/// and a line is written once no revision will move it again
/// ([`StoryClusterer::take_settled`]), so the output follows the input a few hundred
/// lines behind, in input order. With an `embedder`, each
/// article's title and lead are embedded (a batch of lines at a time) and the
/// clusterer blends their cosine in.
pub fn stream(
    input: impl BufRead,
    name: &str,
    config: &StoryConfig,
    embedder: Option<&dyn Embedder>,
    out: &mut impl Write,
    errors: &mut impl Write,
) -> Result<StreamReport> {
    let mut clusterer = StoryClusterer::new(config.clone());
    let mut report = StreamReport::default();
    let mut batch: Vec<(usize, String)> = Vec::with_capacity(STREAM_BATCH);
    let mut window: VecDeque<Pending> = VecDeque::with_capacity(LOOKAHEAD + STREAM_BATCH);
    let mut lines = input.lines().enumerate();
    // The id of each assigned line, as the line wrote it, until it settles.
    let mut unsettled: VecDeque<Value> = VecDeque::new();
    loop {
        let next = lines.next();
        let done = next.is_none();
        if let Some((n, line)) = next {
            let line = line?;
            if !line.trim().is_empty() {
                batch.push((n, line));
            }
        }
        if batch.len() >= STREAM_BATCH || (done && !batch.is_empty()) {
            for pending in parse_batch(&batch, embedder)? {
                if let Ok((value, id)) = &pending.1 {
                    clusterer.preview(&story_article(value, id, pending.2.as_deref()));
                }
                window.push_back(pending);
            }
            batch.clear();
        }
        let keep = if done { 0 } else { LOOKAHEAD };
        while window.len() > keep {
            let Some((n, parsed, vector)) = window.pop_front() else { break };
            match parsed {
                Err(why) => {
                    writeln!(errors, "skipped {name} line {}: {why}", n + 1)?;
                    report.skipped += 1;
                }
                Ok((value, id)) => {
                    clusterer.assign(&story_article(&value, &id, vector.as_deref()));
                    unsettled.push_back(value["id"].clone());
                    report.clustered += 1;
                }
            }
        }
        if done {
            clusterer.finish();
        }
        for (_, story) in clusterer.take_settled() {
            let id = unsettled.pop_front().unwrap_or_default();
            writeln!(out, "{}", serde_json::json!({"id": id, "story": story}))?;
        }
        out.flush()?;
        if done {
            break;
        }
    }
    Ok(report)
}

/// Parses and embeds one batch of non-empty lines, in order.
fn parse_batch(batch: &[(usize, String)], embedder: Option<&dyn Embedder>) -> Result<Vec<Pending>> {
    let parsed: Vec<std::result::Result<(Value, String), String>> = batch
        .iter()
        .map(|(_, line)| match serde_json::from_str::<Value>(line) {
            Err(e) => Err(format!("invalid JSON: {e}")),
            Ok(mut value) => match (id_of(&value), value.get("text").and_then(Value::as_str)) {
                (None, _) => Err("no \"id\" (a non-empty string or a number)".to_string()),
                (_, None) => Err("no \"text\" string".to_string()),
                (Some(id), Some(_)) => {
                    // As ingest names an article's outlet: its source, else its URL's host.
                    if field(&value, "source").trim().is_empty()
                        && let Some(host) = distill_pipeline::host(field(&value, "url"))
                    {
                        value["source"] = Value::String(host);
                    }
                    Ok((value, id))
                }
            },
        })
        .collect();
    let vectors: Vec<Option<Vec<f32>>> = match embedder {
        Some(embedder) => {
            let texts: Vec<String> = parsed
                .iter()
                .filter_map(|p| p.as_ref().ok())
                .map(|(value, _)| passage(field(value, "title"), field(value, "text")))
                .collect();
            let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
            let mut vectors = embedder.embed(&refs)?.into_iter();
            parsed.iter().map(|p| if p.is_ok() { vectors.next() } else { None }).collect()
        }
        None => vec![None; parsed.len()],
    };
    Ok(batch.iter().zip(parsed).zip(vectors).map(|(((n, _), parsed), vector)| (*n, parsed, vector)).collect())
}

/// A string field of a line, empty when absent.
fn field<'a>(value: &'a Value, key: &str) -> &'a str {
    value.get(key).and_then(Value::as_str).unwrap_or("")
}

/// What the clusterer reads of a parsed line.
fn story_article<'a>(value: &'a Value, id: &'a str, embedding: Option<&'a [f32]>) -> StoryArticle<'a> {
    StoryArticle {
        id,
        title: field(value, "title"),
        text: field(value, "text"),
        published: value.get("published").and_then(parse_published),
        source: Some(field(value, "source")).filter(|s| !s.is_empty()),
        embedding,
    }
}

/// Precision, recall and F1 of one clustering, B-cubed and pairwise.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct ClusterScores {
    /// B-cubed precision, recall, F1.
    pub bcubed: (f64, f64, f64),
    /// Pairwise precision, recall, F1.
    pub pairwise: (f64, f64, f64),
    /// Clusters predicted.
    pub clusters: usize,
}

/// Scores predicted cluster labels against gold labels (same length, same order).
pub fn score(predicted: &[usize], gold: &[usize]) -> ClusterScores {
    let n = predicted.len().min(gold.len());
    if n == 0 {
        return ClusterScores::default();
    }
    let mut joint: HashMap<(usize, usize), usize> = HashMap::new();
    let mut p_size: HashMap<usize, usize> = HashMap::new();
    let mut g_size: HashMap<usize, usize> = HashMap::new();
    for i in 0..n {
        *joint.entry((predicted[i], gold[i])).or_default() += 1;
        *p_size.entry(predicted[i]).or_default() += 1;
        *g_size.entry(gold[i]).or_default() += 1;
    }
    let (mut bp, mut br) = (0.0, 0.0);
    for i in 0..n {
        let both = joint[&(predicted[i], gold[i])] as f64;
        bp += both / p_size[&predicted[i]] as f64;
        br += both / g_size[&gold[i]] as f64;
    }
    let (bp, br) = (bp / n as f64, br / n as f64);
    let pairs = |k: usize| (k * k.saturating_sub(1) / 2) as f64;
    let tp: f64 = joint.values().map(|&k| pairs(k)).sum();
    let pp: f64 = p_size.values().map(|&k| pairs(k)).sum();
    let gp: f64 = g_size.values().map(|&k| pairs(k)).sum();
    let pp_ = if pp > 0.0 { tp / pp } else { 1.0 };
    let pr = if gp > 0.0 { tp / gp } else { 1.0 };
    ClusterScores { bcubed: (bp, br, f1_score(bp, br)), pairwise: (pp_, pr, f1_score(pp_, pr)), clusters: p_size.len() }
}

/// A gold article: its text, title and event.
#[derive(Clone)]
struct GoldArticle {
    id: String,
    title: String,
    text: String,
    /// The outlet, when the line names one (`source`).
    source: String,
    event: usize,
    /// Embedding of title and lead, when a model was given.
    vector: Option<Vec<f32>>,
}

fn read_gold(path: &Path) -> Result<Vec<GoldArticle>> {
    let text = read_text(path)?;
    let mut events: HashMap<String, usize> = HashMap::new();
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let value: Value = serde_json::from_str(line)
            .map_err(|source| Error::Json { what: format!("parsing {} line {}", path.display(), n + 1), source })?;
        let field = |k: &str| value.get(k).and_then(Value::as_str).unwrap_or("").to_string();
        let event = field("event_id");
        if event.is_empty() {
            return Err(Error::Input(format!("{} line {}: no \"event_id\"", path.display(), n + 1)));
        }
        let next = events.len();
        let event = *events.entry(event).or_insert(next);
        let id = [field("article_id"), field("id")].into_iter().find(|s| !s.is_empty()).unwrap_or(format!("{n}"));
        out.push(GoldArticle {
            id,
            title: field("title"),
            text: field("text"),
            source: field("source"),
            event,
            vector: None,
        });
    }
    if out.is_empty() {
        return Err(Error::Input(format!("no articles in {}", path.display())));
    }
    Ok(out)
}

/// What [`run_stories`] gives the clusterer besides text.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Signals {
    /// Text, title and the line's `source`, plus the embedding when there is one.
    All,
    /// As [`Signals::All`] without the embedding.
    NoEmbedding,
    /// As [`Signals::All`], with the outlet read from the id's last `-` part (NeuS
    /// ids end in the outlet's slot: 0 left, 1 centre, 2 right).
    IdOutlet,
}

/// Runs the story clusterer over the gold articles in file order; returns labels and
/// seconds taken.
fn run_stories(gold: &[GoldArticle], config: &StoryConfig, signals: Signals) -> (Vec<usize>, f64) {
    let start = Instant::now();
    let mut clusterer = StoryClusterer::new(config.clone());
    let mut ids: HashMap<String, usize> = HashMap::new();
    fn input(a: &GoldArticle, signals: Signals) -> StoryArticle<'_> {
        let source = match signals {
            Signals::IdOutlet => a.id.rsplit_once('-').map(|(_, slot)| slot),
            _ => Some(a.source.as_str()).filter(|s| !s.is_empty()),
        };
        StoryArticle {
            id: &a.id,
            title: &a.title,
            text: &a.text,
            published: None,
            source,
            embedding: a.vector.as_deref().filter(|_| signals != Signals::NoEmbedding),
        }
    }
    let mut observed = 0;
    let mut stories = Vec::with_capacity(gold.len());
    for i in 0..gold.len() {
        // As `distill cluster` reads the stream: LOOKAHEAD articles ahead.
        while observed < gold.len().min(i + 1 + LOOKAHEAD) {
            clusterer.preview(&input(&gold[observed], signals));
            observed += 1;
        }
        clusterer.assign(&input(&gold[i], signals));
        stories.extend(clusterer.take_settled().into_iter().map(|(_, story)| story));
    }
    clusterer.finish();
    stories.extend(clusterer.take_settled().into_iter().map(|(_, story)| story));
    let labels = stories
        .into_iter()
        .map(|story| {
            let next = ids.len();
            *ids.entry(story).or_insert(next)
        })
        .collect();
    (labels, start.elapsed().as_secs_f64())
}

/// The baseline: TF-IDF cosine (IDF from the whole set, raw term counts over
/// [`distill_nlp::terms::content_stems`]); each article joins the cluster of its most
/// similar earlier article when the cosine reaches `threshold` (best match), or
/// starts one. Quadratic: for evaluation only.
struct Baseline {
    /// For each article, its best earlier match and the cosine.
    best: Vec<Option<(usize, f64)>>,
}

impl Baseline {
    fn new(gold: &[GoldArticle]) -> Baseline {
        let docs: Vec<BTreeMap<String, f64>> = gold
            .iter()
            .map(|a| {
                let mut tf = BTreeMap::new();
                for s in distill_nlp::terms::content_stems(&format!("{}\n{}", a.title, a.text)) {
                    *tf.entry(s).or_insert(0.0) += 1.0;
                }
                tf
            })
            .collect();
        let mut df: HashMap<&str, f64> = HashMap::new();
        for d in &docs {
            for k in d.keys() {
                *df.entry(k).or_default() += 1.0;
            }
        }
        let n = docs.len() as f64;
        let vectors: Vec<Vec<(&str, f64)>> = docs
            .iter()
            .map(|d| {
                let mut v: Vec<(&str, f64)> = d
                    .iter()
                    .map(|(k, tf)| (k.as_str(), tf * (f64::ln((1.0 + n) / (1.0 + df[k.as_str()])) + 1.0)))
                    .collect();
                let norm = v.iter().map(|(_, w)| w * w).sum::<f64>().sqrt();
                if norm > 0.0 {
                    v.iter_mut().for_each(|(_, w)| *w /= norm);
                }
                v
            })
            .collect();
        let maps: Vec<HashMap<&str, f64>> = vectors.iter().map(|v| v.iter().copied().collect()).collect();
        let best = (0..vectors.len())
            .map(|i| {
                (0..i)
                    .map(|j| {
                        (j, vectors[i].iter().map(|(k, w)| w * maps[j].get(k).copied().unwrap_or(0.0)).sum::<f64>())
                    })
                    .fold(None, |best: Option<(usize, f64)>, (j, c)| match best {
                        Some((_, b)) if b >= c => best,
                        _ => Some((j, c)),
                    })
            })
            .collect();
        Baseline { best }
    }

    fn labels(&self, threshold: f64) -> Vec<usize> {
        let mut labels: Vec<usize> = Vec::with_capacity(self.best.len());
        let mut next = 0;
        for best in &self.best {
            match best {
                Some((j, c)) if *c >= threshold => labels.push(labels[*j]),
                _ => {
                    labels.push(next);
                    next += 1;
                }
            }
        }
        labels
    }
}

fn write_scores(out: &mut impl Write, name: &str, s: &ClusterScores) -> std::io::Result<()> {
    writeln!(
        out,
        "{name:<28} B3 P {:.4} R {:.4} F1 {:.4}   pairwise P {:.4} R {:.4} F1 {:.4}   clusters {}",
        s.bcubed.0, s.bcubed.1, s.bcubed.2, s.pairwise.0, s.pairwise.1, s.pairwise.2, s.clusters
    )
}

/// Figures of one `eval cluster` run.
#[derive(Debug, Clone, Copy)]
pub struct ClusterEval {
    /// The story clusterer at the chosen threshold.
    pub stories: ClusterScores,
    /// The baseline at its best threshold (by B-cubed F1), and that threshold.
    pub baseline: (ClusterScores, f64),
    /// Microseconds per article of the story clusterer.
    pub micros_per_article: f64,
    /// The story clusterer over the same lines in a fixed shuffled order (see
    /// [`shuffle`]), and the baseline's best B-cubed F1 on that order.
    pub shuffled: (ClusterScores, f64),
}

/// Scores the story clusterer (at `threshold`, or its default) and the TF-IDF
/// baseline (at its best threshold) against the `event_id` of each line, and a
/// sweep of the clusterer's threshold; writes the report to `out`. With an
/// `embedder`, every article's title and lead are embedded first and the clusterer
/// blends their cosine in (an ablation shows it without).
pub fn eval(
    path: &Path,
    threshold: Option<f64>,
    embedder: Option<&dyn Embedder>,
    out: &mut impl Write,
) -> Result<ClusterEval> {
    eval_with(path, &StoryConfig::default(), threshold, embedder, out)
}

/// [`eval`] from another starting configuration (for tuning).
pub fn eval_with(
    path: &Path,
    base: &StoryConfig,
    threshold: Option<f64>,
    embedder: Option<&dyn Embedder>,
    out: &mut impl Write,
) -> Result<ClusterEval> {
    let mut gold = read_gold(path)?;
    if let Some(embedder) = embedder {
        let start = Instant::now();
        let texts: Vec<String> = gold.iter().map(|a| passage(&a.title, &a.text)).collect();
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        for (a, v) in gold.iter_mut().zip(embedder.embed(&refs)?) {
            a.vector = Some(v);
        }
        writeln!(
            out,
            "embedded title and lead of {} articles with {} in {:.1} s",
            gold.len(),
            embedder.model_name(),
            start.elapsed().as_secs_f64()
        )?;
    }
    let truth: Vec<usize> = gold.iter().map(|a| a.event).collect();
    let events = truth.iter().collect::<std::collections::HashSet<_>>().len();
    let mut config = base.clone();
    if let Some(t) = threshold {
        config = StoryClusterer::shifted(&config, t);
    }
    // The threshold that applies: with vectors, the embedding blend's.
    let applied = |c: &StoryConfig| if embedder.is_some() { c.embedding_threshold } else { c.threshold };
    writeln!(out, "{}: {} articles, {} events, in file order", path.display(), gold.len(), events)?;
    let (labels, seconds) = run_stories(&gold, &config, Signals::All);
    let stories = score(&labels, &truth);
    let micros_per_article = seconds * 1e6 / gold.len() as f64;
    write_scores(out, &format!("stories @ {:.3}", applied(&config)), &stories)?;
    writeln!(out, "  cost {micros_per_article:.0} us per article ({} articles in {seconds:.3} s)", gold.len())?;
    let baseline = best_baseline(&gold, &truth);
    write_scores(out, &format!("tf-idf best match @ {:.2}", baseline.1), &baseline.0)?;
    writeln!(out, "ablations at {:.2} (B3 F1):", applied(&config))?;
    let mut ablations = vec![
        ("cosine only", StoryConfig { entity_weight: 0.0, title_weight: 0.0, ..config.clone() }, Signals::All),
        ("no names", StoryConfig { entity_weight: 0.0, ..config.clone() }, Signals::All),
        ("no title", StoryConfig { title_weight: 0.0, ..config.clone() }, Signals::All),
        (
            "unbounded candidates",
            StoryConfig { candidates: usize::MAX, postings: usize::MAX, ..config.clone() },
            Signals::All,
        ),
    ];
    if embedder.is_some() {
        ablations.push(("no embedding", config.clone(), Signals::NoEmbedding));
    }
    if gold.iter().all(|a| a.source.is_empty()) && gold.iter().all(|a| a.id.rsplit_once('-').is_some()) {
        ablations.push(("outlet = id's last part", config.clone(), Signals::IdOutlet));
    }
    for (name, ablated, signals) in ablations {
        let s = score(&run_stories(&gold, &ablated, signals).0, &truth);
        writeln!(out, "  {name:<22} {:.4}  (pairwise F1 {:.4}, {} clusters)", s.bcubed.2, s.pairwise.2, s.clusters)?;
    }
    // Shared-data files keep an event's reports together; a stream need not. The same
    // lines in a fixed shuffled order, the clusterer beside the baseline at its best.
    let shuffled = shuffle(&gold, 7);
    let shuffled_truth: Vec<usize> = shuffled.iter().map(|a| a.event).collect();
    let s = score(&run_stories(&shuffled, &config, Signals::All).0, &shuffled_truth);
    let best = best_baseline(&shuffled, &shuffled_truth).0.bcubed.2;
    writeln!(
        out,
        "  {:<22} {:.4}  (pairwise F1 {:.4}, {} clusters; tf-idf best match {best:.4})",
        "shuffled order", s.bcubed.2, s.pairwise.2, s.clusters
    )?;
    let shuffled = (s, best);
    writeln!(out, "sweep of the stories threshold (B3 F1):")?;
    for step in 2..13 {
        let t = step as f64 * 0.05;
        let shifted = StoryClusterer::shifted(&config, t - applied(&config) + config.threshold);
        let (labels, _) = run_stories(&gold, &shifted, Signals::All);
        let s = score(&labels, &truth);
        writeln!(out, "  {t:.2}  {:.4}  (pairwise F1 {:.4}, {} clusters)", s.bcubed.2, s.pairwise.2, s.clusters)?;
    }
    Ok(ClusterEval { stories, baseline, micros_per_article, shuffled })
}

/// The TF-IDF best-match baseline at its best threshold (by B-cubed F1) over
/// `gold` in its order, and that threshold.
fn best_baseline(gold: &[GoldArticle], truth: &[usize]) -> (ClusterScores, f64) {
    let baseline = Baseline::new(gold);
    let mut best: Option<(ClusterScores, f64)> = None;
    for step in 1..20 {
        let t = step as f64 * 0.05;
        let s = score(&baseline.labels(t), truth);
        if best.is_none_or(|(b, _)| s.bcubed.2 > b.bcubed.2) {
            best = Some((s, t));
        }
    }
    best.unwrap_or_default()
}

/// The articles in an order fixed by `seed` (a Fisher-Yates shuffle over xorshift64*,
/// so every run and machine sees the same order).
fn shuffle(gold: &[GoldArticle], seed: u64) -> Vec<GoldArticle> {
    let mut order: Vec<GoldArticle> = gold.to_vec();
    let mut state = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    for i in (1..order.len()).rev() {
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        let j = (state.wrapping_mul(0x2545_F491_4F6C_DD1D) % (i as u64 + 1)) as usize;
        order.swap(i, j);
    }
    order
}

/// Reads the clustering floors (`bcubed_f1`, `pairwise_f1`, and `shuffled_bcubed_f1`
/// for the lines in a shuffled order) and returns the figures that fall below them.
pub fn below_floors(floors: &Path, figures: &ClusterEval) -> Result<Vec<String>> {
    let text = std::fs::read_to_string(floors).map_err(file_error("reading", floors))?;
    let value: Value = serde_json::from_str(&text)
        .map_err(|source| Error::Json { what: format!("parsing {}", floors.display()), source })?;
    let mut misses = Vec::new();
    let checked = [
        ("bcubed_f1", figures.stories.bcubed.2),
        ("pairwise_f1", figures.stories.pairwise.2),
        ("shuffled_bcubed_f1", figures.shuffled.0.bcubed.2),
    ];
    for (name, got) in checked {
        if let Some(floor) = value.get(name).and_then(Value::as_f64)
            && got < floor
        {
            misses.push(format!("{name} {got:.4} < {floor}"));
        }
    }
    Ok(misses)
}

/// A synthetic article of story `story`: a shared common vocabulary (Zipf-like, as
/// news text is), four words and a two-word name of its own, and a byline-like
/// headline. Deterministic in its arguments.
fn synthetic_article(story: usize, variant: u64) -> (String, String) {
    let mut seed = (story as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ variant.wrapping_mul(0xD1B5_4A32_D192_ED03);
    let mut next = move || {
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        seed >> 33
    };
    let own: Vec<String> = (0..4).map(|k| format!("ev{story}x{k}")).collect();
    let name = format!("Nom{} Fam{}", story % 9973, story / 7);
    let mut text = format!("{name} said on Monday that ");
    for i in 0..150 {
        if i % 12 == 0 {
            text.push_str(&own[(next() % 4) as usize]);
        } else {
            // Rank r is drawn with probability about 1/r over 30,000 common words.
            let u = (next() % 1_000_000) as f64 / 1_000_000.0;
            let rank = (30_000f64.powf(u)) as u64;
            text.push_str(&format!("w{rank}"));
        }
        text.push(if i % 20 == 19 { '.' } else { ' ' });
        if i % 20 == 19 {
            text.push(' ');
        }
    }
    (format!("{name} and the {} {}", own[0], own[1]), text)
}

/// Cost per article as the number of stories grows: clusters `stories` synthetic
/// stories (one article each, then a second report of a recent story every tenth
/// article), printing microseconds per article for each tenth and the last.
pub fn bench(stories: usize, out: &mut impl Write) -> Result<()> {
    let mut clusterer = StoryClusterer::new(StoryConfig::default());
    let step = (stories / 10).max(1);
    let mut start = Instant::now();
    let (mut articles, mut joined, mut in_step) = (0usize, 0usize, 0usize);
    let mut max_candidates = 0;
    for story in 0..stories {
        let mut batch = vec![(story, 0u64)];
        if story % 10 == 9 {
            batch.push((story - 5, 1));
        }
        for (s, variant) in batch {
            let (title, text) = synthetic_article(s, variant);
            let id = format!("{s}-{variant}");
            let a = clusterer.assign(&StoryArticle {
                id: &id,
                title: &title,
                text: &text,
                published: None,
                source: None,
                embedding: None,
            });
            max_candidates = max_candidates.max(a.candidates);
            // Nothing here reads the revisions: taking them keeps memory bounded.
            clusterer.take_moves();
            clusterer.take_settled();
            if variant == 1 && a.story == format!("{s}-0") {
                joined += 1;
            }
            articles += 1;
            in_step += 1;
        }
        if (story + 1) % step == 0 {
            let micros = start.elapsed().as_secs_f64() * 1e6 / in_step as f64;
            writeln!(
                out,
                "{:>8} stories  {articles:>8} articles  {micros:>7.0} us per article  (most candidates scored {max_candidates})",
                clusterer.stories()
            )?;
            start = Instant::now();
            in_step = 0;
        }
    }
    writeln!(out, "second reports that joined their story: {joined} of {}", stories / 10)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A line that names no outlet is read as ingest reads it: its URL's host is the
    /// outlet (a second report from one outlet needs more evidence to join a story).
    #[test]
    fn a_line_without_a_source_takes_its_urls_host() {
        let lines = [
            r#"{"id": "a", "text": "Body.", "url": "https://www.Courier.example/2026/fire"}"#,
            r#"{"id": "b", "text": "Body.", "url": "https://courier.example/x", "source": "The Courier"}"#,
            r#"{"id": "c", "text": "Body."}"#,
            r#"{"id": "d", "text": "Body.", "url": "not a url"}"#,
        ];
        let batch: Vec<(usize, String)> = lines.iter().enumerate().map(|(n, l)| (n, l.to_string())).collect();
        let parsed = parse_batch(&batch, None).unwrap();
        let sources: Vec<Option<&str>> = parsed
            .iter()
            .map(|(_, p, _)| {
                let (value, id) = p.as_ref().unwrap();
                story_article(value, id, None).source
            })
            .collect();
        assert_eq!(sources, [Some("courier.example"), Some("The Courier"), None, None]);
    }

    /// The shuffled order is a permutation, the same on every run, and far from the
    /// file's order.
    #[test]
    fn the_shuffled_order_is_fixed_and_mixes_the_lines() {
        let gold: Vec<GoldArticle> = (0..50)
            .map(|n| GoldArticle {
                id: n.to_string(),
                title: String::new(),
                text: String::new(),
                source: String::new(),
                event: n / 5,
                vector: None,
            })
            .collect();
        let ids = |order: &[GoldArticle]| order.iter().map(|a| a.id.clone()).collect::<Vec<_>>();
        let once = ids(&shuffle(&gold, 7));
        assert_eq!(once, ids(&shuffle(&gold, 7)));
        assert_ne!(once, ids(&shuffle(&gold, 8)));
        let mut sorted: Vec<usize> = once.iter().map(|id| id.parse().unwrap()).collect();
        let in_place = sorted.iter().enumerate().filter(|&(k, &n)| k == n).count();
        assert!(in_place < 10, "{once:?}");
        sorted.sort_unstable();
        assert_eq!(sorted, (0..50).collect::<Vec<_>>());
    }

    #[test]
    fn perfect_and_lumped_clusterings_score_as_b_cubed_says() {
        let gold = [0, 0, 1, 1];
        let perfect = score(&[5, 5, 7, 7], &gold);
        assert_eq!(perfect.bcubed.2, 1.0);
        assert_eq!(perfect.pairwise.2, 1.0);
        let lumped = score(&[0, 0, 0, 0], &gold);
        assert!((lumped.bcubed.0 - 0.5).abs() < 1e-9);
        assert_eq!(lumped.bcubed.1, 1.0);
        assert!((lumped.pairwise.0 - 2.0 / 6.0).abs() < 1e-9);
        let split = score(&[0, 1, 2, 3], &gold);
        assert_eq!(split.bcubed.0, 1.0);
        assert!((split.bcubed.1 - 0.5).abs() < 1e-9);
        assert_eq!(split.pairwise.1, 0.0);
    }

    #[test]
    fn the_stream_keeps_order_and_reports_bad_lines() {
        let input = concat!(
            "{\"id\": \"a\", \"text\": \"Pilots strike at the port of Rotterdam over a new rota.\"}\n",
            "not json\n",
            "\n",
            "{\"id\": 7, \"text\": \"Rotterdam port pilots strike over the new rota, halting ships.\", \"published\": \"2024-05-01\"}\n",
            "{\"text\": \"no id\"}\n",
        );
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let report = stream(input.as_bytes(), "in.jsonl", &StoryConfig::default(), None, &mut out, &mut err).unwrap();
        assert_eq!((report.clustered, report.skipped), (2, 2));
        let lines: Vec<Value> =
            String::from_utf8(out).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
        assert_eq!(lines[0], serde_json::json!({"id": "a", "story": "a"}));
        assert_eq!(lines[1], serde_json::json!({"id": 7, "story": "a"}));
        let err = String::from_utf8(err).unwrap();
        assert!(err.contains("line 2: invalid JSON"), "{err}");
        assert!(err.contains("line 5: no \"id\""), "{err}");
    }

    #[test]
    fn published_reads_three_forms() {
        assert_eq!(parse_published(&serde_json::json!("1970-01-02")), Some(86400));
        assert_eq!(parse_published(&serde_json::json!("1970-01-01T00:01:00Z")), Some(60));
        assert_eq!(parse_published(&serde_json::json!(5)), Some(5));
        assert_eq!(parse_published(&serde_json::json!("soon")), None);
    }
}
