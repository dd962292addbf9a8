//! Gradient-boosted decision trees for binary classification: small, exact enough,
//! and fast to apply (a few hundred comparisons per block). Training bins each
//! feature into quantiles and grows trees level by level on histograms of the
//! logistic loss's gradients, the method of LightGBM and XGBoost's `hist`.

#[cfg(any(test, feature = "train"))]
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

/// A trained ensemble: the sum of its trees' leaves, through a sigmoid.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Forest {
    /// Feature names, in the order the model reads them.
    pub features: Vec<String>,
    /// Log-odds before the first tree.
    pub base: f32,
    /// Probability at or above which the answer is yes.
    pub threshold: f32,
    /// The trees, applied in order.
    pub trees: Vec<Tree>,
}

/// One tree: node 0 is the root, and a split's right child follows its left child.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Tree {
    /// The nodes, in one vector so that a walk stays in cache.
    pub nodes: Vec<Node>,
}

/// A split or a leaf.
#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
pub struct Node {
    /// Feature the node splits on; `-1` marks a leaf.
    #[serde(rename = "f")]
    pub feature: i16,
    /// A split's threshold (values at or below it go left), or a leaf's contribution
    /// to the log-odds.
    #[serde(rename = "v")]
    pub value: f32,
    /// Index of a split's left child.
    #[serde(rename = "l")]
    pub left: u32,
}

#[cfg(any(test, feature = "train"))]
const LEAF: Node = Node { feature: -1, value: 0.0, left: 0 };

impl Tree {
    fn leaf_of(&self, x: &[f32]) -> f32 {
        let mut node = self.nodes[0];
        while let Ok(f) = usize::try_from(node.feature) {
            node = self.nodes[node.left as usize + usize::from(x[f] > node.value)];
        }
        node.value
    }
}

impl Forest {
    /// Whether every tree can be walked over `features.len()` values: split features
    /// in range, children after their parent and inside the tree, so that a walk
    /// always ends at a leaf. A model read from a file is checked before use.
    pub fn is_valid(&self) -> bool {
        self.trees.iter().all(|t| {
            !t.nodes.is_empty()
                && t.nodes.iter().enumerate().all(|(i, n)| match usize::try_from(n.feature) {
                    Ok(f) => f < self.features.len() && n.left as usize > i && (n.left as usize) + 1 < t.nodes.len(),
                    Err(_) => n.feature == -1,
                })
        })
    }

    /// Probability that `x` (features in [`Forest::features`] order) is a yes.
    pub fn probability(&self, x: &[f32]) -> f32 {
        let z = self.base + self.trees.iter().map(|t| t.leaf_of(x)).sum::<f32>();
        1.0 / (1.0 + (-z).exp())
    }
}

/// How to train.
#[cfg(any(test, feature = "train"))]
#[derive(Debug, Clone)]
pub struct TrainConfig {
    /// Number of trees.
    pub rounds: usize,
    /// Depth of each tree.
    pub depth: usize,
    /// Shrinkage of each tree's leaves.
    pub learning_rate: f32,
    /// L2 penalty on leaf values.
    pub lambda: f64,
    /// Least summed hessian in a child, so leaves rest on enough examples.
    pub min_child_weight: f64,
    /// Most quantile bins per feature (at most 255).
    pub bins: usize,
}

#[cfg(any(test, feature = "train"))]
impl Default for TrainConfig {
    fn default() -> Self {
        Self { rounds: 200, depth: 5, learning_rate: 0.1, lambda: 1.0, min_child_weight: 1.0, bins: 64 }
    }
}

/// Trains on rows of `features.len()` values each (`x` row-major), labels in
/// {0, 1} and per-row weights.
#[cfg(any(test, feature = "train"))]
pub fn fit(features: &[String], x: &[f32], y: &[f32], w: &[f32], config: &TrainConfig) -> Forest {
    let nf = features.len();
    let n = y.len();
    assert_eq!(x.len(), n * nf, "feature matrix shape");
    assert_eq!(w.len(), n, "weights");
    let bins = config.bins.clamp(2, 255);
    // Quantile cuts per feature, and each row's bin, column by column.
    let cuts: Vec<Vec<f32>> = (0..nf)
        .into_par_iter()
        .map(|f| {
            let mut values: Vec<f32> = (0..n).map(|i| x[i * nf + f]).collect();
            values.sort_by(f32::total_cmp);
            values.dedup();
            if values.len() <= bins {
                values
            } else {
                let mut cuts: Vec<f32> =
                    (1..=bins).map(|k| values[(k * values.len() / bins).min(values.len() - 1)]).collect();
                cuts.dedup();
                cuts
            }
        })
        .collect();
    let codes: Vec<Vec<u8>> = (0..nf)
        .into_par_iter()
        .map(|f| (0..n).map(|i| cuts[f].partition_point(|&c| c < x[i * nf + f]).min(255) as u8).collect())
        .collect();
    let total_w: f64 = w.iter().map(|&v| f64::from(v)).sum();
    let positive: f64 = y.iter().zip(w).map(|(&y, &w)| f64::from(y * w)).sum();
    let p0 = (positive / total_w.max(1e-12)).clamp(1e-4, 1.0 - 1e-4);
    let base = (p0 / (1.0 - p0)).ln() as f32;
    let mut raw = vec![base; n];
    let mut trees = Vec::with_capacity(config.rounds);
    let mut g = vec![0f64; n];
    let mut h = vec![0f64; n];
    for _ in 0..config.rounds {
        for i in 0..n {
            let p = 1.0 / (1.0 + (-f64::from(raw[i])).exp());
            g[i] = f64::from(w[i]) * (p - f64::from(y[i]));
            h[i] = (f64::from(w[i]) * p * (1.0 - p)).max(1e-12);
        }
        let tree = grow(&codes, &cuts, &g, &h, config, &mut raw);
        trees.push(tree);
    }
    Forest { features: features.to_vec(), base, threshold: 0.5, trees }
}

