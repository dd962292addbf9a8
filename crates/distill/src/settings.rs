//! Wires the one configuration into the commands: flags become the top layer of
//! [`distill_library::config`] (which also reads the file and the environment), and
//! each section is mapped onto its stage's own settings here, so no stage reads the
//! environment itself. Flags are `Option`s without defaults, so that a flag that was
//! not given leaves the layers below it alone.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use clap::Args;
use distill_ingest::guard::Reach;
use distill_ingest::{FetchConfig, Fetcher};
use distill_library::config::{Config, FetchSettings, FlagValue, HumanDuration, Layers};
use distill_pipeline::PipelineConfig;

/// Reads a duration flag: "250ms", "30s", "15m", "1h", "2d".
pub fn parse_duration(text: &str) -> Result<Duration, String> {
    distill_library::config::parse_duration(text)
}

/// Reads a size flag: bytes, or a number with K, M or G (binary multiples): "8M".
pub fn parse_size(text: &str) -> Result<u64, String> {
    let text = text.trim();
    let split = text.find(|c: char| !c.is_ascii_digit()).unwrap_or(text.len());
    let (number, unit) = text.split_at(split);
    let shift = match unit.trim().to_ascii_uppercase().trim_end_matches(['B', 'I']) {
        "" => 0,
        "K" => 10,
        "M" => 20,
        "G" => 30,
        _ => return Err(format!("cannot read {text:?} as a size (e.g. 65536, 512K, 8M, 1G)")),
    };
    let value: u64 =
        number.parse().map_err(|_| format!("cannot read {text:?} as a size (e.g. 65536, 512K, 8M, 1G)"))?;
    match value.checked_mul(1 << shift) {
        Some(0) => Err("a size must be at least 1 byte".to_string()),
        Some(bytes) => Ok(bytes),
        None => Err(format!("size {text:?} is out of range")),
    }
}

/// Settings of the HTTP fetcher shared by every command that goes online
/// (`[fetch]` in the configuration file).
#[derive(Args, Debug, Clone, Default)]
pub struct FetchArgs {
    /// Allow loopback and private addresses (tests, intranets); link-local and cloud
    /// metadata addresses stay refused [env: DISTILL_ALLOW_PRIVATE].
    #[arg(long, num_args = 0..=1, require_equals = true, default_missing_value = "true", value_name = "BOOL")]
    pub allow_private: Option<bool>,
    /// Allow link-local addresses (169.254.0.0/16, fe80::/10) and cloud metadata
    /// endpoints (169.254.169.254, metadata.google.internal, ...) [env: DISTILL_ALLOW_LINK_LOCAL].
    #[arg(long, num_args = 0..=1, require_equals = true, default_missing_value = "true", value_name = "BOOL")]
    pub allow_link_local: Option<bool>,
    /// Least time between two requests to one host [default: 1s; env: DISTILL_HOST_DELAY].
    #[arg(long, value_parser = parse_duration)]
    pub host_delay: Option<Duration>,
    /// Deadline for one request, body included [default: 30s; env: DISTILL_TIMEOUT].
    #[arg(long, value_parser = parse_duration)]
    pub timeout: Option<Duration>,
    /// Largest response body in bytes, after decompression [default: 16777216; env: DISTILL_MAX_BODY].
    #[arg(long)]
    pub max_body: Option<u64>,
    /// Requests in flight at once, at most 2 per host [default: 16; env: DISTILL_CONCURRENCY].
    #[arg(long)]
    pub concurrency: Option<usize>,
}

impl FetchArgs {
    fn push(&self, flags: &mut Vec<FlagValue>) {
        push(flags, "fetch.allow_private", self.allow_private);
        push(flags, "fetch.allow_link_local", self.allow_link_local);
        push(flags, "fetch.host_delay", self.host_delay.map(HumanDuration));
        push(flags, "fetch.timeout", self.timeout.map(HumanDuration));
        push(flags, "fetch.max_body", self.max_body);
        push(flags, "fetch.concurrency", self.concurrency);
    }
}

/// Every setting a flag can give, for `distill config` to show their effect.
#[derive(Args, Debug, Clone, Default)]
pub struct SettingArgs {
    /// Address to listen on [default: 127.0.0.1:8080; env: DISTILL_ADDR].
    #[arg(long)]
    pub addr: Option<SocketAddr>,
    /// How often `serve` looks for due feeds [default: 60s; env: DISTILL_POLL_EVERY].
    #[arg(long, value_parser = parse_duration)]
    pub poll_every: Option<Duration>,
    /// `serve` does not poll feeds [env: DISTILL_NO_POLL].
    #[arg(long, num_args = 0..=1, require_equals = true, default_missing_value = "true", value_name = "BOOL")]
    pub no_poll: Option<bool>,
    /// Key points per article [default: 4; env: DISTILL_BULLETS].
    #[arg(long)]
    pub bullets: Option<usize>,
    /// Time between polls of new subscriptions [default: 15m; env: DISTILL_INTERVAL].
    #[arg(long, value_parser = parse_duration)]
    pub interval: Option<Duration>,
    /// The sentence encoder's folder [default: none; env: DISTILL_MODELS].
    #[arg(long)]
    pub models: Option<PathBuf>,
    #[command(flatten)]
    pub fetch: FetchArgs,
    #[command(flatten)]
    pub generator: GeneratorArgs,
}

