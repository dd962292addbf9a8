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
    /// Lowest similarity at which an article joins a story [default: the clusterer's].
    #[arg(long)]
    threshold: Option<f64>,
}

/// Prints `{"id", "story"}` per input line; exit 1 when a line was skipped.
pub fn run(args: &ClusterArgs) -> anyhow::Result<ExitCode> {
    let file = std::fs::File::open(&args.input).with_context(|| format!("opening {}", args.input.display()))?;
    let mut config = distill_nlp::stories::StoryConfig::default();
    if let Some(t) = args.threshold {
        anyhow::ensure!((0.0..=1.0).contains(&t), "--threshold {t} is outside 0 to 1");
        config.threshold = t;
    }
    let report = distill_eval::cluster::stream(
        std::io::BufReader::new(file),
        &args.input.display().to_string(),
        &config,
        &mut std::io::stdout().lock(),
        &mut std::io::stderr().lock(),
    )?;
    Ok(if report.skipped == 0 { ExitCode::SUCCESS } else { ExitCode::FAILURE })
}
