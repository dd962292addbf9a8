//! The live-web commands: `feeds`, `fetch`, URLs given to `ingest`, and the
//! background polling of `serve`.

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;
use clap::Subcommand;
use distill_ingest::Fetcher;
use distill_library::Library;
use distill_library::config::{Config, FetchSettings};
use distill_pipeline::subscriptions::{self, NewFeed};
use distill_pipeline::{FeedOutcome, FeedSelection, PipelineConfig, PollConfig};

use crate::settings::{self, FetchArgs, parse_duration};

/// `distill feeds ...`
#[derive(Subcommand, Debug)]
pub enum FeedsCommand {
    /// Subscribe to a feed (and fetch it once, unless --no-fetch).
    Add {
        /// Feed URL (RSS, Atom or JSON Feed).
        url: String,
        /// Time between polls, e.g. 15m, 1h [default: 15m; env: DISTILL_INTERVAL].
        #[arg(long, value_parser = parse_duration)]
        interval: Option<Duration>,
        /// A name for the feed (default: the feed's own title).
        #[arg(long)]
        title: Option<String>,
        /// A folder for the feed (kept in OPML exports).
        #[arg(long)]
        category: Option<String>,
        /// Only subscribe; fetch at the next `distill fetch`.
        #[arg(long)]
        no_fetch: bool,
        #[command(flatten)]
        fetch: FetchArgs,
    },
    /// List subscriptions with their state.
    List {
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Unsubscribe (articles already stored stay).
    Remove {
        /// Feed URL.
        url: String,
    },
    /// Subscribe to every feed of an OPML file.
    Import {
        /// The OPML file.
        file: PathBuf,
        /// Time between polls for the imported feeds [default: 15m; env: DISTILL_INTERVAL].
        #[arg(long, value_parser = parse_duration)]
        interval: Option<Duration>,
    },
    /// Write the subscriptions as OPML 2.0.
    Export {
        /// Output file (default: standard output).
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
}

fn runtime() -> anyhow::Result<tokio::runtime::Runtime> {
    Ok(tokio::runtime::Builder::new_multi_thread().enable_all().build()?)
}

/// `distill feeds ...`; the flags are already in `config`.
pub fn feeds(library: &Library, what: FeedsCommand, config: &Config) -> anyhow::Result<ExitCode> {
    let interval = config.feeds.interval.0;
    match what {
        FeedsCommand::Add { url, interval: _, title, category, no_fetch, fetch: _ } => {
            let feed = NewFeed { url, interval, title, category };
            let (url, added) = subscriptions::subscribe(library, &feed, settings::reach(&config.fetch))?;
            println!("{} {url} (every {})", if added { "added" } else { "updated" }, human(interval));
            if no_fetch {
                return Ok(ExitCode::SUCCESS);
            }
            let outcomes = poll(library, config, &FeedSelection::One(url))?;
            print_outcomes(&outcomes);
            Ok(if outcomes.iter().any(|o| o.error.is_some()) { ExitCode::FAILURE } else { ExitCode::SUCCESS })
        }
        FeedsCommand::List { json } => {
            let feeds = library.feeds()?;
            if json {
                println!("{}", serde_json::to_string(&feeds)?);
                return Ok(ExitCode::SUCCESS);
            }
            if feeds.is_empty() {
                println!("no feeds (add one with `distill feeds add URL`)");
            }
            for status in &feeds {
                let state = status.label();
                let f = &status.feed;
                println!("{}  [{state}]  {}", f.url, f.title.as_deref().unwrap_or("(untitled)"));
                let checked =
                    f.last_checked.map(|t| t.format("%Y-%m-%d %H:%M UTC").to_string()).unwrap_or("never".into());
                let next = if f.dead {
                    "not polled (add it again to revive)".to_string()
                } else {
                    f.next_due.format("%Y-%m-%d %H:%M UTC").to_string()
                };
                println!(
                    "    every {}, last checked {checked}, next due {next}",
                    human(Duration::from_secs(f.interval_secs))
                );
                if let Some(error) = &f.last_error {
                    println!("    last error: {error}");
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        FeedsCommand::Remove { url } => {
            if !subscriptions::unsubscribe(library, &url)? {
                let message = format!("no feed {url:?} (see `distill feeds list`)");
                return Err(distill_library::code::Coded::new(distill_library::Code::NotFound, message).into());
            }
            println!("removed {url}");
            Ok(ExitCode::SUCCESS)
        }
        FeedsCommand::Import { file, interval: _ } => {
            let bytes = std::fs::read(&file).with_context(|| format!("reading {}", file.display()))?;
            let imported = subscriptions::import_opml(library, &bytes, interval)
                .map_err(|e| anyhow::anyhow!("{}: {e}", file.display()))?;
            for skip in &imported.skipped {
                eprintln!("skipped {}: {}", skip.origin, skip.reason);
            }
            println!(
                "imported {} feeds, {} already subscribed, {} skipped",
                imported.added,
                imported.updated,
                imported.skipped.len()
            );
            Ok(ExitCode::SUCCESS)
        }
        FeedsCommand::Export { output } => {
            let opml = subscriptions::export_opml(library)?;
            match output {
                Some(path) => std::fs::write(&path, opml).with_context(|| format!("writing {}", path.display()))?,
                None => print!("{opml}"),
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn poll(library: &Library, config: &Config, selection: &FeedSelection) -> anyhow::Result<Vec<FeedOutcome>> {
    let fetcher = settings::fetcher(&config.fetch)?;
    let pipeline = settings::pipeline_config(config);
    Ok(runtime()?.block_on(distill_pipeline::poll_feeds(
        library,
        fetcher,
        &pipeline,
        &PollConfig::default(),
        selection,
    ))?)
}

/// `distill fetch`: one polling pass.
pub fn fetch(library: &Library, config: &Config, all: bool, json: bool) -> anyhow::Result<ExitCode> {
    let selection = if all { FeedSelection::All } else { FeedSelection::Due };
    let outcomes = poll(library, config, &selection)?;
    if json {
        println!("{}", serde_json::to_string(&outcomes)?);
    } else {
        print_outcomes(&outcomes);
        if outcomes.is_empty() {
            let feeds = library.store.feeds()?;
            let now = chrono::Utc::now();
            let taken = feeds.iter().filter(|f| selection.takes(f, now)).count();
            let next = feeds.iter().filter(|f| !f.dead).map(|f| f.next_due).min();
            match next {
                // Claimed by a poller elsewhere (another `fetch` or `serve` on this store).
                _ if taken > 0 => println!("{taken} feeds are being fetched by another process"),
                Some(next) => println!("no feed is due; next at {}", next.format("%Y-%m-%d %H:%M:%S UTC")),
                None => println!("no feeds to fetch (add one with `distill feeds add URL`)"),
            }
        }
    }
    let failed = outcomes.iter().filter(|o| o.error.is_some()).count();
    Ok(if failed > 0 && failed == outcomes.len() { ExitCode::FAILURE } else { ExitCode::SUCCESS })
}

pub fn print_outcomes(outcomes: &[FeedOutcome]) {
    for o in outcomes {
        let next = o.next_due.format("%Y-%m-%d %H:%M:%S UTC");
        match &o.error {
            Some(error) => println!("{}  {}: {error}; next try {next}", o.url, o.status),
            None => println!(
                "{}  {}: {} new, {} unchanged, {} skipped; next due {next}",
                o.url,
                o.status,
                o.new,
                o.unchanged,
                o.skipped.len()
            ),
        }
        print_skips(&o.skipped);
    }
    if !outcomes.is_empty() {
        let new: usize = outcomes.iter().map(|o| o.new).sum();
        let unchanged: usize = outcomes.iter().map(|o| o.unchanged).sum();
        let failed = outcomes.iter().filter(|o| o.error.is_some()).count();
        println!("fetched {} feeds: {new} new articles, {unchanged} unchanged, {failed} failed", outcomes.len());
    }
}

/// Fetches pages given to `ingest` as URLs.
pub fn ingest_urls(
    library: &Library,
    urls: &[String],
    fetch: &FetchSettings,
    config: &PipelineConfig,
) -> anyhow::Result<distill_pipeline::Report> {
    let fetcher = settings::fetcher(fetch)?;
    Ok(runtime()?.block_on(distill_pipeline::ingest_urls(library, fetcher, urls, config))?)
}

/// Polls due feeds forever, every `every`, printing what each pass did.
pub async fn poll_forever(library: Library, fetcher: Arc<Fetcher>, config: PipelineConfig, every: Duration) {
    let poll = PollConfig::default();
    loop {
        match distill_pipeline::poll_feeds(&library, fetcher.clone(), &config, &poll, &FeedSelection::Due).await {
            Ok(outcomes) => {
                let metrics = distill_server::metrics::global();
                for o in &outcomes {
                    metrics.record_feed_poll(o.status, o.new, o.unchanged, o.skipped.iter().map(|s| s.kind));
                }
                print_outcomes(&outcomes)
            }
            Err(error) => tracing::error!(%error, "feed polling failed"),
        }
        tokio::time::sleep(every).await;
    }
}

/// One line per skipped input: what it was and why.
pub fn print_skips(skips: &[distill_ingest::Skip]) {
    for skip in skips {
        println!("  skipped {}: {}", skip.origin, skip.reason);
    }
}

fn human(d: Duration) -> String {
    let s = d.as_secs();
    match s {
        0 => format!("{} ms", d.as_millis()),
        s if s % 86400 == 0 => format!("{} d", s / 86400),
        s if s % 3600 == 0 => format!("{} h", s / 3600),
        s if s % 60 == 0 => format!("{} min", s / 60),
        s => format!("{s} s"),
    }
}
