//! The block classifier: the rules' decisions are strong but blunt (one subtree, a
//! fixed list of class words), so a boosted-tree model trained on real pages takes
//! them as features beside each block's own evidence (length, links, punctuation,
//! tags and classes up its ancestry, its neighbours) and decides block by block.
//! The model ships inside the crate (`block_model.json`), trained by
//! `distill train extract`; without trees the rules decide alone.

use std::sync::OnceLock;

use rustc_hash::FxHashMap as HashMap;

use serde::{Deserialize, Serialize};

use crate::blocks::{Analysis, Block, Role, Verdict, ends_sentence, reads_as_boilerplate};
use crate::dom::{Dom, NONE};
use crate::forest::Forest;
use crate::marks;

/// Names of the features, in the order [`features`] writes them.
pub const FEATURES: &[&str] = &[
    "in_selected",
    "kept",
    "verdict",
    "log_chars",
    "log_words",
    "link_density",
    "ends_sentence",
    "heading_level",
    "tag",
    "is_p",
    "is_li",
    "is_td",
    "negative_class",
    "comment_class",
    "positive_class",
    "social_class",
    "related_class",
    "ad_class",
    "meta_class",
    "nav_class",
    "prompt_class",
    "chrome_role",
    "aria_hidden",
    "collapsed",
    "chrome_tag",
    "in_list",
    "in_table",
    "in_quote",
    "in_figure",
    "in_article",
    "in_link",
    "in_code",
    "in_header",
    "in_footer",
    "in_aside",
    "in_nav",
    "in_form",
    "emphasis",
    "in_details",
    "page_position",
    "side_of_selected",
    "gap_to_kept_before",
    "gap_to_kept_after",
    "share_of_kept_chars",
    "commas_per_word",
    "digit_share",
    "capitalized_share",
    "mean_word_length",
    "repeats",
    "sentences",
    "prev_kept",
    "prev_link_density",
    "prev_log_chars",
    "next_kept",
    "next_link_density",
    "next_log_chars",
    "depth_below_selected",
    "parent_link_density",
    "parent_page_share",
    "page_log_chars",
    "log_blocks",
    "kept_share",
    "ends_colon",
    "separators",
    "prose_class",
];

const MARK_BITS: &[u32] = &[
    marks::NEGATIVE_CLASS,
    marks::COMMENT_CLASS,
    marks::POSITIVE_CLASS,
    marks::SOCIAL_CLASS,
    marks::RELATED_CLASS,
    marks::AD_CLASS,
    marks::META_CLASS,
    marks::NAV_CLASS,
    marks::PROMPT_CLASS,
    marks::CHROME_ROLE,
    marks::ARIA_HIDDEN,
    marks::COLLAPSED,
    marks::CHROME_TAG,
    marks::LIST,
    marks::TABLE,
    marks::QUOTE,
    marks::FIGURE,
    marks::ARTICLE,
    marks::LINK,
    marks::CODE,
    marks::HEADER,
    marks::FOOTER,
    marks::ASIDE,
    marks::NAV,
    marks::FORM,
    marks::EMPHASIS,
    marks::DETAILS,
];

/// The shipped classifier: a forest over [`FEATURES`] and where to cut its
/// probabilities. A block the rules keep stays unless the model is sure it is not
/// the article's; a block the rules drop comes back only when the model is fairly
/// sure it is (cross-validation on WCXB found the two cuts apart: see
/// docs/benchmark-history.md).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct BlockModel {
    /// The trees.
    pub forest: Forest,
    /// Probability below which a block the rules keep is dropped.
    pub drop_below: f32,
    /// Probability at or above which a block the rules drop is kept.
    pub add_from: f32,
    /// The [`page_key`]s of the pages it was trained on, sorted, so that an evaluation
    /// can tell which of its pages the model has already seen.
    #[serde(default)]
    pub trained_on: Vec<u64>,
}

