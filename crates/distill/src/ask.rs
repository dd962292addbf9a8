//! `distill ask`: answers a question from the stored articles, with citations, or
//! says that they do not hold the answer and shows the closest passages.

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;
use distill_core::LineMethod;
use distill_generate::Flow;
use distill_library::code::{Code, Coded};
use distill_library::config::GeneratorSettings;
use distill_library::{Answer, AskQuery, Library, grounded};

use crate::settings::GeneratorArgs;

#[derive(Args)]
pub struct AskArgs {
    /// The question, in words.
    pub question: String,
    /// Only this article's sentences.
    #[arg(long, conflicts_with = "story")]
    pub article: Option<String>,
    /// Only the sentences of this story's articles.
    #[arg(long)]
    pub story: Option<String>,
    /// Most words of the answer (whole sentences only).
    #[arg(long, default_value_t = distill_library::ask::DEFAULT_WORDS)]
    pub words: usize,
    /// Print JSON: {question, covered, answer: [{text, citations: [{id, sentence}], disputed}], passages}.
    #[arg(long)]
    pub json: bool,
    /// Sentence encoder for retrieval and scoring: a model folder, or a folder holding
    /// all-minilm-l6-v2/ (scripts/fetch-models.sh DIR) [env: DISTILL_MODELS].
    #[arg(long)]
    pub models: Option<PathBuf>,
    /// A generator writes the answer from the cited sentences (streamed as it writes);
    /// each of its sentences is kept only if the grounding check supports it, else the
    /// extractive answer stands.
    #[command(flatten)]
    pub generator: GeneratorArgs,
}

pub fn run(library: &Library, args: AskArgs, generator: &GeneratorSettings) -> anyhow::Result<ExitCode> {
    if args.words == 0 || args.words > distill_library::ask::MAX_WORDS {
        let max = distill_library::ask::MAX_WORDS;
        return Err(Coded::new(Code::BadParameter, format!("--words: give 1 to {max}, not {}", args.words)).into());
    }
    let query = AskQuery { question: args.question, article: args.article, story: args.story, words: args.words };
    let Some(answer) = library.ask(&query)? else {
        let message = match (&query.article, &query.story) {
            (Some(id), _) => format!("no article with id {id:?} (see `distill list`)"),
            (_, Some(id)) => format!("no story with id {id:?} (see `distill stories`)"),
            (None, None) => "nothing to answer from".to_string(),
        };
        return Err(Coded::new(Code::NotFound, message).into());
    };
    let generator = grounded::open_generator(generator).map_err(|e| Coded::new(Code::BadParameter, e.to_string()))?;
    let answer = match generator {
        Some(generator) if answer.covered => {
            let streaming = !args.json;
            if streaming {
                eprintln!("{} is writing (each sentence is then checked against the sources):", generator.name());
            }
            let mut stderr = std::io::stderr();
            let written = grounded::write_answer(generator.as_ref(), &answer, args.words, &mut |piece| {
                if streaming {
                    let _ = stderr.write_all(piece.as_bytes());
                    let _ = stderr.flush();
                }
                Flow::Continue
            });
            if streaming {
                eprintln!("\n");
            }
            written
        }
        _ => answer,
    };
    if args.json {
        println!("{}", serde_json::to_string(&answer)?);
    } else {
        print!("{}", text(&answer));
    }
    Ok(ExitCode::SUCCESS)
}

/// The answer for people: its sentences with `[id:sentence]` marks (sentences counted
/// from 1), or why there is none, then the closest passages.
fn text(answer: &Answer) -> String {
    let mut out = String::new();
    if answer.covered {
        for a in &answer.answer {
            let marks: String = a.citations.iter().map(|c| format!("[{}:{}]", c.id, c.sentence + 1)).collect();
            let differ = if a.disputed { " (sources differ)" } else { "" };
            let generated = if a.method == LineMethod::Generated { " (generated, checked)" } else { "" };
            let _ = writeln!(out, "{}{differ}{generated} {marks}", a.text);
        }
        if let Some(note) = &answer.generation {
            let _ = match &note.error {
                Some(error) => {
                    writeln!(out, "The generator failed ({error}); the answer is the sources' own sentences.")
                }
                None if note.kept == 0 => writeln!(
                    out,
                    "None of {}'s {} sentences was supported by the sources; the answer is their own sentences.",
                    note.generator, note.rejected
                ),
                None => writeln!(
                    out,
                    "Written by {}: {} sentences supported by the sources kept, {} dropped.",
                    note.generator, note.kept, note.rejected
                ),
            };
        }
    } else {
        let _ = writeln!(out, "Not covered: the stored articles do not answer this question.");
    }
    if !answer.passages.is_empty() {
        let _ = writeln!(out, "\n{}", if answer.covered { "Passages" } else { "Closest passages" });
        for p in &answer.passages {
            let _ = writeln!(out, "  [{}:{}] {}  ({})", p.id, p.sentence + 1, p.text, p.title);
        }
    }
    out
}
