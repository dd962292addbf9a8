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

use distill_core::{Insight, InsightKind, Sentence};

use crate::terms::{Entity, Terms};

/// One kind of question: its cues in the text and how to phrase it.
struct Kind {
    name: InsightKind,
    cues: &'static [&'static str],
    /// Template: `{topic}` is the article's subject, `{who}` an entity.
    template: &'static str,
    /// Whether the template needs `{who}`.
    needs_entity: bool,
}

const KINDS: &[Kind] = &[
    Kind {
        name: InsightKind::Components,
        cues: &[],
        template: "What is known so far about {topic}?",
        needs_entity: false,
    },
    Kind {
        name: InsightKind::Background,
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
        name: InsightKind::Motives,
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
        name: InsightKind::Reactions,
        cues: &[
            "said", "says", "argue", "warn", "criticiz", "criticis", "welcomed", "condemn", "praise", "respond",
            "reaction", "told", "denied", "called", "noted",
        ],
        template: "How has {who} reacted to {topic}?",
        needs_entity: true,
    },
    Kind {
        name: InsightKind::Implications,
        cues: &["could", "may ", "might", "would", "implication", "impact", "effect", "consequence", "signal", "mean"],
        template: "What are the potential implications of {topic} for {who}?",
        needs_entity: true,
    },
    Kind {
        name: InsightKind::Risks,
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
        name: InsightKind::Economics,
        cues: &[
            "econom", "invest", "billion", "million", "resource", "trade", "market", "percent", "mineral", "price",
            "cost", "budget", "revenue", "jobs", "tax", "fund", "profit", "financ", "sanction", "lithium", "oil",
        ],
        template: "What are the economic stakes of {topic}?",
        needs_entity: false,
    },
    Kind {
        name: InsightKind::Obstacles,
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
        name: InsightKind::Outlook,
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
        name: InsightKind::CompetingViews,
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
        name: InsightKind::SuccessFactors,
        cues: &["depend", "whether", "success", "succeed", "determine", "hinge", "key to"],
        template: "What will determine whether {topic} succeeds?",
        needs_entity: false,
    },
    Kind {
        name: InsightKind::Actors,
        cues: &[],
        template: "What role does {who} play in {topic}?",
        needs_entity: true,
    },
    Kind { name: InsightKind::Effects, cues: &[], template: "How does {topic} affect {who}?", needs_entity: true },
];

