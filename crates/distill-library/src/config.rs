//! One configuration for every command: a serde [`Config`] tree read from a TOML file,
//! then environment variables, then command-line flags, each layer overriding the one
//! below (defaults < file < environment < flags). It is validated once, on load, and
//! each value remembers where it came from, so `distill config` can show it.
//!
//! Only plain types live here (durations in human form like "15m", numbers,
//! addresses): the binary maps each section onto its stage's own settings (the
//! fetcher's, the pipeline's, the poller's), and nothing deeper reads the environment.
//! Environment variables come in as a map, so tests never touch the process's own.

use std::collections::HashMap;
use std::fmt;
use std::io::ErrorKind;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::{Deserialize, Serialize};

/// The configuration format this build reads (`version = 1` in the file).
pub const VERSION: u32 = 1;

/// The file read from the data folder when none is named.
pub const FILE_NAME: &str = "config.toml";

/// Names the configuration file instead of `--config`.
pub const CONFIG_ENV: &str = "DISTILL_CONFIG";

/// The whole configuration.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Config {
    /// The configuration format; only [`VERSION`] is read.
    pub version: u32,
    /// The data folder (SQLite store and search index).
    pub data: PathBuf,
    /// The shared store: a `postgres://USER@HOST:PORT/DB` URL. Empty: the SQLite file in
    /// the data folder. With PostgreSQL, the data folder holds only this process's
    /// search replica.
    pub database: String,
    /// The sentence encoder for semantic and hybrid search: a model folder, or a folder
    /// holding `all-minilm-l6-v2/` (what `scripts/fetch-models.sh DIR` makes). Empty:
    /// none, and search is keyword only.
    pub models: PathBuf,
    /// The web app.
    pub serve: ServeSettings,
    /// The HTTP client of every command that goes online.
    pub fetch: FetchSettings,
    /// Feed subscriptions.
    pub feeds: FeedsSettings,
    /// Key points.
    pub summary: SummarySettings,
    /// The optional text generator.
    pub generator: GeneratorSettings,
    /// Structured logs on stderr.
    pub logging: LoggingSettings,
}

impl Config {
    /// The configuration as it may be shown: a password in the database URL reads `***`.
    pub fn redacted(&self) -> Config {
        Config { database: redact_password(&self.database), ..self.clone() }
    }
}

/// A URL with its password, if any, replaced by `***`.
fn redact_password(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else { return url.to_string() };
    let authority_end = rest.find(['/', '?']).unwrap_or(rest.len());
    let Some(at) = rest[..authority_end].rfind('@') else { return url.to_string() };
    match rest[..at].split_once(':') {
        Some((user, _)) => format!("{scheme}://{user}:***{}", &rest[at..]),
        None => url.to_string(),
    }
}

impl Default for Config {
    fn default() -> Self {
        Self {
            version: VERSION,
            data: PathBuf::from("./distill-data"),
            database: String::new(),
            models: PathBuf::new(),
            serve: ServeSettings::default(),
            fetch: FetchSettings::default(),
            feeds: FeedsSettings::default(),
            summary: SummarySettings::default(),
            generator: GeneratorSettings::default(),
            logging: LoggingSettings::default(),
        }
    }
}

/// `[serve]`: the web app and its background polling.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ServeSettings {
    /// Address to listen on.
    pub addr: SocketAddr,
    /// How often to look for due feeds.
    pub poll_every: HumanDuration,
    /// Do not poll feeds.
    pub no_poll: bool,
}

impl Default for ServeSettings {
    fn default() -> Self {
        Self {
            addr: SocketAddr::from(([127, 0, 0, 1], 8080)),
            poll_every: HumanDuration(Duration::from_secs(60)),
            no_poll: false,
        }
    }
}

/// `[fetch]`: the HTTP client's manners and limits.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct FetchSettings {
    /// Allow loopback and private addresses (tests, intranets).
    pub allow_private: bool,
    /// Allow link-local addresses and cloud metadata endpoints.
    pub allow_link_local: bool,
    /// Least time between two requests to one host.
    pub host_delay: HumanDuration,
    /// Deadline for one request, body included.
    pub timeout: HumanDuration,
    /// Largest response body in bytes, after decompression.
    pub max_body: u64,
    /// Requests in flight at once.
    pub concurrency: usize,
}

impl Default for FetchSettings {
    fn default() -> Self {
        Self {
            allow_private: false,
            allow_link_local: false,
            host_delay: HumanDuration(Duration::from_secs(1)),
            timeout: HumanDuration(Duration::from_secs(30)),
            max_body: 16 << 20,
            concurrency: 16,
        }
    }
}

