//! Facets: how many matching articles each source, language and month holds, so a
//! reader sees where the results come from and can narrow them. Keyword facets count
//! every match from tantivy's fast fields in the same pass as the ranking (a broad
//! query of common words only: its best matches); semantic and hybrid facets count
//! the matches the vector index and the fusion produce.

use std::collections::HashMap;

use serde::Serialize;
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::StrColumn;
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader};

use crate::vectors::Meta;

/// Most values listed per facet (the largest counts).
pub const MAX_FACET_VALUES: usize = 50;

/// One facet value and how many matching articles carry it.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct FacetCount {
    /// The value: a source's name, a language code, or a month as `YYYY-MM`.
    pub value: String,
    /// Matching articles with that value.
    pub count: usize,
}

/// Counts of the matching articles by source, language and month. Sources and
/// languages come largest first (then by name), months newest first; articles without
/// a value are not counted.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Serialize, PartialEq, Eq, Default)]
pub struct Facets {
    /// By source.
    pub source: Vec<FacetCount>,
    /// By language code.
    pub language: Vec<FacetCount>,
    /// By month of publication, `YYYY-MM`.
    pub month: Vec<FacetCount>,
}

/// Counts being gathered.
#[derive(Default)]
pub(crate) struct Tally {
    source: HashMap<String, usize>,
    language: HashMap<String, usize>,
    month: HashMap<String, usize>,
}

impl Tally {
    pub(crate) fn add(&mut self, meta: &Meta) {
        let bump = |map: &mut HashMap<String, usize>, value: &Option<String>| {
            if let Some(v) = value {
                *map.entry(v.clone()).or_default() += 1;
            }
        };
        bump(&mut self.source, &meta.source);
        bump(&mut self.language, &meta.language);
        bump(&mut self.month, &meta.month);
    }

    fn merge(&mut self, other: Tally) {
        for (mine, theirs) in
            [(&mut self.source, other.source), (&mut self.language, other.language), (&mut self.month, other.month)]
        {
            for (k, v) in theirs {
                *mine.entry(k).or_default() += v;
            }
        }
    }

    pub(crate) fn finish(self) -> Facets {
        let by_count = |map: HashMap<String, usize>| {
            let mut v: Vec<FacetCount> = map.into_iter().map(|(value, count)| FacetCount { value, count }).collect();
            v.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
            v.truncate(MAX_FACET_VALUES);
            v
        };
        let mut month: Vec<FacetCount> =
            self.month.into_iter().map(|(value, count)| FacetCount { value, count }).collect();
        month.sort_by(|a, b| b.value.cmp(&a.value));
        month.truncate(MAX_FACET_VALUES);
        Facets { source: by_count(self.source), language: by_count(self.language), month }
    }
}

/// Reads facet values from a segment's fast fields.
pub(crate) struct Columns {
    columns: [Option<StrColumn>; 3],
}

impl Columns {
    pub(crate) fn open(reader: &SegmentReader) -> tantivy::Result<Columns> {
        let fast = reader.fast_fields();
        Ok(Columns { columns: [fast.str("facet_source")?, fast.str("language")?, fast.str("month")?] })
    }

    pub(crate) fn meta(&self, doc: DocId) -> Meta {
        let value = |column: &Option<StrColumn>| {
            let column = column.as_ref()?;
            let ord = column.ords().first(doc)?;
            let mut out = String::new();
            column.ord_to_str(ord, &mut out).ok().filter(|found| *found).map(|_| out)
        };
        let [source, language, month] = &self.columns;
        Meta { source: value(source), language: value(language), month: value(month), day: None }
    }
}

/// Counts facets over every document a query matches. A segment counts by the
/// values' ordinals in its fast-field dictionaries and names them once at the end, so
/// a match costs three column reads and three increments, not three strings.
pub(crate) struct FacetCollector;

pub(crate) struct SegmentFacets {
    columns: Columns,
    /// Per facet (source, language, month): matches by the value's ordinal.
    counts: [Vec<u32>; 3],
}

impl Collector for FacetCollector {
    type Fruit = Facets;
    type Child = SegmentFacets;

    fn for_segment(&self, _: SegmentOrdinal, reader: &SegmentReader) -> tantivy::Result<SegmentFacets> {
        let columns = Columns::open(reader)?;
        let counts = columns.columns.each_ref().map(|c| vec![0; c.as_ref().map_or(0, |c| c.num_terms())]);
        Ok(SegmentFacets { columns, counts })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<TallyFruit>) -> tantivy::Result<Facets> {
        let mut all = Tally::default();
        for fruit in fruits {
            all.merge(fruit.0);
        }
        Ok(all.finish())
    }
}

/// A segment's counts.
pub(crate) struct TallyFruit(Tally);

impl SegmentCollector for SegmentFacets {
    type Fruit = TallyFruit;

    fn collect(&mut self, doc: DocId, _: Score) {
        for (column, counts) in self.columns.columns.iter().zip(&mut self.counts) {
            if let Some(ord) = column.as_ref().and_then(|c| c.ords().first(doc))
                && let Some(count) = counts.get_mut(ord as usize)
            {
                *count += 1;
            }
        }
    }

    fn harvest(self) -> TallyFruit {
        let mut tally = Tally::default();
        let maps = [&mut tally.source, &mut tally.language, &mut tally.month];
        for ((column, counts), map) in self.columns.columns.iter().zip(&self.counts).zip(maps) {
            let Some(column) = column else { continue };
            for (ord, &count) in counts.iter().enumerate().filter(|(_, c)| **c > 0) {
                let mut value = String::new();
                if column.ord_to_str(ord as u64, &mut value).is_ok_and(|found| found) {
                    *map.entry(value).or_default() += count as usize;
                }
            }
        }
        TallyFruit(tally)
    }
}