/// A stable key for a page of a training set: FNV-1a of its URL (or id), the same on
/// every machine and release.
#[cfg(any(test, feature = "train"))]
pub fn page_key(url: &str) -> u64 {
    url.trim().bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

/// Whether the shipped classifier was trained on the page with this URL (or id): its
/// scores on such a page are in-sample.
#[cfg(feature = "train")]
pub fn trained_on(url: &str) -> bool {
    model().trained_on.binary_search(&page_key(url)).is_ok()
}

impl BlockModel {
    /// Whether a block with these features, kept or not by the rules, is article text.
    pub fn keeps(&self, features: &[f32], kept_by_rules: bool) -> bool {
        let p = self.forest.probability(features);
        if kept_by_rules { p >= self.drop_below } else { p >= self.add_from }
    }
}

/// The shipped model, parsed once.
fn model() -> &'static BlockModel {
    static MODEL: OnceLock<BlockModel> = OnceLock::new();
    MODEL.get_or_init(|| {
        let model: BlockModel = serde_json::from_str(include_str!("block_model.json")).unwrap_or_default();
        // A model trained on other features would read the wrong columns.
        let same = model.forest.features.iter().map(String::as_str).eq(FEATURES.iter().copied());
        if same && model.forest.is_valid() { model } else { BlockModel::default() }
    })
}

/// Which blocks of the analysis belong to the article body.
pub(crate) fn keep(dom: &Dom, analysis: &Analysis) -> Vec<bool> {
    keep_with(model(), dom, analysis)
}

fn keep_with(model: &BlockModel, dom: &Dom, analysis: &Analysis) -> Vec<bool> {
    let rules = || analysis.blocks.iter().map(|b| b.kept()).collect();
    if model.forest.trees.is_empty() {
        return rules();
    }
    let (scored, features) = features(dom, analysis);
    let mut rows = features.chunks_exact(FEATURES.len());
    let keep: Vec<bool> = analysis
        .blocks
        .iter()
        .zip(scored)
        .map(|(b, scored)| scored && rows.next().is_some_and(|x| model.keeps(x, b.kept())) && may_keep(b))
        .collect();
    let verdicts = analysis.blocks.iter().zip(&keep).map(|(b, &k)| (b.kept(), k, b.text.len()));
    if model_stands(verdicts) { keep } else { rules() }
}

/// The model's verdicts on a page stand only if they keep at least this fraction
/// (one part in this many) of the rules' text, in bytes. Cross-validated on WCXB dev,
/// with 30 trees and cuts that drop (0.1, 0.5): 0.9555 with no such bound, 0.9560
/// with a third or a half; a half also undoes large cuts the model makes rightly
/// (in-sample 0.9604 against 0.9615). The shipped cuts never drop, so there only the
/// first condition, that the model keeps something, can fail.
const MIN_RULES_SHARE_KEPT: usize = 3;

/// Whether the model's verdicts on a page stand, given each block's `(kept by the
/// rules, kept by the model, length)`: the model trims and adds around the rules'
/// text, so a page where it would keep nothing, or drop most of what the rules keep,
/// is a page it misreads (out of fold, such pages lost whole articles), and the
/// rules decide alone.
pub fn model_stands(verdicts: impl IntoIterator<Item = (bool, bool, usize)>) -> bool {
    let (mut any, mut rules, mut both) = (false, 0, 0);
    for (by_rules, by_model, len) in verdicts {
        any |= by_model;
        if by_rules {
            rules += len;
            if by_model {
                both += len;
            }
        }
    }
    any && both * MIN_RULES_SHARE_KEPT >= rules
}

/// Counts of the characters some features read, in one pass.
#[derive(Default)]
struct CharCounts {
    chars: usize,
    digits: usize,
    commas: usize,
    sentence_ends: usize,
    separators: usize,
}

impl CharCounts {
    fn of(text: &str) -> Self {
        let mut c = CharCounts::default();
        for ch in text.chars() {
            c.chars += 1;
            match ch {
                '0'..='9' => c.digits += 1,
                ',' => c.commas += 1,
                '.' | '!' | '?' => c.sentence_ends += 1,
                '|' | '•' | '·' | '»' => c.separators += 1,
                _ => {}
            }
        }
        c
    }
}

/// Whether the model's yes may stand: a block outside the chosen subtree that reads
/// as boilerplate (a date line, a byline, a share prompt, as in an article's
/// `<header>` beside the body) never comes back, nor a line of links that does ("Read
/// more: <a>Looted colonial art ...</a>" between a story's paragraphs). Scored all the
/// same, so that the model learns from the same blocks.
pub(crate) fn may_keep(b: &Block) -> bool {
    match b.verdict {
        Verdict::Outside => !reads_as_boilerplate(b),
        Verdict::Links => !teaser_label(&b.text),
        _ => true,
    }
}

