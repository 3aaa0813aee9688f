//! `schema [DIR]`: writes the JSON Schemas generated from the Rust types (default `schema/`).

use std::path::PathBuf;

fn main() -> std::io::Result<()> {
    let dir = std::env::args_os()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("schema"));
    std::fs::create_dir_all(&dir)?;
    for (name, text) in inspection_tools::schemas() {
        std::fs::write(dir.join(name), text)?;
        println!("wrote {}", dir.join(name).display());
    }
    Ok(())
}