/// The optional generator (`[generator]` in the configuration file): a GGUF model run
/// in process, or an OpenAI-compatible endpoint. What it writes is kept only where the
/// grounding check supports it.
#[derive(Args, Debug, Clone, Default)]
pub struct GeneratorArgs {
    /// A GGUF model to run in process: the file, or a folder holding
    /// smollm2-135m-instruct/model.gguf (scripts/fetch-models.sh DIR) [env: DISTILL_LLM].
    #[arg(long, conflicts_with = "llm_url")]
    pub llm: Option<PathBuf>,
    /// An OpenAI-compatible endpoint (http://127.0.0.1:8081/v1); the key is read from
    /// DISTILL_LLM_API_KEY or OPENAI_API_KEY [env: DISTILL_LLM_URL].
    #[arg(long)]
    pub llm_url: Option<String>,
    /// The model name to ask the endpoint for [env: DISTILL_LLM_MODEL].
    #[arg(long)]
    pub llm_model: Option<String>,
    /// The most time one generation may take [default: 60s; env: DISTILL_LLM_TIMEOUT].
    #[arg(long, value_parser = parse_duration)]
    pub llm_timeout: Option<Duration>,
}

/// Collects the flags given on the command line.
#[derive(Default)]
pub struct Flags(pub Vec<FlagValue>);

impl Flags {
    /// `--data`.
    pub fn data(&mut self, data: &Option<PathBuf>) -> &mut Self {
        push(&mut self.0, "data", data.as_ref().map(|d| d.display()));
        self
    }
    /// `--database`.
    pub fn database(&mut self, database: &Option<String>) -> &mut Self {
        push(&mut self.0, "database", database.as_ref());
        self
    }
    /// `--models`.
    pub fn models(&mut self, models: &Option<PathBuf>) -> &mut Self {
        push(&mut self.0, "models", models.as_ref().map(|d| d.display()));
        self
    }
    /// `--addr`.
    pub fn addr(&mut self, addr: Option<SocketAddr>) -> &mut Self {
        push(&mut self.0, "serve.addr", addr);
        self
    }
    /// `--poll-every`.
    pub fn poll_every(&mut self, every: Option<Duration>) -> &mut Self {
        push(&mut self.0, "serve.poll_every", every.map(HumanDuration));
        self
    }
    /// `--no-poll`.
    pub fn no_poll(&mut self, no_poll: Option<bool>) -> &mut Self {
        push(&mut self.0, "serve.no_poll", no_poll);
        self
    }
    /// `--bullets`.
    pub fn bullets(&mut self, bullets: Option<usize>) -> &mut Self {
        push(&mut self.0, "summary.bullets", bullets);
        self
    }
    /// `--interval`.
    pub fn interval(&mut self, interval: Option<Duration>) -> &mut Self {
        push(&mut self.0, "feeds.interval", interval.map(HumanDuration));
        self
    }
    /// The fetcher's flags.
    pub fn fetch(&mut self, fetch: &FetchArgs) -> &mut Self {
        fetch.push(&mut self.0);
        self
    }
    /// Every setting flag.
    pub fn settings(&mut self, s: &SettingArgs) -> &mut Self {
        self.addr(s.addr)
            .poll_every(s.poll_every)
            .no_poll(s.no_poll)
            .bullets(s.bullets)
            .interval(s.interval)
            .models(&s.models)
            .fetch(&s.fetch)
            .generator(&s.generator)
    }
    /// `--llm`, `--llm-url`, `--llm-model`, `--llm-timeout`.
    pub fn generator(&mut self, g: &GeneratorArgs) -> &mut Self {
        push(&mut self.0, "generator.model", g.llm.as_ref().map(|p| p.display()));
        push(&mut self.0, "generator.url", g.llm_url.as_ref());
        push(&mut self.0, "generator.name", g.llm_model.as_ref());
        push(&mut self.0, "generator.timeout", g.llm_timeout.map(HumanDuration));
        self
    }
}

fn push<T: std::fmt::Display>(flags: &mut Vec<FlagValue>, key: &'static str, value: Option<T>) {
    if let Some(value) = value {
        flags.push(FlagValue::new(key, value));
    }
}

/// The layers of this process: `--config`, its `DISTILL_*` environment, its flags.
pub fn layers(config_flag: Option<PathBuf>, flags: Flags) -> Layers {
    let env = std::env::vars_os()
        .filter_map(|(k, v)| Some((k.into_string().ok()?, v.into_string().ok()?)))
        .filter(|(k, _)| k.starts_with("DISTILL_"))
        .collect();
    Layers { config_flag, env, flags: flags.0 }
}