/// `[feeds]`: subscriptions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct FeedsSettings {
    /// Time between polls of a new subscription.
    pub interval: HumanDuration,
}

impl Default for FeedsSettings {
    fn default() -> Self {
        Self { interval: HumanDuration(Duration::from_secs(15 * 60)) }
    }
}

/// `[summary]`: key points.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct SummarySettings {
    /// Key points per article.
    pub bullets: usize,
}

impl Default for SummarySettings {
    fn default() -> Self {
        Self { bullets: 4 }
    }
}

/// `[generator]`: an optional generator for answers and key points, held to its sources
/// by the grounding check. None is configured by default: distill is extractive.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct GeneratorSettings {
    /// A GGUF model run in process: the file, or a folder holding
    /// `smollm2-135m-instruct/model.gguf` (what `scripts/fetch-models.sh DIR` makes).
    pub model: PathBuf,
    /// An OpenAI-compatible endpoint instead (`http://127.0.0.1:8081/v1`); its key is
    /// read from `DISTILL_LLM_API_KEY` or `OPENAI_API_KEY`, never from the file.
    pub url: String,
    /// The model name sent to the endpoint.
    pub name: String,
    /// The most time one generation may take.
    pub timeout: HumanDuration,
}

impl Default for GeneratorSettings {
    fn default() -> Self {
        Self {
            model: PathBuf::new(),
            url: String::new(),
            name: String::new(),
            timeout: HumanDuration(Duration::from_secs(60)),
        }
    }
}

/// `[logging]`: structured logs on stderr.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct LoggingSettings {
    /// A tracing filter: a level (`error`, `warn`, `info`, `debug`, `trace`) or
    /// directives such as `warn,distill_pipeline=debug`.
    pub level: String,
}

impl Default for LoggingSettings {
    fn default() -> Self {
        Self { level: "warn".into() }
    }
}

/// A duration written as people write it: "250ms", "30s", "15m", "1h", "2d".
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct HumanDuration(pub Duration);

impl fmt::Display for HumanDuration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let d = self.0;
        let ms = d.as_millis();
        if d.subsec_millis() != 0 || ms == 0 {
            return write!(f, "{ms}ms");
        }
        let s = d.as_secs();
        match s {
            s if s % 86400 == 0 => write!(f, "{}d", s / 86400),
            s if s % 3600 == 0 => write!(f, "{}h", s / 3600),
            s if s % 60 == 0 => write!(f, "{}m", s / 60),
            s => write!(f, "{s}s"),
        }
    }
}

impl std::str::FromStr for HumanDuration {
    type Err = String;
    fn from_str(text: &str) -> Result<Self, String> {
        parse_duration(text).map(HumanDuration)
    }
}

impl Serialize for HumanDuration {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for HumanDuration {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = HumanDuration;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a duration such as \"30s\", \"15m\" or \"1h\"")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<HumanDuration, E> {
                parse_duration(v).map(HumanDuration).map_err(E::custom)
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<HumanDuration, E> {
                u64::try_from(v)
                    .map(|s| HumanDuration(Duration::from_secs(s)))
                    .map_err(|_| E::custom(format!("a duration cannot be negative ({v})")))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<HumanDuration, E> {
                Ok(HumanDuration(Duration::from_secs(v)))
            }
        }
        d.deserialize_any(Visitor)
    }
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

/// What kind of value a setting holds, for reading it from a string (an environment
/// variable or a flag).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A path.
    Path,
    /// `host:port`.
    Addr,
    /// A duration in human form.
    Duration,
    /// On or off: "", "0", "false", "no", "off", "n" and "f" are off, anything else on.
    Bool,
    /// A whole number.
    Number,
    /// Free text.
    Text,
}

impl Kind {
    fn parse(self, text: &str) -> Result<toml::Value, String> {
        use toml::Value;
        Ok(match self {
            Kind::Path | Kind::Text => Value::String(text.to_string()),
            Kind::Addr => {
                let addr: SocketAddr =
                    text.trim().parse().map_err(|_| format!("cannot read {text:?} as an address (host:port)"))?;
                Value::String(addr.to_string())
            }
            Kind::Duration => Value::String(HumanDuration(parse_duration(text)?).to_string()),
            Kind::Bool => {
                let off = ["", "0", "false", "no", "off", "n", "f"];
                Value::Boolean(!off.contains(&text.trim().to_ascii_lowercase().as_str()))
            }
            Kind::Number => {
                let n: i64 = text.trim().parse().map_err(|_| format!("cannot read {text:?} as a whole number"))?;
                if n < 0 {
                    return Err(format!("{n} is negative"));
                }
                Value::Integer(n)
            }
        })
    }
}

