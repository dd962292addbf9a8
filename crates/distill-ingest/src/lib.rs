//! distill-ingest
