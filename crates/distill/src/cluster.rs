//! `distill cluster`: the arguments of the story clustering contract, which
//! [`distill_eval::cluster::stream`] runs.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::Args;

#[derive(Args)]
pub struct ClusterArgs {
    /// Input JSON Lines file: {"id", "text", "title"?, "published"?, "source"?, "url"?} per line.
    input: PathBuf,
    /// Lowest lexical score at which an article joins a story [default: the
    /// clusterer's]; with an encoder, the blend's threshold moves by as much.
    #[arg(long)]
    threshold: Option<f64>,
    /// Folder of the sentence encoder (see scripts/fetch-models.sh); without one,
    /// clustering uses lexical signals only.
    #[arg(long, env = "DISTILL_MODELS")]
    models: Option<PathBuf>,
    /// Threads of the sentence encoder.
    #[arg(long, default_value_t = 2)]
    threads: usize,
}

/// Prints `{"id", "story"}` per input line; exit 1 when a line was skipped.
pub fn run(args: &ClusterArgs) -> anyhow::Result<ExitCode> {
    let file = std::fs::File::open(&args.input).with_context(|| format!("opening {}", args.input.display()))?;
    let mut config = distill_nlp::stories::StoryConfig::default();
    if let Some(t) = args.threshold {
        anyhow::ensure!((0.0..=1.0).contains(&t), "--threshold {t} is outside 0 to 1");
        config = distill_nlp::stories::StoryClusterer::shifted(&config, t);
    }
    let embedder = match &args.models {
        None => {
            eprintln!(
                "note: no sentence encoder (set --models DIR or DISTILL_MODELS; scripts/fetch-models.sh DIR fetches one): clustering on lexical signals only"
            );
            None
        }
        Some(models) => match distill_eval::cluster::open_embedder(models, args.threads) {
            Ok(embedder) => Some(embedder),
            Err(e) => {
                eprintln!("note: {e:#}: clustering on lexical signals only");
                None
            }
        },
    };
    let report = distill_eval::cluster::stream(
        std::io::BufReader::new(file),
        &args.input.display().to_string(),
        &config,
        embedder.as_deref(),
        &mut std::io::stdout().lock(),
        &mut std::io::stderr().lock(),
    )?;
    Ok(if report.skipped == 0 { ExitCode::SUCCESS } else { ExitCode::FAILURE })
}