/// The addresses `[fetch]` opens.
pub fn reach(fetch: &FetchSettings) -> Reach {
    Reach { private: fetch.allow_private, link_local: fetch.allow_link_local }
}

/// The fetcher's settings from `[fetch]`.
pub fn fetch_config(fetch: &FetchSettings) -> FetchConfig {
    FetchConfig {
        reach: reach(fetch),
        host_delay: fetch.host_delay.0,
        timeout: fetch.timeout.0,
        max_body_bytes: fetch.max_body,
        concurrency: fetch.concurrency.max(1),
        ..FetchConfig::default()
    }
}

/// The fetcher `[fetch]` describes.
pub fn fetcher(fetch: &FetchSettings) -> anyhow::Result<Arc<Fetcher>> {
    Ok(Arc::new(Fetcher::new(fetch_config(fetch)).map_err(anyhow::Error::msg)?))
}

/// The pipeline's settings: `[summary]` on top of its defaults.
pub fn pipeline_config(config: &Config) -> PipelineConfig {
    PipelineConfig { summary: summary_config(config), ..PipelineConfig::default() }
}

/// The summarizer's settings from `[summary]`.
pub fn summary_config(config: &Config) -> distill_nlp::SummaryConfig {
    distill_nlp::SummaryConfig { bullets: config.summary.bullets, ..Default::default() }
}

/// The log filter from `[logging]`; a bad filter names the key and where it came from.
pub fn log_filter(loaded: &distill_library::config::Loaded) -> anyhow::Result<tracing_subscriber::EnvFilter> {
    let level = &loaded.config.logging.level;
    tracing_subscriber::EnvFilter::try_new(level).map_err(|e| {
        let from = loaded.source("logging.level").map(ToString::to_string).unwrap_or_default();
        anyhow::anyhow!("logging.level (from {from}): cannot read {level:?} as a log filter: {e}")
    })
}

/// `distill config --json`: the values, and where each came from.
pub fn to_json(loaded: &distill_library::config::Loaded) -> serde_json::Value {
    let sources: serde_json::Map<String, serde_json::Value> = loaded
        .sources
        .iter()
        .map(|(key, source)| (key.to_string(), serde_json::to_value(source).unwrap_or_default()))
        .collect();
    serde_json::json!({
        "file": loaded.file.0,
        "file_exists": loaded.file.1,
        "config": loaded.config.redacted(),
        "sources": sources,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use distill_library::config::load;

    #[test]
    fn sizes_read_with_binary_units() {
        assert_eq!(parse_size("65536"), Ok(65536));
        assert_eq!(parse_size("512K"), Ok(512 << 10));
        assert_eq!(parse_size("8M"), Ok(8 << 20));
        assert_eq!(parse_size("8MiB"), Ok(8 << 20));
        assert_eq!(parse_size("1g"), Ok(1 << 30));
        for bad in ["", "0", "8X", "-1", "1.5M", "99999999999999999999", "17179869184G"] {
            assert!(parse_size(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn flags_become_the_top_layer_and_reach_the_stages() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("config.toml"), "[fetch]\ntimeout = \"5s\"\n[summary]\nbullets = 2\n").unwrap();
        let args = SettingArgs {
            bullets: Some(3),
            fetch: FetchArgs { allow_private: Some(true), host_delay: Some(Duration::ZERO), ..FetchArgs::default() },
            ..SettingArgs::default()
        };
        let mut flags = Flags::default();
        flags.data(&Some(dir.path().to_path_buf())).settings(&args);
        let loaded = load(&Layers { flags: flags.0, ..Layers::default() }).unwrap();
        let fetch = fetch_config(&loaded.config.fetch);
        assert_eq!(fetch.timeout, Duration::from_secs(5));
        assert_eq!(fetch.host_delay, Duration::ZERO);
        assert!(fetch.reach.private && !fetch.reach.link_local);
        assert_eq!(pipeline_config(&loaded.config).summary.bullets, 3);
        let json = to_json(&loaded);
        assert_eq!(json["sources"]["summary.bullets"], serde_json::json!({"from": "flag", "name": "--bullets"}));
        assert_eq!(json["sources"]["fetch.timeout"]["from"], "file");
        assert_eq!(json["config"]["fetch"]["timeout"], "5s");
    }

    #[test]
    fn a_bad_log_filter_names_the_key_and_its_source() {
        let dir = tempfile::tempdir().unwrap();
        let mut layers = Layers::default();
        layers.flags.push(FlagValue::new("data", dir.path().display()));
        layers.env.insert("DISTILL_LOG".into(), "info".into());
        assert!(log_filter(&load(&layers).unwrap()).is_ok());
        layers.env.insert("DISTILL_LOG".into(), "distill=loud".into());
        let error = log_filter(&load(&layers).unwrap()).unwrap_err().to_string();
        assert!(error.starts_with("logging.level (from env DISTILL_LOG): ") && error.contains("loud"), "{error}");
    }
}
