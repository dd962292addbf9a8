//! `distill train`: the arguments of the training commands, which
//! [`distill_eval::train`] runs.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Subcommand;
use distill_eval::train::TrainConfig;

#[derive(Subcommand)]
pub enum TrainCommand {
    /// Train the extractor's block classifier on `html/*.html[.gz]` and `ground-truth.json`.
    Extract {
        /// The training folder.
        dir: PathBuf,
        /// Where to write the model (JSON).
        #[arg(long)]
        out: Option<PathBuf>,
        /// Cross-validation folds (by site); 0 or 1 skips cross-validation and keeps the
        /// cuts it chose on WCXB dev (never drop, add from 0.6).
        #[arg(long, default_value_t = 5)]
        folds: usize,
        /// Number of trees.
        #[arg(long, default_value_t = 30)]
        rounds: usize,
        /// Depth of each tree.
        #[arg(long, default_value_t = 6)]
        depth: usize,
        /// Learning rate.
        #[arg(long, default_value_t = 0.3)]
        learning_rate: f32,
        /// Also write every block (page, text, features, label, weight and its
        /// cross-validated probability) as JSON Lines, for studying failures; needs
        /// cross-validation.
        #[arg(long)]
        dump: Option<PathBuf>,
    },
}

pub fn run(what: TrainCommand) -> anyhow::Result<ExitCode> {
    match what {
        TrainCommand::Extract { dir, out, folds, rounds, depth, learning_rate, dump } => {
            let config = TrainConfig { rounds, depth, learning_rate, ..TrainConfig::default() };
            distill_eval::train::extract(
                &dir,
                out.as_deref(),
                dump.as_deref(),
                folds,
                &config,
                &mut std::io::stdout(),
            )?;
            Ok(ExitCode::SUCCESS)
        }
    }
}