/// "Read more: <a>Looted colonial art ...</a>", "Lesen Sie auch: <a>...</a>": a label and
/// a colon before a link to another article ("Read more about recent LG innovations."
/// is a sentence of the review, and stays).
fn teaser_label(text: &str) -> bool {
    const LABELS: &[&str] = &[
        "read more",
        "read also",
        "also read",
        "see also",
        "related",
        "more on this",
        "lesen sie auch",
        "mehr zum thema",
        "lesen sie mehr",
        "lire aussi",
        "à lire aussi",
        "leer más",
        "lea también",
        "leia mais",
        "leia também",
        "leggi anche",
        "czytaj także",
        "czytaj również",
        "lees ook",
    ];
    let Some((label, rest)) = text.split_once(':') else { return false };
    let label = label.trim().to_lowercase();
    LABELS.contains(&label.as_str()) && !rest.trim().is_empty()
}

/// Whether the model may bring back a block the rules dropped for this reason: it
/// may bring back text from outside the selected subtree, link lists and labels;
/// never the title or byline or date (the document carries them apart), a share
/// prompt, a second copy of a paragraph, or a section about the site (the model is
/// not even asked).
fn may_add(verdict: Verdict) -> bool {
    matches!(verdict, Verdict::Outside | Verdict::Links | Verdict::Label)
}

/// Blocks further than this many blocks from every block the rules keep are not
/// scored, and not kept: half the blocks of a page, at a cost of 0.0006 F1 in
/// cross-validation on WCXB dev.
const NEAR: usize = 5;