/// One setting: its key in the file, its environment variable and its flag.
#[derive(Debug, Clone, Copy)]
pub struct Setting {
    /// Dotted key in the file: `fetch.timeout`.
    pub key: &'static str,
    /// The environment variable that sets it.
    pub env: &'static str,
    /// The flag that sets it, on the commands that take it (`None`: no flag).
    pub flag: Option<&'static str>,
    /// How a string becomes its value.
    pub kind: Kind,
}

/// Every setting in file order. Environment variables are `DISTILL_` and the flag's
/// name, except the logs' `DISTILL_LOG`.
pub const SETTINGS: &[Setting] = &[
    Setting { key: "data", env: "DISTILL_DATA", flag: Some("--data"), kind: Kind::Path },
    Setting { key: "database", env: "DISTILL_DATABASE", flag: Some("--database"), kind: Kind::Text },
    Setting { key: "models", env: "DISTILL_MODELS", flag: Some("--models"), kind: Kind::Path },
    Setting { key: "serve.addr", env: "DISTILL_ADDR", flag: Some("--addr"), kind: Kind::Addr },
    Setting { key: "serve.poll_every", env: "DISTILL_POLL_EVERY", flag: Some("--poll-every"), kind: Kind::Duration },
    Setting { key: "serve.no_poll", env: "DISTILL_NO_POLL", flag: Some("--no-poll"), kind: Kind::Bool },
    Setting {
        key: "fetch.allow_private",
        env: "DISTILL_ALLOW_PRIVATE",
        flag: Some("--allow-private"),
        kind: Kind::Bool,
    },
    Setting {
        key: "fetch.allow_link_local",
        env: "DISTILL_ALLOW_LINK_LOCAL",
        flag: Some("--allow-link-local"),
        kind: Kind::Bool,
    },
    Setting { key: "fetch.host_delay", env: "DISTILL_HOST_DELAY", flag: Some("--host-delay"), kind: Kind::Duration },
    Setting { key: "fetch.timeout", env: "DISTILL_TIMEOUT", flag: Some("--timeout"), kind: Kind::Duration },
    Setting { key: "fetch.max_body", env: "DISTILL_MAX_BODY", flag: Some("--max-body"), kind: Kind::Number },
    Setting { key: "fetch.concurrency", env: "DISTILL_CONCURRENCY", flag: Some("--concurrency"), kind: Kind::Number },
    Setting { key: "feeds.interval", env: "DISTILL_INTERVAL", flag: Some("--interval"), kind: Kind::Duration },
    Setting { key: "summary.bullets", env: "DISTILL_BULLETS", flag: Some("--bullets"), kind: Kind::Number },
    Setting { key: "generator.model", env: "DISTILL_LLM", flag: Some("--llm"), kind: Kind::Path },
    Setting { key: "generator.url", env: "DISTILL_LLM_URL", flag: Some("--llm-url"), kind: Kind::Text },
    Setting { key: "generator.name", env: "DISTILL_LLM_MODEL", flag: Some("--llm-model"), kind: Kind::Text },
    Setting { key: "generator.timeout", env: "DISTILL_LLM_TIMEOUT", flag: Some("--llm-timeout"), kind: Kind::Duration },
    Setting { key: "logging.level", env: "DISTILL_LOG", flag: None, kind: Kind::Text },
];

/// The setting with this key.
pub fn setting(key: &str) -> Option<&'static Setting> {
    SETTINGS.iter().find(|s| s.key == key)
}

/// Where a value came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "from", content = "name", rename_all = "snake_case")]
pub enum Source {
    /// Built in.
    Default,
    /// The configuration file at this path.
    File(PathBuf),
    /// This environment variable.
    Env(String),
    /// This command-line flag.
    Flag(String),
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Source::Default => f.write_str("default"),
            Source::File(path) => write!(f, "file {}", path.display()),
            Source::Env(name) => write!(f, "env {name}"),
            Source::Flag(name) => write!(f, "flag {name}"),
        }
    }
}

/// A value given on the command line, as typed there.
#[derive(Debug, Clone)]
pub struct FlagValue {
    /// The setting's key (one of [`SETTINGS`]).
    pub key: &'static str,
    /// The value as text.
    pub value: String,
}

