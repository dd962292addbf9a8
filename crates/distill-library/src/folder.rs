//! A data folder: `distill.db` (the store) and `index/` (the search replica).

use std::path::{Path, PathBuf};
use std::sync::Arc;

use distill_search::SearchIndex;
use distill_store::{SqliteStore, Store};

/// Failures opening or keeping a data folder.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum LibraryError {
    /// The store failed.
    #[error(transparent)]
    Store(#[from] distill_store::StoreError),
    /// The search index failed.
    #[error(transparent)]
    Search(#[from] distill_search::SearchError),
}

/// The store and search index of one data folder.
#[derive(Clone)]
pub struct Library {
    /// Where the data lives.
    pub dir: PathBuf,
    /// The source of truth.
    pub store: Arc<dyn Store>,
    /// The keyword index.
    pub index: Arc<SearchIndex>,
}

impl Library {
    /// Opens (creating if needed) the data folder and catches the index up with
    /// anything the store committed that the index missed (a crash between the two
    /// commits). When another process holds the index writer, catching up is left
    /// to that process and a warning is logged; the folder still opens for reading.
    pub fn open(dir: &Path) -> Result<Library, LibraryError> {
        let store = Arc::new(SqliteStore::open(&dir.join("distill.db"))?);
        let index = Arc::new(SearchIndex::open(&dir.join("index"))?);
        let library = Library { dir: dir.to_path_buf(), store, index };
        if let Err(error) = library.sync_index() {
            tracing::warn!(%error, dir = %dir.display(), "search index could not catch up with the store");
        }
        Ok(library)
    }

    /// Brings the search index up to date with the store.
    pub fn sync_index(&self) -> Result<usize, LibraryError> {
        Ok(self.index.sync(self.store.as_ref())?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use distill_core::{Article, Summary};

    /// Guards the store-then-index order: an article committed to the store whose
    /// index commit never happened (a crash in between) is searchable after the next
    /// open.
    #[test]
    fn opening_catches_the_index_up_after_a_crash() {
        let dir = tempfile::tempdir().unwrap();
        {
            let store = SqliteStore::open(&dir.path().join("distill.db")).unwrap();
            let text = "The harbour pilots voted to strike over the new rota.";
            store
                .upsert(&Article {
                    id: "a".into(),
                    title: "Pilots strike".into(),
                    url: None,
                    source: None,
                    byline: None,
                    published: None,
                    language: None,
                    text: text.into(),
                    sentences: vec![],
                    summary: Summary::default(),
                    insights: vec![],
                    content_hash: distill_core::content_hash(text),
                    origin: "test".into(),
                    duplicate_of: None,
                    signature: vec![],
                })
                .unwrap();
        }
        let library = Library::open(dir.path()).unwrap();
        let query = distill_search::SearchQuery { text: "pilots".into(), limit: 5, ..Default::default() };
        assert_eq!(library.index.search(&query).unwrap().total, 1);
    }
}
