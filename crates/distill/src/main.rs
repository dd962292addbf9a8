//! The `distill` command line: wires the crates together and prints results.
//! Exit codes: 0 success, 1 failure (nothing could be done), 2 usage error. A failure
//! with a stable code (the API's codes) prints it: `error[not_found]: ...`.

mod ask;
mod bench;
mod cluster;
mod entity;
mod eval;
mod live;
mod render;
mod settings;
mod train;
mod verify;
mod worker;

use std::io::{IsTerminal, Write};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, bail};
use clap::{Parser, Subcommand};
use distill_library::Library;
use distill_library::code::{Code, Coded};
use distill_library::config::{Config, Loaded};
use distill_pipeline::{PipelineConfig, Progress};
use distill_search::SearchQuery;
use distill_store::{ListQuery, StoryQuery};

/// mimalloc: extraction and analysis allocate many small strings, and the system
/// allocator spent about 15% of extraction time in malloc and free.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(name = "distill", version, about = "No noise, only signal: a news intelligence engine")]
struct Cli {
    /// Data folder (SQLite store and search index) [default: ./distill-data; env: DISTILL_DATA].
    #[arg(long, global = true)]
    data: Option<PathBuf>,
    /// Shared store instead of the data folder's SQLite file: postgres://USER@HOST:PORT/DB
    /// (the data folder then holds only the search replica) [env: DISTILL_DATABASE].
    #[arg(long, global = true, value_name = "URL")]
    database: Option<String>,
    /// Configuration file (TOML) [default: config.toml in the data folder; env: DISTILL_CONFIG].
    #[arg(long, global = true)]
    config: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Ingest files or folders (HTML, text, feeds, JSON Lines, WARC; gzip too) and URLs.
    Ingest {
        /// Files, folders, or http(s) URLs of article pages.
        #[arg(required = true)]
        inputs: Vec<String>,
        /// Key points per article [default: 4; env: DISTILL_BULLETS].
        #[arg(long)]
        bullets: Option<usize>,
        /// Print the report as JSON.
        #[arg(long)]
        json: bool,
        /// Queue the inputs for `distill worker` instead of ingesting them (PostgreSQL only).
        #[arg(long)]
        enqueue: bool,
        /// With --enqueue: WARC and plain JSON Lines files larger than this are queued
        /// in slices of about this size, cut at record boundaries, so that workers
        /// share them (bytes, or with K, M or G).
        #[arg(long, default_value = "8M", value_parser = settings::parse_size)]
        slice_size: u64,
        /// Sentence encoder for semantic and hybrid search: a model folder, or a folder
        /// holding all-minilm-l6-v2/ (scripts/fetch-models.sh DIR) [env: DISTILL_MODELS].
        #[arg(long)]
        models: Option<PathBuf>,
        #[command(flatten)]
        fetch: settings::FetchArgs,
    },
    /// Manage feed subscriptions.
    Feeds {
        #[command(subcommand)]
        what: live::FeedsCommand,
    },
    /// Poll the feeds that are due, once, and store their new articles.
    Fetch {
        /// Poll every live feed, due or not.
        #[arg(long)]
        all: bool,
        /// Print JSON.
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        fetch: settings::FetchArgs,
    },
    /// Extract article text without storing anything.
    Extract {
        /// Files or folders.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// One JSON line per input (the only output format).
        #[arg(long)]
        json: bool,
    },
    /// List stored articles, newest first.
    List {
        /// Print JSON.
        #[arg(long)]
        json: bool,
        /// Most articles to list.
        #[arg(long, default_value_t = 50)]
        limit: usize,
        /// Articles to skip.
        #[arg(long, default_value_t = 0)]
        offset: usize,
    },
    /// List stories (every outlet's report of one event), the latest updated first.
    Stories {
        /// Only stories updated on this day (YYYY-MM-DD, UTC) or later.
        #[arg(long)]
        since: Option<String>,
        /// Print JSON.
        #[arg(long)]
        json: bool,
        /// Most stories to list.
        #[arg(long, default_value_t = 50)]
        limit: usize,
        /// Stories to skip.
        #[arg(long, default_value_t = 0)]
        offset: usize,
    },
    /// Show one story: key points across its sources, its articles, its timeline.
    Story {
        /// Story id (the id of its first article; see `distill stories`).
        id: String,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Show one article: key points, body, insights.
    Show {
        /// Article id.
        id: String,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Search titles and bodies.
    Search {
        /// Query: words, "phrases", +must, -not, title:word.
        query: String,
        /// Print JSON.
        #[arg(long)]
        json: bool,
        /// Most hits.
        #[arg(long, default_value_t = 10)]
        limit: usize,
        /// Only this source.
        #[arg(long)]
        source: Option<String>,
        /// Published on or after this day (YYYY-MM-DD), as the publisher dates it.
        #[arg(long)]
        since: Option<String>,
        /// Published before this day (YYYY-MM-DD), as the publisher dates it.
        #[arg(long)]
        until: Option<String>,
        /// Also show near-duplicate copies (by default each story appears once).
        #[arg(long)]
        all: bool,
        /// Ranking: keyword (BM25), semantic (embeddings) or hybrid (both, fused)
        /// [default: hybrid with a model (--models), else keyword].
        #[arg(long)]
        mode: Option<String>,
        /// Sentence encoder for semantic and hybrid search: a model folder, or a folder
        /// holding all-minilm-l6-v2/ (scripts/fetch-models.sh DIR) [env: DISTILL_MODELS].
        #[arg(long)]
        models: Option<PathBuf>,
    },
    /// Answer a question from the stored articles, with citations (or say they hold no answer).
    Ask(ask::AskArgs),
    /// Show a person, organisation, place or event across the stored articles: mentions
    /// over time, the articles, who is named beside it, what it said.
    Entity(entity::EntityArgs),
    /// Check a claim against the stored articles (supported, contradicted or not
    /// found, with the deciding sentences); given an existing file, check each line's
    /// summary against its text instead (JSON Lines, no store).
    Verify(verify::VerifyArgs),
    /// Key points for each line {"id","text","title"?} of a JSON Lines file; no store.
    /// With --by FIELD, one summary per story: the lines sharing FIELD's value.
    Summarize {
        /// Input JSON Lines file.
        input: PathBuf,
        /// Key points per text [default: 4; env: DISTILL_BULLETS].
        #[arg(long)]
        bullets: Option<usize>,
        /// "extractive" (the default), "lead" for the first sentences (a baseline),
        /// or with --by "round-robin": each article's first sentence in turn (a baseline).
        #[arg(long, default_value = "extractive", value_parser = ["extractive", "lead", "round-robin"])]
        method: String,
        /// Treat lines sharing this field's value as one story and print
        /// {"story", "bullets": [{"text", "citations": [{"id", "sentence"}]}]} per story.
        #[arg(long)]
        by: Option<String>,
        /// Most words of a story's bullets in all (with --by).
        #[arg(long, default_value_t = 100)]
        words: usize,
        /// A generator rewrites each key point as one plain sentence; a rewrite is kept
        /// only if the grounding check holds it to the point's sentences, and each line
        /// then reads {"text", "citations", "method": "extractive"|"generated"} in "lines".
        #[command(flatten)]
        generator: settings::GeneratorArgs,
    },
    /// Story for each line {"id","text","title"?,"published"?} of a JSON Lines file, in order; no store.
    Cluster(cluster::ClusterArgs),
    /// Serve the web app and JSON API, polling due feeds in the background.
    Serve {
        /// Address to listen on [default: 127.0.0.1:8080; env: DISTILL_ADDR].
        #[arg(long)]
        addr: Option<SocketAddr>,
        /// How often to look for due feeds [default: 60s; env: DISTILL_POLL_EVERY].
        #[arg(long, value_parser = settings::parse_duration)]
        poll_every: Option<std::time::Duration>,
        /// Do not poll feeds [env: DISTILL_NO_POLL].
        #[arg(long, num_args = 0..=1, require_equals = true, default_missing_value = "true", value_name = "BOOL")]
        no_poll: Option<bool>,
        /// Sentence encoder for semantic and hybrid search: a model folder, or a folder
        /// holding all-minilm-l6-v2/ (scripts/fetch-models.sh DIR) [env: DISTILL_MODELS].
        #[arg(long)]
        models: Option<PathBuf>,
        #[command(flatten)]
        fetch: settings::FetchArgs,
        /// A generator for answers on the ask page and API (streamed to the page; only
        /// sentences the grounding check supports are kept).
        #[command(flatten)]
        generator: settings::GeneratorArgs,
    },
    /// Ingest the bundled sample corpus into a fresh data folder and serve it.
    Demo {
        /// Address to listen on [default: 127.0.0.1:8080; env: DISTILL_ADDR].
        #[arg(long)]
        addr: Option<SocketAddr>,
        /// The sample corpus folder.
        #[arg(long)]
        corpus: Option<PathBuf>,
    },
    /// Ingest the inputs queued with `ingest --enqueue`, one job at a time (PostgreSQL only;
    /// any number of workers, on any number of machines).
    Worker {
        /// Exit once no job is waiting or running.
        #[arg(long)]
        until_idle: bool,
        /// Jobs run at once in this process, each by a worker of its own.
        #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u16).range(1..=64))]
        concurrency: u16,
        /// Seconds a worker holds a job before another may take it over (a worker
        /// that died mid-job leaves it to the next after this).
        #[arg(long, default_value_t = 600, value_parser = clap::value_parser!(u64).range(1..=86_400))]
        lease: u64,
        /// Attempts at a job before it is dead (retried after 10 s, 20 s, 40 s... up to 10 min).
        #[arg(long, default_value_t = 5, value_parser = clap::value_parser!(u32).range(1..=100))]
        attempts: u32,
    },
    /// The job queue: how many jobs wait, run, are done and are dead, and why the dead
    /// ones failed (PostgreSQL only).
    Jobs {
        /// Dead jobs to list, with their last errors.
        #[arg(long, default_value_t = 20)]
        dead: usize,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Rebuild the search index from the store, and file every article under stories again.
    Reindex,
    /// Print the effective configuration and where each value came from
    /// (defaults < file < environment < flags).
    Config {
        /// Print JSON: the values, and each key's source.
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        settings: settings::SettingArgs,
    },
    /// Measure throughput.
    Bench {
        #[command(subcommand)]
        what: bench::BenchCommand,
    },
    /// Measure quality against gold data.
    Eval {
        #[command(subcommand)]
        what: eval::EvalCommand,
    },
    /// Train the models that ship inside distill on gold data.
    Train {
        #[command(subcommand)]
        what: train::TrainCommand,
    },
}

fn main() -> ExitCode {
    restore_sigpipe();
    let cli = Cli::parse();
    // A configuration that cannot be used is a usage error, like a bad flag.
    let loaded = match distill_library::config::load(&settings::layers(cli.config.clone(), flags(&cli)))
        .map_err(anyhow::Error::from)
        .and_then(|loaded| init_logging(&loaded).map(|()| loaded))
    {
        Ok(loaded) => loaded,
        Err(e) => {
            eprintln!("error: {e:#}");
            return ExitCode::from(2);
        }
    };
    match run(cli, &loaded) {
        Ok(code) => code,
        Err(e) => {
            match Code::of(e.as_ref()) {
                Some(code) => eprintln!("error[{code}]: {e:#}"),
                None => eprintln!("error: {e:#}"),
            }
            ExitCode::FAILURE
        }
    }
}

/// `distill list | head` must end quietly when `head` closes the pipe, as other
/// command-line tools do, instead of panicking on a failed write.
fn restore_sigpipe() {
    #[cfg(unix)]
    // SAFETY: called first thing in main, before any thread exists; SIG_DFL is a
    // valid disposition for SIGPIPE.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}

fn init_logging(loaded: &Loaded) -> anyhow::Result<()> {
    let filter = settings::log_filter(loaded)?;
    let _ = tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr).try_init();
    Ok(())
}

/// The settings given as flags, for the top layer of the configuration.
fn flags(cli: &Cli) -> settings::Flags {
    let mut flags = settings::Flags::default();
    flags.data(&cli.data).database(&cli.database);
    if let Command::Search { models, .. } | Command::Serve { models, .. } | Command::Ingest { models, .. } =
        &cli.command
    {
        flags.models(models);
    }
    if let Command::Ask(args) = &cli.command {
        flags.models(&args.models).generator(&args.generator);
    }
    match &cli.command {
        Command::Ingest { bullets, fetch, .. } => flags.bullets(*bullets).fetch(fetch),
        Command::Fetch { fetch, .. } => flags.fetch(fetch),
        Command::Feeds { what: live::FeedsCommand::Add { interval, fetch, .. } } => {
            flags.interval(*interval).fetch(fetch)
        }
        Command::Feeds { what: live::FeedsCommand::Import { interval, .. } } => flags.interval(*interval),
        Command::Summarize { bullets, generator, .. } => flags.bullets(*bullets).generator(generator),
        Command::Serve { addr, poll_every, no_poll, fetch, generator, .. } => {
            flags.addr(*addr).poll_every(*poll_every).no_poll(*no_poll).fetch(fetch).generator(generator)
        }
        Command::Demo { addr, .. } => flags.addr(*addr),
        Command::Config { settings, .. } => flags.settings(settings),
        _ => &mut flags,
    };
    flags
}

/// Opens the data folder with the configured sentence encoder, if any.
/// Prints a view as JSON (`--json`) or as text for people.
fn print_view<T: serde::Serialize>(view: &T, json: bool, text: fn(&T) -> String) -> anyhow::Result<ExitCode> {
    if json {
        println!("{}", serde_json::to_string(view)?);
    } else {
        print!("{}", text(view));
    }
    Ok(ExitCode::SUCCESS)
}

fn open_library(data: &Path, database: &str, models: &Path) -> anyhow::Result<Library> {
    let models = (!models.as_os_str().is_empty()).then_some(models);
    Library::open_with(data, database, models).with_context(|| format!("opening data folder {}", data.display()))
}

/// Says once, on stderr, why search is keyword only, and how to change that.
fn note_keyword_only(library: &Library, models: &Path) {
    if library.index.semantic_available() {
        return;
    }
    let why = if models.as_os_str().is_empty() {
        "no model folder is configured (--models DIR or DISTILL_MODELS)".to_string()
    } else if distill_search::find_model(models).is_none() {
        format!("no model in {} (it should hold all-minilm-l6-v2/)", models.display())
    } else {
        format!("the model in {} does not load", models.display())
    };
    eprintln!("note: search is keyword only: {why}; get the model with scripts/fetch-models.sh DIR");
}

fn run(cli: Cli, loaded: &Loaded) -> anyhow::Result<ExitCode> {
    let settings: &Config = &loaded.config;
    let data = &settings.data;
    let open = |data: &Path| open_library(data, &settings.database, &settings.models);
    match cli.command {
        Command::Ingest { inputs, enqueue: true, slice_size, .. } => worker::enqueue(settings, &inputs, slice_size),
        Command::Jobs { dead, json } => worker::jobs(settings, dead, json),
        Command::Worker { until_idle, concurrency, lease, attempts } => {
            let worker = distill_pipeline::worker::WorkerConfig {
                until_idle,
                lease: std::time::Duration::from_secs(lease),
                retry: distill_store::QueueConfig { max_attempts: attempts, ..Default::default() },
                ..Default::default()
            };
            worker::run(&open(data)?, settings, &worker, usize::from(concurrency))
        }
        Command::Ingest { inputs, json, .. } => {
            let library = open(data)?;
            let config = settings::pipeline_config(settings);
            let (urls, paths): (Vec<String>, Vec<String>) =
                inputs.into_iter().partition(|i| i.starts_with("http://") || i.starts_with("https://"));
            let paths: Vec<PathBuf> = paths.into_iter().map(PathBuf::from).collect();
            let mut report = if paths.is_empty() {
                distill_pipeline::Report::default()
            } else {
                ingest_with_progress(&library, &paths, &config)?
            };
            if !urls.is_empty() {
                let fetched = live::ingest_urls(&library, &urls, &settings.fetch, &config)?;
                report.ingested += fetched.ingested;
                report.updated += fetched.updated;
                report.unchanged += fetched.unchanged;
                report.bytes += fetched.bytes;
                report.skipped.extend(fetched.skipped);
            }
            if json {
                println!("{}", serde_json::to_string(&report)?);
            } else {
                println!(
                    "ingested {}, updated {}, unchanged {}, skipped {}",
                    report.ingested,
                    report.updated,
                    report.unchanged,
                    report.skipped.len()
                );
                live::print_skips(&report.skipped);
            }
            Ok(if report.present() > 0 { ExitCode::SUCCESS } else { ExitCode::FAILURE })
        }
        Command::Feeds { what } => live::feeds(&open(data)?, what, settings),
        Command::Fetch { all, json, .. } => live::fetch(&open(data)?, settings, all, json),
        Command::Extract { paths, json: _ } => extract(&paths),
        Command::List { json, limit, offset } => {
            let library = open(data)?;
            let items = library.store.list(&ListQuery { limit, offset, originals_only: false })?;
            let mut out = std::io::stdout().lock();
            if json {
                writeln!(out, "{}", serde_json::to_string(&items)?)?;
            } else {
                for a in &items {
                    let date =
                        a.published.map(|d| d.format("%Y-%m-%d").to_string()).unwrap_or_else(|| "----------".into());
                    let copy = a.duplicate_of.as_deref().map(|o| format!("  [copy of {o}]")).unwrap_or_default();
                    writeln!(
                        out,
                        "{}  {}  {}  ({}){copy}",
                        a.id,
                        date,
                        a.title,
                        a.source.as_deref().unwrap_or("unknown source")
                    )?;
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Stories { since, json, limit, offset } => {
            let library = open(data)?;
            let since = since
                .map(|s| {
                    distill_core::time::parse_date(&s).map(|d| d.to_utc()).ok_or_else(|| {
                        Coded::new(Code::BadDate, format!("--since: cannot read {s:?} as a date (use YYYY-MM-DD)"))
                    })
                })
                .transpose()?;
            let (stories, total) = library.stories(&StoryQuery { limit, offset, since })?;
            if json {
                println!("{}", serde_json::to_string(&serde_json::json!({"total": total, "stories": stories}))?);
            } else {
                print!("{}", render::stories_text(&stories, total));
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Story { id, json } => {
            let library = open(data)?;
            let Some(view) = library.story(&id)? else {
                let message = format!("no story with id {id:?} (see `distill stories`)");
                return Err(Coded::new(Code::NotFound, message).into());
            };
            print_view(&view, json, render::story_text)
        }
        Command::Show { id, json } => {
            let library = open(data)?;
            let Some(view) = library.article(&id)? else {
                let message = format!("no article with id {id:?} (see `distill list`)");
                return Err(Coded::new(Code::NotFound, message).into());
            };
            print_view(&view, json, render::article_text)
        }
        Command::Search { query, json, limit, source, since, until, all, mode, .. } => {
            let library = open(data)?;
            let mode = mode
                .map(|m| m.parse().map_err(|e: String| Coded::new(Code::BadParameter, format!("--mode: {e}"))))
                .transpose()?;

            let date = |name: &str, v: Option<String>| -> anyhow::Result<_> {
                v.map(|s| {
                    distill_core::time::parse_date(&s).map(|d| d.date_naive()).ok_or_else(|| {
                        Coded::new(Code::BadDate, format!("--{name}: cannot read {s:?} as a date (use YYYY-MM-DD)"))
                    })
                })
                .transpose()
                .map_err(anyhow::Error::from)
            };
            let q = SearchQuery {
                text: query,
                limit,
                offset: 0,
                source,
                since: date("since", since)?,
                until: date("until", until)?,
                include_duplicates: all,
                mode,
            };
            let results = library.search(&q)?;
            if q.mode.is_none() {
                note_keyword_only(&library, &settings.models);
            }
            if json {
                println!("{}", serde_json::to_string(&results)?);
            } else {
                println!("{} matching articles ({} search)", results.total, results.mode);
                let facet = |name: &str, counts: &[distill_search::FacetCount]| {
                    if !counts.is_empty() {
                        let list: Vec<String> =
                            counts.iter().take(8).map(|c| format!("{} {}", c.value, c.count)).collect();
                        println!("  by {name}: {}", list.join(", "));
                    }
                };
                if results.facets_counted < results.total {
                    println!("  (counted in the best {} matches)", results.facets_counted);
                }
                facet("source", &results.facets.source);
                facet("language", &results.facets.language);
                facet("month", &results.facets.month);
                for hit in &results.hits {
                    let date = hit.published.map(|d| d.format("%Y-%m-%d").to_string()).unwrap_or_default();
                    println!("\n{}  {}  [{} {}]", hit.id, hit.title, hit.source.as_deref().unwrap_or(""), date);
                    println!("  {}", render::snippet_text(&hit.snippet, &hit.highlights));
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Ask(args) => ask::run(&open(data)?, args, &settings.generator),
        Command::Entity(args) => entity::run(&open(data)?, args),
        Command::Verify(args) if verify::is_input_file(&args) => verify::run_file(&args),
        Command::Verify(args) => verify::run(&open(data)?, args),
        Command::Summarize { input, method, by: Some(field), words, .. } => {
            summarize_by(&input, &field, words, &method)
        }
        Command::Summarize { input, method, .. } => {
            let generator = distill_library::grounded::open_generator(&settings.generator)
                .map_err(|e| Coded::new(Code::BadParameter, e.to_string()))?;
            summarize(&input, &settings::summary_config(settings), &method, generator.as_deref())
        }
        Command::Cluster(args) => cluster::run(&args),
        Command::Serve { .. } => {
            let generator = distill_library::grounded::open_generator(&settings.generator)
                .map_err(|e| Coded::new(Code::BadParameter, e.to_string()))?;
            if let Some(g) = &generator {
                eprintln!("answers on the ask page are also written by {} and checked against their sources", g.name());
            }
            let models = (!settings.models.as_os_str().is_empty()).then_some(settings.models.as_path());
            let library = Library::open_serving(data, &settings.database, models)
                .with_context(|| format!("opening data folder {}", data.display()))?
                .with_generator(generator);
            note_keyword_only(&library, &settings.models);
            match library.sync_index() {
                // A search node serves its replica while the database is away, and
                // catches up once it is back.
                Err(e) if e.is_unreachable() => {
                    eprintln!("warning: {e}; serving the search replica in {} until it returns", data.display())
                }
                other => {
                    other?;
                    // A folder written before stories existed: its articles are filed once.
                    let filed = distill_pipeline::stories::file_unfiled(library.store.as_ref(), &library.index)?;
                    if filed > 0 {
                        eprintln!("filed {filed} stored articles under stories");
                    }
                }
            }
            let serve_settings = &settings.serve;
            let poller = (!serve_settings.no_poll)
                .then(|| {
                    settings::fetcher(&settings.fetch).map(|f| Poller {
                        fetcher: f,
                        pipeline: settings::pipeline_config(settings),
                        every: serve_settings.poll_every.0,
                    })
                })
                .transpose()?;
            serve(library, serve_settings.addr, poller)
        }
        Command::Demo { corpus, .. } => {
            let addr = settings.serve.addr;
            let corpus = corpus.or_else(find_corpus).context("sample corpus not found; pass --corpus DIR")?;
            // Start fresh, but never wipe a library that the demo did not make.
            // The folder's own configuration, which shaped this run, stays.
            let marker = data.join(".distill-demo");
            let config_file = data.join(distill_library::config::FILE_NAME);
            let kept = std::fs::read(&config_file).ok();
            if data.exists() {
                let empty = std::fs::read_dir(data)
                    .map(|mut d| d.all(|e| e.is_ok_and(|e| e.file_name() == distill_library::config::FILE_NAME)))
                    .unwrap_or(false);
                if !empty && !marker.exists() {
                    bail!(
                        "refusing to replace {}: it holds a library that `distill demo` did not make; pass --data to choose another folder",
                        data.display()
                    );
                }
                std::fs::remove_dir_all(data).with_context(|| format!("clearing {}", data.display()))?;
            }
            std::fs::create_dir_all(data)?;
            if let Some(kept) = kept {
                std::fs::write(&config_file, kept).with_context(|| format!("writing {}", config_file.display()))?;
            }
            std::fs::write(&marker, "made by `distill demo`; the demo replaces this folder on every run\n")?;
            let library = open(data)?;
            let report = ingest_with_progress(&library, &[corpus], &settings::pipeline_config(settings))?;
            eprintln!("demo: ingested {} articles into {}", report.present(), data.display());
            serve(library, addr, None)
        }
        Command::Reindex => {
            let library = open(data)?;
            let n = library.index.rebuild(library.store.as_ref())?;
            println!("reindexed {n} articles");
            let started = std::time::Instant::now();
            let filed = distill_pipeline::stories::refile(library.store.as_ref(), Some(library.index.clone()))?;
            let stories = library.store.count_stories(&Default::default())?;
            println!("filed {filed} articles under {stories} stories in {:.1} s", started.elapsed().as_secs_f64());
            Ok(ExitCode::SUCCESS)
        }
        Command::Config { json, .. } => {
            if json {
                println!("{}", serde_json::to_string_pretty(&settings::to_json(loaded))?);
            } else {
                print!("{}", loaded.to_annotated_toml());
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Bench { what } => bench::run(what, data),
        Command::Eval { what } => eval::run(what, Some(settings.models.clone())),
        Command::Train { what } => train::run(what),
    }
}

/// The sample corpus: beside the working directory, or in the source tree.
fn find_corpus() -> Option<PathBuf> {
    [PathBuf::from("corpus/sample"), Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus/sample")]
        .into_iter()
        .find(|p| p.is_dir())
}

/// The background feed polling of `serve`: its fetcher, pipeline and period.
struct Poller {
    fetcher: std::sync::Arc<distill_ingest::Fetcher>,
    pipeline: PipelineConfig,
    every: std::time::Duration,
}

/// Serves the app; with a poller, due feeds are fetched in the background.
fn serve(library: Library, addr: SocketAddr, poller: Option<Poller>) -> anyhow::Result<ExitCode> {
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    runtime.block_on(async {
        if let Some(p) = poller {
            tokio::spawn(live::poll_forever(library.clone(), p.fetcher, p.pipeline, p.every));
        }
        distill_server::serve(library, addr, |bound| {
            println!("serving on http://{bound}/");
            let _ = std::io::stdout().flush();
        })
        .await
    })?;
    Ok(ExitCode::SUCCESS)
}

/// A progress bar on a terminal; structured logs elsewhere.
struct Bar(Option<indicatif::ProgressBar>);

impl Progress for Bar {
    fn start(&self, files: u64) {
        if let Some(bar) = &self.0 {
            bar.set_length(files);
        } else {
            tracing::info!(files, "ingest started");
        }
    }
    fn advance(&self, n: u64) {
        if let Some(bar) = &self.0 {
            bar.inc(n);
        }
    }
}

fn ingest_with_progress(
    library: &Library,
    paths: &[PathBuf],
    config: &PipelineConfig,
) -> anyhow::Result<distill_pipeline::Report> {
    let bar = std::io::stderr().is_terminal().then(|| {
        let bar = indicatif::ProgressBar::new(0);
        bar.set_style(
            indicatif::ProgressStyle::with_template("{spinner} {bar:40} {pos}/{len} files  {per_sec}  eta {eta}")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        bar
    });
    let progress = Bar(bar);
    let report = distill_pipeline::ingest(library, paths, config, &progress)?;
    if let Some(bar) = progress.0 {
        bar.finish_and_clear();
    }
    Ok(report)
}

fn extract(paths: &[PathBuf]) -> anyhow::Result<ExitCode> {
    let config = PipelineConfig::default();
    let (files, skips) = distill_ingest::collect_files(paths);
    let mut out = std::io::stdout().lock();
    let mut any = false;
    for skip in &skips {
        eprintln!("skipped {}: {}", skip.origin, skip.reason);
    }
    for file in files {
        for item in distill_ingest::read_file(&file, &config.read) {
            match item.and_then(|item| distill_pipeline::extract_item(&item, &config).map(|doc| (item.origin, doc))) {
                Ok((origin, doc)) => {
                    any = true;
                    let line = serde_json::json!({
                        "path": origin,
                        "title": doc.title,
                        "byline": doc.byline,
                        "published": doc.published.map(|d| d.to_rfc3339()),
                        "language": doc.language,
                        "url": doc.url,
                        "text": doc.text,
                    });
                    writeln!(out, "{line}")?;
                }
                Err(skip) => eprintln!("skipped {}: {}", skip.origin, skip.reason),
            }
        }
    }
    Ok(if any { ExitCode::SUCCESS } else { ExitCode::FAILURE })
}

/// `summarize --by FIELD`: one story summary per value of FIELD; exit 1 when a line was skipped.
fn summarize_by(input: &Path, field: &str, words: usize, method: &str) -> anyhow::Result<ExitCode> {
    use distill_eval::story_summary::StoryMethod;
    let method = match method {
        "lead" => StoryMethod::Lead,
        "round-robin" => StoryMethod::RoundRobin,
        _ => StoryMethod::Extractive,
    };
    let file = std::fs::File::open(input).with_context(|| format!("opening {}", input.display()))?;
    let report = distill_eval::story_summary::summarize_by(
        std::io::BufReader::new(file),
        &input.display().to_string(),
        field,
        words,
        method,
        &mut std::io::stdout().lock(),
        &mut std::io::stderr().lock(),
    )?;
    Ok(if report.skipped == 0 { ExitCode::SUCCESS } else { ExitCode::FAILURE })
}

fn summarize(
    input: &Path,
    config: &distill_nlp::SummaryConfig,
    method: &str,
    generator: Option<&dyn distill_library::grounded::Generator>,
) -> anyhow::Result<ExitCode> {
    use std::io::BufRead;
    anyhow::ensure!(
        method != "round-robin",
        "--method round-robin needs --by FIELD (it takes turns between a story's articles)"
    );
    let bullets = config.bullets;
    let file = std::fs::File::open(input).with_context(|| format!("opening {}", input.display()))?;
    let mut out = std::io::stdout().lock();
    let mut failed = 0;
    for (n, line) in std::io::BufReader::new(file).lines().enumerate() {
        let line = line.with_context(|| format!("reading {}", input.display()))?;
        if line.trim().is_empty() {
            continue;
        }
        let value: serde_json::Value = match serde_json::from_str(&line) {
            Ok(v) => v,
            Err(e) => {
                eprintln!("skipped {}#line-{}: invalid JSON: {e}", input.display(), n + 1);
                failed += 1;
                continue;
            }
        };
        let text = value.get("text").and_then(|t| t.as_str()).unwrap_or("");
        let title = value.get("title").and_then(|t| t.as_str()).unwrap_or("");
        let (sentences, summary) = if method == "lead" {
            let sentences = distill_nlp::split_sentences(text);
            let summary = distill_nlp::summary::lead(&sentences, bullets);
            (sentences, summary)
        } else {
            let analysis = distill_nlp::analyze(title, text, config);
            (analysis.sentences, analysis.summary)
        };
        let id = value.get("id").cloned().unwrap_or(serde_json::Value::Null);
        let Some(generator) = generator else {
            let bullets: Vec<&str> = summary.bullets.iter().map(|b| b.text.as_str()).collect();
            writeln!(out, "{}", serde_json::json!({"id": id, "bullets": bullets}))?;
            continue;
        };
        let (summary, note) = distill_library::grounded::rewrite_key_points(generator, title, &sentences, &summary);
        if let Some(error) = &note.error {
            eprintln!(
                "{}#line-{}: the generator failed, key points kept as extracted: {error}",
                input.display(),
                n + 1
            );
        }
        let bullets: Vec<&str> = summary.bullets.iter().map(|b| b.text.as_str()).collect();
        writeln!(
            out,
            "{}",
            serde_json::json!({"id": id, "bullets": bullets, "lines": summary.bullets, "generation": note})
        )?;
    }
    Ok(if failed == 0 { ExitCode::SUCCESS } else { ExitCode::FAILURE })
}
