//! distill-nlp
