//! Insight questions: the questions a careful reader would ask of an article, each
//! naming the article's own actors or key phrases and grounded in the sentences that
//! speak to it. Kinds follow the reference product: what it consists of, how it came
//! about, actors and motives, reactions, implications, risks, economics, obstacles,
//! outlook, competing views, success factors.
//!
//! The generator is statistical: a question of a kind is asked only when sentences
//! carrying that kind's cues exist, and it cites them. A model-backed generator can
//! replace it later; its questions pass through the same grounding.

use std::collections::HashSet;

use distill_core::{Insight, Sentence};

use crate::terms::{Entity, Terms};

/// One kind of question: its cues in the text and how to phrase it.
struct Kind {
    name: &'static str,
    cues: &'static [&'static str],
    /// Template: `{topic}` is the article's subject, `{who}` an entity.
    template: &'static str,
    /// Whether the template needs `{who}`.
    needs_entity: bool,
}

const KINDS: &[Kind] = &[
    Kind { name: "components", cues: &[], template: "What are the key components of {topic}?", needs_entity: false },
    Kind {
        name: "background",
        cues: &[
            "since",
            "after",
            "previously",
            "earlier",
            "history",
            "began",
            "ago",
            "following",
            "decades",
            "long ",
            "first",
            "steadily",
            "has been",
            "had been",
        ],
        template: "What events led to {topic}?",
        needs_entity: false,
    },
    Kind {
        name: "motives",
        cues: &[
            "to counter",
            "aim",
            "hope",
            "seek",
            "in order to",
            "because",
            "concerned",
            "desperate",
            "eager",
            "want",
            "goal",
            "strategy",
            "interest",
            "motive",
            "leverage",
            "intend",
        ],
        template: "What motivates {who} in {topic}?",
        needs_entity: true,
    },
    Kind {
        name: "reactions",
        cues: &[
            "said", "says", "argue", "warn", "criticiz", "criticis", "welcomed", "condemn", "praise", "respond",
            "reaction", "told", "denied", "called", "noted",
        ],
        template: "How has {who} reacted to {topic}?",
        needs_entity: true,
    },
    Kind {
        name: "implications",
        cues: &["could", "may ", "might", "would", "implication", "impact", "effect", "consequence", "signal", "mean"],
        template: "What are the potential implications of {topic} for {who}?",
        needs_entity: true,
    },
    Kind {
        name: "risks",
        cues: &[
            "risk",
            "threat",
            "danger",
            "concern",
            "fear",
            "warn",
            "undermine",
            "escalat",
            "trigger",
            "violat",
            "jeopard",
            "suspicious",
            "abuse",
        ],
        template: "What risks does {topic} pose for {who}?",
        needs_entity: true,
    },
    Kind {
        name: "economics",
        cues: &[
            "econom", "invest", "billion", "million", "resource", "trade", "market", "percent", "mineral", "price",
            "cost", "budget", "revenue", "jobs", "tax", "fund", "profit", "financ", "sanction", "lithium", "oil",
        ],
        template: "What economic opportunities and costs does {topic} bring?",
        needs_entity: false,
    },
    Kind {
        name: "obstacles",
        cues: &[
            "lack",
            "doubt",
            "strain",
            "challenge",
            "uncertain",
            "obstacle",
            "difficult",
            "hurdle",
            "shortage",
            "limited",
            "struggle",
            "fail",
            "insufficient",
            "persistent",
        ],
        template: "What obstacles could stand in the way of {topic}?",
        needs_entity: false,
    },
    Kind {
        name: "outlook",
        cues: &[
            "will ",
            "expected",
            "future",
            "depend",
            "prospect",
            "long-term",
            "next",
            "plan",
            "ultimately",
            "outlook",
            "coming",
        ],
        template: "What are the long-term prospects for {who} after {topic}?",
        needs_entity: true,
    },
    Kind {
        name: "competing-views",
        cues: &[
            "however",
            "while",
            "critics",
            "others",
            "disagree",
            "consensus",
            "contrast",
            "interpret",
            "differ",
            "dispute",
            "skeptic",
        ],
        template: "How do supporters and critics differ in their views of {topic}?",
        needs_entity: false,
    },
    Kind {
        name: "success-factors",
        cues: &["depend", "whether", "success", "succeed", "determine", "hinge", "key to"],
        template: "What will determine whether {topic} succeeds?",
        needs_entity: false,
    },
    Kind { name: "actors", cues: &[], template: "What role does {who} play in {topic}?", needs_entity: true },
    Kind { name: "effects", cues: &[], template: "How does {topic} affect {who}?", needs_entity: true },
];