impl FlagValue {
    /// `key` set to `value`.
    pub fn new(key: &'static str, value: impl ToString) -> Self {
        Self { key, value: value.to_string() }
    }
}

/// What [`load`] reads.
#[derive(Debug, Clone, Default)]
pub struct Layers {
    /// `--config FILE`, when given.
    pub config_flag: Option<PathBuf>,
    /// The environment (only `DISTILL_*` variables are looked at).
    pub env: HashMap<String, String>,
    /// Values from flags.
    pub flags: Vec<FlagValue>,
}

/// A configuration that cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// A file named by `--config` or `DISTILL_CONFIG` cannot be read.
    #[error("cannot read configuration file {path} (named by {by}): {error}")]
    Unreadable {
        /// The file.
        path: PathBuf,
        /// Who named it.
        by: Source,
        /// Why.
        error: std::io::Error,
    },
    /// The file is not valid TOML, has an unknown key, or a value of the wrong form.
    #[error("configuration file {path}: {message}")]
    File {
        /// The file.
        path: PathBuf,
        /// What is wrong, with the key and its line.
        message: String,
    },
    /// A value is unusable.
    #[error("{key} (from {from}): {reason}")]
    Value {
        /// The setting's key.
        key: String,
        /// Where the value came from.
        from: Source,
        /// Why it is refused.
        reason: String,
    },
    /// A flag for a key that is not a setting (a bug in the caller).
    #[error("no setting {0:?}")]
    UnknownKey(String),
}

/// The effective configuration and where each value came from.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The values.
    pub config: Config,
    /// Each setting's key and where its value came from, in [`SETTINGS`] order.
    pub sources: Vec<(&'static str, Source)>,
    /// The configuration file looked at, and whether it existed.
    pub file: (PathBuf, bool),
}

impl Loaded {
    /// Where the value of `key` came from.
    pub fn source(&self, key: &str) -> Option<&Source> {
        self.sources.iter().find(|(k, _)| *k == key).map(|(_, s)| s)
    }

    /// The configuration as a TOML file, each value followed by a comment naming
    /// where it came from; reading it back gives the same configuration, except for a
    /// database password, which reads `***`.
    pub fn to_annotated_toml(&self) -> String {
        let values = to_table(&self.config.redacted());
        let (path, exists) = &self.file;
        let mut out = format!(
            "# distill's effective configuration (defaults < file < environment < flags)\n# file: {}{}\n\nversion = {VERSION}\n",
            path.display(),
            if *exists { "" } else { " (absent)" }
        );
        let mut section = "";
        for (key, source) in &self.sources {
            let (head, name) = key.rsplit_once('.').unwrap_or(("", key));
            if head != section {
                out.push_str(&format!("\n[{head}]\n"));
                section = head;
            }
            let value = lookup(&values, key).map(|v| v.to_string()).unwrap_or_default();
            out.push_str(&format!("{name} = {value}  # {source}\n"));
        }
        out
    }
}

/// The configuration as a TOML table.
fn to_table(config: &Config) -> toml::Table {
    toml::Table::try_from(config).unwrap_or_default()
}

fn lookup<'a>(table: &'a toml::Table, key: &str) -> Option<&'a toml::Value> {
    let mut parts = key.split('.');
    let mut value = table.get(parts.next()?)?;
    for part in parts {
        value = value.as_table()?.get(part)?;
    }
    Some(value)
}

fn insert(table: &mut toml::Table, key: &str, value: toml::Value) {
    match key.split_once('.') {
        None => {
            table.insert(key.to_string(), value);
        }
        Some((head, rest)) => {
            let entry = table.entry(head).or_insert_with(|| toml::Value::Table(toml::Table::new()));
            if let toml::Value::Table(inner) = entry {
                insert(inner, rest, value);
            }
        }
    }
}

