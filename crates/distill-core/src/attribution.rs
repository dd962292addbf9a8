//! Who said what in an article: its direct quotes and reported speech, each with
//! its speaker, its cue and how firmly it is put.

use serde::{Deserialize, Serialize};

/// One claim the article attributes to someone.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attribution {
    /// The speaker, resolved to the fullest name the article gives ("Temur Umarov"
    /// for "Umarov" or "he"), or a described group ("Western defense officials").
    pub speaker: String,
    /// The named person or organisation the speaker is, under its canonical name;
    /// none for a group or an unnamed source.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entity: Option<String>,
    /// The claim: a direct quote's words exactly as the body has them, or the
    /// reported clause.
    pub text: String,
    /// Whether the claim is quoted or reported.
    pub kind: AttributionKind,
    /// The words that attribute it ("said", "according to", "warned").
    pub cue: String,
    /// How firmly the claim is put.
    pub stance: Stance,
    /// Index of the sentence that holds the claim (the first, for a quote over
    /// several sentences).
    pub sentence: usize,
}

/// Quoted or reported.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AttributionKind {
    /// The speaker's own words in quotation marks, found verbatim in the body.
    Direct,
    /// The speaker's claim in the article's words ("X said that ...").
    Reported,
}

impl AttributionKind {
    /// The name, as JSON writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            AttributionKind::Direct => "direct",
            AttributionKind::Reported => "reported",
        }
    }
}

/// How firmly a claim is put.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Stance {
    /// Stated as fact.
    #[default]
    Asserted,
    /// Put as a possibility or belief ("may", "could", "suggest", "believe").
    Hedged,
    /// Denied, disputed or rejected, or said not to be agreed on.
    Contested,
}

impl Stance {
    /// The name, as JSON writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            Stance::Asserted => "asserted",
            Stance::Hedged => "hedged",
            Stance::Contested => "contested",
        }
    }
}
