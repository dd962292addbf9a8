//! distill-pipeline