/// Which blocks the model scores, and their features, row-major ([`FEATURES`] per
/// scored block).
pub(crate) fn features(dom: &Dom, analysis: &Analysis) -> (Vec<bool>, Vec<f32>) {
    let blocks = &analysis.blocks;
    let nb = blocks.len();
    let nf = FEATURES.len();
    let selected = analysis.selected;
    let selected_end = dom.nodes[selected].end.max(selected + 1);
    let depth_of = |mut i: usize| {
        let mut d = 0usize;
        while i != NONE && d < 10_000 {
            i = dom.nodes[i].parent;
            d += 1;
        }
        d as f32
    };
    let selected_depth = depth_of(selected);
    let kept_chars: usize = blocks.iter().filter(|b| b.kept()).map(|b| b.chars).sum();
    let kept_count = blocks.iter().filter(|b| b.kept()).count();
    let page_chars = analysis.text_len[0];
    let mut repeats: HashMap<&str, u32> = HashMap::default();
    for b in blocks {
        *repeats.entry(b.text.as_str()).or_insert(0) += 1;
    }
    // Distance in blocks to the nearest kept block on each side.
    let mut gap_before = vec![30f32; nb];
    let mut gap_after = vec![30f32; nb];
    let mut last: Option<usize> = None;
    for (k, b) in blocks.iter().enumerate() {
        if let Some(l) = last {
            gap_before[k] = ((k - l) as f32).min(30.0);
        }
        if b.kept() {
            last = Some(k);
        }
    }
    last = None;
    for (k, b) in blocks.iter().enumerate().rev() {
        if let Some(l) = last {
            gap_after[k] = ((l - k) as f32).min(30.0);
        }
        if b.kept() {
            last = Some(k);
        }
    }
    let scored: Vec<bool> = (0..nb)
        .map(|k| blocks[k].kept() || (may_add(blocks[k].verdict) && gap_before[k].min(gap_after[k]) <= NEAR as f32))
        .collect();
    let mut out = Vec::with_capacity(scored.iter().filter(|&&s| s).count() * nf);
    let density = |b: &Block| b.link_chars as f32 / b.chars.max(1) as f32;
    let log_chars = |b: &Block| (1.0 + b.chars as f32).ln();
    for (k, b) in blocks.iter().enumerate() {
        if !scored[k] {
            continue;
        }
        let mut row = [0f32; FEATURES.len()];
        let mut col = 0;
        let mut put = |v: f32| {
            row[col] = v;
            col += 1;
        };
        let tag = dom.tag(b.owner).unwrap_or("");
        // One pass over the words: how many, and how many capitalized.
        let (words, capitalized) = b.text.split_whitespace().fold((0usize, 0usize), |(n, c), w| {
            (n + 1, c + usize::from(w.chars().next().is_some_and(char::is_uppercase)))
        });
        let word_count = words.max(1) as f32;
        let inside = b.owner >= selected && b.owner < selected_end;
        put(f32::from(inside));
        put(f32::from(b.kept()));
        put(b.verdict as u8 as f32);
        put(log_chars(b));
        put((1.0 + words as f32).ln());
        put(density(b));
        put(f32::from(ends_sentence(&b.text)));
        put(f32::from(b.level));
        put(match tag {
            "p" => 1.0,
            "li" => 2.0,
            "td" | "th" | "tr" => 3.0,
            "div" => 4.0,
            "pre" => 5.0,
            "blockquote" => 6.0,
            "dt" | "dd" => 7.0,
            "figcaption" | "caption" => 8.0,
            "section" | "article" | "main" | "body" => 9.0,
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => 10.0,
            _ => 11.0,
        });
        put(f32::from(tag == "p"));
        put(f32::from(tag == "li"));
        put(f32::from(matches!(tag, "td" | "th" | "tr")));
        let m = analysis.marks[b.owner];
        for bit in MARK_BITS {
            put(f32::from(m & bit != 0));
        }
        put(k as f32 / nb as f32);
        put(if b.owner < selected {
            -1.0
        } else if inside {
            0.0
        } else {
            1.0
        });
        put(gap_before[k]);
        put(gap_after[k]);
        put(b.chars as f32 / kept_chars.max(1) as f32);
        let counts = CharCounts::of(&b.text);
        put(counts.commas as f32 / word_count);
        put(counts.digits as f32 / counts.chars.max(1) as f32);
        put(capitalized as f32 / word_count);
        put(b.chars as f32 / word_count);
        put(repeats[b.text.as_str()] as f32);
        put(counts.sentence_ends as f32);
        for neighbour in [k.checked_sub(1).map(|j| &blocks[j]), blocks.get(k + 1)] {
            match neighbour {
                Some(n) => {
                    put(f32::from(n.kept()));
                    put(density(n));
                    put(log_chars(n));
                }
                None => {
                    put(-1.0);
                    put(-1.0);
                    put(-1.0);
                }
            }
        }
        put(depth_of(b.owner) - selected_depth);
        let parent = dom.nodes[b.owner].parent;
        let (parent_density, parent_share) = if parent == NONE {
            (0.0, 1.0)
        } else {
            let text = analysis.text_len[parent].max(1) as f32;
            (analysis.link_len[parent] as f32 / text, text / page_chars.max(1) as f32)
        };
        put(parent_density);
        put(parent_share);
        put((1.0 + page_chars as f32).ln());
        put((1.0 + nb as f32).ln());
        put(kept_count as f32 / nb as f32);
        put(f32::from(b.text.trim_end().ends_with(':')));
        put(counts.separators as f32);
        put(match b.role() {
            Role::Prose => 1.0,
            Role::Neutral => 0.0,
            Role::Clutter => -1.0,
        });
        debug_assert_eq!(col, nf);
        out.extend_from_slice(&row);
    }
    (scored, out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_labelled_link_line_is_a_promo_and_a_linked_sentence_is_not() {
        assert!(teaser_label("Read more: Looted colonial art: Germany to set up new contact office"));
        assert!(teaser_label("Lesen Sie auch: Die Bahn streikt wieder"));
        assert!(!teaser_label("Read more about recent LG innovations."));
        assert!(!teaser_label("Read more:"));
        assert!(!teaser_label("Germany: a colonial past"));
    }

    #[test]
    fn the_shipped_model_reads_these_features() {
        let model = model();
        assert!(
            !model.forest.trees.is_empty(),
            "block_model.json was trained on other features; retrain it with `distill train extract`"
        );
        assert!(model.drop_below <= model.add_from);
    }

    #[test]
    fn the_shipped_model_knows_the_pages_it_learned() {
        let keys = &model().trained_on;
        assert!(keys.len() >= 100, "retrain with `distill train extract --out` to record the training pages");
        assert!(keys.windows(2).all(|w| w[0] < w[1]), "keys must be sorted and distinct");
        assert_eq!(page_key(" https://a.example/x "), page_key("https://a.example/x"));
        assert_ne!(page_key("https://a.example/x"), page_key("https://a.example/y"));
    }

    #[test]
    fn rows_hold_one_value_per_feature_for_each_scored_block() {
        let html = "<body><nav><a href=\"/\">Home</a></nav><article><h1>Title</h1>\
            <p>The council voted on Tuesday to approve the new budget for schools and roads.</p>\
            <p>Advertisement</p><p>It passed by seven votes to two after a long debate in the chamber.</p></article></body>";
        let dom = Dom::parse(html, &crate::ExtractConfig::default());
        let analysis = crate::content::analyze(&dom, &["Title".to_string()]).unwrap();
        let (scored, rows) = features(&dom, &analysis);
        assert_eq!(scored.len(), analysis.blocks.len());
        assert_eq!(rows.len(), scored.iter().filter(|&&s| s).count() * FEATURES.len());
        // The title and the boilerplate line are never scored; the prose is.
        for (b, s) in analysis.blocks.iter().zip(&scored) {
            assert_eq!(*s, b.kept() || may_add(b.verdict), "{}", b.text);
        }
        assert!(analysis.blocks.iter().any(|b| b.verdict == Verdict::Title));
        assert!(analysis.blocks.iter().any(|b| b.verdict == Verdict::Boilerplate));
    }

    /// The model's verdicts stand when they keep a third of the rules' text or more; a
    /// page where they keep nothing, or drop most of it, is left to the rules.
    #[test]
    fn the_model_may_not_drop_most_of_the_rules_text() {
        // (kept by the rules, kept by the model, length)
        assert!(model_stands([(true, true, 40), (true, false, 60), (false, true, 500)]));
        assert!(model_stands([(true, true, 50), (true, false, 100)]));
        assert!(!model_stands([(true, true, 30), (true, false, 70), (false, true, 500)]));
        assert!(!model_stands([(true, false, 100), (false, false, 10)]));
        assert!(model_stands([(false, true, 10)]), "the model may add where the rules keep nothing");
        assert!(!model_stands(Vec::new()));
    }

    /// A model that keeps long blocks and drops short ones, whatever the rules say:
    /// the cuts and the blocks the model may never bring back decide what is kept.
    #[test]
    fn the_model_overrules_the_rules_within_its_bounds() {
        use crate::forest::{Node, Tree};
        let long =
            |what: &str| format!("{what} was decided on Tuesday after a long debate in the council chamber downtown.");
        let html = format!(
            "<body><div class=\"intro\"><p>{}</p></div><article><h1>Title</h1><p>{}</p><h2>Reaction</h2><p>{}</p>\
             <p>Advertisement</p><p>{}</p></article><div class=\"tools\"><a href=\"#\">Share this story</a> with <a href=\"#\">friends on Facebook, Twitter and LinkedIn</a></div></body>",
            long("The budget"),
            long("The school plan"),
            long("The road plan"),
            long("The school plan"),
        );
        let dom = Dom::parse(&html, &crate::ExtractConfig::default());
        let analysis = crate::content::analyze(&dom, &["Title".to_string()]).unwrap();
        let texts = |keep: Vec<bool>| -> Vec<String> {
            analysis.blocks.iter().zip(keep).filter(|(_, k)| *k).map(|(b, _)| b.text.clone()).collect()
        };
        let rules = texts(analysis.blocks.iter().map(Block::kept).collect());
        assert_eq!(rules, [long("The school plan"), "Reaction".to_string(), long("The road plan")]);
        let log_chars = FEATURES.iter().position(|f| *f == "log_chars").unwrap() as i16;
        let leaf = |value: f32| Node { feature: -1, value, left: 0 };
        let forest = Forest {
            features: FEATURES.iter().map(|f| f.to_string()).collect(),
            base: 0.0,
            threshold: 0.5,
            trees: vec![Tree {
                nodes: vec![Node { feature: log_chars, value: 51f32.ln(), left: 1 }, leaf(-10.0), leaf(10.0)],
            }],
        };
        assert!(forest.is_valid());
        let model = BlockModel { forest, drop_below: 0.1, add_from: 0.5, trained_on: Vec::new() };
        // The intro outside the chosen subtree comes back, the short heading goes; the
        // title, the ad line, the second copy and the share prompt beside the intro
        // (long enough for this model, but boilerplate outside the body) stay out.
        let kept = texts(keep_with(&model, &dom, &analysis));
        assert_eq!(kept, [long("The budget"), long("The school plan"), long("The road plan")]);
    }
}