/// Returns insight questions for an article, at most 18.
pub fn generate_insights(title: &str, sentences: &[Sentence], terms: &Terms) -> Vec<Insight> {
    if sentences.is_empty() {
        return Vec::new();
    }
    let topic = topic(title, sentences, terms);
    let lower: Vec<String> = sentences.iter().map(|s| format!(" {} ", s.text.to_lowercase())).collect();
    let entities: Vec<&Entity> = terms
        .entities
        .iter()
        .filter(|e| !topic.contains(&e.short) && !e.name.contains(topic.text.as_str()))
        .take(10)
        .collect();
    let mut out: Vec<Insight> = Vec::new();
    let mut used_entities: Vec<&str> = Vec::new();
    let push = |out: &mut Vec<Insight>, question: String, kind: InsightKind, citations: Vec<usize>| {
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
        out.push(Insight { question, kind, citations });
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
        if kind.name == InsightKind::SuccessFactors && !topic.plan && !lower.iter().any(|s| s.contains("succe")) {
            continue;
        }
        let template = if kind.name == InsightKind::Components && topic.plan {
            "What are the key components of {topic}?"
        } else if topic.actor {
            actor_template(kind.name).unwrap_or(kind.template)
        } else {
            kind.template
        };
        let question = template.replace("{topic}", &topic.text);
        if kind.needs_entity {
            let wants_person = matches!(kind.name, InsightKind::Reactions | InsightKind::Motives);
            let avoids_person = matches!(
                kind.name,
                InsightKind::Outlook | InsightKind::Implications | InsightKind::Risks | InsightKind::Effects
            );
            let pick = entities
                .iter()
                .filter(|e| !used_entities.contains(&e.short.as_str()))
                .filter(|e| !(avoids_person && e.person))
                .max_by_key(|e| {
                    let hits = e.sentences.iter().filter(|i| cue_sentences.contains(i)).count();
                    (usize::from(wants_person && e.person && hits > 0), hits, e.count)
                });
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
        let kinds =
            if entity.person { &[InsightKind::Actors][..] } else { &[InsightKind::Actors, InsightKind::Effects][..] };
        for kind in KINDS.iter().filter(|k| kinds.contains(&k.name)) {
            let template = if topic.actor { actor_template(kind.name).unwrap_or(kind.template) } else { kind.template };
            let question = template.replace("{topic}", &topic.text).replace("{who}", &entity.short);
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
    /// An agreement or plan: it has components and can succeed.
    plan: bool,
    /// The subject is a named actor rather than an event ("Lumora", not "the breach").
    actor: bool,
}

/// Templates for an article whose subject is an actor: event wording ("What events
/// led to Lumora?") does not fit a name.
fn actor_template(kind: InsightKind) -> Option<&'static str> {
    Some(match kind {
        InsightKind::Components => "What is known so far about {topic}?",
        InsightKind::Background => "What led up to the latest developments at {topic}?",
        InsightKind::Motives => "What motivates {who} in its dealings with {topic}?",
        InsightKind::Reactions => "How has {who} responded to {topic}?",
        InsightKind::Implications => "What could these developments mean for {who}?",
        InsightKind::Risks => "What risks does {who} face from {topic}?",
        InsightKind::Economics => "What is at stake financially for {topic}?",
        InsightKind::Obstacles => "What obstacles does {topic} face?",
        InsightKind::Outlook => "What are the long-term prospects for {who}?",
        InsightKind::CompetingViews => "How do supporters and critics of {topic} differ?",
        InsightKind::Actors => "How is {who} involved with {topic}?",
        InsightKind::Effects => "How are {who} and {topic} connected?",
        _ => return None,
    })
}

impl Topic {
    fn contains(&self, name: &str) -> bool {
        self.text.contains(name)
    }
}

/// The article's subject: a key phrase repeated in the body that shares a word with
/// the headline; else the headline noun the body most often writes after "the";
/// else the top key phrase; else the main entity.
fn topic(title: &str, sentences: &[Sentence], terms: &Terms) -> Topic {
    if let Some(event) = event_topic(title, sentences) {
        return event;
    }
    let title_stems: HashSet<&str> = terms.title_stems.iter().map(String::as_str).collect();
    const NOT_OPENERS: &[&str] = &[
        "million",
        "billion",
        "thousand",
        "hundred",
        "percent",
        "raise",
        "raised",
        "cut",
        "make",
        "made",
        "take",
        "took",
        "give",
        "gave",
        "keep",
        "kept",
        "hold",
        "held",
        "rose",
        "fell",
        "grew",
        "lift",
        "lifted",
        "reach",
        "reached",
        "expect",
        "expected",
        "plan",
        "planned",
        "announce",
        "announced",
        "approve",
        "approved",
        "face",
        "faced",
        "several",
        "many",
        "more",
        "most",
        "other",
        "same",
        "first",
        "second",
        "third",
        "next",
        "former",
    ];
    let readable = |text: &str| {
        let first = text.split(' ').next().unwrap_or("");
        text.split(' ').all(|w| !w.ends_with("ly"))
            && !first.ends_with("ing")
            && !NOT_OPENERS.contains(&first.to_lowercase().as_str())
            && !first.chars().next().is_some_and(|c| c.is_ascii_digit())
    };
    let phrase = terms
        .phrases
        .iter()
        .take(40)
        .filter(|p| readable(&p.text))
        .map(|p| {
            let overlap =
                crate::terms::content_stems(&p.text).iter().filter(|s| title_stems.contains(s.as_str())).count();
            (p, overlap)
        })
        .filter(|(p, overlap)| *overlap > 0 && p.sentences.len() >= 2)
        .max_by(|a, b| a.1.cmp(&b.1).then(a.0.score.total_cmp(&b.0.score)))
        .map(|(p, _)| p);
    if let Some(p) = phrase {
        return Topic { text: format!("the {}", p.text), needle: p.text.to_lowercase(), plan: false, actor: false };
    }
    if let Some(noun) = title_noun(title, sentences) {
        return Topic { text: format!("the {noun}"), needle: noun, plan: false, actor: false };
    }
    if let Some(e) = terms.entities.iter().find(|e| e.in_title).or(terms.entities.first()) {
        return Topic {
            text: e.short.clone(),
            needle: e.short.trim_start_matches("the ").to_lowercase(),
            plan: false,
            actor: true,
        };
    }
    let fallback = title.split_whitespace().take(6).collect::<Vec<_>>().join(" ");
    Topic { text: format!("\"{fallback}\""), needle: fallback.to_lowercase(), plan: false, actor: false }
}

/// Head nouns of news events. A headline that names one ("port strike", "rate
/// hike", "Tamsin Ridge Fire") names the article's subject better than any
/// statistic over the body.
const EVENT_NOUNS: &[&str] = &[
    "agreement",
    "pact",
    "deal",
    "treaty",
    "accord",
    "merger",
    "takeover",
    "acquisition",
    "buyout",
    "strike",
    "walkout",
    "lockout",
    "protest",
    "march",
    "rally",
    "breach",
    "hack",
    "cyberattack",
    "attack",
    "fire",
    "wildfire",
    "blaze",
    "storm",
    "hurricane",
    "earthquake",
    "flood",
    "drought",
    "outbreak",
    "election",
    "vote",
    "referendum",
    "trial",
    "ruling",
    "verdict",
    "lawsuit",
    "case",
    "investigation",
    "probe",
    "inquiry",
    "hike",
    "cut",
    "closure",
    "shutdown",
    "ban",
    "sanctions",
    "tariff",
    "tariffs",
    "mine",
    "project",
    "plan",
    "policy",
    "law",
    "bill",
    "reform",
    "budget",
    "crisis",
    "war",
    "ceasefire",
    "talks",
    "summit",
    "shooting",
    "crash",
    "recall",
    "bankruptcy",
    "layoffs",
    "drug",
    "vaccine",
    "treatment",
    "study",
    "bridge",
    "evacuation",
    "collapse",
    "scandal",
    "resignation",
    "appointment",
    "settlement",
    "contract",
    "offer",
    "bid",
    "launch",
    "approval",
    "decision",
    "hearing",
    "testimony",
    "apology",
    "inquest",
    "lockdown",
    "rescue",
    "sale",
    "downgrade",
    "default",
];

/// Agreements and plans: things with components that succeed or fail.
const PLANS: &[&str] = &[
    "agreement",
    "pact",
    "deal",
    "treaty",
    "accord",
    "merger",
    "takeover",
    "acquisition",
    "buyout",
    "plan",
    "policy",
    "law",
    "bill",
    "reform",
    "budget",
    "settlement",
    "contract",
    "offer",
    "bid",
    "project",
    "mine",
    "ceasefire",
];

fn event_topic(title: &str, sentences: &[Sentence]) -> Option<Topic> {
    let body: String = sentences.iter().map(|s| format!(" {} ", s.text.to_lowercase())).collect();
    let words: Vec<&str> = title
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | ':' | ';' | '"' | '“' | '”' | '?' | '!'))
        .map(|w| {
            w.trim_end_matches("'s").trim_end_matches("’s").trim_matches(|c: char| !c.is_alphanumeric() && c != '-')
        })
        .filter(|w| !w.is_empty())
        .collect();
    let (index, noun) = words
        .iter()
        .enumerate()
        .filter(|(_, w)| EVENT_NOUNS.contains(&w.to_lowercase().as_str()))
        .max_by_key(|(i, w)| (body.matches(&format!(" {}", w.to_lowercase())).count().min(3), usize::MAX - i))
        .map(|(i, w)| (i, w.to_string()))?;
    let capitalized = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    // "Tamsin Ridge Fire": the event is a name.
    if capitalized(&noun) && index > 0 && capitalized(words[index - 1]) {
        let mut start = index;
        while start > 0 && capitalized(words[start - 1]) && !crate::terms::is_stopword(&words[start - 1].to_lowercase())
        {
            start -= 1;
        }
        let name = words[start..=index].join(" ");
        if body.contains(&name.to_lowercase()) && start > 0 || body.contains(&format!(" {}", name.to_lowercase())) {
            return Some(Topic { text: format!("the {name}"), needle: name.to_lowercase(), plan: false, actor: false });
        }
    }
    let noun = noun.to_lowercase();
    let plan = PLANS.contains(&noun.as_str());
    // The headline's own modifier: "port strike", "rate hike", "late-stage trial".
    if let Some(modifier) = index.checked_sub(1).map(|i| words[i]) {
        const NUMBERS: &[&str] = &["million", "billion", "trillion", "thousand", "hundred", "percent"];
        let lower = modifier.to_lowercase();
        let ok = !crate::terms::is_stopword(&lower)
            && modifier.chars().all(|c| c.is_lowercase() || c == '-')
            && !NUMBERS.contains(&lower.as_str())
            && !lower.ends_with("ly")
            && !lower.ends_with("ed")
            && !lower.ends_with('s');
        if ok {
            let phrase = format!("{lower} {noun}");
            return Some(Topic { text: format!("the {phrase}"), needle: noun, plan, actor: false });
        }
    }
    body.contains(&format!(" {noun}")).then(|| Topic { text: format!("the {noun}"), needle: noun, plan, actor: false })
}

/// The headline word the body most often writes after a determiner ("the strike",
/// "this pact"): a cheap test that the word is a noun the article is about.
fn title_noun(title: &str, sentences: &[Sentence]) -> Option<String> {
    let body: String = sentences.iter().map(|s| format!(" {} ", s.text.to_lowercase())).collect();
    title
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| w.len() >= 4 && w.chars().all(|c| c.is_lowercase() || c == '-'))
        .filter(|w| !crate::terms::is_stopword(w))
        .map(|w| {
            let count: usize = ["the", "a", "an", "this", "its", "their"]
                .iter()
                .map(|d| {
                    let needle = format!(" {d} {w}");
                    body.match_indices(&needle)
                        .filter(|(i, _)| !body[i + needle.len()..].starts_with(|c: char| c.is_alphanumeric()))
                        .count()
                })
                .sum();
            (w.to_string(), count)
        })
        .filter(|(_, count)| *count >= 2)
        .max_by_key(|(_, count)| *count)
        .map(|(w, _)| w)
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
