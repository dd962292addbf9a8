//! `distill entity NAME`: a person, organisation, place or event across the stored
//! articles: how often they name it over time, which articles, who is named beside
//! it and what it said.

use std::fmt::Write as _;
use std::process::ExitCode;

use clap::Args;
use distill_library::code::{Code, Coded};
use distill_library::{EntityQuery, EntityView, Library};

#[derive(Args)]
pub struct EntityArgs {
    /// The entity's name or one of its aliases, as an article writes it ("U.S.",
    /// "Temur Umarov").
    pub name: String,
    /// Most articles to list (1 to 500).
    #[arg(long, default_value_t = distill_library::DEFAULT_ENTITY_ARTICLES)]
    pub limit: usize,
    /// Print JSON: {name, type, aliases, articles_in_all, mentions_in_all, timeline,
    /// articles, co_mentioned, said}.
    #[arg(long)]
    pub json: bool,
}

pub fn run(library: &Library, args: EntityArgs) -> anyhow::Result<ExitCode> {
    let query = EntityQuery::new(&args.name, args.limit).map_err(|why| Coded::new(Code::BadParameter, why))?;
    let Some(view) = library.entity(&query)? else {
        let message =
            format!("no stored article names {:?} (see an article's entities with `distill show ID`)", query.name);
        return Err(Coded::new(Code::NotFound, message).into());
    };
    if args.json {
        println!("{}", serde_json::to_string(&view)?);
    } else {
        print!("{}", text(&view));
    }
    Ok(ExitCode::SUCCESS)
}

/// The entity for people: who it is, its mentions by period, its articles (newest
/// first, with its part in each), the entities named beside it and what it said,
/// each claim marked `[id:sentence]` (sentences counted from 1).
fn text(view: &EntityView) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{} ({})", view.name, view.kind.as_str());
    if !view.aliases.is_empty() {
        let _ = writeln!(out, "  also: {}", view.aliases.join(", "));
    }
    let plural = |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let _ = writeln!(
        out,
        "  {}, {}",
        plural(view.articles_in_all, "article", "articles"),
        plural(view.mentions_in_all, "mention", "mentions")
    );
    if !view.timeline.is_empty() {
        let _ = writeln!(out, "\nMentions over time");
        let most = view.timeline.iter().map(|p| p.articles).max().unwrap_or(1).max(1);
        for p in &view.timeline {
            let bar = "#".repeat((p.articles * 30).div_ceil(most));
            let _ = writeln!(out, "  {:<10}  {:>4}  {bar}", p.period, p.articles);
        }
    }
    let _ = writeln!(out, "\nArticles");
    for a in &view.articles {
        let s = &a.article;
        let date = s.published.map(|d| d.format("%Y-%m-%d").to_string()).unwrap_or_else(|| "----------".into());
        let copy = s.duplicate_of.as_deref().map(|o| format!("  [copy of {o}]")).unwrap_or_default();
        let _ = writeln!(
            out,
            "  {}  {date}  {}  ({}) · {}, {}{copy}",
            s.id,
            s.title,
            s.source.as_deref().unwrap_or("unknown source"),
            a.role.as_str(),
            plural(a.mentions, "mention", "mentions"),
        );
    }
    if view.articles.len() < view.articles_in_all {
        let _ = writeln!(out, "  and {} more (--limit)", view.articles_in_all - view.articles.len());
    }
    if !view.co_mentioned.is_empty() {
        let _ = writeln!(out, "\nNamed with");
        for c in &view.co_mentioned {
            let _ = writeln!(out, "  {} ({}) · {}", c.name, c.kind.as_str(), plural(c.articles, "story", "stories"));
        }
    }
    if !view.said.is_empty() {
        let _ = writeln!(out, "\nWhat {} said", view.name);
        for s in &view.said {
            let claim = match s.kind {
                distill_core::AttributionKind::Direct => format!("“{}”", s.text),
                distill_core::AttributionKind::Reported => s.text.clone(),
            };
            let _ = writeln!(out, "  {claim} [{}:{}]  ({})", s.article, s.sentence + 1, s.title);
        }
    }
    out
}
