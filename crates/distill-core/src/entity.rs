//! Who and what an article is about: its named people, organisations, places and
//! events, with the part each plays in it.

use serde::{Deserialize, Serialize};

/// A named entity of one article, under its canonical (longest) name.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    /// The canonical name: the fullest form the article uses ("Temur Umarov",
    /// "United States").
    pub name: String,
    /// What the entity is.
    #[serde(rename = "type")]
    pub kind: EntityType,
    /// The part it plays in the article.
    pub role: EntityRole,
    /// Other forms the article uses for it ("Umarov", "U.S.", "IS-K").
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Indices of the sentences that name it or refer back to it (he, the company),
    /// ascending.
    #[serde(default)]
    pub mentions: Vec<usize>,
}

/// The kind of a named entity.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityType {
    /// A person.
    Person,
    /// A company, government body, party, team, outlet or other group with a name.
    Organization,
    /// A country, city, region, building or other location.
    Place,
    /// A named event: an election, a war, a summit, a tournament.
    Event,
    /// A name of none of those kinds, or of a kind the tagger could not tell.
    Other,
}

/// The part an entity plays in the article, one per entity (the first that applies,
/// in this order).
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityRole {
    /// A news outlet: the article's publisher or another outlet it cites.
    Publisher,
    /// An actor of the event: named in the headline or the lead and not only quoted.
    Party,
    /// Quoted or cited ("said X", "according to X") and not an actor of the event.
    Source,
    /// A place where the event happens or that it concerns.
    Place,
    /// Harmed or hit by the event ("killed X", "victims of X").
    Affected,
    /// Mentioned, with no part the tagger could tell.
    Other,
}

impl EntityType {
    /// The name it is serialized under.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::Person => "person",
            EntityType::Organization => "organization",
            EntityType::Place => "place",
            EntityType::Event => "event",
            EntityType::Other => "other",
        }
    }
}

impl EntityRole {
    /// The name it is serialized under.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityRole::Publisher => "publisher",
            EntityRole::Party => "party",
            EntityRole::Source => "source",
            EntityRole::Place => "place",
            EntityRole::Affected => "affected",
            EntityRole::Other => "other",
        }
    }
}