/// Returns insight questions for an article, at most 18.
pub fn generate_insights(title: &str, sentences: &[Sentence], terms: &Terms) -> Vec<Insight> {
    if sentences.is_empty() {
        return Vec::new();
    }
    let topic = topic(title, terms);
    let lower: Vec<String> = sentences.iter().map(|s| format!(" {} ", s.text.to_lowercase())).collect();
    let entities: Vec<&Entity> =
        terms.entities.iter().filter(|e| e.count >= 1 && !topic.contains(&e.short)).take(10).collect();
    let mut out: Vec<Insight> = Vec::new();
    let mut used_entities: Vec<&str> = Vec::new();
    let push = |out: &mut Vec<Insight>, question: String, kind: &str, citations: Vec<usize>| {
        if citations.is_empty() || out.len() >= 18 {
            return false;
        }
        let words: HashSet<String> = distill_core::text::words(&question).collect();
        let near_copy = out.iter().any(|q| {
            let other: HashSet<String> = distill_core::text::words(&q.question).collect();
            let union = words.union(&other).count().max(1);
            words.intersection(&other).count() as f64 / union as f64 > 0.7
        });
        if near_copy {
            return false;
        }
        out.push(Insight { question, kind: kind.to_string(), citations });
        true
    };
    // First pass: each kind once, with the entity its cue sentences mention most.
    for kind in KINDS {
        let cue_sentences: Vec<usize> = if kind.cues.is_empty() {
            topic_sentences(&topic, &lower)
        } else {
            (0..sentences.len()).filter(|&i| kind.cues.iter().any(|c| lower[i].contains(c))).collect()
        };
        if cue_sentences.is_empty() {
            continue;
        }
        let question = kind.template.replace("{topic}", &topic.text);
        if kind.needs_entity {
            let pick = entities
                .iter()
                .filter(|e| !used_entities.contains(&e.short.as_str()))
                .max_by_key(|e| (e.sentences.iter().filter(|i| cue_sentences.contains(i)).count(), e.count));
            let Some(entity) = pick else { continue };
            let mut citations: Vec<usize> =
                entity.sentences.iter().copied().filter(|i| cue_sentences.contains(i)).take(3).collect();
            if citations.is_empty() {
                citations = entity.sentences.iter().copied().take(2).collect();
            }
            if push(&mut out, question.replace("{who}", &entity.short), kind.name, citations) {
                used_entities.push(&entity.short);
            }
        } else {
            push(&mut out, question, kind.name, cue_sentences.into_iter().take(3).collect());
        }
    }
    // Second pass: entity questions until there are enough.
    for entity in &entities {
        if out.len() >= 12 {
            break;
        }
        for kind in KINDS.iter().filter(|k| matches!(k.name, "actors" | "effects")) {
            let question = kind.template.replace("{topic}", &topic.text).replace("{who}", &entity.short);
            if push(&mut out, question, kind.name, entity.sentences.iter().copied().take(3).collect()) {
                break;
            }
        }
    }
    out
}

/// The article's subject as a noun phrase, with the phrase that finds it in the text.
struct Topic {
    text: String,
    needle: String,
}

impl Topic {
    fn contains(&self, name: &str) -> bool {
        self.text.contains(name)
    }
}

/// The key phrase that shares most with the headline, else the top key phrase,
/// else the main entity.
fn topic(title: &str, terms: &Terms) -> Topic {
    let title_stems: HashSet<&str> = terms.title_stems.iter().map(String::as_str).collect();
    let phrase = terms
        .phrases
        .iter()
        .take(30)
        .map(|p| {
            let overlap =
                crate::terms::content_stems(&p.text).iter().filter(|s| title_stems.contains(s.as_str())).count();
            (p, overlap)
        })
        .filter(|(_, overlap)| *overlap > 0)
        .max_by(|a, b| a.1.cmp(&b.1).then(a.0.score.total_cmp(&b.0.score)))
        .map(|(p, _)| p)
        .or_else(|| terms.phrases.first());
    if let Some(p) = phrase {
        return Topic { text: format!("the {}", p.text), needle: p.text.to_lowercase() };
    }
    if let Some(e) = terms.entities.first() {
        return Topic { text: e.name.clone(), needle: e.name.to_lowercase() };
    }
    let fallback = title.split_whitespace().take(6).collect::<Vec<_>>().join(" ");
    Topic { text: format!("\"{fallback}\""), needle: fallback.to_lowercase() }
}

fn topic_sentences(topic: &Topic, lower: &[String]) -> Vec<usize> {
    let hits: Vec<usize> = (0..lower.len()).filter(|&i| lower[i].contains(&topic.needle)).take(3).collect();
    if hits.is_empty() { vec![0] } else { hits }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::split_sentences;

    #[test]
    fn questions_are_grounded_varied_and_distinct() {
        let text = "Russia has signed a formal military-technical agreement with the Taliban. The pact follows years of warming ties since 2021.\n\n\
            Temur Umarov argues that Moscow hopes to counter IS-K militants. Critics warn the deal could trigger an arms race and undermine Tajikistan.\n\n\
            The Taliban welcomed the offer. Afghanistan has lithium and copper that could attract Russian investment, but the lack of infrastructure is a challenge.\n\n\
            The deal's impact will depend on whether the Taliban can maintain cohesion. However, Western officials interpret the formal military-technical agreement as aggressive.";
        let sentences = split_sentences(text);
        let terms = Terms::new("Russia's Military-Technical Pact With the Taliban", &sentences);
        let insights = generate_insights("Russia's Military-Technical Pact With the Taliban", &sentences, &terms);
        assert!(insights.len() >= 10, "{insights:#?}");
        let kinds: HashSet<&str> = insights.iter().map(|i| i.kind.as_str()).collect();
        assert!(kinds.len() >= 6, "{kinds:?}");
        for i in &insights {
            assert!(!i.citations.is_empty() && i.citations.iter().all(|&c| c < sentences.len()));
            assert!(i.question.ends_with('?'));
        }
    }
}
