//! The live-web commands: `feeds`, `fetch`, URLs given to `ingest`, and the
//! background polling of `serve`.

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;
use clap::{Args, Subcommand};
use distill_ingest::guard::Reach;
use distill_ingest::{FetchConfig, Fetcher};
use distill_library::Library;
use distill_pipeline::subscriptions::{self, NewFeed};
use distill_pipeline::{FeedOutcome, FeedSelection, PipelineConfig, PollConfig};

/// Settings of the HTTP fetcher shared by every command that goes online.
#[derive(Args, Debug, Clone)]
pub struct FetchArgs {
    /// Allow loopback and private addresses (tests, intranets); link-local and cloud
    /// metadata addresses stay refused.
    #[arg(long, env = "DISTILL_ALLOW_PRIVATE", value_parser = clap::builder::FalseyValueParser::new(), default_value = "false")]
    pub allow_private: bool,
    /// Allow link-local addresses (169.254.0.0/16, fe80::/10) and cloud metadata
    /// endpoints (169.254.169.254, metadata.google.internal, ...).
    #[arg(long, env = "DISTILL_ALLOW_LINK_LOCAL", value_parser = clap::builder::FalseyValueParser::new(), default_value = "false")]
    pub allow_link_local: bool,
    /// Least time between two requests to one host.
    #[arg(long, default_value = "1s", value_parser = parse_duration, env = "DISTILL_HOST_DELAY")]
    pub host_delay: Duration,
    /// Deadline for one request, body included.
    #[arg(long, default_value = "30s", value_parser = parse_duration)]
    pub timeout: Duration,
    /// Largest response body in bytes, after decompression.
    #[arg(long, default_value_t = 16 << 20)]
    pub max_body: u64,
    /// Requests in flight at once (per host: 2).
    #[arg(long, default_value_t = 16)]
    pub concurrency: usize,
}

impl FetchArgs {
    /// The addresses these settings open.
    pub fn reach(&self) -> Reach {
        Reach { private: self.allow_private, link_local: self.allow_link_local }
    }

    /// The fetcher these settings describe.
    pub fn fetcher(&self) -> anyhow::Result<Arc<Fetcher>> {
        let config = FetchConfig {
            reach: self.reach(),
            host_delay: self.host_delay,
            timeout: self.timeout,
            max_body_bytes: self.max_body,
            concurrency: self.concurrency.max(1),
            ..FetchConfig::default()
        };
        Ok(Arc::new(Fetcher::new(config).map_err(anyhow::Error::msg)?))
    }
}

/// `distill feeds ...`
#[derive(Subcommand, Debug)]
pub enum FeedsCommand {
    /// Subscribe to a feed (and fetch it once, unless --no-fetch).
    Add {
        /// Feed URL (RSS, Atom or JSON Feed).
        url: String,
        /// Time between polls, e.g. 15m, 1h.
        #[arg(long, default_value = "15m", value_parser = parse_duration)]
        interval: Duration,
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
        /// Time between polls for the imported feeds.
        #[arg(long, default_value = "15m", value_parser = parse_duration)]
        interval: Duration,
    },
    /// Write the subscriptions as OPML 2.0.
    Export {
        /// Output file (default: standard output).
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
}

/// Reads "250ms", "30s", "15m", "1h", "2d" or plain seconds.
pub fn parse_duration(text: &str) -> Result<Duration, String> {
    let text = text.trim();
    let split = text.find(|c: char| !c.is_ascii_digit() && c != '.').unwrap_or(text.len());
    let (number, unit) = text.split_at(split);
    let value: f64 = number.parse().map_err(|_| format!("cannot read {text:?} as a duration (e.g. 30s, 15m, 1h)"))?;
    let seconds = match unit.trim() {
        "ms" => value / 1000.0,
        "" | "s" | "sec" => value,
        "m" | "min" => value * 60.0,
        "h" => value * 3600.0,
        "d" => value * 86400.0,
        other => return Err(format!("unknown duration unit {other:?} (use ms, s, m, h or d)")),
    };
    if !seconds.is_finite() || seconds > 1e9 {
        return Err(format!("duration {text:?} is out of range"));
    }
    Ok(Duration::from_secs_f64(seconds))
}

fn runtime() -> anyhow::Result<tokio::runtime::Runtime> {
    Ok(tokio::runtime::Builder::new_multi_thread().enable_all().build()?)
}

pub fn feeds(library: &Library, what: FeedsCommand) -> anyhow::Result<ExitCode> {
    match what {
        FeedsCommand::Add { url, interval, title, category, no_fetch, fetch } => {
            let (url, added) =
                subscriptions::subscribe(library, &NewFeed { url, interval, title, category }, fetch.reach())?;
            println!("{} {url} (every {})", if added { "added" } else { "updated" }, human(interval));
            if no_fetch {
                return Ok(ExitCode::SUCCESS);
            }
            let outcomes = poll(library, &fetch, &FeedSelection::One(url))?;
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
        FeedsCommand::Import { file, interval } => {
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

fn poll(library: &Library, fetch: &FetchArgs, selection: &FeedSelection) -> anyhow::Result<Vec<FeedOutcome>> {
    let fetcher = fetch.fetcher()?;
    let config = PipelineConfig::default();
    Ok(runtime()?.block_on(distill_pipeline::poll_feeds(
        library,
        fetcher,
        &config,
        &PollConfig::default(),
        selection,
    ))?)
}

/// `distill fetch`: one polling pass.
pub fn fetch(library: &Library, fetch: &FetchArgs, all: bool, json: bool) -> anyhow::Result<ExitCode> {
    let selection = if all { FeedSelection::All } else { FeedSelection::Due };
    let outcomes = poll(library, fetch, &selection)?;
    if json {
        println!("{}", serde_json::to_string(&outcomes)?);
    } else {
        print_outcomes(&outcomes);
        if outcomes.is_empty() {
            let next = library.store.feeds()?.iter().filter(|f| !f.dead).map(|f| f.next_due).min();
            match next {
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
    fetch: &FetchArgs,
    config: &PipelineConfig,
) -> anyhow::Result<distill_pipeline::Report> {
    let fetcher = fetch.fetcher()?;
    Ok(runtime()?.block_on(distill_pipeline::ingest_urls(library, fetcher, urls, config))?)
}

/// Polls due feeds forever, every `every`, printing what each pass did.
pub async fn poll_forever(library: Library, fetcher: Arc<Fetcher>, every: Duration) {
    let config = PipelineConfig::default();
    let poll = PollConfig::default();
    loop {
        match distill_pipeline::poll_feeds(&library, fetcher.clone(), &config, &poll, &FeedSelection::Due).await {
            Ok(outcomes) => print_outcomes(&outcomes),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_like_people_write_them() {
        assert_eq!(parse_duration("250ms").unwrap(), Duration::from_millis(250));
        assert_eq!(parse_duration("15m").unwrap(), Duration::from_secs(900));
        assert_eq!(parse_duration("1h").unwrap(), Duration::from_secs(3600));
        assert_eq!(parse_duration("90").unwrap(), Duration::from_secs(90));
        assert!(parse_duration("soon").is_err());
        assert!(parse_duration("5 weeks").is_err());
        assert!(parse_duration("1e300d").is_err());
    }
}