/// Grows one tree and adds its leaves to `raw`.
#[cfg(any(test, feature = "train"))]
fn grow(codes: &[Vec<u8>], cuts: &[Vec<f32>], g: &[f64], h: &[f64], config: &TrainConfig, raw: &mut [f32]) -> Tree {
    let mut tree = Tree { nodes: vec![LEAF] };
    let n = g.len() as u32;
    let mut pending: Vec<(usize, Vec<u32>, usize)> = vec![(0, (0..n).collect(), 0)];
    while let Some((node, rows, depth)) = pending.pop() {
        let (gs, hs) = rows.iter().fold((0.0, 0.0), |(a, b), &i| (a + g[i as usize], b + h[i as usize]));
        let split = if depth < config.depth { best_split(codes, cuts, g, h, &rows, gs, hs, config) } else { None };
        match split {
            Some((f, bin)) => {
                let (left, right): (Vec<u32>, Vec<u32>) =
                    rows.iter().partition(|&&i| codes[f][i as usize] as usize <= bin);
                let l = tree.nodes.len();
                tree.nodes[node] = Node { feature: f as i16, value: cuts[f][bin], left: l as u32 };
                tree.nodes.extend([LEAF, LEAF]);
                pending.push((l, left, depth + 1));
                pending.push((l + 1, right, depth + 1));
            }
            None => {
                let value = (-gs / (hs + config.lambda)) as f32 * config.learning_rate;
                tree.nodes[node].value = value;
                for &i in &rows {
                    raw[i as usize] += value;
                }
            }
        }
    }
    tree
}

/// The split with the largest gain, as (feature, last bin on the left).
#[cfg(any(test, feature = "train"))]
#[allow(clippy::too_many_arguments)]
fn best_split(
    codes: &[Vec<u8>],
    cuts: &[Vec<f32>],
    g: &[f64],
    h: &[f64],
    rows: &[u32],
    gs: f64,
    hs: f64,
    config: &TrainConfig,
) -> Option<(usize, usize)> {
    let lambda = config.lambda;
    let parent = gs * gs / (hs + lambda);
    let best = (0..codes.len())
        .into_par_iter()
        .filter_map(|f| {
            let column = &codes[f];
            let mut hist = [(0f64, 0f64); 256];
            for &i in rows {
                let cell = &mut hist[column[i as usize] as usize];
                cell.0 += g[i as usize];
                cell.1 += h[i as usize];
            }
            let (mut gl, mut hl) = (0.0, 0.0);
            let mut best: Option<(f64, usize)> = None;
            // A split after the last cut would send everything left.
            for (bin, &(bg, bh)) in hist.iter().enumerate().take(cuts[f].len()) {
                gl += bg;
                hl += bh;
                let (gr, hr) = (gs - gl, hs - hl);
                if hl < config.min_child_weight || hr < config.min_child_weight {
                    continue;
                }
                let gain = gl * gl / (hl + lambda) + gr * gr / (hr + lambda) - parent;
                if best.is_none_or(|b| gain > b.0) {
                    best = Some((gain, bin));
                }
            }
            best.map(|(gain, bin)| (gain, f, bin))
        })
        .max_by(|a, b| a.0.total_cmp(&b.0).then(b.1.cmp(&a.1)))?;
    (best.0 > 1e-9).then_some((best.1, best.2))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_an_interaction_and_round_trips_through_json() {
        // Yes exactly when both features are high: no single split can tell.
        let mut x = Vec::new();
        let mut y = Vec::new();
        for a in 0..20 {
            for b in 0..20 {
                x.extend([a as f32, b as f32]);
                y.push(if a >= 10 && b >= 10 { 1.0 } else { 0.0 });
            }
        }
        let w = vec![1.0; y.len()];
        let names = vec!["a".to_string(), "b".to_string()];
        let forest = fit(&names, &x, &y, &w, &TrainConfig { rounds: 50, depth: 2, ..TrainConfig::default() });
        let json = serde_json::to_string(&forest).unwrap();
        let forest: Forest = serde_json::from_str(&json).unwrap();
        assert!(forest.probability(&[15.0, 15.0]) > 0.9);
        assert!(forest.probability(&[15.0, 5.0]) < 0.1);
        assert!(forest.probability(&[5.0, 15.0]) < 0.1);
        assert!(forest.probability(&[2.0, 3.0]) < 0.1);
        assert!(forest.is_valid());
    }

    #[test]
    fn trees_that_cannot_be_walked_are_refused() {
        let split = |feature: i16, left: u32| Node { feature, value: 0.5, left };
        let forest =
            |nodes: Vec<Node>| Forest { features: vec!["a".into()], trees: vec![Tree { nodes }], ..Forest::default() };
        assert!(forest(vec![split(0, 1), LEAF, LEAF]).is_valid());
        assert!(!forest(vec![split(1, 1), LEAF, LEAF]).is_valid(), "feature out of range");
        assert!(!forest(vec![split(0, 2), LEAF, LEAF]).is_valid(), "right child past the end");
        assert!(!forest(vec![split(0, 0), LEAF, LEAF]).is_valid(), "a loop back to the root");
        assert!(!forest(vec![]).is_valid(), "an empty tree");
    }
}
