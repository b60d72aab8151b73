//! `vcaudit schema`: the JSON Schema of the vendor file format.

use std::io::Write;

use crate::catalogue::schema::schema;
use crate::error::{exit, Error};

/// Runs `vcaudit schema`.
pub fn run(out: &mut dyn Write) -> Result<u8, Error> {
    serde_json::to_writer_pretty(&mut *out, &schema()).map_err(std::io::Error::from)?;
    writeln!(out)?;
    Ok(exit::SUCCESS)
}
