//! `distill ask`: answers a question from the stored articles, with citations, or
//! says that they do not hold the answer and shows the closest passages.

use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;
use distill_library::code::{Code, Coded};
use distill_library::{Answer, AskQuery, Library};

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
}

pub fn run(library: &Library, args: AskArgs) -> anyhow::Result<ExitCode> {
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
            let _ = writeln!(out, "{}{differ} {marks}", a.text);
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