/// Reads the layers into one validated configuration: defaults, then the file
/// (`--config`, else `DISTILL_CONFIG`, else `config.toml` in the data folder; an
/// absent default file means defaults), then environment variables, then flags.
pub fn load(layers: &Layers) -> Result<Loaded, ConfigError> {
    let env = |name: &str| layers.env.get(name).filter(|v| !v.is_empty());
    for flag in &layers.flags {
        setting(flag.key).ok_or_else(|| ConfigError::UnknownKey(flag.key.to_string()))?;
    }

    // The file: named, or in the data folder that the environment or a flag names.
    let named = match (&layers.config_flag, env(CONFIG_ENV)) {
        (Some(path), _) => Some((path.clone(), Source::Flag("--config".into()))),
        (None, Some(path)) => Some((PathBuf::from(path), Source::Env(CONFIG_ENV.into()))),
        (None, None) => None,
    };
    let (path, text) = match &named {
        Some((path, by)) => {
            let text = std::fs::read_to_string(path).map_err(|error| ConfigError::Unreadable {
                path: path.clone(),
                by: by.clone(),
                error,
            })?;
            (path.clone(), Some(text))
        }
        None => {
            let data = layers
                .flags
                .iter()
                .rev()
                .find(|f| f.key == "data")
                .map(|f| PathBuf::from(&f.value))
                .or_else(|| env("DISTILL_DATA").map(PathBuf::from))
                .unwrap_or_else(|| Config::default().data);
            let path = data.join(FILE_NAME);
            match std::fs::read_to_string(&path) {
                Ok(text) => (path, Some(text)),
                // No folder yet, or a file where the folder should be: opening the
                // data folder says so, with its own code.
                Err(e) if matches!(e.kind(), ErrorKind::NotFound | ErrorKind::NotADirectory) => (path, None),
                Err(error) => {
                    return Err(ConfigError::Unreadable { path, by: Source::Default, error });
                }
            }
        }
    };

    let mut table = to_table(&Config::default());
    let mut sources: HashMap<&'static str, Source> = SETTINGS.iter().map(|s| (s.key, Source::Default)).collect();
    if let Some(text) = &text {
        let file_error = |message: String| ConfigError::File { path: path.clone(), message };
        // Strict first, for messages that name the key and its line.
        toml::from_str::<Config>(text).map_err(|e| file_error(e.to_string().trim_end().to_string()))?;
        let mut file: toml::Table = toml::from_str(text).map_err(|e| file_error(e.to_string()))?;
        if let Some(version) = file.remove("version")
            && version.as_integer() != Some(i64::from(VERSION))
        {
            return Err(file_error(format!("version = {version}: this distill reads configuration version {VERSION}")));
        }
        if let Some(data) = file.get("data").and_then(|d| d.as_str()) {
            if named.is_none() {
                return Err(file_error(
                    "data: the data folder's own configuration cannot name another data folder (use --config FILE)"
                        .into(),
                ));
            }
            // A relative data folder is relative to the file that names it.
            let base = path.parent().unwrap_or(Path::new(""));
            let data = base.join(data);
            file.insert("data".into(), toml::Value::String(data.to_string_lossy().into_owned()));
        }
        for s in SETTINGS {
            if let Some(value) = lookup(&file, s.key) {
                insert(&mut table, s.key, value.clone());
                sources.insert(s.key, Source::File(path.clone()));
            }
        }
    }
    for s in SETTINGS {
        if let Some(text) = env(s.env) {
            let source = Source::Env(s.env.into());
            let value = s.kind.parse(text).map_err(|reason| value_error(s.key, &source, reason))?;
            insert(&mut table, s.key, value);
            sources.insert(s.key, source);
        }
    }
    for flag in &layers.flags {
        let s = setting(flag.key).ok_or_else(|| ConfigError::UnknownKey(flag.key.to_string()))?;
        let source = Source::Flag(s.flag.unwrap_or(s.key).into());
        let value = s.kind.parse(&flag.value).map_err(|reason| value_error(s.key, &source, reason))?;
        insert(&mut table, s.key, value);
        sources.insert(s.key, source);
    }
    let config: Config = toml::Value::Table(table)
        .try_into()
        .map_err(|e| ConfigError::File { path: path.clone(), message: e.to_string() })?;
    let sources: Vec<_> = SETTINGS.iter().map(|s| (s.key, sources.remove(s.key).unwrap_or(Source::Default))).collect();
    let loaded = Loaded { config, sources, file: (path, text.is_some()) };
    validate(&loaded)?;
    Ok(loaded)
}

fn value_error(key: &str, source: &Source, reason: String) -> ConfigError {
    ConfigError::Value { key: key.to_string(), from: source.clone(), reason }
}

