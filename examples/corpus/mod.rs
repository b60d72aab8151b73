//! The policy corpus's `MANIFEST.toml` as the examples read it: documents, their declared
//! selectors, snapshots and reviewed pairs. Shared by `corpus_check` and `extract_bench`.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use serde::Deserialize;

#[derive(Deserialize)]
pub struct Manifest {
    pub document: Vec<Document>,
}

#[derive(Deserialize)]
pub struct Document {
    pub id: String,
    pub folder: String,
    pub source_url: String,
    pub declaration: Declaration,
    pub snapshot: Vec<Snapshot>,
    #[serde(default)]
    pub pair: Vec<Pair>,
}

#[derive(Deserialize)]
pub struct Declaration {
    #[serde(default)]
    pub select: Vec<String>,
    #[serde(default)]
    pub remove: Vec<String>,
}

#[derive(Deserialize)]
pub struct Snapshot {
    pub file: String,
}

#[derive(Deserialize)]
pub struct Pair {
    pub from: String,
    pub to: String,
    pub meaningful_change: bool,
    pub reviewed_scope: String,
}

/// The corpus directory when run from the repository or one level below it.
pub fn default_dir() -> PathBuf {
    ["../shared/corpus/policies", "../../shared/corpus/policies"]
        .iter()
        .map(PathBuf::from)
        .find(|p| p.join("MANIFEST.toml").is_file())
        .unwrap_or_else(|| PathBuf::from("../shared/corpus/policies"))
}

/// Reads `dir/MANIFEST.toml`, or ends the process with a message and exit code 4.
pub fn manifest(dir: &Path) -> Manifest {
    let path = dir.join("MANIFEST.toml");
    match std::fs::read_to_string(&path)
        .map_err(|e| e.to_string())
        .and_then(|s| toml::from_str(&s).map_err(|e| e.to_string()))
    {
        Ok(m) => m,
        Err(e) => {
            eprintln!("cannot read `{}`: {e}", path.display());
            std::process::exit(4);
        }
    }
}
