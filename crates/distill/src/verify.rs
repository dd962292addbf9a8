//! `distill verify`: a claim checked against the stored articles, or the evaluation
//! contract over a JSON Lines file, which [`distill_eval::verify::stream`] runs.

use std::fmt::Write as _;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;
use clap::Args;
use distill_library::code::{Code, Coded};
use distill_library::{Library, VerifyQuery, VerifyView};

#[derive(Args)]
pub struct VerifyArgs {
    /// The claim; or, when this names an existing file, JSON Lines of {"id", "text",
    /// "summary"} ("summary": a list of sentences, or a string with one per line),
    /// each checked against its own text with no store, printing {"id", "score",
    /// "supported", "sentences": [{"text", "supported", "score", "citations"}]} per line
    /// (exit status 1 when a line was skipped).
    pub claim: String,
    /// Only this article's sentences.
    #[arg(long, conflicts_with = "story")]
    pub article: Option<String>,
    /// Only the sentences of this story's articles.
    #[arg(long)]
    pub story: Option<String>,
    /// With an input file: the sentence encoder whose cosine lets a close paraphrase
    /// carry a word or two the text does not use [env: DISTILL_MODELS].
    #[arg(long, env = "DISTILL_MODELS")]
    pub models: Option<std::path::PathBuf>,
    /// Print JSON: {claim, label, supported, score, evidence: [{article, title, source, sentence, text}], findings, articles_checked}.
    #[arg(long)]
    pub json: bool,
}

/// Whether the argument is the JSON Lines contract's input rather than a claim.
pub fn is_input_file(args: &VerifyArgs) -> bool {
    Path::new(&args.claim).is_file()
}

/// Runs the JSON Lines contract over the file the argument names.
pub fn run_file(args: &VerifyArgs) -> anyhow::Result<ExitCode> {
    let path = Path::new(&args.claim);
    let file = std::fs::File::open(path).with_context(|| format!("opening {}", path.display()))?;
    let embedder = match &args.models {
        Some(models) if !models.as_os_str().is_empty() => match distill_eval::cluster::open_embedder(models, 2) {
            Ok(embedder) => Some(embedder),
            Err(e) => {
                eprintln!("note: {e:#}: checking without the encoder");
                None
            }
        },
        _ => None,
    };
    let report = distill_eval::verify::stream(
        std::io::BufReader::new(file),
        &path.display().to_string(),
        embedder.as_deref(),
        &mut std::io::stdout().lock(),
        &mut std::io::stderr().lock(),
    )?;
    Ok(if report.skipped == 0 { ExitCode::SUCCESS } else { ExitCode::FAILURE })
}

/// Checks the claim against the data folder and prints the verdict.
pub fn run(library: &Library, args: VerifyArgs) -> anyhow::Result<ExitCode> {
    if args.claim.trim().is_empty() {
        return Err(Coded::new(Code::BadParameter, "the claim is empty").into());
    }
    let query = VerifyQuery { claim: args.claim, article: args.article, story: args.story };
    let Some(view) = library.verify(&query)? else {
        let message = match (&query.article, &query.story) {
            (Some(id), _) => format!("no article with id {id:?} (see `distill list`)"),
            (_, Some(id)) => format!("no story with id {id:?} (see `distill stories`)"),
            (None, None) => "nothing to check against".to_string(),
        };
        return Err(Coded::new(Code::NotFound, message).into());
    };
    if args.json {
        println!("{}", serde_json::to_string(&view)?);
    } else {
        print!("{}", text(&view));
    }
    Ok(ExitCode::SUCCESS)
}

/// The verdict for people: the label and score, what the checks found, and the
/// deciding sentences with their articles' titles (sentences counted from 1).
fn text(view: &VerifyView) -> String {
    let mut out = String::new();
    let label = view.label.replace('_', " ");
    let _ = writeln!(out, "{label} (score {:.2}, {} articles read)", view.score, view.articles_checked);
    for f in &view.findings {
        let _ = writeln!(out, "  {}: {}", f.check.replace('_', " "), f.words);
    }
    if !view.evidence.is_empty() {
        let _ = writeln!(out, "\nDeciding sentences");
        for e in &view.evidence {
            let _ = writeln!(out, "  [{}:{}] {}  ({})", e.article, e.sentence + 1, e.text, e.title);
        }
    }
    out
}