/// The checks that types alone do not make.
fn validate(loaded: &Loaded) -> Result<(), ConfigError> {
    let c = &loaded.config;
    let fail = |key: &str, reason: &str| {
        Err(value_error(key, loaded.source(key).unwrap_or(&Source::Default), reason.to_string()))
    };
    if c.data.as_os_str().is_empty() {
        return fail("data", "the data folder cannot be empty");
    }
    if !c.database.is_empty() && !distill_store::is_postgres_url(&c.database) {
        return fail(
            "database",
            "must be a postgres://USER@HOST:PORT/DB URL (or empty for the SQLite file in the data folder)",
        );
    }
    if c.serve.poll_every.0 < Duration::from_secs(1) {
        return fail("serve.poll_every", "must be at least 1s");
    }
    if c.fetch.timeout.0.is_zero() {
        return fail("fetch.timeout", "must be more than 0s");
    }
    if c.fetch.max_body == 0 {
        return fail("fetch.max_body", "must be at least 1 byte");
    }
    if c.fetch.concurrency == 0 {
        return fail("fetch.concurrency", "must be at least 1");
    }
    if c.feeds.interval.0 < Duration::from_secs(1) {
        return fail("feeds.interval", "must be at least 1s");
    }
    if !(1..=20).contains(&c.summary.bullets) {
        return fail("summary.bullets", "must be between 1 and 20");
    }
    if !c.generator.model.as_os_str().is_empty() && !c.generator.url.is_empty() {
        return fail("generator.url", "give a model file (generator.model) or an endpoint (generator.url), not both");
    }
    if !c.generator.url.is_empty() && c.generator.name.trim().is_empty() {
        return fail("generator.name", "an endpoint needs the model name to ask for (--llm-model)");
    }
    if c.generator.timeout.0.is_zero() {
        return fail("generator.timeout", "must be more than 0s");
    }
    if c.logging.level.trim().is_empty() {
        return fail("logging.level", "cannot be empty (use error, warn, info, debug or trace)");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &[(&str, &str)]) -> HashMap<String, String> {
        pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    /// A data folder with this config.toml, and the layers that read it.
    fn folder(text: &str) -> (tempfile::TempDir, Layers) {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(FILE_NAME), text).unwrap();
        let layers = Layers { env: env(&[("DISTILL_DATA", dir.path().to_str().unwrap())]), ..Layers::default() };
        (dir, layers)
    }

    #[test]
    fn nothing_given_means_defaults() {
        let dir = tempfile::tempdir().unwrap();
        let layers = Layers { flags: vec![FlagValue::new("data", dir.path().display())], ..Layers::default() };
        let loaded = load(&layers).unwrap();
        assert_eq!(loaded.config.fetch, FetchSettings::default());
        assert_eq!(loaded.config.summary.bullets, 4);
        assert_eq!(loaded.file, (dir.path().join(FILE_NAME), false));
        assert_eq!(loaded.source("summary.bullets"), Some(&Source::Default));
        assert_eq!(loaded.source("data"), Some(&Source::Flag("--data".into())));
    }

    #[test]
    fn each_layer_overrides_the_one_below() {
        let (dir, mut layers) = folder(
            "version = 1\n[fetch]\ntimeout = \"10s\"\nhost_delay = \"2s\"\nconcurrency = 3\n[summary]\nbullets = 2\n",
        );
        let file = Source::File(dir.path().join(FILE_NAME));
        layers.env.insert("DISTILL_HOST_DELAY".into(), "250ms".into());
        layers.env.insert("DISTILL_CONCURRENCY".into(), "5".into());
        layers.flags.push(FlagValue::new("fetch.concurrency", 7));
        let loaded = load(&layers).unwrap();
        let c = &loaded.config;
        // default < file
        assert_eq!(c.fetch.max_body, 16 << 20);
        assert_eq!(loaded.source("fetch.max_body"), Some(&Source::Default));
        assert_eq!(c.fetch.timeout.0, Duration::from_secs(10));
        assert_eq!(loaded.source("fetch.timeout"), Some(&file));
        assert_eq!(c.summary.bullets, 2);
        // file < env
        assert_eq!(c.fetch.host_delay.0, Duration::from_millis(250));
        assert_eq!(loaded.source("fetch.host_delay"), Some(&Source::Env("DISTILL_HOST_DELAY".into())));
        // env < flag
        assert_eq!(c.fetch.concurrency, 7);
        assert_eq!(loaded.source("fetch.concurrency"), Some(&Source::Flag("--concurrency".into())));
    }

    #[test]
    fn a_named_file_wins_over_the_data_folders_and_may_name_the_data_folder() {
        let (data, mut layers) = folder("[summary]\nbullets = 9\n");
        let other = tempfile::tempdir().unwrap();
        let named = other.path().join("distill.toml");
        std::fs::write(&named, "data = \"library\"\n[summary]\nbullets = 3\n").unwrap();
        layers.env.remove("DISTILL_DATA");
        layers.env.insert(CONFIG_ENV.into(), named.display().to_string());
        let loaded = load(&layers).unwrap();
        assert_eq!(loaded.config.summary.bullets, 3);
        // Relative to the file that names it.
        assert_eq!(loaded.config.data, other.path().join("library"));
        // The flag names another file, and the environment's data folder wins over the file's.
        let flagged = other.path().join("flagged.toml");
        std::fs::write(&flagged, "[summary]\nbullets = 5\n").unwrap();
        layers.config_flag = Some(flagged.clone());
        layers.env.insert("DISTILL_DATA".into(), data.path().display().to_string());
        let loaded = load(&layers).unwrap();
        assert_eq!(loaded.config.summary.bullets, 5);
        assert_eq!(loaded.file, (flagged, true));
        assert_eq!(loaded.config.data, data.path());
    }

    #[test]
    fn a_named_file_that_is_missing_fails() {
        let layers = Layers { config_flag: Some("/nonexistent/distill.toml".into()), ..Layers::default() };
        let error = load(&layers).unwrap_err().to_string();
        assert!(error.contains("/nonexistent/distill.toml") && error.contains("--config"), "{error}");
    }

    #[test]
    fn an_unknown_key_names_the_key_and_the_file() {
        for text in ["colour = \"blue\"\n", "[fetch]\ntimeout = \"5s\"\nretries = 3\n", "[telemetry]\non = true\n"] {
            let (dir, layers) = folder(text);
            let error = load(&layers).unwrap_err().to_string();
            let key = if text.contains("colour") {
                "colour"
            } else if text.contains("retries") {
                "retries"
            } else {
                "telemetry"
            };
            assert!(error.contains(&format!("`{key}`")), "{error}");
            assert!(error.contains(&dir.path().join(FILE_NAME).display().to_string()), "{error}");
        }
    }

    #[test]
    fn a_bad_value_names_the_key_and_the_reason() {
        let (dir, layers) = folder("[fetch]\ntimeout = \"soon\"\n");
        let error = load(&layers).unwrap_err().to_string();
        assert!(error.contains("timeout") && error.contains("\"soon\"") && error.contains("duration"), "{error}");
        assert!(error.contains(&dir.path().display().to_string()), "{error}");

        let (_dir, layers) = folder("[serve]\naddr = 8080\n");
        let error = load(&layers).unwrap_err().to_string();
        assert!(error.contains("addr"), "{error}");

        let (_dir, layers) = folder("[summary]\nbullets = 0\n");
        let error = load(&layers).unwrap_err().to_string();
        assert!(error.starts_with("summary.bullets (from file") && error.contains("between 1 and 20"), "{error}");

        // A generator is a model file or an endpoint with a model name, never both.
        let (_dir, layers) =
            folder("[generator]\nmodel = \"models\"\nurl = \"http://127.0.0.1:8081/v1\"\nname = \"m\"\n");
        let error = load(&layers).unwrap_err().to_string();
        assert!(error.starts_with("generator.url (from file") && error.contains("not both"), "{error}");
        let (_dir, layers) = folder("[generator]\nurl = \"http://127.0.0.1:8081/v1\"\n");
        let error = load(&layers).unwrap_err().to_string();
        assert!(error.starts_with("generator.name (from default") && error.contains("--llm-model"), "{error}");
        let (_dir, layers) = folder("[generator]\ntimeout = \"0s\"\n");
        let error = load(&layers).unwrap_err().to_string();
        assert!(error.starts_with("generator.timeout (from file"), "{error}");
        let (_dir, layers) = folder("[generator]\nurl = \"http://127.0.0.1:8081/v1\"\nname = \"m\"\n");
        assert_eq!(load(&layers).unwrap().config.generator.name, "m");

        let (_dir, layers) = folder("version = 2\n");
        let error = load(&layers).unwrap_err().to_string();
        assert!(error.contains("version = 2") && error.contains("version 1"), "{error}");

        let (_dir, layers) = folder("[fetch\n");
        assert!(load(&layers).is_err());

        let (_dir, mut layers) = folder("");
        layers.env.insert("DISTILL_HOST_DELAY".into(), "5 weeks".into());
        let error = load(&layers).unwrap_err().to_string();
        assert!(error.starts_with("fetch.host_delay (from env DISTILL_HOST_DELAY): "), "{error}");

        let (_dir, mut layers) = folder("");
        layers.flags.push(FlagValue::new("serve.addr", "localhost"));
        let error = load(&layers).unwrap_err().to_string();
        assert!(error.starts_with("serve.addr (from flag --addr): "), "{error}");
    }

    #[test]
    fn the_database_is_a_postgres_url_from_any_layer() {
        let (_dir, mut layers) = folder("database = \"postgres://news@db.internal:5432/distill\"\n");
        assert_eq!(load(&layers).unwrap().config.database, "postgres://news@db.internal:5432/distill");
        layers.env.insert("DISTILL_DATABASE".into(), "postgresql://news@127.0.0.1/other".into());
        assert_eq!(load(&layers).unwrap().config.database, "postgresql://news@127.0.0.1/other");
        layers.flags.push(FlagValue::new("database", "mysql://news@127.0.0.1/other"));
        let error = load(&layers).unwrap_err().to_string();
        assert!(error.starts_with("database (from flag --database): must be a postgres://"), "{error}");
        // Without one, the store is the SQLite file in the data folder.
        let (_dir, layers) = folder("");
        assert_eq!(load(&layers).unwrap().config.database, "");
        // A password is never shown.
        let (_dir, layers) = folder("database = \"postgres://news:s3cret@db:5432/distill?options=x\"\n");
        let text = load(&layers).unwrap().to_annotated_toml();
        assert!(text.contains("database = \"postgres://news:***@db:5432/distill?options=x\""), "{text}");
        assert!(!text.contains("s3cret"), "{text}");
        assert_eq!(redact_password("postgres://news@db/x"), "postgres://news@db/x");
        assert_eq!(redact_password("postgres://a:b@c@db/x"), "postgres://a:***@db/x");
    }

    #[test]
    fn the_data_folders_own_file_cannot_move_the_data_folder() {
        let (_dir, layers) = folder("data = \"/elsewhere\"\n");
        let error = load(&layers).unwrap_err().to_string();
        assert!(error.contains("data:") && error.contains("--config"), "{error}");
    }

    #[test]
    fn booleans_read_as_the_old_flags_did() {
        for (text, expected) in [("1", true), ("true", true), ("yes", true), ("0", false), ("false", false)] {
            let (_dir, mut layers) = folder("[fetch]\nallow_private = true\n");
            layers.env.insert("DISTILL_ALLOW_PRIVATE".into(), text.into());
            assert_eq!(load(&layers).unwrap().config.fetch.allow_private, expected, "{text}");
        }
        // An empty variable counts as unset.
        let (_dir, mut layers) = folder("[fetch]\nallow_private = true\n");
        layers.env.insert("DISTILL_ALLOW_PRIVATE".into(), String::new());
        assert!(load(&layers).unwrap().config.fetch.allow_private);
    }

    #[test]
    fn the_annotated_toml_reads_back_to_the_same_configuration() {
        let (dir, mut layers) = folder("[serve]\npoll_every = \"5m\"\n[logging]\nlevel = \"info\"\n");
        layers.env.insert("DISTILL_BULLETS".into(), "3".into());
        layers.flags.push(FlagValue::new("fetch.host_delay", "1500ms"));
        let loaded = load(&layers).unwrap();
        let text = loaded.to_annotated_toml();
        let file = dir.path().join(FILE_NAME).display().to_string();
        assert!(text.contains(&format!("poll_every = \"5m\"  # file {file}\n")), "{text}");
        assert!(text.contains("bullets = 3  # env DISTILL_BULLETS\n"), "{text}");
        assert!(text.contains("host_delay = \"1500ms\"  # flag --host-delay\n"), "{text}");
        assert!(text.contains("max_body = 16777216  # default\n"), "{text}");
        let back: Config = toml::from_str(&text).unwrap();
        assert_eq!(back, loaded.config);
    }

    #[test]
    fn durations_read_and_print_like_people_write_them() {
        assert_eq!(parse_duration("250ms").unwrap(), Duration::from_millis(250));
        assert_eq!(parse_duration("15m").unwrap(), Duration::from_secs(900));
        assert_eq!(parse_duration("1h").unwrap(), Duration::from_secs(3600));
        assert_eq!(parse_duration("90").unwrap(), Duration::from_secs(90));
        assert!(parse_duration("soon").is_err());
        assert!(parse_duration("5 weeks").is_err());
        assert!(parse_duration("1e300d").is_err());
        for (d, text) in [(900, "15m"), (90, "90s"), (7200, "2h"), (86400, "1d")] {
            assert_eq!(HumanDuration(Duration::from_secs(d)).to_string(), text);
        }
        assert_eq!(HumanDuration(Duration::from_millis(1500)).to_string(), "1500ms");
        assert_eq!(HumanDuration(Duration::ZERO).to_string(), "0ms");
    }
}
