//! `distill eval`: the arguments of the quality measurements, which
//! [`distill_eval::eval`] makes.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Subcommand;

#[derive(Subcommand)]
pub enum EvalCommand {
    /// Score extraction on a folder with `html/*.html[.gz]` and `ground-truth.json`.
    Extract {
        /// The evaluation folder.
        dir: PathBuf,
        /// Print one line per page (worst first).
        #[arg(long)]
        per_page: bool,
        /// Fail (exit status 1) when a figure falls below its floor in this JSON file
        /// (`precision`, `recall`, `f1`, `accuracy`, `must_appear`: lowest allowed;
        /// `must_not_appear`: highest allowed share of "without" snippets present).
        #[arg(long)]
        floors: Option<PathBuf>,
    },
    /// Near-duplicate detection on a JSON Lines file of distinct articles (`text` per
    /// line): each article gets an edited copy (new headline line, byline, a dropped
    /// closing sentence, an added credit line); recall is the share of copies linked
    /// to their original, and every link between two distinct articles is a false
    /// positive. Same-event articles by different outlets (ECB+) are hard negatives.
    Dedup {
        /// JSON Lines input.
        input: PathBuf,
    },
    /// Story clustering against the `event_id` of each line of a JSON Lines file
    /// (`{event_id, title?, text}`), clustered in file order: B-cubed and pairwise
    /// precision, recall and F1, beside a TF-IDF best-match baseline at its best threshold.
    Cluster {
        /// JSON Lines input.
        input: PathBuf,
        /// The clusterer's threshold [default: its own].
        #[arg(long)]
        threshold: Option<f64>,
        /// Embed each article's title and lead with the model in this folder and blend
        /// the embedding cosine in (without it: lexical signals only).
        #[arg(long)]
        models: Option<PathBuf>,
        /// Fail (exit status 1) when `bcubed_f1` or `pairwise_f1` falls below its
        /// floor in this JSON file.
        #[arg(long)]
        floors: Option<PathBuf>,
    },
    /// Retrieval quality of keyword, semantic and hybrid search: each file is JSON
    /// Lines of `{event_id, article_id, title, text}` (e.g. the shared data's
    /// stories/allsides-neus-test.jsonl and clusters/ecbplus.jsonl); every article is
    /// indexed, every headline is a query, and the other articles on its event are the
    /// relevant ones. Prints recall@10 and MRR per mode.
    Search {
        /// JSON Lines inputs, each scored on its own.
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        /// The model folder for semantic and hybrid [default: --models / DISTILL_MODELS].
        #[arg(long = "model-dir")]
        model_dir: Option<PathBuf>,
        /// Also print an offline sweep of the fusion's constant and weights.
        #[arg(long)]
        sweep: bool,
    },
    /// Insight questions: coverage of the reference page's questions (a generated
    /// question within the encoder's cosine 0.75, and 0.70), the questions printed,
    /// and machine checks (pronouns, count, answers) over more articles.
    Insights {
        /// The reference page (the spec's `000_1b0ee3afbb123bf7.txt`).
        reference: PathBuf,
        /// JSON Lines files of `{title?, text}` whose questions are printed and checked.
        others: Vec<PathBuf>,
        /// Articles printed per file.
        #[arg(long, default_value_t = 3)]
        print: usize,
        /// The model folder [default: --models / DISTILL_MODELS].
        #[arg(long = "model-dir")]
        model_dir: Option<PathBuf>,
        /// The shared `data/` folder, to score the shipped careful-reader questions
        /// (crates/distill-eval/data/insight-questions.jsonl) too.
        #[arg(long)]
        data: Option<PathBuf>,
    },
    /// Named-entity mentions against GUM's news documents in CoNLL-U: mention
    /// precision/recall/F1 (exact span), type accuracy and typed P/R/F1 of the tagger
    /// beside a capitalisation baseline, on the tuning half, the check half and all
    /// [default: data/entities/gum-news-conllu under DISTILL_EVAL_DATA, else ../shared].
    Entities {
        /// The folder of `*.conllu` files.
        dir: Option<PathBuf>,
        /// List the tuning half's false, missed and mistyped mentions first.
        #[arg(long)]
        misses: bool,
    },
    /// Answers from the corpus: a hand-written question set (answer keys and questions
    /// the corpus cannot answer) over the inputs stored in a scratch data folder; prints
    /// covered and abstention rates, support precision and recall, ROUGE-2 recall and
    /// latency beside a lead baseline [default inputs: the shared data's
    /// summaries/cnndm-dev100.jsonl and stories/allsides-neus-test.jsonl].
    Ask {
        /// JSON Lines inputs: `{id, text}` or `{article_id, title, text}`.
        inputs: Vec<PathBuf>,
        /// The question set [default: crates/distill-eval/data/ask-questions.jsonl].
        #[arg(long)]
        questions: Option<PathBuf>,
        /// Most words of an answer.
        #[arg(long, default_value_t = 120)]
        words: usize,
        /// The model folder [default: --models / DISTILL_MODELS].
        #[arg(long = "model-dir")]
        model_dir: Option<PathBuf>,
    },
    /// Who said what against a labelled set (default: the one in
    /// crates/distill-eval/data): speaker, claim-span (token overlap) and detection
    /// precision/recall/F1, overall and per kind, for distill and a "said"-adjacent
    /// name baseline, per split (dev, test). Texts come from the shared data folder.
    Attributions {
        /// The labelled set, JSON Lines [default: the shipped one].
        file: Option<PathBuf>,
        /// The shared folder [default: DISTILL_EVAL_DATA, else ../shared].
        #[arg(long)]
        data: Option<PathBuf>,
        /// List each dev document's misses, wrong speakers and extra claims first (the
        /// test half's are never printed).
        #[arg(long)]
        misses: bool,
    },
    /// The grounding check on claims built from articles (`{text, reference}` per
    /// line): true sentences, paraphrases and reference highlights beside corrupted
    /// copies (wrong number, wrong actor, swapped roles, negation, invented quote,
    /// unsupported addition); prints rejection rates per kind, on the original text
    /// and on its lowercased, tokenized form [default inputs: the shared data's
    /// summaries/cnndm-dev100.jsonl and summaries/gum-wikinews43.jsonl].
    Verify {
        /// JSON Lines inputs, each scored on its own.
        inputs: Vec<PathBuf>,
        /// Seed of the corruptions.
        #[arg(long, default_value_t = 20)]
        seed: u64,
    },
    /// Title, byline and date accuracy on a folder whose `manifest.json` lists
    /// `{file, format, title, author, published}` (the sample corpus's format): every
    /// HTML page is extracted and its metadata compared with the manifest.
    Metadata {
        /// The folder (e.g. corpus/sample).
        dir: PathBuf,
        /// Score another extractor's values instead of distill's: JSON Lines of
        /// `{file, title, byline, published}`, `file` as the manifest names it. A
        /// `published` with no time zone is taken as the publisher's day.
        #[arg(long)]
        predictions: Option<PathBuf>,
    },
}

