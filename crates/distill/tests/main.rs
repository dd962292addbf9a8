//! End-to-end tests of the `distill` binary: a real SQLite file, a real tantivy
//! index, and a real HTTP server on 127.0.0.1.

mod support;

mod ask;
mod bad_input;
#[cfg(unix)]
mod browser;
mod cli;
mod cluster;
mod config;
mod generate;
mod http;
mod live;
mod operations;
mod postgres;
mod reference;
mod search_modes;
mod shared_folder;
mod stories;
mod verify;
