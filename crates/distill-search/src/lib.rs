//! distill-search
