//! The block classifier's training API, for `distill train extract` and `distill eval
//! extract`: every block of a page with its features, the gradient-boosted trees and
//! their training, and the shipped model's record of the pages it learned. Behind the
//! `train` feature: extracting an article needs none of it.

use distill_core::text::Mark;

use crate::{ExtractConfig, Result, classify, content, decode};

pub use crate::classify::{BlockModel, FEATURES, model_stands, page_key, trained_on};
pub use crate::content::join_blocks;
pub use crate::forest::{Forest, Node, TrainConfig, Tree, fit};

/// One block of a page as the block classifier sees it, for training the classifier.
#[derive(Debug, Clone)]
pub struct BlockSample {
    /// The block's text, whitespace collapsed (a `<pre>` block keeps its lines).
    pub text: String,
    /// Whether the rules alone keep it.
    pub kept_by_rules: bool,
    /// The mark it is written with in a body (a heading's rank, a list item's bullet
    /// or number).
    pub mark: Option<Mark>,
    /// Whether the model's yes may stand (see the product's rule: boilerplate outside
    /// the chosen subtree never comes back).
    pub may_keep: bool,
    /// Its features, in [`FEATURES`] order; empty for a block too far from the
    /// rules' text to be scored (never kept).
    pub features: Vec<f32>,
}

/// Every block of an HTML page with its features, in page order: the training data
/// of the block classifier (see `distill train extract`).
pub fn block_samples(bytes: &[u8], config: &ExtractConfig) -> Result<Vec<BlockSample>> {
    crate::check_size(bytes, config)?;
    let (dom, meta) = crate::parse_page(&decode(bytes, None)?, config)?;
    let Some(analysis) = content::analyze(&dom, &meta.title_forms) else { return Ok(Vec::new()) };
    let (scored, features) = classify::features(&dom, &analysis);
    let mut rows = features.chunks_exact(FEATURES.len());
    Ok(analysis
        .blocks
        .into_iter()
        .zip(scored)
        .map(|(b, scored)| {
            let features = if scored { rows.next().map(<[f32]>::to_vec).unwrap_or_default() } else { Vec::new() };
            let may_keep = classify::may_keep(&b);
            BlockSample { kept_by_rules: b.kept(), mark: b.mark, may_keep, text: b.text, features }
        })
        .collect())
}

/// The body the product returns for a page when the block classifier keeps the blocks
/// `keep` (in [`block_samples`] order, the rules' blocks when none is kept): the
/// plausibility check with its second opinion and the cut at a following article
/// applied, as extraction applies them, so that cross-validated figures measure them.
pub fn body_with(bytes: &[u8], config: &ExtractConfig, keep: &[bool]) -> Result<String> {
    crate::check_size(bytes, config)?;
    let (dom, meta) = crate::parse_page(&decode(bytes, None)?, config)?;
    let Some(analysis) = content::analyze(&dom, &meta.title_forms) else { return Ok(String::new()) };
    let mut keep: Vec<bool> = (0..analysis.blocks.len()).map(|i| keep.get(i).copied().unwrap_or(false)).collect();
    if !keep.contains(&true) {
        keep = analysis.blocks.iter().map(|b| b.kept()).collect();
    }
    Ok(crate::body_of(&dom, &meta.title_forms, analysis, keep))
}
