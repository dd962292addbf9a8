//! Generated lines held to their sources.
//!
//! A generator (see `distill-generate`) may rewrite an answer or a key point, but what
//! it writes is shown only when the grounding check (`distill_nlp::verify`) finds each
//! sentence supported by the source sentences it was given; a sentence that fails is
//! dropped, and where nothing survives the extractive line stands. Every line records
//! its method, so the reader always knows which words are the sources' and which are
//! a model's. Prompts are versioned files under `prompts/`: a change of wording is a
//! new file, so a stored line can be traced to the prompt that wrote it.

use std::sync::Arc;

use distill_core::{Bullet, LineMethod, Sentence, Summary};
pub use distill_generate::{Flow, GenerateError, Generator};
use distill_generate::{GgufConfig, GgufGenerator, OpenAiConfig, OpenAiGenerator, Request};
use distill_nlp::verify::Sources;
use serde::Serialize;
use utoipa::ToSchema;

use crate::ask::{Answer, AnswerSentence, Citation};
use crate::config::GeneratorSettings;

/// The system prompt of answers (version 1).
pub const ANSWER_PROMPT: &str = include_str!("../prompts/answer.v1.txt");
/// The system prompt of key-point rewrites (version 1).
pub const KEY_POINT_PROMPT: &str = include_str!("../prompts/key-point.v1.txt");

/// Most passages handed to the generator for one answer.
const MAX_PASSAGES: usize = 8;

/// What a generator did to an answer or a set of key points.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct GenerationNote {
    /// The generator, as it names itself.
    pub generator: String,
    /// Generated sentences kept (the check found them supported).
    pub kept: usize,
    /// Generated sentences dropped (not supported by their sources).
    pub rejected: usize,
    /// Why nothing was generated, when the generator failed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

/// Opens the configured generator; `None` when none is configured.
pub fn open_generator(settings: &GeneratorSettings) -> Result<Option<Arc<dyn Generator>>, GenerateError> {
    if !settings.url.is_empty() {
        let config = OpenAiConfig { timeout: settings.timeout.0, ..OpenAiConfig::new(&settings.url, &settings.name) };
        return Ok(Some(Arc::new(OpenAiGenerator::new(config)?)));
    }
    if settings.model.as_os_str().is_empty() {
        return Ok(None);
    }
    let path = distill_generate::find_model(&settings.model).ok_or_else(|| GenerateError::Load {
        path: settings.model.clone(),
        reason: "no GGUF file there (give the file, or a folder holding smollm2-135m-instruct/model.gguf from scripts/fetch-models.sh DIR)".into(),
    })?;
    let config = GgufConfig { wait: settings.timeout.0, ..GgufConfig::default() };
    Ok(Some(Arc::new(GgufGenerator::open(&path, config)?)))
}

/// Rewrites a covered answer with `generator` from the sentences it cites and the
/// closest passages, streaming the generator's text to `on_text`; keeps each generated
/// sentence the check supports, cited to the passages that support it, and returns the
/// extractive answer unchanged (with a note) when none is supported or the generator
/// fails. An answer that is not covered is never generated: no guess.
pub fn write_answer(
    generator: &dyn Generator,
    answer: &Answer,
    words: usize,
    on_text: &mut dyn FnMut(&str) -> Flow,
) -> Answer {
    let mut out = answer.clone();
    if !answer.covered || answer.answer.is_empty() {
        return out;
    }
    let mut passages: Vec<(&str, &Citation)> = Vec::new();
    for line in &answer.answer {
        if let Some(cite) = line.citations.first() {
            passages.push((&line.text, cite));
        }
    }
    let extra: Vec<Citation> =
        answer.passages.iter().map(|p| Citation { id: p.id.clone(), sentence: p.sentence }).collect();
    for (p, cite) in answer.passages.iter().zip(&extra) {
        if passages.len() >= MAX_PASSAGES {
            break;
        }
        if !passages.iter().any(|(_, c)| c.id == cite.id && c.sentence == cite.sentence) {
            passages.push((&p.text, cite));
        }
    }
    let numbered: String =
        passages.iter().enumerate().map(|(i, (text, _))| format!("[{}] {}\n", i + 1, text)).collect();
    let user = format!(
        "Question: {}\n\nPassages:\n{numbered}\nAnswer the question in at most {words} words, using only the passages.",
        answer.question
    );
    let request = Request::chat(ANSWER_PROMPT, &user, (words * 2).clamp(32, 400));
    let generation = match generator.generate(&request, on_text) {
        Ok(g) => g,
        Err(e) => {
            out.generation = Some(GenerationNote {
                generator: generator.name().to_string(),
                kept: 0,
                rejected: 0,
                error: Some(e.to_string()),
            });
            return out;
        }
    };
    let texts: Vec<&str> = passages.iter().map(|(t, _)| *t).collect();
    let sources = Sources::new(&texts);
    let (mut kept, mut rejected, mut used_words) = (Vec::new(), 0, 0);
    for sentence in generated_sentences(&generation.text) {
        let n = sentence.split_whitespace().count();
        if used_words + n > words {
            break;
        }
        let verdict = sources.verify(&sentence);
        let evidence: Vec<&str> = verdict.evidence.iter().filter_map(|&i| texts.get(i).copied()).collect();
        if !verdict.supported() || !held_to(&sentence, &evidence) {
            rejected += 1;
            continue;
        }
        used_words += n;
        let citations = verdict.evidence.iter().filter_map(|&i| passages.get(i)).map(|(_, c)| (*c).clone()).collect();
        kept.push(AnswerSentence { text: sentence, citations, disputed: false, method: LineMethod::Generated });
    }
    let note = GenerationNote { generator: generator.name().to_string(), kept: kept.len(), rejected, error: None };
    if !kept.is_empty() {
        out.answer = kept;
    }
    out.generation = Some(note);
    out
}

