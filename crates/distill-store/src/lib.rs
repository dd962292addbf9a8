//! distill-store
