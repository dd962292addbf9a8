//! Feed subscriptions: adding one (checked by the SSRF guard, so that a refused
//! address fails when it is added, not silently at every poll), removing one, and
//! OPML import and export. The CLI only prints what these return.

use std::time::Duration;

use chrono::Utc;
use distill_ingest::guard::{self, Reach};
use distill_ingest::opml::{self, Subscription};
use distill_ingest::{Skip, SkipKind};
use distill_library::{Library, LibraryError};
use distill_store::Feed;

/// Why a subscription could not be made.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum SubscribeError {
    /// The URL does not parse.
    #[error("{url}: not a valid URL: {reason}")]
    BadUrl {
        /// The URL as given.
        url: String,
        /// Why.
        reason: String,
    },
    /// The guard refuses the address.
    #[error("{url}: refused: {reason}")]
    Refused {
        /// The URL as given.
        url: String,
        /// The guard's reason.
        reason: String,
    },
    /// The OPML file does not parse.
    #[error("not an OPML file: {0}")]
    Opml(String),
    /// The data folder failed.
    #[error(transparent)]
    Library(#[from] LibraryError),
}

impl From<distill_store::StoreError> for SubscribeError {
    fn from(e: distill_store::StoreError) -> Self {
        SubscribeError::Library(e.into())
    }
}

/// What to subscribe to.
#[derive(Debug, Clone)]
pub struct NewFeed {
    /// The feed's URL.
    pub url: String,
    /// Time between polls.
    pub interval: Duration,
    /// A title of the reader's own.
    pub title: Option<String>,
    /// A folder.
    pub category: Option<String>,
}

/// Every address class open: for checks that only want the URL's shape (the
/// fetch-time guard still applies the configured reach).
const ANY: Reach = Reach { private: true, link_local: true };

/// Parses a URL and checks it against the guard; returns its normalized form.
pub fn checked_url(url: &str, reach: Reach) -> Result<String, SubscribeError> {
    let parsed = url::Url::parse(url.trim())
        .map_err(|e| SubscribeError::BadUrl { url: url.to_string(), reason: e.to_string() })?;
    guard::check_url(&parsed, reach)
        .map_err(|refusal| SubscribeError::Refused { url: url.to_string(), reason: refusal.to_string() })?;
    Ok(parsed.to_string())
}

/// Subscribes (or, when already subscribed, revives with the new settings); returns
/// the stored URL and whether it is new.
pub fn subscribe(library: &Library, new: &NewFeed, reach: Reach) -> Result<(String, bool), SubscribeError> {
    let url = checked_url(&new.url, reach)?;
    let mut feed = Feed::new(&url, new.interval, Utc::now());
    feed.title = new.title.clone();
    feed.category = new.category.clone();
    let added = library.store.add_feed(&feed)?;
    Ok((url, added))
}

/// Removes a subscription given as written or in its normalized form; false when
/// there was none.
pub fn unsubscribe(library: &Library, url: &str) -> Result<bool, SubscribeError> {
    Ok(library.store.remove_feed(url)? || library.store.remove_feed(&checked_url(url, ANY)?)?)
}

/// What an OPML import did.
#[derive(Debug, Default)]
pub struct Imported {
    /// New subscriptions.
    pub added: usize,
    /// Subscriptions that were already there (revived, settings taken).
    pub updated: usize,
    /// Outlines not imported, each with the reason.
    pub skipped: Vec<Skip>,
}

/// Imports an OPML subscription list. Addresses are checked for shape only: a list
/// may be meant for an intranet, and the fetch-time guard still applies.
pub fn import_opml(library: &Library, bytes: &[u8], interval: Duration) -> Result<Imported, SubscribeError> {
    let import = opml::parse(bytes).map_err(SubscribeError::Opml)?;
    let mut done = Imported { skipped: import.skipped, ..Imported::default() };
    for s in import.subscriptions {
        let url = match checked_url(&s.url, ANY) {
            Ok(url) => url,
            Err(e) => {
                let kind =
                    if matches!(e, SubscribeError::BadUrl { .. }) { SkipKind::Malformed } else { SkipKind::Refused };
                done.skipped.push(Skip::new(&s.url, kind, e.to_string()));
                continue;
            }
        };
        let mut feed = Feed::new(&url, interval, Utc::now());
        feed.title = s.title;
        feed.site_url = s.site_url;
        feed.category = s.category;
        if library.store.add_feed(&feed)? {
            done.added += 1;
        } else {
            done.updated += 1;
        }
    }
    Ok(done)
}

/// The subscriptions as OPML 2.0.
pub fn export_opml(library: &Library) -> Result<String, SubscribeError> {
    let subscriptions: Vec<Subscription> = library
        .store
        .feeds()?
        .into_iter()
        .map(|f| Subscription { url: f.url, title: f.title, site_url: f.site_url, category: f.category })
        .collect();
    Ok(opml::write(&subscriptions, "distill subscriptions", &Utc::now().to_rfc2822()))
}