/// Rewrites each key point of an article (its title, sentences and extractive
/// summary) with `generator` as one plain sentence, keeping a rewrite only when it is
/// held to the point's cited sentences (and the one before, which a pronoun may need)
/// and is no longer than the point; otherwise the extractive point stands.
pub fn rewrite_key_points(
    generator: &dyn Generator,
    title: &str,
    sentences: &[Sentence],
    summary: &Summary,
) -> (Summary, GenerationNote) {
    let mut summary = summary.clone();
    let mut note = GenerationNote { generator: generator.name().to_string(), kept: 0, rejected: 0, error: None };
    for bullet in &mut summary.bullets {
        let Some(&first) = bullet.citations.first() else { continue };
        let context: Vec<&str> = sentences
            .iter()
            .filter(|s| bullet.citations.contains(&s.index) || s.index + 1 == first)
            .map(|s| s.text.as_str())
            .collect();
        let user = format!(
            "Article: {title}\n\nContext: {}\n\nSentence: {}\n\nRewrite the sentence.",
            context.join(" "),
            bullet.text
        );
        let words = bullet.text.split_whitespace().count();
        let request = Request::chat(KEY_POINT_PROMPT, &user, (words * 2).clamp(16, 120));
        let reply = match generator.complete(&request) {
            Ok(reply) => reply,
            Err(e) => {
                note.error = Some(e.to_string());
                break;
            }
        };
        let mut sentences = generated_sentences(&reply.text);
        let Some(rewrite) = sentences.drain(..).next() else {
            note.rejected += 1;
            continue;
        };
        // A copy of the point is the point: it stays extractive.
        let same = |a: &str, b: &str| a.split_whitespace().eq(b.split_whitespace());
        if same(rewrite.trim_end_matches('.'), bullet.text.trim_end_matches('.')) {
            continue;
        }
        let n = rewrite.split_whitespace().count();
        if n < 4 || n > words + 3 || !keeps_the_point(&rewrite, &bullet.text) || !held_to(&rewrite, &context) {
            note.rejected += 1;
            continue;
        }
        *bullet = Bullet { text: rewrite, citations: bullet.citations.clone(), method: LineMethod::Generated };
        note.kept += 1;
    }
    if note.kept > 0 {
        summary.generator = Some(note.generator.clone());
    }
    (summary, note)
}

/// Share of a generated sentence's content words that one source sentence must hold.
const SINGLE_SOURCE_COVERAGE: f64 = 0.75;

/// Whether a generated sentence is held to `sources`: the check supports it against
/// them alone, and one of them holds most of its content words. The second rule is
/// stricter than `verify` is for a reader's claim, on purpose: a small model's typical
/// error is a fusion, words of two true sentences joined into a false one ("the fire
/// was fueled by melted aluminum"), which every word-level check passes.
fn held_to(sentence: &str, sources: &[&str]) -> bool {
    if sources.is_empty() || !Sources::new(sources).verify(sentence).supported() {
        return false;
    }
    let mut claim = distill_nlp::terms::content_stems(sentence);
    claim.sort();
    claim.dedup();
    if claim.is_empty() {
        return false;
    }
    sources.iter().any(|source| {
        let held: std::collections::HashSet<String> = distill_nlp::terms::content_stems(source).into_iter().collect();
        let covered = claim.iter().filter(|k| held.contains(*k)).count();
        covered as f64 >= SINGLE_SOURCE_COVERAGE * claim.len() as f64
    })
}

