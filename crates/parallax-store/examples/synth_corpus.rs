//! Writes COUNT synthetic articles made from the example stories into OUT_DIR, for scale
//! and load benchmarks (`bench/scale.sh`); see `parallax_store::testing::synthetic_corpus`.
//!
//!     cargo run --release -p parallax-store --example synth_corpus -- OUT_DIR COUNT

use std::path::PathBuf;

fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let (Some(out), Some(count)) = (args.next(), args.next().and_then(|n| n.parse::<usize>().ok())) else {
        return Err(std::io::Error::other("usage: synth_corpus OUT_DIR COUNT"));
    };
    let examples = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples");
    let mut sources = Vec::new();
    for story in ["harbour-strike", "valley-earthquake"] {
        let mut paths: Vec<PathBuf> = std::fs::read_dir(examples.join(story))?.map(|e| e.map(|e| e.path())).collect::<Result<_, _>>()?;
        paths.sort();
        for path in paths.into_iter().filter(|p| p.extension().is_some_and(|e| e == "txt")) {
            let name = path.file_name().unwrap_or_default().to_string_lossy().into_owned();
            sources.push((name, std::fs::read_to_string(&path)?));
        }
    }
    std::fs::create_dir_all(&out)?;
    for (name, text) in parallax_store::testing::synthetic_corpus(&sources, count) {
        std::fs::write(PathBuf::from(&out).join(name), text)?;
    }
    Ok(())
}