pub fn run(what: EvalCommand, models: Option<PathBuf>) -> anyhow::Result<ExitCode> {
    let mut out = std::io::stdout();
    match what {
        EvalCommand::Extract { dir, per_page, floors } => {
            let misses = distill_eval::eval::extract(&dir, per_page, floors.as_deref(), &mut out)?;
            for miss in &misses {
                eprintln!("below floor: {miss}");
            }
            Ok(if misses.is_empty() { ExitCode::SUCCESS } else { ExitCode::FAILURE })
        }
        EvalCommand::Search { inputs, model_dir, sweep } => {
            let models = model_dir.or_else(|| models.filter(|m| !m.as_os_str().is_empty()));
            distill_eval::search::search(&inputs, models.as_deref(), sweep, &mut out)?;
            Ok(ExitCode::SUCCESS)
        }
        EvalCommand::Insights { reference, others, print, model_dir, data } => {
            let models = model_dir.or_else(|| models.filter(|m| !m.as_os_str().is_empty()));
            distill_eval::insights::insights(&reference, &others, print, models.as_deref(), data.as_deref(), &mut out)?;
            Ok(ExitCode::SUCCESS)
        }
        EvalCommand::Dedup { input } => {
            distill_eval::eval::dedup(&input, &mut out)?;
            Ok(ExitCode::SUCCESS)
        }
        EvalCommand::Cluster { input, threshold, models, floors } => {
            let embedder = models.as_deref().map(|m| distill_eval::cluster::open_embedder(m, 2)).transpose()?;
            let figures = distill_eval::cluster::eval(&input, threshold, embedder.as_deref(), &mut out)?;
            let misses = match floors {
                Some(floors) => distill_eval::cluster::below_floors(&floors, &figures)?,
                None => Vec::new(),
            };
            for miss in &misses {
                eprintln!("below floor: {miss}");
            }
            Ok(if misses.is_empty() { ExitCode::SUCCESS } else { ExitCode::FAILURE })
        }
        EvalCommand::Entities { dir, misses } => {
            let dir = dir.unwrap_or_else(|| {
                std::env::var_os("DISTILL_EVAL_DATA")
                    .filter(|v| !v.is_empty())
                    .map_or_else(|| PathBuf::from("../shared"), PathBuf::from)
                    .join("data/entities/gum-news-conllu")
            });
            distill_eval::entities::eval(&dir, misses, &mut out)?;
            Ok(ExitCode::SUCCESS)
        }
        EvalCommand::Ask { inputs, questions, words, model_dir } => {
            let models = model_dir.or_else(|| models.filter(|m| !m.as_os_str().is_empty()));
            let inputs = if inputs.is_empty() { default_ask_corpus()? } else { inputs };
            let questions = questions.unwrap_or_else(|| {
                PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../distill-eval/data/ask-questions.jsonl"))
            });
            distill_eval::ask::eval(&questions, &inputs, models.as_deref(), words, &mut out)?;
            Ok(ExitCode::SUCCESS)
        }
        EvalCommand::Attributions { file, data, misses } => {
            let root =
                data.or_else(|| std::env::var_os("DISTILL_EVAL_DATA").filter(|v| !v.is_empty()).map(PathBuf::from));
            let root = root.unwrap_or_else(|| PathBuf::from("../shared"));
            distill_eval::attributions::eval(file.as_deref(), &root.join("data"), misses, &mut out)?;
            Ok(ExitCode::SUCCESS)
        }
        EvalCommand::Verify { inputs, seed } => {
            let inputs = if inputs.is_empty() { default_summaries()? } else { inputs };
            let paths: Vec<&std::path::Path> = inputs.iter().map(PathBuf::as_path).collect();
            distill_eval::verify::eval(&paths, seed, &mut out)?;
            Ok(ExitCode::SUCCESS)
        }
        EvalCommand::Metadata { dir, predictions } => {
            distill_eval::eval::metadata(&dir, predictions.as_deref(), &mut out)?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// The ask evaluation's corpus: CNN/DailyMail dev and the NeuS stories of the shared data.
fn default_ask_corpus() -> anyhow::Result<Vec<PathBuf>> {
    let root = std::env::var_os("DISTILL_EVAL_DATA")
        .filter(|v| !v.is_empty())
        .map_or_else(|| PathBuf::from("../shared"), PathBuf::from);
    let files = [root.join("data/summaries/cnndm-dev100.jsonl"), root.join("data/stories/allsides-neus-test.jsonl")];
    anyhow::ensure!(
        files.iter().all(|f| f.is_file()),
        "no {} (give the inputs, or set DISTILL_EVAL_DATA to the shared folder)",
        files[0].display()
    );
    Ok(files.to_vec())
}

/// The shared data's summary sets, under `DISTILL_EVAL_DATA` or `../shared`.
fn default_summaries() -> anyhow::Result<Vec<PathBuf>> {
    let root = std::env::var_os("DISTILL_EVAL_DATA")
        .filter(|v| !v.is_empty())
        .map_or_else(|| PathBuf::from("../shared"), PathBuf::from);
    let dir = root.join("data/summaries");
    let files = ["cnndm-dev100.jsonl", "gum-wikinews43.jsonl"].map(|f| dir.join(f));
    anyhow::ensure!(
        files.iter().all(|f| f.is_file()),
        "no {} (give the inputs, or set DISTILL_EVAL_DATA to the shared folder)",
        files[0].display()
    );
    Ok(files.to_vec())
}