/// Share of a key point's content words a rewrite must keep.
const POINT_COVERAGE: f64 = 0.5;

/// Whether a rewrite still makes the point: every figure of it, and at least half of
/// its content words (a rewrite may be plainer, not emptier: "The economic stakes are
/// considerable." is no rewrite of a point that gives the stakes in dollars).
fn keeps_the_point(rewrite: &str, point: &str) -> bool {
    let figures = |t: &str| -> Vec<String> {
        t.split(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
            .map(|w| w.trim_matches(['.', ',']).replace(',', ""))
            .filter(|w| w.chars().any(|c| c.is_ascii_digit()))
            .collect()
    };
    let kept = figures(rewrite);
    if !figures(point).iter().all(|f| kept.contains(f)) {
        return false;
    }
    let mut stems = distill_nlp::terms::content_stems(point);
    stems.sort();
    stems.dedup();
    let rewritten: std::collections::HashSet<String> = distill_nlp::terms::content_stems(rewrite).into_iter().collect();
    let covered = stems.iter().filter(|k| rewritten.contains(*k)).count();
    covered as f64 >= POINT_COVERAGE * stems.len() as f64
}

/// Splits generated text into sentences, without the passage marks ("[2]") a model
/// may copy from its prompt, list markers or surrounding quotes.
fn generated_sentences(text: &str) -> Vec<String> {
    let mut clean = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('[') {
        clean.push_str(&rest[..open]);
        match rest[open..].find(']') {
            Some(close) if rest[open + 1..open + close].chars().all(|c| c.is_ascii_digit() || c == ',' || c == ' ') => {
                rest = &rest[open + close + 1..];
            }
            _ => {
                clean.push('[');
                rest = &rest[open + 1..];
            }
        }
    }
    clean.push_str(rest);
    let clean = clean.replace('\n', " ");
    distill_nlp::split_sentences(&clean)
        .into_iter()
        .map(|s| s.text.trim().trim_start_matches(['-', '*', '•']).trim().trim_matches('"').trim().to_string())
        .map(|s| s.split_whitespace().collect::<Vec<_>>().join(" ").replace(" .", "."))
        .filter(|s| s.split_whitespace().count() >= 3 && s.ends_with(['.', '!', '?', '"', '”']))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fusion_of_two_true_sentences_is_not_held_to_them() {
        let sources = [
            "Residents found neighborhoods reduced to chimneys and melted aluminum.",
            "Investigators are focusing on a damaged power-line insulator and a fallen conductor near the trailhead.",
        ];
        assert!(held_to("Investigators are looking at a damaged power-line insulator near the trailhead.", &sources));
        assert!(!held_to(
            "The fire was fueled by melted aluminum from a damaged power-line insulator near the trailhead.",
            &sources
        ));
        assert!(!held_to("Investigators blamed arson near the trailhead.", &sources));
        assert!(!held_to("Anything at all here.", &[]));
    }

    #[test]
    fn a_rewrite_keeps_the_points_figures_and_most_of_its_words() {
        let point = "The economic stakes are considerable. Calverton handles roughly 3.5 million containers a year, worth $180 million a day.";
        assert!(!keeps_the_point("The economic stakes are considerable.", point));
        assert!(!keeps_the_point("Calverton handles 3.5 million containers a year, worth a lot.", point));
        assert!(keeps_the_point(
            "Calverton handles about 3.5 million containers a year, worth $180 million a day, so the stakes are considerable.",
            point
        ));
    }

    #[test]
    fn passage_marks_and_list_markers_are_not_part_of_a_sentence() {
        let text = "- The fire started on Tuesday [1]. Forty firefighters put it out [2, 3].\nIt was\nover by noon [x]. And then";
        let got = generated_sentences(text);
        assert_eq!(
            got,
            ["The fire started on Tuesday.", "Forty firefighters put it out.", "It was over by noon [x]."],
            "an unfinished sentence is dropped, a bracket that is not a mark is kept"
        );
    }
}
