//! distill-server
