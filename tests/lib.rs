//! The integration tests: one test binary (see `Cargo.toml`), one module per subject.

mod architecture;
mod browser;
mod cli;
mod entities;
mod eval;
mod faults;
mod formats;
mod gazetteer;
mod invariants;
mod json_format;
mod offsets;
mod properties;
mod quotes;
mod robustness;
mod sentences;
mod tokens;
