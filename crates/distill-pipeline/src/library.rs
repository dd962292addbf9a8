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
    /// anything the store committed that the index missed.
    pub fn open(dir: &Path) -> Result<Library, LibraryError> {
        let store = Arc::new(SqliteStore::open(&dir.join("distill.db"))?);
        let index = Arc::new(SearchIndex::open(&dir.join("index"))?);
        let library = Library { dir: dir.to_path_buf(), store, index };
        Ok(library)
    }

    /// Brings the search index up to date with the store.
    pub fn sync_index(&self) -> Result<usize, LibraryError> {
        Ok(self.index.sync(self.store.as_ref())?)
    }
}
